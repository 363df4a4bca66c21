"""Writes to the background queue that people make from the site; each one audited."""

from __future__ import annotations

from typing import Any

from imvo.web.audit.trail import record_audit_event
from imvo.web.audit.vocabulary import AuditAction
from imvo.web.jobs.models import Job, JobStatus
from imvo.web.organisations.models import Organisation


def retry_job(actor: Any, organisation: Organisation, job: Job) -> bool:
    """Queue a failed job again from the start; its history stays in the trail.

    Returns False when the job was no longer failed (someone else queued it first).
    """
    previous_error = job.error
    queued = Job.objects.filter(pk=job.pk, status=JobStatus.FAILED).update(
        status=JobStatus.QUEUED,
        error="",
        attempts=0,
        progress_done=0,
        locked_by="",
        locked_at=None,
        lease="",
        finished_at=None,
    )
    if queued:
        record_audit_event(actor, organisation, AuditAction.RETRY, job, {"error": previous_error[:500]})
    return bool(queued)
