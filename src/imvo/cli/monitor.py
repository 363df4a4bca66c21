"""``imvo monitor POPULATION --disclosures DIR``: run a whole monitoring round and write its figures."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from imvo.cli import EXIT_INPUT_PROBLEMS, EXIT_OK, EXIT_USAGE
from imvo.core.monitoring import (
    DEFAULT_CRITERIA_SETS,
    DUTCH_IMVO_SIZE_CRITERIA,
    DUTCH_REFERENCE_SERIES,
    EXPORT_FORMATS,
    SizeCriteria,
    checked_criteria_sets,
    in_scope,
    read_population,
    run_round,
    write_figures,
)
from imvo.core.suppliers import InputError

_BAR_WIDTH = 30


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "monitor",
        help="run a monitoring round: population + folder of disclosures → figures",
        description=(
            "Assess every disclosure (PDF, HTML, TXT) in DIR, match each to a company of the population "
            "(by registration number in the file name, else by the company name at the start of the "
            "file name), and write the round's figures: endorsement against the 90 %% target, the six "
            "OECD steps, sector and size breakdowns, maturity segments and the German NAP classes."
        ),
    )
    parser.add_argument("population", type=Path, help="population file (.csv or .xlsx)")
    parser.add_argument(
        "--disclosures", type=Path, required=True, metavar="DIR", help="folder of disclosures"
    )
    parser.add_argument("--round", dest="round_name", default=str(time.gmtime().tm_year), help="round name")
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        default=None,
        help=f"figures file ({', '.join(EXPORT_FORMATS)}); default: JSON on stdout",
    )
    parser.add_argument(
        "--population-size",
        type=int,
        default=None,
        help="size of the population the companies were sampled from (gives 95 %% intervals)",
    )
    parser.add_argument(
        "--all-sizes",
        action="store_true",
        help="keep every company; default: only those meeting the size criteria",
    )
    sizes = parser.add_argument_group(
        "size criteria",
        "The programme's size thresholds (a company must have MORE than each). Without any of these "
        "options the Dutch IMVO criteria apply: more than 500 employees, EUR 20 m balance-sheet total "
        "and EUR 40 m turnover, all three. With any of them only the thresholds given are used.",
    )
    sizes.add_argument("--min-employees", type=int, default=None, metavar="N", help="more than N employees")
    sizes.add_argument(
        "--min-assets", type=float, default=None, metavar="EUR", help="more than EUR balance-sheet total"
    )
    sizes.add_argument(
        "--min-turnover", type=float, default=None, metavar="EUR", help="more than EUR turnover"
    )
    sizes.add_argument(
        "--required",
        type=int,
        default=None,
        metavar="N",
        help="how many of the thresholds must be exceeded (default: all of them)",
    )
    parser.add_argument(
        "--criteria-sets",
        default=",".join(DEFAULT_CRITERIA_SETS),
        metavar="KEYS",
        help=f"comma-separated criteria sets the round reports (default: {','.join(DEFAULT_CRITERIA_SETS)})",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=run)


class _ProgressBar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        filled = int(fraction * _BAR_WIDTH)
        elapsed = time.perf_counter() - self.started
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {done}/{total} disclosures {elapsed:.1f}s"
        )
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")


def size_criteria_from(args: argparse.Namespace) -> SizeCriteria:
    """The Dutch criteria, or only the thresholds given on the command line; ValueError if invalid."""
    given = (args.min_employees, args.min_assets, args.min_turnover)
    if all(value is None for value in given):
        if args.required is None:
            return DUTCH_IMVO_SIZE_CRITERIA
        return SizeCriteria(
            name=DUTCH_IMVO_SIZE_CRITERIA.name,
            employees_over=DUTCH_IMVO_SIZE_CRITERIA.employees_over,
            assets_over=DUTCH_IMVO_SIZE_CRITERIA.assets_over,
            turnover_over=DUTCH_IMVO_SIZE_CRITERIA.turnover_over,
            required=args.required,
            source=DUTCH_IMVO_SIZE_CRITERIA.source,
        )
    return SizeCriteria(
        name="size criteria given on the command line",
        employees_over=args.min_employees,
        assets_over=args.min_assets,
        turnover_over=args.min_turnover,
        required=args.required,
    )


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.out is not None and args.out.suffix.lower() not in EXPORT_FORMATS:
        return f"--out must end in one of {', '.join(EXPORT_FORMATS)}"
    if not args.disclosures.is_dir():
        return f"{args.disclosures} is not a folder"
    return None


def _companies_in_scope(args: argparse.Namespace, companies: list[Any], criteria: SizeCriteria) -> list[Any]:
    if args.all_sizes:
        return companies
    kept = in_scope(companies, criteria)
    if not args.quiet and len(kept) < len(companies):
        print(
            f"{len(companies) - len(kept)} of {len(companies)} companies are below the size criteria "
            f"({criteria.describe()}); use --all-sizes to keep them",
            file=sys.stderr,
        )
    return kept


def _report(args: argparse.Namespace, outcome: Any, criteria_sets: Any) -> None:
    figures = outcome.figures.reporting({args.round_name: criteria_sets})
    for name in outcome.unmatched_files:
        print(f"{name}: matches no company of the population; not counted", file=sys.stderr)
    for name, message in outcome.unreadable_files:
        print(f"{name}: {message}", file=sys.stderr)
    if args.out is None:
        import json

        json.dump(figures.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        write_figures(figures, args.out)
    headline = figures.headline(args.round_name)
    if not args.quiet and headline is not None:
        print(
            f"round {args.round_name}: {headline.numerator} of {headline.denominator} companies "
            f"({headline.share * 100:.0f} %) explicitly endorse the OECD Guidelines; "
            f"{len(outcome.companies_without_disclosure)} without a disclosure",
            file=sys.stderr,
        )


def run(args: argparse.Namespace) -> int:
    try:
        if problem := _usage_problem(args):
            raise ValueError(problem)
        criteria = size_criteria_from(args)
        criteria_sets = checked_criteria_sets(
            key.strip() for key in args.criteria_sets.split(",") if key.strip()
        )
    except ValueError as error:
        print(f"imvo monitor: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        companies = read_population(args.population)
    except InputError as error:
        for input_problem in error.problems:
            print(input_problem, file=sys.stderr)
        return EXIT_INPUT_PROBLEMS
    companies = _companies_in_scope(args, companies, criteria)
    # A progress bar only on a terminal: redirected stderr (logs, CI) gets the summary lines only.
    progress = _ProgressBar(sys.stderr) if not args.quiet and sys.stderr.isatty() else None
    reference = [point for point in DUTCH_REFERENCE_SERIES if point.round != args.round_name]
    outcome = run_round(
        companies,
        args.disclosures,
        args.round_name,
        population_size=args.population_size,
        reference_series=reference,
        progress=progress,
    )
    if progress is not None:
        progress.finish()
    _report(args, outcome, criteria_sets)
    return EXIT_INPUT_PROBLEMS if outcome.unreadable_files else EXIT_OK
