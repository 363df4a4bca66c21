"""Benchmark of the disclosure assessment engine (issues 6 and 14).

Reports, as a table and as JSON on the last line:

* **Balanced accuracy per LegalBench supply-chain-disclosure task** (LegalBench's own metric: the
  mean of the recall on "Yes" and on "No"), on
  - the expert-coded *train* split in ../shared/data/supply-chain-disclosures (skipped when absent;
    LegalBench's test splits are a held-out evaluation and are never read here), and
  - the project's own development set, tests/core/fixtures/assessment_devset/*.jsonl, per language
    (en, nl, de) and over all languages (the batches not held out), and separately for each batch
    from 4 on (REPORTED_BATCHES), which were written and labelled before the engine was run on them:
    their first runs are the held-out estimates recorded in docs/assessment.md; rules fixed after a
    batch's first run make its later runs an upper bound; HELD_OUT_BATCHES were never used to develop
    the rules.
    ``best_practice_<measure>`` is "Yes" when the statement says the company does it (verdict
    ``found``); ``disclosed_<measure>`` when it addresses it at all (``found`` or
    ``explicitly_not_done``).
* **Throughput** in statements per CPU second on one core (other load on the machine does not
  distort it): development statements (target >= 200/s), statements of 2, 5 and 10 pages, and a
  10-page PDF including text extraction.
* **Confidence calibration**: for each confidence band, how many verdicts fell in it and the share
  that was correct (own set: the three-way verdict against the label; train split: each task's
  Yes/No).

    .venv/bin/python benchmarks/bench_assess.py [--data DIR] [--seconds 3] [--check]

``--check`` exits with 1 when a balanced accuracy is below the floor (0.85) or the development
statements are assessed at fewer than 200 per second.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from imvo.core.assessment import ENGINE_VERSION, LEGALBENCH_MEASURES, Verdict, assess_file, assess_text

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "supply-chain-disclosures"
DEVSET = REPO / "tests" / "core" / "fixtures" / "assessment_devset"
FIXTURES = REPO / "tests" / "core" / "fixtures" / "disclosures"
TARGET_STATEMENTS_PER_SECOND = 200.0
TARGET_TEN_PAGES_PER_SECOND = 20.0
BALANCED_ACCURACY_FLOOR = 0.85
# Own batches reported on their own: 4-6, 8-11 and 13-15, each run once before the rules were fixed on
# it (the first runs are held-out estimates in docs/assessment.md; later runs are upper bounds), and
# 7, 12 and 16, held out (first runs with 2.3.1, 2.3.7 and 2.3.10; never used to develop the rules, so
# kept out of the "own set" tables).
REPORTED_BATCHES = (4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)
HELD_OUT_BATCHES = frozenset({7, 12, 16})
# Running text at ~3,000 characters per page.
CHARS_PER_PAGE = 3_000
TYPICAL_PAGES = (2, 5, 10)
CONFIDENCE_BANDS = ((0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))
TASKS = tuple(
    f"{kind}_{measure}" for kind in ("best_practice", "disclosed") for measure in LEGALBENCH_MEASURES
)


@dataclass(frozen=True)
class Outcome:
    """One task on one statement: the gold answer, the engine's answer and its confidence."""

    task: str
    gold: bool
    predicted: bool
    confidence: float


def load_train(folder: Path) -> list[tuple[str, str, bool]]:
    """The LegalBench *train* split: (task, statement, answer) rows; never a test split."""
    previous = csv.field_size_limit(10**8)
    rows = []
    try:
        for path in sorted(folder.glob("*.train.tsv")):
            task = path.name.removesuffix(".train.tsv")
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    rows.append((task, row["text"], row["answer"] == "Yes"))
    finally:
        csv.field_size_limit(previous)
    return rows


def load_devset(folder: Path = DEVSET) -> list[dict[str, object]]:
    """The project's own labelled statements (one JSON object per line)."""
    items = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            items.extend(json.loads(line) for line in handle if line.strip())
    return items


def balanced_accuracy(outcomes: Iterable[Outcome]) -> dict[str, float | int]:
    tp = fp = fn = tn = 0
    for outcome in outcomes:
        tp += outcome.gold and outcome.predicted
        fp += outcome.predicted and not outcome.gold
        fn += outcome.gold and not outcome.predicted
        tn += not outcome.gold and not outcome.predicted
    recall_yes = tp / (tp + fn) if tp + fn else 1.0
    recall_no = tn / (tn + fp) if tn + fp else 1.0
    return {
        "n": tp + fp + fn + tn,
        "yes": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "balanced_accuracy": round((recall_yes + recall_no) / 2, 3),
    }


