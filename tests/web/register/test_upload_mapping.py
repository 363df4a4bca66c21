"""Column mapping in the web upload and the correction of rows not recognised (issue 13, part 4):
real files, the real scan job, the real database."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from imvo.web.audit.models import AuditEvent
from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.register.models import Risk, Scan, ScanStatus, Supplier, SupplierUpload

ODD_HEADERS_CSV = (
    "Naam partner;Herkomst regio;Wat wij kopen;Bedrag\n"
    "Cacao Coop;Ivory Coast;cocoa beans;125000\n"
    "Brick Works;India;bricks;8000\n"
    "Textiel BV;Nederland;cotton t-shirts;4300\n"
)


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"register:{name}", kwargs={"org": "acme", **kwargs})


def _upload(client: Any, name: str, content: bytes) -> Any:
    return client.post(url("scan_upload"), {"file": SimpleUploadedFile(name, content)})


def test_unrecognised_headers_lead_to_the_column_form_with_a_preview(
    dave: Any, acme: Any, client_for: Any
) -> None:
    client = client_for(dave)
    response = _upload(client, "leveranciers.csv", ODD_HEADERS_CSV.encode())
    assert response.status_code == 302
    stored = SupplierUpload.objects.get(organisation=acme)
    assert response["Location"] == url("scan_columns", upload_id=stored.pk)
    assert not Scan.objects.filter(organisation=acme).exists()  # nothing is scanned before the choice
    assert AuditEvent.objects.filter(organisation=acme, action="upload").count() == 1

    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Kies de kolommen van leveranciers.csv" in page
    assert "Wat wij kopen" in page
    assert "cocoa beans" in page
    assert "Brick Works" in page
    assert "--map" not in page
    english = client.get(response["Location"]).content.decode()
    assert "Which column holds what" in english
    assert "--map" not in english


def test_choosing_the_columns_scans_the_list_with_them(dave: Any, acme: Any, client_for: Any) -> None:
    client = client_for(dave)
    location = _upload(client, "leveranciers.csv", ODD_HEADERS_CSV.encode())["Location"]
    # A choice without a country, and one column twice: refused with the reasons, nothing scanned.
    refused = client.post(location, {"supplier": "0", "product": "0"})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "Choose the column that holds this; the scan needs it." in text
    assert "This column is already chosen for" in text
    assert not Scan.objects.filter(organisation=acme).exists()

    response = client.post(location, {"supplier": "0", "country": "1", "product": "2", "spend": "3"})
    assert response.status_code == 302
    scan = Scan.objects.get(organisation=acme)
    assert response["Location"] == url("scan_detail", scan_id=scan.pk)
    run_pending_jobs_now()
    scan.refresh_from_db()
    assert scan.status == ScanStatus.DONE, scan.error
    assert scan.rows == 3
    names = set(Supplier.objects.filter(organisation=acme).values_list("name", flat=True))
    assert names == {"Cacao Coop", "Brick Works", "Textiel BV"}
    cocoa = Supplier.objects.get(organisation=acme, name="Cacao Coop")
    assert cocoa.country == "CI"
    assert cocoa.spend == Decimal("125000")
    assert Risk.objects.filter(organisation=acme, supplier=cocoa).exists()


def test_an_xlsx_list_with_unknown_headers_is_mapped_too(dave: Any, acme: Any, client_for: Any) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Partner", "Regio", "Artikelgroep X"])
    sheet.append(["Cacao Coop", "Ivory Coast", "cocoa beans"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = client_for(dave)
    location = _upload(client, "lijst.xlsx", buffer.getvalue())["Location"]
    assert "/columns/" in location
    assert "Artikelgroep X" in client.get(location).content.decode()
    client.post(location, {"supplier": "0", "country": "1", "product": "2"})
    run_pending_jobs_now()
    scan = Scan.objects.get(organisation=acme)
    assert scan.status == ScanStatus.DONE, scan.error
    assert Supplier.objects.get(organisation=acme).name == "Cacao Coop"


def test_a_recognised_list_is_scanned_at_once(dave: Any, acme: Any, client_for: Any) -> None:
    response = _upload(client_for(dave), "ok.csv", b"supplier,country,product\nCacao Coop,CI,cocoa\n")
    scan = Scan.objects.get(organisation=acme)
    assert response["Location"] == url("scan_detail", scan_id=scan.pk)


def test_the_column_form_is_for_editors_of_the_organisation_only(
    dave: Any, bob: Any, charlie: Any, acme: Any, client_for: Any
) -> None:
    location = _upload(client_for(dave), "leveranciers.csv", ODD_HEADERS_CSV.encode())["Location"]
    assert client_for(bob).get(location).status_code == 403
    assert client_for(charlie).get(location).status_code == 404
    stranger = reverse("register:scan_columns", kwargs={"org": "other", "upload_id": 1})
    assert client_for(charlie).get(stranger).status_code == 404


UNMATCHED_CSV = (
    "supplier,supplier number,country,product\n"
    "Cacao Coop,1,Atlantis,cocoa beans\n"
    "Brick Works,2,India,zzqx gizmo\n"
    "Textiel BV,3,Nederland,cotton t-shirts\n"
)


def test_rows_not_recognised_are_listed_corrected_and_resolved(dave: Any, acme: Any, client_for: Any) -> None:
    client = client_for(dave)
    _upload(client, "list.csv", UNMATCHED_CSV.encode())
    run_pending_jobs_now()
    scan = Scan.objects.get(organisation=acme)
    assert scan.status == ScanStatus.DONE, scan.error
    statuses = dict(Supplier.objects.filter(organisation=acme).values_list("name", "scan_status"))
    assert statuses["Cacao Coop"] == "unmatched_country"
    assert statuses["Brick Works"] == "unmatched_product"
    detail = client.get(url("scan_detail", scan_id=scan.pk)).content.decode()
    assert "2 suppliers of this list have a country or product that was not recognised" in detail
    assert url("scan_unmatched", scan_id=scan.pk) in detail

    page = client.get(url("scan_unmatched", scan_id=scan.pk), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Niet herkende rijen in list.csv" in page
    assert "Cacao Coop" in page
    assert "Brick Works" in page
    assert "Textiel BV" not in page
    nothing = client.post(
        url("scan_unmatched", scan_id=scan.pk),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-input_row": "1",
            "form-1-input_row": "2",
        },
    )
    assert nothing.status_code == 400
    response = client.post(
        url("scan_unmatched", scan_id=scan.pk),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-input_row": "1",
            "form-0-country": "ci",
            "form-0-product": "",
            "form-1-input_row": "2",
            "form-1-country": "",
            "form-1-product": "bricks",
        },
    )
    assert response.status_code == 302
    rescan = Scan.objects.filter(organisation=acme).exclude(pk=scan.pk).get()
    run_pending_jobs_now()
    rescan.refresh_from_db()
    assert rescan.status == ScanStatus.READY, rescan.error  # reviewed like any list
    client.post(url("scan_apply", scan_id=rescan.pk), {"mode": "replace"})
    run_pending_jobs_now()
    rescan.refresh_from_db()
    assert rescan.status == ScanStatus.DONE, rescan.error
    on_list = Supplier.objects.filter(organisation=acme, removed_scan__isnull=True)
    resolved = dict(on_list.values_list("name", "scan_status"))
    assert resolved["Cacao Coop"] != "unmatched_country"
    assert resolved["Brick Works"] != "unmatched_product"
    assert on_list.get(name="Cacao Coop").country == "CI"
    assert Risk.objects.filter(
        organisation=acme, supplier__name="Brick Works", good__icontains="brick"
    ).exists()


def test_a_scan_that_failed_on_its_headers_offers_the_column_form(
    dave: Any, acme: Any, client_for: Any
) -> None:
    from imvo.web.register import actions

    upload = SimpleUploadedFile("leveranciers.csv", ODD_HEADERS_CSV.encode())
    scan = actions.upload_and_scan_supplier_list(dave, acme, upload)  # e.g. through the API
    run_pending_jobs_now()
    scan.refresh_from_db()
    assert scan.status == ScanStatus.FAILED
    page = client_for(dave).get(url("scan_detail", scan_id=scan.pk)).content.decode()
    assert url("scan_columns", upload_id=scan.upload_id) in page
    assert "--map" not in page


def test_the_supplier_list_points_to_the_rows_to_correct(
    dave: Any, bob: Any, acme: Any, client_for: Any
) -> None:
    _upload(client_for(dave), "list.csv", UNMATCHED_CSV.encode())
    run_pending_jobs_now()
    scan = Scan.objects.get(organisation=acme)
    page = client_for(dave).get(url("suppliers")).content.decode()
    assert "2 suppliers of this list have a country or product that was not recognised" in page
    assert url("scan_unmatched", scan_id=scan.pk) in page
    viewer = client_for(bob)
    assert url("scan_unmatched", scan_id=scan.pk) not in viewer.get(url("suppliers")).content.decode()
    assert viewer.get(url("scan_unmatched", scan_id=scan.pk)).status_code == 403


def test_a_list_too_long_to_copy_while_the_page_waits_is_refused_with_the_limit(
    dave: Any, acme: Any, client_for: Any, settings: Any
) -> None:
    """The copy with the chosen columns is made in the request: it is bounded by the rows of a file
    read while the page waits (IMVO_MAX_FORM_ROWS), says so, and scans nothing."""
    settings.IMVO_MAX_FORM_ROWS = 2
    client = client_for(dave)
    location = _upload(client, "leveranciers.csv", ODD_HEADERS_CSV.encode())["Location"]
    response = client.post(location, {"supplier": "0", "country": "1", "product": "2", "spend": "3"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "IMVO_MAX_FORM_ROWS" in text
    assert "Wat wij kopen" in text  # the form and its preview are still there
    assert not Scan.objects.filter(organisation=acme).exists()
