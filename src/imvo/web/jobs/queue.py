"""Enqueueing, the handler registry and the claimed-row worker.

A handler is a function ``handler(job, progress) -> dict | None`` registered with
``@job_handler("kind")`` in an app's ``jobs.py``. ``progress(done, total)`` stores progress for the
htmx progress bar, renews the worker's claim and enforces the job's time budget; the returned dict
becomes ``job.result``. An exception marks the job failed and its message is shown to the user, so
raise errors that read well.

Claiming is one conditional UPDATE (``... WHERE id = ? AND status = 'queued'``): whichever worker's
update changes the row owns the job, on SQLite and PostgreSQL alike. On PostgreSQL the candidate row
is locked with ``SELECT ... FOR UPDATE SKIP LOCKED`` first, so many workers do not queue behind one
row. Candidates are ordered fairly: an organisation whose work started least recently goes first,
and an organisation that already has a job running waits while another organisation's job is queued.

Every claim writes a fresh random ``lease``. Whatever a worker commits as the job's outcome is
conditional on it: progress, completion, and — through :func:`fence`, called inside the handler's
committing transaction — the handler's own results. A running job's worker renews ``locked_at``
every ``IMVO_JOB_HEARTBEAT_SECONDS`` from a heartbeat thread; only a job whose heartbeat has stopped
for ``IMVO_JOB_STALE_AFTER_SECONDS`` (its worker died) is reclaimed, up to ``IMVO_JOB_MAX_ATTEMPTS``
times. A worker that was presumed dead and comes back finds its lease gone: it cannot write.

Budgets: each job has ``IMVO_JOB_TIME_LIMIT_SECONDS`` (per kind: ``IMVO_JOB_TIME_LIMITS``) of wall
clock and ``IMVO_JOB_MEMORY_LIMIT_MB`` of resident memory. The ``runjobs`` worker runs each job in a
child process (``IMVO_JOB_ISOLATE``) that it stops when either is exceeded, whether or not the handler
ever calls ``progress``; the job fails with the reason. Jobs run in the caller's process
(:func:`run_pending_jobs_now`, tests, the demo) meet the time budget at their next ``progress`` call
or :func:`fence`.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, connections, transaction
from django.db.models import F, Max, Min, Q
from django.utils import timezone

from imvo.web.jobs.models import Job, JobStatus
from imvo.web.organisations.models import Organisation

logger = logging.getLogger(__name__)

JobProgress = Callable[[int, int], None]
JobHandler = Callable[[Job, JobProgress], "dict[str, Any] | None"]
#: Called by the worker when it stopped a job from outside its handler (budget, crashed process), so
#: the job's subject (a scan, ...) can record why; ``(job, message)``.
JobStoppedHook = Callable[[Job, str], None]

_HANDLERS: dict[str, JobHandler] = {}
_STOPPED_HOOKS: dict[str, JobStoppedHook] = {}
_LABELS: dict[str, Any] = {}

# Progress writes are throttled: a 100 k-row scan must not issue 100 k UPDATEs.
PROGRESS_WRITE_INTERVAL_SECONDS = 0.5
#: A handler past its time budget has this long to stop at a ``progress`` call before it is killed.
HARD_STOP_GRACE_SECONDS = 5.0
#: How often the worker looks at its job process (exit, time, memory, lost lease).
WATCH_INTERVAL_SECONDS = 0.2
#: Writing a job's outcome is retried this many times when the database is locked or away.
OUTCOME_WRITE_ATTEMPTS = 5
#: The longest pause of a worker that cannot reach (or lock) the database, between tries.
MAX_DATABASE_BACKOFF_SECONDS = 10.0

#: The time budget of each job running in this process, by (job id, lease): fence() checks it.
_DEADLINES: dict[tuple[int, str], float] = {}


class JobLost(BaseException):
    """This worker's claim was taken over (it was considered dead); it must stop working on the job.

    A ``BaseException``, like ``KeyboardInterrupt``: a handler's ``except Exception`` that records a
    failure on the job's subject must not run for a job that another worker now owns.
    """


class JobBudgetExceeded(RuntimeError):
    """The job used up its time budget; the message says which and how to change it."""


def time_budget_message(limit: float) -> str:
    return (
        f"The job ran longer than its time budget of {limit:g} s and was stopped "
        "(IMVO_JOB_TIME_LIMIT_SECONDS; see docs/security.md)."
    )


#: Recorded for a job whose workers kept stopping (jobs.presentation reads it in the reader's language).
GIVEN_UP_MESSAGE = "The job was interrupted too often (worker stopped) and was given up."


def memory_budget_message(limit_mb: int) -> str:
    return (
        f"The job needed more than its memory budget of {limit_mb} MB and was stopped "
        "(IMVO_JOB_MEMORY_LIMIT_MB; see docs/security.md)."
    )


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


def job_handler(
    kind: str, *, on_stopped: JobStoppedHook | None = None, label: Any = None
) -> Callable[[JobHandler], JobHandler]:
    """Register ``handler`` for jobs of ``kind``; ``on_stopped`` see :data:`JobStoppedHook`; ``label``
    (a lazy translation) names the kind on the jobs page."""

    def register(handler: JobHandler) -> JobHandler:
        _HANDLERS[kind] = handler
        if label is not None:
            _LABELS[kind] = label
        if on_stopped is not None:
            _STOPPED_HOOKS[kind] = on_stopped
        return handler

    return register


def registered_kinds() -> list[str]:
    return sorted(_HANDLERS)


def kind_label(kind: str) -> str | None:
    """The translated name of a kind of job, if its handler gave one."""
    label = _LABELS.get(kind)
    return str(label) if label is not None else None


def enqueue(kind: str, organisation: Organisation, payload: dict[str, Any] | None = None) -> Job:
    """Queue a job of ``kind`` for ``organisation``; a worker (or run_pending_jobs_now) runs it."""
    if kind not in _HANDLERS:
        raise LookupError(f"No job handler is registered for {kind!r}.")
    return Job.objects.create(kind=kind, organisation=organisation, payload=payload or {})


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def job_time_limit(kind: str) -> float:
    """Seconds of wall clock a job of ``kind`` may run."""
    return float(settings.IMVO_JOB_TIME_LIMITS.get(kind, settings.IMVO_JOB_TIME_LIMIT_SECONDS))


def heartbeat_interval() -> float:
    """How often a running job's claim is renewed: well inside the stale timeout, always."""
    return max(
        0.05, min(float(settings.IMVO_JOB_HEARTBEAT_SECONDS), settings.IMVO_JOB_STALE_AFTER_SECONDS / 4)
    )


