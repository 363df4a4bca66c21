"""Gathering :class:`imvo.core.register.facts.RegisterFacts` for one organisation from the database.

A fixed number of aggregate queries, whatever the register's size. Every page and feature that
speaks about a register's state (where are we, obligations, monitoring, the published report) reads
this value and the core's rules over it, never the tables directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from imvo.core.register.facts import (
    ACTIVE_MEASURE_STATUSES,
    CANCELLED,
    OPEN_MEASURE_STATUSES,
    FollowUpCounts,
    MeasureCounts,
    PolicyFacts,
    RegisterFacts,
    RemediationCounts,
    TopRisk,
)
from imvo.core.register.maturity import TOP_RISKS
from imvo.core.risk.themes import THEMES
from imvo.web.organisations.models import Organisation
from imvo.web.register.models import (
    RISK_ORDER,
    FollowUp,
    FollowUpKind,
    Indicator,
    Measure,
    MeasureStatus,
    Policy,
    PublishedReport,
    RemediationRecord,
    RemediationStatus,
    Risk,
    RiskSource,
    RiskStatus,
    Scan,
    ScanStatus,
    SeverityJudgement,
    StakeholderEngagement,
)

#: The themes about children (a grievance about child labour creates a risk with such a theme too).
CHILD_LABOUR_THEMES = frozenset(theme.id for theme in THEMES if theme.concerns_children)
#: A child-labour risk still to be dealt with: while there is one, the organisation cannot declare
#: "no reasonable suspicion of child labour" (Wzk).
OPEN_CHILD_LABOUR_RISK = Q(theme__in=CHILD_LABOUR_THEMES) & ~Q(status=RiskStatus.CLOSED)


def open_child_labour_risks(organisation: Organisation) -> int:
    return Risk.objects.filter(OPEN_CHILD_LABOUR_RISK, organisation=organisation).count()


def overdue_measure_filter(today: dt.date) -> Q:
    """:func:`imvo.core.register.facts.measure_is_overdue` as a database filter."""
    return Q(status__in=OPEN_MEASURE_STATUSES, due_on__lt=today)


def overdue_follow_up_filter(today: dt.date) -> Q:
    """:func:`imvo.core.register.facts.follow_up_is_overdue` as a database filter."""
    return Q(done_on__isnull=True, planned_on__lt=today)


#: A follow-up not yet carried out is "due" from this long before its planned date (overdue ones too).
FOLLOW_UPS_DUE_WITHIN = dt.timedelta(days=30)


def due_follow_up_filter(today: dt.date) -> Q:
    """Follow-ups to carry out soon: not done and planned within :data:`FOLLOW_UPS_DUE_WITHIN` (or
    overdue). Read by the overview's tile and the follow-ups page's filter."""
    return Q(done_on__isnull=True, planned_on__lte=today + FOLLOW_UPS_DUE_WITHIN)


def _policy(organisation: Organisation) -> PolicyFacts | None:
    policy = Policy.objects.filter(organisation=organisation).order_by("-adopted_on", "-id").first()
    if policy is None:
        return None
    return PolicyFacts(
        title=policy.title,
        adopted_on=policy.adopted_on,
        board_approved_on=policy.board_approved_on,
        responsible_officer=policy.responsible_officer,
        endorses_oecd_guidelines=policy.endorses_oecd_guidelines,
        endorses_ungps=policy.endorses_ungps,
        endorsement_evidence_url=policy.endorsement_evidence_url,
        management_system=policy.management_system,
    )


def _per_organisation(rows: QuerySet[Any], aggregate: Any) -> Subquery:
    """One aggregate over ``rows`` of the outer query's organisation, as a scalar subquery."""
    grouped = rows.filter(organisation=OuterRef("pk")).order_by().values("organisation")
    return Subquery(grouped.annotate(value=aggregate).values("value")[:1])


def _count(rows: QuerySet[Any], condition: Q | None = None) -> Coalesce:
    return Coalesce(_per_organisation(rows, Count("id", filter=condition)), 0)


