"""``imvo legal``: the legal values this installation's administrators set (check, load, approve, list).

The values live in the web platform's database, where a second administrator approves them (four
eyes) and every step is audited; this command hands its arguments to the platform's ``legal``
management command (``python -m imvo.web.manage legal …``), so the rules are written once. It uses the
same settings as the site (``DATABASE_URL``, ``IMVO_VAR_DIR``, …). ``imvo legal check`` needs no
database.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from imvo.cli import EXIT_INPUT_PROBLEMS, EXIT_OK, EXIT_USAGE

USAGE = (
    "usage: imvo legal check FILE | load FILE --by EMAIL | approve --batch N --by EMAIL | list\n"
    "(python -m imvo.web.manage legal --help for every option)"
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "legal",
        help="check, load and approve legal values (thresholds, dates) with their Official Journal citation",
        description=(
            "Legal values for this installation. 'check FILE' checks a file; 'load FILE --by EMAIL' stores "
            "its rows as proposals of that administrator; 'approve --batch N --by EMAIL' is the second "
            "administrator's approval; 'list' shows the values in effect. Columns of the file: "
            "rule_id, name, value, valid_from, valid_until, act, article, oj_reference, url "
            "[, note, override_verified]."
        ),
    )
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help="check FILE | load FILE --by EMAIL | …")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    arguments = list(args.arguments)
    if not arguments or arguments[0] not in ("check", "load", "approve", "list"):
        print(USAGE, file=sys.stderr)
        return EXIT_USAGE
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imvo.web.settings")
    try:
        import django
        from django.core.management import CommandError, call_command
    except ImportError:  # pragma: no cover - the web extra is not installed
        print("imvo legal: needs the web platform (pip install imvo[web])", file=sys.stderr)
        return EXIT_INPUT_PROBLEMS
    django.setup()
    try:
        call_command("legal", *arguments)
    except CommandError as error:
        print(f"imvo legal: {error}", file=sys.stderr)
        return EXIT_INPUT_PROBLEMS
    return EXIT_OK
