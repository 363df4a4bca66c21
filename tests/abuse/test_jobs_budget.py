"""Issue 17, finding 2 (job level): one organisation's job could keep the only worker busy for
582 s while another organisation's scan waited. Every job now has a time and a memory budget; the
``runjobs`` worker stops a job over either, whether or not its handler ever reports progress, fails
it with the reason, and goes on with the next organisation's job.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import job_handler, run_pending_jobs_now
from tests.abuse.jobs_hostile import (
    create_jobs,
    migrate_sqlite,
    start_worker,
    stop_worker,
    wait_until_finished,
    worker_database_env,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "leveranciers.csv"


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory: Any) -> Path:
    return migrate_sqlite(tmp_path_factory.mktemp("jobs-budget"))


@pytest.fixture
def env(tmp_path: Path, sqlite_template: Path) -> dict[str, str]:
    return worker_database_env(connection, tmp_path, sqlite_template)


@pytest.mark.django_db(transaction=True)
def test_a_silent_job_over_its_time_budget_is_stopped_and_the_next_organisations_job_runs(
    env: dict[str, str], tmp_path: Path
) -> None:
    # The hostile job would spin for two minutes without a single progress call.
    hostile, normal = create_jobs(
        env, [("hostile", "abuse_spin", {"seconds": 120}), ("victim", "abuse_echo", {})]
    )
    env = {**env, "IMVO_JOB_TIME_LIMIT_SECONDS": "1"}
    worker = start_worker(env, "only-worker", tmp_path / "worker.log", "--sleep", "0.1")
    try:
        jobs = wait_until_finished(env, [hostile, normal], timeout=60)
    finally:
        stop_worker(worker)
    assert jobs[hostile]["status"] == "failed"
    assert "time budget of 1 s" in jobs[hostile]["error"]
    assert jobs[hostile]["result"] == {"stopped": "time"}
    # Stopped at the budget plus the grace it has to stop by itself, not after 120 s.
    assert jobs[hostile]["finished"] - jobs[hostile]["started"] < 1 + 5 + 3
    assert jobs[normal]["status"] == "done"
    assert jobs[normal]["result"] == {"worker": "only-worker"}


@pytest.mark.django_db(transaction=True)
def test_a_job_over_its_memory_budget_is_stopped_with_the_reason(env: dict[str, str], tmp_path: Path) -> None:
    [hog, normal] = create_jobs(
        env, [("hostile", "abuse_hog", {"max_mb": 3000}), ("victim", "abuse_echo", {})]
    )
    env = {**env, "IMVO_JOB_MEMORY_LIMIT_MB": "400"}
    worker = start_worker(env, "only-worker", tmp_path / "worker.log", "--sleep", "0.1")
    try:
        jobs = wait_until_finished(env, [hog, normal], timeout=60)
    finally:
        stop_worker(worker)
    assert jobs[hog]["status"] == "failed"
    assert "memory budget of 400 MB" in jobs[hog]["error"]
    assert jobs[hog]["result"] == {"stopped": "memory"}
    assert jobs[normal]["status"] == "done"


@job_handler("abuse_inline_slow")
def inline_slow(job: Any, progress: Any) -> dict[str, Any]:
    for step in range(1000):
        time.sleep(0.01)
        progress(step, 1000)
    return {}


@pytest.mark.django_db
def test_a_job_run_inline_fails_at_its_first_progress_call_past_the_budget(acme: Any, settings: Any) -> None:
    from imvo.web.jobs.queue import enqueue

    settings.IMVO_JOB_TIME_LIMITS = {"abuse_inline_slow": 0.2}
    job = enqueue("abuse_inline_slow", acme)
    started = time.monotonic()
    run_pending_jobs_now()
    assert time.monotonic() - started < 2
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error.startswith("The job ran longer than its time budget of 0.2 s")
    assert job.result["stopped"] == "time"


@pytest.mark.django_db
def test_a_scan_over_its_budget_fails_the_scan_with_the_reason_and_writes_nothing(
    alice: Any, acme: Any, settings: Any
) -> None:
    from imvo.web.register import actions
    from imvo.web.register.models import Supplier

    settings.IMVO_JOB_TIME_LIMITS = {actions.SCAN_JOB_KIND: 0}
    upload = SimpleUploadedFile("leveranciers.csv", EXAMPLE.read_bytes(), content_type="text/csv")
    scan = actions.upload_and_scan_supplier_list(alice, acme, upload)
    run_pending_jobs_now()
    scan.refresh_from_db()
    assert scan.status == "failed"
    assert "time budget of 0 s" in scan.error
    assert not Supplier.objects.filter(organisation=acme).exists()
    assert "time budget" in Job.objects.get(kind=actions.SCAN_JOB_KIND).error


@pytest.mark.django_db
def test_a_scan_stopped_from_outside_says_why(alice: Any, acme: Any) -> None:
    """The worker kills a job process over budget; the scan it worked on records the reason."""
    from imvo.web.jobs.queue import Worker
    from imvo.web.register import actions
    from imvo.web.register.jobs import _scan_stopped
    from imvo.web.register.models import Scan

    upload = SimpleUploadedFile("leveranciers.csv", EXAMPLE.read_bytes(), content_type="text/csv")
    scan = actions.upload_and_scan_supplier_list(alice, acme, upload)
    job = Job.objects.get(kind=actions.SCAN_JOB_KIND)
    assert Worker("w").try_claim(job.pk)
    actions.mark_scan_running(scan)
    _scan_stopped(Job.objects.get(pk=job.pk), "The job needed more than its memory budget of 1 MB.")
    assert Scan.objects.get(pk=scan.pk).error == "The job needed more than its memory budget of 1 MB."
