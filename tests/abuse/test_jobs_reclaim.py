"""Issue 17, finding 3: a job reclaimed while alive ran twice. On PostgreSQL with two workers, a
phase without progress longer than the stale timeout let a second worker take over a live job: every
row duplicated, two completion events.

Now a running job's worker renews its claim from a heartbeat thread, so a live job is never stale,
and everything a worker commits for a job is fenced by the claim's lease: a worker whose job was
taken over can neither merge its results nor complete the job.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import JobLost, Worker, enqueue, fence, job_handler
from tests.abuse.jobs_hostile import (
    create_jobs,
    migrate_sqlite,
    read_jobs,
    start_worker,
    stop_worker,
    wait_until_finished,
    worker_database_env,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "leveranciers.csv"


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory: Any) -> Path:
    return migrate_sqlite(tmp_path_factory.mktemp("jobs-reclaim"))


def _age_claim(job_id: int, settings: Any) -> None:
    """The claim's heartbeat stopped long ago, as when its worker was presumed dead."""
    Job.objects.filter(pk=job_id).update(
        locked_at=timezone.now() - timedelta(seconds=settings.IMVO_JOB_STALE_AFTER_SECONDS + 5)
    )


@pytest.mark.django_db(transaction=True)
def test_a_live_job_in_a_long_quiet_phase_is_not_reclaimed_by_a_second_worker(
    tmp_path: Path, sqlite_template: Path
) -> None:
    env = worker_database_env(connection, tmp_path, sqlite_template)
    # The quiet phase (3 s without progress) is three times the stale timeout.
    [job_id] = create_jobs(env, [("acme", "abuse_quiet_phase", {"seconds": 3})])
    env = {**env, "IMVO_JOB_STALE_AFTER_SECONDS": "1", "IMVO_JOB_HEARTBEAT_SECONDS": "0.2"}
    first = start_worker(env, "first", tmp_path / "first.log", "--sleep", "0.1")
    while read_jobs(env)[job_id]["status"] == "queued":
        time.sleep(0.1)
    second = start_worker(env, "second", tmp_path / "second.log", "--sleep", "0.1")
    try:
        jobs = wait_until_finished(env, [job_id], timeout=60)
    finally:
        stop_worker(first)
        stop_worker(second)
    assert jobs[job_id]["status"] == "done"
    assert jobs[job_id]["attempts"] == 1  # claimed once: the second worker never took it over
    assert jobs[job_id]["result"] == {"worker": "first"}
    assert f"job {job_id}" not in (tmp_path / "second.log").read_text()


