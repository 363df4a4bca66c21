"""Job list, the htmx progress partial and retrying a failed job."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from imvo.web.jobs import actions
from imvo.web.jobs.models import Job, JobStatus
from imvo.web.jobs.presentation import describe_job, describe_jobs
from imvo.web.organisations.access import Access, organisation_view
from imvo.web.organisations.roles import Role

LIST_SIZE = 50


@require_GET
@organisation_view(Role.VIEWER)
def job_list_view(request: HttpRequest, access: Access, org: str) -> HttpResponse:
    jobs = Job.objects.filter(organisation=access.organisation).select_related("organisation")[:LIST_SIZE]
    return render(request, "jobs/list.html", {"rows": describe_jobs(jobs)})


@require_GET
@organisation_view(Role.VIEWER)
def progress_view(request: HttpRequest, access: Access, org: str, job_id: int) -> HttpResponse:
    """The progress bar fragment; it polls itself every second until the job is finished.

    Include it in a page with ``{% include "jobs/progress.html" with job=job %}``.
    """
    job = get_object_or_404(Job, pk=job_id, organisation=access.organisation)
    return render(request, "jobs/progress.html", {"job": job, "display": describe_job(job).display})


@require_POST
@organisation_view(Role.EDITOR)
def retry_view(request: HttpRequest, access: Access, org: str, job_id: int) -> HttpResponse:
    """Queue a failed job again (e.g. after the cause was fixed); its history stays in the trail.

    Not a job whose input was rejected: the same file would fail the same way.
    """
    organisation = access.organisation
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
    actions.retry_job(request.user, organisation, job)
    messages.success(request, _("The job was queued again."))
    return redirect("jobs:list", org=org)
