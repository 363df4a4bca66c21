"""Benchmark of the disclosure assessment engine (issue 6 item 3).

Prints throughput in statements per CPU second (one core; other load on the machine does not
distort it; target >= 20 for typical 2-10 page statements) and precision / recall / F1 per
LegalBench supply-chain-disclosure task on the development set in
../shared/data/supply-chain-disclosures (skipped when absent), as a table and as
JSON on the last line.

    .venv/bin/python benchmarks/bench_assess.py [--data DIR] [--seconds 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from imvo.core.assessment import ENGINE_VERSION, assess_file, assess_text

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "supply-chain-disclosures"
FIXTURES = REPO / "tests" / "core" / "fixtures" / "disclosures"
TARGET_STATEMENTS_PER_SECOND = 20.0
# Running text at ~3,000 characters per page: the "typical 2-10 page statements".
CHARS_PER_PAGE = 3_000
TYPICAL_PAGES = (2, 5, 10)


def load_devset(folder: Path) -> list[tuple[str, str, bool]]:
    csv.field_size_limit(10**8)
    rows = []
    for path in sorted(folder.glob("*.train.tsv")):
        task = path.name.removesuffix(".train.tsv")
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append((task, row["text"], row["answer"] == "Yes"))
    return rows


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


def scores(rows: list[tuple[str, str, bool]]) -> dict[str, dict[str, float]]:
    cache: dict[str, dict[str, bool]] = {}
    counts: dict[str, list[int]] = {}
    for task, text, gold in rows:
        if text not in cache:
            cache[text] = assess_text(text).legalbench_labels()
        predicted = cache[text][task]
        tp_fp_fn_tn = counts.setdefault(task, [0, 0, 0, 0])
        tp_fp_fn_tn[0] += predicted and gold
        tp_fp_fn_tn[1] += predicted and not gold
        tp_fp_fn_tn[2] += gold and not predicted
        tp_fp_fn_tn[3] += not predicted and not gold
    table = {}
    for task, (tp, fp, fn, tn) in sorted(counts.items()):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[task] = {
            "n": tp + fp + fn + tn,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "tn": tn,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "accuracy": round((tp + tn) / (tp + fp + fn + tn), 3),
        }
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seconds", type=float, default=3.0, help="time budget per throughput run")
    args = parser.parse_args()

    rows = load_devset(args.data) if args.data.is_dir() else []
    texts = sorted({text for _, text, _ in rows}) or [
        path.read_text(encoding="utf-8", errors="replace") for path in sorted(FIXTURES.glob("*.txt"))
    ]
    short_rate, runs = throughput(texts, args.seconds)
    mean_chars = round(sum(map(len, texts)) / len(texts))
    rates: dict[str, float] = {}
    for pages in TYPICAL_PAGES:
        rate, count = throughput(typical_statements(texts, pages), args.seconds)
        rates[f"{pages}_pages"] = round(rate, 1)
        runs += count
    pdf_rate = pdf_throughput(texts, 10, args.seconds)
    if pdf_rate is not None:
        rates["10_pages_pdf"] = round(pdf_rate, 1)
    slowest = min(rates.values())
    result: dict[str, object] = {
        "engine_version": ENGINE_VERSION,
        "throughput": {
            "dev_statements_per_second": round(short_rate, 1),
            "dev_statement_mean_chars": mean_chars,
            "statements_per_second_by_length": rates,
            "chars_per_page": CHARS_PER_PAGE,
            "target_statements_per_second": TARGET_STATEMENTS_PER_SECOND,
            "meets_target_up_to_10_pages": slowest >= TARGET_STATEMENTS_PER_SECOND,
            "runs": runs,
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(f"engine {ENGINE_VERSION}, one process")
    print(f"throughput: {short_rate:.1f} dev statements/s (mean {mean_chars} chars)")
    for label, rate in rates.items():
        print(f"            {rate:.1f} statements/s at {label.replace('_', ' ')} (target >= 20)")
    if rows:
        table = scores(rows)
        result["devset"] = table
        header = ("n", "tp", "fp", "fn", "tn")
        print(
            f"\n{'task':<30} "
            + " ".join(f"{name:>3}" for name in header)
            + f" {'prec':>6} {'rec':>6} {'f1':>6}"
        )
        for task, row in table.items():
            print(
                f"{task:<30} {row['n']:>3} {row['tp']:>3} {row['fp']:>3} {row['fn']:>3} {row['tn']:>3} "
                f"{row['precision']:>6.2f} {row['recall']:>6.2f} {row['f1']:>6.2f}"
            )
        macro_f1 = sum(row["f1"] for row in table.values()) / len(table)
        accuracy = sum(row["tp"] + row["tn"] for row in table.values()) / sum(
            row["n"] for row in table.values()
        )
        result["devset_macro_f1"] = round(macro_f1, 3)
        result["devset_accuracy"] = round(accuracy, 3)
        print(f"{'macro F1':<30} {macro_f1:.3f}   accuracy {accuracy:.3f}")
    else:
        print(f"development set not found at {args.data}; precision/recall skipped")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
