"""Gathering :class:`imvo.core.register.facts.RegisterFacts` for one organisation from the database.

A fixed number of aggregate queries, whatever the register's size. Every page and feature that
speaks about a register's state (where are we, obligations, monitoring, the published report) reads
this value and the core's rules over it, never the tables directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
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


def _aggregates(organisation: Organisation, today: dt.date) -> dict[str, Any]:
    """Every count and date the facts need: one aggregate query per table, each over the
    organisation's rows, so the facts cost the same few queries whatever the register's size.
    (One query of two dozen correlated subqueries cost less database time, but building it cost
    more CPU than the database spent on all of them.)"""
    without_indicator = Q(status__in=ACTIVE_MEASURE_STATUSES) & ~Q(
        Exists(Indicator.objects.filter(measure=OuterRef("pk")))
    )
    audits = Q(kind__in=[FollowUpKind.AUDIT, FollowUpKind.VISIT])
    done = Q(done_on__isnull=False)
    provided = Q(status__in=[RemediationStatus.PROVIDED, RemediationStatus.VERIFIED])
    per_table: tuple[tuple[QuerySet[Any], dict[str, Any]], ...] = (
        (
            Risk.objects.all(),
            {
                "risks": Count("id"),
                "manual_risks": Count("id", filter=Q(source=RiskSource.MANUAL)),
                "open_child_labour_risks": Count("id", filter=OPEN_CHILD_LABOUR_RISK),
            },
        ),
        (
            SeverityJudgement.objects.all(),
            {"judgements": Count("id"), "last_judged_at": Max("created_at")},
        ),
        (
            Scan.objects.filter(status=ScanStatus.DONE),
            {"lists_merged": Count("id"), "last_list_merged_at": Max("applied_at")},
        ),
        (StakeholderEngagement.objects.all(), {"last_engagement_on": Max("held_on")}),
        (PublishedReport.objects.all(), {"last_report_at": Max("published_at")}),
        (Indicator.objects.all(), {"indicators": Count("id")}),
        (
            Measure.objects.exclude(status=CANCELLED),
            {
                "measures_total": Count("id"),
                "measures_planned": Count("id", filter=Q(status=MeasureStatus.PLANNED)),
                "measures_in_progress": Count("id", filter=Q(status=MeasureStatus.IN_PROGRESS)),
                "measures_done": Count("id", filter=Q(status=MeasureStatus.DONE)),
                "measures_overdue": Count("id", filter=overdue_measure_filter(today)),
                "measures_without_indicator": Count("id", filter=without_indicator),
            },
        ),
        (
            FollowUp.objects.all(),
            {
                "follow_ups_total": Count("id"),
                "follow_ups_done": Count("id", filter=done),
                "follow_ups_overdue": Count("id", filter=overdue_follow_up_filter(today)),
                "audits": Count("id", filter=audits),
                "audits_done": Count("id", filter=audits & done & Q(done_on__lte=today)),
            },
        ),
        (
            RemediationRecord.objects.all(),
            {
                "remedies": Count("id"),
                "remedies_provided": Count("id", filter=provided),
                "remedies_verified": Count("id", filter=Q(status=RemediationStatus.VERIFIED)),
            },
        ),
    )
    row: dict[str, Any] = {}
    for rows, aggregates in per_table:
        row.update(rows.filter(organisation=organisation).aggregate(**aggregates))
    return row


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
    """The facts of ``organisation``'s register now, in a dozen queries. ``publishing_at``: a report
    being published at that moment counts as the latest report (it states where the organisation
    stands *with* it)."""
    today = timezone.localdate()
    row = _aggregates(organisation, today)
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
