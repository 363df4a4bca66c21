"""Country names and codes → ISO 3166-1 alpha-2.

``normalise_country`` recognises ISO alpha-2, alpha-3 and numeric codes, English, Dutch, German,
French and Spanish names (short, common and official from the iso-codes project via pycountry, and
the Unicode CLDR names via Babel, both at build time), ILAB's names, and the project's hand-written
aliases (``refdata/country_aliases.csv``). Inverted forms ("Korea, Republik", "Congo, Democratic
Republic of the") and names with a bracketed second name or qualifier ("Myanmar (Birma)",
"Korea (Republic of)") are read too. Matching ignores case, accents, punctuation, spacing and the
English article "the". It never guesses: a spelling listed as ambiguous ("Congo", "Korea", ...),
claimed by two countries, or whose parts name two countries ("Georgia (USA)") gives None.

Kosovo, which has no ISO 3166-1 code, is "XK" (the user-assigned code used by the European Commission).
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from imvo.core.refdata import read_package_file

LANGUAGES = ("en", "nl", "de", "fr", "es")
NAMES_FILE = "iso3166_names.json"
# Removed rather than treated as a separator so that "Cote d'Ivoire" and "Cote dIvoire" agree.
_APOSTROPHES = frozenset("'’‘`´ʼ")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def name_key(text: str) -> str:
    """The comparison key of a name: accent-free, case-folded letters and digits, no "the", no spaces."""
    folded = _strip_accents(text).casefold()
    words = "".join(
        "" if character in _APOSTROPHES else (character if character.isalnum() else " ")
        for character in folded
    ).split()
    return "".join(word for word in words if word != "the")


@dataclass(frozen=True)
class _Tables:
    by_alpha2: Mapping[str, Mapping[str, str]]  # alpha-2 → display name per language
    by_alpha3: Mapping[str, str]
    by_numeric: Mapping[str, str]
    by_name: Mapping[str, str | None]  # name key → alpha-2, or None for ambiguous keys


@functools.cache
def _tables() -> _Tables:
    document = json.loads(read_package_file(NAMES_FILE).decode("utf-8"))
    countries = document["countries"]
    by_alpha2 = {country["alpha2"]: dict(country["names"]) for country in countries}
    by_alpha3 = {country["alpha3"]: country["alpha2"] for country in countries}
    by_numeric = {country["numeric"]: country["alpha2"] for country in countries if country["numeric"]}
    # Aliases are the project's decisions and win over names that collide in the ISO/ILAB data.
    alias_codes: dict[str, set[str]] = {}
    other_codes: dict[str, set[str]] = {}
    for name, alpha2, origin in document["names"]:
        target = alias_codes if origin == "alias" else other_codes
        target.setdefault(name_key(name), set()).add(alpha2)
    by_name: dict[str, str | None] = {}
    for key, codes in other_codes.items():
        by_name[key] = codes.pop() if len(codes) == 1 else None
    for key, codes in alias_codes.items():
        by_name[key] = codes.pop() if len(codes) == 1 else None
    for name, _why in document["ambiguous"]:
        by_name[name_key(name)] = None
    by_name.pop("", None)
    return _Tables(by_alpha2, by_alpha3, by_numeric, by_name)


def normalise_country(text: str) -> str | None:
    """ISO 3166-1 alpha-2 (upper case) for a country name or code, or None when unknown or ambiguous.

    A bare 2- or 3-letter input is first tried as a code ("NL", "nld"); a 1- to 3-digit input as an ISO
    numeric code ("528", "4"). Only the whole input is a code: "N/A" is not Namibia.
    """
    return _resolve(_strip_accents(text).strip(), _tables(), depth=2)


def _code(compact: str, tables: _Tables) -> tuple[bool, str | None]:
    """(True, code or None) when ``compact`` has the shape of an ISO code, else (False, None)."""
    if compact.isascii() and compact.isalpha() and len(compact) in (2, 3):
        code = compact.upper()
        if len(code) == 2 and code in tables.by_alpha2:
            return True, code
        if len(code) == 3 and code in tables.by_alpha3:
            return True, tables.by_alpha3[code]
    if compact.isascii() and compact.isdigit() and len(compact) <= 3:
        return True, tables.by_numeric.get(compact.zfill(3))
    return False, None


def _resolve(text: str, tables: _Tables, depth: int) -> str | None:
    is_code, code = _code(text.strip(), tables)
    if is_code and (code is not None or text.strip().isdigit()):
        return code
    key = name_key(text)
    if key in tables.by_name:
        return tables.by_name[key]  # a known name, or a spelling known to be ambiguous (None)
    if depth <= 0:
        return None
    if "(" in text:
        return _bracketed(text, tables, depth - 1)
    if "," in text:
        return _inverted(text, tables)
    return None


def _inverted(text: str, tables: _Tables) -> str | None:
    """ "Korea, Republik" is "Republik Korea"; "Congo, Democratic Republic of the" likewise."""
    head, _, tail = text.partition(",")
    return tables.by_name.get(name_key(f"{tail} {head}")) if head.strip() and tail.strip() else None


def _bracketed(text: str, tables: _Tables, depth: int) -> str | None:
    """ "Myanmar (Birma)": both parts name Myanmar; "Korea (Republik)": read together as "Republik
    Korea"; "Congo (DRC)": the bracket settles what the name alone leaves open. Parts naming two
    countries give None. The last bracket counts ("Cocos (Keeling) Islands (CC)")."""
    stripped = text.strip()
    if stripped.endswith(")"):
        outside, _, inside = stripped[:-1].rpartition("(")
    else:
        outside, _, rest = stripped.partition("(")
        inside, _, after = rest.partition(")")
        outside = f"{outside} {after}"
    outside, inside = outside.strip(), inside.strip()
    if not outside or not inside:
        return _resolve(outside or inside, tables, depth)
    for combined in (f"{inside} {outside}", f"{outside} {inside}"):
        if (code := tables.by_name.get(name_key(combined))) is not None:
            return code
    codes = {code for part in (outside, inside) if (code := _resolve(part, tables, depth)) is not None}
    return codes.pop() if len(codes) == 1 else None


def country_codes() -> tuple[str, ...]:
    """Every ISO 3166-1 alpha-2 code we know (plus Kosovo's user-assigned XK), sorted."""
    return tuple(sorted(_tables().by_alpha2))


def country_name(alpha2: str, language: str = "en") -> str:
    """The display name of a country in English, Dutch, German, French or Spanish ("nl" → "Ivoorkust").

    Raises KeyError for a code we do not know and ValueError for another language.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; supported: {', '.join(LANGUAGES)}")
    return _tables().by_alpha2[alpha2.strip().upper()][language]
