"""Evaluate every rule for one organisation on one day, and compare two results.

Each rule kind has one evaluator that reads the rule's values (never a constant in code) and the
organisation's facts. A fact that is absent, or a legal value nobody reported, makes the evaluator
answer ``cannot_decide`` and name what is missing rather than guess. A verdict that rests on a value
only secondary sources report is answered as "probably …" (``probably_applies`` and its siblings), with
the sources, never as a verified answer; a value the installation's administrators set is named, with
its citation, in every outcome that uses it.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from imvo.core.obligations.cmr import CAHRA_NOTE, CAHRA_NOTE_NL, annual_report_outline, assess_imports
from imvo.core.obligations.facts import EU_MEMBER_STATES, CompanyProfile, ImportRecord, facts_hash
from imvo.core.obligations.model import (
    PROVISIONAL_STATUS,
    EvaluationResult,
    Rule,
    RuleOutcome,
    RuleValue,
    Status,
    TriggeredObligation,
    ValueUsed,
)
from imvo.core.obligations.reasons import REASON_TEMPLATES, Reason, ReasonParam
from imvo.core.obligations.ruleset import RuleSet, load_ruleset


@dataclass(frozen=True)
class Facts:
    profile: CompanyProfile
    imports: Sequence[ImportRecord] | None
    register: Mapping[str, Any]
    as_of: date


def evaluate(
    profile: CompanyProfile,
    imports: Sequence[ImportRecord] | None = None,
    *,
    as_of: date,
    register: Mapping[str, Any] | None = None,
    ruleset: RuleSet | None = None,
) -> EvaluationResult:
    """Every rule's outcome; ``imports=None`` means the import records are unknown (not: none)."""
    rules = ruleset or load_ruleset()
    register_facts = dict(profile.register) if register is None else dict(register)
    facts = Facts(profile, imports, register_facts, as_of)
    outcomes = []
    for rule in rules.rules:
        evaluator = _EVALUATORS.get(rule.kind)
        if evaluator is None:
            raise ValueError(f"rule {rule.id}: no evaluator for kind {rule.kind!r}")
        outcomes.append(evaluator(rule, facts, rules))
    return EvaluationResult(
        as_of=as_of,
        ruleset_version=rules.version,
        facts_hash=facts_hash(profile, imports, register_facts),
        outcomes=tuple(outcomes),
    )


def _outcome(
    rule: Rule,
    status: Status,
    reasons: Sequence[Reason],
    *,
    facts_used: Mapping[str, Any] | None = None,
    missing: Sequence[str] = (),
    obligations: Sequence[TriggeredObligation] = (),
    details: Mapping[str, Any] | None = None,
    values_used: Sequence[ValueUsed] = (),
) -> RuleOutcome:
    return RuleOutcome(
        rule_id=rule.id,
        title_en=rule.title_en,
        title_nl=rule.title_nl,
        instrument=rule.instrument,
        instrument_nl=rule.instrument_nl,
        reference=rule.reference,
        reference_nl=rule.reference_nl,
        url=rule.url,
        legal_status=rule.status_note,
        status=status,
        reasons=tuple(reason.text("en") for reason in reasons),
        facts_used=dict(facts_used or {}),
        missing=tuple(missing),
        obligations=tuple(obligations),
        details=dict(details or {}),
        explanations=tuple(reasons),
        legal_status_nl=rule.status_note_nl,
        values_used=tuple(values_used),
    )


# --- Legal values and their basis ---------------------------------------------------------------------

#: The official publication a provisional value has not been checked against, by the rule's prefix.
_JOURNALS = {"eu": "journal.eu", "nl": "journal.nl", "de": "journal.de"}


def _journal(rule: Rule) -> Reason:
    return Reason(_JOURNALS.get(rule.id.split("-", 1)[0], "journal.eu"))


