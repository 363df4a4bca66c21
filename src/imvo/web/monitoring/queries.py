"""Every read of the monitoring workspace, scoped to the organisation."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from imvo.core.monitoring import (
    MonitoringFigures,
    RoundRecord,
    aggregate,
    measures_reported,
)
from imvo.core.monitoring import (
    ReferencePoint as CoreReferencePoint,
)
from imvo.core.monitoring.figures import DUTCH_ENDORSEMENT_TARGET
from imvo.core.monitoring.sectors import sector_of
from imvo.web.monitoring.models import (
    CompanyAssessment,
    Disclosure,
    MonitoredCompany,
    MonitoringRound,
    ReferencePoint,
    RegisterSharingConsent,
    ReviewStatus,
)
from imvo.web.organisations.models import Organisation


def companies(organisation: Organisation) -> QuerySet[MonitoredCompany]:
    return MonitoredCompany.objects.filter(organisation=organisation)


def shares_register_with(monitor: Organisation) -> Exists:
    """The company's organisation on the platform lets ``monitor`` read its register (consent given
    and not revoked); a filter or annotation on :class:`MonitoredCompany`."""
    return Exists(
        RegisterSharingConsent.objects.filter(
            organisation_id=OuterRef("platform_organisation_id"), monitor=monitor, revoked_at__isnull=True
        )
    )


def population(organisation: Organisation) -> QuerySet[MonitoredCompany]:
    """The population with each company's platform organisation and whether it shares its register
    with ``organisation`` (``shares_register``)."""
    return (
        companies(organisation)
        .select_related("platform_organisation")
        .annotate(shares_register=shares_register_with(organisation))
    )


def sector_group(code: str) -> str:
    """The group a sector code is counted in: its SBI division (or section), else the code as given.

    "46", "46.90" and "4690" are one sector; a code the SBI does not know stays its own group.
    """
    if not code:
        return "unknown"
    sector = sector_of(code)
    return sector.code if sector is not None else code


def in_sector_group(organisation: Organisation, group: str) -> Q:
    """The companies (as a filter on :class:`MonitoredCompany`) whose code :func:`sector_group` puts in
    ``group``; decided on the population's distinct codes, so a list and its count always agree."""
    if group == "unknown":
        return Q(sector_code="")
    codes = companies(organisation).values_list("sector_code", flat=True).distinct()
    return Q(sector_code__in=[code for code in codes if code and sector_group(code) == group])


def company(organisation: Organisation, pk: int) -> MonitoredCompany:
    return get_object_or_404(MonitoredCompany, organisation=organisation, pk=pk)


def rounds(organisation: Organisation) -> QuerySet[MonitoringRound]:
    return MonitoringRound.objects.filter(organisation=organisation).annotate(
        assessed=Count("assessments", distinct=True),
        to_review=Count("assessments", filter=~Q(assessments__status=ReviewStatus.REVIEWED), distinct=True),
    )


def monitoring_round(organisation: Organisation, pk: int) -> MonitoringRound:
    return get_object_or_404(MonitoringRound, organisation=organisation, pk=pk)


def reference_points(organisation: Organisation) -> QuerySet[ReferencePoint]:
    return ReferencePoint.objects.filter(organisation=organisation)


def disclosures(organisation: Organisation, monitoring_round: MonitoringRound) -> QuerySet[Disclosure]:
    return Disclosure.objects.filter(
        organisation=organisation, monitoring_round=monitoring_round
    ).select_related("company")


def disclosure(organisation: Organisation, pk: int) -> Disclosure:
    return get_object_or_404(Disclosure, organisation=organisation, pk=pk)


def assessments(organisation: Organisation, monitoring_round: MonitoringRound) -> QuerySet[CompanyAssessment]:
    return CompanyAssessment.objects.filter(
        organisation=organisation, monitoring_round=monitoring_round
    ).select_related("company", "monitoring_round")


def assessment(organisation: Organisation, pk: int) -> CompanyAssessment:
    return get_object_or_404(
        CompanyAssessment.objects.select_related("company", "monitoring_round"),
        organisation=organisation,
        pk=pk,
    )


