"""Every read of the register, always scoped to one organisation.

List queries fetch what their pages show in a fixed number of queries (select_related, annotations),
so page cost does not grow with the number of rows (asserted in the tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from imvo.web.audit.models import AuditEvent
from imvo.web.organisations.models import Organisation
from imvo.web.register.models import (
    RISK_ORDER,
    FollowUp,
    Indicator,
    Measure,
    MeasureStatus,
    Policy,
    PublishedReport,
    RemediationRecord,
    Risk,
    Scan,
    ScanStatus,
    SeverityJudgement,
    StakeholderEngagement,
    Supplier,
)

OPEN_MEASURE_STATUSES = (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)


def _count_of(related: QuerySet[Any], parent_field: str) -> Coalesce:
    """COUNT of ``related`` rows as a correlated subquery: evaluated only for the rows of the page shown."""
    counted = related.order_by().values(parent_field).annotate(n=Count("id")).values("n")[:1]
    return Coalesce(Subquery(counted), 0)


@dataclass(frozen=True)
class RiskFilter:
    status: str = ""
    area: str = ""
    theme: str = ""
    search: str = ""


def policies(organisation: Organisation) -> QuerySet[Policy]:
    return Policy.objects.filter(organisation=organisation)


def policy(organisation: Organisation, pk: int) -> Policy:
    return get_object_or_404(Policy, organisation=organisation, pk=pk)


def scans(organisation: Organisation) -> QuerySet[Scan]:
    return Scan.objects.filter(organisation=organisation).select_related("upload", "started_by", "job")


def scan(organisation: Organisation, pk: int) -> Scan:
    return get_object_or_404(scans(organisation), pk=pk)


def latest_completed_scan(organisation: Organisation) -> Scan | None:
    return scans(organisation).filter(status=ScanStatus.DONE).order_by("-finished_at", "-id").first()


def suppliers(organisation: Organisation, scan: Scan | None = None) -> QuerySet[Supplier]:
    rows = Supplier.objects.filter(organisation=organisation)
    if scan is not None:
        rows = rows.filter(scan=scan)
    return rows.annotate(
        risk_count=_count_of(Risk.objects.filter(supplier=OuterRef("pk")), "supplier")
    ).order_by("name", "id")


def risks(organisation: Organisation, risk_filter: RiskFilter | None = None) -> QuerySet[Risk]:
    """The risk register, most salient first, with what each list row shows."""
    rows = (
        Risk.objects.filter(organisation=organisation)
        .select_related("supplier")
        # Correlated subqueries, not JOIN + GROUP BY: they run for the rows of one page only, and the
        # paginator's COUNT(*) can drop them, so the page costs the same with 100 or 100 000 risks.
        .annotate(
            measure_count=_count_of(Measure.objects.filter(risk=OuterRef("pk")), "risk"),
            judged=Exists(SeverityJudgement.objects.filter(risk=OuterRef("pk"))),
        )
        .order_by(*RISK_ORDER)
    )
    if risk_filter is not None:
        if risk_filter.status:
            rows = rows.filter(status=risk_filter.status)
        if risk_filter.area:
            rows = rows.filter(area=risk_filter.area)
        if risk_filter.theme:
            rows = rows.filter(theme=risk_filter.theme)
        if risk_filter.search:
            term = risk_filter.search
            rows = rows.filter(
                Q(title__icontains=term) | Q(supplier__name__icontains=term) | Q(good__icontains=term)
            )
    return rows


def risk(organisation: Organisation, pk: int) -> Risk:
    return get_object_or_404(
        Risk.objects.select_related("supplier", "scan"), organisation=organisation, pk=pk
    )


def judgements_of(risk: Risk) -> QuerySet[SeverityJudgement]:
    return SeverityJudgement.objects.filter(risk=risk, organisation_id=risk.organisation_id).select_related(
        "judged_by"
    )


def measures_of(risk: Risk) -> QuerySet[Measure]:
    return Measure.objects.filter(risk=risk, organisation_id=risk.organisation_id)


def remediations_of(risk: Risk) -> QuerySet[RemediationRecord]:
    return RemediationRecord.objects.filter(risk=risk, organisation_id=risk.organisation_id)


def engagements_of(risk: Risk) -> QuerySet[StakeholderEngagement]:
    return StakeholderEngagement.objects.filter(risk=risk, organisation_id=risk.organisation_id)


def measures(organisation: Organisation) -> QuerySet[Measure]:
    today = timezone.localdate()
    return (
        Measure.objects.filter(organisation=organisation)
        .select_related("risk")
        .annotate(
            overdue=ExpressionWrapper(
                Q(status__in=OPEN_MEASURE_STATUSES, due_on__lt=today), output_field=BooleanField()
            ),
            follow_up_count=_count_of(FollowUp.objects.filter(measure=OuterRef("pk")), "measure"),
            overdue_follow_ups=_count_of(
                FollowUp.objects.filter(measure=OuterRef("pk"), done_on__isnull=True, planned_on__lt=today),
                "measure",
            ),
        )
        .order_by(models.F("due_on").asc(nulls_last=True), "id")
    )


def measure(organisation: Organisation, pk: int) -> Measure:
    return get_object_or_404(Measure.objects.select_related("risk"), organisation=organisation, pk=pk)


def indicators_of(measure: Measure) -> QuerySet[Indicator]:
    return Indicator.objects.filter(measure=measure, organisation_id=measure.organisation_id)


def follow_ups_of(measure: Measure) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(measure=measure, organisation_id=measure.organisation_id).select_related(
        "indicator"
    )


def follow_up(organisation: Organisation, pk: int) -> FollowUp:
    return get_object_or_404(FollowUp.objects.select_related("measure"), organisation=organisation, pk=pk)


def engagements(organisation: Organisation) -> QuerySet[StakeholderEngagement]:
    return StakeholderEngagement.objects.filter(organisation=organisation).select_related("risk")


def engagement(organisation: Organisation, pk: int) -> StakeholderEngagement:
    return get_object_or_404(StakeholderEngagement, organisation=organisation, pk=pk)


def remediations(organisation: Organisation) -> QuerySet[RemediationRecord]:
    return RemediationRecord.objects.filter(organisation=organisation).select_related("risk")


def remediation(organisation: Organisation, pk: int) -> RemediationRecord:
    return get_object_or_404(
        RemediationRecord.objects.select_related("risk"), organisation=organisation, pk=pk
    )


def published_reports(organisation: Organisation) -> QuerySet[PublishedReport]:
    return (
        PublishedReport.objects.filter(organisation=organisation)
        .select_related("published_by")
        .defer("html", "pdf", "content")
    )


def published_report_by_public_id(public_id: str) -> PublishedReport:
    """The public URL's report; anyone may read it (it is published), so no organisation scope."""
    return get_object_or_404(PublishedReport.objects.select_related("organisation"), public_id=public_id)


def audit_trail_of(organisation: Organisation, record: Risk | Measure) -> QuerySet[AuditEvent]:
    object_type = record._meta.label_lower.split(".")[-1]
    return AuditEvent.objects.filter(
        organisation=organisation, object_type=object_type, object_id=str(record.pk)
    ).select_related("actor")
