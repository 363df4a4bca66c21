"""The obligations' codes as people read them (a rule set by its release or the day it changed, a
problem of a file in the reader's language)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from imvo.core.obligations.messages import problem_text
from imvo.web.obligations import legal_queries

register = template.Library()


@register.filter
def ruleset_label(version: str) -> str:
    """A rule-set fingerprint as a label ("the rules as shipped with imvo 0.1.0")."""
    return legal_queries.ruleset_label(str(version or ""))


def _problem(problem: Any) -> tuple[str, str]:
    return problem_text(problem, (get_language() or "en")[:2])


@register.filter
def obligation_problem_message(problem: Any) -> str:
    """A problem of an obligations file (import records, legal values) in the reader's language."""
    return _problem(problem)[0]


@register.filter
def obligation_problem_accepted(problem: Any) -> str:
    return _problem(problem)[1]
