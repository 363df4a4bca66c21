"""Where are we: the maturity of each OECD due-diligence step, as pure rules over
:class:`imvo.core.register.facts.RegisterFacts`.

Nobody ticks a box: each level is a set of rules over what the register holds, documented for users
in ``docs/maturity.md`` (a test checks that the page lists exactly these rule ids, step by step and
level by level). Levels: 0 not started · 1 started · 2 established · 3 embedded. A step has a level
when every rule of that level and of every lower one holds; its next best actions are the rules of
the next level that do not hold yet. The web layer gives each rule id its sentence and its page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from imvo.core.register.facts import RegisterFacts, endorses_both

#: The most salient open risks must be judged and addressed first (OECD: prioritise by severity).
TOP_RISKS = 10
#: Engagement and reporting older than this no longer count as current.
CURRENT_WITHIN = dt.timedelta(days=365)

Rule = tuple[str, Callable[[RegisterFacts], bool]]


def _recent(day: dt.date | None, facts: RegisterFacts) -> bool:
    return day is not None and day >= facts.as_of - CURRENT_WITHIN


def _top_all(facts: RegisterFacts, attribute: str) -> bool:
    return bool(facts.top_open_risks) and all(getattr(risk, attribute) for risk in facts.top_open_risks)


def _report_after_last_list(facts: RegisterFacts) -> bool:
    if facts.last_report_at is None:
        return False
    return facts.last_list_merged_at is None or facts.last_report_at >= facts.last_list_merged_at


#: Per step (1–6), per level (1–3): the rules, by id. The ids are the vocabulary of docs/maturity.md.
RULES: dict[int, tuple[tuple[Rule, ...], ...]] = {
    1: (
        (("policy_recorded", lambda f: f.policy is not None),),
        (
            ("policy_adopted", lambda f: bool(f.policy and f.policy.adopted_on)),
            ("policy_board_approved", lambda f: bool(f.policy and f.policy.board_approved_on)),
            ("officer_named", lambda f: bool(f.policy and f.policy.responsible_officer)),
        ),
        (
            ("endorses_oecd_and_ungps", endorses_both),
            ("endorsement_public", lambda f: bool(f.policy and f.policy.endorsement_evidence_url)),
            ("management_system_described", lambda f: bool(f.policy and f.policy.management_system.strip())),
        ),
    ),
    2: (
        (("risks_identified", lambda f: f.lists_merged > 0 or f.risks > 0),),
        (
            ("list_scanned", lambda f: f.lists_merged > 0),
            ("severity_judged", lambda f: f.judgements > 0),
        ),
        (
            ("top_risks_judged", lambda f: _top_all(f, "judged")),
            ("own_operations_considered", lambda f: f.manual_risks > 0),
            ("stakeholders_engaged", lambda f: _recent(f.last_engagement_on, f)),
        ),
    ),
    3: (
        (("measures_planned", lambda f: f.measures.total > 0),),
        (("top_risks_addressed", lambda f: _top_all(f, "addressed")),),
        (
            ("measures_done", lambda f: f.measures.done > 0),
            ("no_measure_overdue", lambda f: f.measures.overdue == 0),
        ),
    ),
    4: (
        (("tracking_started", lambda f: f.indicators + f.follow_ups.total > 0),),
        (("follow_ups_done", lambda f: f.follow_ups.done > 0),),
        (
            ("indicators_for_active_measures", lambda f: f.measures.active_without_indicator == 0),
            ("no_follow_up_overdue", lambda f: f.follow_ups.overdue == 0),
        ),
    ),
    5: (
        (("report_published", lambda f: f.last_report_at is not None),),
        (("report_current", lambda f: _recent(f.last_report_at.date() if f.last_report_at else None, f)),),
        (("report_after_last_list", _report_after_last_list),),
    ),
    6: (
        (("remediation_recorded", lambda f: f.remediations.total > 0),),
        (("remedy_provided", lambda f: f.remediations.provided > 0),),
        (("remedy_verified", lambda f: f.remediations.verified > 0),),
    ),
}


@dataclass(frozen=True)
class StepLevel:
    step: int
    level: int
    #: Ids of the rules met, level by level.
    met: tuple[str, ...]
    #: Ids of the next level's rules that do not hold yet: the next best actions.
    next: tuple[str, ...]


def assess_step(step: int, facts: RegisterFacts) -> StepLevel:
    level, met = 0, list[str]()
    for rules in RULES[step]:
        missing = tuple(rule_id for rule_id, holds in rules if not holds(facts))
        if missing:
            return StepLevel(step, level, tuple(met), missing)
        level += 1
        met.extend(rule_id for rule_id, _ in rules)
    return StepLevel(step, level, tuple(met), ())


def assess(facts: RegisterFacts) -> list[StepLevel]:
    """The six steps, in order."""
    return [assess_step(step, facts) for step in sorted(RULES)]


def rule_ids() -> dict[int, list[list[str]]]:
    return {step: [[rule_id for rule_id, _ in rules] for rules in levels] for step, levels in RULES.items()}
