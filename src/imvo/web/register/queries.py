"""Every read of the register, always scoped to one organisation.

List queries fetch what their pages show in a fixed number of queries (select_related, annotations),
so page cost does not grow with the number of rows (asserted in the tests).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from imvo.core.scan import STATUS_UNMATCHED_COUNTRY, STATUS_UNMATCHED_PRODUCT
from imvo.web.audit.models import AuditEvent
from imvo.web.organisations.models import Organisation
from imvo.web.register import scales
from imvo.web.register.facts import overdue_follow_up_filter, overdue_measure_filter
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
    RiskEvent,
    RiskStatus,
    Scan,
    ScanStatus,
    SeverityJudgement,
    StakeholderEngagement,
    Supplier,
    SupplierUpload,
)


def _count_of(related: QuerySet[Any], parent_field: str) -> Coalesce:
    """COUNT of ``related`` rows as a correlated subquery: evaluated only for the rows of the page shown."""
    counted = related.order_by().values(parent_field).annotate(n=Count("id")).values("n")[:1]
    return Coalesce(Subquery(counted), 0)


#: The register's default view: the risks that are still to be dealt with.
CURRENT = "current"
ALL_STATUSES = "all"


@dataclass(frozen=True)
class RiskFilter:
    #: A :class:`RiskStatus`, ``CURRENT`` (open and being addressed) or ``ALL_STATUSES``.
    status: str = ALL_STATUSES
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
    """The last list merged into the register."""
    return scans(organisation).filter(status=ScanStatus.DONE).order_by("-applied_at", "-id").first()


def scan_history_of(risk: Risk) -> QuerySet[RiskEvent]:
    """What each applied scan did to ``risk``: found, changed, closed (with the reason), reopened."""
    return RiskEvent.objects.filter(risk=risk, organisation_id=risk.organisation_id).select_related(
        "scan__upload"
    )


def suppliers(
    organisation: Organisation, scan: Scan | None = None, *, include_removed: bool = False
) -> QuerySet[Supplier]:
    """The supplier list: every supplier on it now (those a replacing list dropped only on request)."""
    rows = Supplier.objects.filter(organisation=organisation)
    if scan is not None:
        rows = rows.filter(scan=scan)
    if not include_removed:
        rows = rows.filter(removed_scan__isnull=True)
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
        if risk_filter.status == CURRENT:
            rows = rows.exclude(status=RiskStatus.CLOSED)
        elif risk_filter.status and risk_filter.status != ALL_STATUSES:
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
            overdue=ExpressionWrapper(overdue_measure_filter(today), output_field=BooleanField()),
            follow_up_count=_count_of(FollowUp.objects.filter(measure=OuterRef("pk")), "measure"),
            overdue_follow_ups=_count_of(
                FollowUp.objects.filter(overdue_follow_up_filter(today), measure=OuterRef("pk")),
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


def follow_ups(organisation: Organisation) -> QuerySet[FollowUp]:
    """Every follow-up of the organisation's measures, earliest planned first, with its measure and risk."""
    return FollowUp.objects.filter(organisation=organisation).select_related(
        "measure", "measure__risk", "measure__risk__supplier", "indicator"
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


# --- The register as of a period end --------------------------------------------------------------
def _measure_done_by(end: dt.datetime) -> Exists:
    """The measure (``OuterRef("pk")``) was marked done, or recorded as done, by ``end`` (from the
    audit trail, which records every change of a measure with its old and new values)."""
    return Exists(
        AuditEvent.objects.filter(
            object_type="measure",
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            created_at__lte=end,
        ).filter(
            Q(action="update", changes__status__1=MeasureStatus.DONE)
            | Q(action="create", changes__status=MeasureStatus.DONE)
        )
    )


def register_as_of(organisation: Organisation, end: dt.datetime) -> QuerySet[Any]:
    """The register as it stood at ``end``: the risks known by then, each with its status then
    (``status_then``), whether it had been judged (``judged_then``), and its measures then
    (``measures_then``, of which ``measures_done_then`` done). Later work does not show."""
    last_status = (
        RiskEvent.objects.filter(risk=OuterRef("pk"), created_at__lte=end)
        .exclude(status="")
        .order_by("-created_at", "-id")
        .values("status")[:1]
    )
    measures_then = Measure.objects.filter(risk=OuterRef("pk"), created_at__lte=end)
    return (
        Risk.objects.filter(organisation=organisation, created_at__lte=end)
        .select_related("supplier")
        .annotate(
            status_then=Coalesce(Subquery(last_status), Value(RiskStatus.OPEN)),
            judged_then=Exists(SeverityJudgement.objects.filter(risk=OuterRef("pk"), created_at__lte=end)),
            measures_then=_count_of(measures_then, "risk"),
            measures_done_then=_count_of(measures_then.filter(_measure_done_by(end)), "risk"),
        )
        .order_by(*RISK_ORDER)
    )


def register_summary_as_of(organisation: Organisation, end: dt.datetime) -> dict[str, int]:
    rows = register_as_of(organisation, end).order_by()
    return {
        "known": rows.count(),
        "open": rows.filter(status_then=RiskStatus.OPEN).count(),
        "addressed": rows.filter(status_then=RiskStatus.ADDRESSED).count(),
        "closed": rows.filter(status_then=RiskStatus.CLOSED).count(),
        "judged": rows.filter(judged_then=True).count(),
        "with_measures": rows.filter(measures_then__gt=0).count(),
        "measures": Measure.objects.filter(organisation=organisation, created_at__lte=end).count(),
        "measures_done": Measure.objects.filter(organisation=organisation, created_at__lte=end)
        .filter(_measure_done_by(end))
        .count(),
    }


def changes_between(organisation: Organisation, start: dt.datetime, end: dt.datetime) -> dict[str, int]:
    """What happened in the register in (start, end]: risks new and closed, measures completed.
    Confidential records are left out: the published report compares periods with these."""
    public_risks = Risk.objects.filter(organisation=organisation, confidential=False)
    closings = RiskEvent.objects.filter(
        organisation=organisation,
        risk__confidential=False,
        status=RiskStatus.CLOSED,
        created_at__gt=start,
        created_at__lte=end,
    )
    public_measures = Measure.objects.filter(
        organisation=organisation, confidential=False, risk__confidential=False, created_at__lte=end
    )
    done_before = _measure_done_by(start)
    return {
        "risks_new": public_risks.filter(created_at__gt=start, created_at__lte=end).count(),
        "risks_closed": closings.values("risk").distinct().count(),
        "measures_completed": public_measures.filter(_measure_done_by(end)).exclude(done_before).count(),
    }


# --- Register tools: heat map and the view per supplier ------------------------------------------
def _level_case(field: str) -> Case:
    """The 1–5 level of a 0–100 ``field`` (:func:`imvo.web.register.scales.percent_to_level`) in SQL;
    0 where the field is empty."""
    whens = []
    for level in range(1, 6):
        low, high = scales.level_range(level)
        whens.append(When(**{f"{field}__gte": low, f"{field}__lte": high}, then=Value(level)))
    return Case(*whens, default=Value(0), output_field=IntegerField())


def likelihood_severity_counts(risks: QuerySet[Risk]) -> dict[tuple[int, int], int]:
    """How many of ``risks`` fall in each (likelihood level, severity level) cell, in one query; a
    risk without a likelihood or severity counts in a cell with level 0 (so the cells add up to all
    of ``risks``, and the list needs no COUNT of its own)."""
    rows = (
        risks.order_by()
        .annotate(likelihood_level=_level_case("likelihood"), severity_level=_level_case("severity"))
        .values("likelihood_level", "severity_level")
        .annotate(n=Count("id"))
    )
    return {(row["likelihood_level"], row["severity_level"]): row["n"] for row in rows}


def facets(risks: QuerySet[Risk]) -> tuple[list[str], list[str]]:
    """The countries and the goods of ``risks`` (for the filter's choices), in one query."""
    pairs = risks.order_by().values_list("country", "good").distinct()
    countries, goods = set(), set()
    for country, good in pairs:
        countries.add(country)
        goods.add(good)
    return sorted(countries - {""}), sorted(goods - {""})


def supplier_groups(risks: QuerySet[Risk]) -> QuerySet[Any]:
    """One row per supplier of ``risks``: its name, how many of them and the highest salience; most
    salient supplier first. Risks without a supplier are not in it."""
    return (
        risks.order_by()
        .filter(supplier__isnull=False)
        .values("supplier_id", "supplier__name", "supplier__country", "supplier__supplier_number")
        .annotate(risk_total=Count("id"), top_salience=Max("salience"))
        .order_by(models.F("top_salience").desc(nulls_last=True), "supplier__name", "supplier_id")
    )


def risks_of_suppliers(risks: QuerySet[Risk], supplier_ids: list[int]) -> dict[int, list[Risk]]:
    """``risks`` of the given suppliers, grouped by supplier, most salient first (one query)."""
    grouped: dict[int, list[Risk]] = {supplier_id: [] for supplier_id in supplier_ids}
    for risk in risks.filter(supplier_id__in=supplier_ids).order_by(*RISK_ORDER):
        if risk.supplier_id is not None:
            grouped[risk.supplier_id].append(risk)
    return grouped


def supplier_upload(organisation: Organisation, pk: int) -> SupplierUpload:
    return get_object_or_404(SupplierUpload, organisation=organisation, pk=pk)


#: A supplier's match status when its country or its product was not recognised.
UNMATCHED_STATUSES = (STATUS_UNMATCHED_COUNTRY, STATUS_UNMATCHED_PRODUCT)


def unmatched_suppliers(organisation: Organisation, scan: Scan) -> QuerySet[Supplier]:
    """The suppliers on the list now whose row in ``scan``'s list had a country or product the scan
    did not recognise, in the list's order."""
    return Supplier.objects.filter(
        organisation=organisation,
        scan=scan,
        removed_scan__isnull=True,
        scan_status__in=UNMATCHED_STATUSES,
    ).order_by("input_row", "id")


def country_theme_heat_map(risks: QuerySet[Risk]) -> dict[str, Any]:
    """How many of ``risks`` (found ones: with a theme) fall in each country and theme, with the
    highest salience of each cell, in one grouped query (:mod:`imvo.core.risk.coverage`)."""
    from imvo.core.risk.coverage import heat_map

    rows = (
        risks.exclude(theme="")
        .order_by()
        .values("country", "theme")
        .annotate(n=Count("id"), top=Max("salience"))
        .values_list("country", "theme", "n", "top")
    )
    return heat_map(rows).as_dict()
