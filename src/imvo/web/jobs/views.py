"""Job list, the htmx progress partial and retrying a failed job."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from imvo.web.audit.trail import record_audit_event
from imvo.web.jobs.models import Job, JobStatus
from imvo.web.jobs.presentation import describe_job, describe_jobs
from imvo.web.organisations.access import organisation_view

LIST_SIZE = 50


@require_GET
@organisation_view("viewer")
def job_list_view(request: HttpRequest, org: str) -> HttpResponse:
    jobs = Job.objects.filter(organisation=request.organisation).select_related("organisation")[:LIST_SIZE]  # type: ignore[attr-defined]
    return render(request, "jobs/list.html", {"rows": describe_jobs(jobs)})


@require_GET
@organisation_view("viewer")
def progress_view(request: HttpRequest, org: str, job_id: int) -> HttpResponse:
    """The progress bar fragment; it polls itself every second until the job is finished.

    Include it in a page with ``{% include "jobs/progress.html" with job=job %}``.
    """
    job = get_object_or_404(Job, pk=job_id, organisation=request.organisation)  # type: ignore[attr-defined]
    return render(request, "jobs/progress.html", {"job": job, "display": describe_job(job).display})


@require_POST
@organisation_view("editor")
def retry_view(request: HttpRequest, org: str, job_id: int) -> HttpResponse:
    """Queue a failed job again (e.g. after the cause was fixed); its history stays in the trail.

    Not a job whose input was rejected: the same file would fail the same way.
    """
    organisation = request.organisation  # type: ignore[attr-defined]
    job = get_object_or_404(Job, pk=job_id, organisation=organisation, status=JobStatus.FAILED)
    row = describe_job(job)
    if not row.can_retry:
        if row.display.input_rejected:
            messages.error(
                request, _("Trying again would fail the same way: correct the file and upload it again.")
            )
        else:
            messages.error(request, _("This job cannot run again."))
        return redirect("jobs:list", org=org)
    previous_error = job.error
    Job.objects.filter(pk=job.pk, status=JobStatus.FAILED).update(
        status=JobStatus.QUEUED,
        error="",
        attempts=0,
        progress_done=0,
        locked_by="",
        locked_at=None,
        lease="",
        finished_at=None,
    )
    record_audit_event(request.user, organisation, "retry", job, {"error": previous_error[:500]})
    messages.success(request, _("The job was queued again."))
    return redirect("jobs:list", org=org)
