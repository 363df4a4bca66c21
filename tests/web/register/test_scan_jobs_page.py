"""Supplier scans on the jobs page: named as the scan and its uploaded file, and "Try again" only
where trying again can help."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.register import actions
from imvo.web.register.models import Scan, ScanStatus

JOBS = reverse("jobs:list", kwargs={"org": "acme"})


def _scan(alice: Any, acme: Any, name: str, content: bytes) -> Scan:
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    return actions.upload_and_scan_supplier_list(alice, acme, upload)


def _retry_url(job: Job) -> str:
    return reverse("jobs:retry", kwargs={"org": "acme", "job_id": job.pk})


def test_a_scan_job_is_shown_as_its_scan_with_the_uploaded_file_name(
    supplier_csv: Path, alice: Any, acme: Any, client_for: Any
) -> None:
    scan = _scan(alice, acme, "Leveranciers 2025.csv", supplier_csv.read_bytes())
    run_pending_jobs_now()
    scan.refresh_from_db()
    assert scan.status == ScanStatus.DONE, (scan.error, Job.objects.filter(pk=scan.job_id).values().get())
    page = client_for(alice).get(JOBS).content.decode()
    detail = reverse("register:scan_detail", kwargs={"org": "acme", "scan_id": scan.pk})
    assert f'<a href="{detail}">Scan #{scan.pk}: Leveranciers 2025.csv</a>' in page
    stored = os.path.basename(scan.upload.file.name)
    assert stored not in page
    # One number: the scan's. The job's own number and kind are not shown.
    assert f"scan_suppliers #{scan.job_id}" not in page
    dutch = client_for(alice).get(JOBS, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert f"Scan #{scan.pk}: Leveranciers 2025.csv" in dutch


def test_a_file_rejected_for_its_content_says_why_and_offers_a_new_upload_not_a_retry(
    alice: Any, dave: Any, acme: Any, client_for: Any
) -> None:
    scan = _scan(alice, acme, "mijn lijst.csv", b"name;colour\nfoo;blue\n")
    [job] = run_pending_jobs_now()
    scan.refresh_from_db()
    assert (job.status, scan.status) == ("failed", ScanStatus.FAILED)
    assert job.result["input_rejected"] is True
    client = client_for(dave)
    page = client.get(JOBS).content.decode().replace("&#x27;", "'")
    assert "The file was not accepted because of its content" in page
    assert scan.problems[0]["message"] in page  # the problems themselves
    assert os.path.basename(scan.upload.file.name) not in page  # never the stored name
    assert "Trying again would fail the same way" in page
    assert (
        f'<a href="{reverse("register:scans", kwargs={"org": "acme"})}">Upload a corrected file</a>' in page
    )
    assert _retry_url(job) not in page
    assert "Try again" not in page
    # Posting anyway does not queue it: the same file would fail again.
    response = client.post(_retry_url(job), follow=True)
    assert "Trying again would fail the same way" in response.content.decode()
    assert Job.objects.get(pk=job.pk).status == "failed"
    # The progress partial (polled until the job finished) says the same.
    partial = client.get(reverse("jobs:progress", kwargs={"org": "acme", "job_id": job.pk})).content.decode()
    assert "Trying again would fail the same way" in partial
    assert scan.problems[0]["message"] in partial.replace("&#x27;", "'")
    dutch = client.get(JOBS, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Opnieuw proberen zou op dezelfde manier mislukken" in dutch
    assert "Upload een verbeterd bestand" in dutch


def test_a_scan_job_interrupted_by_its_worker_can_be_tried_again(
    supplier_csv: Path, alice: Any, dave: Any, acme: Any, client_for: Any
) -> None:
    scan = _scan(alice, acme, "suppliers.csv", supplier_csv.read_bytes())
    stored_path = scan.upload.file.path
    # A transient failure: the scan was under way when the job was given up, reported with the path.
    Scan.objects.filter(pk=scan.pk).update(status=ScanStatus.RUNNING)
    Job.objects.filter(pk=scan.job_id).update(
        status="failed", error=f"[Errno 5] Input/output error: '{stored_path}'", result={}
    )
    page = client_for(dave).get(JOBS).content.decode().replace("&#x27;", "'")
    assert "Input/output error: 'suppliers.csv'" in page
    assert os.path.basename(stored_path) not in page
    assert _retry_url(scan.job) in page
    assert "Upload a corrected file" not in page
    assert "Upload the file again" not in page
    assert client_for(dave).post(_retry_url(scan.job)).status_code == 302
    assert Job.objects.get(pk=scan.job_id).status == "queued"
    run_pending_jobs_now()
    scan.refresh_from_db()
    assert scan.status != ScanStatus.FAILED, scan.error


def test_a_scan_that_recorded_its_failure_offers_a_new_upload_not_a_retry(
    supplier_csv: Path, alice: Any, dave: Any, acme: Any, client_for: Any
) -> None:
    scan = _scan(alice, acme, "suppliers.csv", supplier_csv.read_bytes())
    Scan.objects.filter(pk=scan.pk).update(status=ScanStatus.FAILED, error="disk full", problems=[])
    Job.objects.filter(pk=scan.job_id).update(status="failed", error="disk full", result={})
    page = client_for(dave).get(JOBS).content.decode()
    assert "disk full" in page
    assert _retry_url(scan.job) not in page
    assert f'<a href="{reverse("register:scans", kwargs={"org": "acme"})}">Upload the file again</a>' in page
    client_for(dave).post(_retry_url(scan.job))
    assert Job.objects.get(pk=scan.job_id).status == "failed"


def test_the_jobs_page_stays_within_a_few_queries_with_scans(
    supplier_csv: Path, alice: Any, acme: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    for number in range(6):
        _scan(alice, acme, f"list-{number}.csv", supplier_csv.read_bytes())
    client = client_for(alice)
    with django_assert_max_num_queries(9):
        response = client.get(JOBS)
    assert response.content.decode().count("Scan #") == 6


def test_a_scanned_list_waiting_for_review_says_so_on_the_jobs_page(
    supplier_csv: Path, alice: Any, acme: Any, client_for: Any
) -> None:
    from tests.web.register.test_rescan import FULL_LIST, upload

    upload(alice, acme, FULL_LIST)
    waiting = upload(alice, acme, FULL_LIST)
    page = client_for(alice).get(reverse("jobs:list", kwargs={"org": "acme"})).content.decode()
    assert "The changes wait for your review" in page
    assert reverse("register:scan_detail", kwargs={"org": "acme", "scan_id": waiting.pk}) in page
