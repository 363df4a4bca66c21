"""The adapter from the register to the engine's register facts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from imvo.web.obligations import actions
from imvo.web.obligations.register_facts import register_facts
from imvo.web.register import actions as register_actions
from imvo.web.register.models import Measure, SeverityJudgement

pytestmark = pytest.mark.django_db


def test_an_empty_register_shows_nothing_and_never_claims_no(acme):
    facts = register_facts(acme, None)
    assert facts.values["oecd_endorsement"] is None  # not shown, not "no"
    assert facts.values["risk_analysis_date"] is None
    assert facts.values["measures_count"] == 0
    assert facts.values["child_labour_reasonable_suspicion"] is None
    assert facts.links["oecd_endorsement"][0].url == reverse("register:policy", kwargs={"org": "acme"})


def test_only_a_policy_that_endorses_the_oecd_guidelines_counts(acme, alice):
    register_actions.create_policy(alice, acme, {"title": "Code of conduct"})
    assert register_facts(acme, None).values["oecd_endorsement"] is None
    register_actions.create_policy(alice, acme, {"title": "RBC policy", "endorses_oecd_guidelines": True})
    facts = register_facts(acme, None)
    assert facts.values["oecd_endorsement"] is True
    assert facts.links["oecd_endorsement"][0].label == "RBC policy"


def test_risk_analysis_date_is_the_latest_judgement_and_cancelled_measures_do_not_count(acme, alice):
    risk = register_actions.create_manual_risk(alice, acme, {"title": "Overtime", "area": "own_operations"})
    register_actions.judge_severity(alice, acme, risk, {"severity": 3, "rationale": "Works council"})
    SeverityJudgement.objects.filter(organisation=acme).update(
        created_at=dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    )
    for status in ("planned", "cancelled"):
        register_actions.add_measure(
            alice, acme, risk, {"kind": "prevent", "description": status, "owner": "HR", "status": status}
        )
    assert Measure.objects.filter(organisation=acme).count() == 2
    facts = register_facts(acme, None)
    assert facts.values["risk_analysis_date"] == "2026-03-01"
    assert facts.values["measures_count"] == 1


def test_the_child_labour_investigation_comes_from_the_profile(acme, alice, other_organisation):
    profile = actions.update_profile(
        alice,
        acme,
        {"child_labour_reasonable_suspicion": True, "child_labour_action_plan_date": dt.date(2026, 5, 1)},
    )
    facts = register_facts(acme, profile)
    assert facts.values["child_labour_reasonable_suspicion"] is True
    assert facts.values["child_labour_action_plan_date"] == "2026-05-01"
    # Another organisation's register is never read.
    register_actions.create_policy(alice, acme, {"title": "RBC", "endorses_oecd_guidelines": True})
    assert register_facts(other_organisation, None).values["oecd_endorsement"] is None
