"""How audit events read on the page: translated verbs (from the vocabulary), record types and field names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from imvo.web.audit.models import AuditEvent
from imvo.web.audit.vocabulary import VALUE_ACTIONS, action_label


@dataclass(frozen=True)
class DisplayValue:
    """A recorded value as the page shows it: a string whole, a list or a mapping as separate entries.

    ``str()`` gives one line of text, so templates that print the value directly still read well.
    """

    text: str
    entries: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "; ".join(self.entries) if self.entries else self.text


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list | tuple):
        return "; ".join(_text(item) for item in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_text(item)}" for key, item in value.items()) or "—"
    return str(value)


def display_value(value: Any) -> DisplayValue:
    """Strings (however long) stay one value; lists and mappings become one entry per item."""
    if isinstance(value, list | tuple):
        return DisplayValue(_text(value), tuple(_text(item) for item in value))
    if isinstance(value, dict):
        entries = []
        for key, item in value.items():
            if isinstance(item, list) and len(item) == 2:  # nested {name: [old, new]}
                entries.append(f"{key}: {_text(item[0])} → {_text(item[1])}")
            else:
                entries.append(f"{key}: {_text(item)}")
        return DisplayValue(_text(value), tuple(entries))
    return DisplayValue(_text(value))


@dataclass(frozen=True)
class ChangeRow:
    field: str
    old: DisplayValue
    new: DisplayValue
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
    """``{field: [old, new]}`` becomes old → new; any other value is shown as the new value.

    Creations and uploads record plain values, so a two-item list there (two uploaded files) is a
    list, not a change.
    """
    model = _models_by_name().get(event.object_type)
    rows = []
    changes = event.changes if isinstance(event.changes, dict) else {"": event.changes}
    pairs = event.action not in VALUE_ACTIONS
    for name, value in changes.items():
        label = _field_label(model, name)
        if pairs and isinstance(value, list) and len(value) == 2:
            rows.append(ChangeRow(label, display_value(value[0]), display_value(value[1]), has_old=True))
        else:
            rows.append(ChangeRow(label, display_value(None), display_value(value), has_old=False))
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
