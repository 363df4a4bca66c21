"""ILAB 2022 List of Goods Produced by Child Labor or Forced Labor → ``ilab_list_of_goods.json``.

One record per good × country pair (467), in published order, with the four flags as booleans and
country names mapped to ISO 3166-1 alpha-2 through the crosswalk. The XML holds no prose.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree  # noqa: S405 - local, checksummed public-domain files
from pathlib import Path
from typing import Any

from imvo.core.refdata.sources import BuildError, BuiltDataset, json_records_bytes, raw_file_entry, trimmed
from imvo.core.refdata.sources.iso3166 import CROSSWALK, read_ilab_crosswalk

LIST_FILE = "ilab/list-of-goods-2022.xml"
OUTPUT = "ilab_list_of_goods.json"
LIST_URL = "https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods"
EDITION = "2022 (as of 28 Sep 2022)"
FLAG_ELEMENTS = {
    "child_labour": "Child_Labor",
    "forced_labour": "Forced_Labor",
    "forced_child_labour": "Forced_Child_Labor",
    "derived_labour_exploitation": "Derived_Labor_Exploitation",
}


def yes_no(value: str, where: str) -> bool:
    if value == "Yes":
        return True
    if value == "No":
        return False
    raise BuildError(f"{where}: expected Yes or No, found {value!r}")


def parse_listings(source_dir: Path) -> list[dict[str, Any]]:
    crosswalk = read_ilab_crosswalk(source_dir)
    root = ElementTree.parse(source_dir / LIST_FILE).getroot()  # noqa: S314 - trusted local file
    records: list[dict[str, Any]] = []
    for good in root.iter("Good"):
        good_name = trimmed(good.findtext("Good_Name"))
        sector = trimmed(good.findtext("Good_Sector"))
        for country in good.iter("Country"):
            country_name = trimmed(country.findtext("Country_Name"))
            where = f"{LIST_FILE}: {good_name} × {country_name}"
            if country_name not in crosswalk:
                raise BuildError(f"{where}: country not in {CROSSWALK}")
            record: dict[str, Any] = {
                "good": good_name,
                "sector": sector,
                "country": country_name,
                "alpha2": crosswalk[country_name],
                "region": trimmed(country.findtext("Country_Region")),
            }
            for key, element in FLAG_ELEMENTS.items():
                record[key] = yes_no(trimmed(country.findtext(element)), f"{where}/{element}")
            derived_country = trimmed(country.findtext("Derived_Country"))
            if derived_country == "No":
                record["derived_input_alpha2"] = None
            elif derived_country in crosswalk:
                record["derived_input_alpha2"] = crosswalk[derived_country]
            else:
                raise BuildError(f"{where}: Derived_Country {derived_country!r} not in {CROSSWALK}")
            records.append(record)
    pairs = {(record["good"], record["country"]) for record in records}
    if len(records) != 467 or len(pairs) != 467:
        raise BuildError(f"{LIST_FILE}: expected 467 distinct good × country pairs, found {len(records)}")
    return records


def build(source_dir: Path) -> BuiltDataset:
    records = parse_listings(source_dir)
    metadata = {
        "id": "ilab-list-of-goods",
        "title": "List of Goods Produced by Child Labor or Forced Labor",
        "edition": EDITION,
        "publisher": "U.S. Department of Labor, Bureau of International Labor Affairs (ILAB)",
        "source_urls": [
            LIST_URL,
            "https://github.com/USDepartmentofLabor/Child-Labor/blob/48678c8e66b96c7b9070c631c1c9cb832c42ed51/"
            "Child%20Labor/goods_2016.xml",
        ],
        "licence": "U.S. federal government work, public domain in the U.S. (17 U.S.C. § 105); "
        "do not imply DOL endorsement",
        "raw_files": [raw_file_entry(source_dir, LIST_FILE), raw_file_entry(source_dir, CROSSWALK)],
        "record_counts": {
            "pairs": len(records),
            "countries": len({record["alpha2"] for record in records}),
            "good_names": len({record["good"] for record in records}),
            **{key: sum(1 for record in records if record[key]) for key in FLAG_ELEMENTS},
        },
    }
    return BuiltDataset(metadata=metadata, files={OUTPUT: json_records_bytes(records)})
