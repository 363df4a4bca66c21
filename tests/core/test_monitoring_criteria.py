"""Criteria sets: endorsement, the six OECD steps, the German NAP classes and maturity segments."""

from __future__ import annotations

from imvo.core.assessment import CRITERION_IDS, assess_text
from imvo.core.monitoring import (
    CRITERIA_SETS,
    STEP_EVIDENCE,
    ElementStatus,
    NapClass,
    NapElement,
    Segment,
    endorses,
    merge_verdicts,
    monitoring_verdicts,
    nap_class,
    nap_elements,
    segment,
    steps_evidenced,
)

EVERYTHING = dict.fromkeys(CRITERION_IDS, "found")


def test_every_criterion_in_the_sets_exists_in_the_engine():
    for criteria_set in CRITERIA_SETS.values():
        assert set(criteria_set.criteria) <= set(CRITERION_IDS)
    assert {c for criteria in STEP_EVIDENCE.values() for c in criteria} <= set(CRITERION_IDS)


def test_steps_follow_the_criteria_found():
    assert steps_evidenced(EVERYTHING) == frozenset(range(1, 7))
    assert steps_evidenced({"risk_assessment": "found", "supplier_audits": "planned"}) == {2}
    assert steps_evidenced({"grievance_mechanism": "explicitly_not_done"}) == frozenset()


def test_a_disclosure_is_read_into_monitoring_verdicts():
    assessment = assess_text(
        "We endorse the OECD Guidelines for Multinational Enterprises. "
        "We are developing a training programme on human rights for our buyers. "
        "We do not currently conduct audits of our suppliers."
    )
    verdicts = monitoring_verdicts(assessment)
    assert verdicts["oecd_endorsement"] == "found"
    assert verdicts["training"] == "planned"
    assert verdicts["supplier_audits"] == "explicitly_not_done"
    assert verdicts["remediation"] == "not_found"
    assert endorses(verdicts)


def test_merging_keeps_the_strongest_verdict():
    merged = merge_verdicts([{"training": "planned"}, {"training": "found"}, {"training": "not_found"}])
    assert merged == {"training": "found"}


def test_nap_compliant_needs_every_element():
    assert nap_class(EVERYTHING) is NapClass.COMPLIANT
    without_grievance = EVERYTHING | {"grievance_mechanism": "not_found"}
    # No compensation: four perfect elements do not make up for a missing one.
    assert nap_class(without_grievance) is NapClass.NOT_COMPLIANT


def test_measures_need_an_effectiveness_check():
    measures_only = {"supplier_certification": "found"}
    assert nap_elements(measures_only)[NapElement.MEASURES] is ElementStatus.PARTIAL
    checked = {"supplier_certification": "found", "supplier_audits": "found"}
    assert nap_elements(checked)[NapElement.MEASURES] is ElementStatus.MET


def test_comply_or_explain_counts_as_met():
    explained = EVERYTHING | {"grievance_mechanism": "explained"}
    assert nap_elements(explained)[NapElement.GRIEVANCE_MECHANISM] is ElementStatus.EXPLAINED
    assert nap_class(explained) is NapClass.COMPLIANT


def test_implementation_plan_and_good_path():
    planned = EVERYTHING | {"grievance_mechanism": "planned", "public_reporting": "planned"}
    assert nap_class(planned) is NapClass.WITH_IMPLEMENTATION_PLAN
    partial = EVERYTHING | {"supplier_audits": "not_found", "grievance_mechanism": "planned"}
    assert nap_class(partial) is NapClass.ON_A_GOOD_PATH
    two_met = {"oecd_endorsement": "found", "risk_assessment": "found", "grievance_mechanism": "planned"}
    assert nap_class(two_met) is NapClass.NOT_COMPLIANT


def test_segments():
    assert segment(EVERYTHING) is Segment.FRONTRUNNERS
    assert segment({}) is Segment.LAGGARDS
    assert segment({"oecd_endorsement": "found"}) is Segment.PELOTON
    assert segment({"risk_assessment": "found", "supplier_audits": "found"}) is Segment.PELOTON
