"""Reference data: the ILAB List of Goods and Findings, HS code lists, EU CMR Annex I, ISO 3166 names,
the World Bank's Worldwide Governance Indicators and the U.S. Trafficking in Persons Report tiers.

:func:`load` reads only the package data in ``refdata/data`` (written by
``python -m imvo.core.refdata.build``), once per process; :func:`manifest` says which dataset
editions are in use and where they came from.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

from imvo.core.refdata.model import (
    CmrAnnexEntry,
    CountryProfile,
    Dataset,
    GoodListing,
    GovernanceIndicators,
    HsCode,
    LegalStandard,
    RawFile,
    TipPlacement,
)

__all__ = [
    "HS_EDITIONS",
    "CmrAnnexEntry",
    "CountryProfile",
    "Dataset",
    "GoodListing",
    "GovernanceIndicators",
    "HsCode",
    "LegalStandard",
    "RawFile",
    "ReferenceData",
    "TipPlacement",
    "load",
    "manifest",
    "read_package_file",
]

HS_EDITIONS = ("2022", "2017")
LIST_DATASET = "ilab-list-of-goods"
FINDINGS_DATASET = "ilab-child-labor-findings"
WGI_DATASET = "wgi"
TIP_DATASET = "us-tip-report"
CMR_DATASET = "eu-cmr-annex-i"


def read_package_file(name: str) -> bytes:
    """A file of ``refdata/data`` by name (never anything outside the installed package)."""
    return resources.files(__name__).joinpath("data", name).read_bytes()


def _read_json(name: str) -> Any:
    return json.loads(read_package_file(name).decode("utf-8"))


@dataclass(frozen=True)
class ReferenceData:
    """All reference datasets, indexed for the lookups the risk model and the obligations need."""

    listings: tuple[GoodListing, ...]
    good_names: tuple[str, ...]
    profiles: tuple[CountryProfile, ...]
    cmr_annex: tuple[CmrAnnexEntry, ...]
    hs_sections: Mapping[str, str]
    _listings_by_country: Mapping[str, tuple[GoodListing, ...]] = field(repr=False)
    _listing_by_pair: Mapping[tuple[str, str], GoodListing] = field(repr=False)
    _profile_by_country: Mapping[str, CountryProfile] = field(repr=False)
    _governance_by_country: Mapping[str, GovernanceIndicators] = field(repr=False)
    _tip_by_country: Mapping[str, TipPlacement] = field(repr=False)

    def governance(self, alpha2: str) -> GovernanceIndicators | None:
        """The World Bank's governance indicators of a country (None when it publishes none)."""
        return self._governance_by_country.get(alpha2.strip().upper())

    def tip_placement(self, alpha2: str) -> TipPlacement | None:
        """The 2025 TIP Report placement when it is Tier 2 Watch List, Tier 3 or Special Case; None means
        *not in the data* (Tier 1, Tier 2 or not assessed), never "Tier 1"."""
        return self._tip_by_country.get(alpha2.strip().upper())

    def listings_for_country(self, alpha2: str) -> tuple[GoodListing, ...]:
        return self._listings_by_country.get(alpha2.strip().upper(), ())

    def listing(self, good: str, alpha2: str) -> GoodListing | None:
        """The pair for an ILAB ``Good_Name`` exactly as published (e.g. "Bricks (clay)")."""
        return self._listing_by_pair.get((good, alpha2.strip().upper()))

    def country_profile(self, alpha2: str) -> CountryProfile | None:
        return self._profile_by_country.get(alpha2.strip().upper())

    def hs_entry(self, code: str, edition: str = "2022") -> HsCode | None:
        """An HS chapter, heading or subheading; dots and spaces in the code are ignored."""
        return self._edition(edition).get(code.replace(".", "").replace(" ", "").strip())

    def hs_label(self, code: str, edition: str = "2022") -> str | None:
        entry = self.hs_entry(code, edition)
        return None if entry is None else entry.description

    def hs_codes(self, edition: str = "2022") -> frozenset[str]:
        return frozenset(self._edition(edition))

    def _edition(self, edition: str) -> Mapping[str, HsCode]:
        if edition not in HS_EDITIONS:
            raise ValueError(f"unknown HS edition {edition!r}; known: {', '.join(HS_EDITIONS)}")
        return _hs_edition(edition)


