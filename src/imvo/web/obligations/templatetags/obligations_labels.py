"""The obligations' codes as people read them (a rule set by its release or the day it changed)."""

from __future__ import annotations

from django import template

from imvo.web.obligations import legal_queries

register = template.Library()


@register.filter
def ruleset_label(version: str) -> str:
    """A rule-set fingerprint as a label ("the rules as shipped with imvo 0.1.0")."""
    return legal_queries.ruleset_label(str(version or ""))
