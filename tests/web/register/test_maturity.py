"""The maturity levels follow from the register (docs/maturity.md describes the same rules)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from imvo.web.register import actions, maturity


def levels(organisation: Any) -> dict[int, int]:
    return {step.number: step.level for step in maturity.assess(organisation)}


def test_an_empty_register_is_not_started_and_points_to_the_first_actions(acme: Any) -> None:
    steps = maturity.assess(acme)
    assert [step.level for step in steps] == [0, 0, 0, 0, 0, 0]
    assert all(step.next_actions for step in steps)
    assert "/o/acme/policy/" in steps[0].next_actions[0].url
    assert "/o/acme/scans/" in steps[1].next_actions[0].url


def test_policy_levels(acme: Any, alice: Any) -> None:
    policy = actions.create_policy(alice, acme, {"title": "RBC policy"})
    assert levels(acme)[1] == 1
    actions.update_policy(
        alice,
        acme,
        policy,
        {
            "adopted_on": dt.date(2024, 1, 1),
            "board_approved_on": dt.date(2024, 1, 15),
            "responsible_officer": "CFO",
        },
    )
    assert levels(acme)[1] == 2
    step = maturity.assess(acme)[0]
    assert {str(action.text) for action in step.next_actions} == {
        "Endorse the OECD Guidelines and the UN Guiding Principles explicitly.",
        "Link the public evidence of the endorsement.",
        "Describe the management system: roles, procedures, training, contracts.",
    }
    actions.update_policy(
        alice,
        acme,
        policy,
        {
            "endorses_oecd_guidelines": True,
            "endorses_ungps": True,
            "endorsement_evidence_url": "https://example.org/rbc",
            "management_system": "Supplier code of conduct in every contract.",
        },
    )
    assert levels(acme)[1] == 3
    assert maturity.assess(acme)[0].next_actions == []


def test_identify_track_and_remedy_levels_rise_with_recorded_work(
    register: dict[str, Any], acme: Any, alice: Any
) -> None:
    # The fixture: one manual risk, judged, with a measure in progress, an indicator, a planned follow-up,
    # remediation provided and an engagement in 2025.
    result = levels(acme)
    assert result[2] == 1  # risks identified, but no scan yet
    assert result[3] == 2  # the only open risk has a measure; nothing done yet
    assert result[4] == 1  # tracking started, no follow-up carried out
    assert result[6] == 2  # remedy provided, not verified
    actions.update_follow_up(alice, acme, register["follow_up"], {"done_on": timezone.localdate()})
    actions.update_measure(alice, acme, register["measure"], {"status": "done"})
    actions.update_remediation(alice, acme, register["remediation"], {"status": "verified"})
    result = levels(acme)
    assert (result[3], result[4], result[6]) == (3, 3, 3)


def test_overdue_work_holds_steps_3_and_4_back(register: dict[str, Any], acme: Any, alice: Any) -> None:
    actions.update_follow_up(alice, acme, register["follow_up"], {"done_on": dt.date(2024, 1, 1)})
    actions.update_measure(alice, acme, register["measure"], {"status": "done"})
    other = actions.add_measure(
        alice,
        acme,
        register["risk"],
        {"kind": "cease", "description": "d", "owner": "o", "due_on": dt.date(2020, 1, 1)},
    )
    actions.record_follow_up(alice, acme, other, {"kind": "visit", "planned_on": dt.date(2020, 6, 1)})
    result = levels(acme)
    assert result[3] == 2
    assert result[4] == 2
    texts = {str(action.text) for step in maturity.assess(acme) for action in step.next_actions}
    assert "Deal with the overdue measures." in texts
    assert "Carry out or reschedule the overdue follow-ups." in texts


def test_reporting_level_depends_on_age_and_the_latest_scan(
    register: dict[str, Any], acme: Any, alice: Any
) -> None:
    assert levels(acme)[5] == 0
    actions.publish_report(alice, acme, "Report")
    assert levels(acme)[5] == 3  # recent, and no scan has finished since
