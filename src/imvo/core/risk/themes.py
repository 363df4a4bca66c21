"""Risk themes: the kinds of adverse impact a scan looks for, and which datasets drive each.

The themes follow the harms of the OECD Guidelines for Multinational Enterprises on Responsible
Business Conduct (2023), chapters IV (human rights), V (employment and industrial relations),
VI (environment) and VII (combating bribery), and the OECD Due Diligence Guidance (2018). Their ids are
stable: a risk's identity in the register is supplier + good + country + theme, so an id never changes
(``docs/methodology.md`` lists them). A theme whose ``datasets`` is empty has no open dataset yet: a
scan says so, and finds nothing for it, which is not evidence that there is nothing to find.

ILAB themes carry a predicate over a listing (``flagged``); the others are raised by their evidence
source in :mod:`imvo.core.risk.assess`. Severity components are in :mod:`imvo.core.risk.parameters`.
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


# Dataset ids (as in the reference-data manifest) that themes name.
ILAB_LIST = "ilab-list-of-goods"
ILAB_FINDINGS = "ilab-child-labor-findings"
WGI = "wgi"
TIP = "us-tip-report"
EU_CMR = "eu-cmr-annex-i"


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    label_en: str
    label_nl: str
    #: True when the theme concerns children, so child-labour statistics inform its likelihood.
    concerns_children: bool
    #: True when the listing taints an input rather than the good itself.
    derived: bool
    #: For ILAB themes: whether a listing carries the theme. None for themes raised by other sources.
    flagged: Callable[[ListingFlags], bool] | None
    #: Reference datasets (manifest ids) that can raise the theme; empty: no open dataset yet.
    datasets: tuple[str, ...] = ()
    #: Where the harm is named in the OECD Guidelines (2023 edition, chapter) or Due Diligence Guidance.
    oecd: str = ""

    @property
    def covered(self) -> bool:
        return bool(self.datasets)


THEMES: tuple[Theme, ...] = (
    Theme(
        "forced_child_labour",
        "Forced child labour",
        "Gedwongen kinderarbeid",
        concerns_children=True,
        derived=False,
        flagged=lambda listing: listing.forced_child_labour,
        datasets=(ILAB_LIST, ILAB_FINDINGS),
        oecd="IV, V.1(c)-(d)",
    ),
    Theme(
        "forced_labour",
        "Forced labour and trafficking",
        "Dwangarbeid en mensenhandel",
        concerns_children=False,
        derived=False,
        flagged=lambda listing: listing.forced_labour,
        datasets=(ILAB_LIST, ILAB_FINDINGS, TIP),
        oecd="IV, V.1(d)",
    ),
    Theme(
        "child_labour",
        "Child labour",
        "Kinderarbeid",
        concerns_children=True,
        derived=False,
        flagged=lambda listing: listing.child_labour,
        datasets=(ILAB_LIST, ILAB_FINDINGS),
        oecd="IV, V.1(c)",
    ),
    Theme(
        "derived_labour_exploitation",
        "Derived labour exploitation (tainted inputs)",
        "Afgeleide arbeidsuitbuiting (besmette grondstoffen)",
        concerns_children=False,
        derived=True,
        flagged=lambda listing: listing.derived_labour_exploitation,
        datasets=(ILAB_LIST,),
        oecd="IV, V.1(c)-(d)",
    ),
    Theme(
        "freedom_of_association",
        "Freedom of association and collective bargaining",
        "Vrijheid van vereniging en collectief onderhandelen",
        concerns_children=False,
        derived=False,
        flagged=None,
        datasets=(WGI,),
        oecd="V.1(a)-(b)",
    ),
    Theme(
        "occupational_health_and_safety",
        "Occupational health and safety",
        "Veiligheid en gezondheid op het werk",
        concerns_children=False,
        derived=False,
        flagged=None,
        oecd="V.4(c)",
    ),
    Theme(
        "living_wage",
        "Living wage",
        "Leefbaar loon",
        concerns_children=False,
        derived=False,
        flagged=None,
        oecd="V.4(b)",
    ),
    Theme(
        "land_rights",
        "Land rights",
        "Landrechten",
        concerns_children=False,
        derived=False,
        flagged=None,
        oecd="IV (commentary: land tenure, indigenous peoples)",
    ),
    Theme(
        "deforestation_and_biodiversity",
        "Deforestation and biodiversity",
        "Ontbossing en biodiversiteit",
        concerns_children=False,
        derived=False,
        flagged=None,
        oecd="VI.1, VI.6(d)",
    ),
    Theme(
        "pollution_and_water",
        "Pollution and water",
        "Vervuiling en water",
        concerns_children=False,
        derived=False,
        flagged=None,
        oecd="VI.1, VI.6",
    ),
    Theme(
        "corruption_and_governance",
        "Corruption and governance",
        "Corruptie en bestuur",
        concerns_children=False,
        derived=False,
        flagged=None,
        datasets=(WGI,),
        oecd="VII",
    ),
    Theme(
        "conflict",
        "Conflict: 3TG minerals and conflict-affected areas",
        "Conflict: 3TG-mineralen en conflictgebieden",
        concerns_children=False,
        derived=False,
        flagged=None,
        datasets=(WGI, EU_CMR, ILAB_LIST),
        oecd="IV (commentary 40-41); OECD Due Diligence Guidance for Responsible Supply Chains of Minerals",
    ),
)

THEME_BY_ID: dict[str, Theme] = {theme.id: theme for theme in THEMES}
#: Themes whose evidence is an ILAB listing flag, in register order.
ILAB_THEMES: tuple[Theme, ...] = tuple(theme for theme in THEMES if theme.flagged is not None)
NO_THEME = "none"


def theme_label(theme_id: str, language: str = "en") -> str:
    """A theme's name in ``language`` ("nl" or "en"); an unknown id reads as its words."""
    theme = THEME_BY_ID.get(theme_id)
    if theme is None:
        return theme_id.replace("_", " ").capitalize()
    return theme.label_nl if language == "nl" else theme.label_en
