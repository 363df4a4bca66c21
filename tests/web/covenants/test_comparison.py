"""Members compared with the rest of a monitor's population: only with the monitor's consent, only
aggregates of at least the covenant's minimum number of companies."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from imvo.web.covenants import actions
from imvo.web.covenants.comparison import comparison
from imvo.web.monitoring.models import CompanyAssessment, MonitoredCompany, MonitoringRound
from imvo.web.organisations.models import Membership, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def monitor(charlie: Any) -> Organisation:
    organisation = Organisation.objects.create(name="Ministry", slug="ministry", kind="monitor")
    Membership.objects.create(user=charlie, organisation=organisation, role="owner")
    return organisation


def _assess(
    monitor: Organisation, round_: MonitoringRound, name: str, platform: Any, endorses: bool, steps: int
) -> None:
    company = MonitoredCompany.objects.create(organisation=monitor, name=name, platform_organisation=platform)
    CompanyAssessment.objects.create(
        organisation=monitor,
        monitoring_round=round_,
        company=company,
        source="disclosure",
        endorses=endorses,
        steps=steps,
    )


@pytest.fixture
def population(monitor: Organisation, members: list[dict[str, Any]]) -> MonitoringRound:
    round_ = MonitoringRound.objects.create(organisation=monitor, name="2025")
    MonitoringRound.objects.create(organisation=monitor, name="2023")
    for member in members[:3]:  # three members assessed by the monitor: endorsing, steps 1 and 2
        _assess(monitor, round_, member["company"].name, member["company"], True, 0b11)
    for number in range(4):  # four others: one endorses, none has a step
        _assess(monitor, round_, f"Other {number}", None, number == 0, 0)
    return round_


def test_without_the_monitors_consent_there_is_no_comparison(covenant, population):
    assert comparison(covenant) is None


def test_the_groups_are_compared_on_the_monitors_own_measures(covenant, monitor, population, charlie):
    actions.share_population(charlie, monitor, covenant)
    result = comparison(covenant)
    assert result["round"] == population
    assert (result["members"].companies, result["others"].companies) == (3, 4)
    endorses, step_1, step_2, step_3 = result["lines"][:4]
    assert (endorses["members"], endorses["others"]) == (1.0, 0.25)
    assert (step_1["members"], step_2["members"], step_3["members"]) == (1.0, 1.0, 0.0)
    assert step_1["others"] == 0.0


def test_a_group_below_the_minimum_is_not_shown_and_stopping_ends_it(
    covenant, monitor, population, members, charlie, alice, client_for
):
    from imvo.web.covenants import queries

    share = actions.share_population(charlie, monitor, covenant)
    actions.revoke_consent(members[0]["owner"], queries.consent_of(members[0]["company"], covenant))
    actions.party_leaves(alice, covenant, members[0]["party"], members[0]["party"].joined_on)
    result = comparison(covenant)
    assert result["members"].companies == 2
    assert not result["members"].shown
    page = (
        client_for(alice).get(reverse("covenants:evaluation", kwargs={"org": covenant.slug})).content.decode()
    )
    assert "Members (2 companies)" in page
    actions.stop_sharing_population(charlie, share)
    assert comparison(covenant) is None


def test_only_the_monitors_owner_shares_its_population(covenant, monitor, charlie, client_for):
    from imvo.web.accounts.models import User

    viewer = User.objects.create_user_with_email("viewer@example.org", "x" * 20)
    Membership.objects.create(user=viewer, organisation=monitor, role="viewer")
    url = reverse("covenants:population_share", kwargs={"org": monitor.slug})
    assert client_for(viewer).post(url, {"covenant": covenant.slug}).status_code == 403
    assert client_for(charlie).post(url, {"covenant": covenant.slug}).status_code == 302
    assert comparison(covenant) == {"monitor": monitor, "round": None}
