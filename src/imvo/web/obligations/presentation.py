"""Turning an evaluation into what "Your obligations" shows, in the user's language.

The engine's values are language-neutral except the explanations (``en``/``nl``), rule titles, status
notes and coded reasons (``RuleOutcome.reasons_in``); this module picks the user's language, labels
facts with the profile's field names and attaches links: to the register records that meet an
obligation, to the profile field a "cannot decide" needs, and to the legal-basis page for a legal value
imvo could not confirm (users are never asked for a legal value: the installation's administrators
maintain those). Each status and each value's basis (verified, provisional, set by the administrators)
gets its own label and CSS class, so a provisional answer never looks like a verified one.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from imvo.core.obligations import RuleOutcome, Status, TriggeredObligation, ValueUsed
from imvo.core.obligations.cmr import CN_CODE_UNKNOWN
from imvo.core.obligations.engine import value_label, value_text
from imvo.core.obligations.reasons import REASON_TEMPLATES, Reason, reported_sources_in
from imvo.web.obligations import legal_queries
from imvo.web.obligations.models import ObligationProfile
from imvo.web.obligations.queries import Evaluation
from imvo.web.obligations.register_facts import EvidenceLink

STATUS_ORDER: tuple[Status, ...] = (
    "applies",
    "probably_applies",
    "not_yet_in_force",
    "probably_not_yet_in_force",
    "cannot_decide",
    "probably_does_not_apply",
    "does_not_apply",
)


def status_labels() -> dict[str, str]:
    return {
        "applies": _("Applies"),
        "not_yet_in_force": _("Not yet in force"),
        "cannot_decide": _("Cannot decide"),
        "does_not_apply": _("Does not apply"),
        "probably_applies": _("Probably applies (provisional)"),
        "probably_not_yet_in_force": _("Probably not yet in force (provisional)"),
        "probably_does_not_apply": _("Probably does not apply (provisional)"),
    }


def basis_labels() -> dict[str, str]:
    return {
        "verified": _("verified"),
        "provisional": _("provisional"),
        "operator": _("set by the administrators"),
        "unknown": _("unknown"),
    }


def unit_label(unit: str) -> str:
    """A legal value's unit in the user's language; symbols (EUR, kg, %) stay as they are."""
    labels = {"employees": _("employees"), "months": _("months"), "date": _("date"), "rule": _("rule")}
    return labels.get(unit, unit)


def provisional_note() -> str:
    return _(
        "Provisional: this answer rests on a legal value that secondary sources report and that has not "
        "yet been checked against the Official Journal. It may change once the value is verified."
    )


def register_key_labels() -> dict[str, str]:
    return {
        "oecd_endorsement": _("Explicit endorsement of the OECD Guidelines"),
        "risk_analysis_date": _("Risk analysis"),
        "measures_count": _("Measures taken"),
        "child_labour_reasonable_suspicion": _("Outcome of the child-labour investigation"),
        "child_labour_action_plan_date": _("Child-labour action plan"),
    }


def user_language() -> str:
    return "nl" if (get_language() or "en").startswith("nl") else "en"


@dataclass(frozen=True)
class MissingFact:
    label: str
    url: str
    kind: str = "fact"
    """``fact``: the organisation can fill it in; ``value``: a legal value imvo does not know."""


@dataclass(frozen=True)
class ValueView:
    """A legal value an outcome rests on, with its basis, as the page shows it."""

    label: str
    value: str
    basis: str
    basis_label: str
    sources: str
    overrides_verified: bool = False
    shipped: str = ""
    approved: str = ""


def display_value(value: Any, unit: str) -> str:
    """A legal value as the page shows it: numbers grouped in the user's language (€ 1.500.000.000)."""
    if isinstance(value, int) and not isinstance(value, bool):
        grouped = number_format(value, force_grouping=True)
        return f"€ {grouped}" if unit == "EUR" else value_text(grouped, unit)
    if isinstance(value, date) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return shown_day(value)
    return value_text(value, unit)


def value_view(value: ValueUsed, language: str) -> ValueView:
    entry = value.operator
    approved = ""
    if entry is not None:
        approved = _("entered by %(entered)s, approved by %(approved)s on %(day)s") % {
            "entered": entry.entered_by or "?",
            "approved": entry.approved_by or "?",
            "day": shown_day(entry.approved_on),
        }
    return ValueView(
        label=value_label(value.name).text(language),
        value=display_value(value.value, value.unit),
        basis=value.basis,
        basis_label=basis_labels()[value.basis],
        sources=reported_sources_in(value.sources, language)
        if value.basis == "provisional"
        else value.sources,
        overrides_verified=bool(entry and entry.overrides_verified),
        shipped=display_value(entry.replaced_value, value.unit) if entry and entry.overrides_verified else "",
        approved=approved,
    )