def consents_given(organisation: Organisation) -> QuerySet[RegisterSharingConsent]:
    return RegisterSharingConsent.objects.filter(organisation=organisation).select_related("monitor")


def consent(organisation: Organisation, pk: int) -> RegisterSharingConsent:
    return get_object_or_404(RegisterSharingConsent, organisation=organisation, pk=pk)


def monitor_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind="monitor").order_by("name")


def round_records(organisation: Organisation) -> list[RoundRecord]:
    """Every in-scope assessment of every round as aggregation input: one query of plain columns."""
    # Only companies meeting the programme's size criteria count: changing the criteria changes
    # the figures without re-assessing anyone.
    rows = CompanyAssessment.objects.filter(organisation=organisation, company__in_scope=True).values_list(
        "pk",
        "company_id",
        "monitoring_round__name",
        "company__sector_code",
        "company__employees",
        "endorses",
        "steps",
        "nap_class",
        "segment",
    )
    from imvo.core.monitoring import size_class

    return [
        RoundRecord(
            assessment_id=str(pk),
            company_key=str(company_id),
            round=round_name,
            sector_code=sector_group(sector),
            size_class=size_class(employees),
            endorses=endorses,
            steps=frozenset(step for step in range(1, 7) if steps >> (step - 1) & 1),
            nap_class=nap,
            segment=segment,
        )
        for pk, company_id, round_name, sector, employees, endorses, steps, nap, segment in rows.iterator(
            chunk_size=5000
        )
    ]


def figures(organisation: Organisation) -> MonitoringFigures:
    """All rounds' figures, with each round's population size and the reference series; each round
    only with the figures of the criteria sets it reports."""
    round_rows = list(MonitoringRound.objects.filter(organisation=organisation))
    sizes = {r.name: r.population_size for r in round_rows if r.population_size}
    target = max((r.target for r in round_rows), default=DUTCH_ENDORSEMENT_TARGET)
    reference = [CoreReferencePoint(p.round_name, p.share, p.source) for p in reference_points(organisation)]
    figures = aggregate(round_records(organisation), sizes, target=target, reference_series=reference)
    return figures.reporting({r.name: r.criteria_sets for r in round_rows})


def _size_filter(group: str) -> Q:
    from imvo.core.monitoring.population import SIZE_CLASSES, UNKNOWN_SIZE

    if group == UNKNOWN_SIZE:
        return Q(company__employees__isnull=True)
    for label, low, high in SIZE_CLASSES:
        if label == group:
            condition = Q(company__employees__gte=low)
            return condition & Q(company__employees__lte=high) if high is not None else condition
    return Q(pk__in=[])


def assessments_behind(
    organisation: Organisation, monitoring_round: MonitoringRound, measure: str, group: str
) -> QuerySet[CompanyAssessment]:
    """The assessments a dashboard figure counts (its numerator), as a filter on the database.

    Mirrors :func:`imvo.core.monitoring.aggregate`, so the list and the figure always agree.
    """
    from django.db.models import F

    if measure not in measures_reported(monitoring_round.criteria_sets):
        return CompanyAssessment.objects.none()
    rows = assessments(organisation, monitoring_round).filter(company__in_scope=True)
    if measure == "endorsement":
        return rows.filter(endorses=True)
    if measure == "endorsement_by_sector":
        in_sector = companies(organisation).filter(in_sector_group(organisation, group))
        return rows.filter(company__in=in_sector, endorses=True)
    if measure == "endorsement_by_size":
        return rows.filter(_size_filter(group), endorses=True)
    if measure == "step" and group.isdigit() and 1 <= int(group) <= 6:
        bit = 1 << (int(group) - 1)
        return rows.annotate(step_bit=F("steps").bitand(bit)).filter(endorses=True, step_bit=bit)
    if measure == "segment":
        return rows.filter(segment=group)
    if measure == "nap":
        return rows.filter(nap_class=group)
    return rows.none()
