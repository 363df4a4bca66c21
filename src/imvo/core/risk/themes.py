"""Risk themes: which reference fact raises which theme.

A theme is a kind of adverse impact. New themes plug in by adding a :class:`Theme` to ``THEMES``
with a predicate over an ILAB listing (or, for other datasets, a new evidence source in
:mod:`imvo.core.risk.assess`) and severity components in :mod:`imvo.core.risk.parameters`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


class ListingFlags(Protocol):
    @property
    def child_labour(self) -> bool: ...
    @property
    def forced_labour(self) -> bool: ...
    @property
    def forced_child_labour(self) -> bool: ...
    @property
    def derived_labour_exploitation(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    label_en: str
    label_nl: str
    #: True when the theme concerns children, so child-labour statistics inform its likelihood.
    concerns_children: bool
    #: True when the listing taints an input rather than the good itself.
    derived: bool
    flagged: Callable[[ListingFlags], bool]


THEMES: tuple[Theme, ...] = (
    Theme(
        "forced_child_labour",
        "Forced child labour",
        "Gedwongen kinderarbeid",
        concerns_children=True,
        derived=False,
        flagged=lambda listing: listing.forced_child_labour,
    ),
    Theme(
        "forced_labour",
        "Forced labour",
        "Dwangarbeid",
        concerns_children=False,
        derived=False,
        flagged=lambda listing: listing.forced_labour,
    ),
    Theme(
        "child_labour",
        "Child labour",
        "Kinderarbeid",
        concerns_children=True,
        derived=False,
        flagged=lambda listing: listing.child_labour,
    ),
    Theme(
        "derived_labour_exploitation",
        "Derived labour exploitation (tainted inputs)",
        "Afgeleide arbeidsuitbuiting (besmette grondstoffen)",
        concerns_children=False,
        derived=True,
        flagged=lambda listing: listing.derived_labour_exploitation,
    ),
)

THEME_BY_ID: dict[str, Theme] = {theme.id: theme for theme in THEMES}
NO_THEME = "none"


def theme_label(theme_id: str, language: str = "en") -> str:
    """A theme's name in ``language`` ("nl" or "en"); an unknown id reads as its words."""
    theme = THEME_BY_ID.get(theme_id)
    if theme is None:
        return theme_id.replace("_", " ").capitalize()
    return theme.label_nl if language == "nl" else theme.label_en
