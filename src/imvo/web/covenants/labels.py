"""Criteria in the reader's language: an OECD-step criterion is shown with the step's title."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from imvo.web.covenants.models import Criterion
from imvo.web.register.maturity import LEVEL_LABELS, TITLES


def criterion_label(criterion: Criterion) -> str | Promise:
    if criterion.title:
        return criterion.title
    if criterion.step in TITLES:
        return _("Step %(number)s: %(title)s") % {"number": criterion.step, "title": TITLES[criterion.step]}
    return "—"


def criterion_rows(criteria: Iterable[Criterion]) -> list[dict[str, Any]]:
    return [{"criterion": criterion, "label": criterion_label(criterion)} for criterion in criteria]


def level_label(level: int) -> str | Promise:
    return LEVEL_LABELS.get(level, "—")