def train_outcomes(rows: list[tuple[str, str, bool]]) -> list[Outcome]:
    cache: dict[str, object] = {}
    outcomes = []
    for task, text, gold in rows:
        if text not in cache:
            cache[text] = assess_text(text)
        assessment = cache[text]
        measure = task.split("_")[-1]
        result = assessment.result(LEGALBENCH_MEASURES[measure])  # type: ignore[attr-defined]
        predicted = assessment.legalbench_labels()[task]  # type: ignore[attr-defined]
        outcomes.append(Outcome(task, gold, predicted, result.confidence))
    return outcomes


def devset_outcomes(
    items: list[dict[str, object]],
) -> tuple[dict[str, list[Outcome]], list[tuple[float, bool]]]:
    """Outcomes per language, and (confidence, three-way verdict correct) per item and measure."""
    by_language: dict[str, list[Outcome]] = defaultdict(list)
    verdicts: list[tuple[float, bool]] = []
    for item in items:
        assessment = assess_text(str(item["text"]))
        labels = item["labels"]
        assert isinstance(labels, dict)
        for measure, criterion_id in LEGALBENCH_MEASURES.items():
            result = assessment.result(criterion_id)
            gold = labels[measure]
            expected = {"found": Verdict.FOUND, "not_done": Verdict.EXPLICITLY_NOT_DONE}.get(
                gold, Verdict.NOT_FOUND
            )
            verdicts.append((result.confidence, result.verdict is expected))
            for kind, gold_yes, predicted in (
                ("best_practice", gold == "found", result.verdict is Verdict.FOUND),
                ("disclosed", gold != "not_found", result.verdict is not Verdict.NOT_FOUND),
            ):
                by_language[str(item["lang"])].append(
                    Outcome(f"{kind}_{measure}", gold_yes, predicted, result.confidence)
                )
    return by_language, verdicts


def per_task(outcomes: list[Outcome]) -> dict[str, dict[str, float | int]]:
    return {task: balanced_accuracy(o for o in outcomes if o.task == task) for task in TASKS}


def calibration(pairs: Iterable[tuple[float, bool]]) -> list[dict[str, object]]:
    table = []
    pairs = list(pairs)
    for low, high in CONFIDENCE_BANDS:
        inside = [correct for confidence, correct in pairs if low <= confidence < high]
        table.append(
            {
                "band": f"{low:.1f}-{min(high, 1.0):.1f}",
                "n": len(inside),
                "share_correct": round(sum(inside) / len(inside), 3) if inside else None,
            }
        )
    return table


def typical_statements(texts: list[str], pages: int) -> list[str]:
    """Statements of about ``pages`` pages, built by joining the available texts in turn."""
    statements = []
    for offset in range(len(texts)):
        parts: list[str] = []
        index = offset
        while sum(len(part) for part in parts) < pages * CHARS_PER_PAGE:
            parts.append(texts[index % len(texts)])
            index += 1
        statements.append("\n\n".join(parts))
    return statements


def throughput(statements: list[str], seconds: float) -> tuple[float, int]:
    count = 0
    started = time.process_time()
    while time.process_time() - started < seconds:
        assess_text(statements[count % len(statements)])
        count += 1
    return count / (time.process_time() - started), count


