"""Background-job soak benchmark (issue 17, findings 2 and 3): hostile and normal jobs of two
organisations on PostgreSQL with two real workers.

    .venv/bin/python benchmarks/bench_jobs.py [--repeats 3] [--budget 10] [--hostile-jobs 4]
        [--admin-url postgresql://postgres@127.0.0.1:5432/postgres] [--keep]

What it does, all on this machine:

1. Creates the PostgreSQL database ``imvo_bench_jobs`` (dropped first if left over, dropped again at
   the end unless ``--keep``) and migrates it.
2. Starts two real workers, ``python -m imvo.web.manage runjobs --import bench_jobs``, with a job
   time budget of ``--budget`` seconds (``IMVO_JOB_TIME_LIMIT_SECONDS``), a stale timeout shorter
   than that budget (``IMVO_JOB_STALE_AFTER_SECONDS``) and a heartbeat well inside it: a job that is
   silent for longer than the stale timeout is exactly what made a second worker take over a live
   job before.
3. Each repeat: the hostile organisation queues ``--hostile-jobs`` jobs that spin on the CPU for ten
   budgets without a single progress call (the shape of the 19.6 KB PDF that kept the only worker
   busy for 582 s) — twice as many as workers, so both workers are taken and two more wait. A second
   later a normal organisation uploads ``examples/leveranciers.csv`` (45 rows) through the register's
   upload action and its scan job is queued behind the hostile backlog: first come, first served it
   would wait two budgets; fair claiming runs it when the first hostile job has been stopped.
4. Measures the normal job's wait (queued → started) and run time (started → finished) from the job
   row, and checks: wait ≤ run + one job budget (the budget plus the grace a job has to stop by
   itself, after which it is killed); every hostile job failed on its time budget; nothing ran twice
   (suppliers per key, risks per scan, one ``apply_scan`` audit event per scan, one attempt per job).

Prints a table per repeat, the medians, PASS/FAIL and, on the last line, JSON. Bounded: each repeat
waits at most (hostile jobs / 2 + 2) × (budget + grace) + 60 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
BENCH_DATABASE = "imvo_bench_jobs"
HOSTILE_KIND = "bench_hostile_spin"
EXAMPLE = REPO / "examples" / "leveranciers.csv"


# --- the hostile job kind (imported by the workers with --import bench_jobs) ----------------------


def hostile_spin(job: Any, progress: Any) -> dict[str, Any]:
    """Spins on the CPU for ``seconds`` and never calls ``progress``: only the worker can stop it."""
    until = time.monotonic() + float(job.payload.get("seconds", 600))
    turns = 0
    while time.monotonic() < until:
        turns += 1
    return {"turns": turns}


def register_kinds() -> None:
    from imvo.web.jobs.queue import job_handler

    job_handler(HOSTILE_KIND)(hostile_spin)


# --- the database -------------------------------------------------------------------------------


def create_database(admin_url: str) -> str:
    from bench_database import create_bench_database

    return create_bench_database(admin_url, BENCH_DATABASE)


def drop_database(admin_url: str) -> None:
    from bench_database import drop_bench_database

    drop_bench_database(admin_url, BENCH_DATABASE)


def configure_django(database_url: str, var_dir: Path, budget: float, stale: int, heartbeat: float) -> None:
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "imvo.web.settings",
            "IMVO_DEBUG": "0",
            "IMVO_SECRET_KEY": "bench-only-secret-key-" + "j" * 40,
            "IMVO_VAR_DIR": str(var_dir),
            "IMVO_MEDIA_ROOT": str(var_dir / "media"),
            "IMVO_JOB_TIME_LIMIT_SECONDS": str(budget),
            "IMVO_JOB_STALE_AFTER_SECONDS": str(stale),
            "IMVO_JOB_HEARTBEAT_SECONDS": str(heartbeat),
            "IMVO_DB_CONN_MAX_AGE": "60",
        }
    )
    import django

    django.setup()
    register_kinds()


# --- workers ------------------------------------------------------------------------------------


def start_workers(count: int, var_dir: Path) -> list[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(BENCHMARKS), os.environ.get("PYTHONPATH")])),
    }
    workers = []
    for number in range(count):
        log = (var_dir / f"worker{number}.log").open("wb")
        workers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "imvo.web.manage",
                    "runjobs",
                    "--import",
                    "bench_jobs",
                    "--sleep",
                    "0.2",
                    "--worker-id",
                    f"worker{number}",
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=REPO,
            )
        )
    return workers


def stop_workers(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=10)


# --- one repeat ---------------------------------------------------------------------------------


def one_repeat(
    number: int, owner: Any, hostile_org: Any, hostile_jobs: int, budget: float, timeout: float
) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from imvo.web.jobs.models import Job, JobStatus
    from imvo.web.jobs.queue import enqueue
    from imvo.web.organisations.models import Membership, Organisation
    from imvo.web.register import actions

    hostile = [enqueue(HOSTILE_KIND, hostile_org, {"seconds": 10 * budget}) for _ in range(hostile_jobs)]
    deadline = time.monotonic() + 30
    while Job.objects.filter(pk__in=[job.pk for job in hostile], status=JobStatus.RUNNING).count() < 2:
        if time.monotonic() > deadline:
            raise TimeoutError("the workers did not take the hostile jobs")
        time.sleep(0.1)
    time.sleep(1.0)  # the normal organisation arrives while both workers are busy
    normal_org = Organisation.objects.create(
        name=f"Normaal {number} B.V.", slug=f"normaal-{number}", kind="company"
    )
    Membership.objects.create(user=owner, organisation=normal_org, role="owner")
    upload = SimpleUploadedFile("leveranciers.csv", EXAMPLE.read_bytes(), content_type="text/csv")
    scan = actions.upload_and_scan_supplier_list(owner, normal_org, upload)
    normal = Job.objects.get(organisation=normal_org, kind=actions.SCAN_JOB_KIND)
    ids = [job.pk for job in hostile] + [normal.pk]
    deadline = time.monotonic() + timeout
    while Job.objects.filter(pk__in=ids, status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"repeat {number}: jobs not finished in {timeout:.0f} s")
        time.sleep(0.2)
    normal.refresh_from_db()
    scan.refresh_from_db()
    assert normal.started_at
    assert normal.finished_at
    wait = (normal.started_at - normal.created_at).total_seconds()
    run = (normal.finished_at - normal.started_at).total_seconds()
    hostile_rows = list(Job.objects.filter(pk__in=[job.pk for job in hostile]))
    return {
        "wait_s": round(wait, 2),
        "run_s": round(run, 2),
        "normal_status": normal.status,
        "normal_attempts": normal.attempts,
        "scan_status": scan.status,
        "hostile_stopped_on_budget": sum(
            job.status == JobStatus.FAILED and "time budget" in job.error for job in hostile_rows
        ),
        "hostile_attempts": sorted(job.attempts for job in hostile_rows),
        "duplicates": duplicates(normal_org, scan),
    }


def duplicates(organisation: Any, scan: Any) -> dict[str, int]:
    """Rows and events that exist more than once: all zero when nothing ran twice."""
    from imvo.web.audit.models import AuditEvent
    from imvo.web.jobs.models import Job
    from imvo.web.register.models import Risk, Supplier

    suppliers = Supplier.objects.filter(organisation=organisation)
    risks = Risk.objects.filter(organisation=organisation, key__isnull=False)
    return {
        "suppliers": suppliers.count() - suppliers.values("key").distinct().count(),
        "suppliers_over_rows": max(0, suppliers.count() - 45),
        "risks": risks.count() - risks.values("key").distinct().count(),
        "risks_over_scan": max(0, risks.count() - (scan.risks_count or 0)),
        "completion_events": max(
            0, AuditEvent.objects.filter(organisation=organisation, action="apply_scan").count() - 1
        ),
        "jobs_run_twice": Job.objects.filter(organisation=organisation, attempts__gt=1).count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--budget", type=float, default=10.0, help="IMVO_JOB_TIME_LIMIT_SECONDS of the workers"
    )
    parser.add_argument("--hostile-jobs", type=int, default=4)
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if urlsplit(args.admin_url).hostname not in {"127.0.0.1", "localhost", "::1"}:
        sys.exit("bench_jobs: only a PostgreSQL server on this machine is accepted (--admin-url)")
    stale = max(2, int(args.budget / 2))  # shorter than a hostile job's silence
    heartbeat = max(0.2, stale / 5)
    database_url = create_database(args.admin_url)
    with tempfile.TemporaryDirectory(prefix="bench-jobs-") as folder:
        var_dir = Path(folder)
        configure_django(database_url, var_dir, args.budget, stale, heartbeat)
        from django.core.management import call_command

        from imvo.web.accounts.models import User
        from imvo.web.jobs.queue import HARD_STOP_GRACE_SECONDS
        from imvo.web.organisations.models import Organisation

        call_command("migrate", verbosity=0, interactive=False)
        owner = User.objects.create_user_with_email(
            "bench@example.org", "bench password that is long enough 42"
        )
        hostile_org = Organisation.objects.create(name="Vijandig B.V.", slug="vijandig", kind="company")
        job_budget = args.budget + HARD_STOP_GRACE_SECONDS
        timeout = (args.hostile_jobs / 2 + 2) * job_budget + 60
        workers = start_workers(2, var_dir)
        results = []
        try:
            for number in range(1, args.repeats + 1):
                result = one_repeat(number, owner, hostile_org, args.hostile_jobs, args.budget, timeout)
                result["pass"] = result["wait_s"] <= result["run_s"] + job_budget
                results.append(result)
                print(
                    f"repeat {number}: normal job waited {result['wait_s']:.2f} s, "
                    f"ran {result['run_s']:.2f} s "
                    f"({result['normal_status']}, scan {result['scan_status']}); hostile jobs stopped on "
                    f"budget {result['hostile_stopped_on_budget']}/{args.hostile_jobs}, attempts "
                    f"{result['hostile_attempts']}; duplicates {result['duplicates']}; "
                    f"{'PASS' if result['pass'] else 'FAIL'}",
                    flush=True,
                )
        finally:
            stop_workers(workers)
            from django.db import connections

            connections.close_all()
            if not args.keep:
                drop_database(args.admin_url)
    wait = statistics.median(r["wait_s"] for r in results)
    run = statistics.median(r["run_s"] for r in results)
    duplicated = sum(sum(r["duplicates"].values()) for r in results)
    all_stopped = all(r["hostile_stopped_on_budget"] == args.hostile_jobs for r in results)
    single_attempts = all(set(r["hostile_attempts"]) == {1} and r["normal_attempts"] == 1 for r in results)
    passed = all(r["pass"] for r in results) and duplicated == 0 and all_stopped and single_attempts
    print()
    print("| measure | median over repeats |")
    print("| --- | --- |")
    print(f"| normal job (45-row scan) wait | {wait:.2f} s |")
    print(f"| normal job run time | {run:.2f} s |")
    print(
        f"| job budget (time limit {args.budget:g} s + {HARD_STOP_GRACE_SECONDS:g} s grace) "
        f"| {job_budget:g} s |"
    )
    print(f"| wait ≤ run + budget | {'PASS' if all(r['pass'] for r in results) else 'FAIL'} |")
    print(f"| hostile jobs stopped on their budget | {'all' if all_stopped else 'NOT ALL'} |")
    print(
        f"| rows/events duplicated, jobs run twice | {duplicated}, {'none' if single_attempts else 'SOME'} |"
    )
    print(f"overall: {'PASS' if passed else 'FAIL'}")
    print(
        json.dumps(
            {
                "repeats": results,
                "median_wait_s": wait,
                "median_run_s": run,
                "budget_s": args.budget,
                "job_budget_s": job_budget,
                "stale_after_s": stale,
                "heartbeat_s": heartbeat,
                "duplicated": duplicated,
                "pass": passed,
            }
        )
    )
    if not passed:
        sys.exit(1)


if __name__ == "__main__":
    main()
else:
    register_kinds()  # imported by a worker (runjobs --import bench_jobs)
