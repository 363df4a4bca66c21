"""Issue 17, findings 1 and 8: hostile and bad supplier lists are refused with a clear message, and
nothing reaches the register.

Finding 1: a 1.6 MB workbook unpacked to 3.14 M rows and ran for 17.5 minutes. Now the ZIP directory
is checked before anything is unpacked (at the form, and again by the job), and rows are counted
while they stream. Finding 8: a header-only CSV, a CSV whose stray quotes merged lines, and text that
is not Windows-1252 were accepted silently.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.register import actions
from imvo.web.register.models import Scan, ScanStatus, Supplier

pytestmark = pytest.mark.django_db

HEADER = "Leverancier;Land;Product\n"
GOOD = HEADER + "Cacao Coop;Ivoorkust;cacaobonen\nTextiel BV;Nederland;katoen\n"


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"register:{name}", kwargs={"org": "acme", **kwargs})


def _scan(alice: Any, acme: Any, name: str, data: bytes) -> Scan:
    """Upload past the form (as a file stored before a limit was lowered would be) and run the job."""
    scan = actions.upload_and_scan_supplier_list(alice, acme, SimpleUploadedFile(name, data))
    run_pending_jobs_now()
    scan.refresh_from_db()
    return scan


def _register_with_good_list(alice: Any, acme: Any) -> Scan:
    scan = _scan(alice, acme, "good.csv", GOOD.encode())
    assert scan.status == ScanStatus.DONE, scan.error
    return scan


def _refused(scan: Scan, words: str) -> str:
    assert scan.status == ScanStatus.FAILED
    messages = " | ".join(problem["message"] for problem in scan.problems)
    assert words in messages, messages
    return messages


def _suppliers(acme: Any) -> set[str]:
    return set(Supplier.objects.filter(organisation=acme).values_list("name", flat=True))


def _bomb(sheet_bytes: int) -> bytes:
    """A workbook whose sheet XML unpacks to ``sheet_bytes`` (empty rows compress extremely well)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        row = b"<row/>"
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            b"<worksheet><sheetData>" + row * (sheet_bytes // len(row)) + b"</sheetData></worksheet>",
        )
    return buffer.getvalue()


