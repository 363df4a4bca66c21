"""Every read of grievance data, scoped to one organisation (or one public mechanism)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from imvo.core.grievances import Phase
from imvo.core.grievances.figures import CaseFacts, EffectivenessFigures, PhaseSpell, effectiveness_figures
from imvo.web.grievances.models import (
    GrievanceAttachment,
    GrievanceCase,
    GrievanceMechanism,
    IdentityGrant,
    PhaseTransition,
    RemedyAction,
)
from imvo.web.organisations.models import Organisation


def mechanisms_of(organisation: Organisation) -> QuerySet[GrievanceMechanism]:
    return GrievanceMechanism.objects.filter(organisation=organisation).annotate(case_count=Count("cases"))


def mechanism_of(organisation: Organisation, mechanism_id: int) -> GrievanceMechanism:
    mechanism = GrievanceMechanism.objects.filter(organisation=organisation, pk=mechanism_id).first()
    if mechanism is None:
        raise Http404
    return mechanism


def public_mechanism(slug: str) -> GrievanceMechanism:
    mechanism = GrievanceMechanism.objects.select_related("organisation").filter(slug=slug).first()
    if mechanism is None:
        raise Http404
    return mechanism


def cases_of(
    organisation: Organisation, *, phase: str = "", mechanism_id: int | None = None
) -> QuerySet[GrievanceCase]:
    cases = GrievanceCase.objects.filter(organisation=organisation).select_related("mechanism")
    if phase == "open":
        cases = cases.exclude(phase=Phase.CLOSED)
    elif phase:
        cases = cases.filter(phase=phase)
    if mechanism_id is not None:
        cases = cases.filter(mechanism_id=mechanism_id)
    return cases


def case_of(organisation: Organisation, case_id: int) -> GrievanceCase:
    case = (
        GrievanceCase.objects.select_related("mechanism", "supplier", "risk", "measure")
        .prefetch_related("transitions", "messages", "attachments", "remedies")
        .filter(organisation=organisation, pk=case_id)
        .first()
    )
    if case is None:
        raise Http404
    return case


def attachment_of(organisation: Organisation, attachment_id: int) -> GrievanceAttachment:
    attachment = (
        GrievanceAttachment.objects.select_related("case")
        .filter(case__organisation=organisation, pk=attachment_id)
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment


def remedy_of(organisation: Organisation, remedy_id: int) -> RemedyAction:
    remedy = (
        RemedyAction.objects.select_related("case")
        .filter(case__organisation=organisation, pk=remedy_id)
        .first()
    )
    if remedy is None:
        raise Http404
    return remedy


def can_view_identity(user: Any, organisation: Organisation) -> bool:
    """The specific permission: an explicit grant, never implied by a role."""
    if user is None or not user.is_authenticated:
        return False
    return IdentityGrant.objects.filter(organisation=organisation, user=user).exists()


def identity_grants_of(organisation: Organisation) -> QuerySet[IdentityGrant]:
    return IdentityGrant.objects.filter(organisation=organisation).select_related("user", "granted_by")


def published_statements(mechanism: GrievanceMechanism) -> QuerySet[GrievanceCase]:
    return GrievanceCase.objects.filter(mechanism=mechanism, statement_published_at__isnull=False).order_by(
        "-statement_published_at"
    )


def _spells(
    case: GrievanceCase, transitions: list[PhaseTransition], deadlines: dict[Phase, int]
) -> tuple[PhaseSpell, ...]:
    spells: list[PhaseSpell] = []
    now = timezone.now()
    entered = [(Phase(t.to_phase), t.created_at) for t in transitions]
    for index, (phase, started) in enumerate(entered):
        if phase is Phase.CLOSED:
            continue
        ended = entered[index + 1][1] if index + 1 < len(entered) else now
        spells.append(PhaseSpell(phase, (ended - started).total_seconds() / 86400, deadlines.get(phase)))
    return tuple(spells)


def effectiveness_of(
    organisation: Organisation, mechanism: GrievanceMechanism | None = None
) -> EffectivenessFigures:
    """The mechanism's (or all the organisation's mechanisms') figures, without personal data."""
    cases = (
        GrievanceCase.objects.filter(organisation=organisation)
        .select_related("mechanism")
        .prefetch_related(
            Prefetch("transitions", queryset=PhaseTransition.objects.order_by("created_at", "id"))
        )
        .annotate(
            remedies_planned=Count("remedies", distinct=True),
            remedies_delivered=Count(
                "remedies", filter=Q(remedies__completed_on__isnull=False), distinct=True
            ),
        )
    )
    if mechanism is not None:
        cases = cases.filter(mechanism=mechanism)
    facts = [
        CaseFacts(
            theme=case.get_theme_display(),
            country=case.country,
            outcome=case.get_outcome_display() if case.outcome else "",
            spells=_spells(case, list(case.transitions.all()), case.mechanism.deadline_days),
            remedies_planned=case.remedies_planned,
            remedies_delivered=case.remedies_delivered,
            satisfaction=case.satisfaction,
        )
        for case in cases
    ]
    return effectiveness_figures(facts)


def remedy_summary(organisation: Organisation) -> dict[str, int]:
    """Aggregate figures for step 6 and the public report: never per case."""
    remedies = RemedyAction.objects.filter(case__organisation=organisation)
    cases = GrievanceCase.objects.filter(organisation=organisation)
    return {
        "cases_received": cases.count(),
        "cases_open": cases.exclude(phase=Phase.CLOSED).count(),
        "cases_substantiated": cases.filter(substantiated=True).count(),
        "remedies_planned": remedies.count(),
        "remedies_delivered": remedies.filter(completed_on__isnull=False).count(),
    }


def received_period(
    organisation: Organisation, mechanism: GrievanceMechanism | None = None
) -> tuple[dt.date, dt.date] | None:
    """The first and last day a case of the figures was received (the period they cover)."""
    cases = GrievanceCase.objects.filter(organisation=organisation)
    if mechanism is not None:
        cases = cases.filter(mechanism=mechanism)
    span = cases.aggregate(first=Min("received_at"), last=Max("received_at"))
    if span["first"] is None:
        return None
    return timezone.localdate(span["first"]), timezone.localdate(span["last"])
