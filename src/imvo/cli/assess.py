"""``imvo assess DISCLOSURE...``: assess public disclosures and print verdicts with cited passages."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any, TextIO

from imvo.cli import EXIT_INPUT_PROBLEMS, EXIT_OK, EXIT_USAGE
from imvo.core.assessment import (
    CRITERIA_BY_ID,
    CRITERION_IDS,
    ENGINE_VERSION,
    Assessment,
    DisclosureError,
    Verdict,
    assess_file,
)

_VERDICT_LABELS = {
    Verdict.FOUND: "found",
    Verdict.EXPLICITLY_NOT_DONE: "explicitly not done",
    Verdict.NOT_FOUND: "not found",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "assess",
        help="assess disclosures (PDF, HTML, TXT) for OECD/UNGP endorsement and due-diligence measures",
        description=(
            "Assess public corporate disclosures (annual, sustainability, human-rights or modern-slavery "
            "reports; English, Dutch, German) per criterion, citing the passages and pages each verdict "
            "rests on. Exit code 1 when a file cannot be read; the others are still assessed."
        ),
    )
    parser.add_argument("disclosures", nargs="+", metavar="DISCLOSURE", help="PDF, HTML or text file")
    parser.add_argument("--json", action="store_true", help="print one JSON document with all assessments")
    parser.add_argument(
        "--criteria",
        metavar="ID[,ID...]",
        help=f"comma-separated criterion ids (default: all): {', '.join(CRITERION_IDS)}",
    )
    parser.set_defaults(func=run)


def _criteria(raw: str | None) -> list[str] | None:
    if raw is None:
        return None
    return [part.strip() for part in raw.split(",") if part.strip()]


def run(args: argparse.Namespace) -> int:
    criteria = _criteria(args.criteria)
    if criteria is not None:
        unknown = [criterion_id for criterion_id in criteria if criterion_id not in CRITERIA_BY_ID]
        if unknown or not criteria:
            print(
                f"imvo assess: error: unknown criteria {', '.join(unknown) or '(none given)'}; "
                f"choose from {', '.join(CRITERION_IDS)}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    assessments: list[Assessment] = []
    problems: list[DisclosureError] = []
    for path in args.disclosures:
        try:
            assessments.append(assess_file(path, criteria))
        except DisclosureError as error:
            problems.append(error)
            print(f"imvo assess: {error.file}: {error.message}", file=sys.stderr)
    if args.json:
        document = {
            "engine_version": ENGINE_VERSION,
            "assessments": [assessment.to_dict() for assessment in assessments],
            "problems": [{"file": problem.file, "message": problem.message} for problem in problems],
        }
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for assessment in assessments:
            _print_assessment(assessment, sys.stdout)
    return EXIT_INPUT_PROBLEMS if problems else EXIT_OK


def _print_assessment(assessment: Assessment, out: TextIO) -> None:
    pages = f", {assessment.pages} pages" if assessment.pages else ""
    out.write(f"{assessment.source} ({assessment.format}, {assessment.language}{pages})\n")
    for result in assessment.results:
        title = CRITERIA_BY_ID[result.criterion_id].title
        out.write(
            f"  {result.criterion_id:<24} {_VERDICT_LABELS[result.verdict]:<20} "
            f"confidence {result.confidence:.2f}  {title}\n"
        )
        for citation in result.citations:
            where = (
                f"p. {citation.page}"
                if citation.page is not None
                else f"chars {citation.start}-{citation.end}"
            )
            snippet = " ".join(citation.snippet.split())
            if len(snippet) > 300:
                snippet = snippet[:297] + "..."
            quoted = textwrap.fill(
                f'[{where}, {citation.polarity.value}, cue "{citation.cue}"] {snippet}',
                width=100,
                initial_indent="      ",
                subsequent_indent="        ",
            )
            out.write(quoted + "\n")
    out.write("\n")
