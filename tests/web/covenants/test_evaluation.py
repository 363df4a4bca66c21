"""The evaluation figures when a member leaves: the levels per OECD step (from the members' registers)
leave it out at once; the figures per year keep it for the years it was a member."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from imvo.web.covenants import actions, evaluation, queries

pytestmark = pytest.mark.django_db


def _counted(figures: dict[str, Any]) -> set[int]:
    """The number of plans counted per step (the same for every step)."""
    return {sum(share["count"] for share in row["shares"]) for row in figures["levels"]}


def _approve(covenant: Any, member: dict[str, Any], year: int, alice: Any, dave: Any) -> None:
    assessment = actions.submit_plan(member["owner"], member["company"], member["party"], year)
    verdicts = {str(c.pk): {"verdict": "met", "reason": "ok"} for c in queries.criteria(covenant)}
    actions.propose_assessment(alice, assessment, verdicts, [])
    actions.decide_assessment(dave, assessment, True, "ok")


def test_a_member_that_leaves_drops_out_of_the_levels_per_step(covenant, members, alice, client_for):
    today = timezone.localdate()
    for member in members[:3]:
        actions.submit_plan(member["owner"], member["company"], member["party"], today.year)
    before = evaluation.figures(covenant)
    assert before["latest_year"] == today.year
    assert _counted(before) == {3}
    actions.party_leaves(alice, covenant, members[0]["party"], today)
    after = evaluation.figures(covenant)
    assert _counted(after) == {2}
    assert all(share["share"] == share["count"] / 2 for row in after["levels"] for share in row["shares"])
    # Members over time: the years it was a member keep it; this year it is gone.
    over_time = {row["year"]: row["members"] for row in after["members_over_time"]}
    assert over_time[2024] == 5
    assert over_time[today.year] == 4
    page = client_for(alice).get(reverse("covenants:evaluation", kwargs={"org": covenant.slug}))
    assert page.status_code == 200
    assert "a member that left is no longer counted" in page.content.decode()


def test_the_levels_of_a_past_latest_year_leave_out_a_member_that_has_since_left(covenant, members, alice):
    today = timezone.localdate()
    last_year = today.year - 1
    for member in members[:2]:
        actions.submit_plan(member["owner"], member["company"], member["party"], last_year)
    assert _counted(evaluation.figures(covenant)) == {2}
    actions.party_leaves(alice, covenant, members[0]["party"], today)
    figures = evaluation.figures(covenant)
    assert figures["latest_year"] == last_year
    assert _counted(figures) == {1}
    # Everyone leaves: no levels at all (not the plans of former members).
    for member in members[1:]:
        actions.party_leaves(alice, covenant, member["party"], today)
    assert evaluation.figures(covenant)["levels"] == []


def test_the_figures_per_year_keep_a_member_for_the_years_it_was_one(covenant, members, alice, dave):
    today = timezone.localdate()
    last_year = today.year - 1
    for year in (last_year, today.year):
        for member in members[:2]:
            _approve(covenant, member, year, alice, dave)
    assert evaluation.figures(covenant)["assessed"] == 4
    actions.party_leaves(alice, covenant, members[0]["party"], today)
    progress = evaluation.progress_per_member(covenant)
    assert progress["years"] == [last_year, today.year]
    assert [(cell["met"], cell["total"]) for cell in progress["totals"]] == [(12, 12), (6, 6)]
    cells = {row["party"].pk: row["cells"] for row in progress["rows"]}
    assert [cell["met"] for cell in cells[members[0]["party"].pk]] == [6, None]
    assert evaluation.figures(covenant)["assessed"] == 3
    over_time = {row["year"]: row["members"] for row in evaluation.figures(covenant)["members_over_time"]}
    assert (over_time[last_year], over_time[today.year]) == (5, 4)


def test_a_member_joining_later_this_year_is_not_yet_counted(covenant, alice):
    import datetime as dt

    today = timezone.localdate()
    actions.add_party(alice, covenant, {"kind": "company", "name": "Early", "joined_on": dt.date(2024, 1, 1)})
    actions.add_party(
        alice, covenant, {"kind": "company", "name": "Later", "joined_on": today + dt.timedelta(days=1)}
    )
    over_time = {row["year"]: row["members"] for row in evaluation.figures(covenant)["members_over_time"]}
    assert over_time[today.year] == 1
