"""A result is versioned (rule set hash, facts hash) and two results can be compared."""

from __future__ import annotations

import json
from datetime import date

from imvo.core.obligations import CompanyProfile, diff, evaluate
from tests.core.test_obligations_support import confirm_value, edited_ruleset

SELLER = CompanyProfile(name="BV", country="NL", sells_to_dutch_end_users=True)


def test_same_facts_and_rules_give_no_changes():
    first = evaluate(SELLER, [], as_of=date(2026, 1, 1))
    second = evaluate(SELLER, [], as_of=date(2026, 1, 1))
    assert first.facts_hash == second.facts_hash
    assert diff(first, second) == []


def test_change_of_law_shows_status_and_deadline_changes():
    before = evaluate(SELLER, [], as_of=date(2028, 1, 1))
    ruleset = edited_ruleset("nl-wzk", lambda d: confirm_value(d, "commencement", "2027-07-01"))
    after = evaluate(SELLER, [], as_of=date(2028, 1, 1), ruleset=ruleset)
    kinds = {(c.kind, c.rule_id, c.obligation_id) for c in diff(before, after)}
    assert ("ruleset_version_changed", "*", None) in kinds
    assert ("status_changed", "nl-wzk", None) in kinds
    assert ("deadline_changed", "nl-wzk", "nl-wzk-4-declaration") in kinds
    assert ("facts_hash_changed", "*", None) not in kinds


def test_change_of_facts_shows_new_obligations():
    before = evaluate(
        CompanyProfile(
            name="GmbH", country="DE", employees_in_germany=900, temp_workers_in_germany_over_six_months=0
        ),
        [],
        as_of=date(2025, 1, 1),
    )
    after = evaluate(
        CompanyProfile(
            name="GmbH", country="DE", employees_in_germany=1000, temp_workers_in_germany_over_six_months=0
        ),
        [],
        as_of=date(2025, 1, 1),
    )
    changes = diff(before, after)
    assert ("facts_hash_changed", "*") in {(c.kind, c.rule_id) for c in changes}
    added = [c.obligation_id for c in changes if c.kind == "obligation_added"]
    assert "de-lksg-5-risk-analysis" in added


def test_diff_accepts_a_stored_json_result():
    before = evaluate(SELLER, [], as_of=date(2026, 1, 1))
    stored = json.loads(json.dumps(before.to_dict()))
    after = evaluate(
        CompanyProfile(name="BV", country="NL", sells_to_dutch_end_users=False), [], as_of=date(2026, 1, 1)
    )
    changes = diff(stored, after)
    assert any(c.kind == "status_changed" and c.rule_id == "nl-wzk" for c in changes)
    assert any(c.kind == "obligation_removed" and c.obligation_id == "nl-wzk-5-investigate" for c in changes)


def test_result_is_plain_json_with_stable_ids():
    data = evaluate(SELLER, None, as_of=date(2026, 1, 1)).to_dict()
    text = json.dumps(data)
    assert json.loads(text)["format"] == "imvo.obligations/1"
    assert [o["rule_id"] for o in data["outcomes"]] == [
        "de-lksg",
        "eu-cmr",
        "eu-csddd",
        "nl-imvo-support-check",
        "nl-isv",
        "nl-wzk",
    ]


def test_obligations_point_to_the_register_records_that_meet_them():
    profile = CompanyProfile(name="BV", applies_for_government_support=True)
    register = {"oecd_endorsement": True, "risk_analysis_date": date(2026, 3, 1)}
    support = evaluate(profile, [], as_of=date(2026, 11, 25), register=register).outcome(
        "nl-imvo-support-check"
    )
    evidence = {o.id: o.to_dict()["evidence"] for o in support.obligations}
    assert evidence["nl-imvo-support-endorse"] == {"oecd_endorsement": True}
    assert evidence["nl-imvo-support-risk-analysis"] == {
        "risk_analysis_date": "2026-03-01",
        "measures_count": None,
    }
