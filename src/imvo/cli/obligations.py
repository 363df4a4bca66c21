"""``imvo obligations``: which legal rules apply to an organisation, and what they require.

By default it applies the rules as shipped with imvo. ``--installation`` also applies the legal values
this installation's administrators approved (``imvo legal``, or the /legal-values/ page), as every web
page does: they are read from the site's database with the site's settings (``DATABASE_URL``,
``IMVO_VAR_DIR``, …) through the platform's ``legal values`` command, so this module does not import the
web layer and the core stays free of Django. The first line of the output says which rules were applied.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from imvo.cli import EXIT_INPUT_PROBLEMS, EXIT_OK, EXIT_USAGE
from imvo.core.obligations import (
    FactsError,
    OperatorValue,
    RuleSet,
    apply_operator_values,
    diff,
    evaluate,
    load_imports,
    load_profile,
    load_ruleset,
)
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
        description=(
            "Evaluate which legal obligations apply to an organisation, with reasons and sources. By default "
            "the rules as shipped with imvo apply: legal values set and approved by this installation's "
            "administrators (imvo legal, the /legal-values/ page) are used only with --installation. The "
            "first line of the output says which rules were applied."
        ),
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
        "--installation",
        action="store_true",
        help=(
            "also apply the legal values this installation's administrators approved, read from the site's "
            "database (the settings imvo legal uses: DATABASE_URL, IMVO_VAR_DIR); without it only the "
            "shipped rules apply"
        ),
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


#: Which rules were applied, the first line of the output (in the report's language).
_RULES_NOTE = {
    "en": {
        "shipped": (
            "Rules: as shipped with imvo (rule set {version}). Legal values set by an installation's "
            "administrators are not applied; --installation applies them."
        ),
        "installation": (
            "Rules: as shipped with imvo, with the {count} legal value(s) approved by this installation's "
            "administrators (rule set {version})."
        ),
        "installation_none": (
            "Rules: as shipped with imvo (rule set {version}); this installation's administrators have "
            "approved no legal values."
        ),
    },
    "nl": {
        "shipped": (
            "Regels: zoals imvo ze meelevert (regelset {version}). Juridische waarden die de beheerders van "
            "een installatie instelden, zijn niet toegepast; --installation past ze toe."
        ),
        "installation": (
            "Regels: zoals imvo ze meelevert, met de {count} juridische waarde(n) die de beheerders van deze "
            "installatie goedkeurden (regelset {version})."
        ),
        "installation_none": (
            "Regels: zoals imvo ze meelevert (regelset {version}); de beheerders van deze installatie hebben "
            "geen juridische waarden goedgekeurd."
        ),
    },
}

#: What the platform's ``legal values`` command writes (the command line cannot import the web layer).
VALUES_FORMAT = "imvo.legal-values/1"


def installation_values() -> list[OperatorValue] | str:
    """The legal values this installation's administrators approved (read through the platform's
    ``legal values`` command, as ``imvo legal`` reads them); a message when they cannot be read."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imvo.web.settings")
    try:
        import django
        from django.core.management import CommandError, call_command
        from django.db import DatabaseError
    except ImportError:  # pragma: no cover - the web extra is not installed
        return "--installation needs the web platform (pip install imvo[web])"
    try:
        django.setup()
        out = io.StringIO()
        call_command("legal", "values", stdout=out)
    except (CommandError, DatabaseError) as error:
        return f"cannot read this installation's legal values: {error}"
    try:
        document = json.loads(out.getvalue())
        if document.get("format") != VALUES_FORMAT:
            return "cannot read this installation's legal values: not the format this version reads"
        return [OperatorValue.from_dict(value) for value in document["values"]]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        return f"cannot read this installation's legal values: {error}"


def _ruleset(args: argparse.Namespace) -> tuple[RuleSet, str] | str:
    """The rules to apply and the line saying which they are; a message when they cannot be read."""
    notes = _RULES_NOTE[args.language]
    shipped = load_ruleset()
    if not args.installation:
        return shipped, notes["shipped"].format(version=shipped.version)
    values = installation_values()
    if isinstance(values, str):
        return values
    ruleset = apply_operator_values(shipped, values)
    count = len(ruleset.operator_values)
    note = notes["installation" if count else "installation_none"]
    return ruleset, note.format(count=count, version=ruleset.version)


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
    rules = _ruleset(args)
    if isinstance(rules, str):
        print(f"imvo obligations: {rules}", file=sys.stderr)
        return EXIT_INPUT_PROBLEMS
    ruleset, note = rules
    result = evaluate(profile, imports, as_of=as_of, ruleset=ruleset)
    changes = diff(previous, result) if previous is not None else []
    language: str = args.language
    print(note + "\n")
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