def _aggregates(today: dt.date) -> dict[str, Any]:
    """Every count and date the facts need, each a subquery of one SELECT over the organisation: the
    facts cost the same few queries whatever the register's size."""
    measures = Measure.objects.exclude(status=CANCELLED)
    without_indicator = Measure.objects.filter(status__in=ACTIVE_MEASURE_STATUSES).exclude(
        Exists(Indicator.objects.filter(measure=OuterRef("pk")))
    )
    audits = Q(kind__in=[FollowUpKind.AUDIT, FollowUpKind.VISIT])
    remedies = RemediationRecord.objects.all()
    merged_lists = Scan.objects.filter(status=ScanStatus.DONE)
    return {
        "risks": _count(Risk.objects.all()),
        "manual_risks": _count(Risk.objects.all(), Q(source=RiskSource.MANUAL)),
        "open_child_labour_risks": _count(Risk.objects.all(), OPEN_CHILD_LABOUR_RISK),
        "judgements": _count(SeverityJudgement.objects.all()),
        "last_judged_at": _per_organisation(SeverityJudgement.objects.all(), Max("created_at")),
        "lists_merged": _count(merged_lists),
        "last_list_merged_at": _per_organisation(merged_lists, Max("applied_at")),
        "last_engagement_on": _per_organisation(StakeholderEngagement.objects.all(), Max("held_on")),
        "last_report_at": _per_organisation(PublishedReport.objects.all(), Max("published_at")),
        "indicators": _count(Indicator.objects.all()),
        "measures_total": _count(measures),
        "measures_planned": _count(measures, Q(status=MeasureStatus.PLANNED)),
        "measures_in_progress": _count(measures, Q(status=MeasureStatus.IN_PROGRESS)),
        "measures_done": _count(measures, Q(status=MeasureStatus.DONE)),
        "measures_overdue": _count(measures, overdue_measure_filter(today)),
        "measures_without_indicator": _count(without_indicator),
        "follow_ups_total": _count(FollowUp.objects.all()),
        "follow_ups_done": _count(FollowUp.objects.all(), Q(done_on__isnull=False)),
        "follow_ups_overdue": _count(FollowUp.objects.all(), overdue_follow_up_filter(today)),
        "audits": _count(FollowUp.objects.all(), audits),
        "audits_done": _count(FollowUp.objects.all(), audits & Q(done_on__isnull=False, done_on__lte=today)),
        "remedies": _count(remedies),
        "remedies_provided": _count(
            remedies, Q(status__in=[RemediationStatus.PROVIDED, RemediationStatus.VERIFIED])
        ),
        "remedies_verified": _count(remedies, Q(status=RemediationStatus.VERIFIED)),
    }


def _top_open_risks(organisation: Organisation) -> tuple[TopRisk, ...]:
    rows = (
        Risk.objects.filter(organisation=organisation)
        .exclude(status=RiskStatus.CLOSED)
        .annotate(
            judged=Exists(SeverityJudgement.objects.filter(risk=OuterRef("pk"))),
            addressed=Exists(Measure.objects.filter(risk=OuterRef("pk")).exclude(status=CANCELLED)),
        )
        .order_by(*RISK_ORDER)
        .values_list("judged", "addressed")[:TOP_RISKS]
    )
    return tuple(TopRisk(judged, addressed) for judged, addressed in rows)


def _date(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(moment) if moment is not None else None


def register_facts(organisation: Organisation, *, publishing_at: dt.datetime | None = None) -> RegisterFacts:
    """The facts of ``organisation``'s register now, in three queries. ``publishing_at``: a report
    being published at that moment counts as the latest report (it states where the organisation
    stands *with* it)."""
    today = timezone.localdate()
    aggregates = _aggregates(today)
    row = Organisation.objects.filter(pk=organisation.pk).annotate(**aggregates).values(*aggregates).get()
    return RegisterFacts(
        as_of=today,
        policy=_policy(organisation),
        lists_merged=row["lists_merged"],
        last_list_merged_on=_date(row["last_list_merged_at"]),
        last_list_merged_at=row["last_list_merged_at"],
        risks=row["risks"],
        manual_risks=row["manual_risks"],
        open_child_labour_risks=row["open_child_labour_risks"],
        judgements=row["judgements"],
        last_judged_on=_date(row["last_judged_at"]),
        top_open_risks=_top_open_risks(organisation),
        last_engagement_on=row["last_engagement_on"],
        measures=MeasureCounts(
            total=row["measures_total"],
            planned=row["measures_planned"],
            in_progress=row["measures_in_progress"],
            done=row["measures_done"],
            overdue=row["measures_overdue"],
            active_without_indicator=row["measures_without_indicator"],
        ),
        indicators=row["indicators"],
        follow_ups=FollowUpCounts(
            total=row["follow_ups_total"],
            done=row["follow_ups_done"],
            overdue=row["follow_ups_overdue"],
            audits=row["audits"],
            audits_done=row["audits_done"],
        ),
        remediations=RemediationCounts(
            total=row["remedies"], provided=row["remedies_provided"], verified=row["remedies_verified"]
        ),
        last_report_at=publishing_at or row["last_report_at"],
    )
