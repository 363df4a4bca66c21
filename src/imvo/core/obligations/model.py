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

Status = Literal[
    "applies",
    "does_not_apply",
    "not_yet_in_force",
    "cannot_decide",
    "probably_applies",
    "probably_does_not_apply",
    "probably_not_yet_in_force",
]
STATUSES: tuple[Status, ...] = (
    "applies",
    "does_not_apply",
    "not_yet_in_force",
    "cannot_decide",
    "probably_applies",
    "probably_does_not_apply",
    "probably_not_yet_in_force",
)
#: A verdict resting on a value known only from secondary sources gets the "probably" status of its own:
#: never mixed with a verified answer, so a reader that counts ``applies`` never counts a guess.
PROVISIONAL_STATUS: dict[Status, Status] = {
    "applies": "probably_applies",
    "does_not_apply": "probably_does_not_apply",
    "not_yet_in_force": "probably_not_yet_in_force",
}
PROVISIONAL_STATUSES: frozenset[Status] = frozenset(PROVISIONAL_STATUS.values())

#: Where a legal value comes from. ``verified``: read in the legal text (shipped with imvo);
#: ``operator``: entered with its citation by this installation's administrators and approved by a
#: second one; ``provisional``: only reported by secondary sources (``reported_value``), so answers
#: resting on it are "probably"; ``unknown``: not even reported, so imvo cannot decide.
Basis = Literal["verified", "operator", "provisional", "unknown"]

JSONDict = dict[str, Any]


@dataclass(frozen=True)
class Citation:
    """Where an administrator read a legal value: the act, the article, the Official Journal, an address."""

    act: str
    article: str
    oj_reference: str
    url: str

    def text(self) -> str:
        return ", ".join(part for part in (self.act, self.article, self.oj_reference, self.url) if part)

    def to_dict(self) -> JSONDict:
        return {"act": self.act, "article": self.article, "oj_reference": self.oj_reference, "url": self.url}


@dataclass(frozen=True)
class OperatorEntry:
    """An installation's own value: its citation, who entered and who approved it, and what it replaced.

    ``replaced_status`` is the shipped value's status (``confirmed`` or ``unknown``), or ``None`` when
    the administrators added a period the shipped rules do not have; an override of a ``confirmed``
    value is shown as such on every result that uses it.
    """

    citation: Citation
    reference: str
    entered_by: str
    approved_by: str
    approved_on: str
    replaced_status: str | None = None
    replaced_value: int | str | None = None
    replaced_sources: tuple[str, ...] = ()

    @property
    def overrides_verified(self) -> bool:
        return self.replaced_status == "confirmed"

    def to_dict(self) -> JSONDict:
        return {
            "citation": self.citation.to_dict(),
            "reference": self.reference,
            "entered_by": self.entered_by,
            "approved_by": self.approved_by,
            "approved_on": self.approved_on,
            "replaced_status": self.replaced_status,
            "replaced_value": self.replaced_value,
            "replaced_sources": list(self.replaced_sources),
            "overrides_verified": self.overrides_verified,
        }


