"""Issue 17, findings 2 (per file) and 4: a disclosure that takes too long, too much memory or breaks
the PDF reader is recorded as unreadable with the reason, the rest of the round is assessed, "Try
again" does not fail on it, and an editor can remove or replace it from the round page.

The review's files: a 19.6 KB PDF whose pages share one large content stream (582 s of the only
worker) and a PDF with deeply nested arrays (an uncaught RecursionError that stopped the round).
"""

from __future__ import annotations

import zlib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imvo.web.audit.models import AuditEvent
from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.monitoring import actions
from imvo.web.monitoring.jobs import assess_disclosures
from imvo.web.monitoring.models import CompanyAssessment, Disclosure, MonitoringRound
from tests.web.monitoring.conftest import ENDORSING, POPULATION_CSV, SILENT

pytestmark = pytest.mark.django_db


def build_pdf(objects: list[bytes]) -> bytes:
    """A PDF with a correct cross-reference table; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
    b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
)


def _one_page(content: bytes, filter_: bytes = b"") -> bytes:
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            PAGE % (5, 4),
            b"<< /Length %d %s>>\nstream\n" % (len(content), filter_) + content + b"\nendstream",
            FONT,
        ]
    )


def text_pdf(text: str) -> bytes:
    return _one_page(b"BT /F1 12 Tf 72 720 Td (" + text.encode() + b") Tj ET")


def nested_pdf(depth: int = 5000) -> bytes:
    """The poison file of finding 4: an array nested 5 000 deep in the page's content stream."""
    return _one_page(b"BT /F1 12 Tf " + b"[" * depth + b"(x)" + b"]" * depth + b" TJ ET")


def slow_pdf(pages: int = 20, operators: int = 5000) -> bytes:
    """Finding 2's file in small: every page shows the same long content stream."""
    content = b"BT /F1 12 Tf " + b"(x) Tj " * operators + b"ET"
    kids = b" ".join(b"%d 0 R" % (5 + page) for page in range(pages))
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            FONT,
            *[PAGE % (4, 3) for _ in range(pages)],
        ]
    )


def greedy_pdf() -> bytes:
    """A 40 kB PDF whose one page holds 40 MB of text."""
    return _one_page(zlib.compress(b"BT (" + b"x " * (20 * 1024**2) + b") Tj ET"), b"/Filter /FlateDecode ")


def _round(monitor: Any, alice: Any, files: dict[str, bytes]) -> MonitoringRound:
    actions.import_population(alice, monitor, SimpleUploadedFile("population.csv", POPULATION_CSV.encode()))
    monitoring_round = actions.create_round(alice, monitor, "2021")
    uploads = [SimpleUploadedFile(name, data) for name, data in files.items()]
    actions.upload_disclosures(alice, monitor, monitoring_round, uploads)
    return monitoring_round


def _errors(monitoring_round: MonitoringRound) -> dict[str, str]:
    return {
        disclosure.original_name: disclosure.error
        for disclosure in Disclosure.objects.filter(monitoring_round=monitoring_round)
    }


def _endorses_acme(monitoring_round: MonitoringRound) -> bool:
    return CompanyAssessment.objects.get(
        monitoring_round=monitoring_round, company__registration_number="12345678"
    ).endorses


def test_a_poison_pdf_is_recorded_and_the_rest_of_the_round_is_assessed(monitor: Any, alice: Any) -> None:
    monitoring_round = _round(
        monitor,
        alice,
        {
            "33333333_poison.pdf": nested_pdf(),
            "12345678_statement.pdf": text_pdf(ENDORSING),
            "44444444_report.txt": SILENT.encode(),
        },
    )
    [job] = run_pending_jobs_now()
    assert job.status == "done", job.error
    assert job.result["unreadable"] == ["33333333_poison.pdf"]
    errors = _errors(monitoring_round)
    assert errors["33333333_poison.pdf"] == "the PDF is nested too deeply to read (RecursionError)"
    assert errors["12345678_statement.pdf"] == errors["44444444_report.txt"] == ""
    assert _endorses_acme(monitoring_round)  # the file after the poison one was assessed
    # Running the assessment again (as "Try again" does) does not stop on the poison file.
    actions.start_assessment_job(monitor, monitoring_round)
    [again] = run_pending_jobs_now()
    assert again.status == "done", again.error


def test_a_file_over_its_time_budget_is_stopped_and_the_round_goes_on(
    monitor: Any, alice: Any, settings: Any
) -> None:
    settings.IMVO_FILE_SECONDS = 0.5
    slow = slow_pdf()
    assert len(slow) < 64 * 1024
    monitoring_round = _round(
        monitor, alice, {"33333333_slow.pdf": slow, "12345678_statement.pdf": text_pdf(ENDORSING)}
    )
    [job] = run_pending_jobs_now()
    assert job.status == "done", job.error
    errors = _errors(monitoring_round)
    assert errors["33333333_slow.pdf"] == "reading it took longer than 0.5 s, the limit; it was stopped"
    assert errors["12345678_statement.pdf"] == ""
    assert _endorses_acme(monitoring_round)


