"""The audited create and update: one save and one audit event, the changes stored as JSON.

Each app's ``actions.py`` builds its writes on these, so a record created or changed through them is
on the audit trail by construction. Both check that every record they touch belongs to
``organisation`` (a wrong organisation is a programming error: ``ValueError``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.files.base import File
from django.db import models

from imvo.web.audit.trail import field_changes, record_audit_event
from imvo.web.audit.vocabulary import AuditAction

if TYPE_CHECKING:  # the audit trail sits below every app that records events, organisations included
    from imvo.web.organisations.models import Organisation


def jsonable(value: Any) -> Any:
    """``value`` as the audit trail stores it: a record as its key, dates as ISO text, a file as its name."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, File):  # an upload or a stored file: its name, never its content
        return value.name
    return value


def snapshot(obj: models.Model, names: list[str]) -> dict[str, Any]:
    return {name: jsonable(getattr(obj, name)) for name in names}


def check_owner(organisation: Organisation, *records: models.Model | None) -> None:
    """Raise ``ValueError`` when one of ``records`` belongs to another organisation than ``organisation``."""
    for record in records:
        if record is not None and record.organisation_id != organisation.pk:  # type: ignore[attr-defined]
            raise ValueError(f"{record._meta.label} {record.pk} belongs to another organisation.")


def _check_referenced(organisation: Organisation, fields: Mapping[str, Any]) -> None:
    check_owner(
        organisation,
        *(
            value
            for value in fields.values()
            if isinstance(value, models.Model) and hasattr(value, "organisation_id")
        ),
    )


def create_audited(
    actor: Any,
    organisation: Organisation,
    model: type[models.Model],
    fields: Mapping[str, Any],
    via: str | None = None,
) -> Any:
    """Create a ``model`` of ``organisation`` from ``fields``; the event records every field given.

    ``via`` names the channel when there is no person (e.g. an API token) and is recorded with them.
    """
    _check_referenced(organisation, fields)
    record = model(organisation=organisation, **fields)
    record.save()
    changes = {name: jsonable(value) for name, value in fields.items()}
    if via:
        changes["via"] = via
    record_audit_event(actor, organisation, AuditAction.CREATE, record, changes)
    return record


def update_audited(
    actor: Any, organisation: Organisation, record: Any, fields: Mapping[str, Any], via: str | None = None
) -> Any:
    """Set ``fields`` on ``record`` and save it; the event records ``[old, new]`` of each changed field.

    Nothing changed: the record is saved and no event is recorded.
    """
    check_owner(organisation, record)
    _check_referenced(organisation, fields)
    before = snapshot(record, list(fields))
    for name, value in fields.items():
        setattr(record, name, value)
    record.save()
    changes: dict[str, Any] = field_changes(before, snapshot(record, list(fields)))
    if changes:
        if via:
            changes["via"] = via
        record_audit_event(actor, organisation, AuditAction.UPDATE, record, changes)
    return record
