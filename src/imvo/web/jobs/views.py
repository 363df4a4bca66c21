"""Job list and the htmx progress partial."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from imvo.web.jobs.models import Job
from imvo.web.organisations.access import organisation_view

LIST_SIZE = 50


@require_GET
@organisation_view("viewer")
def job_list_view(request: HttpRequest, org: str) -> HttpResponse:
    jobs = Job.objects.filter(organisation=request.organisation).select_related("organisation")[:LIST_SIZE]  # type: ignore[attr-defined]
    return render(request, "jobs/list.html", {"jobs": jobs})


@require_GET
@organisation_view("viewer")
def progress_view(request: HttpRequest, org: str, job_id: int) -> HttpResponse:
    """The progress bar fragment; it polls itself every second until the job is finished.

    Include it in a page with ``{% include "jobs/progress.html" with job=job %}``.
    """
    job = get_object_or_404(Job, pk=job_id, organisation=request.organisation)  # type: ignore[attr-defined]
    return render(request, "jobs/progress.html", {"job": job})
