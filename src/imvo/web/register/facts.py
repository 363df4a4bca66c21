"""Gathering :class:`imvo.core.register.facts.RegisterFacts` for one organisation from the database.

A fixed number of aggregate queries, whatever the register's size. Every page and feature that
speaks about a register's state (where are we, obligations, monitoring, the published report) reads
this value and the core's rules over it, never the tables directly.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, Max, OuterRef, Q
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


def _measures(organisation: Organisation, today: dt.date) -> MeasureCounts:
    counts = (
        Measure.objects.filter(organisation=organisation)
        .exclude(status=CANCELLED)
        .aggregate(
            total=Count("id"),
            planned=Count("id", filter=Q(status=MeasureStatus.PLANNED)),
            in_progress=Count("id", filter=Q(status=MeasureStatus.IN_PROGRESS)),
            done=Count("id", filter=Q(status=MeasureStatus.DONE)),
            overdue=Count("id", filter=overdue_measure_filter(today)),
        )
    )
    without_indicator = (
        Measure.objects.filter(organisation=organisation, status__in=ACTIVE_MEASURE_STATUSES)
        .exclude(Exists(Indicator.objects.filter(measure=OuterRef("pk"))))
        .count()
    )
    return MeasureCounts(**counts, active_without_indicator=without_indicator)


def _follow_ups(organisation: Organisation, today: dt.date) -> FollowUpCounts:
    audits = Q(kind__in=[FollowUpKind.AUDIT, FollowUpKind.VISIT])
    return FollowUpCounts(
        **FollowUp.objects.filter(organisation=organisation).aggregate(
            total=Count("id"),
            done=Count("id", filter=Q(done_on__isnull=False)),
            overdue=Count("id", filter=overdue_follow_up_filter(today)),
            audits=Count("id", filter=audits),
            audits_done=Count("id", filter=audits & Q(done_on__isnull=False, done_on__lte=today)),
        )
    )


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
    """The facts of ``organisation``'s register now. ``publishing_at``: a report being published at
    that moment counts as the latest report (it states where the organisation stands *with* it)."""
    today = timezone.localdate()
    risks = Risk.objects.filter(organisation=organisation).aggregate(
        total=Count("id"),
        manual=Count("id", filter=Q(source=RiskSource.MANUAL)),
        child_labour=Count("id", filter=Q(theme__in=CHILD_LABOUR_THEMES) & ~Q(status=RiskStatus.CLOSED)),
    )
    judgements = SeverityJudgement.objects.filter(organisation=organisation).aggregate(
        n=Count("id"), last=Max("created_at")
    )
    lists = Scan.objects.filter(organisation=organisation, status=ScanStatus.DONE).aggregate(
        n=Count("id"), last=Max("applied_at")
    )
    remedies = RemediationRecord.objects.filter(organisation=organisation).aggregate(
        total=Count("id"),
        provided=Count("id", filter=Q(status__in=[RemediationStatus.PROVIDED, RemediationStatus.VERIFIED])),
        verified=Count("id", filter=Q(status=RemediationStatus.VERIFIED)),
    )
    last_report = PublishedReport.objects.filter(organisation=organisation).aggregate(
        last=Max("published_at")
    )
    return RegisterFacts(
        as_of=today,
        policy=_policy(organisation),
        lists_merged=lists["n"],
        last_list_merged_on=_date(lists["last"]),
        last_list_merged_at=lists["last"],
        risks=risks["total"],
        manual_risks=risks["manual"],
        open_child_labour_risks=risks["child_labour"],
        judgements=judgements["n"],
        last_judged_on=_date(judgements["last"]),
        top_open_risks=_top_open_risks(organisation),
        last_engagement_on=StakeholderEngagement.objects.filter(organisation=organisation).aggregate(
            last=Max("held_on")
        )["last"],
        measures=_measures(organisation, today),
        indicators=Indicator.objects.filter(organisation=organisation).count(),
        follow_ups=_follow_ups(organisation, today),
        remediations=RemediationCounts(**remedies),
        last_report_at=publishing_at or last_report["last"],
    )
