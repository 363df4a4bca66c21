"""The browser flow: upload a supplier list, the job scans it, the register fills (real core scan)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from imvo.web.audit.models import AuditEvent
from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.register import actions
from imvo.web.register.models import RISK_ORDER, Risk, RiskSource, Scan, ScanStatus, Supplier
from tests.pdf_reading import page_texts


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"register:{name}", kwargs={"org": "acme", **kwargs})


def test_upload_scan_and_see_the_register_fill(
    supplier_csv: Path, dave: Any, acme: Any, client_for: Any
) -> None:
    client = client_for(dave)
    with supplier_csv.open("rb") as handle:
        response = client.post(url("scan_upload"), {"file": handle})
    assert response.status_code == 302
    scan = Scan.objects.get(organisation=acme)
    assert response["Location"] == url("scan_detail", scan_id=scan.pk)
    assert scan.status == ScanStatus.QUEUED
    assert scan.job is not None
    status_page = client.get(url("scan_status", scan_id=scan.pk)).content.decode()
    assert "hx-trigger" in status_page  # keeps polling while queued

    run_pending_jobs_now()

    scan.refresh_from_db()
    assert scan.status == ScanStatus.DONE, scan.error
    assert (scan.rows, scan.suppliers_count) == (3, 3)
    assert Supplier.objects.filter(scan=scan).count() == 3
    risks = Risk.objects.filter(organisation=acme, source=RiskSource.SCAN)
    assert risks.count() == scan.risks_count > 0
    # Cocoa from Côte d'Ivoire and bricks from India are on the ILAB list; the Dutch T-shirt maker
    # is listed only through its input, cotton, of unknown origin (issue 12).
    assert {risk.supplier.name for risk in risks} == {"Cacao Coop", "Brick Works", "Textiel BV"}
    textile = [risk for risk in risks if risk.supplier.name == "Textiel BV"]
    assert {(risk.input_good, risk.input_country) for risk in textile} == {("Cotton", "")}
    with translation.override("nl"):
        assert all("grondstof Katoen, herkomst onbekend" in risk.heading for risk in textile)
        assert all("herkomst" in risk.evidence_shown for risk in textile)
    top = risks.order_by(*RISK_ORDER).first()
    assert top is not None
    assert top.salience is not None
    assert top.evidence
    assert top.source_url.startswith("http")
    finished = client.get(url("scan_status", scan_id=scan.pk)).content.decode()
    assert "hx-trigger" not in finished
    assert "Finished" in finished
    assert "Cacao Coop" in client.get(url("risks")).content.decode()
    assert AuditEvent.objects.filter(organisation=acme, action="apply_scan", object_id=str(scan.pk)).exists()


def test_a_broken_file_fails_the_scan_with_every_problem_and_writes_nothing(
    tmp_path: Path, alice: Any, acme: Any, client_for: Any
) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("name;colour\nfoo;blue\n", encoding="utf-8")
    upload = SimpleUploadedFile("broken.csv", broken.read_bytes(), content_type="text/csv")
    scan = actions.upload_and_scan_supplier_list(alice, acme, upload)
    [job] = run_pending_jobs_now()
    scan.refresh_from_db()
    assert scan.status == ScanStatus.FAILED
    assert job.status == "failed"
    assert "nothing was added" in job.error
    assert scan.problems
    assert all(problem["message"] for problem in scan.problems)
    assert not Supplier.objects.filter(organisation=acme).exists()
    page = client_for(alice).get(url("scan_detail", scan_id=scan.pk)).content.decode()
    assert "The scan failed" in page
    assert scan.problems[0]["message"] in page.replace("&#x27;", "'")
    assert Job.objects.get(pk=job.pk).status == "failed"


def test_upload_type_and_content_are_checked(tmp_path: Path, dave: Any, acme: Any, client_for: Any) -> None:
    client = client_for(dave)
    fake = SimpleUploadedFile("suppliers.xlsx", b"MZ\x90\x00 not a spreadsheet")
    response = client.post(url("scan_upload"), {"file": fake})
    assert response.status_code == 400
    assert "does not match" in response.content.decode()
    exe = SimpleUploadedFile("suppliers.exe", b"MZ")
    assert client.post(url("scan_upload"), {"file": exe}).status_code == 400
    assert not Scan.objects.filter(organisation=acme).exists()


def test_findings_are_written_in_bulk(tmp_path: Path, alice: Any, acme: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = 3000
    big = tmp_path / "big.csv"
    lines = ["supplier,country,product"]
    lines += [
        f"Supplier {n},{'India' if n % 2 else 'Ghana'},{'bricks' if n % 2 else 'cocoa beans'}"
        for n in range(rows)
    ]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    actions.upload_and_scan_supplier_list(alice, acme, SimpleUploadedFile("big.csv", big.read_bytes()))
    with CaptureQueriesContext(connection) as queries:
        [job] = run_pending_jobs_now()
    assert job.status == "done", job.error
    inserts = [q for q in queries.captured_queries if q["sql"].startswith('INSERT INTO "register_')]
    assert Supplier.objects.filter(organisation=acme).count() == rows
    written = Risk.objects.filter(organisation=acme).count()
    assert written >= rows
    # One INSERT per batch, not per row (SQLite caps a batch by its number of query parameters).
    assert len(inserts) < (rows + written) / 20


def test_an_xlsx_supplier_list_is_scanned_too(tmp_path: Path, dave: Any, acme: Any, client_for: Any) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in (
        ("Leverancier", "Land", "Product"),
        ("Cacao Coop", "Ivoorkust", "cacaobonen"),
        ("Steen BV", "India", "bricks"),
    ):
        sheet.append(row)
    path = tmp_path / "leveranciers.xlsx"
    workbook.save(path)
    with path.open("rb") as handle:
        assert client_for(dave).post(url("scan_upload"), {"file": handle}).status_code == 302
    run_pending_jobs_now()
    scan = Scan.objects.get(organisation=acme)
    assert scan.status == ScanStatus.DONE, scan.error
    assert scan.upload.original_name == "leveranciers.xlsx"
    assert scan.suppliers_count == 2
    assert scan.risks_count > 0


def test_the_published_report_says_what_the_scan_looked_at_and_where_the_risks_are(
    supplier_csv: Path, alice: Any, acme: Any, client_for: Any
) -> None:
    client = client_for(alice)
    with supplier_csv.open("rb") as handle:
        client.post(url("scan_upload"), {"file": handle})
    run_pending_jobs_now()
    assert Scan.objects.get(organisation=acme).status == ScanStatus.DONE

    published = client.post(url("report_publish"), {"title": "Verslag 2026", "confirm": "on"})
    page = client_for(None).get(published["Location"]).content.decode()

    assert "No finding is not proof of no risk" in page
    assert 'data-theme="child_labour"' in page  # a coverage row (and a heat-map column) per theme
    assert '<table class="heat">' in page
    assert "(CI)" in page  # the countries of the findings are rows of the map
    assert "(IN)" in page

    pdf_text = " ".join(page_texts(client_for(None).get(published["Location"] + "report.pdf").content))
    assert "No finding is not proof of no risk" in pdf_text
    assert "Where the risks are: findings per country and theme" in pdf_text
    assert "(CI)" in pdf_text
