"""Every write of the installation's legal values: propose, approve, reject, withdraw, load a file.

Four eyes: an installation administrator (Django staff or superuser) proposes a value with its
citation, and it takes effect only when *another* administrator approves it. Every step is an event in
:class:`~imvo.web.obligations.models.LegalValueEvent` (append-only). Approving computes every
organisation's result under the rule set before and after, and keeps the difference with the change.

A file (``imvo legal load values.csv``) is the first pair of eyes for all its rows at once: it is
checked as a whole (nothing is stored when a row has a problem), its rows become proposals of the
administrator who loaded it, and a second administrator approves them (one by one or the whole file).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imvo.core.obligations import (
    LegalValueRow,
    LegalValuesError,
    apply_operator_values,
    diff,
    load_ruleset,
    read_legal_values,
    value_targets,
)
from imvo.core.obligations.messages import message
from imvo.core.tabular import InputProblem
from imvo.web.audit.vocabulary import AuditAction
from imvo.web.obligations import legal_queries, queries
from imvo.web.obligations.models import LegalValueBatch, LegalValueChange, LegalValueEvent


class LegalValueRefused(Exception):
    """The step is not allowed (who, or in which state); ``str(error)`` says why, for the user."""


def _label(user: Any) -> str:
    return user.get_username()[:254] if user is not None and getattr(user, "is_authenticated", False) else ""


def _require_admin(actor: Any) -> None:
    if not legal_queries.is_installation_admin(actor):
        raise LegalValueRefused(_("Only an administrator of this installation may change legal values."))


def record_legal_event(
    actor: Any,
    action: AuditAction,
    *,
    change: LegalValueChange | None = None,
    batch: LegalValueBatch | None = None,
    details: dict[str, Any] | None = None,
) -> LegalValueEvent:
    """One line of the installation's legal-values trail (labels: the audit vocabulary's)."""
    return LegalValueEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=_label(actor) or "system",
        action=AuditAction(action).value,
        change=change,
        batch=batch,
        details=details or {},
    )


def _change_details(change: LegalValueChange) -> dict[str, Any]:
    return {
        "rule_id": change.rule_id,
        "name": change.name,
        "kind": change.kind,
        "value": change.value,
        "valid_from": change.valid_from,
        "valid_until": change.valid_until,
        "citation": {
            "act": change.act,
            "article": change.article,
            "oj_reference": change.oj_reference,
            "url": change.url,
        },
        "override_verified": change.override_verified,
    }


def _check_no_pending(key: tuple[str, str, Any, Any]) -> None:
    waiting = legal_queries.pending_for(key)
    if waiting is not None:
        raise LegalValueRefused(
            _("A change of this value is already waiting for approval (change %(id)s): decide on it first.")
            % {"id": waiting.pk}
        )


def _new_change(actor: Any, row: LegalValueRow, batch: LegalValueBatch | None) -> LegalValueChange:
    return LegalValueChange.objects.create(
        rule_id=row.rule_id,
        name=row.name,
        kind=LegalValueChange.Kind.SET,
        value=str(row.value),
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        act=row.citation.act,
        article=row.citation.article,
        oj_reference=row.citation.oj_reference,
        url=row.citation.url,
        note=row.note,
        override_verified=row.override_verified,
        batch=batch,
        proposed_by=actor,
        proposed_by_label=_label(actor),
    )


@transaction.atomic
def propose_value(actor: Any, row: LegalValueRow) -> LegalValueChange:
    """A value with its citation, checked by the core (:func:`imvo.core.obligations.check_row`)."""
    _require_admin(actor)
    _check_no_pending(row.key)
    change = _new_change(actor, row, None)
    record_legal_event(actor, AuditAction.PROPOSE_LEGAL_VALUE, change=change, details=_change_details(change))
    return change


@transaction.atomic
def propose_revert(actor: Any, rule_id: str, name: str, valid_from: Any, valid_until: Any, reason: str):
    """Propose to remove the administrators' value, so the shipped value (or its absence) applies again."""
    _require_admin(actor)
    key = (rule_id, name, valid_from, valid_until)
    if legal_queries.approved_for(key) is None:
        raise LegalValueRefused(_("There is no value set by the administrators to return from."))
    _check_no_pending(key)
    change = LegalValueChange.objects.create(
        rule_id=rule_id,
        name=name,
        kind=LegalValueChange.Kind.REVERT,
        valid_from=valid_from,
        valid_until=valid_until,
        note=reason.strip(),
        proposed_by=actor,
        proposed_by_label=_label(actor),
    )
    record_legal_event(actor, AuditAction.PROPOSE_LEGAL_VALUE, change=change, details=_change_details(change))
    return change


