"""The matcher's shortcuts give what the plain computations they replace give.

The product matcher skips work that cannot change a result (fuzzy targets whose length keeps them
below the score needed, stemming fragments that cannot be known, a regex search from every letter).
These tests compare each shortcut with the plain computation on many random misspellings.
"""

from __future__ import annotations

import random
import re

import pytest
from rapidfuzz import fuzz, process

from imvo.core.products import ProductMatcher, names, shipped_ilab_goods
from imvo.core.products.names import StemSet, stem

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@pytest.fixture(scope="module")
def matcher() -> ProductMatcher:
    return ProductMatcher(shipped_ilab_goods(), {})


def _misspell(rng: random.Random, text: str) -> str:
    for _ in range(rng.randrange(0, 3)):
        cut = rng.randrange(len(text) + 1)
        edit = rng.randrange(4)
        if edit == 0:
            text = text[:cut] + rng.choice(_LETTERS + " ") + text[cut:]
        elif edit == 1:
            text = text[:cut] + text[cut + 1 :]
        elif edit == 2:
            text = text[:cut] + rng.choice("aeiouns") + text[cut + 1 :]
        else:
            text = text[:cut] + text[cut + 1 : cut + 2] + text[cut : cut + 1] + text[cut + 2 :]
    return text


def test_closest_is_extract_one(matcher: ProductMatcher) -> None:
    rng = random.Random(20261202)
    cases = [
        (matcher._correction_targets, sorted(matcher._surface_vocabulary), [(80.0, 80.0), (80.0, 85.0)]),
        (matcher._fuzzy_targets, sorted(matcher._surface_keys), [(70.0, 0.0), (90.0, 0.0)]),
    ]
    for targets, texts, cutoffs in cases:
        for _ in range(4000):
            query = _misspell(rng, rng.choice(texts))
            group = targets._by_prefix.get(query[: targets._prefix_length], [])
            for score_cutoff, needed in cutoffs:
                expected = process.extractOne(query, group, scorer=fuzz.ratio, score_cutoff=score_cutoff)
                found = targets.closest(query, score_cutoff, needed)
                if expected is not None and expected[1] >= needed:
                    assert found == (expected[0], expected[1]), query
                else:
                    assert found is None or found[1] < needed, query


def test_stem_set_never_misses(matcher: ProductMatcher) -> None:
    rng = random.Random(7)
    members = sorted(matcher._surface_vocabulary | matcher._stem_vocabulary)
    known = StemSet(members)
    for _ in range(20000):
        word = _misspell(rng, rng.choice(members) + rng.choice(["", "s", "es", "en", "n", "e", "ies"]))
        word = word.replace(" ", "")
        if word in known.members or stem(word) in known.members:
            assert known.may_hold(word), word
        last = max(len(word) - 2, 0)
        assert known.held_suffixes(word, 2, last) == [
            cut for cut in range(2, last) if known.may_hold(word[cut:])
        ], word


def test_segment_boundaries_as_before() -> None:
    plain = re.compile(r"[,;()\[\]{}/|+&:]|\S*\d\S*")
    rng = random.Random(11)
    alphabet = "ab1 ,;()[]{}/|+&:\t\u00a0x9é"
    for _ in range(50000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 25)))
        assert names._SEGMENT_BOUNDARY.split(text) == plain.split(text), text
