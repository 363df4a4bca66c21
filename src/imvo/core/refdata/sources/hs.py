"""Harmonized System code lists (HS 2022, HS 2017) and section titles → ``hs2022.csv.gz``,
``hs2017.csv.gz`` and ``hs_sections.csv``.

Kept: every chapter, heading and subheading with its UN Comtrade description (trimmed), parent and
section. Dropped: the ``TOTAL`` row, the empty last record of the 2017 file, and the UN Comtrade
reporting codes 99 / 9999 / 999999 ("Commodities not specified according to kind"), which are not
part of the WCO nomenclature. Descriptions cut off at 255 characters in the source are flagged.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from imvo.core.refdata.sources import BuildError, BuiltDataset, gzip_bytes, raw_file_entry

EDITIONS = {"2022": "hs/harmonized-system-2022.csv", "2017": "hs/harmonized-system-2017.csv"}
SECTIONS_FILE = "hs/sections.csv"
SECTIONS_OUTPUT = "hs_sections.csv"
COLUMNS = ["code", "level", "parent", "section", "description", "description_truncated"]
NOT_IN_NOMENCLATURE = {"99", "9999", "999999"}
# The upstream field is limited to 255 characters; at that length the text is (mostly) cut off.
TRUNCATED_LENGTH = 255
EXPECTED_LEVEL_COUNTS = {
    "2022": {2: 96, 4: 1228, 6: 5612},
    "2017": {2: 96, 4: 1222, 6: 5387},
}


def output_name(edition: str) -> str:
    return f"hs{edition}.csv.gz"


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def read_edition(source_dir: Path, edition: str) -> list[list[str]]:
    relative = EDITIONS[edition]
    # utf-8-sig: the 2017 file starts with a byte-order mark, the 2022 file does not.
    with (source_dir / relative).open(encoding="utf-8-sig", newline="") as handle:
        rows: list[list[str]] = []
        for record in csv.DictReader(handle):
            code = (record["hscode"] or "").strip()
            if code in ("", "TOTAL") or code in NOT_IN_NOMENCLATURE:
                continue  # the total row, 2017's empty last record and the UN Comtrade reporting codes
            if not code.isdigit() or len(code) not in (2, 4, 6) or str(len(code)) != record["level"].strip():
                raise BuildError(f"{relative}: unexpected code {code!r} at level {record['level']!r}")
            description = record["description"] or ""
            parent = record["parent"].strip()
            rows.append(
                [
                    code,
                    str(len(code)),
                    "" if parent == "TOTAL" else parent,
                    record["section"].strip(),
                    description.strip(),
                    "yes" if len(description) == TRUNCATED_LENGTH else "",
                ]
            )
    counts = {level: sum(1 for row in rows if len(row[0]) == level) for level in (2, 4, 6)}
    if counts != EXPECTED_LEVEL_COUNTS[edition]:
        raise BuildError(
            f"{relative}: expected {EXPECTED_LEVEL_COUNTS[edition]} codes per level, found {counts}"
        )
    return rows


def read_sections(source_dir: Path) -> list[list[str]]:
    with (source_dir / SECTIONS_FILE).open(encoding="utf-8-sig", newline="") as handle:
        # Section VII has a trailing space and section I a lower-case title; we trim, not reword.
        return [[row["section"].strip(), row["name"].strip()] for row in csv.DictReader(handle)]


def build(source_dir: Path) -> BuiltDataset:
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    for edition in EDITIONS:
        rows = read_edition(source_dir, edition)
        files[output_name(edition)] = gzip_bytes(csv_bytes(COLUMNS, rows))
        counts[f"hs{edition}_codes"] = len(rows)
    sections = read_sections(source_dir)
    files[SECTIONS_OUTPUT] = csv_bytes(["section", "name"], sections)
    counts["sections"] = len(sections)
    metadata = {
        "id": "hs",
        "title": "Harmonized System nomenclature: chapters, headings and subheadings",
        "edition": "HS 2022 / HS 2017",
        "publisher": "World Customs Organization (nomenclature); descriptions from UN Comtrade via "
        "datahub.io core dataset",
        "source_urls": [
            "https://github.com/datasets/harmonized-system/tree/905e5a0fa29f5700d62cb3cc1265f21bc8a92329",
            "https://github.com/datasets/harmonized-system/tree/a72bef25b2749cd04a824b8b46b71c89e566b4bb",
            "https://www.wcoomd.org/en/topics/nomenclature/instrument-and-tools.aspx",
        ],
        "licence": "ODC PDDL 1.0 as declared by the dataset (WCO holds rights in the nomenclature text)",
        "raw_files": [raw_file_entry(source_dir, path) for path in [*EDITIONS.values(), SECTIONS_FILE]],
        "record_counts": counts,
    }
    return BuiltDataset(metadata=metadata, files=files)
