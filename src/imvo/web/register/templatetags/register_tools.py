"""Template filters of the register tools: a salience in its colour band, a country's name."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from imvo.web.register.filters import country_label as _country_label
from imvo.web.register.tables import salience_badge as _salience_badge

register = template.Library()


@register.filter
def salience_badge(salience: int | None) -> SafeString:
    return _salience_badge(salience)


@register.filter
def country_label(code: str) -> str:
    return _country_label(code) if code else ""