def _workbook(rows: int) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Leverancier", "Land", "Product"])
    for number in range(rows):
        sheet.append([f"Leverancier {number}", "Ghana", "cacao"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# -- finding 1: unpacked size and rows -------------------------------------------------------------


def test_a_zip_bomb_is_refused_at_the_form_from_its_zip_directory(
    alice: Any, acme: Any, client_for: Any, settings: Any
) -> None:
    settings.IMVO_MAX_UNPACKED_SIZE = 1024**2
    bomb = _bomb(3 * 1024**2)
    assert len(bomb) < 64 * 1024  # a small upload
    response = client_for(alice).post(url("scan_upload"), {"file": SimpleUploadedFile("list.xlsx", bomb)})
    assert response.status_code == 400
    body = response.content.decode()
    assert "The workbook cannot be accepted: the workbook unpacks to 3 MB, more than 1 MB" in body
    assert "IMVO_MAX_UNPACKED_SIZE" in body
    assert not Scan.objects.filter(organisation=acme).exists()


def test_a_zip_bomb_stored_earlier_fails_the_scan_before_anything_is_unpacked(
    alice: Any, acme: Any, settings: Any
) -> None:
    _register_with_good_list(alice, acme)
    settings.IMVO_MAX_UNPACKED_SIZE = 1024**2
    scan = _scan(alice, acme, "list.xlsx", _bomb(3 * 1024**2))
    _refused(scan, "the workbook unpacks to 3 MB, more than 1 MB, the limit")
    assert _suppliers(acme) == {"Cacao Coop", "Textiel BV"}  # the register is as it was


def test_a_part_that_unpacks_far_more_than_xml_does_is_refused(alice: Any, acme: Any, settings: Any) -> None:
    settings.IMVO_MAX_UNPACK_RATIO = 100
    scan = _scan(alice, acme, "list.xlsx", _bomb(5 * 1024**2))  # within 500 MB, but ~1000 times packed
    messages = _refused(scan, "unpacks")
    assert "more than the limit of 100 times" in messages
    assert "IMVO_MAX_UNPACK_RATIO" in messages
    assert not Supplier.objects.filter(organisation=acme).exists()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_row_limit_holds_for_csv_and_workbooks(alice: Any, acme: Any, settings: Any, kind: str) -> None:
    settings.IMVO_MAX_UPLOAD_ROWS = 100

    def data(rows: int) -> bytes:
        if kind == "xlsx":
            return _workbook(rows)
        return (HEADER + "".join(f"Leverancier {n};Ghana;cacao\n" for n in range(rows))).encode()

    scan = _scan(alice, acme, f"list.{kind}", data(100))
    assert scan.status == ScanStatus.DONE, scan.error  # exactly the limit is fine
    assert Supplier.objects.filter(organisation=acme).count() == 100
    over = _scan(alice, acme, f"over.{kind}", data(101))
    messages = _refused(over, "more than 100 rows after the header, the limit")
    assert "IMVO_MAX_UPLOAD_ROWS" in messages
    assert Supplier.objects.filter(organisation=acme).count() == 100  # nothing of the second list


def test_empty_rows_count_against_the_row_limit(alice: Any, acme: Any, settings: Any) -> None:
    settings.IMVO_MAX_UPLOAD_ROWS = 100
    scan = _scan(alice, acme, "list.csv", (GOOD + ";;\n" * 200).encode())
    _refused(scan, "more than 100 rows")


def test_the_limits_have_documented_defaults(settings: Any) -> None:
    from imvo.web.upload_limits import file_budget, file_limits

    limits = file_limits()
    assert limits.max_rows == 1_000_000
    assert limits.max_unpacked_bytes == 500 * 1024**2
    assert limits.max_ratio == 100
    assert limits.max_bytes == settings.IMVO_MAX_UPLOAD_SIZE
    assert file_limits("IMVO_MAX_FORM_ROWS").max_rows == 100_000
    assert (file_budget().seconds, file_budget().memory_mb) == (120, 1024)


# -- finding 8: bad input is a failed scan ---------------------------------------------------------


def test_a_header_only_list_fails_and_does_not_replace_the_register(alice: Any, acme: Any) -> None:
    _register_with_good_list(alice, acme)
    scan = _scan(alice, acme, "empty.csv", HEADER.encode())
    _refused(scan, "the file has a header row but no supplier rows")
    assert _suppliers(acme) == {"Cacao Coop", "Textiel BV"}


def test_stray_quotes_that_merge_lines_fail_the_scan(alice: Any, acme: Any) -> None:
    # 2 000 lines, every other one opening a quote that the next one closes: 1 000 rows of the right
    # width, each swallowing the following line.
    lines = [f'A{n};Ghana;"cacao' if n % 2 == 0 else f'B{n};Peru;koffie"' for n in range(2000)]
    _register_with_good_list(alice, acme)
    scan = _scan(alice, acme, "quotes.csv", (HEADER + "\n".join(lines) + "\n").encode())
    messages = _refused(scan, "a stray double quote has probably merged rows")
    assert "this row runs from line 2 to line 3" in messages
    assert _suppliers(acme) == {"Cacao Coop", "Textiel BV"}


def test_shift_jis_is_refused_not_read_as_windows_1252(alice: Any, acme: Any) -> None:
    text = "仕入先;国;製品\n株式会社サンプル;日本;コーヒー\nテスト商事;中国;お茶\n"
    scan = _scan(alice, acme, "japan.csv", text.encode("cp932"))
    _refused(scan, "the file looks like Japanese text in Shift-JIS, not Windows-1252")
    assert not Supplier.objects.filter(organisation=acme).exists()


def test_damaged_utf8_is_refused_not_read_as_windows_1252(alice: Any, acme: Any) -> None:
    data = (HEADER + "Müller GmbH;Duitsland;kaas\nCafé Noord;België;koffie\n").encode() + b"Bad\xff;NL;x\n"
    scan = _scan(alice, acme, "damaged.csv", data)
    _refused(scan, "the file is UTF-8 with damaged bytes (the first at byte")
    assert scan.problems[0]["line"] == 4
    assert not Supplier.objects.filter(organisation=acme).exists()


def test_a_genuine_windows_1252_list_is_read_and_the_guess_is_reported(alice: Any, acme: Any) -> None:
    example = Path(__file__).parents[2] / "examples" / "leveranciers.csv"
    scan = _scan(alice, acme, "leveranciers.csv", example.read_bytes())
    assert scan.status == ScanStatus.DONE, scan.error
    warnings = [problem["message"] for problem in scan.problems]
    assert any("its encoding was guessed as Windows-1252" in message for message in warnings)
    assert Supplier.objects.filter(organisation=acme).exists()
