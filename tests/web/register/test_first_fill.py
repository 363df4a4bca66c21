"""The first list fills an empty register in short transactions (issue 17, finding 7): the result is
the same as one transaction would give, and a fill that fails or is stopped leaves nothing behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imvo.web.audit.models import AuditEvent
from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.register import actions, jobs
from imvo.web.register.models import Risk, RiskEvent, RiskEventKind, Scan, ScanStatus, Supplier

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "leveranciers.csv"


def _upload(actor: Any, organisation: Any) -> Scan:
    upload = SimpleUploadedFile("leveranciers.csv", EXAMPLE.read_bytes(), content_type="text/csv")
    return actions.upload_and_scan_supplier_list(actor, organisation, upload)


def _register(organisation: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    suppliers = sorted(
        Supplier.objects.filter(organisation=organisation).values_list("key", "name", "country", "spend")
    )
    risks = sorted(
        Risk.objects.filter(organisation=organisation).values_list(
            "key", "supplier__key", "theme", "good", "country", "likelihood", "severity", "evidence", "status"
        )
    )
    return suppliers, risks


@pytest.mark.django_db
def test_a_fill_in_many_chunks_writes_what_one_chunk_writes(
    alice: Any, acme: Any, other_organisation: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _upload(alice, acme)
    run_pending_jobs_now()
    monkeypatch.setattr(actions, "FILL_CHUNK", 7)  # 45 suppliers: seven transactions
    globex = other_organisation
    scan = _upload(None, globex)
    run_pending_jobs_now()
    scan.refresh_from_db()
    assert scan.status == ScanStatus.DONE

    def without_ids(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        return [row[1:] for row in rows]  # a risk's key digests its supplier's id

    one, many = _register(acme), _register(globex)
    assert one[0] == many[0]
    assert len(many[0]) == 45
    assert sorted(without_ids(one[1])) == sorted(without_ids(many[1]))
    assert scan.risks_count == len(many[1]) > 0
    found = RiskEvent.objects.filter(organisation=globex, kind=RiskEventKind.FOUND, scan=scan)
    assert sorted(found.values_list("risk_id", flat=True)) == sorted(
        Risk.objects.filter(organisation=globex).values_list("pk", flat=True)
    )
    assert AuditEvent.objects.filter(organisation=globex, action="apply_scan").count() == 1


@pytest.mark.django_db
def test_a_fill_that_fails_midway_removes_what_it_wrote(
    alice: Any, acme: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(actions, "FILL_CHUNK", 10)
    insert_chunk = actions._insert_chunk
    calls: list[int] = []

    def fail_third_chunk(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return insert_chunk(*args, **kwargs)

    monkeypatch.setattr(actions, "_insert_chunk", fail_third_chunk)
    scan = _upload(alice, acme)
    run_pending_jobs_now()
    scan.refresh_from_db()
    assert len(calls) == 3  # two chunks were committed before the third failed
    assert scan.status == ScanStatus.FAILED
    assert "disk full" in scan.error
    assert not Supplier.objects.filter(organisation=acme).exists()
    assert not Risk.objects.filter(organisation=acme).exists()
    assert not RiskEvent.objects.filter(organisation=acme).exists()

    monkeypatch.setattr(actions, "_insert_chunk", insert_chunk)
    again = _upload(alice, acme)  # the register is empty again: the next list fills it
    run_pending_jobs_now()
    again.refresh_from_db()
    assert again.status == ScanStatus.DONE
    assert Supplier.objects.filter(organisation=acme).count() == 45


@pytest.mark.django_db
def test_a_fill_stopped_by_its_worker_is_removed_and_the_scan_says_why(
    alice: Any, acme: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that kills a job at its budget runs the job's stop hook; a half-written first fill
    (the job process died between chunks) is removed by it."""
    monkeypatch.setattr(actions, "FILL_CHUNK", 10)
    insert_chunk = actions._insert_chunk
    calls: list[int] = []

    class Killed(BaseException):
        """The job process dying: no clean-up of its own runs."""

    def die_after_two_chunks(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 3:
            raise Killed
        return insert_chunk(*args, **kwargs)

    monkeypatch.setattr(actions, "_insert_chunk", die_after_two_chunks)
    monkeypatch.setattr(actions, "undo_first_fill", lambda scan, fence=None: None)  # died: no clean-up
    scan = _upload(alice, acme)
    with pytest.raises(Killed):
        run_pending_jobs_now()
    monkeypatch.undo()
    scan.refresh_from_db()
    assert scan.status == ScanStatus.APPLYING
    assert Supplier.objects.filter(organisation=acme).count() == 20  # two chunks were committed

    jobs._scan_stopped(Job.objects.get(pk=scan.job_id), "The job ran out of time.")
    scan.refresh_from_db()
    assert (scan.status, scan.error) == (ScanStatus.FAILED, "The job ran out of time.")
    assert not Supplier.objects.filter(organisation=acme).exists()
    assert not Risk.objects.filter(organisation=acme).exists()
    assert not RiskEvent.objects.filter(organisation=acme).exists()


@pytest.mark.django_db
def test_a_second_list_while_the_first_fills_is_previewed_not_filled(alice: Any, acme: Any) -> None:
    first = _upload(alice, acme)
    Scan.objects.filter(pk=first.pk).update(status=ScanStatus.APPLYING)  # the first list is filling
    second = _upload(alice, acme)
    Job.objects.filter(pk=first.job_id).delete()
    assert not actions.claim_first_fill(second, None)
    second.refresh_from_db()
    assert second.status != ScanStatus.APPLYING


@pytest.mark.django_db
def test_a_reviewed_merge_records_the_scan_on_rows_it_left_as_they_were(alice: Any, acme: Any) -> None:
    """The bookkeeping of unchanged rows follows the merge in short transactions (finding 7)."""
    first = _upload(alice, acme)
    run_pending_jobs_now()
    second = _upload(alice, acme)
    run_pending_jobs_now()
    assert actions.request_apply_scan(alice, acme, second, "replace")
    run_pending_jobs_now()
    second.refresh_from_db()
    assert second.status == ScanStatus.DONE
    assert second.applied["risks_unchanged"] > 0
    assert set(Supplier.objects.filter(organisation=acme).values_list("scan_id", flat=True)) == {second.pk}
    risks = Risk.objects.filter(organisation=acme)
    assert set(risks.values_list("last_scan_id", flat=True)) == {second.pk}
    assert set(risks.values_list("scan_id", flat=True)) == {first.pk}  # found first by the first list
