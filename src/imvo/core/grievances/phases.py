"""Phases of a grievance case, which transitions are allowed, and the indicative deadlines.

The phases follow the specific-instance procedure of the National Contact Points in the OECD
Guidelines for Multinational Enterprises (2023), Part II, Procedural Guidance: the submission is
received and acknowledged, an initial assessment decides whether the issues merit further
examination (with published reasons), the NCP offers good offices (dialogue, mediation), the
procedure ends with an agreement or a final statement, and the NCP may follow up on agreements and
recommendations. The indicative durations are those of the Commentary on the Procedural Guidance:
initial assessment within about three months, good offices within about six months, the final
statement within about three months of the end of the good offices, i.e. the whole procedure within
about twelve months. The acknowledgement period and the follow-up period are imvo's defaults
(configurable per mechanism): the guidance asks for timely acknowledgement and sets no follow-up term.

A covenant complaints committee (the second variant) follows the same sequence with different names:
admissibility, hearing or mediation by an independent committee, and a binding decision that is
published.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum


class Phase(StrEnum):
    RECEIVED = "received"
    INITIAL_ASSESSMENT = "initial_assessment"
    GOOD_OFFICES = "good_offices"
    OUTCOME = "outcome"
    FOLLOW_UP = "follow_up"
    CLOSED = "closed"


class Variant(StrEnum):
    NCP = "ncp"  # a company's or an NCP-style mechanism: good offices, agreement or final statement
    COMMITTEE = "committee"  # a covenant's independent complaints committee: binding, published decisions


OPEN_PHASES: tuple[Phase, ...] = (
    Phase.RECEIVED,
    Phase.INITIAL_ASSESSMENT,
    Phase.GOOD_OFFICES,
    Phase.OUTCOME,
    Phase.FOLLOW_UP,
)

# Days a case may indicatively spend in each phase; each mechanism may override them.
DEFAULT_DEADLINE_DAYS: dict[Phase, int] = {
    Phase.RECEIVED: 14,  # imvo default: acknowledge and start the assessment within two weeks
    Phase.INITIAL_ASSESSMENT: 90,  # NCP Procedural Guidance commentary: about three months
    Phase.GOOD_OFFICES: 180,  # about six months of dialogue or mediation
    Phase.OUTCOME: 90,  # final statement or agreement about three months after the good offices
    Phase.FOLLOW_UP: 365,  # imvo default: follow up on agreements within a year
}

_FORWARD: dict[Phase, tuple[Phase, ...]] = {
    Phase.RECEIVED: (Phase.INITIAL_ASSESSMENT,),
    # Not admissible: the case is closed from the initial assessment, with published reasons.
    Phase.INITIAL_ASSESSMENT: (Phase.GOOD_OFFICES, Phase.CLOSED),
    Phase.GOOD_OFFICES: (Phase.OUTCOME,),
    Phase.OUTCOME: (Phase.FOLLOW_UP, Phase.CLOSED),
    Phase.FOLLOW_UP: (Phase.CLOSED,),
    Phase.CLOSED: (),
}


def allowed_transitions(phase: Phase) -> tuple[Phase, ...]:
    """Where a case in ``phase`` may go next. Any open case may also be closed (withdrawal)."""
    forward = _FORWARD[phase]
    if phase is Phase.CLOSED or Phase.CLOSED in forward:
        return forward
    return (*forward, Phase.CLOSED)


def deadline_for(phase: Phase, started_at: datetime, deadline_days: dict[Phase, int]) -> datetime | None:
    """When the case should have left ``phase`` (None for a closed case or a phase without deadline)."""
    days = deadline_days.get(phase)
    if phase is Phase.CLOSED or days is None or days <= 0:
        return None
    return started_at + timedelta(days=days)


def days_overdue(phase: Phase, started_at: datetime, now: datetime, deadline_days: dict[Phase, int]) -> int:
    """Whole days past the phase's deadline; 0 when on time."""
    deadline = deadline_for(phase, started_at, deadline_days)
    if deadline is None or now <= deadline:
        return 0
    return max(1, (now - deadline).days)


def is_overdue(phase: Phase, started_at: datetime, now: datetime, deadline_days: dict[Phase, int]) -> bool:
    return days_overdue(phase, started_at, now, deadline_days) > 0
