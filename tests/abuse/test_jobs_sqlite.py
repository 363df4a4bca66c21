"""Issue 17, finding 7: SQLite under a scan. Logins failed with "database is locked" during a large
scan, and an idle second worker died in ``fail_exhausted_jobs()``.

SQLite runs in WAL mode with a busy timeout and IMMEDIATE transactions; the scan job holds no
transaction while the core scan runs; a worker outlives a locked database: it logs, waits and tries
again. (SQLite is for one worker and the demo; PostgreSQL for anything more: docs/security.md.)
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imvo.web.jobs.queue import run_pending_jobs_now
from tests.abuse.jobs_hostile import REPO, base_env, create_jobs, migrate_sqlite, read_jobs, script

EXAMPLE = REPO / "examples" / "leveranciers.csv"

# Holds the write lock until told to let go (a line on its standard input), so that the test, not a
# fixed sleep racing the worker's start-up on a busy machine, decides how long the lock lasts.
HOLD_THE_WRITE_LOCK = """
import sqlite3, sys
database = sqlite3.connect(sys.argv[1], isolation_level=None)
database.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
database.execute("COMMIT")
"""
#: How long the worker may take to start and meet the lock before the test gives up.
MEETS_THE_LOCK_WITHIN = 60.0


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory: Any) -> Path:
    return migrate_sqlite(tmp_path_factory.mktemp("jobs-sqlite"))


@pytest.fixture
def sqlite_env(tmp_path: Path, sqlite_template: Path) -> dict[str, str]:
    database = tmp_path / "jobs.sqlite3"
    database.write_bytes(sqlite_template.read_bytes())
    return {**base_env(tmp_path), "DATABASE_URL": f"sqlite:///{database}"}


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(sqlite_env: dict[str, str]) -> None:
    pragmas = script(
        sqlite_env,
        "from django.db import connection\n"
        "cursor = connection.cursor()\n"
        "values = {}\n"
        "for name in ('journal_mode', 'busy_timeout', 'synchronous'):\n"
        "    cursor.execute(f'PRAGMA {name}')\n"
        "    values[name] = cursor.fetchone()[0]\n"
        "values['transaction_mode'] = connection.settings_dict['OPTIONS']['transaction_mode']\n"
        "print(json.dumps(values))\n",
    )
    assert pragmas == {
        "journal_mode": "wal",
        "busy_timeout": 20000,
        "synchronous": 1,
        "transaction_mode": "IMMEDIATE",
    }


def test_a_worker_outlives_a_database_locked_longer_than_its_busy_timeout(
    sqlite_env: dict[str, str], tmp_path: Path
) -> None:
    [job_id] = create_jobs(sqlite_env, [("acme", "abuse_echo", {})])
    database = sqlite_env["DATABASE_URL"].removeprefix("sqlite:///")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_WRITE_LOCK, database],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    env = {**sqlite_env, "IMVO_SQLITE_BUSY_TIMEOUT_SECONDS": "0.2"}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "imvo.web.manage",
            "runjobs",
            "--import",
            "tests.abuse.jobs_hostile",
            "--sleep",
            "0.1",
            "--max-jobs",
            "1",
            "--worker-id",
            "patient",
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.extend(worker.stderr or ()), daemon=True)
    reader.start()
    try:
        # The very first thing a worker writes is fail_exhausted_jobs(): it meets the lock, logs it
        # and goes on waiting; the lock is let go only once it has.
        deadline = time.monotonic() + MEETS_THE_LOCK_WITHIN
        while not any("database is locked" in line for line in errors) and time.monotonic() < deadline:
            assert worker.poll() is None, "".join(errors)
            time.sleep(0.05)
        assert any("database is locked" in line for line in errors), "".join(errors)
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        assert holder.wait(timeout=30) == 0
    output, _ = worker.communicate(timeout=90)
    reader.join(timeout=10)
    assert worker.returncode == 0, "".join(errors)
    assert f"job {job_id} abuse_echo: done" in output, "".join(errors)
    assert read_jobs(sqlite_env)[job_id]["status"] == "done"


@pytest.mark.django_db(transaction=True)
def test_the_scan_job_holds_no_transaction_while_the_core_scan_runs(
    alice: Any, acme: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With IMMEDIATE transactions any open transaction holds SQLite's write lock: none may span
    the core scan, which takes seconds to minutes for a large list."""
    from django.db import connection

    import imvo.core.scan
    from imvo.web.register import actions

    scan_file = imvo.core.scan.scan_file
    in_transaction: list[bool] = []

    def observed_scan(*args: Any, **kwargs: Any) -> Any:
        in_transaction.append(connection.in_atomic_block)
        return scan_file(*args, **kwargs)

    monkeypatch.setattr(imvo.core.scan, "scan_file", observed_scan)
    upload = SimpleUploadedFile("leveranciers.csv", EXAMPLE.read_bytes(), content_type="text/csv")
    actions.upload_and_scan_supplier_list(alice, acme, upload)
    [job] = run_pending_jobs_now()
    assert job.status == "done"
    assert in_transaction == [False]