@dataclass(frozen=True)
class OperatorValue:
    """A legal value the installation's administrators set (two of them: one entered, one approved).

    ``name`` is a value of the rule (``employees_more_than``) or, for the Conflict Minerals Regulation,
    an Annex I threshold (``annex_i.A3``). A dated value replaces the shipped value of exactly the same
    period, or adds a period the shipped rules do not have.
    """

    rule_id: str
    name: str
    value: int | str
    valid_from: date | None
    valid_until: date | None
    entry: OperatorEntry
    note: str = ""

    @property
    def key(self) -> tuple[str, str, date | None, date | None]:
        return (self.rule_id, self.name, self.valid_from, self.valid_until)

    def fingerprint(self) -> JSONDict:
        """What makes the law as applied different: the value, its period and its citation."""
        return {
            "rule_id": self.rule_id,
            "name": self.name,
            "value": self.value,
            "valid_from": _iso(self.valid_from),
            "valid_until": _iso(self.valid_until),
            "citation": self.entry.citation.to_dict(),
        }

    def to_dict(self) -> JSONDict:
        return {**self.fingerprint(), "note": self.note, **self.entry.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OperatorValue:
        """The value :meth:`to_dict` wrote (what it replaced is worked out again when it is applied)."""
        citation = data.get("citation") or {}
        entry = OperatorEntry(
            citation=Citation(
                act=str(citation.get("act", "")),
                article=str(citation.get("article", "")),
                oj_reference=str(citation.get("oj_reference", "")),
                url=str(citation.get("url", "")),
            ),
            reference=str(data.get("reference", "")),
            entered_by=str(data.get("entered_by", "")),
            approved_by=str(data.get("approved_by", "")),
            approved_on=str(data.get("approved_on", "")),
        )
        value = data["value"]
        return cls(
            rule_id=str(data["rule_id"]),
            name=str(data["name"]),
            value=value if isinstance(value, int) else str(value),
            valid_from=_day(data.get("valid_from")),
            valid_until=_day(data.get("valid_until")),
            entry=entry,
            note=str(data.get("note") or ""),
        )


@dataclass(frozen=True)
class RuleValue:
    """One legal value (threshold, date, period) with the sources that confirmed it.

    ``status == "unknown"`` means no legal text confirmed the value: ``value`` is then ``None``. When
    secondary sources report one (``reported_value``, by ``reported_by``) the engine answers
    "probably …" on it (:attr:`basis` ``provisional``); without one it says it cannot decide.
    ``status == "operator"``: the installation's administrators set the value (``operator`` says who,
    from which citation, and what it replaced).
    """

    name: str
    value: int | str | None
    unit: str
    valid_from: date | None
    valid_until: date | None
    status: Literal["confirmed", "unknown", "operator"]
    sources: tuple[str, ...]
    note: str = ""
    reported_value: int | str | None = None
    reported_by: str = ""
    operator: OperatorEntry | None = None

    def valid_on(self, day: date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_until is not None and day > self.valid_until)

    @property
    def basis(self) -> Basis:
        if self.status == "operator" and self.value is not None:
            return "operator"
        if self.status == "confirmed" and self.value is not None:
            return "verified"
        if self.reported_value is not None:
            return "provisional"
        return "unknown"

    @property
    def known(self) -> bool:
        """Decided by a legal text: verified, or set by the installation's administrators."""
        return self.basis in ("verified", "operator")

    @property
    def usable_value(self) -> int | str | None:
        """The value the engine reasons with: the decided one, else the reported one (provisional)."""
        if self.known:
            return self.value
        return self.reported_value if self.basis == "provisional" else None

    @property
    def reported_sources(self) -> str:
        """Who reported a provisional value, short (``reported_by``), else the value's sources."""
        return self.reported_by or "; ".join(self.sources)

    def to_dict(self) -> JSONDict:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "valid_from": _iso(self.valid_from),
            "valid_until": _iso(self.valid_until),
            "status": self.status,
            "basis": self.basis,
            "sources": list(self.sources),
            "note": self.note,
            "reported_value": self.reported_value,
            "reported_by": self.reported_by,
            "operator": self.operator.to_dict() if self.operator is not None else None,
        }


@dataclass(frozen=True)
class ValueUsed:
    """A legal value an outcome rests on, with its basis: so a result says what was verified."""

    rule_id: str
    name: str
    value: int | str | None
    unit: str
    basis: Basis
    sources: str
    operator: OperatorEntry | None = None

    def to_dict(self) -> JSONDict:
        return {
            "rule_id": self.rule_id,
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "basis": self.basis,
            "sources": self.sources,
            "operator": self.operator.to_dict() if self.operator is not None else None,
            "overrides_verified": bool(self.operator and self.operator.overrides_verified),
        }


def in_language(language: str, english: str, dutch: str) -> str:
    """The Dutch text when the reader reads Dutch and the rule set has one (an official Dutch title or
    citation), otherwise the text as published."""
    return dutch if language == "nl" and dutch else english


