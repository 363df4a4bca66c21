"""Names for the register's codes in the reader's language (themes, reasons for closing)."""

from __future__ import annotations

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