def _owned(job: Job, worker_id: str | None = None) -> Q:
    """The job row as long as this claim (of ``worker_id``, by default the one that loaded ``job``)
    holds it."""
    return Q(pk=job.pk, status=JobStatus.RUNNING, lease=job.lease, locked_by=worker_id or job.locked_by)


def _check_deadline(job: Job) -> None:
    deadline = _DEADLINES.get((job.pk, job.lease))
    if deadline is not None and time.monotonic() > deadline:
        raise JobBudgetExceeded(time_budget_message(job_time_limit(job.kind)))


def fence(job: Job) -> None:
    """Refuse to commit a job's results unless this worker still holds the job's claim.

    Call it inside the transaction that writes the results, before writing: it renews the claim
    with a conditional UPDATE of the job row, which also locks the row until the commit (so no
    other worker can take the job over meanwhile) and raises :class:`JobLost` when the claim is gone
    — the transaction then rolls back and nothing is written twice. It raises
    :class:`JobBudgetExceeded` when the job has used up its time budget. A job that no worker
    claimed (its handler called directly, as some tests do) has no lease and is not fenced.
    """
    if not job.lease:
        return
    if not connection.in_atomic_block:
        raise RuntimeError("fence() belongs inside the transaction that commits the job's results.")
    if not Job.objects.filter(_owned(job)).update(locked_at=timezone.now()):
        raise JobLost(f"Job {job.pk} was taken over by another worker; its results are not committed.")
    _check_deadline(job)


def _run_stopped_hook(job: Job, message: str) -> None:
    hook = _STOPPED_HOOKS.get(job.kind)
    if hook is None:
        return
    try:
        hook(job, message)
    except Exception:  # the job's outcome is recorded; its subject's is best effort
        logger.exception("job %s: recording the stop on its subject failed", job.pk)


def _resident_mb(pid: int) -> float | None:
    """Resident memory of process ``pid`` in MB (Linux ``/proc``), None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _die_with_parent() -> None:
    """Linux: the job process is killed when its worker dies, instead of running on unsupervised."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the lease still refuses its writes
        pass


