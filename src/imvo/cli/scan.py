"""``imvo scan``: supplier list in, risk register (and HTML report) out."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from imvo.cli import EXIT_INPUT_PROBLEMS, EXIT_OK, EXIT_USAGE

_BAR_WIDTH = 30
_SHOW_PROGRESS_FROM = 50_000


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="scan a supplier list (CSV/XLSX) into a prioritised risk register",
        description=(
            "Scan a supplier list into a risk register: one row per supplier row and theme, most "
            "salient first, each finding citing its dataset, edition and record. The register format "
            "follows the extension of --out (.csv, .xlsx, .json, .parquet, .html); .parquet writes the "
            "findings there and the supplier rows to NAME.suppliers.parquet beside it, joined by input_row. "
            "Unless --no-report is given, a self-contained HTML report is written beside it."
        ),
    )
    parser.add_argument(
        "input", type=Path, help="supplier list: .csv (any common encoding/delimiter) or .xlsx"
    )
    parser.add_argument(
        "--out", "-o", type=Path, action="append", required=True, help="register file; may be repeated"
    )
    parser.add_argument(
        "--map",
        dest="column_map",
        default=None,
        metavar="FIELD=HEADER,...",
        help="name the columns yourself, e.g. 'supplier=Naam,country=Herkomst,product=Omschrijving'",
    )
    parser.add_argument(
        "--sheet", default=None, help="XLSX: the sheet to read (default: the first with data)"
    )
    parser.add_argument("--report", type=Path, default=None, help="HTML report path (default: beside --out)")
    parser.add_argument("--no-report", action="store_true", help="do not write the HTML report")
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    parser.set_defaults(func=run)


class _ProgressBar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.perf_counter()
        self.shown = False

    def __call__(self, done: int, total: int | None) -> None:
        if not self.shown and (total or 0) < _SHOW_PROGRESS_FROM and done < _SHOW_PROGRESS_FROM:
            return
        self.shown = True
        elapsed = time.perf_counter() - self.started
        rate = done / elapsed if elapsed else 0.0
        if total:
            fraction = min(done / total, 1.0)
            filled = int(fraction * _BAR_WIDTH)
            bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
            text = f"\r[{bar}] {fraction:4.0%} {done:,} rows, {rate:,.0f} rows/s"
        else:
            text = f"\r{done:,} rows, {rate:,.0f} rows/s"
        self.stream.write(text)
        self.stream.flush()

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")


def _outputs(args: argparse.Namespace) -> list[Path]:
    """The files to write: those asked for, and the HTML report beside them unless --no-report."""
    outputs: list[Path] = list(args.out)
    if not args.no_report:
        report = args.report or next(
            (o for o in outputs if o.suffix.lower() == ".html"), outputs[0].with_suffix(".html")
        )
        if report not in outputs:
            outputs.append(report)
    return outputs


def _write(result: Any, outputs: list[Path]) -> int:
    """Every output is checked before any is written, so a failure leaves none half-done."""
    from imvo.core.export import ExportError, check_register_fits, write_register

    try:
        for output in outputs:
            check_register_fits(result, output)
        for output in outputs:
            write_register(result, output)
    except ExportError as error:
        print(f"imvo scan: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    from imvo.core.export import ExportError, check_destination
    from imvo.core.scan import scan_file
    from imvo.core.suppliers import InputError, parse_column_map

    outputs = _outputs(args)
    try:
        for output in outputs:
            check_destination(output)
        column_map = parse_column_map(args.column_map) if args.column_map else None
    except (ExportError, InputError) as error:
        print(f"imvo scan: error: {error}", file=sys.stderr)
        return EXIT_USAGE

    progress = _ProgressBar(sys.stderr) if not args.quiet and sys.stderr.isatty() else None
    started = time.perf_counter()
    try:
        result = scan_file(args.input, column_map=column_map, sheet=args.sheet, progress=progress)
    except InputError as error:
        if progress:
            progress.finish()  # end the bar's line before the problems
        print(f"imvo scan: {args.input}: the file has problems; nothing was written.", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_INPUT_PROBLEMS
    if progress:
        progress.finish()
    with result:
        status = _write(result, outputs)
        if status == EXIT_OK and not args.quiet:
            _print_summary(result, outputs, time.perf_counter() - started)
    return status


def _print_summary(result: Any, outputs: list[Path], seconds: float) -> None:
    summary = result.summary
    source = result.source
    print(f"Scanned {summary.input_rows:,} supplier rows from {source.path} in {seconds:.1f} s")
    detected = ", ".join(f"{field}={header!r}" for field, header in source.columns.items())
    print(f"  read as {source.format.upper()}", end="")
    if source.encoding:
        print(f", {source.encoding}, delimiter {source.delimiter!r}", end="")
    print(f"; columns: {detected}")
    print(f"  rows with a risk finding: {summary.rows_with_findings:,}")
    rows = ", ".join(
        f"{summary.rows_by_status[status]:,} {label}"
        for status, label in _STATUS_LABELS.items()
        if summary.rows_by_status.get(status)
    )
    print(f"  rows: {rows or 'none'}")
    _print_coverage(result.coverage)
    for warning in result.warnings:
        print(f"  note: {warning}")
    top = list(result.iter_findings("theme <> 'none'", 5))
    if top:
        print("  most salient:")
        for finding in top:
            print(
                f"    #{finding.priority} row {finding.input_row} {finding.supplier} ({finding.country}) "
                f"{finding.good or finding.product}: {finding.theme.replace('_', ' ')} "
                f"salience {finding.salience}"
            )
    from imvo.core.export import register_files

    for output in outputs:
        for written in register_files(output):
            print(f"  wrote {written}")


#: A row's status as the scan page names it.
_STATUS_LABELS = {
    "ok": "recognised",
    "needs_review": "to review",
    "unmatched_country": "country not recognised",
    "unmatched_product": "product not recognised",
}


def _print_coverage(coverage: Any) -> None:
    """What the scan looked at, as the web scan page shows it: every theme with its datasets and
    findings, the datasets' editions and gaps, and the caveat."""
    print("  what this scan looked at:")
    width = max(len(theme.theme) for theme in coverage.themes)
    for theme in coverage.themes:
        name = theme.theme.replace("_", " ").ljust(width)
        if theme.covered:
            datasets = ", ".join(dataset.id for dataset in theme.datasets)
            print(f"    {name}  {theme.findings:>9,} findings  ({datasets})")
        else:
            print(f"    {name}  not assessed: no open dataset yet")
    print("  datasets and editions:")
    for dataset in coverage.datasets:
        gap = f"; {dataset.gap}" if dataset.gap else ""
        print(f"    {dataset.id}: {dataset.title} ({dataset.edition}{gap})")
    print(f"  {coverage.caveat}")