@dataclass(frozen=True)
class EvidenceItem:
    key: str
    label: str
    value: Any
    met: bool
    links: list[EvidenceLink]


@dataclass(frozen=True)
class ObligationView:
    id: str
    article: str
    explanation: str
    deadline: str
    deadline_note: str
    evidence: list[EvidenceItem]

    @property
    def missing_evidence(self) -> list[EvidenceItem]:
        return [item for item in self.evidence if not item.met]


@dataclass(frozen=True)
class OutcomeView:
    rule_id: str
    title: str
    instrument: str
    reference: str
    url: str
    legal_status: str
    status: str
    status_label: str
    reasons: list[str]
    facts_used: dict[str, Any]
    missing: list[MissingFact]
    obligations: list[ObligationView]
    readiness_missing: list[str] = field(default_factory=list)
    line_years: list[dict[str, Any]] = field(default_factory=list)
    provisional: bool = False
    outlook: str = ""
    outlook_sources: list[str] = field(default_factory=list)
    values: list[ValueView] = field(default_factory=list)
    """The values the verdict rests on that are not verified (provisional, or set by the administrators)."""

    @property
    def overrides(self) -> list[ValueView]:
        return [value for value in self.values if value.overrides_verified]

    @property
    def missing_facts(self) -> list[MissingFact]:
        return [item for item in self.missing if item.kind == "fact"]

    @property
    def missing_values(self) -> list[MissingFact]:
        return [item for item in self.missing if item.kind == "value"]


def fact_label(name: str) -> str:
    try:
        model_field = ObligationProfile._meta.get_field(name)
    except FieldDoesNotExist:  # a fact the profile does not hold: show the engine's name
        return name.replace("_", " ")
    return str(getattr(model_field, "verbose_name", name))


def missing_fact(name: str, org: str) -> MissingFact:
    """Where what the engine needs is: a profile field, the imports, or (for a legal value) the page
    that says which values imvo knows and why; a legal value is never asked of the organisation."""
    if name.startswith("value:"):
        value = name.removeprefix("value:")
        anchor = "annex-i" if value.startswith("annex_i.") else ""
        return MissingFact(
            value_label(value).text(user_language()),
            reverse("obligations:legal_basis", kwargs={"org": org}) + (f"#{anchor}" if anchor else ""),
            kind="value",
        )
    if name == "imports":
        return MissingFact(_("import records"), reverse("obligations:imports", kwargs={"org": org}))
    if name == "tenders":
        return MissingFact(
            _("public tenders"), reverse("obligations:profile", kwargs={"org": org}) + "#tenders"
        )
    edit = reverse("obligations:profile_edit", kwargs={"org": org})
    return MissingFact(fact_label(name), f"{edit}#id_{name}")


def _met(key: str, value: Any) -> bool:
    if key == "measures_count":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    if key == "child_labour_reasonable_suspicion":
        return value is not None  # the investigation's outcome is known either way
    return value not in (None, "", False)


_MONTHS_AFTER = re.compile(r"(\d+) months after commencement \((\d{4}-\d{2}-\d{2})\)")


def deadline_note_text(note: str) -> str:
    """The engine's deadline notes in the user's language (an unknown note is shown as it is)."""
    if note == "every year":
        return _("every year")
    if note == "depends on the commencement date, which is not known":
        return _("depends on the commencement date, which is not known")
    match = _MONTHS_AFTER.fullmatch(note)
    if match:
        return _("%(months)s months after commencement (%(date)s)") % {"months": match[1], "date": match[2]}
    return note


def _obligation_view(
    obligation: TriggeredObligation, language: str, links: dict[str, list[EvidenceLink]]
) -> ObligationView:
    labels = register_key_labels()
    evidence = [
        EvidenceItem(key, labels.get(key, key), _shown_value(value), _met(key, value), links.get(key, []))
        for key, value in obligation.evidence.items()
    ]
    return ObligationView(
        id=obligation.id,
        article=obligation.article_in(language),
        explanation=obligation.nl if language == "nl" else obligation.en,
        deadline=obligation.deadline.isoformat() if obligation.deadline else "",
        deadline_note=(
            obligation.deadline_note_in(language)
            if obligation.deadline_explanation is not None
            else deadline_note_text(obligation.deadline_note)
        ),
        evidence=evidence,
    )


