"""Criteria sets as data: what a company's assessment means for monitoring.

An assessment per company per round is a mapping ``criterion id → verdict`` over the criteria of
:mod:`imvo.core.assessment` (the text engine, or a company's own register mapped to the same ids).
Verdicts used here: ``found``, ``planned`` (the disclosure announces it), ``explicitly_not_done``,
``not_found`` and, set only by a reviewer, ``explained`` (comply-or-explain: a plausible reason why
the element does not apply). From these the sets below derive:

- explicit OECD/UNGP endorsement (criterion ``oecd_endorsement``);
- evidence per OECD due-diligence step (OECD Due Diligence Guidance for RBC, 2018, six steps);
- the German NAP five-element classification (NAP Wirtschaft und Menschenrechte 2016, chapter III;
  monitoring 2018-2020, final report of the Federal Government, 2020);
- maturity segments with the Dutch "5 V's" policy instruments.

Rules and sources are documented in docs/monitoring.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from imvo.core.assessment import Assessment, Polarity, Verdict

FOUND = "found"
PLANNED = "planned"
EXPLICITLY_NOT_DONE = "explicitly_not_done"
NOT_FOUND = "not_found"
EXPLAINED = "explained"
MONITORING_VERDICTS = (FOUND, PLANNED, EXPLICITLY_NOT_DONE, NOT_FOUND, EXPLAINED)

ENDORSEMENT_CRITERION = "oecd_endorsement"

#: The six steps of the OECD Due Diligence Guidance for Responsible Business Conduct (2018).
OECD_STEPS: dict[int, str] = {
    1: "Embed responsible business conduct into policies and management systems",
    2: "Identify and assess adverse impacts",
    3: "Cease, prevent or mitigate adverse impacts",
    4: "Track implementation and results",
    5: "Communicate how impacts are addressed",
    6: "Provide for or cooperate in remediation",
}

#: Which assessment criteria evidence which step (after ``oecd_step`` in the criteria of
#: :mod:`imvo.core.assessment.criteria`). Endorsement is the policy commitment of step 1 but is
#: measured as its own headline figure, so step 1 here means *embedding*: responsibility and training.
STEP_EVIDENCE: dict[int, tuple[str, ...]] = {
    1: ("internal_accountability", "training"),
    2: ("risk_assessment",),
    3: ("supplier_certification", "training"),
    4: ("supplier_audits",),
    5: ("public_reporting",),
    6: ("grievance_mechanism", "remediation"),
}


def monitoring_verdicts(assessment: Assessment) -> dict[str, str]:
    """The engine's verdicts in the monitoring vocabulary (``planned`` split off from "not done")."""
    verdicts: dict[str, str] = {}
    for result in assessment.results:
        if result.verdict is Verdict.FOUND:
            verdicts[result.criterion_id] = FOUND
        elif result.verdict is Verdict.EXPLICITLY_NOT_DONE:
            planned = result.citations and all(c.polarity is Polarity.PLANNED for c in result.citations)
            verdicts[result.criterion_id] = PLANNED if planned else EXPLICITLY_NOT_DONE
        else:
            verdicts[result.criterion_id] = NOT_FOUND
    return verdicts


def merge_verdicts(many: list[Mapping[str, str]]) -> dict[str, str]:
    """One company, several disclosures: the strongest verdict per criterion wins."""
    rank = {FOUND: 4, EXPLAINED: 3, PLANNED: 2, EXPLICITLY_NOT_DONE: 1, NOT_FOUND: 0}
    merged: dict[str, str] = {}
    for verdicts in many:
        for criterion, verdict in verdicts.items():
            if rank.get(verdict, 0) >= rank.get(merged.get(criterion, NOT_FOUND), 0):
                merged[criterion] = verdict
    return merged


def endorses(verdicts: Mapping[str, str]) -> bool:
    return verdicts.get(ENDORSEMENT_CRITERION) == FOUND


def steps_evidenced(verdicts: Mapping[str, str]) -> frozenset[int]:
    """The OECD steps for which at least one evidencing criterion is ``found``."""
    return frozenset(
        step for step, criteria in STEP_EVIDENCE.items() if any(verdicts.get(c) == FOUND for c in criteria)
    )


# --- German NAP -----------------------------------------------------------------------------------
class NapElement(StrEnum):
    POLICY_STATEMENT = "policy_statement"
    RISK_PROCEDURE = "risk_procedure"
    MEASURES = "measures_with_effectiveness_checks"
    REPORTING = "reporting"
    GRIEVANCE_MECHANISM = "grievance_mechanism"


