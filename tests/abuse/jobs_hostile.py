"""Hostile job kinds and a worker-process harness for the background-job abuse tests (issue 17).

The kinds are imported by real ``runjobs`` workers with ``--import tests.abuse.jobs_hostile``. The
harness runs the workers against the database of the test run: on PostgreSQL the test database
(tests using it are ``django_db(transaction=True)``), on SQLite a migrated file database per test
(the in-memory test database cannot be shared with another process). Rows are created and read
through small scripts in subprocesses, so one test reads the same on both databases.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from imvo.web.jobs.queue import job_handler

REPO = Path(__file__).resolve().parents[2]
HOSTILE = "tests.abuse.jobs_hostile"


@job_handler("abuse_spin")
def spin(job: Any, progress: Any) -> dict[str, Any]:
    """CPU-bound and silent, like the PDF that kept the only worker busy 582 s: no progress call."""
    until = time.monotonic() + float(job.payload.get("seconds", 60))
    turns = 0
    while time.monotonic() < until:
        turns += 1
    return {"turns": turns}


@job_handler("abuse_quiet_phase")
def quiet_phase(job: Any, progress: Any) -> dict[str, Any]:
    """A long phase without progress (longer than the stale timeout), then a result."""
    time.sleep(float(job.payload.get("seconds", 3)))
    return {"worker": job.locked_by}


@job_handler("abuse_hog")
def hog(job: Any, progress: Any) -> dict[str, Any]:
    """Allocates (and touches) memory without end, up to a safety cap."""
    chunks = []
    for _ in range(int(job.payload.get("max_mb", 3000)) // 32):
        chunks.append(bytearray(32 * 1024 * 1024))
        time.sleep(0.02)
    return {"held_mb": 32 * len(chunks)}


@job_handler("abuse_echo")
def echo(job: Any, progress: Any) -> dict[str, Any]:
    progress(1, 1)
    return {"worker": job.locked_by}


def database_url(settings_dict: dict[str, Any]) -> str:
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgresql://{credentials}{host}:{port}/{quote(str(settings_dict['NAME']), safe='')}"


def base_env(folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "imvo.web.settings",
        "IMVO_VAR_DIR": str(folder),
        "IMVO_MEDIA_ROOT": str(folder / "media"),
        "IMVO_DB_CONN_MAX_AGE": "0",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")])),
    }


def migrate_sqlite(folder: Path) -> Path:
    env = {**base_env(folder), "DATABASE_URL": f"sqlite:///{folder / 'jobs.sqlite3'}"}
    subprocess.run(
        [sys.executable, "-m", "imvo.web.manage", "migrate", "--no-input", "-v", "0"],
        env=env,
        check=True,
        timeout=180,
        cwd=REPO,
    )
    return folder / "jobs.sqlite3"


def worker_database_env(connection: Any, tmp_path: Path, sqlite_template: Path) -> dict[str, str]:
    """Environment for subprocesses that share the test's database (see the module's docstring)."""
    env = base_env(tmp_path)
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = database_url(connection.settings_dict)
    else:
        shutil.copyfile(sqlite_template, tmp_path / "jobs.sqlite3")
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'jobs.sqlite3'}"
    return env


def script(env: dict[str, str], code: str, timeout: float = 120) -> Any:
    """Run ``code`` with Django set up; it prints one JSON value, which is returned."""
    program = f"import django, json\ndjango.setup()\nimport {HOSTILE}\n{code}"
    completed = subprocess.run(
        [sys.executable, "-c", program],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
    )
    lines = completed.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else None


def create_jobs(env: dict[str, str], jobs: list[tuple[str, str, dict[str, Any]]]) -> list[int]:
    """Create organisations as needed and queue ``(organisation slug, kind, payload)`` jobs in order."""
    return script(
        env,
        "from imvo.web.organisations.models import Organisation\n"
        "from imvo.web.jobs.queue import enqueue\n"
        f"ids = []\nfor slug, kind, payload in {jobs!r}:\n"
        "    org, _ = Organisation.objects.get_or_create(\n"
        "        slug=slug, defaults={'name': slug.title() + ' B.V.'})\n"
        "    ids.append(enqueue(kind, org, payload).pk)\n"
        "print(json.dumps(ids))\n",
    )


def read_jobs(env: dict[str, str]) -> dict[int, dict[str, Any]]:
    rows = script(
        env,
        "from imvo.web.jobs.models import Job\n"
        "rows = []\n"
        "for job in Job.objects.order_by('id'):\n"
        "    rows.append({'id': job.pk, 'org': job.organisation.slug, 'kind': job.kind,\n"
        "                 'status': job.status, 'attempts': job.attempts, 'error': job.error,\n"
        "                 'result': job.result,\n"
        "                 'started': job.started_at.timestamp() if job.started_at else None,\n"
        "                 'finished': job.finished_at.timestamp() if job.finished_at else None})\n"
        "print(json.dumps(rows))\n",
    )
    return {row["id"]: row for row in rows}


def start_worker(env: dict[str, str], name: str, log: Path, *extra: str) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "imvo.web.manage",
                "runjobs",
                "--import",
                HOSTILE,
                "--worker-id",
                name,
                *extra,
            ],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )


def stop_worker(worker: subprocess.Popen[bytes], timeout: float = 60) -> int:
    if worker.poll() is None:
        worker.terminate()  # SIGTERM: finishes the current job, then exits
    try:
        return worker.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=10)
        raise


def wait_until_finished(env: dict[str, str], job_ids: list[int], timeout: float) -> dict[int, dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while True:
        jobs = read_jobs(env)
        if all(jobs[pk]["status"] in {"done", "failed"} for pk in job_ids):
            return jobs
        if time.monotonic() > deadline:
            raise TimeoutError(f"jobs not finished in {timeout} s: {jobs}")
        time.sleep(0.3)
