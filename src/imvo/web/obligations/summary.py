"""The top of "Your obligations": one row per law and the dated events, in the user's language.

The facts (statuses, dates, what is missing) come from :mod:`imvo.core.obligations.timeline`; this
module only words them and links what the organisation can fill in to where it does so. A legal value
is never asked of the organisation: it is reported as not yet verified by the operator of this
installation (whose administrators maintain legal values).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from imvo.core.obligations import RuleOutcome
from imvo.core.obligations.engine import value_label
from imvo.core.obligations.timeline import TimelineEvent, annual_duties, next_event, summary, timeline
from imvo.web.obligations.presentation import MissingFact, missing_fact, status_labels, user_language
from imvo.web.obligations.queries import Evaluation


@dataclass(frozen=True)
class SummaryRow:
    rule_id: str
    law: str
    status: str
    status_label: str
    from_day: date | None
    from_provisional: bool
    missing_facts: list[MissingFact]
    missing_values: list[str]
    unverified_values: list[str]

    @property
    def complete(self) -> bool:
        return not (self.missing_facts or self.missing_values or self.unverified_values)


@dataclass(frozen=True)
class EventView:
    day: date
    law: str
    text: str
    provisional: bool
    past: bool
    is_next: bool
    rule_id: str
    conditional: bool = False
    """The engine cannot decide yet whether the law applies: the event matters only if it does."""


@dataclass(frozen=True)
class ObligationsAtAGlance:
    rows: list[SummaryRow]
    events: list[EventView]
    annual: list[str] = field(default_factory=list)
    """The yearly duties of the laws that apply ("Art. 7 …: report every year")."""


def _title(outcome: RuleOutcome, language: str) -> str:
    return outcome.title_nl if language == "nl" else outcome.title_en


def _event_text(event: TimelineEvent, outcome: RuleOutcome, language: str) -> str:
    if event.kind == "in_force":
        return _("Enters into force")
    if event.kind == "applies_from":
        return _("Its obligations apply from this date")
    if event.kind == "first_year_in_scope":
        return _(
            "First calendar year in which your imports are in scope (%(year)s): a yearly report is due for it"
        ) % {"year": event.day.year}
    if event.kind == "tender":
        return _("Tender “%(tender)s”: the international social conditions apply") % {"tender": event.subject}
    obligation = next((o for o in outcome.obligations if o.id == event.subject), None)
    what = (obligation.nl if language == "nl" else obligation.en) if obligation is not None else event.subject
    return _("Deadline: %(obligation)s") % {"obligation": what}


def at_a_glance(evaluation: Evaluation, org: str, today: date) -> ObligationsAtAGlance:
    """The summary table, the timeline (past events marked, the next one singled out) and the yearly
    duties, for the evaluation on its own date."""
    language = user_language()
    result = evaluation.result
    ruleset = evaluation.ruleset
    if ruleset is None:  # every evaluation of the workspace carries its rule set
        return ObligationsAtAGlance([], [])
    outcomes = {outcome.rule_id: outcome for outcome in result.outcomes}
    labels = status_labels()
    rows = [
        SummaryRow(
            rule_id=row.rule_id,
            law=_title(outcomes[row.rule_id], language),
            status=row.status,
            status_label=labels[row.status],
            from_day=row.from_day,
            from_provisional=row.from_day is not None and row.from_basis == "provisional",
            missing_facts=[missing_fact(name, org) for name in row.missing_facts],
            missing_values=[value_label(name).text(language) for name in row.missing_values],
            unverified_values=[value_label(name).text(language) for name in row.unverified_values],
        )
        for row in summary(result, ruleset)
    ]
    events = timeline(result, ruleset)
    upcoming = next_event(events, today)
    views = [
        EventView(
            day=event.day,
            law=_title(outcomes[event.rule_id], language),
            text=_event_text(event, outcomes[event.rule_id], language),
            provisional=event.provisional,
            past=event.is_past(today),
            is_next=event is upcoming,
            rule_id=event.rule_id,
            conditional=event.rule_status == "cannot_decide",
        )
        for event in events
    ]
    annual = []
    for rule_id, obligation_id in annual_duties(result):
        obligation = next(o for o in outcomes[rule_id].obligations if o.id == obligation_id)
        annual.append(f"{obligation.article}: {obligation.nl if language == 'nl' else obligation.en}")
    return ObligationsAtAGlance(rows, views, annual)
