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
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["STOP_WORDS", "StemSet", "fold", "segments", "stem", "words"]

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
# Such a word is one from its start or from a punctuation mark on (the lookbehind spares the regex a
# failing search from every letter of every other word; the matches are the same).
_SEGMENT_BOUNDARY = re.compile(r"[,;()\[\]{}/|+&:]|(?<![^\s,;()\[\]{}/|+&:])\S*\d\S*")
_WORD = re.compile(r"[a-z]+")
_DOUBLE_VOWEL = re.compile(r"([aeou])\1")
_PLURAL_ENDINGS = ("es", "en", "s", "e", "n")
_ENDING_LETTERS = frozenset(ending[-1] for ending in _PLURAL_ENDINGS)
_MIN_STEM = 3
# stem() removes at most two endings of at most two letters (or turns "-ies" into "-y").
_MAX_STEM_CUT = 2 * max(map(len, _PLURAL_ENDINGS))


@lru_cache(maxsize=256)  # a product name is folded for its words, then again for its segments
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
    # Most words have no doubled vowel, and looking is much cheaper than substituting.
    result = _DOUBLE_VOWEL.sub(r"\1", word) if _has_double_vowel(word) else word
    if result.endswith("ies") and len(result) > _MIN_STEM + 2:
        result = result[:-3] + "y"
    for _ in range(2):
        if result[-1] not in _ENDING_LETTERS:
            break  # the common case, decided without trying every ending
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


class StemSet:
    """A set of words and stems that can tell, without stemming, that most words are not in it.

    Matching tries many fragments of a misspelt word (every cut of a possible compound, every run of
    words), nearly all of them new and not known; stemming each one is the slow part.
    """

    def __init__(self, members: Iterable[str]) -> None:
        self.members = frozenset(members)
        # may_hold() looks up at least three letters, or the whole of a shorter word.
        self._prefixes = frozenset(
            known[:end] for known in self.members for end in range(min(len(known), _MIN_STEM), len(known) + 1)
        )

    def may_hold(self, word: str) -> bool:
        """False only if neither ``word`` nor ``stem(word)`` is in the set.

        Without doubled vowels, the stem of a word is the word less at most its last four letters (less
        three, plus "y", for "-ies") and keeps at least three letters: so if the word or its stem is in
        the set, the word without its last four letters (but with at least its first three) begins a
        member of the set.
        """
        if word[: max(_MIN_STEM, len(word) - _MAX_STEM_CUT)] in self._prefixes:
            return True
        return _has_double_vowel(word)

    def held_suffixes(self, word: str, first: int, last: int) -> list[int]:
        """The cuts in ``range(first, last)`` at which :meth:`may_hold` the rest of ``word``."""
        if _has_double_vowel(word):
            return [cut for cut in range(first, last) if self.may_hold(word[cut:])]
        # The rest of a word without doubled vowels has none either, and what may_hold looks up is
        # word[cut : max(cut + 3, end)]: the same end up to a cut, then three letters.
        prefixes, end = self._prefixes, len(word) - _MAX_STEM_CUT
        middle = min(max(first, end - _MIN_STEM + 1), last)
        return [cut for cut in range(first, middle) if word[cut:end] in prefixes] + [
            cut for cut in range(middle, last) if word[cut : cut + _MIN_STEM] in prefixes
        ]


def _has_double_vowel(word: str) -> bool:
    return "aa" in word or "ee" in word or "oo" in word or "uu" in word  # what _DOUBLE_VOWEL finds
