"""Enqueueing, the handler registry and the claimed-row worker.

A handler is a function ``handler(job, progress) -> dict | None`` registered with
``@job_handler("kind")`` in an app's ``jobs.py``. ``progress(done, total)`` stores progress for the
htmx progress bar and renews the worker's claim; the returned dict becomes ``job.result``. An
exception marks the job failed and its message is shown to the user, so raise errors that read well.

Claiming is one conditional UPDATE (``... WHERE id = ? AND status = 'queued'``): whichever worker's
update changes the row owns the job, on SQLite and PostgreSQL alike. On PostgreSQL the candidate is
picked with ``SELECT ... FOR UPDATE SKIP LOCKED`` so many workers do not queue behind one row. A job
whose worker died keeps ``status='running'`` with an old ``locked_at``; after
``IMVO_JOB_STALE_AFTER_SECONDS`` another worker reclaims it, up to ``IMVO_JOB_MAX_ATTEMPTS`` times.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import traceback
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from imvo.web.jobs.models import Job, JobStatus
from imvo.web.organisations.models import Organisation

logger = logging.getLogger(__name__)

JobProgress = Callable[[int, int], None]
JobHandler = Callable[[Job, JobProgress], "dict[str, Any] | None"]

_HANDLERS: dict[str, JobHandler] = {}

# Progress writes are throttled: a 100 k-row scan must not issue 100 k UPDATEs.
PROGRESS_WRITE_INTERVAL_SECONDS = 0.5


class JobLost(RuntimeError):
    """This worker's claim was taken over (it was considered dead); it must stop working on the job."""


def input_was_rejected(error: BaseException) -> bool:
    """Whether ``error`` (or what it was raised from, or while handling) rejected the job's input.

    Handlers often re-raise an :class:`imvo.core.suppliers.InputError` as a plain message; the
    original stays in the exception's chain.
    """
    from imvo.core.suppliers import InputError

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, InputError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def job_handler(kind: str) -> Callable[[JobHandler], JobHandler]:
    """Register ``handler`` for jobs of ``kind``."""

    def register(handler: JobHandler) -> JobHandler:
        _HANDLERS[kind] = handler
        return handler

    return register


def registered_kinds() -> list[str]:
    return sorted(_HANDLERS)


def enqueue(kind: str, organisation: Organisation, payload: dict[str, Any] | None = None) -> Job:
    """Queue a job of ``kind`` for ``organisation``; a worker (or run_pending_jobs_now) runs it."""
    if kind not in _HANDLERS:
        raise LookupError(f"No job handler is registered for {kind!r}.")
    return Job.objects.create(kind=kind, organisation=organisation, payload=payload or {})


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    """Claims and runs jobs one at a time. Several workers may share one database."""

    def __init__(self, worker_id: str | None = None) -> None:
        self.worker_id = (worker_id or default_worker_id())[:128]

    # --- claiming ---------------------------------------------------------------------------
    def _claimable(self) -> Q:
        stale_before = timezone.now() - timedelta(seconds=settings.IMVO_JOB_STALE_AFTER_SECONDS)
        return Q(status=JobStatus.QUEUED) | Q(status=JobStatus.RUNNING, locked_at__lt=stale_before)

    def _candidate_ids(self, limit: int = 10) -> list[int]:
        candidates = Job.objects.filter(self._claimable()).order_by("created_at", "id")
        if connection.vendor == "postgresql":
            with transaction.atomic():
                return list(
                    candidates.select_for_update(skip_locked=True).values_list("id", flat=True)[:limit]
                )
        return list(candidates.values_list("id", flat=True)[:limit])

    def try_claim(self, job_id: int) -> bool:
        """Claim one job with a conditional UPDATE; False when another worker got it first."""
        now = timezone.now()
        claimed = (
            Job.objects.filter(self._claimable(), pk=job_id)
            .filter(Q(status=JobStatus.QUEUED) | Q(attempts__lt=settings.IMVO_JOB_MAX_ATTEMPTS))
            .update(
                status=JobStatus.RUNNING,
                locked_by=self.worker_id,
                locked_at=now,
                started_at=now,
                attempts=F("attempts") + 1,
            )
        )
        return claimed == 1

    def fail_exhausted_jobs(self) -> int:
        """Jobs whose workers died too often are failed rather than retried forever."""
        stale_before = timezone.now() - timedelta(seconds=settings.IMVO_JOB_STALE_AFTER_SECONDS)
        return Job.objects.filter(
            status=JobStatus.RUNNING,
            locked_at__lt=stale_before,
            attempts__gte=settings.IMVO_JOB_MAX_ATTEMPTS,
        ).update(
            status=JobStatus.FAILED,
            error="The job was interrupted too often (worker stopped) and was given up.",
            locked_by="",
            locked_at=None,
            finished_at=timezone.now(),
        )

    def claim_next(self) -> Job | None:
        """Claim the oldest claimable job, or return None when there is none."""
        self.fail_exhausted_jobs()
        for job_id in self._candidate_ids():
            if self.try_claim(job_id):
                return Job.objects.select_related("organisation").get(pk=job_id)
        return None

    # --- running ----------------------------------------------------------------------------
    def _progress_reporter(self, job: Job) -> JobProgress:
        last_write = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last_write
            now = time.monotonic()
            job.progress_done, job.progress_total = max(0, done), max(0, total)
            if now - last_write < PROGRESS_WRITE_INTERVAL_SECONDS and done < total:
                return
            last_write = now
            updated = Job.objects.filter(pk=job.pk, locked_by=self.worker_id).update(
                progress_done=job.progress_done, progress_total=job.progress_total, locked_at=timezone.now()
            )
            if not updated:
                raise JobLost(f"Job {job.pk} was reclaimed by another worker.")

        return progress

    def run(self, job: Job) -> Job:
        """Run a claimed job and store its outcome."""
        handler = _HANDLERS.get(job.kind)
        try:
            if handler is None:
                raise LookupError(f"No job handler is registered for {job.kind!r}.")
            result = handler(job, self._progress_reporter(job)) or {}
        except JobLost:
            logger.warning("job %s lost to another worker", job.pk)
            return job
        except Exception as error:  # any failure of a handler is recorded, not fatal
            logger.exception("job %s (%s) failed", job.pk, job.kind)
            message = str(error) or error.__class__.__name__
            failure: dict[str, Any] = {"traceback": traceback.format_exc(limit=5)[-4000:]}
            if input_was_rejected(error):
                failure["input_rejected"] = True  # trying again cannot help (see jobs.presentation)
            Job.objects.filter(pk=job.pk, locked_by=self.worker_id).update(
                status=JobStatus.FAILED,
                error=message[:4000],
                result=failure,
                locked_by="",
                locked_at=None,
                finished_at=timezone.now(),
            )
        else:
            Job.objects.filter(pk=job.pk, locked_by=self.worker_id).update(
                status=JobStatus.DONE,
                result=result,
                progress_done=max(job.progress_done, job.progress_total),
                progress_total=job.progress_total,
                error="",
                locked_by="",
                locked_at=None,
                finished_at=timezone.now(),
            )
        job.refresh_from_db()
        return job

    def run_once(self) -> Job | None:
        """Claim and run one job; None when the queue is empty."""
        job = self.claim_next()
        if job is None:
            return None
        return self.run(job)


def run_pending_jobs_now(max_jobs: int | None = None) -> list[Job]:
    """Run queued jobs in this process until none is left (tests and the demo)."""
    worker = Worker("inline")
    finished: list[Job] = []
    while max_jobs is None or len(finished) < max_jobs:
        job = worker.run_once()
        if job is None:
            break
        finished.append(job)
    return finished
