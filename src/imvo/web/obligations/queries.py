"""Every read of the obligations app, scoped to one organisation, and the evaluation itself.

Reads never write: the "Your obligations" page evaluates live; only ``actions.record_snapshot`` stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from imvo.core.obligations import (
    Change,
    CompanyProfile,
    EvaluationResult,
    ImportRecord,
    RuleSet,
    diff,
    evaluate,
)
from imvo.core.obligations.facts import Tender as CoreTender
from imvo.core.register.facts import RegisterFacts as RegisterState
from imvo.web.obligations.legal_queries import effective_ruleset
from imvo.web.obligations.models import (
    ImportLine,
    ImportUpload,
    ObligationProfile,
    ObligationSnapshot,
    Tender,
)
from imvo.web.obligations.register_facts import RegisterFacts, register_facts
from imvo.web.organisations.models import Organisation


def profile_of(organisation: Organisation) -> ObligationProfile | None:
    return ObligationProfile.objects.filter(organisation=organisation).first()


def tenders(organisation: Organisation) -> QuerySet[Tender]:
    return Tender.objects.filter(organisation=organisation)


def import_uploads(organisation: Organisation) -> QuerySet[ImportUpload]:
    return ImportUpload.objects.filter(organisation=organisation).select_related("uploaded_by")


def latest_import_upload(organisation: Organisation) -> ImportUpload | None:
    return import_uploads(organisation).first()


def import_lines(upload: ImportUpload) -> QuerySet[ImportLine]:
    return ImportLine.objects.filter(organisation=upload.organisation, upload=upload)


def snapshots(organisation: Organisation) -> QuerySet[ObligationSnapshot]:
    return ObligationSnapshot.objects.filter(organisation=organisation).select_related("created_by")


def company_profile(
    organisation: Organisation, profile: ObligationProfile | None, register: RegisterFacts
) -> CompanyProfile:
    """The core's profile: every empty field stays unknown (None)."""
    tender_rows = list(tenders(organisation))
    if profile is None:
        return CompanyProfile(
            name=organisation.name,
            tenders=_core_tenders(tender_rows) if tender_rows else None,
            register=register.values,
        )
    year_end = None
    if profile.financial_year_end:
        month, day = profile.financial_year_end.split("-")
        year_end = (int(month), int(day))
    return CompanyProfile(
        name=organisation.name,
        country=profile.country or None,
        employees=profile.employees,
        employees_in_germany=profile.employees_in_germany,
        temp_workers_in_germany_over_six_months=profile.temp_workers_in_germany_over_six_months,
        has_german_branch=profile.has_german_branch,
        net_turnover_worldwide_eur=profile.net_turnover_worldwide_eur,
        net_turnover_eu_eur=profile.net_turnover_eu_eur,
        balance_sheet_total_eur=profile.balance_sheet_total_eur,
        sectors=tuple(profile.sectors) if profile.sectors is not None else None,
        sells_to_dutch_end_users=profile.sells_to_dutch_end_users,
        financial_year_end_month_day=year_end,
        applies_for_government_support=profile.applies_for_government_support,
        # No tender recorded is "unknown" unless the organisation said it takes part in none.
        tenders=_core_tenders(tender_rows) if tender_rows else None,
        register=register.values,
    )


def _core_tenders(rows: list[Tender]) -> tuple[CoreTender, ...]:
    return tuple(
        CoreTender(
            name=row.name,
            category=row.category,
            estimated_value_eur=row.estimated_value_eur,
            contracting_authority=row.contracting_authority,
            date=row.tender_date,
        )
        for row in rows
    )


