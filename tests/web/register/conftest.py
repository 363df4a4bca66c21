"""Register fixtures: a small register for Acme, built through the actions like a user would."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

SUPPLIER_CSV = (
    "supplier,country,product,spend\n"
    "Cacao Coop,Ivory Coast,cocoa beans,125000\n"
    "Brick Works,India,bricks,8000\n"
    "Textiel BV,Nederland,cotton t-shirts,4300\n"
)


@pytest.fixture
def supplier_csv(tmp_path: Path) -> Path:
    path = tmp_path / "suppliers.csv"
    path.write_text(SUPPLIER_CSV, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def media_root(tmp_path: Path, settings: Any) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def register(acme: Any, alice: Any) -> dict[str, Any]:
    """A manual risk with a judgement, a measure with an indicator and a follow-up, a remediation."""
    from imvo.web.register import actions

    risk = actions.create_manual_risk(
        alice,
        acme,
        {
            "title": "Excessive overtime at the Rotterdam warehouse",
            "area": "own_operations",
            "country": "NL",
            "likelihood": 50,
            "severity": 50,
            "salience": 50,
        },
    )
    judgement = actions.judge_severity(
        alice,
        acme,
        risk,
        {"severity": 3, "scale": 3, "scope": 2, "irremediability": 2, "rationale": "Works council report"},
    )
    measure = actions.add_measure(
        alice,
        acme,
        risk,
        {
            "kind": "prevent",
            "description": "Roster review",
            "owner": "HR",
            "status": "in_progress",
            "due_on": dt.date(2030, 1, 1),
            "cost": Decimal("1500.00"),
        },
    )
    indicator = actions.add_indicator(
        alice, acme, measure, {"name": "Overtime hours per week", "target": "< 4"}
    )
    follow_up = actions.record_follow_up(
        alice, acme, measure, {"kind": "kpi", "planned_on": dt.date(2030, 2, 1), "indicator": indicator}
    )
    remediation = actions.record_remediation(
        alice,
        acme,
        risk,
        {"description": "Overtime paid at 150%", "status": "provided", "confidential": False},
    )
    engagement = actions.log_stakeholder_engagement(
        alice,
        acme,
        {"held_on": dt.date(2025, 3, 1), "stakeholder": "Works council", "summary": "Overtime", "risk": risk},
    )
    policy = actions.create_policy(alice, acme, {"title": "RBC policy"})
    return {
        "risk": risk,
        "judgement": judgement,
        "measure": measure,
        "indicator": indicator,
        "follow_up": follow_up,
        "remediation": remediation,
        "engagement": engagement,
        "policy": policy,
    }
