"""Values of the reference-data layer: frozen dataclasses, built by :func:`imvo.core.refdata.load`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class RawFile:
    """A file that went into (or came out of) the build, by relative path and SHA-256."""

    path: str
    sha256: str


@dataclass(frozen=True)
class Dataset:
    """One manifest entry: which edition of which dataset the product uses, and where it came from."""

    id: str
    title: str
    edition: str
    publisher: str
    source_urls: tuple[str, ...]
    licence: str
    raw_files: tuple[RawFile, ...]
    data_files: tuple[RawFile, ...]
    record_counts: Mapping[str, int]


@dataclass(frozen=True)
class GoodListing:
    """One good × country pair of the ILAB List of Goods (2022)."""

    record_id: str  # "<Good_Name>|<ILAB country name>", stable and cite-able, e.g. "Cocoa|Côte d'Ivoire"
    good: str  # ILAB Good_Name exactly as published (trimmed)
    sector: str  # Agriculture | Manufacturing | Mining | Other
    ilab_country_name: str
    alpha2: str
    region: str  # ILAB's own region grouping
    child_labour: bool
    forced_labour: bool
    forced_child_labour: bool
    derived_labour_exploitation: bool  # made with an input produced with child or forced labour
    derived_input_country_alpha2: str | None  # where that input is produced
    dataset_id: str
    edition: str
    source_url: str  # the ILAB List page
    country_page_url: str | None  # the ILAB country page (Findings ``Webpage``)


@dataclass(frozen=True)
class LegalStandard:
    """Whether a country's law meets the international standard ILAB checks, and the age it sets."""

    meets_international_standard: str | None  # "yes" | "no" | "n/a" (ILAB ``Standard``)
    age: str | None  # as published: "15", "17.5", "12/13"; None when no age applies


@dataclass(frozen=True)
class CountryProfile:
    """One country or territory of the ILAB Findings 2022 (or a goods-only country: no findings)."""

    alpha2: str
    ilab_name: str
    region: str
    webpage: str  # ILAB country page: cite this instead of copying ILAB prose
    covered_by_findings: bool  # False for the 12 goods-only countries (China, Russia, ...)
    advancement_level: str | None
    working_children_share: float | None  # fraction 0..1
    working_children_age_range: str | None
    working_children_count: int | None
    children_in_agriculture: float | None  # fraction of working children
    children_in_industry: float | None
    children_in_services: float | None
    school_attendance: float | None
    school_attendance_age_range: str | None
    working_and_studying_share: float | None
    working_and_studying_age_range: str | None
    primary_completion_rate: float | None  # gross rate: can exceed 1
    conventions: Mapping[str, str | None]  # "ILO C138", "ILO C182", "CRC", "CRC-OPAC", "CRC-OPSC", "Palermo"
    legal_standards: Mapping[str, LegalStandard]
    legal_standards_not_meeting_international: int | None  # None when not covered
    enforcement: Mapping[str, str | None]  # all 21 ILAB enforcement items, normalised tokens or digits
    labour_funding_usd: int | None
    labour_funding_text: str | None  # as published, e.g. "$3.5 million"
    labour_inspectors: int | None
    labour_inspectors_meet_ilo_standard: bool | None
    labour_inspections: int | None
    labour_violations: int | None
    labour_penalties_imposed: int | None
    labour_penalties_collected: int | None
    criminal_investigations: int | None
    criminal_prosecutions: int | None
    criminal_convictions: int | None
    mechanisms: Mapping[str, str | None]  # program, policy, coordination
    suggested_action_counts: Mapping[str, int]  # ILAB suggested actions per area (texts not copied)
    ilab_project_links: tuple[str, ...]
    notes: tuple[str, ...]  # data problems found in the published values and how they were handled
    dataset_id: str
    edition: str


@dataclass(frozen=True)
class HsCode:
    """One HS chapter (2 digits), heading (4) or subheading (6) of one edition."""

    code: str
    edition: str
    parent: str | None
    section: str  # Roman numeral
    description: str  # UN Comtrade standard description
    description_truncated: bool  # cut off at 255 characters in the source


@dataclass(frozen=True)
class CmrAnnexEntry:
    """One row of Annex I of Regulation (EU) 2017/821 as published in ``../shared`` (incomplete)."""

    part: str  # "A" minerals, "B" metals
    item: str  # informal label, not legal text
    description: str | None  # legal wording where confirmed
    cn_code: str | None
    ex: bool | None
    taric_subdivision: str | None
    volume_threshold_kg: int | None
    threshold_set_by: str | None
    hs2017_code: str | None
    verified_fields: tuple[str, ...]  # empty + listed = confirmed empty; empty + unlisted = unknown
    sources: tuple[str, ...]
    reported_unconfirmed: str | None  # single-source candidate values, not law
    notes: str | None


@dataclass(frozen=True)
class GovernanceIndicators:
    """The World Bank's Worldwide Governance Indicators of one economy for one year.

    ``*_pctrank`` is the percentile rank among all economies (0-100, higher is better governance);
    ``*_estimate`` the score in units of a standard normal distribution (about -2.5 to 2.5). None when
    the World Bank publishes no value.
    """

    alpha2: str
    wb_code: str  # the World Bank's code (not always ISO: ZAR, ROM, ...)
    name: str  # as published by the World Bank
    year: int
    cc_estimate: float | None  # control of corruption
    cc_pctrank: float | None
    ge_estimate: float | None  # government effectiveness
    ge_pctrank: float | None
    pv_estimate: float | None  # political stability and absence of violence/terrorism
    pv_pctrank: float | None
    rl_estimate: float | None  # rule of law
    rl_pctrank: float | None
    rq_estimate: float | None  # regulatory quality
    rq_pctrank: float | None
    va_estimate: float | None  # voice and accountability
    va_pctrank: float | None
    dataset_id: str
    edition: str
    source_url: str

    def record_id(self, indicator: str) -> str:
        """The cite-able record of one indicator: "NGA|2023|cc"."""
        return f"{self.wb_code}|{self.year}|{indicator}"


@dataclass(frozen=True)
class TipPlacement:
    """A country's placement in the U.S. Trafficking in Persons Report (only Tier 2 Watch List, Tier 3
    and Special Case are in the data: a country without a placement is unknown, not Tier 1)."""

    alpha2: str
    name: str  # as published
    tier: str  # tier_2_watch_list | tier_3 | special_case
    url: str  # the report's country page
    dataset_id: str
    edition: str

    @property
    def record_id(self) -> str:
        return f"{self.name}|{self.tier}"