def value_label(name: str) -> Reason:
    """The name of a legal value in both languages (``annex_i.A3``: the threshold of Annex I line A3)."""
    if name.startswith("annex_i."):
        return Reason("value.annex_i", {"line_id": name.removeprefix("annex_i.")})
    code = f"value.{name}"
    return Reason(code) if code in REASON_TEMPLATES else Reason("value.generic", {"name": name})


def value_text(value: object, unit: str) -> str:
    if unit == "EUR":
        return f"EUR {value}"
    if unit == "kg":
        return f"{value} kg"
    return str(value)


def _unknown_value_reason(rule: Rule, name: str) -> Reason:
    return Reason("value_unknown", {"label": value_label(name), "rule_id": rule.id, "name": name})


def _undecidable(value: RuleValue | None) -> bool:
    """No value at all: neither read in a legal text, nor set by the administrators, nor reported."""
    return value is None or value.basis == "unknown"


def _used(rule: Rule, value: RuleValue) -> ValueUsed:
    if value.operator is not None:
        sources = value.operator.citation.text()
    elif value.basis == "provisional":
        sources = value.reported_sources
    else:
        sources = "; ".join(value.sources)
    return ValueUsed(
        rule.id, value.name, value.usable_value, value.unit, value.basis, sources, value.operator
    )


def _operator_note(value: RuleValue) -> Reason | None:
    """Every outcome that uses an administrators' value says so, and louder when it overrides."""
    entry = value.operator
    if entry is None:
        return None
    params: dict[str, ReasonParam] = {
        "label": value_label(value.name),
        "value": value_text(value.value, value.unit),
        "citation": entry.citation.text(),
        "entered_by": entry.entered_by,
        "approved_by": entry.approved_by,
        "approved_on": entry.approved_on,
    }
    if entry.overrides_verified:
        return Reason(
            "operator_value_override",
            {
                **params,
                "shipped": value_text(entry.replaced_value, value.unit),
                "shipped_sources": "; ".join(entry.replaced_sources),
            },
        )
    return Reason("operator_value", params)


def _provisional_reason(rule: Rule, verdict: Sequence[Reason], values: Sequence[RuleValue]) -> Reason:
    reported = tuple(
        Reason(
            "provisional.value",
            {
                "label": value_label(v.name),
                "value": value_text(v.reported_value, v.unit),
                "sources": v.reported_sources,
            },
        )
        for v in values
    )
    return Reason("provisional", {"verdict": tuple(verdict), "values": reported, "journal": _journal(rule)})


def _settle(
    rule: Rule,
    status: Status,
    reasons: Sequence[Reason],
    values: Sequence[RuleValue | None],
    **outcome: Any,
) -> RuleOutcome:
    """The outcome of a verdict reached with ``values``: "probably …" when one of them is only reported
    by secondary sources, and every value the administrators set named with its citation."""
    present = [value for value in values if value is not None]
    provisional = [value for value in present if value.basis == "provisional"]
    final_reasons = list(reasons)
    if provisional and status in PROVISIONAL_STATUS:
        status = PROVISIONAL_STATUS[status]
        final_reasons = [_provisional_reason(rule, reasons, provisional)]
    final_reasons += [note for note in (_operator_note(value) for value in present) if note is not None]
    used = [_used(rule, value) for value in present if value.basis != "unknown"]
    return _outcome(rule, status, final_reasons, values_used=used, **outcome)


def _obligations(
    rule: Rule, facts: Facts, commencement: date | None = None
) -> tuple[TriggeredObligation, ...]:
    triggered = []
    for spec in rule.obligations:
        deadline: date | None = None
        note: Reason | None = None
        kind = (spec.deadline or {}).get("kind")
        if kind == "annual":
            note = Reason("deadline.annual")
        elif kind == "months_after_commencement":
            period = rule.value(str((spec.deadline or {})["value_name"]))
            if commencement is not None and period is not None and period.known:
                deadline = _add_months(commencement, int(str(period.value)))
                note = Reason(
                    "deadline.months_after_commencement",
                    {"months": str(period.value), "date": commencement.isoformat()},
                )
            else:
                note = Reason("deadline.commencement_unknown")
        evidence = {key: _json_value(facts.register.get(key)) for key in spec.register_keys}
        triggered.append(
            TriggeredObligation(
                spec.id,
                spec.article,
                spec.en,
                spec.nl,
                deadline=deadline,
                deadline_note=note.text("en") if note is not None else "",
                deadline_explanation=note,
                evidence=evidence,
                article_nl=spec.article_nl,
            )
        )
    return tuple(triggered)


