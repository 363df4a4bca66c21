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

__all__ = ["STOP_WORDS", "StemSet", "fold", "segments", "stem", "words", "words_and_segments"]

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
# Without one of these characters a text has no segment boundary (most product names are one segment).
_BOUNDARY_CHARACTER = re.compile(r"[,;()\[\]{}/|+&:\d]")
_WORD = re.compile(r"[a-z]+")
_PLURAL_ENDINGS = ("es", "en", "s", "e", "n")
_ENDING_LETTERS = frozenset(ending[-1] for ending in _PLURAL_ENDINGS)
_MIN_STEM = 3
# stem() removes at most two endings of at most two letters (or turns "-ies" into "-y").
_MAX_STEM_CUT = 2 * max(map(len, _PLURAL_ENDINGS))


def fold(text: str) -> str:
    """Lower case without accents or apostrophes: "Kakaobohnen" -> "kakaobohnen", "Açaí" -> "acai"."""
    if text.isascii():
        folded = text.casefold()
        # Looking for the two ASCII apostrophes is much cheaper than a substitution that finds none.
        return _APOSTROPHES.sub("", folded) if "'" in folded or "`" in folded else folded
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _APOSTROPHES.sub("", without_marks)


def words(text: str) -> list[str]:
    """The folded words of ``text`` without stop words (digits and punctuation dropped)."""
    return _words_of(fold(text))


def segments(text: str) -> list[list[str]]:
    """The folded words of ``text`` grouped into segments, empty segments dropped."""
    return _segments_of(fold(text))


def words_and_segments(text: str) -> tuple[list[str], list[list[str]]]:
    """The :func:`words` and :func:`segments` of ``text``, folded once: the words of a name without
    segment boundaries (most names) are its one segment."""
    folded = fold(text)
    text_words = _words_of(folded)
    if _BOUNDARY_CHARACTER.search(folded) is None:
        return text_words, [list(text_words)] if text_words else []
    return text_words, _segments_of(folded)


def _words_of(folded: str) -> list[str]:
    return [word for word in _WORD.findall(folded) if word not in STOP_WORDS]


def _segments_of(folded: str) -> list[list[str]]:
    result = []
    for part in _SEGMENT_BOUNDARY.split(folded):
        part_words = _words_of(part)
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
    result = _collapse_double_vowels(word) if _has_double_vowel(word) else word
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
        # Without doubled vowels, may_hold looks up word[cut : max(cut + 3, end)], and a prefix of three
        # letters or more begins with one of three: most cuts fail on those three letters already.
        prefixes, end = self._prefixes, len(word) - _MAX_STEM_CUT
        held = [cut for cut in range(first, last) if word[cut : cut + _MIN_STEM] in prefixes]
        if held and end - _MIN_STEM > first:
            held = [cut for cut in held if cut + _MIN_STEM >= end or word[cut:end] in prefixes]
        if not _has_double_vowel(word):
            return held
        # may_hold holds a rest with a doubled vowel: every rest from the last one's beginning or before.
        last_double = _last_double_vowel(word)
        return [*range(first, min(last_double + 1, last)), *(cut for cut in held if cut > last_double)]


def _has_double_vowel(word: str) -> bool:
    return "aa" in word or "ee" in word or "oo" in word or "uu" in word


def _collapse_double_vowels(word: str) -> str:
    """ "boonen" -> "bonen": what re.sub(r"([aeou])\1", r"\1", word) gives, without a regex template
    parsed on every call."""
    return word.replace("aa", "a").replace("ee", "e").replace("oo", "o").replace("uu", "u")


def _last_double_vowel(word: str) -> int:
    """Where the last doubled vowel of ``word`` begins (-1 if it has none)."""
    return max(word.rfind("aa"), word.rfind("ee"), word.rfind("oo"), word.rfind("uu"))
