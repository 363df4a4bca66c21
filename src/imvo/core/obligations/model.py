"""Values shared by the rules, the engine and the renderers.

Everything here is a frozen dataclass that turns into plain JSON (``to_dict``) so the CLI, the web
workspace and stored results all read the same shape; rule, obligation and requirement ids are stable
strings that a view can link to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from imvo.core.obligations.reasons import Reason

Status = Literal["applies", "does_not_apply", "not_yet_in_force", "cannot_decide"]
STATUSES: tuple[Status, ...] = ("applies", "does_not_apply", "not_yet_in_force", "cannot_decide")

JSONDict = dict[str, Any]


@dataclass(frozen=True)
class RuleValue:
    """One legal value (threshold, date, period) with the sources that confirmed it.

    ``status == "unknown"`` means no legal text confirmed the value: ``value`` is then ``None`` and the
    engine must say it cannot decide instead of using ``reported_value``, which is kept only so a
    reader knows what secondary sources claim.
    """

    name: str
    value: int | str | None
    unit: str
    valid_from: date | None
    valid_until: date | None
    status: Literal["confirmed", "unknown"]
    sources: tuple[str, ...]
    note: str = ""
    reported_value: int | str | None = None

    def valid_on(self, day: date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_until is not None and day > self.valid_until)

    @property
    def known(self) -> bool:
        return self.status == "confirmed" and self.value is not None

    def to_dict(self) -> JSONDict:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "valid_from": _iso(self.valid_from),
            "valid_until": _iso(self.valid_until),
            "status": self.status,
            "sources": list(self.sources),
            "note": self.note,
            "reported_value": self.reported_value,
        }


@dataclass(frozen=True)
class ObligationSpec:
    id: str
    article: str
    en: str
    nl: str
    deadline: Mapping[str, Any] | None = None
    register_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Requirement:
    """A condition checked against the register (government support, procurement)."""

    id: str
    register_key: str
    en: str
    nl: str


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    title_en: str
    title_nl: str
    instrument: str
    reference: str
    url: str
    status: str
    status_note: str
    in_force_from: date | None
    in_force_until: date | None
    facts_needed: tuple[str, ...]
    values: tuple[RuleValue, ...]
    obligations: tuple[ObligationSpec, ...]
    requirements: tuple[Requirement, ...] = ()
    risk_categories: tuple[str, ...] = ()
    status_note_nl: str = ""

    def to_dict(self) -> JSONDict:
        """The rule as published: instrument, status, every value with its sources, obligations."""
        return {
            "id": self.id,
            "title": {"en": self.title_en, "nl": self.title_nl},
            "instrument": self.instrument,
            "reference": self.reference,
            "url": self.url,
            "status": self.status,
            "status_note": self.status_note,
            "status_note_nl": self.status_note_nl,
            "in_force_from": _iso(self.in_force_from),
            "in_force_until": _iso(self.in_force_until),
            "facts_needed": list(self.facts_needed),
            "values": [v.to_dict() for v in self.values],
            "obligations": [
                {"id": o.id, "article": o.article, "en": o.en, "nl": o.nl} for o in self.obligations
            ],
            "requirements": [
                {"id": r.id, "register_key": r.register_key, "en": r.en, "nl": r.nl}
                for r in self.requirements
            ],
        }

    def value(self, name: str, on: date | None = None) -> RuleValue | None:
        """The value called ``name`` valid on ``on`` (undated values are valid on every day)."""
        candidates = [v for v in self.values if v.name == name]
        if on is not None:
            candidates = [v for v in candidates if v.valid_on(on)]
        return candidates[-1] if candidates else None


@dataclass(frozen=True)
class TriggeredObligation:
    id: str
    article: str
    en: str
    nl: str
    deadline: date | None = None
    deadline_note: str = ""
    evidence: Mapping[str, Any] = field(default_factory=dict)
    """Register keys that show how the obligation is met, with their current values (None: absent)."""
    deadline_explanation: Reason | None = None
    """The coded form of ``deadline_note`` (which is its English rendering)."""

    def deadline_note_in(self, language: str) -> str:
        if self.deadline_explanation is None:
            return self.deadline_note
        return self.deadline_explanation.text(language)

    def to_dict(self) -> JSONDict:
        return {
            "id": self.id,
            "article": self.article,
            "en": self.en,
            "nl": self.nl,
            "deadline": _iso(self.deadline),
            "deadline_note": self.deadline_note,
            "deadline_explanation": (
                self.deadline_explanation.to_dict() if self.deadline_explanation is not None else None
            ),
            "evidence": dict(self.evidence),
        }


@dataclass(frozen=True)
class RuleOutcome:
    """The verdict of one rule for one organisation on one day, with its reasons."""

    rule_id: str
    title_en: str
    title_nl: str
    instrument: str
    reference: str
    url: str
    legal_status: str
    status: Status
    reasons: tuple[str, ...]
    facts_used: Mapping[str, Any] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    obligations: tuple[TriggeredObligation, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)
    explanations: tuple[Reason, ...] = ()
    """The coded reasons; ``reasons`` is their English rendering (kept for JSON and CLI readers)."""
    legal_status_nl: str = ""

    def reasons_in(self, language: str) -> tuple[str, ...]:
        """The reasons in ``language`` ("nl" or "en"); English when no coded reasons are present."""
        if not self.explanations:
            return self.reasons
        return tuple(reason.text(language) for reason in self.explanations)

    def legal_status_in(self, language: str) -> str:
        return self.legal_status_nl if language == "nl" and self.legal_status_nl else self.legal_status

    def to_dict(self) -> JSONDict:
        return {
            "rule_id": self.rule_id,
            "title": {"en": self.title_en, "nl": self.title_nl},
            "instrument": self.instrument,
            "reference": self.reference,
            "url": self.url,
            "legal_status": self.legal_status,
            "legal_status_nl": self.legal_status_nl,
            "status": self.status,
            "reasons": list(self.reasons),
            "explanations": [reason.to_dict() for reason in self.explanations],
            "facts_used": dict(self.facts_used),
            "missing": list(self.missing),
            "obligations": [o.to_dict() for o in self.obligations],
            "details": dict(self.details),
        }


@dataclass(frozen=True)
class EvaluationResult:
    as_of: date
    ruleset_version: str
    facts_hash: str
    outcomes: tuple[RuleOutcome, ...]

    def outcome(self, rule_id: str) -> RuleOutcome:
        for candidate in self.outcomes:
            if candidate.rule_id == rule_id:
                return candidate
        raise KeyError(rule_id)

    def to_dict(self) -> JSONDict:
        return {
            "format": "imvo.obligations/1",
            "as_of": self.as_of.isoformat(),
            "ruleset_version": self.ruleset_version,
            "facts_hash": self.facts_hash,
            "outcomes": [o.to_dict() for o in self.outcomes],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
