"""World Bank Worldwide Governance Indicators, 2024 update (data for 2023) → ``wgi_2023.json``.

One record per economy with an ISO 3166-1 code: the estimate (about -2.5 to 2.5) and the percentile
rank (0-100, higher is better) of the six indicators for 2023. The World Bank's own codes are mapped
to ISO where they differ (ZAR, ROM, ADO, TMP, WBG; KSV is Kosovo's user-assigned XK). The Netherlands
Antilles (ANT, dissolved in 2010) has no 2023 value and no ISO code: it is dropped.

The build checks the one-row-per-economy file against the long file it was pivoted from, and a few
values against a second source (``SECOND_SOURCE``): a copy whose values do not agree is refused.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from imvo.core.refdata.sources import BuildError, BuiltDataset, json_records_bytes, raw_file_entry

WIDE_FILE = "wgi/wgi_2023.csv"
LONG_FILE = "wgi/wgi_long_1996_2023.csv"
OUTPUT = "wgi_2023.json"
YEAR = "2023"
DATASET_ID = "wgi"
EDITION = "2024 update (data for 2023)"
SOURCE_URL = "https://www.worldbank.org/en/publication/worldwide-governance-indicators"
INDICATORS = ("cc", "ge", "pv", "rl", "rq", "va")
EXPECTED_ROWS = 214

#: World Bank codes that are not the ISO 3166-1 alpha-3 code of the economy.
WB_TO_ALPHA2 = {"ZAR": "CD", "ROM": "RO", "ADO": "AD", "TMP": "TL", "WBG": "PS", "KSV": "XK"}
#: Economies without a 2023 value and without an ISO code.
DROPPED = {"ANT": "Netherlands Antilles (former): dissolved in 2010, no 2023 value"}

#: Values checked against sources other than the copy in ../shared (wb code, year, indicator, field,
#: value, where). The build refuses a copy that disagrees.
SECOND_SOURCE: tuple[tuple[str, str, str, str, float, str], ...] = (
    ("NGA", "2023", "cc", "estimate", -1.04, "https://trendometric.com/nigeria/corruption-control"),
    ("NGA", "2022", "cc", "estimate", -1.13, "https://trendometric.com/nigeria/corruption-control"),
    ("NGA", "2023", "pv", "estimate", -1.77, "https://trendometric.com/nigeria/corruption-control"),
    ("NGA", "2022", "pv", "estimate", -1.78, "https://trendometric.com/nigeria/corruption-control"),
    # World Bank DataBank export of the 2023 update (github.com/BranditoEH/worldwide_governance_indicators,
    # data/wgi.csv at be71eda3): Central African Republic, 2022, rounded as in the WGI file.
    ("CAF", "2022", "cc", "pctrank", 9.0, "BranditoEH/worldwide_governance_indicators@be71eda3"),
    ("CAF", "2022", "rl", "pctrank", 3.8, "BranditoEH/worldwide_governance_indicators@be71eda3"),
    ("CAF", "2022", "va", "pctrank", 15.5, "BranditoEH/worldwide_governance_indicators@be71eda3"),
    ("CAF", "2022", "va", "estimate", -1.21, "BranditoEH/worldwide_governance_indicators@be71eda3"),
)


def _number(text: str, where: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError as error:
        raise BuildError(f"{where}: not a number: {text!r}") from error


def _alpha2_of(wb_code: str) -> str:
    import pycountry

    if wb_code in WB_TO_ALPHA2:
        return WB_TO_ALPHA2[wb_code]
    country = pycountry.countries.get(alpha_3=wb_code)
    if country is None:
        raise BuildError(f"{WIDE_FILE}: World Bank code {wb_code!r} is neither ISO alpha-3 nor mapped")
    return str(country.alpha_2)


def _read_long(source_dir: Path) -> dict[tuple[str, str, str], dict[str, str]]:
    with (source_dir / LONG_FILE).open(encoding="utf-8", newline="") as handle:
        return {(row["wb_code"], row["year"], row["indicator"]): row for row in csv.DictReader(handle)}


def _check_second_source(long_rows: dict[tuple[str, str, str], dict[str, str]]) -> None:
    for code, year, indicator, name, value, where in SECOND_SOURCE:
        row = long_rows.get((code, year, indicator))
        found = None if row is None else _number(row[name], LONG_FILE)
        if found is None or abs(found - value) > 0.051:
            what = f"{code} {year} {indicator} {name}"
            raise BuildError(f"{LONG_FILE}: {what} is {found}, {where} says {value}")


def parse_records(source_dir: Path) -> list[dict[str, Any]]:
    long_rows = _read_long(source_dir)
    _check_second_source(long_rows)
    with (source_dir / WIDE_FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if len(rows) != EXPECTED_ROWS:
        raise BuildError(f"{WIDE_FILE}: expected {EXPECTED_ROWS} economies, found {len(rows)}")
    records: list[dict[str, Any]] = []
    for row in rows:
        code = row["wb_code"].strip()
        if row["year"].strip() != YEAR:
            raise BuildError(f"{WIDE_FILE}: {code} is for {row['year']!r}, not {YEAR}")
        if code in DROPPED:
            continue
        record: dict[str, Any] = {"alpha2": _alpha2_of(code), "wb_code": code, "name": row["country_name"]}
        for indicator in INDICATORS:
            for name in ("estimate", "pctrank"):
                value = _number(row[f"{indicator}_{name}"], f"{WIDE_FILE} {code}")
                if value is not None and name == "pctrank" and not 0 <= value <= 100:
                    raise BuildError(f"{WIDE_FILE}: {code} {indicator} percentile rank {value} outside 0-100")
                long_row = long_rows.get((code, YEAR, indicator))
                long_value = None if long_row is None else _number(long_row[name], LONG_FILE)
                if long_value != value:
                    what = f"{code} {indicator} {name}"
                    raise BuildError(f"{WIDE_FILE}: {what} {value} != long file {long_value}")
                record[f"{indicator}_{name}"] = value
        records.append(record)
    alpha2s = [record["alpha2"] for record in records]
    if len(set(alpha2s)) != len(alpha2s):
        raise BuildError(f"{WIDE_FILE}: two economies map to one ISO code")
    return sorted(records, key=lambda record: str(record["alpha2"]))


def build(source_dir: Path) -> BuiltDataset:
    records = parse_records(source_dir)
    metadata = {
        "id": DATASET_ID,
        "title": "Worldwide Governance Indicators: control of corruption, government effectiveness, "
        "political stability and absence of violence/terrorism, rule of law, regulatory quality, voice and "
        "accountability",
        "edition": EDITION,
        "publisher": "World Bank (Daniel Kaufmann and Aart Kraay); cite Kaufmann, Kraay and Mastruzzi (2010)",
        "source_urls": [
            SOURCE_URL,
            "https://www.worldbank.org/content/dam/sites/govindicators/doc/wgidataset.xlsx",
            "https://github.com/lmorgans/WGIdata/blob/05f52f816a6c09473096edbf657aa310d5c30507/wgidataset.csv",
        ],
        "licence": 'CC BY 4.0 (World Bank default for its datasets: "The World Bank Group makes data '
        "publicly available according to open data standards and licenses datasets under the Creative "
        'Commons Attribution 4.0 International license (CC-BY 4.0)", '
        "datacatalog.worldbank.org/public-licenses); attribution required; the WGI do not reflect the "
        "official views of the World Bank",
        "raw_files": [raw_file_entry(source_dir, WIDE_FILE), raw_file_entry(source_dir, LONG_FILE)],
        "record_counts": {
            "economies": len(records),
            **{
                f"{indicator}_values": sum(1 for r in records if r[f"{indicator}_pctrank"] is not None)
                for indicator in INDICATORS
            },
        },
    }
    return BuiltDataset(metadata=metadata, files={OUTPUT: json_records_bytes(records)})
