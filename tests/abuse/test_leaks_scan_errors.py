"""A rejected supplier list's messages name the file as the user uploaded it, never the stored
(random) name or a server path (issue 17, finding 9)."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.register import actions


def test_scan_errors_and_problems_show_the_uploaded_name_only(alice: Any, acme: Any, client_for: Any) -> None:
    upload = SimpleUploadedFile(
        "mijn-leveranciers.csv", b"supplier,country,product\nA,NL\n", content_type="text/csv"
    )
    scan = actions.upload_and_scan_supplier_list(alice, acme, upload)
    [job] = run_pending_jobs_now()
    scan.refresh_from_db()
    stored = scan.upload.file.name.rsplit("/", 1)[-1]
    assert scan.status == "failed"
    texts = [scan.error, job.error, *(str(problem) for problem in scan.problems)]
    assert all(stored not in text and "/media" not in text for text in texts), texts
    assert {problem["file"] for problem in scan.problems} == {"mijn-leveranciers.csv"}
    page = client_for(alice).get(reverse("register:scan_detail", kwargs={"org": "acme", "scan_id": scan.pk}))
    assert stored not in page.content.decode()
    jobs_page = client_for(alice).get(reverse("jobs:list", kwargs={"org": "acme"}))
    assert stored not in jobs_page.content.decode()
