"""Issue 17, finding 1 on the other upload paths: a monitoring population and obligations import
records are read while the page waits, so the same limits (unpacked size from the ZIP directory,
rows) bound that work, and the page says which limit and how to change it. Nothing is stored."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from imvo.core.obligations import FactsError
from imvo.web.monitoring.models import MonitoredCompany
from imvo.web.obligations.imports_file import read_import_file
from imvo.web.obligations.models import ImportUpload

pytestmark = pytest.mark.django_db


def _bomb(sheet_bytes: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr(
            "xl/worksheets/sheet1.xml", b"<worksheet><sheetData>" + b"<row/>" * (sheet_bytes // 6)
        )
    return buffer.getvalue()


def _xlsx(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(response: Any) -> str:
    return response.content.decode().replace("&#x27;", "'")


# -- monitoring population -------------------------------------------------------------------------


def test_a_population_zip_bomb_is_refused_at_the_form(
    monitor: Any, dave: Any, client_for: Any, settings: Any
) -> None:
    settings.IMVO_MAX_UNPACKED_SIZE = 1024**2
    upload = SimpleUploadedFile("population.xlsx", _bomb(3 * 1024**2))
    response = client_for(dave).post("/o/ministry/monitoring/population/import/", {"file": upload})
    assert response.status_code == 400
    assert "the workbook unpacks to 3 MB, more than 1 MB" in _text(response)
    assert not MonitoredCompany.objects.filter(organisation=monitor).exists()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_population_over_the_row_limit_is_refused(
    monitor: Any, dave: Any, client_for: Any, settings: Any, kind: str
) -> None:
    settings.IMVO_MAX_FORM_ROWS = 100
    rows = [["name", "employees"]] + [[f"Company {n}", 600] for n in range(101)]
    if kind == "xlsx":
        data = _xlsx(rows)
    else:
        data = "".join(f"{name};{employees}\n" for name, employees in rows).encode()
    upload = SimpleUploadedFile(f"population.{kind}", data)
    response = client_for(dave).post("/o/ministry/monitoring/population/import/", {"file": upload})
    assert response.status_code == 400
    body = _text(response)
    assert "more than 100 rows after the header, the limit" in body
    assert "IMVO_MAX_FORM_ROWS" in body
    assert not MonitoredCompany.objects.filter(organisation=monitor).exists()


def test_a_shift_jis_population_is_refused(monitor: Any, dave: Any, client_for: Any) -> None:
    data = "name;employees\n株式会社サンプル;600\nテスト商事;700\n".encode("cp932")
    upload = SimpleUploadedFile("population.csv", data)
    response = client_for(dave).post("/o/ministry/monitoring/population/import/", {"file": upload})
    assert response.status_code == 400
    assert "Japanese text in Shift-JIS" in _text(response)


# -- obligations import records --------------------------------------------------------------------


def test_an_import_records_zip_bomb_is_refused_before_openpyxl_opens_it(
    acme: Any, alice: Any, client_for: Any, settings: Any
) -> None:
    settings.IMVO_MAX_UNPACKED_SIZE = 1024**2
    url = reverse("obligations:imports_upload", kwargs={"org": "acme"})
    response = client_for(alice).post(url, {"file": SimpleUploadedFile("imports.xlsx", _bomb(3 * 1024**2))})
    assert response.status_code == 400
    assert "the workbook unpacks to 3 MB, more than 1 MB" in _text(response)
    assert not ImportUpload.objects.exists()
    # The reader itself refuses it too (a caller that skips the form).
    with pytest.raises(FactsError) as caught:
        read_import_file("imports.xlsx", _bomb(3 * 1024**2))
    assert "IMVO_MAX_UNPACKED_SIZE" in caught.value.problems[0].message


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_records_over_the_row_limit_are_refused(
    acme: Any, alice: Any, client_for: Any, settings: Any, kind: str
) -> None:
    settings.IMVO_MAX_FORM_ROWS = 100
    rows = [["year", "cn_code", "quantity_kg", "country_of_origin"]] + [[2024, "26090000", 10, "CD"]] * 101
    if kind == "xlsx":
        data = _xlsx(rows)
    else:
        data = "".join(",".join(str(cell) for cell in row) + "\n" for row in rows).encode()
    with pytest.raises(FactsError) as caught:
        read_import_file(f"imports.{kind}", data)
    assert "more than 100 rows after the header, the limit" in caught.value.problems[0].message
    url = reverse("obligations:imports_upload", kwargs={"org": "acme"})
    response = client_for(alice).post(url, {"file": SimpleUploadedFile(f"imports.{kind}", data)})
    assert response.status_code == 400
    assert "IMVO_MAX_FORM_ROWS" in _text(response)
    assert not ImportUpload.objects.exists()
    assert (
        len(
            read_import_file(
                f"imports.{kind}", _xlsx(rows[:101]) if kind == "xlsx" else data[: data.rfind(b"2024")]
            )
        )
        == 100
    )
