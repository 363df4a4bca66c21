"""The facts of one organisation's due-diligence register, and the one definition of each.

A :class:`RegisterFacts` is gathered once per organisation (the web layer reads it from the database
in a fixed number of queries, ``imvo.web.register.facts``); everything that speaks about a register
derives from it with the pure rules below: "where are we" (:mod:`imvo.core.register.maturity`), the
obligations' readiness, the monitoring criteria of a company that shares its register, and the
published report. So the company's dashboard, its obligations page and its monitor cannot disagree
about the same company on the same day.

The definitions follow the OECD Due Diligence Guidance for Responsible Business Conduct (2018):

- **Endorsement**: the *current* policy (the latest by adoption date) explicitly endorses the OECD
  Guidelines for Multinational Enterprises. Step 1 asks for a policy that articulates the
  enterprise's commitment to the Guidelines' principles; an earlier policy that has been replaced
  no longer states it, and the UN Guiding Principles alone cover human rights only, not the
  Guidelines' chapters on environment, corruption or consumer interests.
- **A measure** counts unless it was cancelled (a cancelled measure prevents or mitigates nothing).
- **Overdue**: a measure planned or in progress whose due date has passed; a follow-up not done
  whose planned date has passed.
- **Training** and **a grievance channel** are what the disclosure engine finds in the policy's
  management-system text (:mod:`imvo.core.assessment`), with its exclusions (customer complaints
  are not a grievance channel for those affected in the chain).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: The measure statuses of work still to do (an overdue measure is one of these, past its date).
OPEN_MEASURE_STATUSES = ("planned", "in_progress")
#: Statuses of a measure under way or carried out.
ACTIVE_MEASURE_STATUSES = ("in_progress", "done")
CANCELLED = "cancelled"


def measure_is_overdue(status: str, due_on: dt.date | None, today: dt.date) -> bool:
    return status in OPEN_MEASURE_STATUSES and due_on is not None and due_on < today


def follow_up_is_overdue(done_on: dt.date | None, planned_on: dt.date, today: dt.date) -> bool:
    return done_on is None and planned_on < today


@dataclass(frozen=True)
class PolicyFacts:
    title: str
    adopted_on: dt.date | None = None
    board_approved_on: dt.date | None = None
    responsible_officer: str = ""
    endorses_oecd_guidelines: bool = False
    endorses_ungps: bool = False
    endorsement_evidence_url: str = ""
    management_system: str = ""


@dataclass(frozen=True)
class TopRisk:
    """One of the most salient open risks: whether it is judged and has a (not cancelled) measure."""

    judged: bool
    addressed: bool


@dataclass(frozen=True)
class MeasureCounts:
    #: Not cancelled.
    total: int = 0
    planned: int = 0
    in_progress: int = 0
    done: int = 0
    overdue: int = 0
    #: In progress or done without an indicator.
    active_without_indicator: int = 0

    @property
    def active(self) -> int:
        return self.in_progress + self.done


@dataclass(frozen=True)
class FollowUpCounts:
    total: int = 0
    done: int = 0
    overdue: int = 0
    #: Audits and site visits (step 4's verification in the supply chain).
    audits_done: int = 0
    audits: int = 0


@dataclass(frozen=True)
class RemediationCounts:
    total: int = 0
    provided: int = 0  # provided or verified
    verified: int = 0


@dataclass(frozen=True)
class RegisterFacts:
    as_of: dt.date
    policy: PolicyFacts | None = None
    lists_merged: int = 0
    last_list_merged_on: dt.date | None = None
    risks: int = 0
    manual_risks: int = 0
    judgements: int = 0
    last_judged_on: dt.date | None = None
    open_child_labour_risks: int = 0
    #: The most salient open risks, most salient first (at most ``maturity.TOP_RISKS``).
    top_open_risks: tuple[TopRisk, ...] = ()
    last_engagement_on: dt.date | None = None
    measures: MeasureCounts = field(default_factory=MeasureCounts)
    indicators: int = 0
    follow_ups: FollowUpCounts = field(default_factory=FollowUpCounts)
    remediations: RemediationCounts = field(default_factory=RemediationCounts)
    last_report_at: dt.datetime | None = None
    last_list_merged_at: dt.datetime | None = None


# --- One definition each ---------------------------------------------------------------------------
def endorses_oecd_guidelines(facts: RegisterFacts) -> bool:
    return facts.policy is not None and facts.policy.endorses_oecd_guidelines


def endorses_both(facts: RegisterFacts) -> bool:
    """The OECD Guidelines and the UN Guiding Principles, both explicitly (step 1's highest level)."""
    return endorses_oecd_guidelines(facts) and bool(facts.policy and facts.policy.endorses_ungps)


def has_measures(facts: RegisterFacts) -> bool:
    return facts.measures.total > 0


def risk_analysis_date(facts: RegisterFacts) -> dt.date | None:
    """When risks were last identified or assessed: the latest merged list or severity judgement."""
    days = [day for day in (facts.last_list_merged_on, facts.last_judged_on) if day is not None]
    return max(days) if days else None


def _management_system_shows(facts: RegisterFacts, criterion: str) -> bool:
    from imvo.core.assessment.engine import Verdict, assess_text

    if facts.policy is None or not facts.policy.management_system.strip():
        return False
    result = assess_text(facts.policy.management_system, criteria=[criterion]).results[0]
    return result.verdict is Verdict.FOUND


def names_training(facts: RegisterFacts) -> bool:
    return _management_system_shows(facts, "training")


def names_grievance_channel(facts: RegisterFacts) -> bool:
    return _management_system_shows(facts, "grievance_mechanism")
