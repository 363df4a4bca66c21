"""The engine against labelled statements: the expert-coded LegalBench *train* split (skipped when
../shared/data is absent) and the project's own development set in fixtures/assessment_devset.

LegalBench's test splits are a held-out evaluation measured by others; nothing here reads them.
The floor (0.85 balanced accuracy on every task, LegalBench's own metric) is the issue-14 target;
it catches regressions. The own set was written by the project from the statute and the coding
instructions, so a score on it is an upper bound for unseen text, not an estimate of it
(docs/assessment.md, "Benchmark").
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from imvo.core.assessment import LEGALBENCH_MEASURES, Verdict, assess_text

DEVSET = Path(__file__).parent / "fixtures" / "assessment_devset"
FLOOR = 0.85
MEASURES = tuple(LEGALBENCH_MEASURES)
TASKS = tuple(f"{kind}_{measure}" for kind in ("best_practice", "disclosed") for measure in MEASURES)
LABELS = {"found", "not_done", "not_found"}
# Held-out batches: written and labelled by separate writers before the engine was run on them (7
# before 2.3.1, 12 before 2.3.7, 16 before 2.3.10), run once per engine (first runs recorded in
# docs/assessment.md) and not used to develop the rules, so they are not regression floors;
# benchmarks/bench_assess.py reports them in their own table. Batches 4-6, 8-11 and 13-15 were each
# run once before the rules were fixed on them and are floors now.
HELD_OUT_BATCHES = {7, 12, 16}


def _train_rows(folder: Path) -> list[tuple[str, str, bool]]:
    # Statements are longer than csv's default field limit; restore it after, since the limit is
    # process-wide and the supplier reader relies on it.
    previous = csv.field_size_limit(10**8)
    try:
        rows = []
        for path in sorted(folder.glob("*.train.tsv")):
            task = path.name.removesuffix(".train.tsv")
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    rows.append((task, row["text"], row["answer"] == "Yes"))
        return rows
    finally:
        csv.field_size_limit(previous)


def _devset() -> list[dict[str, object]]:
    items = []
    for path in sorted(DEVSET.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            items.extend(json.loads(line) for line in handle if line.strip())
    return items


def balanced_accuracy(pairs: list[tuple[bool, bool]]) -> float:
    """Mean of the recall on "Yes" and on "No" over (gold, predicted) pairs."""
    yes = [predicted for gold, predicted in pairs if gold]
    no = [not predicted for gold, predicted in pairs if not gold]
    recall_yes = sum(yes) / len(yes) if yes else 1.0
    recall_no = sum(no) / len(no) if no else 1.0
    return (recall_yes + recall_no) / 2


def test_train_split_balanced_accuracy_floor_per_task(shared_data: Path) -> None:
    rows = _train_rows(shared_data / "supply-chain-disclosures")
    assert len(rows) == 80
    labels = {text: assess_text(text).legalbench_labels() for text in {text for _, text, _ in rows}}
    for task in TASKS:
        pairs = [(gold, labels[text][task]) for row_task, text, gold in rows if row_task == task]
        assert balanced_accuracy(pairs) >= FLOOR, task


def test_own_devset_is_large_labelled_and_has_provenance() -> None:
    items = _devset()
    languages = Counter(str(item["lang"]) for item in items)
    assert languages["en"] >= 300
    assert languages["nl"] >= 100
    assert languages["de"] >= 100
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        labels = item["labels"]
        assert isinstance(labels, dict)
        assert set(labels) == set(MEASURES), item["id"]
        assert set(labels.values()) <= LABELS, item["id"]
        provenance = item["provenance"]
        assert isinstance(provenance, dict)
        assert provenance.get("source"), item["id"]
        assert "LegalBench" not in str(provenance.get("source")) or "not derived" in str(provenance["source"])
        assert item["kind"] in {"positive", "negation", "plan", "look-alike", "statement", "mixed"}


def test_own_devset_covers_all_ten_tasks_with_both_answers_in_every_language() -> None:
    items = _devset()
    for language in ("en", "nl", "de"):
        for measure in MEASURES:
            values = Counter(item["labels"][measure] for item in items if item["lang"] == language)  # type: ignore[index]
            # best_practice needs found and not-found; disclosed needs not_done and not_found too
            assert values["found"] >= 10, (language, measure)
            assert values["not_done"] >= 5, (language, measure)
            assert values["not_found"] >= 10, (language, measure)


@pytest.mark.parametrize("language", ["en", "nl", "de"])
def test_own_devset_balanced_accuracy_floor_per_task(language: str) -> None:
    items = [
        item for item in _devset() if item["lang"] == language and item.get("batch") not in HELD_OUT_BATCHES
    ]
    pairs: dict[str, list[tuple[bool, bool]]] = {task: [] for task in TASKS}
    for item in items:
        assessment = assess_text(str(item["text"]))
        labels = item["labels"]
        assert isinstance(labels, dict)
        for measure, criterion_id in LEGALBENCH_MEASURES.items():
            verdict = assessment.result(criterion_id).verdict
            pairs[f"best_practice_{measure}"].append((labels[measure] == "found", verdict is Verdict.FOUND))
            pairs[f"disclosed_{measure}"].append(
                (labels[measure] != "not_found", verdict is not Verdict.NOT_FOUND)
            )
    for task, task_pairs in pairs.items():
        assert balanced_accuracy(task_pairs) >= FLOOR, (language, task)
