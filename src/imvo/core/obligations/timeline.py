"""The dates that concern one organisation, and a one-line summary per law, read from a result.

Nothing here decides anything the engine did not: every date is a legal value of the rule set (with
its basis, so a provisional date stays marked as such), an obligation's deadline the engine computed,
the first import year in which the Conflict Minerals Regulation applied, or a tender's date. A rule
that does not apply to the organisation contributes no event; one the engine cannot decide does, so
the organisation sees what would follow if it applies.

Events are structured (a kind and parameters), not sentences: the page words them per language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from imvo.core.obligations.model import Basis, EvaluationResult, Rule, RuleOutcome, Status
from imvo.core.obligations.ruleset import RuleSet

EventKind = Literal["in_force", "applies_from", "first_year_in_scope", "deadline", "tender"]

#: Outcomes that keep a law off the organisation's timeline.
NOT_CONCERNED: frozenset[Status] = frozenset({"does_not_apply", "probably_does_not_apply"})
APPLYING: frozenset[Status] = frozenset({"applies", "probably_applies"})

#: Date values of a rule that say from when its obligations bind, most specific first.
APPLICATION_VALUES = ("application_date", "application_of_importer_obligations", "commencement")


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event: ``kind`` and ``rule_id`` say what it is; ``subject`` names the obligation,
    the tender or the value it comes from; ``basis`` is that of the legal value the date rests on."""

    day: date
    rule_id: str
    kind: EventKind
    subject: str = ""
    basis: Basis = "verified"
    rule_status: Status = "applies"

    @property
    def provisional(self) -> bool:
        return self.basis == "provisional"

    def is_past(self, today: date) -> bool:
        return self.day < today


@dataclass(frozen=True)
class RuleSummary:
    """A law in one row: does it apply, from when, and what is missing to decide or to be sure.

    ``missing_facts`` are the organisation's facts (profile fields, ``imports``, ``tenders``);
    ``missing_values`` legal values nobody reported; ``unverified_values`` the values only secondary
    sources report that the verdict rests on. ``from_day`` is None when no date is known.
    """

    rule_id: str
    status: Status
    from_day: date | None
    from_basis: Basis
    missing_facts: tuple[str, ...]
    missing_values: tuple[str, ...]
    unverified_values: tuple[str, ...]


def _application_value(rule: Rule) -> tuple[date, Basis, str] | None:
    """From when the rule's obligations bind, by its first known date value (with the value's basis)."""
    for name in APPLICATION_VALUES:
        value = rule.value(name)
        if value is None or value.usable_value is None:
            continue
        return date.fromisoformat(str(value.usable_value)), value.basis, name
    return None


def _first_cmr_year(outcome: RuleOutcome) -> tuple[date, Basis] | None:
    years = [
        (int(row["year"]), row.get("status"))
        for row in outcome.details.get("line_years") or []
        if row.get("status") in APPLYING
    ]
    if not years:
        return None
    first = min(year for year, _status in years)
    provisional = all(status == "probably_applies" for year, status in years if year == first)
    return date(first, 1, 1), "provisional" if provisional else "verified"


def _tender_events(outcome: RuleOutcome) -> list[TimelineEvent]:
    events = []
    for tender in outcome.details.get("tenders") or []:
        if tender.get("status") in APPLYING and tender.get("date"):
            basis: Basis = "provisional" if tender["status"] == "probably_applies" else "verified"
            events.append(
                TimelineEvent(
                    date.fromisoformat(str(tender["date"])),
                    outcome.rule_id,
                    "tender",
                    str(tender.get("name") or ""),
                    basis,
                    outcome.status,
                )
            )
    return events


def _rule_events(rule: Rule, outcome: RuleOutcome) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    applies = _application_value(rule)
    if applies is not None:
        day, basis, name = applies
        kind: EventKind = "in_force" if name == "commencement" else "applies_from"
        events.append(TimelineEvent(day, rule.id, kind, name, basis, outcome.status))
    if rule.in_force_from is not None and (applies is None or applies[0] != rule.in_force_from):
        events.append(TimelineEvent(rule.in_force_from, rule.id, "in_force", "", "verified", outcome.status))
    first_year = _first_cmr_year(outcome)
    if first_year is not None:
        events.append(
            TimelineEvent(first_year[0], rule.id, "first_year_in_scope", "", first_year[1], outcome.status)
        )
    basis_of_deadlines: Basis = "provisional" if outcome.provisional else "verified"
    events += [
        TimelineEvent(o.deadline, rule.id, "deadline", o.id, basis_of_deadlines, outcome.status)
        for o in outcome.obligations
        if o.deadline is not None
    ]
    return events + _tender_events(outcome)


def timeline(result: EvaluationResult, ruleset: RuleSet) -> tuple[TimelineEvent, ...]:
    """Every dated event of the laws that concern (or may concern) the organisation, in date order."""
    events: list[TimelineEvent] = []
    for outcome in result.outcomes:
        if outcome.status in NOT_CONCERNED:
            continue
        events += _rule_events(ruleset.rule(outcome.rule_id), outcome)
    return tuple(sorted(events, key=lambda event: (event.day, event.rule_id, event.kind, event.subject)))


def next_event(events: Iterable[TimelineEvent], today: date) -> TimelineEvent | None:
    """The first event on or after ``today`` (events come in date order)."""
    return next((event for event in events if not event.is_past(today)), None)


def annual_duties(result: EvaluationResult) -> tuple[tuple[str, str], ...]:
    """``(rule_id, obligation_id)`` of the yearly duties of the laws that apply: no date is set by the
    law, so they recur beside the timeline rather than on it."""
    return tuple(
        (outcome.rule_id, obligation.id)
        for outcome in result.outcomes
        if outcome.status in APPLYING
        for obligation in outcome.obligations
        if obligation.deadline_explanation is not None
        and obligation.deadline_explanation.code == "deadline.annual"
    )


def _from_when(rule: Rule, outcome: RuleOutcome) -> tuple[date | None, Basis]:
    """The date the summary shows: the first year in scope, the first tender in scope, else the date
    the rule's obligations bind; unknown for a law that does not concern the organisation."""
    if outcome.status in NOT_CONCERNED:
        return None, "verified"
    first_year = _first_cmr_year(outcome)
    if first_year is not None:
        return first_year
    tenders = _tender_events(outcome)
    if tenders:
        first = min(tenders, key=lambda event: event.day)
        return first.day, first.basis
    applies = _application_value(rule)
    if applies is not None:
        return applies[0], applies[1]
    if rule.in_force_from is not None:
        return rule.in_force_from, "verified"
    return None, "unknown"


def _split_missing(missing: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    values = tuple(name.removeprefix("value:") for name in missing if name.startswith("value:"))
    facts = tuple(name for name in missing if not name.startswith("value:"))
    return facts, values


def summary(result: EvaluationResult, ruleset: RuleSet) -> tuple[RuleSummary, ...]:
    """One row per law the engine evaluated, in the result's order."""
    rows = []
    for outcome in result.outcomes:
        from_day, from_basis = _from_when(ruleset.rule(outcome.rule_id), outcome)
        facts, values = _split_missing(outcome.missing)
        unverified = tuple(
            dict.fromkeys(value.name for value in outcome.values_used if value.basis == "provisional")
        )
        rows.append(
            RuleSummary(outcome.rule_id, outcome.status, from_day, from_basis, facts, values, unverified)
        )
    return tuple(rows)
