"""Annex I of the EU Conflict Minerals Regulation, as published in ``../shared`` → ``eu_cmr_annex_i.json``.

The rows are kept as published, including ``verified_fields``, ``sources`` and
``reported_unconfirmed``: the file is incomplete (4 of 23 thresholds confirmed), and the obligations
layer overlays the legal completion. Empty cells stay empty (None) — no value is invented here.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from imvo.core.refdata.sources import BuildError, BuiltDataset, json_records_bytes, raw_file_entry

ANNEX_FILE = "eu-cmr/annex-i.csv"
OUTPUT = "eu_cmr_annex_i.json"


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def parse_rows(source_dir: Path) -> list[dict[str, Any]]:
    with (source_dir / ANNEX_FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records: list[dict[str, Any]] = []
    for row in rows:
        ex = row["ex"].strip()
        threshold = row["volume_threshold_kg"].strip()
        if ex not in ("yes", "no", "") or not (
            threshold == "" or (threshold.isascii() and threshold.isdigit())
        ):
            raise BuildError(f"{ANNEX_FILE}: unexpected ex/threshold in row {row['item']!r}")
        records.append(
            {
                "part": row["part"].strip(),
                "item": row["item"].strip(),
                "description": row["description"].strip() or None,
                "cn_code": row["cn_code"].strip() or None,
                "ex": {"yes": True, "no": False}.get(ex),
                "taric_subdivision": row["taric_subdivision"].strip() or None,
                "volume_threshold_kg": int(threshold) if threshold else None,
                "threshold_set_by": row["threshold_set_by"].strip() or None,
                "hs2017_code": row["hs2017_code"].strip() or None,
                "verified_fields": split_list(row["verified_fields"]),
                "sources": split_list(row["sources"]),
                "reported_unconfirmed": row["reported_unconfirmed"].strip() or None,
                "notes": row["notes"].strip() or None,
            }
        )
    if len(records) != 23:
        raise BuildError(f"{ANNEX_FILE}: expected 23 Annex I entries, found {len(records)}")
    return records


def build(source_dir: Path) -> BuiltDataset:
    records = parse_rows(source_dir)
    metadata = {
        "id": "eu-cmr-annex-i",
        "title": "Regulation (EU) 2017/821 (Conflict Minerals), Annex I: minerals and metals, CN codes, "
        "volume thresholds — INCOMPLETE as published in ../shared",
        "edition": "Annex I as consolidated 19 Nov 2020 "
        "(2017/821 as amended by Delegated Regulation (EU) 2020/1588)",
        "publisher": "European Union (EUR-Lex); table prepared by the imvo project",
        "source_urls": [
            "https://eur-lex.europa.eu/eli/reg/2017/821/oj",
            "https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj",
            "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02017R0821-20201119",
        ],
        "licence": "EU legislation, free reuse (Commission Decision 2011/833/EU); "
        "only the Official Journal is authentic",
        "raw_files": [raw_file_entry(source_dir, ANNEX_FILE)],
        "record_counts": {
            "entries": len(records),
            "confirmed_thresholds": sum(
                1 for record in records if "volume_threshold_kg" in record["verified_fields"]
            ),
        },
    }
    return BuiltDataset(metadata=metadata, files={OUTPUT: json_records_bytes(records)})