def outcome_view(outcome: RuleOutcome, org: str, links: dict[str, list[EvidenceLink]]) -> OutcomeView:
    language = user_language()
    readiness = outcome.details.get("readiness") or {}
    readiness_missing = [str(item.get(language) or item.get("en")) for item in readiness.get("missing", [])]
    return OutcomeView(
        rule_id=outcome.rule_id,
        title=outcome.title_nl if language == "nl" else outcome.title_en,
        instrument=outcome.instrument_in(language),
        reference=outcome.reference_in(language),
        url=outcome.url,
        legal_status=outcome.legal_status_in(language),
        status=outcome.status,
        status_label=status_labels()[outcome.status],
        reasons=list(outcome.reasons_in(language)),
        facts_used=dict(outcome.facts_used),
        missing=[missing_fact(name, org) for name in outcome.missing],
        obligations=[_obligation_view(o, language, links) for o in outcome.obligations],
        readiness_missing=readiness_missing if outcome.status in ("applies", "probably_applies") else [],
        line_years=[line_year_row(row, language) for row in outcome.details.get("line_years") or []],
        provisional=outcome.provisional,
        values=[
            value_view(value, language)
            for value in outcome.values_used
            if value.basis in ("provisional", "operator")
        ],
    )


def line_year_row(row: dict[str, Any], language: str) -> dict[str, Any]:
    """A CMR year/line row with its verdict, item and labels in the user's language."""
    explanation = row.get("explanation") or {}
    basis = row.get("threshold_basis") or ("verified" if row.get("threshold_kg") is not None else "unknown")
    reason = explanation.get(language) or row.get("reason", "")
    return {
        **row,
        "reason": reason,
        "verdict": _without_line_prefix(reason, row),
        "item_local": (row.get("item_nl") or row["item"]) if language == "nl" else row["item"],
        "status_label": status_labels().get(str(row.get("status")), str(row.get("status"))),
        "threshold_basis": basis,
        "basis_label": basis_labels().get(basis, basis),
        "imported_display": _kg(row.get("imported_kg")),
        "possibly_display": _kg(row.get("possibly_kg")),
        "threshold_display": _kg(row.get("threshold_kg")),
        "threshold_sources": reported_sources_in(str(row.get("threshold_sources") or ""), language),
        "cn_code": _("CN code unknown") if row.get("cn_code") == CN_CODE_UNKNOWN else row.get("cn_code", ""),
    }


