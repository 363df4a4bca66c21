"""``imvo obligations``: which legal rules apply to an organisation, and what they require."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from imvo.cli import EXIT_INPUT_PROBLEMS, EXIT_OK, EXIT_USAGE
from imvo.core.obligations import FactsError, diff, evaluate, load_imports, load_profile
from imvo.core.obligations.declaration import draft_wzk_declaration
from imvo.core.obligations.report import render_csv, render_html, render_json, render_markdown

_RENDERERS = {".json", ".csv", ".html", ".md"}


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "obligations",
        help="evaluate legal obligations (CMR, Wzk, LkSG, CSDDD, government conditions)",
        description="Evaluate which legal obligations apply to an organisation, with reasons and sources.",
    )
    parser.add_argument("--profile", type=Path, required=True, help="organisation profile (TOML)")
    parser.add_argument("--imports", type=Path, help="import records (CSV: year, cn_code, quantity_kg, …)")
    parser.add_argument("--out", type=Path, help="write the result to .json, .csv, .html or .md")
    parser.add_argument(
        "--as-of", type=_iso_date, default=None, help="evaluation date, YYYY-MM-DD (default today)"
    )
    parser.add_argument("--previous", type=Path, help="an earlier JSON result: print what changed")
    parser.add_argument(
        "--declaration",
        type=Path,
        help="also write a draft Wzk child-labour declaration (Markdown) from the register",
    )
    parser.add_argument(
        "--language",
        choices=("en", "nl"),
        default="en",
        help="language of the reasons and headings (the JSON export always holds both); default en",
    )
    parser.set_defaults(func=run)


def _previous_result(path: Path | None) -> dict[str, Any] | str | None:
    """The earlier JSON result to compare with; a message when it cannot be used."""
    if path is None:
        return None
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return f"{path}: cannot read the previous result: {error}"
    if not isinstance(previous, dict) or previous.get("format") != "imvo.obligations/1":
        return f"{path}: not an imvo obligations JSON result"
    return previous


def run(args: argparse.Namespace) -> int:
    if args.out is not None and args.out.suffix.lower() not in _RENDERERS:
        print(f"imvo obligations: --out must end in {', '.join(sorted(_RENDERERS))}", file=sys.stderr)
        return EXIT_USAGE
    as_of: date = args.as_of or date.today()  # noqa: DTZ011 - a legal date is a calendar day, not an instant
    try:
        profile = load_profile(args.profile)
        imports = load_imports(args.imports) if args.imports is not None else None
    except FactsError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_INPUT_PROBLEMS
    previous = _previous_result(args.previous)
    if isinstance(previous, str):
        print(previous, file=sys.stderr)
        return EXIT_INPUT_PROBLEMS
    result = evaluate(profile, imports, as_of=as_of)
    changes = diff(previous, result) if previous is not None else []
    language: str = args.language
    print(render_markdown(result, changes, language))
    if args.out is not None:
        suffix = args.out.suffix.lower()
        text = {
            ".json": lambda: render_json(result, changes),
            ".csv": lambda: render_csv(result, language),
            ".html": lambda: render_html(result, changes, language),
            ".md": lambda: render_markdown(result, changes, language),
        }[suffix]()
        try:
            args.out.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"{args.out}: cannot write: {error}", file=sys.stderr)
            return EXIT_INPUT_PROBLEMS
    if args.declaration is not None:
        draft = draft_wzk_declaration(profile, profile.register, as_of)
        try:
            args.declaration.write_text(draft, encoding="utf-8")
        except OSError as error:
            print(f"{args.declaration}: cannot write: {error}", file=sys.stderr)
            return EXIT_INPUT_PROBLEMS
    return EXIT_OK
