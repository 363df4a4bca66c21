"""Names for the register's codes in the reader's language (themes, reasons for closing)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from imvo.core.risk.themes import theme_label
from imvo.web.register.models import CloseReason

register = template.Library()


@register.filter
def theme_name(theme_id: str) -> str:
    return theme_label(theme_id, "nl" if (get_language() or "en").startswith("nl") else "en")


@register.simple_tag
def close_reason(reason: str, detail: str = "") -> str:
    """Why a risk was closed, in a sentence ("No longer listed in ILAB List of Goods, 2024")."""
    if reason == CloseReason.NOT_LISTED and detail:
        return _("No longer listed in %(dataset)s") % {"dataset": detail}
    labels = dict(CloseReason.choices)
    return str(labels.get(reason, reason))


@register.filter
def good_name(good: str) -> str:
    """A catalogue good (stored in English) in the reader's language."""
    from imvo.web.register.models import good_shown

    return good_shown(good)


def _stored(problem: Any) -> Mapping[str, Any]:
    """A problem as stored (a dict) or as a reader raised it (an InputProblem)."""
    if isinstance(problem, Mapping):
        return problem
    fields = ("line", "column", "message", "accepted", "severity", "code", "params")
    return {name: getattr(problem, name, None) for name in fields}


def _problem(problem: Any) -> tuple[str, str]:
    from imvo.web.register.job_display import scan_problem_text

    return scan_problem_text(_stored(problem))


@register.filter
def problem_message(problem: Any) -> str:
    """What a reader of a user's table found, in the reader's language."""
    return _problem(problem)[0]


@register.filter
def problem_accepted(problem: Any) -> str:
    return _problem(problem)[1]


@register.filter
def problem_line(problem: Any) -> str:
    """Which file, where and what, in one line in the reader's language
    ("bevolking.csv, regel 3, kolom 'naam': …")."""
    from imvo.web.register.job_display import problem_line as line

    text = line(dict(_stored(problem)))
    file = getattr(problem, "file", None) or (problem.get("file") if isinstance(problem, Mapping) else None)
    return f"{file}, {text}" if file else text


def _language() -> str:
    return (get_language() or "en")[:2]


@register.filter
def dataset_name(dataset_id: str) -> str:
    from imvo.core.risk.datasets_shown import dataset_name as name

    return name(dataset_id, _language())


@register.filter
def dataset_title(dataset: Mapping[str, Any]) -> str:
    from imvo.core.risk.datasets_shown import dataset_title as title

    return title(str(dataset.get("id", "")), str(dataset.get("title", "")), _language())


@register.filter
def dataset_gap(dataset: Mapping[str, Any]) -> str:
    from imvo.core.risk.datasets_shown import dataset_gap as gap

    return gap(str(dataset.get("id", "")), _language()) or str(dataset.get("gap", ""))


@register.filter
def edition(text: str) -> str:
    from imvo.core.risk.datasets_shown import edition_label

    return edition_label(text, _language())


@register.filter
def iso_day(value: Any) -> str:
    """A date stored as ISO text (a published report's content) in the reader's format (1-3-2026)."""
    import datetime as dt

    from django.utils import formats

    text = str(value or "")[:10]
    try:
        return formats.date_format(dt.date.fromisoformat(text), "SHORT_DATE_FORMAT")
    except ValueError:
        return str(value or "")