def _kg(value: Any) -> str:
    """A mass as the user's language writes it (4.000.000 in Dutch, 4,000,000 in English)."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return number_format(number, force_grouping=True)


def _without_line_prefix(reason: str, row: dict[str, Any]) -> str:
    """The verdict without "2025, Annex I line A1 (…): ", which the table row already shows."""
    if not reason.startswith(f"{row.get('year')}, "):
        return reason
    head, separator, rest = reason.partition("): ")
    return rest if separator and f" {row.get('line_id')} " in head + " " else reason


def obligations_overview(evaluation: Evaluation, org: str) -> list[tuple[str, str, list[OutcomeView]]]:
    """The outcomes grouped by status, applicable first: ``[(status, label, outcomes), …]``."""
    labels = status_labels()
    views = [
        _with_outlook(outcome_view(o, org, evaluation.register.links), evaluation)
        for o in evaluation.result.outcomes
    ]
    return [
        (status, labels[status], [view for view in views if view.status == status]) for status in STATUS_ORDER
    ]


def _with_outlook(view: OutcomeView, evaluation: Evaluation) -> OutcomeView:
    """What is announced about the instrument (e.g. a broader Dutch IMVO law), from the rule set."""
    if evaluation.ruleset is None:
        return view
    outlook = dict(evaluation.ruleset.rule(view.rule_id).outlook or {})
    if not outlook:
        return view
    language = user_language()
    return dataclasses.replace(
        view,
        outlook=str(outlook.get(language) or outlook.get("en") or ""),
        outlook_sources=[str(source) for source in outlook.get("sources") or []],
    )


def describe_change(change: Any, law_changes: dict[str, list[Any]] | None = None) -> str:
    """One line of the history page, in the user's language.

    ``law_changes`` maps a rule set version to the administrators' changes that produced it, so "the
    law changed" says which legal values the administrators set (e.g. an Annex I threshold).
    """
    target = change.rule_id + (f" / {change.obligation_id}" if change.obligation_id else "")
    labels = status_labels()
    if change.kind == "ruleset_version_changed":
        labels = {
            str(version): legal_queries.ruleset_label(str(version))
            for version in (change.old, change.new)
            if version
        }
    texts = {
        "ruleset_version_changed": _("The law changed (%(old)s → %(new)s)"),
        "facts_hash_changed": _("Your facts changed"),
        "status_changed": _("%(target)s: %(old)s → %(new)s"),
        "obligation_added": _("%(target)s: new obligation (%(new)s)"),
        "obligation_removed": _("%(target)s: obligation no longer applies (%(old)s)"),
        "deadline_changed": _("%(target)s: deadline %(old)s → %(new)s"),
        "rule_added": _("%(target)s: new rule (%(new)s)"),
        "rule_removed": _("%(target)s: rule removed (%(old)s)"),
    }
    template = texts.get(change.kind, "%(target)s: %(old)s → %(new)s")
    text = template % {
        "target": target,
        "old": labels.get(str(change.old), change.old if change.old is not None else "—"),
        "new": labels.get(str(change.new), change.new if change.new is not None else "—"),
    }
    if change.kind == "ruleset_version_changed" and law_changes:
        done = law_changes.get(str(change.new)) or []
        if done:
            text += " — " + _("legal values set by the administrators: %(values)s") % {
                "values": "; ".join(change_summary(item) for item in done)
            }
    return text


def change_summary(change: Any) -> str:
    """A legal value change in words: "Annex I volume threshold of line A3: 1000 kg (OJ L 360, …)"."""
    label = value_label(change.name).text(user_language())
    if change.valid_from or change.valid_until:
        label += f" ({change.valid_from or '…'} – {change.valid_until or '…'})"
    if change.kind == "revert":
        return _("%(label)s: back to the value shipped with imvo") % {"label": label}
    unit = legal_queries.unit_of(change.rule_id, change.name)
    amount = display_value(int(change.value) if change.value.isdigit() else change.value, unit)
    return f"{label}: {amount} ({change.oj_reference or change.act})"


# --- The legal basis: every value with its basis ------------------------------------------------------


def _period(valid_from: Any, valid_until: Any) -> str:
    if valid_from is None and valid_until is None:
        return ""
    return f"{shown_day(valid_from) or '…'} – {shown_day(valid_until) or '…'}"


def _shown_value(value: Any) -> Any:
    """A register fact as the page shows it: yes/no, a date in the reader's format, a grouped number."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int):
        return number_format(value, force_grouping=abs(value) >= 10_000)
    if isinstance(value, date) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return shown_day(value)
    return value


def shown_day(value: Any) -> str:
    """A date in the reader's format (1-1-2023 in Dutch); ISO text from stored results too."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        value = date.fromisoformat(value)
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value or "")


def _operator_text(entry: Any) -> str:
    if entry is None:
        return ""
    return _("entered by %(entered)s, approved by %(approved)s on %(day)s") % {
        "entered": entry.entered_by or "?",
        "approved": entry.approved_by or "?",
        "day": shown_day(entry.approved_on),
    }


def _coded_value(value: Any, language: str) -> str:
    """A legal value that is a rule rather than a number ("below_threshold_not_applicable") in words."""
    code = f"value.is.{value}"
    return Reason(code).text(language) if isinstance(value, str) and code in REASON_TEMPLATES else ""


def legal_value_row(value: Any, language: str) -> dict[str, Any]:
    """A rule value on the legal-basis page: what it is, its amount, its basis and where it comes from."""
    basis = value.basis
    amount = value.usable_value
    entry = value.operator
    return {
        "name": value.name,
        "label": value_label(value.name).text(language),
        "amount": _coded_value(amount, language)
        or (display_value(amount, value.unit) if amount is not None else ""),
        "period": _period(value.valid_from, value.valid_until),
        "basis": basis,
        "basis_label": basis_labels()[basis],
        "sources": "; ".join(value.sources),
        "reported_by": reported_sources_in(value.reported_sources, language)
        if basis == "provisional"
        else "",
        "note": value.note,
        "approved": _operator_text(entry),
        "overrides_verified": bool(entry and entry.overrides_verified),
        "shipped": display_value(entry.replaced_value, value.unit) if entry and entry.replaced_value else "",
    }


def annex_row(line: Any, language: str) -> dict[str, Any]:
    """An Annex I line on the legal-basis and conflict-minerals pages, with its threshold's basis."""
    basis = line.threshold_basis
    threshold = line.usable_threshold_kg
    entry = line.operator
    return {
        "line_id": line.line_id,
        "item": (line.item_nl or line.item) if language == "nl" else line.item,
        "cn_code": line.cn_code_display if line.cn_code else "",
        "threshold": display_value(threshold, "") if threshold is not None else "",
        "basis": basis,
        "basis_label": basis_labels()[basis],
        "source": line.source,
        "reported_by": reported_sources_in(line.reported_source, language) if basis == "provisional" else "",
        "approved": _operator_text(entry),
        "citation": entry.citation.text() if entry is not None else "",
        "overrides_verified": bool(entry and entry.overrides_verified),
        "shipped": display_value(entry.replaced_value, "kg") if entry and entry.replaced_value else "",
    }


