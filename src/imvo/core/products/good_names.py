"""The name of a good in the reader's language.

ILAB publishes its goods in English; ``goods_nl.csv`` (package data, project-written) holds the Dutch
name of every good the catalogue can show. The register stores the English name (it is the key of
the finding and what exports and the API carry); screens and reports show :func:`good_name`.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["good_name", "translated_goods"]


def _key(name: str) -> str:
    # ILAB's names mix composed and decomposed accents ("Açaí"): compare them composed.
    return unicodedata.normalize("NFC", name).strip()


@lru_cache(maxsize=1)
def translated_goods() -> dict[str, dict[str, str]]:
    """``{language: {English name (NFC): name in that language}}`` for the languages shipped."""
    text = resources.files(__package__).joinpath("goods_nl.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(
        io.StringIO("\n".join(line for line in text.splitlines() if not line.startswith("#")))
    )
    return {"nl": {_key(row["good_name"]): row["nl"] for row in rows}}


def good_name(good: str, language: str = "en") -> str:
    """``good`` (an English catalogue name) in ``language``; a name without a translation as given."""
    if not good or language == "en":
        return good
    return translated_goods().get(language[:2], {}).get(_key(good), good)
