"""Counting members per cell, and withholding every cell that could point at one member.

A *contribution* says "member M has key K" (a country, a good, a theme, a production location),
optionally within a *scope* (the country a good comes from). A *cell* is one key with the number of
distinct members that have it. Rules (documented in ``docs/covenants.md``):

1. A cell is shown only when at least ``minimum`` distinct members have it (never fewer than
   :data:`MINIMUM_MEMBERS_PER_CELL`). Volumes (spend, quantities) are never counted, only members.
2. A filtered cell (key K within scope S) is shown only when the filtered count passes rule 1 **and**
   the members that have K only outside S are either none or at least ``minimum``. Otherwise the
   difference between the unfiltered and the filtered view would single out fewer than ``minimum``
   members (the *differencing* attack).

A member looking at a cell of ``minimum`` members knows at most its own part: at least
``minimum - 1`` others stay indistinguishable.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

#: The smallest minimum a covenant may set: with three, a member who sees a cell still cannot tell
#: which of the (at least two) others it is about.
MINIMUM_MEMBERS_PER_CELL = 3


@dataclass(frozen=True)
class Contribution:
    member: int
    key: str
    scope: str = ""


@dataclass(frozen=True)
class Cell:
    key: str
    members: int


def _checked(minimum: int) -> int:
    if minimum < MINIMUM_MEMBERS_PER_CELL:
        raise ValueError(f"A cell needs at least {MINIMUM_MEMBERS_PER_CELL} members, not {minimum}.")
    return minimum


def _members_per_key(contributions: Iterable[Contribution]) -> dict[str, set[int]]:
    members: dict[str, set[int]] = defaultdict(set)
    for contribution in contributions:
        if contribution.key:
            members[contribution.key].add(contribution.member)
    return members


def _sorted(cells: list[Cell]) -> list[Cell]:
    return sorted(cells, key=lambda cell: (-cell.members, cell.key))


def aggregate(contributions: Iterable[Contribution], minimum: int) -> tuple[list[Cell], int]:
    """The cells at or above ``minimum`` members (most members first) and how many were withheld."""
    minimum = _checked(minimum)
    members = _members_per_key(contributions)
    shown = [Cell(key, len(who)) for key, who in members.items() if len(who) >= minimum]
    return _sorted(shown), len(members) - len(shown)


def filtered_aggregate(
    contributions: Iterable[Contribution], scope: str, minimum: int
) -> tuple[list[Cell], int]:
    """The cells within ``scope`` that rules 1 and 2 allow, and how many within it were withheld."""
    minimum = _checked(minimum)
    rows = list(contributions)
    everywhere = _members_per_key(rows)
    inside = _members_per_key(row for row in rows if row.scope == scope)
    shown: list[Cell] = []
    for key, who in inside.items():
        only_outside = len(everywhere[key] - who)
        if len(who) >= minimum and (only_outside == 0 or only_outside >= minimum):
            shown.append(Cell(key, len(who)))
    return _sorted(shown), len(inside) - len(shown)
