"""How audit events read on the page: translated verbs, record types and field names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from imvo.web.audit.models import AuditEvent

ACTION_LABELS: dict[str, Promise] = {
    "create": _("created"),
    "update": _("changed"),
    "delete": _("deleted"),
    "publish": _("published"),
    "invite": _("invited"),
    "join": _("joined"),
    "remove": _("removed"),
    "change_role": _("changed the role"),
    "revoke": _("revoked"),
    "upload": _("uploaded"),
    "start_scan": _("started a scan"),
    "complete_scan": _("scan completed"),
    "fail_scan": _("scan failed"),
    "retry": _("tried again"),
}


@dataclass(frozen=True)
class ChangeRow:
    field: str
    old: Any
    new: Any
    has_old: bool


@dataclass(frozen=True)
class EventRow:
    event: AuditEvent
    action: str
    object_type: str
    changes: list[ChangeRow]


@cache
def _models_by_name() -> dict[str, type[models.Model]]:
    return {model._meta.model_name or "": model for model in apps.get_models()}


def object_type_label(object_type: str) -> str:
    model = _models_by_name().get(object_type)
    return str(model._meta.verbose_name) if model is not None else object_type.replace("_", " ")


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action.replace("_", " ")


def _field_label(model: type[models.Model] | None, name: str) -> str:
    if model is not None:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # changes may name things that are not model fields
            field = None
        if isinstance(field, models.Field):
            return str(field.verbose_name)
    return name.replace("_", " ")


def change_rows(event: AuditEvent) -> list[ChangeRow]:
    """``{field: [old, new]}`` becomes old → new; any other value is shown as the new value."""
    model = _models_by_name().get(event.object_type)
    rows = []
    changes = event.changes if isinstance(event.changes, dict) else {"": event.changes}
    for name, value in changes.items():
        label = _field_label(model, name)
        if isinstance(value, list) and len(value) == 2:
            rows.append(ChangeRow(label, value[0], value[1], has_old=True))
        else:
            rows.append(ChangeRow(label, None, value, has_old=False))
    return rows


def describe(events: Any) -> list[EventRow]:
    return [
        EventRow(
            event=event,
            action=action_label(event.action),
            object_type=object_type_label(event.object_type),
            changes=change_rows(event),
        )
        for event in events
    ]
