"""The core rules: a minimum of members per cell, and no differencing between a filter and the whole."""

from __future__ import annotations

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