@dataclass(frozen=True)
class ObligationSpec:
    id: str
    article: str
    en: str
    nl: str
    deadline: Mapping[str, Any] | None = None
    register_keys: tuple[str, ...] = ()
    article_nl: str = ""
    """The article as the Dutch text of the act cites it ("Art. 4 Verordening (EU) 2017/821")."""

    def article_in(self, language: str) -> str:
        return in_language(language, self.article, self.article_nl)


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
    risk_category_aliases: Mapping[str, str] = field(default_factory=dict)
    """Other names of a risk category (its parts, its earlier name), case-folded, to the category."""
    earlier_risk_categories: tuple[str, ...] = ()
    """Earlier risk categories the current list does not place: a tender in one cannot be decided."""
    risk_categories_sources: tuple[str, ...] = ()
    outlook: Mapping[str, Any] = field(default_factory=dict)
    """What is announced about the instrument (``en``, ``nl``, ``sources``): shown, never decided on."""
    instrument_nl: str = ""
    """The instrument's official Dutch title, where the act has one (EU acts, Dutch law)."""
    reference_nl: str = ""
    """The publication as the Dutch edition cites it ("PB L 130 van 19.5.2017")."""

    def instrument_in(self, language: str) -> str:
        return in_language(language, self.instrument, self.instrument_nl)

    def reference_in(self, language: str) -> str:
        return in_language(language, self.reference, self.reference_nl)

    def to_dict(self) -> JSONDict:
        """The rule as published: instrument, status, every value with its sources, obligations."""
        return {
            "id": self.id,
            "title": {"en": self.title_en, "nl": self.title_nl},
            "instrument": self.instrument,
            "instrument_nl": self.instrument_nl,
            "reference": self.reference,
            "reference_nl": self.reference_nl,
            "url": self.url,
            "status": self.status,
            "status_note": self.status_note,
            "status_note_nl": self.status_note_nl,
            "in_force_from": _iso(self.in_force_from),
            "in_force_until": _iso(self.in_force_until),
            "facts_needed": list(self.facts_needed),
            "values": [v.to_dict() for v in self.values],
            "obligations": [
                {"id": o.id, "article": o.article, "article_nl": o.article_nl, "en": o.en, "nl": o.nl}
                for o in self.obligations
            ],
            "requirements": [
                {"id": r.id, "register_key": r.register_key, "en": r.en, "nl": r.nl}
                for r in self.requirements
            ],
            "risk_categories": list(self.risk_categories),
            "outlook": dict(self.outlook),
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
    article_nl: str = ""

    def article_in(self, language: str) -> str:
        return in_language(language, self.article, self.article_nl)

    def deadline_note_in(self, language: str) -> str:
        if self.deadline_explanation is None:
            return self.deadline_note
        return self.deadline_explanation.text(language)

    def to_dict(self) -> JSONDict:
        return {
            "id": self.id,
            "article": self.article,
            "article_nl": self.article_nl,
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
    values_used: tuple[ValueUsed, ...] = ()
    """The legal values the verdict rests on, each with its basis (verified, operator, provisional)."""
    instrument_nl: str = ""
    reference_nl: str = ""

    def instrument_in(self, language: str) -> str:
        return in_language(language, self.instrument, self.instrument_nl)

    def reference_in(self, language: str) -> str:
        return in_language(language, self.reference, self.reference_nl)

    @property
    def provisional(self) -> bool:
        return self.status in PROVISIONAL_STATUSES

    @property
    def overrides(self) -> tuple[ValueUsed, ...]:
        """Values the installation's administrators set over a shipped verified value."""
        return tuple(v for v in self.values_used if v.operator is not None and v.operator.overrides_verified)

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
            "instrument_nl": self.instrument_nl,
            "reference": self.reference,
            "reference_nl": self.reference_nl,
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
            "provisional": self.provisional,
            "values_used": [v.to_dict() for v in self.values_used],
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


def _day(text: Any) -> date | None:
    return date.fromisoformat(str(text)) if text else None
