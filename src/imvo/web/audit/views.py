"""The audit trail page: who changed what and when, for owners and reviewers."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from imvo.web.audit.models import AuditEvent
from imvo.web.audit.presentation import describe, object_type_label
from imvo.web.organisations.access import ROLE_CAN_SEE_AUDIT_TRAIL, organisation_view

PAGE_SIZE = 50


@require_GET
@organisation_view(roles=ROLE_CAN_SEE_AUDIT_TRAIL)
def trail_view(request: HttpRequest, org: str) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    events = AuditEvent.objects.filter(organisation=organisation)
    object_type = request.GET.get("type", "").strip()
    if object_type:
        events = events.filter(object_type=object_type)
    object_types = (
        AuditEvent.objects.filter(organisation=organisation)
        .order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct()
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/trail.html",
        {
            "page": page,
            "rows": describe(page),
            "object_types": [(name, object_type_label(name)) for name in object_types],
            "selected_type": object_type,
        },
    )