def _locked_pending(change: LegalValueChange) -> LegalValueChange:
    locked = LegalValueChange.objects.select_for_update().get(pk=change.pk)
    if locked.state != LegalValueChange.State.PENDING:
        raise LegalValueRefused(_("This change is no longer waiting for approval."))
    return locked


def is_proposer(actor: Any, change: LegalValueChange) -> bool:
    if change.proposed_by_id is not None:
        return bool(change.proposed_by_id == getattr(actor, "pk", None))
    return bool(change.proposed_by_label) and change.proposed_by_label == _label(actor)


@transaction.atomic
def withdraw(actor: Any, change: LegalValueChange) -> LegalValueChange:
    """The proposer takes a pending proposal back."""
    _require_admin(actor)
    locked = _locked_pending(change)
    if not is_proposer(actor, locked):
        raise LegalValueRefused(
            _("Only the administrator who proposed it can withdraw it; others reject it.")
        )
    locked.state = LegalValueChange.State.WITHDRAWN
    locked.decided_by, locked.decided_by_label, locked.decided_at = actor, _label(actor), timezone.now()
    locked.save()
    record_legal_event(
        actor, AuditAction.WITHDRAW_LEGAL_VALUE, change=locked, details=_change_details(locked)
    )
    return locked


@transaction.atomic
def reject(actor: Any, change: LegalValueChange, reason: str) -> LegalValueChange:
    """The second administrator refuses the proposal, saying why."""
    _require_admin(actor)
    locked = _locked_pending(change)
    if is_proposer(actor, locked):
        raise LegalValueRefused(_("You proposed this change: withdraw it instead."))
    if not reason.strip():
        raise LegalValueRefused(_("Say why the change is rejected."))
    locked.state = LegalValueChange.State.REJECTED
    locked.decided_by, locked.decided_by_label, locked.decided_at = actor, _label(actor), timezone.now()
    locked.decision_reason = reason.strip()
    locked.save()
    record_legal_event(
        actor,
        AuditAction.REJECT_LEGAL_VALUE,
        change=locked,
        details={**_change_details(locked), "reason": locked.decision_reason},
    )
    return locked


# --- Approval and its effect ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Facts:
    slug: str
    name: str
    facts: queries.OrganisationFacts


def _all_facts() -> list[_Facts]:
    return [
        _Facts(organisation.slug, organisation.name, queries.organisation_facts(organisation))
        for organisation in queries.organisations_with_obligations()
    ]


def _line_changes(old: Any, new: Any) -> list[dict[str, Any]]:
    """Conflict-minerals verdicts per year and Annex I line that differ (a rule's status may not)."""

    def verdicts(result: Any) -> dict[str, str]:
        rows = result.outcome("eu-cmr").details.get("line_years") or []
        return {f"{row['year']} {row['line_id']}": row["status"] for row in rows}

    before, after = verdicts(old), verdicts(new)
    return [
        {
            "kind": "status_changed",
            "rule_id": "eu-cmr",
            "obligation_id": key,
            "old": before[key],
            "new": after[key],
        }
        for key in sorted(before.keys() & after.keys())
        if before[key] != after[key]
    ]


def impact(before: Any, after: Any, facts: Sequence[_Facts], as_of: date) -> dict[str, Any]:
    """Every organisation's result under the rule set ``before`` and ``after``: what differs (each rule's
    status, obligations and deadlines, and the conflict-minerals verdict per year and Annex I line)."""
    organisations = []
    for item in facts:
        old, new = item.facts.evaluate(as_of, before), item.facts.evaluate(as_of, after)
        changes = [c.to_dict() for c in diff(old, new) if c.kind != "ruleset_version_changed"]
        changes += _line_changes(old, new)
        organisations.append({"slug": item.slug, "name": item.name, "changes": changes})
    return {
        "as_of": as_of.isoformat(),
        "ruleset_before": before.version,
        "ruleset_after": after.version,
        "organisations": organisations,
    }


def preview(change: LegalValueChange, as_of: date | None = None) -> dict[str, Any]:
    """What approving ``change`` would change for every organisation today (nothing is stored)."""
    day = as_of or timezone.localdate()
    return impact(legal_queries.effective_ruleset(), legal_queries.ruleset_with(change), _all_facts(), day)


