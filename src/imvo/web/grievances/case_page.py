"""The handler's case page is driven by the case's phase: where the case stands among the phases,
what the current phase asks of the handler, and the moves it offers, worded per variant.

Which actions a phase allows is decided once, in :data:`imvo.web.grievances.actions.PHASE_ACTIONS`
(the views refuse the others); this module only presents that.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from imvo.core.grievances import Phase, allowed_transitions
from imvo.web.grievances.actions import PHASE_ACTIONS, CaseAction
from imvo.web.grievances.models import CasePhase, GrievanceCase

PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)


@dataclass(frozen=True)
class PhaseStep:
    phase: str
    label: str
    state: str
    """``done``, ``current``, ``next`` (where the case goes on to), ``upcoming`` or ``skipped``."""
    state_label: str


@dataclass(frozen=True)
class Move:
    to_phase: str
    label: str
    help: str
    primary: bool


def _state_labels() -> dict[str, str]:
    return {
        "done": _("done"),
        "current": _("current phase"),
        "next": _("next"),
        "upcoming": _("later"),
        "skipped": _("skipped"),
    }


def phase_bar(case: GrievanceCase) -> list[PhaseStep]:
    """Every phase in order, marked done, current, next, later or skipped (a case closed early)."""
    current = case.phase_enum
    visited = {transition.to_phase for transition in case.transitions.all()}
    onward = allowed_transitions(current)
    following = onward[0] if onward else None
    labels = _state_labels()
    position = PHASE_ORDER.index(current)
    steps = []
    for index, phase in enumerate(PHASE_ORDER):
        if phase is current:
            state = "current"
        elif index < position:
            state = "done" if phase.value in visited else "skipped"
        elif current is Phase.CLOSED:
            state = "skipped"
        else:
            state = "next" if phase is following else "upcoming"
        steps.append(PhaseStep(phase.value, str(CasePhase(phase.value).label), state, labels[state]))
    return steps


def phase_task(case: GrievanceCase) -> str:
    """What the current phase asks of the handler, in one sentence."""
    committee = case.mechanism.is_committee
    tasks = {
        Phase.RECEIVED: _(
            "Acknowledge the complaint: let the complainant know it was received, then start the "
            "initial assessment."
        ),
        Phase.INITIAL_ASSESSMENT: _(
            "Assess admissibility: do the issues merit further examination? Give your reasons; if the "
            "case is not admissible they are published."
        ),
        Phase.GOOD_OFFICES: _(
            "Investigate and offer dialogue or mediation; link the supplier and the risks concerned."
        ),
        Phase.OUTCOME: _(
            "Record the committee's binding decision and the remedies; the decision is published."
        )
        if committee
        else _(
            "Record the outcome (agreement or final statement) and the remedies, and publish the statement."
        ),
        Phase.FOLLOW_UP: _(
            "Follow up the agreement or recommendations: record remedies as delivered, then close the case."
        ),
        Phase.CLOSED: _("The case is closed; a closed case is never reopened."),
    }
    return tasks[case.phase_enum]


def _move_label(current: Phase, target: Phase, committee: bool) -> tuple[str, str]:
    """The button for a move and what it means."""
    if current is Phase.RECEIVED and target is Phase.INITIAL_ASSESSMENT:
        return _("Acknowledge and start the initial assessment"), ""
    if current is Phase.INITIAL_ASSESSMENT and target is Phase.GOOD_OFFICES:
        if committee:
            return _("Admissible: the committee hears the parties or mediates"), ""
        return _("Admissible: offer dialogue or mediation"), ""
    if current is Phase.INITIAL_ASSESSMENT and target is Phase.CLOSED:
        return _("Not admissible: close the case"), _("Your reason is kept as the published reasons.")
    if target is Phase.OUTCOME:
        return _("Dialogue ended: go on to the outcome"), ""
    if target is Phase.FOLLOW_UP:
        return _("Follow up the agreement or recommendations"), ""
    if current in (Phase.OUTCOME, Phase.FOLLOW_UP):
        return _("Close the case"), ""
    return _("Close the case (withdrawn)"), _("For example when the complainant withdraws the complaint.")


def moves(case: GrievanceCase) -> list[Move]:
    """The moves the current phase allows; the first (and both admissibility decisions) up front,
    a withdrawal tucked away."""
    current = case.phase_enum
    if CaseAction.MOVE not in PHASE_ACTIONS[current]:
        return []
    committee = case.mechanism.is_committee
    found = []
    for index, target in enumerate(allowed_transitions(current)):
        label, explanation = _move_label(current, target, committee)
        primary = index == 0 or current in (Phase.INITIAL_ASSESSMENT, Phase.OUTCOME)
        found.append(Move(target.value, label, explanation, primary))
    return found


def allowed_actions(case: GrievanceCase) -> dict[str, bool]:
    """``{"link": True, …}`` for the template: which of the case actions the current phase offers."""
    allowed = PHASE_ACTIONS[case.phase_enum]
    return {action.value: action in allowed for action in CaseAction}
