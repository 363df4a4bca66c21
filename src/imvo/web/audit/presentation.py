"""How audit events read on the page: translated verbs (from the vocabulary), record types, field
names and values in the reader's language.

Values are stored as recorded (codes, ISO dates, plain numbers); they are shown through the model's
choices, or the labels a model declares for a field without choices in ``audit_value_labels``
(``{field: {code: label}}`` or ``{field: callable}``), dates and numbers in the reader's format. A
model may also name its records on the trail with ``audit_object_label()`` (a risk's heading in the
reader's language rather than the English title stored at the time).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from imvo.web.audit.models import AuditEvent
from imvo.web.audit.vocabulary import CHANGE_LABELS, VALUE_ACTIONS, action_label

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# ``str()`` of a model without its own: it says nothing to a reader, so the trail leaves it out.
_DEFAULT_REPR = re.compile(r"^\w+ object \(\d+\)$")
# Below this a number reads without grouping (years, ids, small counts).
_GROUPING_FROM = 10_000


@dataclass(frozen=True)
class DisplayValue:
    """A recorded value as the page shows it: a string whole, a list or a mapping as separate entries.

    ``str()`` gives one line of text, so templates that print the value directly still read well.
    """

    text: str
    entries: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "; ".join(self.entries) if self.entries else self.text


def _number(value: int | float | Decimal) -> str:
    grouped = value >= _GROUPING_FROM or value <= -_GROUPING_FROM
    return formats.number_format(value, use_l10n=True, force_grouping=grouped)


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, int | float | Decimal):
        return _number(value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return formats.date_format(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    if isinstance(value, list | tuple):
        return "; ".join(_text(item) for item in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{_key(key)}: {_text(item)}" for key, item in value.items()) or "—"
    return str(value)


def _key(name: str) -> str:
    label = CHANGE_LABELS.get(name)
    return str(label) if label is not None else name.replace("_", " ")


def display_value(value: Any) -> DisplayValue:
    """Strings (however long) stay one value; lists and mappings become one entry per item."""
    if isinstance(value, list | tuple):
        return DisplayValue(_text(value), tuple(_text(item) for item in value))
    if isinstance(value, dict):
        entries = []
        for key, item in value.items():
            if isinstance(item, list) and len(item) == 2:  # nested {name: [old, new]}
                entries.append(f"{_key(key)}: {_text(item[0])} → {_text(item[1])}")
            else:
                entries.append(f"{_key(key)}: {_text(item)}")
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
    object_label: str
    changes: list[ChangeRow]


@cache
def _models_by_name() -> dict[str, type[models.Model]]:
    return {model._meta.model_name or "": model for model in apps.get_models()}


def object_type_label(object_type: str) -> str:
    model = _models_by_name().get(object_type)
    if model is not None and not isinstance(model._meta.verbose_name, str):
        return str(model._meta.verbose_name)
    return _key(object_type)


def _field(model: type[models.Model] | None, name: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # changes may name things that are not model fields
        return None
    return field if isinstance(field, models.Field) else None


def _field_label(model: type[models.Model] | None, name: str) -> str:
    field = _field(model, name)
    # A verbose name given in the model is translated; one Django made from the name is not.
    if field is not None and not isinstance(field.verbose_name, str):
        return str(field.verbose_name)
    return _key(name)


def _labels_for(
    model: type[models.Model] | None, name: str
) -> Mapping[Any, Any] | Callable[[Any], Any] | None:
    field = _field(model, name)
    if field is not None and field.choices:
        return dict(field.flatchoices)
    declared: Mapping[str, Any] = getattr(model, "audit_value_labels", {}) if model is not None else {}
    return declared.get(name)


def _labelled(value: Any, labels: Mapping[Any, Any] | Callable[[Any], Any] | None) -> Any:
    """A code as its label (each code of a list); anything else as it is."""
    if labels is None:
        return value
    if isinstance(value, list):
        return [_labelled(item, labels) for item in value]
    if callable(labels):
        return labels(value) if isinstance(value, str) and value else value
    if isinstance(value, str | int) and not isinstance(value, bool) and value in labels:
        return str(labels[value])
    return value


def _decimal(field: models.Field[Any, Any] | None, value: Any) -> Any:
    """A decimal field's value is recorded as text ("25000.00"): shown as a number."""
    if isinstance(field, models.DecimalField) and isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return value
    return value


def _shown(model: type[models.Model] | None, name: str, value: Any) -> DisplayValue:
    labels = _labels_for(model, name)
    return display_value(_decimal(_field(model, name), _labelled(value, labels)))


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
            old, new = _shown(model, name, value[0]), _shown(model, name, value[1])
            rows.append(ChangeRow(label, old, new, has_old=True))
        else:
            rows.append(ChangeRow(label, display_value(None), _shown(model, name, value), has_old=False))
    return rows


def _current_labels(events: list[AuditEvent]) -> dict[tuple[str, str], str]:
    """``audit_object_label()`` of the records that still exist, for the models that define it."""
    wanted: dict[str, set[int]] = {}
    for event in events:
        model = _models_by_name().get(event.object_type)
        if model is not None and hasattr(model, "audit_object_label") and event.object_id.isdigit():
            wanted.setdefault(event.object_type, set()).add(int(event.object_id))
    labels = {}
    for object_type, ids in wanted.items():
        for pk, instance in _models_by_name()[object_type]._default_manager.in_bulk(ids).items():
            labels[(object_type, str(pk))] = instance.audit_object_label()  # type: ignore[attr-defined]
    return labels


def object_label(event: AuditEvent, current: Mapping[tuple[str, str], str]) -> str:
    label = current.get((event.object_type, event.object_id), event.object_label)
    return "" if _DEFAULT_REPR.match(label) else label


def describe(events: Any) -> list[EventRow]:
    events = list(events)
    current = _current_labels(events)
    return [
        EventRow(
            event=event,
            action=action_label(event.action),
            object_type=object_type_label(event.object_type),
            object_label=object_label(event, current),
            changes=change_rows(event),
        )
        for event in events
    ]