def test_a_file_over_its_memory_budget_is_recorded_and_the_round_goes_on(
    monitor: Any, alice: Any, settings: Any
) -> None:
    settings.IMVO_FILE_MEMORY_MB = 200
    monitoring_round = _round(
        monitor, alice, {"33333333_greedy.pdf": greedy_pdf(), "12345678_statement.pdf": text_pdf(ENDORSING)}
    )
    [job] = run_pending_jobs_now()
    assert job.status == "done", job.error
    errors = _errors(monitoring_round)
    assert "needed more than 200 MB of memory, the limit" in errors["33333333_greedy.pdf"]
    assert _endorses_acme(monitoring_round)


def test_a_failed_file_is_shown_and_can_be_removed_by_an_editor_only(
    monitor: Any, alice: Any, dave: Any, bob: Any, client_for: Any
) -> None:
    monitoring_round = _round(
        monitor, alice, {"33333333_poison.pdf": nested_pdf(), "12345678_statement.txt": ENDORSING.encode()}
    )
    run_pending_jobs_now()
    poison = Disclosure.objects.get(original_name="33333333_poison.pdf")
    assert poison.status == "failed"
    round_url = f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/"
    remove_url = f"/o/ministry/monitoring/disclosures/{poison.pk}/remove/"
    page = client_for(dave).get(round_url).content.decode()
    assert "Files that could not be read" in page
    assert "the PDF is nested too deeply to read (RecursionError)" in page
    assert remove_url in page
    assert remove_url not in client_for(bob).get(round_url).content.decode()  # a viewer sees no button
    assert client_for(bob).post(remove_url).status_code == 403
    assert client_for(dave).get(remove_url).status_code == 405  # POST only
    assert client_for(dave).post(remove_url).status_code == 302
    assert not Disclosure.objects.filter(pk=poison.pk).exists()
    event = AuditEvent.objects.get(organisation=monitor, action="remove_disclosure")
    assert event.changes["file"] == "33333333_poison.pdf"
    assert "RecursionError" in event.changes["error"]
    assert _endorses_acme(monitoring_round)  # the other file's assessment is untouched


def test_a_failed_file_can_be_replaced_and_is_assessed_again(
    monitor: Any, alice: Any, dave: Any, client_for: Any
) -> None:
    monitoring_round = _round(monitor, alice, {"12345678_statement.pdf": nested_pdf()})
    run_pending_jobs_now()
    poison = Disclosure.objects.get(monitoring_round=monitoring_round)
    assert poison.status == "failed"
    replace_url = f"/o/ministry/monitoring/disclosures/{poison.pk}/replace/"
    # The new file is checked like any upload.
    refused = client_for(dave).post(replace_url, {"file": SimpleUploadedFile("statement.exe", b"MZ")})
    assert refused.status_code == 400
    new = SimpleUploadedFile("12345678_statement.pdf", text_pdf(ENDORSING))
    assert client_for(dave).post(replace_url, {"file": new}).status_code == 302
    poison.refresh_from_db()
    assert (poison.status, poison.error) == ("waiting", "")
    run_pending_jobs_now()
    poison.refresh_from_db()
    assert poison.status == "assessed"
    assert _endorses_acme(monitoring_round)
    assert AuditEvent.objects.filter(organisation=monitor, action="replace_disclosure").exists()
    assert Job.objects.filter(organisation=monitor, kind="assess_disclosures").count() == 2


def test_a_file_removed_while_the_job_runs_does_not_stop_the_job(monitor: Any, alice: Any) -> None:
    monitoring_round = _round(monitor, alice, {"12345678_statement.txt": ENDORSING.encode()})
    job = Job.objects.get(organisation=monitor, kind="assess_disclosures")
    disclosure = Disclosure.objects.get(monitoring_round=monitoring_round)
    original = actions.read_disclosure

    def remove_meanwhile(item: Disclosure) -> tuple[dict[str, Any], str]:
        result = original(item)
        actions.remove_disclosure(alice, Disclosure.objects.get(pk=disclosure.pk))
        return result

    actions.read_disclosure = remove_meanwhile  # type: ignore[assignment]
    try:
        assess_disclosures(job, lambda done, total: None)
    finally:
        actions.read_disclosure = original  # type: ignore[assignment]
    assert not Disclosure.objects.filter(monitoring_round=monitoring_round).exists()
