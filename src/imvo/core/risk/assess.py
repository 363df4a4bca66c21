"""From one resolved supplier row (country + matched good) to its findings, each citing its evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from imvo.core.risk import parameters as p
from imvo.core.risk.scoring import CountryIndicators, score
from imvo.core.risk.themes import NO_THEME, THEME_BY_ID, THEMES, ListingFlags, Theme


class Listing(ListingFlags, Protocol):
    @property
    def record_id(self) -> str: ...
    @property
    def good(self) -> str: ...
    @property
    def ilab_country_name(self) -> str: ...
    @property
    def derived_input_country_alpha2(self) -> str | None: ...
    @property
    def dataset_id(self) -> str: ...
    @property
    def edition(self) -> str: ...
    @property
    def source_url(self) -> str: ...


class CountryProfile(CountryIndicators, Protocol):
    @property
    def ilab_name(self) -> str: ...
    @property
    def webpage(self) -> str: ...
    @property
    def working_children_age_range(self) -> str | None: ...
    @property
    def dataset_id(self) -> str: ...
    @property
    def edition(self) -> str: ...


@dataclass(frozen=True, slots=True)
class FindingTemplate:
    """What a (country, product) resolution contributes to every supplier row that shares it."""

    theme: str
    basis: str  # listed | derived | country_context | none
    likelihood: int | None
    severity: int | None
    salience: int | None
    scale: int | None
    scope: int | None
    irremediability: int | None
    evidence: str
    source_url: str
    dataset_id: str
    edition: str
    record_id: str


def _country_context_text(country: CountryProfile) -> str:
    parts = []
    if country.working_children_share is not None:
        ages = f" aged {country.working_children_age_range}" if country.working_children_age_range else ""
        parts.append(f"{country.working_children_share:.1%} of children{ages} work")
    if country.advancement_level:
        parts.append(f"government effort: {country.advancement_level}")
    if country.labour_inspectors_meet_ilo_standard is False:
        parts.append("labour inspectorate below ILO advice")
    return "; ".join(parts)


def _listed_finding(theme: Theme, listing: Listing, country: CountryProfile | None) -> FindingTemplate:
    basis = "derived" if theme.derived else "listed"
    s = score(theme, basis, country)
    flag = theme.id.replace("_", " ")
    text = (
        f"ILAB List of Goods {listing.edition}: {listing.good} from {listing.ilab_country_name} "
        f"is listed for {flag}"
    )
    if theme.derived and listing.derived_input_country_alpha2:
        text += f" (input produced in {listing.derived_input_country_alpha2})"
    text += f" [record '{listing.record_id}']"
    if country is not None and (context := _country_context_text(country)):
        text += f". Country context (ILAB Findings {country.edition}): {context}"
    text += f". Likelihood: {', '.join(s.reasons)}."
    return FindingTemplate(
        theme=theme.id,
        basis=basis,
        likelihood=s.likelihood,
        severity=s.severity,
        salience=s.salience,
        scale=s.scale,
        scope=s.scope,
        irremediability=s.irremediability,
        evidence=text,
        source_url=listing.source_url,
        dataset_id=listing.dataset_id,
        edition=listing.edition,
        record_id=listing.record_id,
    )


def _country_context_finding(alpha2: str, country: CountryProfile) -> FindingTemplate:
    theme = THEME_BY_ID["child_labour"]
    s = score(theme, "country_context", country)
    text = (
        f"Good not on the ILAB List for {country.ilab_name}, but ILAB Findings {country.edition} report "
        f"{_country_context_text(country)} [record '{country.ilab_name}']. "
        f"Likelihood: {', '.join(s.reasons)}."
    )
    return FindingTemplate(
        theme=theme.id,
        basis="country_context",
        likelihood=s.likelihood,
        severity=s.severity,
        salience=s.salience,
        scale=s.scale,
        scope=s.scope,
        irremediability=s.irremediability,
        evidence=text,
        source_url=country.webpage,
        dataset_id=country.dataset_id,
        edition=country.edition,
        record_id=country.ilab_name,
    )


def no_finding(
    evidence: str, source_url: str = "", dataset_id: str = "", edition: str = ""
) -> FindingTemplate:
    return FindingTemplate(
        theme=NO_THEME,
        basis="none",
        likelihood=None,
        severity=None,
        salience=None,
        scale=None,
        scope=None,
        irremediability=None,
        evidence=evidence,
        source_url=source_url,
        dataset_id=dataset_id,
        edition=edition,
        record_id="",
    )


def findings_for(
    alpha2: str,
    good_label: str,
    listings: Sequence[Listing],
    country: CountryProfile | None,
    *,
    listed_elsewhere: Sequence[str] = (),
) -> list[FindingTemplate]:
    """Findings for a supplier in ``alpha2`` delivering ``good_label`` (empty when no ILAB good).

    ``listings`` are the ILAB listings of the matched good (variants included) for that country.
    Every flagged theme of every listing gives one finding; a theme listed under two variants of the
    same good keeps the most salient one. Without a listing, a country with a high share of working
    children still gives a child-labour context finding; otherwise the row gets theme ``none`` with
    the reason.
    """
    best: dict[str, FindingTemplate] = {}
    for listing in listings:
        for theme in THEMES:
            if theme.flagged(listing):
                finding = _listed_finding(theme, listing, country)
                current = best.get(theme.id)
                if current is None or (finding.salience or 0) > (current.salience or 0):
                    best[theme.id] = finding
    if best:
        return [best[theme.id] for theme in THEMES if theme.id in best]
    share = country.working_children_share if country is not None else None
    if country is not None and share is not None and share >= p.COUNTRY_CONTEXT_MIN_SHARE:
        return [_country_context_finding(alpha2, country)]
    if good_label:
        where = f" (listed for {', '.join(listed_elsewhere)})" if listed_elsewhere else ""
        reason = f"{good_label} is not on the ILAB List of Goods for {alpha2}{where}"
    else:
        reason = f"No ILAB-listed good matched; no child-labour country context for {alpha2}"
    if country is not None:
        return [no_finding(reason + ".", country.webpage, country.dataset_id, country.edition)]
    return [no_finding(reason + ".")]