class _Heartbeat:
    """Renews a running job's claim from a thread with its own database connection.

    A database that is locked or away only delays a beat; a beat that finds the claim gone (the job
    was taken over) sets :attr:`lost` and stops.
    """

    def __init__(self, job: Job, interval: float) -> None:
        self.job_id, self.lease, self.locked_by = job.pk, job.lease, job.locked_by
        self.interval = interval
        self.lost = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"job-{job.pk}-heartbeat", daemon=True)

    def start(self) -> _Heartbeat:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=self.interval + 30)

    def _beat(self) -> None:
        owned = Q(pk=self.job_id, status=JobStatus.RUNNING, lease=self.lease, locked_by=self.locked_by)
        try:
            while not self._stopping.wait(self.interval):
                try:
                    renewed = Job.objects.filter(owned).update(locked_at=timezone.now())
                except (OperationalError, InterfaceError) as error:
                    logger.warning(
                        "job %s: heartbeat not written (%s); next beat in %.1f s",
                        self.job_id,
                        error,
                        self.interval,
                    )
                    connection.close()
                    continue
                if not renewed:
                    logger.warning("job %s: claim lost; the heartbeat stops", self.job_id)
                    self.lost.set()
                    return
        finally:
            connection.close()  # this thread's own connection


def _over_budget(child: Any, hard_deadline: float, limit: float, memory_limit: int) -> tuple[str, str] | None:
    if time.monotonic() > hard_deadline:
        return ("time", time_budget_message(limit))
    resident = _resident_mb(child.pid) if child.pid else None
    if resident is not None and resident > memory_limit:
        return ("memory", memory_budget_message(memory_limit))
    return None


def _watch_child(job: Job, child: Any, beat: _Heartbeat | None) -> tuple[str, str] | None:
    """Wait for the job's process; stop it past its time or memory budget, or when the claim is lost.
    Returns why it was stopped (or crashed), None when it ended by itself or lost its claim."""
    limit = job_time_limit(job.kind)
    memory_limit = settings.IMVO_JOB_MEMORY_LIMIT_MB
    hard_deadline = time.monotonic() + limit + HARD_STOP_GRACE_SECONDS
    while True:
        child.join(WATCH_INTERVAL_SECONDS)
        if child.exitcode is not None:
            break
        if beat is not None and beat.lost.is_set():
            logger.warning("job %s: claim lost; its process is stopped", job.pk)
            child.kill()
            child.join()
            return None
        stopped = _over_budget(child, hard_deadline, limit, memory_limit)
        if stopped is not None:
            child.kill()
            child.join()
            return stopped
    if child.exitcode != 0:
        return ("crash", f"The job's process stopped unexpectedly (exit code {child.exitcode}).")
    return None