def _json_value(value: object) -> object:
    return value if value is None or isinstance(value, bool | int | float | str) else str(value)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- German LkSG -------------------------------------------------------------------------------------


def _lksg_link(profile: CompanyProfile) -> Reason | tuple[Status, Reason, list[str]]:
    """The company's link to Germany (seat or branch), or the outcome when it has none or it is unknown."""
    if profile.country == "DE":
        return Reason("lksg.link_seat")
    if profile.has_german_branch:
        return Reason("lksg.link_branch")
    if profile.country is None:
        return "cannot_decide", Reason("country_unknown"), ["country"]
    if profile.has_german_branch is None:
        return (
            "cannot_decide",
            Reason("lksg.branch_unknown", {"country": profile.country}),
            ["has_german_branch"],
        )
    return "does_not_apply", Reason("lksg.no_german_link", {"country": profile.country}), []


def _evaluate_lksg(rule: Rule, facts: Facts, _: RuleSet) -> RuleOutcome:
    profile = facts.profile
    commencement = rule.value("commencement")
    if commencement is None or _undecidable(commencement):
        return _outcome(
            rule,
            "cannot_decide",
            [_unknown_value_reason(rule, "commencement")],
            missing=["value:commencement"],
        )
    starts = date.fromisoformat(str(commencement.usable_value))
    if facts.as_of < starts:
        return _settle(
            rule, "not_yet_in_force", [Reason("lksg.not_yet", {"date": starts.isoformat()})], [commencement]
        )
    used: dict[str, Any] = {"country": profile.country, "has_german_branch": profile.has_german_branch}
    link = _lksg_link(profile)
    if not isinstance(link, Reason):
        status, reason, missing = link
        return _settle(rule, status, [reason], [commencement], facts_used=used, missing=missing)
    threshold = rule.value("employees_in_germany_minimum", facts.as_of)
    if threshold is None or _undecidable(threshold):
        return _outcome(
            rule,
            "cannot_decide",
            [_unknown_value_reason(rule, "employees_in_germany_minimum")],
            facts_used=used,
            missing=["value:employees_in_germany_minimum"],
        )
    values = [commencement, threshold]
    minimum = int(str(threshold.usable_value))
    used["employee_threshold"] = minimum
    if profile.employees_in_germany is None:
        return _settle(
            rule,
            "cannot_decide",
            [Reason("lksg.employees_unknown", {"link": link, "minimum": minimum})],
            values,
            facts_used=used,
            missing=["employees_in_germany"],
        )
    temps = profile.temp_workers_in_germany_over_six_months
    counted = profile.employees_in_germany + (temps or 0)
    used.update(employees_in_germany=profile.employees_in_germany, temp_workers_over_six_months=temps)
    how = (
        Reason(
            "lksg.count_with_agency_workers",
            {"employees": profile.employees_in_germany, "agency_workers": temps, "counted": counted},
        )
        if temps
        else Reason("lksg.count", {"employees": profile.employees_in_germany})
    )
    found: dict[str, ReasonParam] = {"link": link, "count": how, "minimum": minimum}
    if counted >= minimum:
        return _settle(
            rule,
            "applies",
            [Reason("lksg.applies", {**found, "date": facts.as_of.isoformat()})],
            values,
            facts_used=used,
            obligations=_obligations(rule, facts),
        )
    if temps is None:
        return _settle(
            rule,
            "cannot_decide",
            [Reason("lksg.agency_workers_unknown", found)],
            values,
            facts_used=used,
            missing=["temp_workers_in_germany_over_six_months"],
        )
    return _settle(rule, "does_not_apply", [Reason("lksg.below", found)], values, facts_used=used)


