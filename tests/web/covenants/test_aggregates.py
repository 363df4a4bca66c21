"""The core rules: a minimum of members per cell, and no differencing between a filter and the whole."""

from __future__ import annotations

from typing import Any

import pytest

from imvo.core.covenants import Contribution, aggregate, filtered_aggregate


def test_a_cell_needs_the_minimum_number_of_distinct_members():
    rows = [Contribution(1, "BD"), Contribution(1, "BD"), Contribution(2, "BD"), Contribution(3, "VN")]
    assert aggregate(rows, 3) == ([], 2)
    rows.append(Contribution(3, "BD"))
    cells, withheld = aggregate(rows, 3)
    assert [(cell.key, cell.members) for cell in cells] == [("BD", 3)]
    assert withheld == 1


def test_the_minimum_cannot_be_set_below_three():
    with pytest.raises(ValueError, match="at least 3"):
        aggregate([], 2)


def test_a_filtered_cell_is_withheld_when_the_difference_would_single_out_a_member():
    # cotton: members 1-3 in BD, member 4 only in TR. Unfiltered: 4; BD: 3; the difference is member 4.
    rows = [Contribution(m, "cotton", "BD") for m in (1, 2, 3)] + [Contribution(4, "cotton", "TR")]
    assert [(c.key, c.members) for c in aggregate(rows, 3)[0]] == [("cotton", 4)]
    assert filtered_aggregate(rows, "BD", 3) == ([], 1)
    # With three members only in TR the difference is a group of three again: shown.
    rows += [Contribution(m, "cotton", "TR") for m in (5, 6)]
    cells, _withheld = filtered_aggregate(rows, "BD", 3)
    assert [(c.key, c.members) for c in cells] == [("cotton", 3)]


def test_a_member_in_both_scopes_does_not_count_as_a_difference():
    rows = [Contribution(m, "cotton", "BD") for m in (1, 2, 3)] + [Contribution(1, "cotton", "TR")]
    cells, _withheld = filtered_aggregate(rows, "BD", 3)
    assert [(c.key, c.members) for c in cells] == [("cotton", 3)]


def _records(states: tuple[str, ...]) -> list[Any]:
    """Member m (1-based) uses the locations whose number has bit m set; ``states[m-1]`` is "off",
    "unnamed" or "named"."""
    from imvo.core.covenants import LocationRecord

    return [
        LocationRecord(
            member=member,
            key=f"BD|{location}",
            name=f"Mill {location}",
            country="BD",
            member_name=f"Member {member}" if state == "named" else "",
        )
        for member, state in enumerate(states, start=1)
        if state != "off"
        for location in range(1, 32)
        if location >> (member - 1) & 1
    ]


def test_no_location_without_a_name_can_be_traced_to_one_member_by_elimination():
    """Every way five members can publish (not, without or with their name): on every listed location
    that shows no name, each member (and an outsider) still has at least two members it could be."""
    from itertools import product

    from imvo.core.covenants import merge_locations, publishable

    for states in product(("off", "unnamed", "named"), repeat=5):
        listable = publishable(_records(states), 3)
        locations = merge_locations(listable.records)
        named = {f"Member {m}" for m, state in enumerate(states, start=1) if state == "named"}
        unnamed_listed = {r.member for r in listable.records if not r.member_name}
        assert len(unnamed_listed) in {0} | set(range(3, 6)), states
        assert listable.unnamed_withheld == (
            sum(1 for state in states if state == "unnamed") if not unnamed_listed else 0
        )
        assert {r.member_name for r in listable.records if r.member_name} == named  # named: all listed
        for location in locations:
            if location.named_members:
                continue  # an unnamed member may be there too, or not: nothing to eliminate
            for attacker in (None, 1, 2, 3, 4, 5):
                assert len(unnamed_listed - {attacker}) >= 2, (states, location.key, attacker)


def test_the_list_rule_needs_a_minimum_of_three():
    from imvo.core.covenants import publishable

    with pytest.raises(ValueError, match="at least 3"):
        publishable([], 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Een klacht over de kleding van Kleding Een B.V. in Dhaka; kleding een bv zegt een fabriek.",
            "Een klacht over de kleding van […] in Dhaka; […] zegt een fabriek.",
        ),
        ("KLEDING  EEN heeft een plan.", "[…] heeft een plan."),
        ("Kleding Eenvoud en Kleding Een, coördinator", "Kleding Eenvoud en […], coördinator"),
    ],
)
def test_a_members_name_is_redacted_as_a_whole_not_word_by_word(text, expected):
    from imvo.core.covenants import redact_company

    assert redact_company(text, "Kleding Een B.V.") == expected


def test_a_short_name_without_its_legal_form_is_not_blanked_everywhere():
    from imvo.core.covenants import redact_company

    assert (
        redact_company("Een B.V. heeft een plan; Een klacht.", "Een B.V.")
        == "[…] heeft een plan; Een klacht."
    )
    assert redact_company("Zara deed het, zara b.v. ook.", "Zara B.V.") == "[…] deed het, […] ook."
