"""Countries as a choice: ISO 3166-1 alpha-2 codes stored, names shown in the page's language.

The names come from the package's own ISO table (:mod:`imvo.core.countries`), in Dutch or English as
the active language asks. The choices are callables, so every form (and every model's ``choices``)
lists them in the language of the request that renders or validates it.
"""

from __future__ import annotations

import functools
from typing import Any

from django import forms
from django.utils.translation import get_language

from imvo.core.countries import country_codes, country_name


def _language() -> str:
    return "nl" if (get_language() or "en").startswith("nl") else "en"


def country_choices() -> list[tuple[str, str]]:
    """Every known country as ``(alpha-2, name)``, sorted by name in the active language."""
    language = _language()
    names = [(code, country_name(code, language)) for code in country_codes()]
    return sorted(names, key=lambda pair: pair[1])


def is_country_code(value: str) -> bool:
    return value in set(country_codes())


def _with_blank(blank_label: Any) -> list[tuple[str, Any]]:
    return [("", blank_label), *country_choices()]


class CountryField(forms.ChoiceField):
    """A country select whose submitted value may be any case ("bd" is BD); stores the upper-case code."""

    def __init__(self, *, blank_label: Any, **kwargs: Any) -> None:
        super().__init__(choices=functools.partial(_with_blank, blank_label), **kwargs)

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).strip().upper()
