"""One register, one answer: the dashboard, the obligations, the monitor and the published report read
the same facts with the same definitions (imvo.core.register.facts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from imvo.core.monitoring.criteria_sets import FOUND, NOT_FOUND
from imvo.web.monitoring.register_source import verdicts_from_register
from imvo.web.obligations.register_facts import register_facts as obligation_facts
from imvo.web.register import actions, maturity
from imvo.web.register.report import build_report_content

ENDORSE_ACTION = "Endorse the OECD Guidelines and the UN Guiding Principles explicitly."


def _answers(organisation: Any) -> dict[str, Any]:
    steps = maturity.assess(organisation)  # step 1's levels 1 and 2 hold in both states below
    assert steps[0].level >= 2
    report = build_report_content(organisation, title="t", version=1, published_at=timezone.now())
    verdicts, _evidence = verdicts_from_register(organisation)
    return {
        "dashboard_endorses": ENDORSE_ACTION not in {str(action.text) for action in steps[0].next_actions},
        "obligations_endorses": obligation_facts(organisation, None).values["oecd_endorsement"] is True,
        "monitor_endorses": verdicts["oecd_endorsement"] == FOUND,
        "report_endorses": bool(report["policy"] and report["policy"]["endorses_oecd_guidelines"]),
        "dashboard_measures": steps[2].level > 0,
        "obligations_measures": obligation_facts(organisation, None).values["measures_count"] > 0,
        "monitor_grievance": verdicts["grievance_mechanism"],
    }


def test_dashboard_obligations_monitor_and_report_agree(acme: Any, alice: Any) -> None:
    older = actions.create_policy(
        alice,
        acme,
        {"title": "Policy 2020", "adopted_on": dt.date(2020, 1, 1), "endorses_oecd_guidelines": True},
    )
    current = actions.create_policy(
        alice,
        acme,
        {
            "title": "Policy 2025",
            "adopted_on": dt.date(2025, 1, 1),
            "board_approved_on": dt.date(2025, 2, 1),
            "responsible_officer": "CSR officer",
            "management_system": "Customer complaints are handled by our service desk.",
        },
    )
    risk = actions.create_manual_risk(alice, acme, {"title": "Overtime", "area": "own_operations"})
    actions.add_measure(
        alice, acme, risk, {"kind": "prevent", "description": "d", "owner": "o", "status": "cancelled"}
    )
    # The replaced policy's endorsement, a cancelled measure and customer complaints count nowhere.
    assert _answers(acme) == {
        "dashboard_endorses": False,
        "obligations_endorses": False,
        "monitor_endorses": False,
        "report_endorses": False,
        "dashboard_measures": False,
        "obligations_measures": False,
        "monitor_grievance": NOT_FOUND,
    }
    assert older.endorses_oecd_guidelines
    actions.update_policy(
        alice,
        acme,
        current,
        {
            "board_approved_on": dt.date(2025, 2, 1),
            "responsible_officer": "CSR officer",
            "endorses_oecd_guidelines": True,
            "endorses_ungps": True,
            "management_system": "Workers in our supply chain can use our grievance mechanism.",
        },
    )
    actions.add_measure(alice, acme, risk, {"kind": "prevent", "description": "d", "owner": "o"})
    assert _answers(acme) == {
        "dashboard_endorses": True,
        "obligations_endorses": True,
        "monitor_endorses": True,
        "report_endorses": True,
        "dashboard_measures": True,
        "obligations_measures": True,
        "monitor_grievance": FOUND,
    }
