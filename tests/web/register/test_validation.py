"""Validation users expect in the register (issue 10, part 5): consistent severity, no future "done"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone, translation

from imvo.web.register import scales
from imvo.web.register.forms import FollowUpForm, SeverityJudgementForm
from imvo.web.register.models import FollowUp, SeverityJudgement

pytestmark = pytest.mark.django_db


def _judgement(severity: int, scale: int | str, scope: int | str, irremediability: int | str) -> Any:
    return SeverityJudgementForm(
        data={
            "severity": severity,
            "scale": scale,
            "scope": scope,
            "irremediability": irremediability,
            "rationale": "Audit report",
        }
    )


def test_the_implied_level_follows_the_scans_formula():
    assert scales.implied_severity_level(1, 1, 1) == 1
    assert scales.implied_severity_level(3, 3, 3) == 3
    assert scales.implied_severity_level(5, 5, 5) == 5
    assert scales.implied_severity_level(4, 3, 4) == 4  # child labour in the methodology: 67 → 4


@pytest.mark.parametrize(
    ("severity", "components"),
    [(1, (5, 5, 5)), (5, (1, 1, 1)), (2, (4, 4, 4)), (5, (2, 2, 2))],
)
def test_an_overall_severity_contradicting_its_components_is_refused(severity, components):
    form = _judgement(severity, *components)
    assert not form.is_valid()
    message = form.errors["severity"][0]
    assert "contradicts them" in message
    implied = scales.implied_severity_level(*components)
    assert f"imply severity {implied}" in message


@pytest.mark.parametrize(
    ("severity", "components"),
    [(5, (5, 5, 5)), (4, (5, 5, 5)), (3, (3, 2, 2)), (1, (1, 2, 1)), (2, (1, 1, 1))],
)
def test_a_severity_within_one_level_of_its_components_is_accepted(severity, components):
    assert _judgement(severity, *components).is_valid()


def test_without_all_three_components_any_overall_severity_is_accepted():
    assert _judgement(1, 5, 5, "").is_valid()
    assert _judgement(5, "", "", "").is_valid()


def test_the_refusal_and_the_rule_are_in_dutch_too():
    with translation.override("nl"):
        form = _judgement(1, 5, 5, 5)
        assert not form.is_valid()
        assert "in tegenspraak" in form.errors["severity"][0]
        assert "hoogstens 1 niveau" in str(form.fields["severity"].help_text)


def test_the_judge_view_stores_nothing_for_a_contradiction(register: dict[str, Any], alice, client_for):
    risk = register["risk"]
    before = SeverityJudgement.objects.count()
    response = client_for(alice).post(
        f"/o/acme/risks/{risk.pk}/judge/",
        {"severity": 1, "scale": 5, "scope": 5, "irremediability": 5, "rationale": "x"},
    )
    assert response.status_code in {200, 400}  # the form again, with its error
    assert "contradicts them" in response.content.decode()
    assert SeverityJudgement.objects.count() == before


def test_a_follow_up_done_in_the_future_is_refused():
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    form = FollowUpForm(data={"kind": "audit", "planned_on": "2030-01-01", "done_on": tomorrow.isoformat()})
    assert not form.is_valid()
    assert "cannot be in the future" in form.errors["done_on"][0]
    with translation.override("nl"):
        form = FollowUpForm(
            data={"kind": "audit", "planned_on": "2030-01-01", "done_on": tomorrow.isoformat()}
        )
        assert not form.is_valid()
        assert "kan niet in de toekomst liggen" in form.errors["done_on"][0]


def test_a_follow_up_done_today_or_earlier_is_accepted():
    for day in (timezone.localdate(), dt.date(2024, 5, 1)):
        form = FollowUpForm(data={"kind": "audit", "planned_on": "2030-01-01", "done_on": day.isoformat()})
        assert form.is_valid(), form.errors


def test_the_follow_up_view_stores_nothing_for_a_future_date(register: dict[str, Any], alice, client_for):
    measure = register["measure"]
    follow_up = register["follow_up"]
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    client = client_for(alice)
    created = client.post(
        f"/o/acme/measures/{measure.pk}/follow-ups/new/",
        {"kind": "audit", "planned_on": "2030-01-01", "done_on": tomorrow.isoformat()},
    )
    edited = client.post(
        f"/o/acme/follow-ups/{follow_up.pk}/edit/",
        {"kind": "kpi", "planned_on": "2030-02-01", "done_on": tomorrow.isoformat()},
    )
    for response in (created, edited):
        assert response.status_code in {200, 400}
        assert "cannot be in the future" in response.content.decode()
    assert FollowUp.objects.count() == 1
    follow_up.refresh_from_db()
    assert follow_up.done_on is None
