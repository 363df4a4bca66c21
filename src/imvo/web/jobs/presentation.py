"""How a job reads on the jobs page: what it worked on, why it failed, and whether trying again helps.

A job is an implementation detail; people know the thing it worked on ("Scan #12: leveranciers.csv").
An app describes its kinds of job in its own ``job_display.py`` with ``@job_presenter("kind")``: a
function taking a list of that kind's jobs and returning a :class:`JobDisplay` per job id, in one
query for the whole list. Without a presenter a job reads as its kind and number.

Trying again helps after a transient failure (a worker stopped, the database was busy). It does not
help when the file's content was rejected: the same file fails the same way, so such a job says what
is wrong and offers a new upload instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from imvo.web.jobs.models import Job, JobStatus
from imvo.web.jobs.queue import GIVEN_UP_MESSAGE, kind_label

#: Set in ``job.result`` by the worker when a job failed because its input was rejected.
INPUT_REJECTED = "input_rejected"


@dataclass(frozen=True)
class JobDisplay:
    title: str
    url: str = ""
    #: The failure as people should read it (e.g. with the uploaded file's name, never the stored one).
    error: str = ""
    #: What is wrong with the input, one line each, when its content was rejected.
    input_problems: Sequence[str] = field(default_factory=tuple)
    more_problems: int = 0
    input_rejected: bool = False
    #: False when running the job again cannot change anything (its subject recorded the outcome).
    retryable: bool = True
    #: Where a (corrected) file can be uploaded, instead of trying again.
    new_upload_url: str = ""
    #: What the job's outcome now waits for, if anything (e.g. a person's review).
    note: str = ""


JobPresenter = Callable[[list[Job]], dict[int, JobDisplay]]

_PRESENTERS: dict[str, JobPresenter] = {}


def job_presenter(kind: str) -> Callable[[JobPresenter], JobPresenter]:
    def register(presenter: JobPresenter) -> JobPresenter:
        _PRESENTERS[kind] = presenter
        return presenter

    return register


def default_display(job: Job) -> JobDisplay:
    # Every kind of the product names itself (job_handler's label); a bare kind is a test's.
    label = kind_label(job.kind) or job.kind.replace("_", " ").capitalize()
    return JobDisplay(
        title=f"{label} #{job.pk}",
        error=failure_reason(job),
        input_rejected=bool(isinstance(job.result, dict) and job.result.get(INPUT_REJECTED)),
    )


def failure_reason(job: Job) -> str:
    """Why a job failed, in the reader's language. A handler's own exception text is English (it is
    written for the server's log): a Dutch page names the kind of failure instead."""
    if job.status != JobStatus.FAILED:
        return ""
    stopped = job.result.get("stopped") if isinstance(job.result, dict) else None
    if stopped == "time":
        return _("The job took longer than a job may take and was stopped.")
    if stopped == "memory":
        return _("The job needed more memory than a job may use and was stopped.")
    if job.error == GIVEN_UP_MESSAGE:
        return _("The job was interrupted too often (the worker stopped) and was given up.")
    if (get_language() or "en").startswith("en") and job.error:
        return job.error
    return _("Something went wrong while the job ran; the technical reason is in the server's log.")


@dataclass(frozen=True)
class JobRow:
    job: Job
    display: JobDisplay

    @property
    def can_retry(self) -> bool:
        failed = self.job.status == JobStatus.FAILED
        return failed and self.display.retryable and not self.display.input_rejected


def describe_jobs(jobs: Iterable[Job]) -> list[JobRow]:
    """Each job with its display, one presenter call per kind of job on the page."""
    jobs = list(jobs)
    by_kind: dict[str, list[Job]] = {}
    for job in jobs:
        by_kind.setdefault(job.kind, []).append(job)
    displays: dict[int, JobDisplay] = {}
    for kind, kind_jobs in by_kind.items():
        presenter = _PRESENTERS.get(kind)
        if presenter is not None:
            displays.update(presenter(kind_jobs))
    rows = []
    for job in jobs:
        display = displays.get(job.pk) or default_display(job)
        if not display.input_rejected and default_display(job).input_rejected:
            # The worker saw the input rejected even if the presenter could not tell.
            display = JobDisplay(**{**display.__dict__, "input_rejected": True})
        rows.append(JobRow(job, display))
    return rows


def describe_job(job: Job) -> JobRow:
    return describe_jobs([job])[0]


def input_rejected_message(count: int) -> str:
    return ngettext(
        "The file was not accepted because of its content (%(count)s problem); nothing was added.",
        "The file was not accepted because of its content (%(count)s problems); nothing was added.",
        count,
    ) % {"count": count}