def pdf_throughput(texts: list[str], pages: int, seconds: float) -> float | None:
    """Statements per second for a generated ``pages``-page PDF: extraction with pypdf included."""
    try:
        from fpdf import FPDF
    except ImportError:  # fpdf2 is a web/dev extra; the engine itself does not need it
        return None
    body = typical_statements(texts, pages)[0][: pages * CHARS_PER_PAGE]
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 5, body.encode("latin-1", "replace").decode("latin-1"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "statement.pdf"
        pdf.output(str(path))
        count = 0
        started = time.process_time()
        while time.process_time() - started < seconds:
            assess_file(path)
            count += 1
        return count / (time.process_time() - started)


def _print_tasks(title: str, columns: dict[str, dict[str, dict[str, float | int]]]) -> None:
    print(f"\n{title}")
    print(f"{'task':<30} " + " ".join(f"{name:>14}" for name in columns))
    for task in TASKS:
        cells = []
        for table in columns.values():
            row = table[task]
            cells.append(f"{row['balanced_accuracy']:>6.3f} ({row['yes']:>3}/{row['n']:>3})")
        print(f"{task:<30} " + " ".join(f"{cell:>14}" for cell in cells))


def _print_calibration(title: str, table: list[dict[str, object]]) -> None:
    print(f"\nconfidence calibration, {title}")
    for row in table:
        share = "-" if row["share_correct"] is None else f"{row['share_correct']:.3f}"
        print(f"  {row['band']:<8} n={row['n']:>5}  correct {share}")


def _floor_failures(result: dict[str, object]) -> list[str]:
    failures = []
    for name in ("train", "devset"):
        section = result.get(name)
        if not isinstance(section, dict):
            continue
        tables = section.get("per_language", {"all": section.get("tasks", {})})
        assert isinstance(tables, dict)
        for language, table in tables.items():
            for task, row in table.items():
                if row["balanced_accuracy"] < BALANCED_ACCURACY_FLOOR:
                    failures.append(f"{name} {language} {task}: {row['balanced_accuracy']}")
    return failures


def _throughput_section(texts: list[str], seconds: float) -> dict[str, object]:
    short_rate, runs = throughput(texts, seconds)
    rates: dict[str, float] = {}
    for pages in TYPICAL_PAGES:
        rate, count = throughput(typical_statements(texts, pages), seconds)
        rates[f"{pages}_pages"] = round(rate, 1)
        runs += count
    pdf_rate = pdf_throughput(texts, 10, seconds)
    if pdf_rate is not None:
        rates["10_pages_pdf"] = round(pdf_rate, 1)
    return {
        "dev_statements_per_second": round(short_rate, 1),
        "dev_statement_mean_chars": round(sum(map(len, texts)) / len(texts)),
        "target_statements_per_second": TARGET_STATEMENTS_PER_SECOND,
        "meets_target": short_rate >= TARGET_STATEMENTS_PER_SECOND,
        "statements_per_second_by_length": rates,
        "chars_per_page": CHARS_PER_PAGE,
        "ten_pages_meets_20_per_second": rates["10_pages"] >= TARGET_TEN_PAGES_PER_SECOND,
        "runs": runs,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seconds", type=float, default=3.0, help="time budget per throughput run")
    parser.add_argument("--check", action="store_true", help="exit 1 when a floor or target is missed")
    args = parser.parse_args()

    rows = load_train(args.data) if args.data.is_dir() else []
    every_item = load_devset()
    items = [item for item in every_item if item.get("batch") not in HELD_OUT_BATCHES]
    texts = sorted({text for _, text, _ in rows}) or [
        path.read_text(encoding="utf-8", errors="replace") for path in sorted(FIXTURES.glob("*.txt"))
    ]
    result: dict[str, object] = {"engine_version": ENGINE_VERSION}
    print(f"engine {ENGINE_VERSION}, one process")

    if rows:
        outcomes = train_outcomes(rows)
        tasks = per_task(outcomes)
        result["train"] = {
            "statements": len({text for _, text, _ in rows}),
            "items": len(rows),
            "tasks": tasks,
            "calibration": calibration((o.confidence, o.gold == o.predicted) for o in outcomes),
        }
        _print_tasks("LegalBench train split: balanced accuracy (yes/n)", {"train": tasks})
    else:
        print(f"\nLegalBench train split not found at {args.data}; skipped")

    by_language, verdicts = devset_outcomes(items)
    languages = {language: per_task(outcomes) for language, outcomes in sorted(by_language.items())}
    everything = [outcome for outcomes in by_language.values() for outcome in outcomes]
    result["devset"] = {
        "items": {language: len(outcomes) // len(TASKS) for language, outcomes in by_language.items()},
        "per_language": {**languages, "all": per_task(everything)},
        "calibration_three_way": calibration(verdicts),
    }
    _print_tasks("own development set: balanced accuracy (yes/n)", {**languages, "all": per_task(everything)})

    for batch in REPORTED_BATCHES:
        newest, _ = devset_outcomes([item for item in every_item if item.get("batch") == batch])
        if not newest:
            continue
        batch_tables = {language: per_task(outcomes) for language, outcomes in sorted(newest.items())}
        result[f"devset_batch{batch}"] = {
            "items": {language: len(outcomes) // len(TASKS) for language, outcomes in newest.items()},
            "per_language": batch_tables,
        }
        _print_tasks(f"own set, batch {batch} only (first run recorded in docs/assessment.md)", batch_tables)

    result["throughput"] = _throughput_section(texts, args.seconds)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    speed = result["throughput"]
    assert isinstance(speed, dict)
    print(
        f"\nthroughput: {speed['dev_statements_per_second']} development statements/s "
        f"(mean {speed['dev_statement_mean_chars']} chars; target >= {TARGET_STATEMENTS_PER_SECOND:.0f})"
    )
    for label, rate in speed["statements_per_second_by_length"].items():
        print(f"            {rate} statements/s at {label.replace('_', ' ')}")

    if "train" in result:
        train = result["train"]
        assert isinstance(train, dict)
        _print_calibration("train split (per task, Yes/No correct)", train["calibration"])
    devset = result["devset"]
    assert isinstance(devset, dict)
    _print_calibration("own set (per measure, three-way verdict correct)", devset["calibration_three_way"])

    failures = _floor_failures(result)
    if not speed["meets_target"]:
        failures.append(f"throughput {speed['dev_statements_per_second']}/s < {TARGET_STATEMENTS_PER_SECOND}")
    result["floor"] = BALANCED_ACCURACY_FLOOR
    result["below_floor"] = failures
    missed = ", ".join(failures) if failures else "none"
    print(f"\nbelow the {BALANCED_ACCURACY_FLOOR} floor or target: {missed}")
    print(json.dumps(result))
    return 1 if args.check and failures else 0


if __name__ == "__main__":
    sys.exit(main())
