"""Recording audit events. Every write to the register calls :func:`record_audit_event`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from imvo.web.audit.models import AuditEvent
from imvo.web.audit.vocabulary import AuditAction

if TYPE_CHECKING:  # the audit trail sits below every app that records events, organisations included
    from imvo.web.organisations.models import Organisation


def record_audit_event(
    actor: Any,
    organisation: Organisation,
    action: AuditAction | str,
    obj: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    *,
    object_type: str | None = None,
    object_id: str | int | None = None,
) -> AuditEvent:
    """Store who did ``action`` (an :class:`AuditAction`, or its value such as ``"create"``) to ``obj``.

    An action outside the vocabulary raises ``ValueError``: every recorded action has a label on the
    trail page, in English and Dutch.

    ``changes`` maps field names to ``[old, new]`` pairs, or to the new value for creations; it is
    stored as JSON (dates, decimals and UUIDs are converted). ``actor`` may be None for system jobs.
    """
    try:
        known = AuditAction(action)
    except ValueError:
        raise ValueError(
            f"{action!r} is not an audit action: add it, with a label, to imvo.web.audit.vocabulary."
        ) from None
    if obj is not None:
        object_type = object_type or obj._meta.label_lower.split(".")[-1]
        object_id = obj.pk if object_id is None else object_id
    actor_user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        organisation=organisation,
        actor=actor_user,
        actor_label=(actor_user.get_username() if actor_user is not None else "system")[:254],
        action=known.value,
        object_type=(object_type or "")[:64],
        object_id="" if object_id is None else str(object_id)[:64],
        object_label=(str(obj) if obj is not None else "")[:200],
        changes=changes or {},
    )


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """The ``{field: [old, new]}`` pairs that differ between two snapshots of a record."""
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}
