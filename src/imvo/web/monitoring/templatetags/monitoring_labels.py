"""Names for the monitoring's codes in the reader's language (SBI sectors)."""

from __future__ import annotations

from django import template

from imvo.web.monitoring import labels

register = template.Library()


@register.filter
def sector_label(code: str) -> str:
    return labels.sector_label(code)