NAP_ELEMENT_LABELS: dict[NapElement, str] = {
    NapElement.POLICY_STATEMENT: "Policy statement (Grundsatzerklärung)",
    NapElement.RISK_PROCEDURE: "Procedure to identify adverse impacts (Risikoanalyse)",
    NapElement.MEASURES: "Measures and tracking of their effectiveness (Maßnahmen, Wirksamkeitskontrolle)",
    NapElement.REPORTING: "Reporting (Berichterstattung)",
    NapElement.GRIEVANCE_MECHANISM: "Grievance mechanism (Beschwerdemechanismus)",
}

#: Criteria behind each element. ``all`` groups must each have a ``found`` criterion: measures
#: count only together with an effectiveness check (NAP 2016, III.3: "Maßnahmen und
#: Wirksamkeitskontrolle").
NAP_ELEMENT_CRITERIA: dict[NapElement, tuple[tuple[str, ...], ...]] = {
    NapElement.POLICY_STATEMENT: (("oecd_endorsement", "internal_accountability"),),
    NapElement.RISK_PROCEDURE: (("risk_assessment",),),
    NapElement.MEASURES: (("supplier_certification", "training", "remediation"), ("supplier_audits",)),
    NapElement.REPORTING: (("public_reporting",),),
    NapElement.GRIEVANCE_MECHANISM: (("grievance_mechanism",),),
}


class ElementStatus(StrEnum):
    MET = "met"
    EXPLAINED = "explained"  # comply-or-explain: counts as met
    PARTIAL = "partial"
    PLANNED = "planned"
    NOT_MET = "not_met"


class NapClass(StrEnum):
    COMPLIANT = "compliant"
    ON_A_GOOD_PATH = "on_a_good_path"
    WITH_IMPLEMENTATION_PLAN = "with_implementation_plan"
    NOT_COMPLIANT = "not_compliant"


NAP_CLASS_LABELS: dict[NapClass, str] = {
    NapClass.COMPLIANT: "Compliant (Erfüller)",
    NapClass.ON_A_GOOD_PATH: "On a good path (auf einem guten Weg)",
    NapClass.WITH_IMPLEMENTATION_PLAN: "With implementation plan (mit Umsetzungsplan)",
    NapClass.NOT_COMPLIANT: "Not compliant (Nicht-Erfüller)",
}
#: At least this many elements met (or explained) for "on a good path".
GOOD_PATH_MIN_MET = 3


def element_status(element: NapElement, verdicts: Mapping[str, str]) -> ElementStatus:
    groups = NAP_ELEMENT_CRITERIA[element]
    states = [{verdicts.get(criterion, NOT_FOUND) for criterion in group} for group in groups]
    if all(FOUND in state for state in states):
        return ElementStatus.MET
    if all(FOUND in state or EXPLAINED in state for state in states):
        return ElementStatus.EXPLAINED
    if any(FOUND in state or EXPLAINED in state for state in states):
        return ElementStatus.PARTIAL
    if any(PLANNED in state for state in states):
        return ElementStatus.PLANNED
    return ElementStatus.NOT_MET


def nap_elements(verdicts: Mapping[str, str]) -> dict[NapElement, ElementStatus]:
    return {element: element_status(element, verdicts) for element in NapElement}


def nap_class(verdicts: Mapping[str, str]) -> NapClass:
    """The NAP classification; no compensation between elements (a strong element never makes up
    for a missing one).

    - compliant: every element met or explained (comply-or-explain);
    - with implementation plan: not compliant, and every element not met is planned;
    - on a good path: at least three elements met/explained and none of the others wholly absent;
    - not compliant: the rest.
    """
    statuses = nap_elements(verdicts).values()
    done = {ElementStatus.MET, ElementStatus.EXPLAINED}
    if all(status in done for status in statuses):
        return NapClass.COMPLIANT
    open_statuses = [status for status in statuses if status not in done]
    if all(status is ElementStatus.PLANNED for status in open_statuses):
        return NapClass.WITH_IMPLEMENTATION_PLAN
    if (
        sum(status in done for status in statuses) >= GOOD_PATH_MIN_MET
        and ElementStatus.NOT_MET not in open_statuses
    ):
        return NapClass.ON_A_GOOD_PATH
    return NapClass.NOT_COMPLIANT


# --- maturity segments and the 5 V's --------------------------------------------------------------
class Segment(StrEnum):
    FRONTRUNNERS = "frontrunners"
    PELOTON = "peloton"
    LAGGARDS = "laggards"


