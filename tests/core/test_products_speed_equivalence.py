"""The matcher's shortcuts give what the plain computations they replace give.

The product matcher skips work that cannot change a result (fuzzy targets whose length keeps them
below the score needed, stemming fragments that cannot be known, a regex search from every letter).
Reading a name once for its words and segments, skipping the ASCII apostrophe substitution, collapsing
doubled vowels without a regex, starting compound cuts after three letters, looking up only runs of
false-friend fragments, sharing the phrase choice and the agreed-code result between the spellings of a
product do so too. These tests compare each shortcut with the plain computation on many random
misspellings.
"""

from __future__ import annotations

import random
import re

import pytest
from rapidfuzz import fuzz, process

from imvo.core.products import ProductMatcher, load_catalogue, load_false_friends, names, shipped_ilab_goods
from imvo.core.products.matcher import _Word
from imvo.core.products.names import (
    StemSet,
    _collapse_double_vowels,
    fold,
    segments,
    stem,
    words,
    words_and_segments,
)

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


def _known_words(matcher: ProductMatcher) -> list[str]:
    return sorted(matcher._surface_vocabulary)


def test_words_and_segments_are_words_and_segments() -> None:
    rng = random.Random(3)
    alphabet = "ab ÉéçßxY'’`´1 9,;()[]{}/|+&:-.\t"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert words_and_segments(text) == (words(text), segments(text)), text


def test_fold_drops_apostrophes_as_before() -> None:
    rng = random.Random(5)
    apostrophes = re.compile(r"['’`´]")
    for _ in range(20000):
        text = "".join(rng.choice("aB 'x`Z-") for _ in range(rng.randrange(0, 12)))
        assert fold(text) == apostrophes.sub("", text.casefold()), text


def test_doubled_vowels_collapse_as_by_the_regex() -> None:
    rng = random.Random(19)
    doubled = re.compile(r"([aeou])\1")
    for _ in range(20000):
        word = "".join(rng.choice("aeoiun") for _ in range(rng.randrange(0, 12)))
        assert _collapse_double_vowels(word) == doubled.sub(r"\1", word), word


def _plain_compound_cut(matcher: ProductMatcher, word: str) -> tuple[bool, int] | None:
    """The compound cut tried from every cut on, every rest looked up."""
    best = None
    for cut in range(2, len(word) - 2):
        head, modifier = word[cut:], word[:cut]
        if head not in matcher._surface_vocabulary and stem(head) not in matcher._stem_vocabulary:
            continue
        if len(modifier) >= 3 and (
            matcher._is_known(modifier)
            or (modifier.endswith("s") and modifier[:-1] in matcher._surface_vocabulary)
        ):
            return True, cut
        if best is None and len(head) >= 5 and cut >= 3:
            best = (False, cut)
    return best


def test_compound_cuts_as_from_every_cut(matcher: ProductMatcher) -> None:
    rng = random.Random(7)
    known = _known_words(matcher)
    for _ in range(20000):
        word = _misspell(rng, rng.choice(["", "roh", "bio", "s"]) + rng.choice(known) + rng.choice(known))
        word = word.replace(" ", "")
        assert matcher._compound_cut(word) == _plain_compound_cut(matcher, word), word


def _plain_mask(matcher: ProductMatcher, prepared: list[_Word | None]) -> list[_Word | None]:
    """Every run of up to three words looked up as a false friend."""
    masked = list(prepared)
    for size in range(min(len(prepared), 3), 0, -1):
        for start in range(len(prepared) - size + 1):
            phrase = prepared[start : start + size]
            if any(word is None for word in phrase):
                continue
            originals = list(dict.fromkeys(word.original for word in phrase if word is not None))
            keys = {" ".join(originals), "".join(originals)}
            if (
                keys & matcher._false_friends
                or "~" + " ".join(map(stem, originals)) in matcher._false_friends
            ):
                masked[start : start + size] = [None] * size
    return masked


def test_false_friends_masked_as_by_every_run(matcher: ProductMatcher) -> None:
    rng = random.Random(11)
    friends = [friend.phrase for friend in load_false_friends()]
    known = _known_words(matcher)
    for _ in range(5000):
        parts = [rng.choice(friends) if rng.random() < 0.4 else rng.choice(known) for _ in range(3)]
        segment = words(_misspell(rng, " ".join(parts)))
        prepared = [word for written in segment for word in matcher._read_word(written, stem(written))]
        assert matcher._mask_false_friends(prepared) == _plain_mask(matcher, prepared), segment


def test_results_do_not_depend_on_what_was_matched_before(matcher: ProductMatcher) -> None:
    """The phrase choices and agreed code results are shared: matched in another order, the same."""
    rng = random.Random(13)
    known = _known_words(matcher)
    entries = [entry for entry in load_catalogue() if entry.hs_codes]
    pairs = []
    for _ in range(5000):
        entry = rng.choice(entries)
        name = rng.choice([entry.good_name, *(synonym.lstrip("=") for synonym in entry.synonyms)])
        if rng.random() < 0.3:
            name = " ".join([name, *rng.sample(known, 2)])
        code = rng.choice([*entry.hs_codes, "", "03", "9011", rng.choice(entries).hs_codes[0]])
        pairs.append((_misspell(rng, name), code))
    forward = [matcher.match(product, code) for product, code in pairs]
    backward = ProductMatcher(shipped_ilab_goods(), {})
    assert [backward.match(product, code) for product, code in reversed(pairs)][::-1] == forward


def test_fuzzy_candidates_as_by_their_lengths(matcher: ProductMatcher) -> None:
    rng = random.Random(17)
    for targets in (matcher._correction_targets, matcher._fuzzy_targets):
        texts = sorted(targets._targets)
        for _ in range(3000):
            query = _misspell(rng, rng.choice(texts))
            needed = rng.choice([70.0, 80.0, 85.0, 90.0])
            plain = [
                target
                for target in targets._by_prefix.get(query[: targets._prefix_length], [])
                if 200 * min(len(query), len(target)) >= (needed - 1.0) * (len(query) + len(target))
            ]
            assert targets._candidates(query, needed) == plain, query
