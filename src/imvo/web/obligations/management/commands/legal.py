"""``python -m imvo.web.manage legal …`` (and ``imvo legal …``): the installation's legal values.

    legal check values.csv                    check a file against the rules; nothing is stored
    legal load values.csv --by ann@example.org   store its rows as proposals of that administrator
    legal approve --batch 3 --by ben@example.org  a second administrator approves a loaded file
    legal list                                the values in effect and the proposals waiting
    legal values                              the values in effect as JSON (for ``imvo obligations
                                              --installation``, which applies them on the command line)

Loading is the first pair of eyes: the rows take effect only when another administrator approves
them (here, or on the /legal-values/ page). A file with any problem is refused whole.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from imvo.core.obligations import LegalValuesError, load_ruleset, read_legal_values
from imvo.web.obligations import legal_actions, legal_queries
from imvo.web.obligations.models import LegalValueBatch

#: What ``legal values`` writes (``imvo obligations --installation`` checks it).
VALUES_FORMAT = "imvo.legal-values/1"


class Command(BaseCommand):
    help = "Check, load, approve and list the legal values this installation's administrators set."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="check a legal values file; nothing is stored")
        check.add_argument("file", type=Path)
        load = sub.add_parser(
            "load", help="store a file's rows as proposals (a second administrator approves)"
        )
        load.add_argument("file", type=Path)
        load.add_argument("--by", required=True, help="e-mail address of the administrator loading the file")
        approve = sub.add_parser("approve", help="approve every waiting row of a loaded file")
        approve.add_argument("--batch", type=int, required=True, help="the file's number (shown by load)")
        approve.add_argument("--by", required=True, help="e-mail address of the approving administrator")
        sub.add_parser("list", help="the values in effect and the proposals waiting")
        sub.add_parser(
            "values", help="the values in effect as JSON (read by imvo obligations --installation)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "check":
            self._check(options["file"])
        elif action == "load":
            self._load(options["file"], self._admin(options["by"]))
        elif action == "approve":
            self._approve(options["batch"], self._admin(options["by"]))
        elif action == "values":
            self._values()
        else:
            self._list()

    def _admin(self, email: str) -> Any:
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None or not legal_queries.is_installation_admin(user):
            raise CommandError(f"{email}: not an administrator of this installation (staff or superuser).")
        return user

    def _problems(self, error: LegalValuesError) -> CommandError:
        for problem in error.problems:
            self.stderr.write(str(problem))
        return CommandError(f"{len(error.problems)} problem(s); nothing was stored.")

    def _check(self, path: Path) -> None:
        try:
            rows = read_legal_values(path, load_ruleset(), file=path.name)
        except LegalValuesError as error:
            raise self._problems(error) from None
        self.stdout.write(f"{path.name}: {len(rows)} value(s), no problems.")

    def _load(self, path: Path, actor: Any) -> None:
        try:
            result = legal_actions.load_file(actor, path, path.name)
        except LegalValuesError as error:
            raise self._problems(error) from None
        except legal_actions.LegalValueRefused as refused:
            raise CommandError(str(refused)) from None
        if result.batch is None:
            self.stdout.write(
                f"{path.name}: nothing changed: all {len(result.unchanged)} value(s) are already in effect. "
                "Nothing was stored and nothing waits for approval."
            )
            return
        self.stdout.write(
            f"{path.name}: file {result.batch.pk}: {len(result.proposed)} value(s) proposed, "
            f"{len(result.unchanged)} already in effect. They take effect once another administrator "
            f"approves them: imvo legal approve --batch {result.batch.pk} --by <administrator>, or on "
            "the /legal-values/ page."
        )

    def _approve(self, batch_id: int, actor: Any) -> None:
        batch = LegalValueBatch.objects.filter(pk=batch_id).first()
        if batch is None:
            raise CommandError(f"No legal values file {batch_id}.")
        try:
            approved = legal_actions.approve_batch(actor, batch)
        except legal_actions.LegalValueRefused as refused:
            raise CommandError(str(refused)) from None
        version = approved[-1].ruleset_after if approved else ""
        self.stdout.write(f"{len(approved)} value(s) approved; rule set {version}.")

    def _values(self) -> None:
        """The approved values in the core's form (:meth:`OperatorValue.to_dict`), one JSON document."""
        values = legal_queries.operator_values(legal_queries.approved_changes())
        document = {"format": VALUES_FORMAT, "values": [value.to_dict() for value in values]}
        self.stdout.write(json.dumps(document, ensure_ascii=False, sort_keys=True))

    def _list(self) -> None:
        ruleset = legal_queries.effective_ruleset()
        self.stdout.write(f"rule set {ruleset.version} (shipped {ruleset.base_version})")
        for change in legal_queries.approved_changes():
            self.stdout.write(
                f"in effect: {change} — {change.oj_reference} (approved by {change.decided_by_label})"
            )
        for change in legal_queries.pending_changes():
            self.stdout.write(
                f"waiting:   {change} — change {change.pk}, proposed by {change.proposed_by_label}"
            )
