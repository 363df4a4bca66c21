"""The engine against the expert-coded development set (skipped when ../shared/data is absent).

The floor is deliberately below the measured scores (docs/assessment.md): it catches regressions,
it is not a target to tune the cues against.
"""

from __future__ import annotations

import csv
from pathlib import Path

from imvo.core.assessment import assess_text


def _rows(folder: Path) -> list[tuple[str, str, bool]]:
    # Statements are longer than csv's default field limit; restore it after, since the limit is
    # process-wide and the supplier reader relies on it.
    previous = csv.field_size_limit(10**8)
    try:
        return _read(folder)
    finally:
        csv.field_size_limit(previous)


def _read(folder: Path) -> list[tuple[str, str, bool]]:
    rows = []
    for path in sorted(folder.glob("*.train.tsv")):
        task = path.name.removesuffix(".train.tsv")
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append((task, row["text"], row["answer"] == "Yes"))
    return rows


def test_development_set_accuracy_floor(shared_data: Path) -> None:
    rows = _rows(shared_data / "supply-chain-disclosures")
    assert len(rows) == 80
    correct = sum(assess_text(text).legalbench_labels()[task] == gold for task, text, gold in rows)
    assert correct / len(rows) >= 0.8