# --- EU CSDDD ----------------------------------------------------------------------------------------


def _csddd_needs(profile: Any, used: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """The thresholds the CSDDD test needs for this company (EU or non-EU), and the facts missing."""
    if profile.country is None:
        names = [
            "employees_more_than",
            "net_turnover_worldwide_more_than_eur",
            "net_turnover_eu_more_than_eur",
        ]
        return [*names, "application_date"], ["country"]
    if profile.country in EU_MEMBER_STATES:
        missing = [f for f in ("employees", "net_turnover_worldwide_eur") if used[f] is None]
        return ["employees_more_than", "net_turnover_worldwide_more_than_eur", "application_date"], missing
    missing = [f for f in ("net_turnover_eu_eur",) if used[f] is None]
    return ["net_turnover_eu_more_than_eur", "application_date"], missing


def _csddd_test(profile: Any, number: Callable[[str], int]) -> tuple[bool, Reason]:
    """Whether the company meets the size test, and the reason that shows the comparison."""
    if profile.country in EU_MEMBER_STATES:
        assert profile.employees is not None  # missing facts returned cannot_decide before
        assert profile.net_turnover_worldwide_eur is not None
        in_scope = profile.employees > number("employees_more_than") and (
            profile.net_turnover_worldwide_eur > number("net_turnover_worldwide_more_than_eur")
        )
        return in_scope, Reason(
            "csddd.test_eu",
            {
                "employees": profile.employees,
                "employees_minimum": number("employees_more_than"),
                "turnover": str(profile.net_turnover_worldwide_eur),
                "turnover_minimum": number("net_turnover_worldwide_more_than_eur"),
            },
        )
    assert profile.net_turnover_eu_eur is not None
    return profile.net_turnover_eu_eur > number("net_turnover_eu_more_than_eur"), Reason(
        "csddd.test_non_eu",
        {
            "turnover": str(profile.net_turnover_eu_eur),
            "turnover_minimum": number("net_turnover_eu_more_than_eur"),
        },
    )


def _evaluate_csddd(rule: Rule, facts: Facts, _: RuleSet) -> RuleOutcome:
    profile = facts.profile
    used: dict[str, Any] = {
        "country": profile.country,
        "employees": profile.employees,
        "net_turnover_worldwide_eur": profile.net_turnover_worldwide_eur,
        "net_turnover_eu_eur": profile.net_turnover_eu_eur,
    }
    names, missing_facts = _csddd_needs(profile, used)
    values = {name: rule.value(name, facts.as_of) for name in names}
    unknown = [name for name, value in values.items() if _undecidable(value)]
    if unknown or missing_facts:
        reasons = [_unknown_value_reason(rule, n) for n in unknown]
        reasons += [Reason("fact_unknown", {"fact": f}) for f in missing_facts]
        reasons.append(Reason("csddd.groups_not_assessed"))
        return _settle(
            rule,
            "cannot_decide",
            reasons,
            list(values.values()),
            facts_used=used,
            missing=[*(f"value:{n}" for n in unknown), *missing_facts],
        )

    usable = {name: str(value.usable_value) for name, value in values.items() if value is not None}

    def number(name: str) -> int:
        return int(usable[name])

    in_scope, test = _csddd_test(profile, number)
    if not in_scope:
        return _settle(
            rule,
            "does_not_apply",
            [Reason("csddd.not_met", {"test": test})],
            list(values.values()),
            facts_used=used,
        )
    applies_from = date.fromisoformat(usable["application_date"])
    if facts.as_of < applies_from:
        return _settle(
            rule,
            "not_yet_in_force",
            [Reason("csddd.met_not_yet", {"test": test, "date": applies_from.isoformat()})],
            list(values.values()),
            facts_used=used,
            obligations=_obligations(rule, facts),
        )
    return _settle(
        rule,
        "applies",
        [Reason("csddd.met", {"test": test})],
        list(values.values()),
        facts_used=used,
        obligations=_obligations(rule, facts),
    )


# --- Dutch Wet zorgplicht kinderarbeid ---------------------------------------------------------------


def _evaluate_wzk(rule: Rule, facts: Facts, _: RuleSet) -> RuleOutcome:
    sells = facts.profile.sells_to_dutch_end_users
    used = {"sells_to_dutch_end_users": sells}
    if sells is False:
        return _outcome(
            rule,
            "does_not_apply",
            [Reason("wzk.no_dutch_end_users")],
            facts_used=used,
        )
    commencement_value = rule.value("commencement")
    # No decree and no reported date: the Act is verifiably not in force (it commences by decree only).
    commencement = (
        date.fromisoformat(str(commencement_value.usable_value))
        if commencement_value is not None and not _undecidable(commencement_value)
        else None
    )
    scope = Reason("wzk.scope_sells") if sells else Reason("wzk.scope_unknown")
    missing = [] if sells else ["sells_to_dutch_end_users"]
    if commencement is None:
        return _outcome(
            rule,
            "not_yet_in_force",
            [Reason("wzk.no_decree", {"scope": scope})],
            facts_used=used,
            missing=missing,
            obligations=_obligations(rule, facts) if sells else (),
        )
    values = [commencement_value]
    if facts.as_of < commencement:
        return _settle(
            rule,
            "not_yet_in_force",
            [Reason("wzk.commences_on", {"scope": scope, "date": commencement.isoformat()})],
            values,
            facts_used=used,
            missing=missing,
            obligations=_obligations(rule, facts, commencement) if sells else (),
        )
    if sells is None:
        return _settle(
            rule,
            "cannot_decide",
            [Reason("fact_unknown", {"fact": "sells_to_dutch_end_users"})],
            values,
            facts_used=used,
            missing=missing,
        )
    return _settle(
        rule,
        "applies",
        [Reason("wzk.in_force", {"scope": scope, "date": commencement.isoformat()})],
        values,
        facts_used=used,
        obligations=_obligations(rule, facts, commencement),
    )


# --- EU Conflict Minerals Regulation ------------------------------------------------------------------


def _combined_status(statuses: set[Status]) -> Status:
    """A rule's status from its parts (years and Annex I lines, or tenders): a verified "applies" first,
    then a provisional one, then "cannot decide"; "does not apply" only when no part applies."""
    first: tuple[Status, ...] = ("applies", "probably_applies", "cannot_decide")
    for status in first:
        if status in statuses:
            return status
    if statuses and statuses <= {"not_yet_in_force"}:
        return "not_yet_in_force"
    if "probably_does_not_apply" in statuses:
        return "probably_does_not_apply"
    return "does_not_apply"


def _cmr_values_used(line_years: Sequence[Any]) -> list[ValueUsed]:
    """The Annex I thresholds the verdicts used, once per line, each with its basis."""
    seen: dict[str, ValueUsed] = {}
    for ly in line_years:
        if ly.threshold_kg is None or ly.line_id in seen:
            continue
        seen[ly.line_id] = ValueUsed(
            "eu-cmr",
            f"annex_i.{ly.line_id}",
            ly.threshold_kg,
            "kg",
            ly.threshold_basis,
            ly.threshold_sources,
            ly.operator,
        )
    return list(seen.values())


def _evaluate_cmr(rule: Rule, facts: Facts, rules: RuleSet) -> RuleOutcome:
    if facts.imports is None:
        return _outcome(
            rule,
            "cannot_decide",
            [Reason("cmr.imports_unknown")],
            missing=["imports"],
        )
    assessment = assess_imports(facts.imports, rules.annex, facts.as_of)
    status = _combined_status({ly.status for ly in assessment.line_years})
    applying_years = sorted(
        {ly.year for ly in assessment.line_years if ly.status in ("applies", "probably_applies")}
    )
    reasons = [ly.explanation for ly in assessment.line_years]
    if not assessment.line_years:
        reasons.append(Reason("cmr.no_annex_imports"))
    missing = sorted(
        {
            f"value:annex_i.{ly.line_id}"
            for ly in assessment.line_years
            if ly.status == "cannot_decide" and ly.threshold_kg is None
        }
    )
    details: dict[str, Any] = {
        "line_years": [ly.to_dict() for ly in assessment.line_years],
        "records_outside_annex_i": list(assessment.outside_annex),
        "records_without_origin": list(assessment.unknown_origin_records),
        "cahra": CAHRA_NOTE,
        "cahra_nl": CAHRA_NOTE_NL,
        "annual_reports": {
            str(year): annual_report_outline(facts.profile.name, year, assessment.line_years)
            for year in applying_years
        },
    }
    return _outcome(
        rule,
        status,
        reasons,
        facts_used={"import_records": len(facts.imports)},
        missing=missing,
        obligations=_obligations(rule, facts) if status in ("applies", "probably_applies") else (),
        details=details,
        values_used=_cmr_values_used(assessment.line_years),
    )


# --- Government support (RVO IMVO check) and procurement (ISV) --------------------------------------


def _requirement_met(register_key: str, value: object) -> bool:
    """Endorsement must be an explicit ``true``; measures a positive count; anything else present."""
    if register_key == "oecd_endorsement":
        return value is True
    if register_key == "measures_count":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    return value not in (None, "", False)


def _readiness(rule: Rule, register: Mapping[str, Any]) -> dict[str, Any]:
    met: list[dict[str, Any]] = []
    missing: list[dict[str, Any]] = []
    for requirement in rule.requirements:
        value = register.get(requirement.register_key)
        entry = {
            "id": requirement.id,
            "register_key": requirement.register_key,
            "en": requirement.en,
            "nl": requirement.nl,
            "value": _json_value(value),
        }
        (met if _requirement_met(requirement.register_key, value) else missing).append(entry)
    return {"ready": not missing, "met": met, "missing": missing}


def _evaluate_government_support(rule: Rule, facts: Facts, _: RuleSet) -> RuleOutcome:
    applies_for = facts.profile.applies_for_government_support
    used = {"applies_for_government_support": applies_for}
    readiness = _readiness(rule, facts.register)
    if applies_for is False:
        return _outcome(
            rule,
            "does_not_apply",
            [Reason("support.not_applying")],
            facts_used=used,
            details={"readiness": readiness},
        )
    if applies_for is None:
        return _outcome(
            rule,
            "cannot_decide",
            [Reason("fact_unknown", {"fact": "applies_for_government_support"})],
            facts_used=used,
            missing=["applies_for_government_support"],
            details={"readiness": readiness},
        )
    reasons = [Reason("support.applies"), *_register_missing(readiness)]
    return _outcome(
        rule,
        "applies",
        reasons,
        facts_used=used,
        obligations=_obligations(rule, facts),
        details={"readiness": readiness},
    )


def _register_missing(readiness: Mapping[str, Any]) -> list[Reason]:
    return [
        Reason("register_missing", {"requirement_en": str(m["en"]), "requirement_nl": str(m["nl"])})
        for m in readiness["missing"]
    ]


def _isv_category(rule: Rule, given: str) -> tuple[str | None, ReasonParam]:
    """The current risk category a tender's category names (itself, a part of it or its earlier name)."""
    name = rule.risk_category_aliases.get(given.casefold())
    if name is None:
        return None, given
    if name.casefold() == given.casefold():
        return name, name
    return name, Reason("isv.category_alias", {"name": name, "given": given})


def _isv_against_threshold(
    rule: Rule, tender: Any, entry: dict[str, Any], category: ReasonParam, day: date
) -> tuple[Reason, RuleValue | None]:
    """A tender in a risk category against the EU threshold of its date (sets ``entry["status"]``)."""
    threshold = rule.value("central_government_supplies_services_threshold_eur", day)
    if threshold is None or _undecidable(threshold):
        entry["status"] = "cannot_decide"
        return Reason("isv.tender.threshold_unknown", {"date": day.isoformat()}), None
    amount = threshold.usable_value
    entry["threshold_eur"] = amount
    entry["threshold_basis"] = threshold.basis
    sources = _used(rule, threshold).sources
    amounts: dict[str, ReasonParam] = {
        "category": category,
        "value": str(tender.estimated_value_eur),
        "threshold": str(amount),
    }
    if tender.estimated_value_eur >= int(str(amount)):
        entry["status"] = "applies"
        verdict = Reason("isv.tender.at_or_above_threshold", {**amounts, "sources": sources})
    else:
        entry["status"] = "does_not_apply"
        verdict = Reason("isv.tender.below_threshold", amounts)
    if threshold.basis == "provisional":
        entry["status"] = PROVISIONAL_STATUS[entry["status"]]
        verdict = _provisional_reason(rule, [verdict], [threshold])
    return verdict, threshold


def _earlier_category(rule: Rule, given: str) -> bool:
    return given.casefold() in {category.casefold() for category in rule.earlier_risk_categories}


def _isv_tender(rule: Rule, tender: Any, as_of: date) -> tuple[dict[str, Any], Reason, RuleValue | None]:
    """One tender's verdict: does the international social conditions' duty apply to it, and why."""
    day = tender.date or as_of
    entry: dict[str, Any] = {
        "name": tender.name,
        "category": tender.category,
        "date": day.isoformat(),
        "estimated_value_eur": tender.estimated_value_eur,
    }
    category, category_text = _isv_category(rule, tender.category or "")
    verdict: Reason
    threshold: RuleValue | None = None
    if tender.contracting_authority not in (None, "central_government"):
        entry["status"], verdict = "does_not_apply", Reason("isv.tender.not_central_government")
    elif tender.category is None or tender.estimated_value_eur is None:
        entry["status"], verdict = "cannot_decide", Reason("isv.tender.facts_unknown")
    elif category is None and tender.category.casefold() in {
        c.casefold() for c in rule.earlier_risk_categories
    }:
        entry["status"] = "cannot_decide"
        verdict = Reason("isv.tender.earlier_category", {"category": tender.category})
    elif category is None:
        entry["status"] = "does_not_apply"
        verdict = Reason("isv.tender.not_risk_category", {"category": tender.category})
    else:
        entry["risk_category"] = category
        verdict, threshold = _isv_against_threshold(rule, tender, entry, category_text, day)
    if tender.contracting_authority is None and entry["status"] in ("applies", "probably_applies"):
        entry["status"] = "cannot_decide"
        verdict = Reason("isv.tender.authority_unknown", {"verdict": verdict})
    entry["reason"] = verdict.text("en")
    entry["explanation"] = verdict.to_dict()
    return entry, verdict, threshold


def _evaluate_isv(rule: Rule, facts: Facts, _: RuleSet) -> RuleOutcome:
    tenders = facts.profile.tenders
    readiness = _readiness(rule, facts.register)
    if tenders is None:
        return _outcome(
            rule,
            "cannot_decide",
            [Reason("isv.tenders_unknown")],
            missing=["tenders"],
            details={"readiness": readiness},
        )
    verdicts: list[dict[str, Any]] = []
    reasons: list[Reason] = []
    thresholds: dict[tuple[date | None, date | None], RuleValue] = {}
    for tender in tenders:
        entry, verdict, threshold = _isv_tender(rule, tender, facts.as_of)
        verdicts.append(entry)
        reasons.append(Reason("isv.tender", {"tender": tender.name, "verdict": verdict}))
        if threshold is not None:
            thresholds[(threshold.valid_from, threshold.valid_until)] = threshold
    status = _combined_status({v["status"] for v in verdicts})
    if not reasons:
        reasons.append(Reason("isv.no_tenders"))
    if status in ("applies", "probably_applies"):
        reasons += _register_missing(readiness)
    reasons += [note for note in (_operator_note(v) for v in thresholds.values()) if note is not None]
    return _outcome(
        rule,
        status,
        reasons,
        facts_used={"tenders": len(tenders)},
        obligations=_obligations(rule, facts) if status in ("applies", "probably_applies") else (),
        details={"tenders": verdicts, "readiness": readiness},
        values_used=[_used(rule, value) for value in thresholds.values()],
    )


_EVALUATORS: dict[str, Callable[[Rule, Facts, RuleSet], RuleOutcome]] = {
    "lksg": _evaluate_lksg,
    "csddd": _evaluate_csddd,
    "wzk": _evaluate_wzk,
    "cmr": _evaluate_cmr,
    "government_support": _evaluate_government_support,
    "isv": _evaluate_isv,
}


# --- Versioning --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    kind: str
    rule_id: str
    obligation_id: str | None
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rule_id": self.rule_id,
            "obligation_id": self.obligation_id,
            "old": self.old,
            "new": self.new,
        }

    def describe(self) -> str:
        target = self.rule_id + (f" / {self.obligation_id}" if self.obligation_id else "")
        return f"{self.kind}: {target}: {self.old!r} → {self.new!r}"