def _take_over_at(
    monkeypatch: pytest.MonkeyPatch, settings: Any, job: Job, name: str, after_calls: int
) -> list[Job | None]:
    """Patch ``actions.<name>`` so that, when the slow worker reaches its call number ``after_calls``,
    its claim looks dead and a rescuer worker takes the job over and finishes it first."""
    from imvo.web.register import actions

    original = getattr(actions, name)
    calls: list[int] = []
    rescuer_runs: list[Job | None] = []

    def step(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == after_calls and not rescuer_runs:
            _age_claim(job.pk, settings)
            rescuer_runs.append(None)
            rescuer_runs[0] = Worker("rescuer").run_once()
        return original(*args, **kwargs)

    monkeypatch.setattr(actions, name, step)
    return rescuer_runs


def _assert_applied_once(job: Job, rescuer_runs: list[Job | None], acme: Any) -> None:
    from imvo.web.audit.models import AuditEvent
    from imvo.web.register.models import Risk, RiskEvent, Scan, Supplier

    finished = rescuer_runs[0]
    assert finished is not None
    assert finished.status == "done"
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("done", 2)
    assert job.result == finished.result  # the rescuer's completion, not overwritten
    scan = Scan.objects.get(organisation=acme)
    assert scan.status == "done"
    assert Supplier.objects.filter(organisation=acme).count() == 45  # once, not twice
    assert Risk.objects.filter(organisation=acme).count() == scan.risks_count > 0
    assert RiskEvent.objects.filter(organisation=acme).count() == scan.risks_count  # one "found" each
    assert AuditEvent.objects.filter(action="apply_scan").count() == 1  # one completion


def _start_slow_scan(alice: Any, acme: Any) -> tuple[Job, Worker, Job]:
    from imvo.web.register import actions

    upload = SimpleUploadedFile("leveranciers.csv", EXAMPLE.read_bytes(), content_type="text/csv")
    actions.upload_and_scan_supplier_list(alice, acme, upload)
    job = Job.objects.get(kind=actions.SCAN_JOB_KIND)
    slow = Worker("slow")
    assert slow.try_claim(job.pk)
    return job, slow, Job.objects.select_related("organisation").get(pk=job.pk)


@pytest.mark.django_db
def test_a_reclaimed_workers_merge_is_refused_and_nothing_is_duplicated(
    alice: Any, acme: Any, settings: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The worker presumed dead reaches its merge after the job was taken over and finished."""
    job, slow, slow_job = _start_slow_scan(alice, acme)
    rescuer_runs = _take_over_at(monkeypatch, settings, job, "claim_first_fill", after_calls=1)
    slow.run(slow_job)
    # The fence in the merge's first transaction stopped the slow worker before it wrote anything.
    assert f"job {job.pk} lost to another worker" in caplog.text
    _assert_applied_once(job, rescuer_runs, acme)


@pytest.mark.django_db
def test_a_fill_taken_over_between_chunks_is_redone_once_and_the_stale_worker_stops(
    alice: Any, acme: Any, settings: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The first list fills the register in short transactions (finding 7). The slow worker has
    committed one chunk when it is presumed dead: the rescuer removes that chunk, fills the
    register itself, and the slow worker's next chunk is refused."""
    from imvo.web.register import actions

    monkeypatch.setattr(actions, "FILL_CHUNK", 10)
    job, slow, slow_job = _start_slow_scan(alice, acme)
    rescuer_runs = _take_over_at(monkeypatch, settings, job, "_fill_chunk", after_calls=2)
    slow.run(slow_job)
    assert f"job {job.pk} lost to another worker" in caplog.text
    _assert_applied_once(job, rescuer_runs, acme)


@job_handler("abuse_commit_once")
def commit_once(job: Any, progress: Any) -> dict[str, Any]:
    from imvo.web.audit.trail import record_audit_event

    with transaction.atomic():
        fence(job)
        record_audit_event(None, job.organisation, "update", job, {"by": job.locked_by})
    return {"by": job.locked_by}


@pytest.mark.django_db
def test_a_stale_worker_can_neither_commit_nor_complete(acme: Any, settings: Any) -> None:
    from imvo.web.audit.models import AuditEvent

    job = enqueue("abuse_commit_once", acme)
    stale = Worker("stale")
    assert stale.try_claim(job.pk)
    stale_job = Job.objects.select_related("organisation").get(pk=job.pk)
    _age_claim(job.pk, settings)
    rescued = Worker("rescuer").run_once()
    assert rescued is not None
    assert rescued.status == "done"
    finished_at = rescued.finished_at

    stale.run(stale_job)  # the presumed-dead worker wakes up and runs the job to its end
    job.refresh_from_db()
    assert job.result == {"by": "rescuer"}
    assert job.finished_at == finished_at  # completed once
    assert list(
        AuditEvent.objects.filter(action="update", object_type="job").values_list("changes", flat=True)
    ) == [{"by": "rescuer"}]


@pytest.mark.django_db
def test_the_fence_refuses_a_lost_lease(acme: Any) -> None:
    job = enqueue("abuse_commit_once", acme)
    worker = Worker("w")
    assert worker.try_claim(job.pk)
    claimed = Job.objects.get(pk=job.pk)
    with transaction.atomic():
        fence(claimed)  # still ours
    Job.objects.filter(pk=job.pk).update(lease="another-workers-lease")
    with pytest.raises(JobLost), transaction.atomic():
        fence(claimed)


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_keeps_a_quiet_job_fresh_and_notices_a_takeover(acme: Any, settings: Any) -> None:
    if connection.vendor == "sqlite":
        pytest.skip("threads need a server database; the worker-process test above covers SQLite")
    from imvo.web.jobs.queue import _Heartbeat

    settings.IMVO_JOB_STALE_AFTER_SECONDS = 1
    job = enqueue("abuse_commit_once", acme)
    assert Worker("w").try_claim(job.pk)
    claimed = Job.objects.get(pk=job.pk)
    beat = _Heartbeat(claimed, 0.1).start()
    try:
        time.sleep(1.5)  # longer than the stale timeout, without any progress call
        assert Worker("other").claim_next() is None
        Job.objects.filter(pk=job.pk).update(lease="taken-over")
        assert beat.lost.wait(5)
    finally:
        beat.stop()
        close_old_connections()
    assert not threading.Thread.is_alive(beat._thread)
