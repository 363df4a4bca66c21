"""Product-name normalisation for English, Dutch and German supplier lists.

A product name is folded (lower case, accents removed, ``ß`` -> ``ss``), cut into *segments* at
punctuation and at words containing digits ("T-shirt, 100% cotton" -> "t shirt" | "cotton"), and each
segment into words without stop words. Words are compared by a crude stem that removes EN/NL/DE plural
endings and Dutch doubled vowels, so "tomaat"/"tomaten"/"tomatoes"/"Tomaten" and
"garnaal"/"garnalen" meet. The stem is a matching key only, never shown to a user.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["STOP_WORDS", "fold", "segments", "stem", "words"]

# Function words of EN/NL/DE that never name a good. "the" is safe to drop: Dutch "thee" (tea) is
# matched before stemming turns it into "the".
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "with",
        "for",
        "in",
        "from",
        "to",
        "on",
        "or",
        "per",
        "made",
        "de",
        "het",
        "een",
        "van",
        "en",
        "met",
        "voor",
        "uit",
        "op",
        "of",
        "te",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "und",
        "mit",
        "fur",
        "aus",
        "von",
        "vom",
        "zum",
        "zur",
        "im",
        "oder",
    ]
)

_APOSTROPHES = re.compile(r"['’`´]")
# Segment boundaries: list punctuation, brackets, slashes, and any word containing a digit
# ("100%", "500g", "18650"), which in supplier lists separates the product from its specification.
_SEGMENT_BOUNDARY = re.compile(r"[,;()\[\]{}/|+&:]|\S*\d\S*")
_WORD = re.compile(r"[a-z]+")
_DOUBLE_VOWEL = re.compile(r"([aeou])\1")
_PLURAL_ENDINGS = ("es", "en", "s", "e", "n")
_MIN_STEM = 3


def fold(text: str) -> str:
    """Lower case without accents or apostrophes: "Kakaobohnen" -> "kakaobohnen", "Açaí" -> "acai"."""
    if text.isascii():
        return _APOSTROPHES.sub("", text.casefold())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _APOSTROPHES.sub("", without_marks)


def words(text: str) -> list[str]:
    """The folded words of ``text`` without stop words (digits and punctuation dropped)."""
    return [word for word in _WORD.findall(fold(text)) if word not in STOP_WORDS]


def segments(text: str) -> list[list[str]]:
    """The folded words of ``text`` grouped into segments, empty segments dropped."""
    parts = _SEGMENT_BOUNDARY.split(fold(text))
    result = []
    for part in parts:
        part_words = [word for word in _WORD.findall(part) if word not in STOP_WORDS]
        if part_words:
            result.append(part_words)
    return result


@lru_cache(maxsize=65_536)  # supplier lists repeat the same words; stemming is the hot path
def stem(word: str) -> str:
    """A matching key for ``word`` that ignores plural endings and Dutch doubled vowels.

    Doubled vowels are collapsed first so that Dutch singular and plural meet ("boon"/"bonen" ->
    "bon"); then at most two endings are removed while at least three letters remain.
    """
    if len(word) <= _MIN_STEM:
        return word
    result = _DOUBLE_VOWEL.sub(r"\1", word)
    if result.endswith("ies") and len(result) > _MIN_STEM + 2:
        result = result[:-3] + "y"
    for _ in range(2):
        for ending in _PLURAL_ENDINGS:
            if (
                result.endswith(ending)
                and len(result) - len(ending) >= _MIN_STEM
                and not (ending == "s" and result.endswith("ss"))
            ):
                result = result[: -len(ending)]
                break
        else:
            break
    return result
