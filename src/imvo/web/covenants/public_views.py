"""The covenant's public pages: what the steering group published, the committee's anonymised rulings,
and the production-location list (HTML, and CSV / XLSX in Open Supply Hub's upload layout)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from imvo.core.covenants import locations_csv, locations_xlsx, redact_company
from imvo.core.grievances import redact
from imvo.web.covenants import queries
from imvo.web.covenants.models import DocumentStatus, MeetingDocument, RulingLink, WithholdingReason
from imvo.web.covenants.picture import location_list
from imvo.web.grievances.models import GrievanceCase
from imvo.web.organisations.models import Organisation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rulings(covenant: Organisation) -> list[dict[str, Any]]:
    """The committee's published decisions, with the complainant and the member company redacted."""
    settings = queries.covenant_of(covenant)
    if settings.committee_id is None:
        return []
    members = {link.case_id: link.party.name for link in RulingLink.objects.filter(organisation=covenant)}
    cases = GrievanceCase.objects.filter(
        mechanism_id=settings.committee_id, statement_published_at__isnull=False
    ).order_by("-statement_published_at")
    return [
        {
            "published_at": case.statement_published_at,
            "outcome": case.get_outcome_display(),
            # The member's name as a whole (``redact_company``): its parts are often common words.
            "text": redact(
                redact_company(case.public_statement, members.get(case.pk, "")),
                [case.complainant_name, case.complainant_organisation],
            ),
        }
        for case in cases
    ]


def _documents(covenant: Organisation) -> list[dict[str, Any]]:
    reasons = dict(WithholdingReason.choices)
    documents = MeetingDocument.objects.filter(
        organisation=covenant, status=DocumentStatus.PUBLISHED
    ).select_related("meeting")
    return [
        {
            "document": document,
            "passages": [
                {"withheld": reasons.get(part.strip("[]"), "")}
                if part.strip("[]") in reasons
                else {"text": part}
                for part in document.published_text.split("\n\n")
            ],
            "withheld": [
                {"passage": m["passage"], "reason": reasons.get(m["reason"], "")} for m in document.withheld
            ],
        }
        for document in documents
    ]


@require_GET
def covenant_page(request: HttpRequest, covenant: str) -> HttpResponse:
    organisation = queries.published_covenant(covenant)
    context = {
        "covenant_organisation": organisation,
        "covenant": queries.covenant_of(organisation),
        "members": queries.parties(organisation).filter(queries.current(), kind="company").count(),
        "documents": _documents(organisation),
        "rulings": _rulings(organisation),
        "list": location_list(organisation),
    }
    return render(request, "covenants/public.html", context)


@require_GET
def locations_page(request: HttpRequest, covenant: str) -> HttpResponse:
    organisation = queries.published_covenant(covenant)
    context = {"covenant_organisation": organisation, "list": location_list(organisation)}
    return render(request, "covenants/public_locations.html", context)


@require_GET
def locations_export(request: HttpRequest, covenant: str, fmt: str) -> HttpResponse:
    organisation = queries.published_covenant(covenant)
    listed = location_list(organisation)
    if not listed.published or fmt not in {"csv", "xlsx"}:
        raise Http404("The list is not published.")
    if fmt == "csv":
        response = HttpResponse(locations_csv(listed.locations), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(locations_xlsx(listed.locations), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="production-locations-{organisation.slug}.{fmt}"'
    return response
