"""``python -m imvo.web.manage runjobs``: the background worker.

Each job runs in a child process stopped at the job's time and memory budget (``IMVO_JOB_ISOLATE``),
while this process renews the job's claim (the heartbeat). A locked or unreachable database makes
the worker wait and try again, never stop.
"""

from __future__ import annotations

import importlib
import signal
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import InterfaceError, OperationalError

from imvo.web.jobs.queue import Worker
from imvo.web.organisations import data_version

#: How often an idle worker folds the data versions' ledger (a row per writing transaction).
COMPACT_LEDGER_EVERY_SECONDS = 600


class Command(BaseCommand):
    help = "Run queued background jobs (supplier scans, ...). Several workers may run at once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Run what is queued now, then exit.")
        parser.add_argument("--sleep", type=float, default=1.0, help="Seconds between polls when idle.")
        parser.add_argument(
            "--max-jobs", type=int, default=0, help="Exit after this many jobs (0: no limit)."
        )
        parser.add_argument("--worker-id", default=None, help="Name recorded in locked_by.")
        parser.add_argument(
            "--import",
            dest="imports",
            action="append",
            default=[],
            metavar="MODULE",
            help="Also import MODULE, which registers job handlers (plug-ins, benchmarks). Repeatable.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for module in options["imports"]:
            importlib.import_module(module)
        worker = Worker(options["worker_id"], isolate=settings.IMVO_JOB_ISOLATE, heartbeat=True)
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True  # finish the current job, then leave

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        done = 0
        self.stdout.write(f"worker {worker.worker_id} started")
        self.stdout.flush()  # visible at once under a supervisor that pipes the output
        compacted_at = time.monotonic()
        while not stopping:
            try:
                job = worker.run_once()
                if job is None and time.monotonic() - compacted_at > COMPACT_LEDGER_EVERY_SECONDS:
                    data_version.compact()  # when idle: the page versions' ledger stays small
                    compacted_at = time.monotonic()
            except (OperationalError, InterfaceError) as error:
                # "database is locked" (SQLite) or a lost connection: wait, then try again.
                self.stderr.write(f"database unavailable: {error}")
                self.stderr.flush()
                time.sleep(worker.database_trouble(error))
                continue
            worker.database_fine()
            if job is None:
                if options["once"]:
                    break
                time.sleep(options["sleep"])
                continue
            done += 1
            self.stdout.write(f"job {job.pk} {job.kind}: {job.status}")
            self.stdout.flush()
            if options["max_jobs"] and done >= options["max_jobs"]:
                break
        self.stdout.write(f"worker {worker.worker_id} stopped after {done} job(s)")
