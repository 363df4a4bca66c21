"""From one resolved supplier row (country + matched good) to its findings, each citing its evidence.

Evidence sources, each raising candidate findings (docs/methodology.md, sections 2-3):

* ILAB List of Goods: a listing of the good in the country (``listed``, ``derived``);
* ILAB Findings: the share of working children when the good is not listed (``country_context``);
* inputs: ILAB listings of what the good is made of (``input`` in the supplier's country when the good
  is processed where its input grows, else ``input_origin_unknown``);
* U.S. TIP Report 2025: forced labour and trafficking from the country's placement;
* World Bank WGI 2023: corruption (control of corruption), freedom of association (voice and
  accountability) and conflict-affected countries (political stability), in the bottom of the world;
* EU Conflict Minerals Regulation Annex I: tin, tantalum, tungsten and gold, as a good or an input.

A theme appears at most once per row: the most salient candidate wins (ties: the first source above).
Evidence is data (:mod:`imvo.core.risk.evidence`): ``evidence`` is its English rendering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from imvo.core.risk import parameters as p
from imvo.core.risk.evidence import Statement, dumps, render
from imvo.core.risk.scoring import CountryIndicators, Score, governance_likelihood, score
from imvo.core.risk.themes import ILAB_THEMES, NO_THEME, THEME_BY_ID, THEMES, ListingFlags, Theme


class Listing(ListingFlags, Protocol):
    @property
    def record_id(self) -> str: ...
    @property
    def good(self) -> str: ...
    @property
    def alpha2(self) -> str: ...
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


class Governance(Protocol):
    """World Bank WGI of a country (``imvo.core.refdata.GovernanceIndicators``)."""

    @property
    def cc_pctrank(self) -> float | None: ...
    @property
    def va_pctrank(self) -> float | None: ...
    @property
    def pv_pctrank(self) -> float | None: ...
    @property
    def dataset_id(self) -> str: ...
    @property
    def edition(self) -> str: ...
    @property
    def source_url(self) -> str: ...

    def record_id(self, indicator: str) -> str: ...


class TipPlacement(Protocol):
    @property
    def tier(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def dataset_id(self) -> str: ...
    @property
    def edition(self) -> str: ...


@dataclass(frozen=True, slots=True)
class AnnexEntry:
    """The EU CMR Annex I row that a good or its HS code falls under."""

    record_id: str  # "A|Gold ores and concentrates"
    item: str
    dataset_id: str
    edition: str
    source_url: str


@dataclass(frozen=True, slots=True)
class InputEvidence:
    """An input of the good and the ILAB listings that concern it.

    ``at_origin``: the input is produced in the supplier's country, and ``listings`` are its listings
    there; otherwise ``listings`` are its listings anywhere (origin unknown)."""

    good: str
    at_origin: bool
    listings: Sequence[Listing]
    profile: CountryProfile | None = None  # ILAB Findings of the input's country, when known


@dataclass(frozen=True, slots=True)
class FindingTemplate:
    """What a (country, product) resolution contributes to every supplier row that shares it."""

    theme: str
    basis: str  # listed | derived | country_context | input | input_origin_unknown | product_scope | none
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
    #: For a finding about an input: the input (base good) and, when known, where it is produced.
    input_good: str = ""
    input_country: str = ""
    #: The evidence as data (JSON statements, :mod:`imvo.core.risk.evidence`), for translation.
    evidence_data: str = "[]"


def _template(
    theme: Theme,
    basis: str,
    s: Score,
    statements: Sequence[Statement],
    cite: tuple[str, str, str, str],
    *,
    input_good: str = "",
    input_country: str = "",
) -> FindingTemplate:
    source_url, dataset_id, edition, record_id = cite
    evidence = [*statements, Statement("likelihood", parts=s.reasons)]
    return FindingTemplate(
        theme=theme.id,
        basis=basis,
        likelihood=s.likelihood,
        severity=s.severity,
        salience=s.salience,
        scale=s.scale,
        scope=s.scope,
        irremediability=s.irremediability,
        evidence=render(evidence),
        source_url=source_url,
        dataset_id=dataset_id,
        edition=edition,
        record_id=record_id,
        input_good=input_good,
        input_country=input_country,
        evidence_data=dumps(evidence),
    )


def _context_parts(country: CountryProfile) -> tuple[Statement, ...]:
    parts = []
    share = country.working_children_share
    if share is not None:
        ages = country.working_children_age_range
        if ages:
            parts.append(Statement("ctx.working_children_aged", {"share": share, "ages": ages}))
        else:
            parts.append(Statement("ctx.working_children", {"share": share}))
    if country.advancement_level:
        parts.append(Statement("ctx.advancement", {"level": country.advancement_level}))
    if country.labour_inspectors_meet_ilo_standard is False:
        parts.append(Statement("ctx.inspectorate"))
    return tuple(parts)


def _context_statement(country: CountryProfile | None) -> list[Statement]:
    if country is None or not (parts := _context_parts(country)):
        return []
    return [Statement("ilab.context", {"edition": country.edition}, parts)]


def _tip_adjustment(theme: Theme, tip: TipPlacement | None) -> list[tuple[float, Statement]]:
    if tip is None or theme.id not in ("forced_labour", "forced_child_labour"):
        return []
    value = p.LIKELIHOOD_TIP_ADJUSTMENT[tip.tier]
    return [(value, Statement("lk.tip", {"value": value, "tier": tip.tier}))]


def _listed_finding(
    theme: Theme, listing: Listing, country: CountryProfile | None, tip: TipPlacement | None
) -> FindingTemplate:
    basis = "derived" if theme.derived else "listed"
    s = score(theme, basis, country, adjustments=_tip_adjustment(theme, tip))
    params = {"edition": listing.edition, "good": listing.good, "country": listing.alpha2, "flag": theme.id}
    if theme.derived and listing.derived_input_country_alpha2:
        statement = Statement(
            "ilab.derived",
            {**params, "input_country": listing.derived_input_country_alpha2, "record": listing.record_id},
        )
    else:
        statement = Statement("ilab.listed", {**params, "record": listing.record_id})
    cite = (listing.source_url, listing.dataset_id, listing.edition, listing.record_id)
    return _template(theme, basis, s, [statement, *_context_statement(country)], cite)


def _country_context_finding(alpha2: str, country: CountryProfile) -> FindingTemplate:
    theme = THEME_BY_ID["child_labour"]
    s = score(theme, "country_context", country)
    statement = Statement(
        "ilab.country_context",
        {"country": alpha2, "edition": country.edition, "record": country.ilab_name},
        _context_parts(country),
    )
    cite = (country.webpage, country.dataset_id, country.edition, country.ilab_name)
    return _template(theme, "country_context", s, [statement], cite)


def _input_findings(good_label: str, inputs: Sequence[InputEvidence], alpha2: str) -> list[FindingTemplate]:
    found: list[FindingTemplate] = []
    for item in inputs:
        for theme in ILAB_THEMES:
            flagged = [listing for listing in item.listings if theme.flagged and theme.flagged(listing)]
            if not flagged:
                continue
            if item.at_origin:
                listing = flagged[0]
                s = score(theme, "input", item.profile)
                statement = Statement(
                    "input.listed",
                    {
                        "input": listing.good,
                        "good": good_label,
                        "edition": listing.edition,
                        "input_country": listing.alpha2,
                        "flag": theme.id,
                        "record": listing.record_id,
                    },
                )
                cite = (listing.source_url, listing.dataset_id, listing.edition, listing.record_id)
                found.append(
                    _template(
                        theme, "input", s, [statement], cite, input_good=item.good, input_country=alpha2
                    )
                )
                continue
            first = flagged[0]
            countries = sorted({listing.alpha2 for listing in flagged})
            s = score(theme, "input_origin_unknown", None)
            statement = Statement(
                "input.origin_unknown",
                {
                    "input": first.good,
                    "good": good_label,
                    "edition": first.edition,
                    "flag": theme.id,
                    "countries": countries,
                    "record": first.good,
                },
            )
            cite = (first.source_url, first.dataset_id, first.edition, first.good)
            found.append(_template(theme, "input_origin_unknown", s, [statement], cite, input_good=item.good))
    return found


def _tip_finding(alpha2: str, tip: TipPlacement) -> FindingTemplate:
    theme = THEME_BY_ID["forced_labour"]
    s = score(theme, "country_context", None, base=p.LIKELIHOOD_TIP_PLACEMENT[tip.tier])
    statement = Statement(
        "tip.placement", {"edition": "2025", "country": alpha2, "tier": tip.tier, "record": tip.record_id}
    )
    return _template(
        theme, "country_context", s, [statement], (tip.url, tip.dataset_id, tip.edition, tip.record_id)
    )


#: WGI indicator → (theme, percentile-rank threshold parameter).
_GOVERNANCE_THEMES = (
    ("cc", "corruption_and_governance", p.GOVERNANCE_PCTRANK_THRESHOLD),
    ("va", "freedom_of_association", p.GOVERNANCE_PCTRANK_THRESHOLD),
)


def _wgi_statement(
    alpha2: str, governance: Governance, indicator: str, rank: float, threshold: float
) -> Statement:
    return Statement(
        "wgi.indicator",
        {
            "edition": governance.edition,
            "indicator": indicator,
            "country": alpha2,
            "rank": rank,
            "threshold": threshold,
            "record": governance.record_id(indicator),
        },
    )


def _governance_findings(alpha2: str, governance: Governance) -> list[FindingTemplate]:
    found = []
    for indicator, theme_id, threshold in _GOVERNANCE_THEMES:
        rank = getattr(governance, f"{indicator}_pctrank")
        if rank is None or rank >= threshold:
            continue
        theme = THEME_BY_ID[theme_id]
        s = score(theme, "country_context", None, base=governance_likelihood(rank, threshold))
        cite = (
            governance.source_url,
            governance.dataset_id,
            governance.edition,
            governance.record_id(indicator),
        )
        found.append(
            _template(
                theme,
                "country_context",
                s,
                [_wgi_statement(alpha2, governance, indicator, rank, threshold)],
                cite,
            )
        )
    return found


def _conflict_findings(
    alpha2: str,
    governance: Governance | None,
    annex: AnnexEntry | None,
    annex_inputs: Sequence[tuple[str, AnnexEntry]],
    good: str,
) -> list[FindingTemplate]:
    theme = THEME_BY_ID["conflict"]
    found = []
    threshold = p.CONFLICT_PV_PCTRANK_THRESHOLD
    rank = governance.pv_pctrank if governance is not None else None
    affected = governance is not None and rank is not None and rank < threshold
    if affected and governance is not None and rank is not None:
        statements = [_wgi_statement(alpha2, governance, "pv", rank, threshold)]
        adjustments: list[tuple[float, Statement]] = []
        if annex is not None:
            bonus = p.LIKELIHOOD_3TG_CONFLICT_BONUS
            adjustments.append((bonus, Statement("lk.3tg", {"value": bonus})))
        s = score(
            theme,
            "country_context",
            None,
            base=governance_likelihood(rank, threshold),
            adjustments=adjustments,
        )
        cite = (governance.source_url, governance.dataset_id, governance.edition, governance.record_id("pv"))
        found.append(_template(theme, "country_context", s, statements, cite))
    if annex is not None:
        statement = Statement("cmr.3tg", {"good": good, "item": annex.item, "record": annex.record_id})
        s = score(theme, "product_scope", None)
        cite = (annex.source_url, annex.dataset_id, annex.edition, annex.record_id)
        found.append(_template(theme, "product_scope", s, [statement], cite))
    elif annex_inputs:
        names = [name for name, _ in annex_inputs]
        entry = annex_inputs[0][1]
        statement = Statement(
            "cmr.3tg_inputs", {"good": good, "inputs": ", ".join(names), "record": entry.record_id}
        )
        s = score(theme, "input_origin_unknown", None)
        cite = (entry.source_url, entry.dataset_id, entry.edition, entry.record_id)
        found.append(_template(theme, "input_origin_unknown", s, [statement], cite, input_good=names[0]))
    return found


def no_finding(
    evidence: Sequence[Statement] | str, source_url: str = "", dataset_id: str = "", edition: str = ""
) -> FindingTemplate:
    statements = (
        [Statement("text", {"text": evidence.rstrip(".")})] if isinstance(evidence, str) else list(evidence)
    )
    return FindingTemplate(
        theme=NO_THEME,
        basis="none",
        likelihood=None,
        severity=None,
        salience=None,
        scale=None,
        scope=None,
        irremediability=None,
        evidence=evidence if isinstance(evidence, str) else render(statements),
        source_url=source_url,
        dataset_id=dataset_id,
        edition=edition,
        record_id="",
        evidence_data=dumps(statements),
    )


def _best_per_theme(candidates: Sequence[FindingTemplate]) -> list[FindingTemplate]:
    best: dict[str, FindingTemplate] = {}
    for finding in candidates:
        current = best.get(finding.theme)
        if current is None or (finding.salience or 0) > (current.salience or 0):
            best[finding.theme] = finding
    return [best[theme.id] for theme in THEMES if theme.id in best]


def _no_theme(
    alpha2: str, good_label: str, listed_elsewhere: Sequence[str], country: CountryProfile | None
) -> FindingTemplate:
    if good_label and listed_elsewhere:
        statement = Statement(
            "none.not_listed_elsewhere",
            {"good": good_label, "code": alpha2, "countries": list(listed_elsewhere)},
        )
    elif good_label:
        statement = Statement("none.not_listed", {"good": good_label, "code": alpha2})
    else:
        statement = Statement("none.no_good", {"code": alpha2})
    if country is not None:
        return no_finding([statement], country.webpage, country.dataset_id, country.edition)
    return no_finding([statement])


def findings_for(
    alpha2: str,
    good_label: str,
    listings: Sequence[Listing],
    country: CountryProfile | None,
    *,
    listed_elsewhere: Sequence[str] = (),
    inputs: Sequence[InputEvidence] = (),
    governance: Governance | None = None,
    tip: TipPlacement | None = None,
    annex: AnnexEntry | None = None,
    annex_inputs: Sequence[tuple[str, AnnexEntry]] = (),
) -> list[FindingTemplate]:
    """Findings for a supplier in ``alpha2`` delivering ``good_label`` ("" when no good matched).

    ``listings`` are the ILAB listings of the matched good (variants included) for that country,
    ``country`` its ILAB Findings profile, ``inputs`` the good's inputs with their listings,
    ``governance`` and ``tip`` the country's WGI and TIP facts, ``annex`` the EU CMR Annex I row the
    good falls under and ``annex_inputs`` its 3TG inputs. Without any finding the row gets theme
    ``none`` with the reason.
    """
    candidates: list[FindingTemplate] = []
    for listing in listings:
        for theme in ILAB_THEMES:
            if theme.flagged is not None and theme.flagged(listing):
                candidates.append(_listed_finding(theme, listing, country, tip))
    share = country.working_children_share if country is not None else None
    has_child_listing = any(f.theme == "child_labour" for f in candidates)
    if (
        country is not None
        and share is not None
        and share >= p.COUNTRY_CONTEXT_MIN_SHARE
        and not has_child_listing
    ):
        candidates.append(_country_context_finding(alpha2, country))
    candidates.extend(_input_findings(good_label, inputs, alpha2))
    if tip is not None:
        candidates.append(_tip_finding(alpha2, tip))
    if governance is not None:
        candidates.extend(_governance_findings(alpha2, governance))
    candidates.extend(_conflict_findings(alpha2, governance, annex, annex_inputs, good_label))
    best = _best_per_theme(candidates)
    return best or [_no_theme(alpha2, good_label, listed_elsewhere, country)]
