"""Reads of the installation's legal values: the approved ones, the rule set they give, the proposals.

The rule set every evaluation uses is :func:`effective_ruleset`: the shipped rules with the values the
installation's administrators approved (two of them: one proposed, another approved). Reads never write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import QuerySet

from imvo.core.obligations import (
    Citation,
    OperatorEntry,
    OperatorValue,
    RuleSet,
    apply_operator_values,
    load_ruleset,
    value_targets,
)
from imvo.core.obligations.legal_values import ValueTarget, parse_value
from imvo.web.obligations.models import LegalValueBatch, LegalValueChange, LegalValueEvent


def is_installation_admin(user: Any) -> bool:
    """An administrator of this installation (Django staff or superuser), not an organisation's user."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and (getattr(user, "is_staff", False) or getattr(user, "is_superuser", False))
    )


def approved_changes() -> QuerySet[LegalValueChange]:
    """The values in effect: approved ``set`` changes that no later change superseded."""
    return LegalValueChange.objects.filter(
        state=LegalValueChange.State.APPROVED, kind=LegalValueChange.Kind.SET
    ).order_by("rule_id", "name", "valid_from", "id")


def operator_value(change: LegalValueChange) -> OperatorValue:
    """A stored change as the core's value (typed by the unit of the value it sets)."""
    unit = _unit_of(change.rule_id, change.name)
    entry = OperatorEntry(
        citation=Citation(change.act, change.article, change.oj_reference, change.url),
        reference=f"legal value change {change.pk}",
        entered_by=change.proposed_by_label,
        approved_by=change.decided_by_label,
        approved_on=change.decided_at.date().isoformat() if change.decided_at else "",
    )
    return OperatorValue(
        rule_id=change.rule_id,
        name=change.name,
        value=parse_value(change.value, unit) if unit else change.value,
        valid_from=change.valid_from,
        valid_until=change.valid_until,
        entry=entry,
        note=change.note,
    )


def _unit_of(rule_id: str, name: str) -> str | None:
    return _units().get((rule_id, name))


def unit_of(rule_id: str, name: str) -> str:
    """The unit of a settable value (``kg``, ``EUR``, ``date``, …); empty for a name imvo no longer has."""
    return _unit_of(rule_id, name) or ""


@lru_cache(maxsize=1)
def _units() -> dict[tuple[str, str], str]:
    return {(t.rule_id, t.name): t.unit for t in value_targets(load_ruleset())}


def operator_values(changes: Iterable[LegalValueChange]) -> list[OperatorValue]:
    return [operator_value(change) for change in changes]


def effective_ruleset() -> RuleSet:
    """The shipped rules with the approved values in place (one query)."""
    return apply_operator_values(load_ruleset(), operator_values(approved_changes()))


def ruleset_with(change: LegalValueChange, current: Iterable[LegalValueChange] | None = None) -> RuleSet:
    """The rule set as it would be once ``change`` is approved (for the preview of its effect)."""
    values = [c for c in (approved_changes() if current is None else current) if c.key != change.key]
    if change.kind == LegalValueChange.Kind.SET:
        values.append(change)
    return apply_operator_values(load_ruleset(), operator_values(values))


def pending_changes() -> QuerySet[LegalValueChange]:
    return LegalValueChange.objects.filter(state=LegalValueChange.State.PENDING).select_related("batch")


def pending_for(key: tuple[str, str, Any, Any]) -> LegalValueChange | None:
    rule_id, name, valid_from, valid_until = key
    return (
        pending_changes()
        .filter(rule_id=rule_id, name=name, valid_from=valid_from, valid_until=valid_until)
        .first()
    )


def approved_for(key: tuple[str, str, Any, Any]) -> LegalValueChange | None:
    rule_id, name, valid_from, valid_until = key
    return (
        approved_changes()
        .filter(rule_id=rule_id, name=name, valid_from=valid_from, valid_until=valid_until)
        .first()
    )


def recent_changes(limit: int = 100) -> QuerySet[LegalValueChange]:
    return LegalValueChange.objects.exclude(state=LegalValueChange.State.PENDING).select_related("batch")[
        :limit
    ]


def events(limit: int = 200) -> QuerySet[LegalValueEvent]:
    return LegalValueEvent.objects.select_related("change", "batch")[:limit]


def batches(limit: int = 20) -> QuerySet[LegalValueBatch]:
    return LegalValueBatch.objects.all()[:limit]


def changes_by_ruleset(versions: Iterable[str]) -> dict[str, list[LegalValueChange]]:
    """The approved changes that produced each rule set version (for "the law changed" lines)."""
    found: dict[str, list[LegalValueChange]] = {}
    wanted = [v for v in versions if v]
    if not wanted:
        return found
    for change in LegalValueChange.objects.filter(ruleset_after__in=wanted).exclude(
        state__in=[LegalValueChange.State.PENDING, LegalValueChange.State.REJECTED]
    ):
        found.setdefault(change.ruleset_after, []).append(change)
    return found


@dataclass(frozen=True)
class TargetRow:
    """One settable value as the administrators' page lists it: shipped, in effect and waiting."""

    target: ValueTarget
    approved: list[LegalValueChange]
    pending: list[LegalValueChange]


def target_rows() -> list[TargetRow]:
    approved = list(approved_changes())
    pending = list(pending_changes())
    rows = []
    for target in value_targets(load_ruleset()):
        key = (target.rule_id, target.name)
        rows.append(
            TargetRow(
                target,
                [c for c in approved if (c.rule_id, c.name) == key],
                [c for c in pending if (c.rule_id, c.name) == key],
            )
        )
    return rows


def ruleset_label(version: str, unknown: str | None = None) -> str:
    """A rule-set fingerprint as people can read it: the shipped rules of this imvo release, or the
    rules as the administrators changed them on a day (the fingerprint stays in stored results)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    from django.utils import formats
    from django.utils.translation import gettext

    from imvo.core.obligations import load_ruleset

    if version == load_ruleset().version:
        try:
            release = package_version("imvo")
        except PackageNotFoundError:  # a source tree that is not installed
            return gettext("the rules as shipped")
        return gettext("the rules as shipped with imvo %(release)s") % {"release": release}
    decided = [
        change.decided_at for change in changes_by_ruleset([version]).get(version, []) if change.decided_at
    ]
    if decided:
        day = formats.date_format(max(decided), "DATE_FORMAT")
        return gettext("the rules as changed by the administrators on %(date)s") % {"date": day}
    return unknown if unknown is not None else gettext("an earlier version of the rules")