@functools.cache
def manifest() -> tuple[Dataset, ...]:
    """The datasets in use, in build order (see ``refdata/data/manifest.json``)."""
    document = _read_json("manifest.json")
    return tuple(
        Dataset(
            id=entry["id"],
            title=entry["title"],
            edition=entry["edition"],
            publisher=entry["publisher"],
            source_urls=tuple(entry["source_urls"]),
            licence=entry["licence"],
            raw_files=tuple(RawFile(item["path"], item["sha256"]) for item in entry["raw_files"]),
            data_files=tuple(RawFile(item["path"], item["sha256"]) for item in entry["data_files"]),
            record_counts=MappingProxyType(dict(entry["record_counts"])),
        )
        for entry in document["datasets"]
    )


def _dataset(dataset_id: str) -> Dataset:
    return next(dataset for dataset in manifest() if dataset.id == dataset_id)


def _count(value: str | None) -> int | None:
    return int(value) if value is not None and value.isascii() and value.isdigit() else None


def _yes_no(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def _profile(record: Mapping[str, Any], edition: str) -> CountryProfile:
    statistics: Mapping[str, Any] = record["statistics"] or {}
    enforcement: Mapping[str, str | None] = record["enforcement"] or {}
    standards = {
        key: LegalStandard(meets_international_standard=value["standard"], age=value["age"])
        for key, value in (record["legal_standards"] or {}).items()
    }
    covered = bool(record["covered_by_findings"])
    return CountryProfile(
        alpha2=record["alpha2"],
        ilab_name=record["ilab_name"],
        region=record["region"],
        webpage=record["webpage"],
        covered_by_findings=covered,
        advancement_level=record["advancement_level"],
        working_children_share=statistics.get("working_children_share"),
        working_children_age_range=statistics.get("working_children_age_range"),
        working_children_count=statistics.get("working_children_count"),
        children_in_agriculture=statistics.get("children_in_agriculture"),
        children_in_industry=statistics.get("children_in_industry"),
        children_in_services=statistics.get("children_in_services"),
        school_attendance=statistics.get("school_attendance"),
        school_attendance_age_range=statistics.get("school_attendance_age_range"),
        working_and_studying_share=statistics.get("working_and_studying_share"),
        working_and_studying_age_range=statistics.get("working_and_studying_age_range"),
        primary_completion_rate=statistics.get("primary_completion_rate"),
        conventions=MappingProxyType(dict(record["conventions"] or {})),
        legal_standards=MappingProxyType(standards),
        legal_standards_not_meeting_international=(
            sum(1 for standard in standards.values() if standard.meets_international_standard == "no")
            if covered
            else None
        ),
        enforcement=MappingProxyType(dict(enforcement)),
        labour_funding_usd=_count(enforcement.get("labor_funding")),
        labour_funding_text=record["labor_funding_text"],
        labour_inspectors=_count(enforcement.get("labor_inspectors")),
        labour_inspectors_meet_ilo_standard=_yes_no(enforcement.get("labor_inspectors_intl_standards")),
        labour_inspections=_count(enforcement.get("labor_inspections")),
        labour_violations=_count(enforcement.get("labor_violations")),
        labour_penalties_imposed=_count(enforcement.get("labor_penalties_imposed")),
        labour_penalties_collected=_count(enforcement.get("labor_penalties_collected")),
        criminal_investigations=_count(enforcement.get("criminal_investigations")),
        criminal_prosecutions=_count(enforcement.get("criminal_prosecutions")),
        criminal_convictions=_count(enforcement.get("criminal_convictions")),
        mechanisms=MappingProxyType(dict(record["mechanisms"] or {})),
        suggested_action_counts=MappingProxyType(dict(record["suggested_action_counts"] or {})),
        ilab_project_links=tuple(record["ilab_project_links"]),
        notes=tuple(record["notes"]),
        dataset_id=FINDINGS_DATASET,
        edition=edition,
    )


def _listing(record: Mapping[str, Any], dataset: Dataset, country_pages: Mapping[str, str]) -> GoodListing:
    return GoodListing(
        record_id=f"{record['good']}|{record['country']}",
        good=record["good"],
        sector=record["sector"],
        ilab_country_name=record["country"],
        alpha2=record["alpha2"],
        region=record["region"],
        child_labour=record["child_labour"],
        forced_labour=record["forced_labour"],
        forced_child_labour=record["forced_child_labour"],
        derived_labour_exploitation=record["derived_labour_exploitation"],
        derived_input_country_alpha2=record["derived_input_alpha2"],
        dataset_id=dataset.id,
        edition=dataset.edition,
        source_url=dataset.source_urls[0],
        country_page_url=country_pages.get(record["alpha2"]),
    )


@functools.cache
def _hs_edition(edition: str) -> Mapping[str, HsCode]:
    """One HS edition, read on first use (most callers need one edition, or none)."""
    text = gzip.decompress(read_package_file(f"hs{edition}.csv.gz")).decode("utf-8")
    entries = {
        row["code"]: HsCode(
            code=row["code"],
            edition=edition,
            parent=row["parent"] or None,
            section=row["section"],
            description=row["description"],
            description_truncated=row["description_truncated"] == "yes",
        )
        for row in csv.DictReader(io.StringIO(text))
    }
    return MappingProxyType(entries)


def _cmr_entry(record: Mapping[str, Any]) -> CmrAnnexEntry:
    return CmrAnnexEntry(
        part=record["part"],
        item=record["item"],
        description=record["description"],
        cn_code=record["cn_code"],
        ex=record["ex"],
        taric_subdivision=record["taric_subdivision"],
        volume_threshold_kg=record["volume_threshold_kg"],
        threshold_set_by=record["threshold_set_by"],
        hs2017_code=record["hs2017_code"],
        verified_fields=tuple(record["verified_fields"]),
        sources=tuple(record["sources"]),
        reported_unconfirmed=record["reported_unconfirmed"],
        notes=record["notes"],
    )


def _governance(record: Mapping[str, Any], dataset: Dataset) -> GovernanceIndicators:
    values = {
        f"{indicator}_{name}": record[f"{indicator}_{name}"]
        for indicator in ("cc", "ge", "pv", "rl", "rq", "va")
        for name in ("estimate", "pctrank")
    }
    return GovernanceIndicators(
        alpha2=record["alpha2"],
        wb_code=record["wb_code"],
        name=record["name"],
        year=2023,
        dataset_id=dataset.id,
        edition=dataset.edition,
        source_url=dataset.source_urls[0],
        **values,
    )


def _tip(record: Mapping[str, Any], dataset: Dataset) -> TipPlacement:
    return TipPlacement(
        alpha2=record["alpha2"],
        name=record["name"],
        tier=record["tier"],
        url=record["url"],
        dataset_id=dataset.id,
        edition=dataset.edition,
    )


@functools.cache
def load() -> ReferenceData:
    """All reference data, read from the package once per process."""
    findings_dataset = _dataset(FINDINGS_DATASET)
    profiles = tuple(
        _profile(record, findings_dataset.edition) for record in _read_json("ilab_findings.json")
    )
    profile_by_country = {profile.alpha2: profile for profile in profiles}
    country_pages = {profile.alpha2: profile.webpage for profile in profiles}
    list_dataset = _dataset(LIST_DATASET)
    listings = tuple(
        _listing(record, list_dataset, country_pages) for record in _read_json("ilab_list_of_goods.json")
    )
    by_country: dict[str, list[GoodListing]] = {}
    for listing in listings:
        by_country.setdefault(listing.alpha2, []).append(listing)
    sections_text = read_package_file("hs_sections.csv").decode("utf-8")
    wgi = _dataset(WGI_DATASET)
    tip = _dataset(TIP_DATASET)
    governance = {record["alpha2"]: _governance(record, wgi) for record in _read_json("wgi_2023.json")}
    placements = {record["alpha2"]: _tip(record, tip) for record in _read_json("tip_2025.json")}
    return ReferenceData(
        listings=listings,
        good_names=tuple(dict.fromkeys(listing.good for listing in listings)),
        profiles=profiles,
        cmr_annex=tuple(_cmr_entry(record) for record in _read_json("eu_cmr_annex_i.json")),
        hs_sections=MappingProxyType(
            {row["section"]: row["name"] for row in csv.DictReader(io.StringIO(sections_text))}
        ),
        _listings_by_country=MappingProxyType({key: tuple(value) for key, value in by_country.items()}),
        _listing_by_pair=MappingProxyType({(listing.good, listing.alpha2): listing for listing in listings}),
        _profile_by_country=MappingProxyType(profile_by_country),
        _governance_by_country=MappingProxyType(governance),
        _tip_by_country=MappingProxyType(placements),
    )