def current_imports(
    organisation: Organisation, profile: ObligationProfile | None
) -> tuple[ImportRecord, ...] | None:
    """The latest upload's records; ``()`` if the organisation declared it imports none; else unknown."""
    upload = latest_import_upload(organisation)
    if upload is None:
        return () if profile is not None and profile.no_mineral_imports is True else None
    return tuple(
        ImportRecord(
            line=row.line,
            year=row.year,
            cn_code=row.cn_code,
            cn_code_as_given=row.cn_code_as_given,
            quantity_kg=_plain_decimal(row.quantity_kg),
            country_of_origin=row.country_of_origin,
            taric_subdivision=row.taric_subdivision,
            gold_concentration_percent=(
                _plain_decimal(row.gold_concentration_percent)
                if row.gold_concentration_percent is not None
                else None
            ),
        )
        for row in import_lines(upload)
    )


def _plain_decimal(value: Decimal) -> Decimal:
    """3000.000 from the database as 3000, as the file said (the facts hash and the reasons use it)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


@dataclass(frozen=True)
class OrganisationFacts:
    """Everything the engine reads about one organisation (its facts, imports and register)."""

    profile: ObligationProfile | None
    company: CompanyProfile
    imports: tuple[ImportRecord, ...] | None
    register: RegisterFacts

    def evaluate(self, as_of: date, ruleset: RuleSet) -> EvaluationResult:
        return evaluate(
            self.company, self.imports, as_of=as_of, register=self.register.values, ruleset=ruleset
        )


@dataclass(frozen=True)
class Evaluation:
    result: EvaluationResult
    profile: ObligationProfile | None
    company: CompanyProfile
    imports: tuple[ImportRecord, ...] | None
    register: RegisterFacts
    ruleset: RuleSet | None = None


def organisation_facts(
    organisation: Organisation, *, register_state: RegisterState | None = None
) -> OrganisationFacts:
    """``register_state``: the register's facts when the caller has read them already (the overview)."""
    profile = profile_of(organisation)
    register = register_facts(organisation, profile, state=register_state)
    company = company_profile(organisation, profile, register)
    return OrganisationFacts(profile, company, current_imports(organisation, profile), register)


def evaluate_organisation(
    organisation: Organisation,
    as_of: date,
    ruleset: RuleSet | None = None,
    *,
    register_state: RegisterState | None = None,
) -> Evaluation:
    """The organisation's obligations on ``as_of`` under the installation's rule set (shipped rules and
    the administrators' approved values)."""
    facts = organisation_facts(organisation, register_state=register_state)
    rules = ruleset if ruleset is not None else effective_ruleset()
    result = facts.evaluate(as_of, rules)
    return Evaluation(result, facts.profile, facts.company, facts.imports, facts.register, rules)


def organisations_with_obligations() -> QuerySet[Organisation]:
    """Organisations that gave the obligations engine anything to work with (facts, imports, tenders)."""
    with_data = (
        set(ObligationProfile.objects.values_list("organisation_id", flat=True))
        | set(ImportUpload.objects.values_list("organisation_id", flat=True))
        | set(Tender.objects.values_list("organisation_id", flat=True))
    )
    return Organisation.objects.filter(pk__in=with_data).order_by("name")


@dataclass(frozen=True)
class HistoryEntry:
    snapshot: ObligationSnapshot
    previous: ObligationSnapshot | None
    changes: list[Change]


def history(organisation: Organisation, limit: int = 50) -> list[HistoryEntry]:
    """The stored evaluations, newest first, each with what changed since the one before."""
    rows = list(snapshots(organisation)[: limit + 1])
    entries = []
    for index, snapshot in enumerate(rows[:limit]):
        previous = rows[index + 1] if index + 1 < len(rows) else None
        changes = diff(previous.result, snapshot.result) if previous is not None else []
        entries.append(HistoryEntry(snapshot, previous, changes))
    return entries


def changes_since_last_snapshot(organisation: Organisation, current: EvaluationResult) -> list[Change] | None:
    """What differs between the latest stored evaluation and ``current`` (None: nothing stored yet)."""
    latest = snapshots(organisation).first()
    if latest is None:
        return None
    before: dict[str, Any] = dict(latest.result)
    return diff(before, current)