class Worker:
    """Claims and runs jobs one at a time. Several workers may share one database.

    ``isolate``: run each job in a child process that is stopped at the job's time or memory budget
    (the ``runjobs`` command; needs a database other processes can reach). ``heartbeat``: renew the
    claim from a thread while a job runs, so a live job is never taken for dead. Both are off for
    jobs run inline (tests, the demo), which renew their claim at each ``progress`` call.
    """

    def __init__(
        self, worker_id: str | None = None, *, isolate: bool = False, heartbeat: bool = False
    ) -> None:
        self.worker_id = (worker_id or default_worker_id())[:128]
        self.isolate = isolate
        self.heartbeat = heartbeat
        self._database_failures = 0

    # --- claiming ---------------------------------------------------------------------------
    def _stale_before(self) -> datetime:
        return timezone.now() - timedelta(seconds=settings.IMVO_JOB_STALE_AFTER_SECONDS)

    def _claimable(self) -> Q:
        return Q(status=JobStatus.QUEUED) | Q(status=JobStatus.RUNNING, locked_at__lt=self._stale_before())

    def _candidate_ids(self, limit: int = 10) -> list[int]:
        """Claimable jobs, fairest first: each organisation's oldest job, organisations whose work
        started least recently first and organisations with a job running last; then the oldest."""
        claimable = Job.objects.filter(self._claimable())
        first_of = dict(
            claimable.order_by()
            .values("organisation_id")
            .annotate(first=Min("id"))
            .values_list("organisation_id", "first")
        )
        if not first_of:
            return []
        busy = set(
            Job.objects.filter(
                status=JobStatus.RUNNING, locked_at__gte=self._stale_before(), organisation_id__in=first_of
            ).values_list("organisation_id", flat=True)
        )
        last_started = dict(
            Job.objects.filter(organisation_id__in=first_of, started_at__isnull=False)
            .order_by()
            .values("organisation_id")
            .annotate(last=Max("started_at"))
            .values_list("organisation_id", "last")
        )
        never = datetime.min.replace(tzinfo=UTC)
        fair = sorted(first_of, key=lambda org: (org in busy, last_started.get(org) or never, first_of[org]))
        ids = [first_of[org] for org in fair[:limit]]
        ids += [
            pk
            for pk in claimable.order_by("created_at", "id").values_list("id", flat=True)[:limit]
            if pk not in ids
        ]
        return ids

    def _claim(self, job_id: int) -> str | None:
        """Claim one job with a conditional UPDATE; its new lease, or None when another worker got it."""
        now = timezone.now()
        lease = uuid.uuid4().hex
        claimable = Job.objects.filter(self._claimable(), pk=job_id).filter(
            Q(status=JobStatus.QUEUED) | Q(attempts__lt=settings.IMVO_JOB_MAX_ATTEMPTS)
        )
        with transaction.atomic():
            if connection.vendor == "postgresql" and not list(
                claimable.select_for_update(skip_locked=True).values_list("id", flat=True)
            ):
                return None  # another worker is claiming it right now
            claimed = claimable.update(
                status=JobStatus.RUNNING,
                locked_by=self.worker_id,
                locked_at=now,
                started_at=now,
                lease=lease,
                attempts=F("attempts") + 1,
            )
        return lease if claimed == 1 else None

    def try_claim(self, job_id: int) -> bool:
        """Claim one job with a conditional UPDATE; False when another worker got it first."""
        return self._claim(job_id) is not None

    def fail_exhausted_jobs(self) -> int:
        """Jobs whose workers died too often are failed rather than retried forever; each one's
        stop hook then tidies its subject (as when a worker stops a job at its budget)."""
        message = GIVEN_UP_MESSAGE
        exhausted = Job.objects.filter(
            status=JobStatus.RUNNING,
            locked_at__lt=self._stale_before(),
            attempts__gte=settings.IMVO_JOB_MAX_ATTEMPTS,
        )
        failed = 0
        for job in exhausted.select_related("organisation"):
            # One conditional UPDATE per job: of two workers, only one fails it and runs its hook.
            if exhausted.filter(pk=job.pk, lease=job.lease).update(
                status=JobStatus.FAILED,
                error=message,
                locked_by="",
                locked_at=None,
                lease="",
                finished_at=timezone.now(),
            ):
                failed += 1
                _run_stopped_hook(job, message)
        return failed

    def claim_next(self) -> Job | None:
        """Claim the fairest claimable job (see :meth:`_candidate_ids`), or None when there is none."""
        self.fail_exhausted_jobs()
        for job_id in self._candidate_ids():
            lease = self._claim(job_id)
            if lease is not None:
                return Job.objects.select_related("organisation").filter(pk=job_id, lease=lease).first()
        return None

    # --- running ----------------------------------------------------------------------------
    def _progress_reporter(self, job: Job) -> JobProgress:
        last_write = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last_write
            _check_deadline(job)
            now = time.monotonic()
            job.progress_done, job.progress_total = max(0, done), max(0, total)
            if now - last_write < PROGRESS_WRITE_INTERVAL_SECONDS and done < total:
                return
            last_write = now
            updated = Job.objects.filter(_owned(job, self.worker_id)).update(
                progress_done=job.progress_done, progress_total=job.progress_total, locked_at=timezone.now()
            )
            if not updated:
                raise JobLost(f"Job {job.pk} was reclaimed by another worker.")

        return progress

    def _write_outcome(self, job: Job, **fields: Any) -> bool:
        """Store the job's outcome if this claim still holds it; a locked database is waited out."""
        for attempt in range(OUTCOME_WRITE_ATTEMPTS):
            try:
                written = Job.objects.filter(_owned(job, self.worker_id)).update(
                    locked_by="", locked_at=None, finished_at=timezone.now(), **fields
                )
            except OperationalError as error:
                if attempt + 1 == OUTCOME_WRITE_ATTEMPTS:
                    raise
                logger.warning("job %s: outcome not written (%s); trying again", job.pk, error)
                time.sleep(0.5 * 2**attempt)
                continue
            if not written:
                logger.warning(
                    "job %s: claim lost before its outcome was written; another worker owns it", job.pk
                )
            return written == 1
        return False

    def _fail(self, job: Job, message: str, failure: dict[str, Any]) -> bool:
        return self._write_outcome(job, status=JobStatus.FAILED, error=message[:4000], result=failure)

    def execute(self, job: Job) -> None:
        """Run ``job``'s handler here and store its outcome (the claim must be this worker's)."""
        handler = _HANDLERS.get(job.kind)
        key = (job.pk, job.lease)
        _DEADLINES[key] = time.monotonic() + job_time_limit(job.kind)
        try:
            if handler is None:
                raise LookupError(f"No job handler is registered for {job.kind!r}.")
            result = handler(job, self._progress_reporter(job)) or {}
        except JobLost:
            logger.warning("job %s lost to another worker; nothing more is written", job.pk)
        except Exception as error:  # any failure of a handler is recorded, not fatal
            logger.exception("job %s (%s) failed", job.pk, job.kind)
            message = str(error) or error.__class__.__name__
            failure: dict[str, Any] = {"traceback": traceback.format_exc(limit=5)[-4000:]}
            if isinstance(error, JobBudgetExceeded):
                failure["stopped"] = "time"
            elif isinstance(error, MemoryError):
                message, failure["stopped"] = (
                    memory_budget_message(settings.IMVO_JOB_MEMORY_LIMIT_MB),
                    "memory",
                )
            if input_was_rejected(error):
                failure["input_rejected"] = True  # trying again cannot help (see jobs.presentation)
            self._fail(job, message, failure)
        else:
            self._write_outcome(
                job,
                status=JobStatus.DONE,
                result=result,
                progress_done=max(job.progress_done, job.progress_total),
                progress_total=job.progress_total,
                error="",
            )
        finally:
            _DEADLINES.pop(key, None)

    def run(self, job: Job) -> Job:
        """Run a claimed job and store its outcome."""
        if self.isolate:
            self._run_in_child(job)
        else:
            beat = self._start_heartbeat(job)
            try:
                self.execute(job)
            finally:
                if beat is not None:
                    beat.stop()
        job.refresh_from_db()
        return job

    def _start_heartbeat(self, job: Job) -> _Heartbeat | None:
        return _Heartbeat(job, heartbeat_interval()).start() if self.heartbeat else None

    def _run_in_child(self, job: Job) -> None:
        """Run the job in a forked process and stop it at its time or memory budget."""
        # The child must not share this process's database connections: it opens its own.
        connections.close_all()
        child = multiprocessing.get_context("fork").Process(
            target=_job_process, args=(self, job.pk, job.lease), name=f"imvo-job-{job.pk}"
        )
        child.start()  # before the heartbeat thread exists: no thread is forked mid-call
        beat = self._start_heartbeat(job)
        try:
            self._watch(job, child, beat)
        finally:
            if beat is not None:
                beat.stop()

    def _watch(self, job: Job, child: Any, beat: _Heartbeat | None) -> None:
        stopped = _watch_child(job, child, beat)
        if stopped is None:
            return
        reason, message = stopped
        logger.warning("job %s (%s): %s", job.pk, job.kind, message)
        if self._fail(job, message, {"stopped": reason}):
            _run_stopped_hook(job, message)

    def run_once(self) -> Job | None:
        """Claim and run one job; None when the queue is empty."""
        job = self.claim_next()
        if job is None:
            return None
        return self.run(job)

    def database_trouble(self, error: BaseException) -> float:
        """Note that the database was locked or unreachable; the seconds to wait before trying again.

        The connection is dropped so the next try starts afresh; a worker outlives a busy database.
        """
        self._database_failures += 1
        delay = min(MAX_DATABASE_BACKOFF_SECONDS, 0.25 * 2 ** min(self._database_failures, 10))
        logger.warning(
            "worker %s: database unavailable (%s); trying again in %.1f s", self.worker_id, error, delay
        )
        with contextlib.suppress(OperationalError, InterfaceError):
            connection.close()
        return delay

    def database_fine(self) -> None:
        self._database_failures = 0


def _job_process(worker: Worker, job_id: int, lease: str) -> None:
    """The body of a job's child process (forked: Django is set up, handlers are registered)."""
    _die_with_parent()
    try:
        job = Job.objects.select_related("organisation").filter(pk=job_id, lease=lease).first()
        if job is not None:
            worker.execute(job)
    finally:
        connections.close_all()


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