@dataclass(frozen=True)
class Instrument:
    key: str
    label: str
    dutch: str


#: The Dutch "smart mix" of policy instruments, "van voorlichten tot verplichten" (policy note
#: "Van voorlichten tot verplichten: een nieuwe impuls voor IMVO", Minister for Foreign Trade and
#: Development Cooperation, October 2020).
INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument("inform", "Inform", "voorlichten"),
    Instrument("facilitate", "Facilitate", "faciliteren"),
    Instrument("incentivise", "Incentivise", "verleiden"),
    Instrument("set_conditions", "Set conditions", "voorwaarden stellen"),
    Instrument("oblige", "Oblige", "verplichten"),
)

#: Which instruments aim at which segment: frontrunners are rewarded and made examples of, the
#: peloton is helped and held to conditions, laggards are informed and, failing that, obliged.
SEGMENT_INSTRUMENTS: dict[Segment, tuple[str, ...]] = {
    Segment.FRONTRUNNERS: ("incentivise", "facilitate"),
    Segment.PELOTON: ("facilitate", "set_conditions", "inform"),
    Segment.LAGGARDS: ("inform", "set_conditions", "oblige"),
}
FRONTRUNNER_MIN_STEPS = 5
LAGGARD_MAX_STEPS = 1


def segment(verdicts: Mapping[str, str]) -> Segment:
    """Frontrunners endorse and evidence at least five of the six steps; laggards do not endorse and
    evidence at most one step; everyone else is the peloton."""
    steps = len(steps_evidenced(verdicts))
    if endorses(verdicts) and steps >= FRONTRUNNER_MIN_STEPS:
        return Segment.FRONTRUNNERS
    if not endorses(verdicts) and steps <= LAGGARD_MAX_STEPS:
        return Segment.LAGGARDS
    return Segment.PELOTON


@dataclass(frozen=True)
class CriteriaSet:
    """A named criteria set a round is assessed against (shipped: the three below)."""

    key: str
    label: str
    criteria: tuple[str, ...]
    source: str


CRITERIA_SETS: dict[str, CriteriaSet] = {
    "endorsement": CriteriaSet(
        "endorsement",
        "Explicit endorsement of the OECD Guidelines / UNGPs",
        (ENDORSEMENT_CRITERION,),
        "Dutch IMVO 90 % target; OECD Guidelines for MNEs (2023); UNGP 16",
    ),
    "oecd_steps": CriteriaSet(
        "oecd_steps",
        "Evidence for each of the six OECD due-diligence steps",
        tuple(sorted({c for criteria in STEP_EVIDENCE.values() for c in criteria})),
        "OECD Due Diligence Guidance for Responsible Business Conduct (2018)",
    ),
    "german_nap": CriteriaSet(
        "german_nap",
        "German NAP five core elements",
        tuple(sorted({c for groups in NAP_ELEMENT_CRITERIA.values() for g in groups for c in g})),
        "Nationaler Aktionsplan Wirtschaft und Menschenrechte (2016), ch. III; NAP monitoring 2018-2020",
    ),
}

#: Every round reports all shipped sets unless it chooses fewer.
DEFAULT_CRITERIA_SETS: tuple[str, ...] = tuple(CRITERIA_SETS)

#: Which criteria sets a dashboard measure needs: a round shows a measure only when it reports every
#: set listed. Maturity segments combine endorsement with the six steps, so they need both.
MEASURE_CRITERIA_SETS: dict[str, tuple[str, ...]] = {
    "endorsement": ("endorsement",),
    "endorsement_by_sector": ("endorsement",),
    "endorsement_by_size": ("endorsement",),
    "step": ("oecd_steps",),
    "segment": ("endorsement", "oecd_steps"),
    "nap": ("german_nap",),
}


def checked_criteria_sets(keys: Iterable[str]) -> tuple[str, ...]:
    """The keys in the shipped order, without duplicates; raises ValueError on an unknown or no key."""
    wanted = set(keys)
    unknown = wanted - set(CRITERIA_SETS)
    if unknown:
        raise ValueError(f"unknown criteria set(s): {', '.join(sorted(unknown))}")
    if not wanted:
        raise ValueError("choose at least one criteria set")
    return tuple(key for key in CRITERIA_SETS if key in wanted)


def measures_reported(criteria_sets: Iterable[str]) -> tuple[str, ...]:
    """The dashboard measures a round reporting ``criteria_sets`` shows."""
    chosen = set(criteria_sets)
    return tuple(
        measure for measure, needed in MEASURE_CRITERIA_SETS.items() if all(key in chosen for key in needed)
    )
