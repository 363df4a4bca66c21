"""A register entry's heading in the reader's language, built from its data: theme, good, country
and, for a finding about an input, the input and its origin ("Child labour: Garments (Bangladesh) —
input Cotton, origin unknown"). Stored titles stay English for exports; screens use this."""

from __future__ import annotations

from functools import lru_cache

from imvo.core.products.good_names import good_name
from imvo.core.risk.themes import theme_label

_INPUT = {
    "en": ("input {input} from {country}", "input {input}, origin unknown"),
    "nl": ("grondstof {input} uit {country}", "grondstof {input}, herkomst onbekend"),
}


def _country(code: str, language: str) -> str:
    from imvo.core.countries import country_name

    if not code:
        return "?"
    try:
        return country_name(code, language)
    except (KeyError, ValueError):
        return code


# A register page shows the same few theme × good × country headings many times over, and building
# one looks up three names.
@lru_cache(maxsize=8192)
def risk_heading(
    theme: str, good: str, country: str, input_good: str = "", input_country: str = "", language: str = "en"
) -> str:
    """The heading of a found risk in ``language`` ("nl" or "en"; others read as English)."""
    language = language if language in _INPUT else "en"
    heading = (
        f"{theme_label(theme, language)}: {good_name(good, language) or '?'} ({_country(country, language)})"
    )
    if not input_good:
        return heading
    known, unknown = _INPUT[language]
    input_good = good_name(input_good, language)
    if input_country:
        return f"{heading} — {known.format(input=input_good, country=_country(input_country, language))}"
    return f"{heading} — {unknown.format(input=input_good)}"