def legal_basis_rules(ruleset: Any, language: str) -> list[dict[str, Any]]:
    rules = []
    for rule in ruleset.rules:
        outlook = dict(rule.outlook or {})
        rules.append(
            {
                "id": rule.id,
                "title": rule.title_nl if language == "nl" else rule.title_en,
                "instrument": rule.instrument_in(language),
                "reference": rule.reference_in(language),
                "url": rule.url,
                "status": rule.status,
                "status_note": rule.status_note_nl
                if language == "nl" and rule.status_note_nl
                else rule.status_note,
                "facts_needed": [fact_label(name) for name in rule.facts_needed],
                "values": [legal_value_row(value, language) for value in rule.values],
                "obligations": [
                    {"article": o.article_in(language), "text": o.nl if language == "nl" else o.en}
                    for o in rule.obligations
                ],
                "risk_categories": list(rule.risk_categories),
                "earlier_risk_categories": list(rule.earlier_risk_categories),
                "risk_categories_sources": list(rule.risk_categories_sources),
                "outlook": outlook.get(language) or outlook.get("en") or "",
                "outlook_sources": list(outlook.get("sources") or []),
            }
        )
    return rules


# --- The conflict minerals page for an importer ----------------------------------------------------------


def _sections(sections: list[dict[str, Any]], language: str) -> list[dict[str, Any]]:
    dutch = language == "nl"
    return [
        {
            "title": section.get("title_nl", section["title"]) if dutch else section["title"],
            "items": section.get("items_nl", section["items"]) if dutch else section["items"],
        }
        for section in sections
    ]


def _cmr_year(
    year: int, rows: list[dict[str, Any]], reports: dict[str, Any], language: str
) -> dict[str, Any]:
    """One calendar year: its lines, the year's verdict (the most telling line's) and its outline."""
    statuses = [row["status"] for row in rows]
    status = next(
        (s for s in YEAR_PRECEDENCE if s in statuses), statuses[0] if statuses else "does_not_apply"
    )
    return {
        "year": year,
        "rows": rows,
        "status": status,
        "status_label": status_labels().get(status, status),
        "outline": _sections(reports.get(str(year), []), language),
    }


#: The verdict a year shows: the first of these any of its lines has.
YEAR_PRECEDENCE = (
    "applies",
    "probably_applies",
    "cannot_decide",
    "not_yet_in_force",
    "probably_does_not_apply",
    "does_not_apply",
)


def cmr_page(evaluation: Evaluation, org: str) -> dict[str, Any]:
    """Per calendar year and Annex I line: the kilograms against the threshold and its basis; the
    obligations of Articles 4 to 7; the Article 7 report outline for every year in scope."""
    language = user_language()
    outcome = evaluation.result.outcome("eu-cmr")
    view = outcome_view(outcome, org, evaluation.register.links)
    rows = view.line_years
    years = sorted({row["year"] for row in rows}, reverse=True)
    rule = evaluation.ruleset.rule("eu-cmr") if evaluation.ruleset is not None else None
    reports = dict(outcome.details.get("annual_reports") or {})
    return {
        "outcome": view,
        "years": [
            _cmr_year(year, [row for row in rows if row["year"] == year], reports, language) for year in years
        ],
        "rule_obligations": [
            {"article": o.article_in(language), "text": o.nl if language == "nl" else o.en}
            for o in (rule.obligations if rule is not None else ())
        ],
        "outside_annex": list(outcome.details.get("records_outside_annex_i") or []),
        "without_origin": list(outcome.details.get("records_without_origin") or []),
        "cahra": outcome.details.get("cahra_nl" if language == "nl" else "cahra") or "",
        "annex": [annex_row(line, language) for line in evaluation.ruleset.annex]
        if evaluation.ruleset is not None
        else [],
    }
