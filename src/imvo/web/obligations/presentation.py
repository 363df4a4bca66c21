"""Turning an evaluation into what "Your obligations" shows, in the user's language.

The engine's values are language-neutral except the explanations (``en``/``nl``), rule titles, status
notes and coded reasons (``RuleOutcome.reasons_in``); this module picks the user's language, labels
facts with the profile's field names and attaches links: to the register records that meet an
obligation, to the profile field a "cannot decide" needs, and to the legal-basis page for a legal value
imvo could not confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from imvo.core.obligations import RuleOutcome, Status, TriggeredObligation
from imvo.web.obligations.models import ObligationProfile
from imvo.web.obligations.queries import Evaluation
from imvo.web.obligations.register_facts import EvidenceLink

STATUS_ORDER: tuple[Status, ...] = ("applies", "not_yet_in_force", "cannot_decide", "does_not_apply")


def status_labels() -> dict[str, str]:
    return {
        "applies": _("Applies"),
        "not_yet_in_force": _("Not yet in force"),
        "cannot_decide": _("Cannot decide"),
        "does_not_apply": _("Does not apply"),
    }


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


def fact_label(name: str) -> str:
    try:
        model_field = ObligationProfile._meta.get_field(name)
    except FieldDoesNotExist:  # a fact the profile does not hold: show the engine's name
        return name.replace("_", " ")
    return str(getattr(model_field, "verbose_name", name))


def missing_fact(name: str, org: str) -> MissingFact:
    """Where the user supplies what the engine needs: a profile field, the imports, or the law."""
    if name.startswith("value:"):
        return MissingFact(
            _("legal value not confirmed: %(value)s") % {"value": name.removeprefix("value:")},
            reverse("obligations:legal_basis", kwargs={"org": org}),
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
        EvidenceItem(key, labels.get(key, key), value, _met(key, value), links.get(key, []))
        for key, value in obligation.evidence.items()
    ]
    return ObligationView(
        id=obligation.id,
        article=obligation.article,
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
        instrument=outcome.instrument,
        reference=outcome.reference,
        url=outcome.url,
        legal_status=outcome.legal_status_in(language),
        status=outcome.status,
        status_label=status_labels()[outcome.status],
        reasons=list(outcome.reasons_in(language)),
        facts_used=dict(outcome.facts_used),
        missing=[missing_fact(name, org) for name in outcome.missing],
        obligations=[_obligation_view(o, language, links) for o in outcome.obligations],
        readiness_missing=readiness_missing if outcome.status == "applies" else [],
        line_years=[_line_year_row(row, language) for row in outcome.details.get("line_years") or []],
    )


def _line_year_row(row: dict[str, Any], language: str) -> dict[str, Any]:
    """A CMR year/line row with its verdict in the user's language (the engine stores both)."""
    explanation = row.get("explanation") or {}
    return {**row, "reason": explanation.get(language) or row.get("reason", "")}


def obligations_overview(evaluation: Evaluation, org: str) -> list[tuple[str, str, list[OutcomeView]]]:
    """The outcomes grouped by status, applicable first: ``[(status, label, outcomes), …]``."""
    labels = status_labels()
    views = [outcome_view(o, org, evaluation.register.links) for o in evaluation.result.outcomes]
    return [
        (status, labels[status], [view for view in views if view.status == status]) for status in STATUS_ORDER
    ]


def describe_change(change: Any) -> str:
    """One line of the history page, in the user's language."""
    target = change.rule_id + (f" / {change.obligation_id}" if change.obligation_id else "")
    labels = status_labels()
    texts = {
        "ruleset_version_changed": _("The law changed (rule set %(old)s → %(new)s)"),
        "facts_hash_changed": _("Your facts changed (%(old)s → %(new)s)"),
        "status_changed": _("%(target)s: %(old)s → %(new)s"),
        "obligation_added": _("%(target)s: new obligation (%(new)s)"),
        "obligation_removed": _("%(target)s: obligation no longer applies (%(old)s)"),
        "deadline_changed": _("%(target)s: deadline %(old)s → %(new)s"),
        "rule_added": _("%(target)s: new rule (%(new)s)"),
        "rule_removed": _("%(target)s: rule removed (%(old)s)"),
    }
    template = texts.get(change.kind, "%(target)s: %(old)s → %(new)s")
    return template % {
        "target": target,
        "old": labels.get(str(change.old), change.old if change.old is not None else "—"),
        "new": labels.get(str(change.new), change.new if change.new is not None else "—"),
    }
