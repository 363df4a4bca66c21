"""The languages of the public complaint pages: chosen per mechanism, apart from the workspace's.

The workspace (everything behind a login) is in Dutch and English only (``settings.LANGUAGES``). A
grievance mechanism's public pages — intake, follow-up, the complainant's case page, published
statements — and the e-mails to a complainant can also be in the languages of the workers and
communities in supplier countries (UNGP 31: accessible). The mechanism's owner chooses which
(:attr:`GrievanceMechanism.languages`); the complainant chooses among those on the intake page, and the
choice is stored on the case (``GrievanceCase.language``) for the follow-up page and the e-mails.

The translations of the added languages were written by the project and await review by native
speakers (see docs/grievances.md).
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from imvo.web.country_choices import country_choices

#: Every language a mechanism may offer, each named in itself, in the order the menus list them.
PUBLIC_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("nl", "Nederlands"),
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("bn", "বাংলা"),
    ("hi", "हिन्दी"),
    ("vi", "Tiếng Việt"),
    ("zh-hans", "中文（简体）"),
)
LANGUAGE_NAMES = dict(PUBLIC_LANGUAGES)
#: What a mechanism offers unless its owner chooses otherwise (and what existing mechanisms kept).
DEFAULT_LANGUAGES = ("nl", "en")
#: The query parameter of the public pages' language menu: /g/<mechanism>/?lang=fr.
PARAMETER = "lang"

_COUNTRY_NAMES = Path(__file__).parent / "data" / "country_names.json"


def default_languages() -> list[str]:
    return list(DEFAULT_LANGUAGES)


def normalise(codes: Sequence[str]) -> list[str]:
    """The known codes among ``codes``, once each, in the menu's order."""
    wanted = {str(code).lower() for code in codes}
    return [code for code, _name in PUBLIC_LANGUAGES if code in wanted]


def offered(mechanism: Any) -> list[str]:
    """The languages a mechanism's public pages offer (never none: then Dutch and English)."""
    return normalise(mechanism.languages or ()) or default_languages()


def _browser_languages(header: str) -> list[str]:
    """The language tags of an Accept-Language header, most preferred first ("fr-CA;q=0.8")."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and quality > 0:
            weighted.append((-quality, position, tag.strip().lower()))
    return [tag for _quality, _position, tag in sorted(weighted)]


def _public_code(tag: str) -> str | None:
    """The public language for a browser's language tag: "pt-BR" → "pt", "zh-CN" → "zh-hans"."""
    tag = tag.lower().replace("_", "-")
    if tag.startswith("zh"):
        # Simplified Chinese only: Traditional (zh-TW, zh-HK, zh-Hant) is another written language.
        simplified = tag in {"zh", "zh-cn", "zh-sg", "zh-my"} or tag.startswith("zh-hans")
        return "zh-hans" if simplified else None
    primary = tag.split("-")[0]
    return primary if primary in LANGUAGE_NAMES else None


def choose(request: HttpRequest, mechanism: Any, case_language: str = "") -> str:
    """The language of a public page: asked in the menu, the case's, the browser's, else the site's default
    or the mechanism's first.

    ``case_language`` is the language stored on the complainant's case (on their case page).
    """
    languages = offered(mechanism)
    asked = _public_code(request.GET.get(PARAMETER, ""))
    if asked in languages:
        return str(asked)
    if case_language in languages:
        return case_language
    cookie = _public_code(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""))
    if cookie in languages:
        return str(cookie)
    for tag in _browser_languages(request.headers.get("Accept-Language", "")):
        code = _public_code(tag)
        if code in languages:
            return str(code)
    workspace = _public_code(get_language() or settings.LANGUAGE_CODE)  # the site's default (English)
    return str(workspace) if workspace in languages else languages[0]


def menu(mechanism: Any, current: str) -> list[dict[str, Any]]:
    """The public language menu: only the mechanism's languages, each named in itself."""
    return [
        {"code": code, "name": LANGUAGE_NAMES[code], "current": code == current}
        for code in offered(mechanism)
    ]


@functools.cache
def _country_names() -> dict[str, dict[str, str]]:
    names: dict[str, dict[str, str]] = json.loads(_COUNTRY_NAMES.read_text(encoding="utf-8"))["names"]
    return names


def _sort_key(name: str) -> str:
    # Accents do not move a country to the end ("Égypte" sorts with the E's); other scripts sort
    # in Unicode order, which follows the traditional order of the Bengali and Devanagari alphabets.
    stripped = "".join(
        char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char)
    )
    return stripped.casefold()


def public_country_choices() -> list[tuple[str, str]]:
    """Every country as ``(alpha-2, name)`` in the active public language (CLDR names), sorted."""
    language = get_language() or ""
    table = _country_names().get(language)
    if table is None:  # Dutch and English: the package's own ISO table, as in the workspace
        return country_choices()
    return sorted(
        ((code, table.get(code, name)) for code, name in country_choices()),
        key=lambda pair: _sort_key(pair[1]),
    )