def _approve_locked(
    actor: Any, locked: LegalValueChange, facts: Sequence[_Facts], as_of: date
) -> LegalValueChange:
    if is_proposer(actor, locked):
        raise LegalValueRefused(
            _("You proposed this change: a second administrator must approve it (four eyes).")
        )
    current = list(legal_queries.approved_changes().select_for_update())
    before = apply_operator_values(load_ruleset(), legal_queries.operator_values(current))
    after = legal_queries.ruleset_with(locked, current)
    for earlier in current:
        if earlier.key == locked.key:
            earlier.state = LegalValueChange.State.SUPERSEDED
            earlier.save(update_fields=["state"])
    locked.state = LegalValueChange.State.APPROVED
    locked.decided_by, locked.decided_by_label, locked.decided_at = actor, _label(actor), timezone.now()
    locked.ruleset_before, locked.ruleset_after = before.version, after.version
    locked.impact = impact(before, after, facts, as_of)
    locked.save()
    changed = [o["slug"] for o in locked.impact["organisations"] if o["changes"]]
    record_legal_event(
        actor,
        AuditAction.APPROVE_LEGAL_VALUE,
        change=locked,
        details={
            **_change_details(locked),
            "ruleset_before": before.version,
            "ruleset_after": after.version,
            "organisations_with_changed_results": changed,
        },
    )
    return locked


@transaction.atomic
def approve(actor: Any, change: LegalValueChange, as_of: date | None = None) -> LegalValueChange:
    """The second pair of eyes: the value takes effect, and the rule set gets a new version."""
    _require_admin(actor)
    locked = _locked_pending(change)
    return _approve_locked(actor, locked, _all_facts(), as_of or timezone.localdate())


@transaction.atomic
def approve_batch(actor: Any, batch: LegalValueBatch, as_of: date | None = None) -> list[LegalValueChange]:
    """Approve every pending row of a loaded file at once (each keeps its own before/after)."""
    _require_admin(actor)
    pending = list(
        LegalValueChange.objects.select_for_update()
        .filter(batch=batch, state=LegalValueChange.State.PENDING)
        .order_by("id")
    )
    if not pending:
        raise LegalValueRefused(_("Nothing in this file is waiting for approval."))
    facts = _all_facts()
    day = as_of or timezone.localdate()
    return [_approve_locked(actor, change, facts, day) for change in pending]


# --- Loading a file -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadResult:
    """What loading a file did; ``batch`` is ``None`` when every row gives the value already in effect
    (nothing was stored, nothing waits for approval)."""

    batch: LegalValueBatch | None
    proposed: list[LegalValueChange]
    unchanged: list[LegalValueRow]


def _is_unchanged(row: LegalValueRow, effective: Any) -> bool:
    """The row gives the value already in effect (shipped and verified, or approved): nothing to do."""
    for target in value_targets(effective):
        if (target.rule_id, target.name) != (row.rule_id, row.name):
            continue
        current = target.shipped_for(row.valid_from, row.valid_until)
        return current is not None and current.known and str(current.value) == str(row.value)
    return False


def _waiting(file_name: str, row: LegalValueRow, change: int) -> InputProblem:
    """A row of the file whose value already has a change waiting (coded, for a screen's language)."""
    text, accepted = message("legal.waiting", change=change)
    return InputProblem(
        file_name, row.line, "name", text, accepted, code="legal.waiting", params={"change": change}
    )


def load_file(actor: Any, path: Path, file_name: str | None = None) -> LoadResult:
    """Check a legal values file and store its rows as proposals, all or nothing.

    Raises :class:`~imvo.core.obligations.LegalValuesError` listing every problem (the core's checks,
    and rows whose value already has a change waiting for approval); then nothing is stored. When every
    row gives the value already in effect nothing is stored either: no file record, no proposal.
    """
    _require_admin(actor)
    name = file_name or Path(path).name
    rows = read_legal_values(Path(path), load_ruleset(), file=name)
    with transaction.atomic():
        conflicts = [
            _waiting(name, row, waiting.pk)
            for row in rows
            if (waiting := legal_queries.pending_for(row.key)) is not None
        ]
        if conflicts:
            raise LegalValuesError(conflicts)
        effective = legal_queries.effective_ruleset()
        unchanged = [row for row in rows if _is_unchanged(row, effective)]
        if len(unchanged) == len(rows):
            return LoadResult(None, [], unchanged)
        batch = LegalValueBatch.objects.create(
            file_name=name[:255],
            loaded_by=actor,
            loaded_by_label=_label(actor),
            rows=len(rows),
            unchanged=len(unchanged),
        )
        proposed = [_new_change(actor, row, batch) for row in rows if row not in unchanged]
        record_legal_event(
            actor,
            AuditAction.LOAD_LEGAL_VALUES,
            batch=batch,
            details={"file": name, "rows": len(rows), "proposed": len(proposed), "unchanged": len(unchanged)},
        )
        for change in proposed:
            record_legal_event(
                actor,
                AuditAction.PROPOSE_LEGAL_VALUE,
                change=change,
                batch=batch,
                details=_change_details(change),
            )
    return LoadResult(batch, proposed, unchanged)