def _obligation_changes(rule_id: str, was: Mapping[str, Any], now: Mapping[str, Any]) -> list[Change]:
    old_obligations = {o["id"]: o for o in was.get("obligations", [])}
    new_obligations = {o["id"]: o for o in now.get("obligations", [])}
    changes = [
        Change("obligation_added", rule_id, oid, None, new_obligations[oid]["article"])
        for oid in sorted(new_obligations.keys() - old_obligations.keys())
    ]
    changes += [
        Change("obligation_removed", rule_id, oid, old_obligations[oid]["article"], None)
        for oid in sorted(old_obligations.keys() - new_obligations.keys())
    ]
    changes += [
        Change(
            "deadline_changed",
            rule_id,
            oid,
            old_obligations[oid].get("deadline"),
            new_obligations[oid].get("deadline"),
        )
        for oid in sorted(old_obligations.keys() & new_obligations.keys())
        if old_obligations[oid].get("deadline") != new_obligations[oid].get("deadline")
    ]
    return changes


def diff(
    old: EvaluationResult | Mapping[str, Any], new: EvaluationResult | Mapping[str, Any]
) -> list[Change]:
    """What changed between two results: outcomes, obligations, deadlines, rule set and facts."""
    before = old.to_dict() if isinstance(old, EvaluationResult) else dict(old)
    after = new.to_dict() if isinstance(new, EvaluationResult) else dict(new)
    changes: list[Change] = []
    for key in ("ruleset_version", "facts_hash"):
        if before.get(key) != after.get(key):
            changes.append(Change(f"{key}_changed", "*", None, before.get(key), after.get(key)))
    old_rules = {o["rule_id"]: o for o in before.get("outcomes", [])}
    new_rules = {o["rule_id"]: o for o in after.get("outcomes", [])}
    for rule_id in sorted(old_rules.keys() - new_rules.keys()):
        changes.append(Change("rule_removed", rule_id, None, old_rules[rule_id]["status"], None))
    for rule_id in sorted(new_rules.keys() - old_rules.keys()):
        changes.append(Change("rule_added", rule_id, None, None, new_rules[rule_id]["status"]))
    for rule_id in sorted(old_rules.keys() & new_rules.keys()):
        was, now = old_rules[rule_id], new_rules[rule_id]
        if was["status"] != now["status"]:
            changes.append(Change("status_changed", rule_id, None, was["status"], now["status"]))
        changes += _obligation_changes(rule_id, was, now)
    return changes
