"""Matching a supplier's product (name and optional HS/CN code) to ILAB goods and an HS heading.

Order of evidence (docs/product-matching.md explains it for users):

1. A valid HS code that the catalogue maps to a good wins. If the name clearly names a different good,
   the result is flagged ``needs_review``. A code shorter than the catalogue's codes (chapter "03")
   that covers several goods is settled by the name, or returns all of them for review.
2. A valid HS code with no listed good gives ``good == ""`` with the heading and label set, unless the
   name names a good: goods without a specific HS code (acai, khat) are then matched on the name; for
   others the disagreement is flagged (and a lost leading zero, "9011" for "0901 1", is tried).
3. Without a usable code: the longest phrase of the name found among the synonyms (exact ILAB name ->
   ``exact``, other synonym -> ``synonym``), with misspelt words corrected (``fuzzy``), then a fuzzy
   comparison of the whole name against all synonyms.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, cast

from rapidfuzz import fuzz, process

from imvo.core.products.catalogue import (
    CatalogueEntry,
    load_catalogue,
    load_false_friends,
    load_processed_goods,
)
from imvo.core.products.hs_codes import HsCode, InvalidHsCode, check_hs_code, hs2022_codes
from imvo.core.products.names import StemSet, stem, words, words_and_segments
from imvo.core.risk import parameters

__all__ = [
    "FUZZY_MINIMUM",
    "REVIEW_BELOW",
    "MatchMethod",
    "ProductMatch",
    "ProductMatcher",
]

MatchMethod = Literal["hs_code", "exact", "synonym", "fuzzy", "none"]

# Fuzzy scores are rapidfuzz ratios / 100. Below REVIEW_BELOW a match is shown but flagged for review;
# below FUZZY_MINIMUM it is not a match. The values were set on the table in tests/core/test_products.py:
# real misspellings ("cacoa bonen" 0.91, "koffe" 0.91) score above 0.85, unrelated words rarely reach 0.7.
# The review threshold is the risk model's documented parameter (one value, in docs/methodology.md).
REVIEW_BELOW = parameters.REVIEW_CONFIDENCE
FUZZY_MINIMUM = 0.70
# A single misspelt word is corrected only at this similarity and when its first letter is right:
# "cacoa" -> "cacao" (0.80) yes, "cables" -> "tables" (0.83, different first letter) no.
_WORD_CORRECTION_MINIMUM = 80.0
# Words longer than five letters need more: one transposition in "cacoa" costs 20 points, in a long
# word less, while "cables" ~ "calves" (0.83) is a different word.
_LONG_WORD_CORRECTION = 85.0
_MIN_CORRECTABLE_LENGTH = 4
# Four-letter words are too close to each other to correct ("pans" is 0.89 like "pants").
_MIN_CORRECTED_WORD = 5
# A compound of two goods' words ("kakao" + "bonen") is read by its head unless the whole word is a
# near miss of a synonym of the modifier's good ("kakaobohnen", 0.95).
_COMPOUND_NEAR_MISS = 90.0
_MIN_HEAD_ALONE = 5
# The first part of a compound, known or dropped, has at least three letters.
_MIN_MODIFIER = 3
# The whole-name fuzzy fallback also requires the first letters to agree: "chocolade repen" is 0.74
# like "cocabladeren", "cigarettes" 0.71 like "carpets".
_FUZZY_SAME_PREFIX = 3
_MAX_PHRASE_WORDS = 5
_CACHE_LIMIT = 200_000
# A fuzzy target is skipped when the lengths alone keep its ratio this much below the score needed, so
# that rounding can never skip one that reaches it.
_LENGTH_SLACK = 1.0

# Descriptive words of supplier lists: never "corrected" into a good's name ("frozen" is 0.91 like
# Dutch "rozen", roses).
_DESCRIPTORS = frozenset(
    [
        "frozen",
        "fresh",
        "chilled",
        "raw",
        "organic",
        "grade",
        "premium",
        "quality",
        "bulk",
        "bag",
        "bags",
        "pack",
        "packed",
        "box",
        "boxes",
        "carton",
        "cartons",
        "whole",
        "pieces",
        "peeled",
        "cooked",
        "boiled",
        "roasted",
        "ground",
        "sliced",
        "diced",
        "mixed",
        "natural",
        "various",
        "assorted",
        "white",
        "large",
        "small",
        "medium",
        "extra",
        "class",
        "size",
        "standard",
        "export",
        "import",
        "best",
        "quality",
        "kilo",
        "kilos",
        "tonnes",
        "bevroren",
        "diepvries",
        "vers",
        "gekookt",
        "gekookte",
        "gepeld",
        "gepelde",
        "gedroogd",
        "gedroogde",
        "gebrand",
        "gebrande",
        "gemalen",
        "biologisch",
        "biologische",
        "stuks",
        "doos",
        "dozen",
        "zak",
        "zakken",
        "gefroren",
        "gefrorene",
        "tiefgekuhlt",
        "tiefgekuhlte",
        "frisch",
        "frische",
        "getrocknet",
        "getrocknete",
        "gekocht",
        "gekochte",
        "geschalt",
        "geschalte",
        "gerostet",
        "geroestet",
        "gemahlen",
        "biologisch",
        "stuck",
        "sack",
        "sacke",
        "karton",
    ]
)


@dataclass(frozen=True)
class ProductMatch:
    """The result of matching one (product, hs_code) pair."""

    goods: tuple[str, ...]  # candidate ILAB Good_Name values, () when none
    good: str  # the base good label, "" when none
    hs_code: str  # normalised code as given ("" if none/invalid)
    hs_heading: str  # 4-digit heading of the code ("" if none)
    hs_label: str  # label of the most specific known level of the code
    method: MatchMethod
    confidence: float  # 0..1; 1.0 for hs_code/exact/synonym
    needs_review: bool
    note: str


@dataclass(slots=True)
class _Word:
    surface: str
    stem: str  # stem(surface)
    original: str  # the word as written (differs when corrected or split from a compound)
    corrected: bool = False
    compound_modifier: str = ""  # for the head of a split compound: the modifier word


@dataclass(frozen=True, slots=True)
class _PhraseChoice:
    """The best phrase of a segment."""

    start: int
    size: int  # its number of words
    bases: tuple[str, ...]
    key: str  # the catalogue phrase it matched
    corrected: bool  # a word of it is a corrected misspelling
    read: str  # its words as read (corrected)


@dataclass(slots=True)  # not frozen: that is built several times slower, and this once per product
class _NameMatch:
    bases: tuple[str, ...]
    method: MatchMethod
    confidence: float
    phrase: str  # the product words that matched
    key: str  # the catalogue phrase they matched
    needs_review: bool = False
    note: str = ""


@dataclass
class _Good:
    base: str
    names: list[str] = field(default_factory=list)
    hs_codes: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


class ProductMatcher:
    """Matches product names and HS codes to ILAB goods; build once, call :meth:`match` per pair.

    ``ilab_goods`` are the published ``Good_Name`` values to match against (goods missing from the
    catalogue are matched on their own name only); ``hs_labels`` maps HS codes (2, 4 or 6 digits) to
    labels and is also the list of valid codes (HS 2022 shipped with imvo when empty). ``processed``
    goods (default: ``processed_goods.csv``) are matched too, although no dataset lists them: the scan
    follows them to their inputs.
    """

    def __init__(
        self,
        ilab_goods: Iterable[str],
        hs_labels: Mapping[str, str],
        catalogue: Sequence[CatalogueEntry] | None = None,
        processed: Sequence[CatalogueEntry] | None = None,
    ) -> None:
        self._hs_labels = dict(hs_labels)
        self._known_codes: frozenset[str] = frozenset(self._hs_labels) or hs2022_codes()
        processed_entries = tuple(load_processed_goods() if processed is None else processed)
        self._catalogue = (*(load_catalogue() if catalogue is None else catalogue), *processed_entries)
        self._goods = self._select_goods(
            [*ilab_goods, *(entry.good_name for entry in processed_entries)], self._catalogue
        )
        self._surface_keys: dict[str, tuple[str, ...]] = {}
        self._stem_keys: dict[str, tuple[str, ...]] = {}
        self._exact_keys: set[str] = set()
        self._exact_only_words: set[str] = set()
        self._build_name_keys()
        # Every word of every phrase is "known": known words are neither split nor corrected.
        self._surface_vocabulary = {word for key in self._surface_keys for word in key.split()}
        self._stem_vocabulary = {word for key in self._stem_keys for word in key.split()}
        # Fragments of a misspelt word are looked up (and stemmed) only if they may be known. Every
        # one-word stem key is in the stem vocabulary too (a compound's stem, "~kakaobon").
        self._vocabulary_filter = StemSet(self._surface_vocabulary | self._stem_vocabulary)
        # Words the catalogue marks "=word" are never a fuzzy target: "tins" is not a misspelt "tin".
        self._correction_targets = _FuzzyTargets(sorted(self._surface_vocabulary - self._exact_only_words), 1)
        self._fuzzy_targets = _FuzzyTargets(
            sorted(set(self._surface_keys) - self._exact_only_words), _FUZZY_SAME_PREFIX
        )
        self._false_friends: set[str] = set()
        for friend in load_false_friends():
            # A one-word false friend is matched as written: "tins" must not hide "tin" by its stem.
            friend_words = words(friend.phrase)
            self._false_friends.update(self._keys_of(friend_words, surface_only=len(friend_words) < 2))
        # Every word (or stem) of a phrase that is a false friend is part of one of their keys.
        self._false_friend_fragments = {
            key[start:end]
            for key in (friend.removeprefix("~") for friend in self._false_friends)
            for start in range(len(key))
            for end in range(start + 1, len(key) + 1)
        }
        self._hs_index: dict[str, tuple[str, ...]] = {}
        for good in self._goods.values():
            for code in good.hs_codes:
                self._hs_index[code] = (*self._hs_index.get(code, ()), good.base)
        self._corrections: dict[str, tuple[str, float] | None] = {}
        self._whole_name_matches: dict[str, _NameMatch | None] = {}
        # A product is often listed with several HS codes (and without one): read its name once.
        self._name_matches: dict[str, _NameMatch | None] = {}
        self._code_bases_cache: dict[str, tuple[tuple[str, ...], bool]] = {}
        # A supplier list has a few dozen distinct codes, and many products share their goods.
        self._checked_codes: dict[str, HsCode | InvalidHsCode] = {}
        self._goods_cache: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._phrase_choices: dict[tuple[tuple[str, bool] | None, ...], _PhraseChoice | None] = {}
        self._agreed_code_results: dict[tuple[str, bool, tuple[str, ...]], ProductMatch | None] = {}
        self._cache: dict[tuple[str, str], ProductMatch] = {}

    # ----------------------------------------------------------------------------------- building

    @staticmethod
    def _select_goods(ilab_goods: Iterable[str], catalogue: Sequence[CatalogueEntry]) -> dict[str, _Good]:
        published = {_nfc(name): name for name in ilab_goods if name and name.strip()}
        goods: dict[str, _Good] = {}
        covered: set[str] = set()
        for entry in catalogue:
            name = published.get(_nfc(entry.good_name))
            if name is None:
                continue
            covered.add(_nfc(entry.good_name))
            good = goods.setdefault(_nfc(entry.base_good), _Good(_nfc(entry.base_good)))
            good.names.append(name)
            good.hs_codes.extend(code for code in entry.hs_codes if code not in good.hs_codes)
            good.related.extend(_nfc(base) for base in entry.related_goods if _nfc(base) not in good.related)
        # A good of a newer ILAB edition that the catalogue does not know yet still matches its name.
        for key, name in published.items():
            if key not in covered:
                goods.setdefault(key, _Good(key)).names.append(name)
        for good in goods.values():
            good.related = [base for base in good.related if base in goods and base != good.base]
        return goods

    def _build_name_keys(self) -> None:
        synonyms_by_base: dict[str, list[str]] = {base: [] for base in self._goods}
        for entry in self._catalogue:
            base = _nfc(entry.base_good)
            if base in synonyms_by_base:
                synonyms_by_base[base].extend(entry.synonyms)
        # A name whose word the catalogue marks "=word" (Tin: "=tin", so "tins" are cans) is matched
        # like that synonym, as written only.
        exact_only = {
            synonym[1:]
            for synonyms in synonyms_by_base.values()
            for synonym in synonyms
            if synonym[:1] == "="
        }
        self._exact_only_words = {word for phrase in exact_only for word in words(phrase)}
        for base, good in self._goods.items():
            for name in [*good.names, good.base]:
                name_words = words(name)
                keys = self._keys_of(name_words, surface_only=" ".join(name_words) in exact_only)
                self._exact_keys.update(keys)
                self._add(keys, base)
            for synonym in synonyms_by_base[base]:
                surface_only = synonym.startswith("=")
                self._add(self._keys_of(words(synonym.lstrip("=")), surface_only), base)

    @staticmethod
    def _keys_of(phrase_words: list[str], surface_only: bool) -> list[str]:
        if not phrase_words:
            return []
        keys = [" ".join(phrase_words), "".join(phrase_words)]
        if not surface_only:
            keys += ["~" + " ".join(stem(word) for word in phrase_words), "~" + stem("".join(phrase_words))]
        return keys

    def _add(self, keys: list[str], base: str) -> None:
        for key in keys:
            table = self._stem_keys if key.startswith("~") else self._surface_keys
            plain = key.removeprefix("~")
            if base not in table.get(plain, ()):
                table[plain] = (*table.get(plain, ()), base)

    # ------------------------------------------------------------------------------- the goods

    def goods_of(self, bases: Iterable[str]) -> tuple[str, ...]:
        """The published names of base goods and of the goods they name as related (unknown bases
        are skipped)."""
        return self._goods_of(base for base in bases if base in self._goods)

    def hs_codes_of(self, base: str) -> tuple[str, ...]:
        """The HS codes the catalogue gives a base good (() for an unknown good)."""
        good = self._goods.get(base)
        return () if good is None else tuple(good.hs_codes)

    def base_goods(self) -> tuple[str, ...]:
        return tuple(self._goods)

    # ------------------------------------------------------------------------------------ matching

    def match(self, product: str, hs_code: str = "") -> ProductMatch:
        """Match one product; never raises, results are cached per (product, hs_code)."""
        cache_key = (product or "", hs_code or "")
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        result = self._match(*cache_key)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[cache_key] = result
        return result

    def _match(self, product: str, hs_text: str) -> ProductMatch:
        name = self._match_name(product)
        if not hs_text.strip():
            return self._from_name(name, None, "")
        checked = self._check_code(hs_text)
        if isinstance(checked, InvalidHsCode):
            return self._from_name(name, None, f"HS code {hs_text.strip()!r} ignored: {checked.reason}")
        return self._from_code(checked, name)

    def _check_code(self, hs_text: str) -> HsCode | InvalidHsCode:
        checked = self._checked_codes.get(hs_text)
        if checked is None:
            checked = check_hs_code(hs_text, self._known_codes)
            if len(self._checked_codes) < _CACHE_LIMIT:
                self._checked_codes[hs_text] = checked
        return checked

    def _goods_of_bases(self, bases: tuple[str, ...]) -> tuple[str, ...]:
        goods = self._goods_cache.get(bases)
        if goods is None:
            goods = self._goods_of(bases)
            if len(self._goods_cache) < _CACHE_LIMIT:
                self._goods_cache[bases] = goods
        return goods

    def _goods_of(self, bases: Iterable[str]) -> tuple[str, ...]:
        names: list[str] = []
        for base in bases:
            good = self._goods[base]
            for candidate in [base, *good.related]:
                for name in self._goods[candidate].names:
                    if name not in names:
                        names.append(name)
        return tuple(names)

    def _related_bases(self, bases: Iterable[str]) -> set[str]:
        result: set[str] = set()
        for base in bases:
            result.add(base)
            result.update(self._goods[base].related)
        return result

    def _agree(self, name_bases: Iterable[str], code_bases: Iterable[str]) -> bool:
        name_set, code_set = set(name_bases), set(code_bases)
        return bool(self._related_bases(name_set) & code_set or self._related_bases(code_set) & name_set)

    def _label(self, code: HsCode) -> str:
        for part in (code.subheading, code.heading, code.chapter):
            if part and part in self._hs_labels:
                return self._hs_labels[part]
        return ""

    def _code_bases(self, code: HsCode) -> tuple[tuple[str, ...], bool]:
        """Goods the code IS (longest listed prefix), else goods it MAY be (listed codes under it)."""
        cached = self._code_bases_cache.get(code.hs_part)
        if cached is None:
            cached = self._code_bases_cache[code.hs_part] = self._find_code_bases(code)
        return cached

    def _find_code_bases(self, code: HsCode) -> tuple[tuple[str, ...], bool]:
        for part in (code.subheading, code.heading, code.chapter):
            if part and part in self._hs_index:
                return self._hs_index[part], True
        part = code.hs_part
        may_be: list[str] = []
        for listed, bases in self._hs_index.items():
            if listed.startswith(part):
                may_be.extend(base for base in bases if base not in may_be)
        return tuple(may_be), False

    def _from_name(self, name: _NameMatch | None, code: HsCode | None, note: str) -> ProductMatch:
        hs_code, hs_heading, hs_label = self._code_fields(code)
        if name is None:
            return ProductMatch(
                (), "", hs_code, hs_heading, hs_label, "none", 0.0, False, _join(note, "no listed good found")
            )
        # By position: a frozen dataclass is built much faster so than by keyword (once per product).
        return ProductMatch(
            self._goods_of_bases(name.bases),
            name.bases[0],
            hs_code,
            hs_heading,
            hs_label,
            name.method,
            name.confidence,
            name.needs_review or name.confidence < REVIEW_BELOW,
            _join(note, self._describe(name)),
        )

    def _code_fields(self, code: HsCode | None) -> tuple[str, str, str]:
        if code is None:
            return "", "", ""
        return code.code, code.heading, self._label(code)

    def _describe(self, name: _NameMatch) -> str:
        goods = " / ".join(name.bases)
        if name.method == "fuzzy":
            text = f"fuzzy {name.confidence:.2f} on {name.phrase!r} ~ {name.key!r} -> {goods}"
        elif name.method == "exact":
            text = f"name {name.phrase!r} -> {goods}"
        else:
            text = f"synonym {name.phrase!r} -> {goods}"
        if len(name.bases) > 1:
            text += " (ambiguous name: every candidate is kept)"
        return _join(text, name.note)

    def _from_code(self, code: HsCode, name: _NameMatch | None) -> ProductMatch:
        code_bases, is_listed = self._code_bases(code)
        if code_bases and is_listed:
            agreed = None if name is None else self._agreed_code_result(code, code_bases, name.bases)
            return agreed or self._from_listed_code(code, code_bases, name)
        shown = self._shown(code)
        if code_bases:  # the code is shorter than the listed codes under it
            if name is not None and self._agree(name.bases, code_bases):
                note = f"{shown} covers {' / '.join(name.bases)}, as the name says"
                return self._code_result(code, name.bases, True, name.needs_review, note)
            note = (
                f"{shown} covers several listed goods ({', '.join(code_bases)}); the name does not say which"
            )
            return self._code_result(code, code_bases, False, True, note)
        if name is not None and (result := self._from_name_beside_code(code, name, shown)) is not None:
            return result
        label = self._label(code)
        return ProductMatch(
            (), "", code.code, code.heading, label, "hs_code", 1.0, False, f"{shown}: no listed good"
        )

    def _shown(self, code: HsCode) -> str:
        label = self._label(code)
        shown = f"HS {code.hs_part}" + (f" ({_shorten(label)})" if label else "")
        return shown + " (leading zero restored)" if code.restored_leading_zero else shown

    def _agreed_code_result(
        self, code: HsCode, code_bases: tuple[str, ...], name_bases: tuple[str, ...]
    ) -> ProductMatch | None:
        """The result of a listed code whose goods the name agrees with, else None.

        It depends on the code and the named goods only: the many spellings of a product share it.
        """
        key = (code.code, code.restored_leading_zero, name_bases)
        if key in self._agreed_code_results:
            return self._agreed_code_results[key]
        result = None
        if self._agree(name_bases, code_bases):
            bases = _combine(name_bases, code_bases)
            note = f"{self._shown(code)} and name agree -> {' / '.join(bases)}"
            result = self._code_result(code, bases, True, False, note)
        if len(self._agreed_code_results) >= _CACHE_LIMIT:
            self._agreed_code_results.clear()
        self._agreed_code_results[key] = result
        return result

    def _from_listed_code(
        self, code: HsCode, code_bases: tuple[str, ...], name: _NameMatch | None
    ) -> ProductMatch:
        """A listed code that the name does not agree with."""
        shown = self._shown(code)
        if name is not None and name.confidence >= REVIEW_BELOW:
            note = (
                f"{shown} -> {' / '.join(code_bases)}, but the name {name.phrase!r} says "
                f"{' / '.join(name.bases)}: check the code"
            )
            return self._code_result(code, code_bases, True, True, note)
        return self._code_result(code, code_bases, True, False, f"{shown} -> {' / '.join(code_bases)}")

    def _from_name_beside_code(self, code: HsCode, name: _NameMatch, shown: str) -> ProductMatch | None:
        """A code of no listed good beside a name that matches one: the name decides, for review."""
        good_codes = [c for base in name.bases for c in self._goods[base].hs_codes]
        if not good_codes:
            return self._from_name(name, code, f"{shown}: {name.bases[0]} has no specific HS code")
        padded = self._lost_zero_reading(code, name.bases)
        if padded:
            note = f"read HS {code.code} as {padded} (lost leading zero?) because of the name"
            result = self._from_name(name, code, note)
            return replace(result, hs_code=padded, hs_heading=padded[:4], needs_review=True)
        if name.confidence >= REVIEW_BELOW:
            result = self._from_name(name, code, f"{shown} is not a code of the named good")
            return replace(result, needs_review=True)
        return None

    def _code_result(
        self, code: HsCode, bases: tuple[str, ...], certain: bool, needs_review: bool, note: str
    ) -> ProductMatch:
        return ProductMatch(
            goods=self._goods_of_bases(bases),
            good=bases[0],
            hs_code=code.code,
            hs_heading=code.heading,
            hs_label=self._label(code),
            method="hs_code",
            confidence=1.0 if certain else 0.5,
            needs_review=needs_review,
            note=note,
        )

    def _lost_zero_reading(self, code: HsCode, name_bases: tuple[str, ...]) -> str:
        """ "9011" typed for "0901 1": the padded heading/subheading if the named good has it, else ""."""
        if code.code.startswith("0") or len(code.code) < 4:
            return ""
        padded = "0" + code.code
        parts = [padded[:length] for length in (6, 4) if len(padded) >= length]
        parts = [part for part in parts if part in self._known_codes]
        listed = [c for base in name_bases for c in self._goods[base].hs_codes]
        for part in parts:
            if any(part.startswith(c) or c.startswith(part) for c in listed):
                return part
        return ""

    # ------------------------------------------------------------------------------- name matching

    def _match_name(self, product: str) -> _NameMatch | None:
        if product in self._name_matches:
            return self._name_matches[product]
        found = self._find_name(product)
        if len(self._name_matches) < _CACHE_LIMIT:
            self._name_matches[product] = found
        return found

    def _find_name(self, product: str) -> _NameMatch | None:
        if not product or not product.strip():
            return None
        product_words, product_segments = words_and_segments(product)
        found = self._exact_match(product_words)
        if found is not None:
            return found
        prepared: list[_Word | None] = []
        for segment in product_segments:
            prepared = self._prepare(segment)
            found = self._match_segment(prepared)
            if found is not None:
                return found
        # The words of a name of one segment have just been read.
        return self._match_whole(product_words, prepared if product_segments == [product_words] else None)

    def _exact_match(self, product_words: list[str]) -> _NameMatch | None:
        """The match of a product named exactly as a good, or None."""
        name = " ".join(product_words)
        if name in self._exact_keys:
            return _NameMatch(self._surface_keys[name], "exact", 1.0, name, name)
        key = " ".join(map(stem, product_words))
        if "~" + key in self._exact_keys:
            return _NameMatch(self._stem_keys[key], "exact", 1.0, name, key)
        return None

    def _lookup(self, phrase: Sequence[_Word]) -> tuple[tuple[str, ...], str] | None:
        if len(phrase) == 1:
            return self._lookup_word(phrase[0])
        surfaces = [word.surface for word in phrase]
        for key in (" ".join(surfaces), "".join(surfaces)):
            if key in self._surface_keys:
                return self._surface_keys[key], key
        key = " ".join(word.stem for word in phrase)
        if key in self._stem_keys:
            return self._stem_keys[key], key
        joined = "".join(surfaces)
        if self._vocabulary_filter.may_hold(joined):
            key = stem(joined)
            if key in self._stem_keys:
                return self._stem_keys[key], key
        return None

    def _lookup_word(self, word: _Word) -> tuple[tuple[str, ...], str] | None:
        """:meth:`_lookup` of one word, whose joined surfaces and stems are its own."""
        bases = self._surface_keys.get(word.surface)
        if bases is not None:
            return bases, word.surface
        bases = self._stem_keys.get(word.stem)
        if bases is not None:
            return bases, word.stem
        return None

    def _prepare(self, segment: list[str]) -> list[_Word | None]:
        """Words of a segment, compounds split, misspellings corrected; None marks a false friend."""
        # Words are not cached: most are new, and keeping them costs the garbage collector more than
        # reading them again. The words read from a written word have it as their original; a segment
        # with no fragment of a false friend needs no false-friend search at all.
        prepared: list[_Word | None] = []
        fragments = self._false_friend_fragments
        false_friend_fragment = False
        for word in segment:
            word_stem = stem(word)
            prepared.extend(self._read_word(word, word_stem))
            false_friend_fragment = false_friend_fragment or word in fragments or word_stem in fragments
        return self._mask_false_friends(prepared) if false_friend_fragment else prepared

    def _read_word(self, word: str, word_stem: str) -> tuple[_Word, ...]:
        if word in self._surface_vocabulary or word_stem in self._stem_vocabulary:
            return (_Word(word, word_stem, word),)
        split = self._split_compound(word)
        if split:
            return split
        correction = self._correct(word)
        if correction is not None:
            corrected, _score = correction
            return (_Word(corrected, stem(corrected), word, corrected=True),)
        return (_Word(word, word_stem, word),)

    def _split_compound(self, word: str) -> tuple[_Word, ...]:
        """ "kakaobohnen" -> kakao + bohnen; "rohkaffee" -> kaffee (the head decides, as in NL/DE)."""
        best = self._compound_cut(word)
        if best is None:
            return ()
        modifier_known, cut = best
        modifier, head = word[:cut], word[cut:]
        if modifier_known and modifier not in self._surface_vocabulary and modifier.endswith("s"):
            modifier = modifier if stem(modifier) in self._stem_vocabulary else modifier[:-1]
        head_word = _Word(head, stem(head), word, compound_modifier=modifier if modifier_known else "")
        if not modifier_known:
            return (head_word,)
        return (_Word(modifier, stem(modifier), word), head_word)

    def _compound_cut(self, word: str) -> tuple[bool, int] | None:
        """Where to cut a compound, and whether its modifier is known: the longest known head with a known
        modifier, else the longest known head that can stand alone."""
        best: tuple[bool, int] | None = None
        for cut in self._vocabulary_filter.held_suffixes(word, _MIN_MODIFIER, len(word) - 2):
            head = word[cut:]
            if head not in self._surface_vocabulary and stem(head) not in self._stem_vocabulary:
                continue
            modifier = word[:cut]
            if self._is_known(modifier) or (
                modifier.endswith("s") and modifier[:-1] in self._surface_vocabulary
            ):
                return True, cut  # later cuts have shorter heads
            # An unknown modifier is dropped, so the head alone must be a real word: "rohkaffee" ->
            # kaffee, but "bekers" (cups) must not become "kers" (cherries).
            if best is None and len(head) >= _MIN_HEAD_ALONE:
                best = (False, cut)
        return best

    def _is_known(self, part: str) -> bool:
        return self._vocabulary_filter.may_hold(part) and (
            part in self._surface_vocabulary or stem(part) in self._stem_vocabulary
        )

    def _correct(self, word: str) -> tuple[str, float] | None:
        if len(word) < _MIN_CORRECTED_WORD or word in _DESCRIPTORS:
            return None
        if word in self._corrections:
            return self._corrections[word]
        # What the result is checked against below (a long word needs both scores).
        needed = (
            _WORD_CORRECTION_MINIMUM
            if len(word) <= 5
            else max(_LONG_WORD_CORRECTION, _WORD_CORRECTION_MINIMUM)
        )
        found = self._correction_targets.closest(word, _WORD_CORRECTION_MINIMUM, needed)
        result = None
        if found is not None and (len(word) <= 5 or found[1] >= _LONG_WORD_CORRECTION):
            result = (found[0], float(found[1]))
        if len(self._corrections) < _CACHE_LIMIT:
            self._corrections[word] = result
        return result

    def _mask_false_friends(self, prepared: list[_Word | None]) -> list[_Word | None]:
        # The words of a false friend (or their stems) are fragments of it: only runs of words that are
        # fragments of one can be one.
        fragments = self._false_friend_fragments
        in_friend = [
            word is not None and (word.original in fragments or stem(word.original) in fragments)
            for word in prepared
        ]
        masked = list(prepared)
        for size in range(min(len(prepared), 3), 0, -1):
            for start in range(len(prepared) - size + 1):
                if not all(in_friend[start : start + size]):
                    continue
                phrase = prepared[start : start + size]
                originals = [word.original for word in phrase if word is not None]
                keys = {" ".join(dict.fromkeys(originals)), "".join(dict.fromkeys(originals))}
                stems = " ".join(stem(o) for o in dict.fromkeys(originals))
                if keys & self._false_friends or "~" + stems in self._false_friends:
                    for index in range(start, start + size):
                        masked[index] = None
        return masked

    def _best_phrase(self, prepared: list[_Word | None]) -> _PhraseChoice | None:
        """The longest known phrase of the segment, uncorrected words first, the latest on a tie."""
        # The choice depends on what the words read as, which the misspellings of a product share.
        reading = tuple([None if word is None else (word.surface, word.corrected) for word in prepared])
        if reading in self._phrase_choices:
            return self._phrase_choices[reading]
        best: tuple[tuple[int, int, int], _PhraseChoice] | None = None
        for start in range(len(prepared)):
            phrase: list[_Word] = []
            corrected = False
            for word in prepared[start : start + _MAX_PHRASE_WORDS]:
                if word is None:
                    break
                phrase.append(word)
                corrected = corrected or word.corrected
                found = self._lookup(phrase)
                if found is None:
                    continue
                rank = (len(phrase), int(not corrected), start)
                if best is None or rank > best[0]:
                    read = " ".join([word.surface for word in phrase])
                    best = (rank, _PhraseChoice(start, len(phrase), found[0], found[1], corrected, read))
        choice = None if best is None else best[1]
        if len(self._phrase_choices) >= _CACHE_LIMIT:
            self._phrase_choices.clear()
        self._phrase_choices[reading] = choice
        return choice

    def _match_segment(self, prepared: list[_Word | None]) -> _NameMatch | None:
        choice = self._best_phrase(prepared)
        if choice is None:
            return None
        # A chosen phrase has no false friend (None).
        phrase = cast("list[_Word]", prepared[choice.start : choice.start + choice.size])
        written = (
            phrase[0].original
            if len(phrase) == 1
            else " ".join(dict.fromkeys([word.original for word in phrase]))
        )
        if choice.corrected:
            score = fuzz.ratio(written, choice.read) / 100
            if score < FUZZY_MINIMUM:
                return None
            return _NameMatch(choice.bases, "fuzzy", round(score, 3), written, choice.read)
        if len(phrase) == 1 and phrase[0].compound_modifier:
            compound = self._compound(phrase[0], choice.bases, written, choice.key)
            if compound is not None:
                return compound
        return _NameMatch(choice.bases, "synonym", 1.0, written, choice.key)

    def _compound(self, head: _Word, bases: tuple[str, ...], written: str, key: str) -> _NameMatch | None:
        """A compound read by its last part whose first part names another good: a near miss of a
        known compound wins; otherwise the last part's reading stands, flagged for review."""
        modifier = self._lookup([_Word(head.compound_modifier, stem(head.compound_modifier), "")])
        if modifier is None or self._agree(modifier[0], bases):
            return None
        near = self._fuzzy_targets.closest(head.original, _COMPOUND_NEAR_MISS)
        if near is not None and set(self._surface_keys[near[0]]) & set(modifier[0]):
            return _NameMatch(
                self._surface_keys[near[0]], "fuzzy", round(near[1] / 100, 3), head.original, near[0]
            )
        note = (
            f"compound {head.original!r} read by its last part {head.surface!r}; "
            f"{head.compound_modifier!r} would be {' / '.join(modifier[0])}"
        )
        return _NameMatch(bases, "synonym", 1.0, written, key, needs_review=True, note=note)

    def _match_whole(
        self, product_words: list[str], prepared: list[_Word | None] | None
    ) -> _NameMatch | None:
        """The fuzzy match of the whole name; ``prepared`` are its words as read, if they have been."""
        query = " ".join(product_words)
        if query in self._whole_name_matches:
            return self._whole_name_matches[query]
        result = self._find_whole(query, prepared)
        if len(self._whole_name_matches) < _CACHE_LIMIT:
            self._whole_name_matches[query] = result
        return result

    def _find_whole(self, query: str, prepared: list[_Word | None] | None) -> _NameMatch | None:
        if len(query) <= _MIN_CORRECTABLE_LENGTH:
            return None
        if prepared is None:
            prepared = self._prepare(query.split())
        if any(word is None for word in prepared):
            return None  # a false friend ("goldfish") is not a near miss of a good
        found = self._fuzzy_targets.closest(query, FUZZY_MINIMUM * 100)
        if found is None:
            return None
        key = found[0]
        return _NameMatch(self._surface_keys[key], "fuzzy", round(found[1] / 100, 3), query, key)


class _FuzzyTargets:
    """The targets of a fuzzy step, indexed by their first letters (which the step requires to agree).

    Most queries are misspelt words that are new, so each would cost a full search: the commonest
    misspellings (a letter too many or too few) are found among the targets of one length, and the
    search skips the targets whose length alone keeps them below the score needed.
    """

    def __init__(self, targets: Iterable[str], prefix_length: int) -> None:
        self._prefix_length = prefix_length
        self._by_prefix: dict[str, list[str]] = {}
        self._by_length: dict[tuple[str, int], list[str]] = {}
        for target in targets:
            self._by_prefix.setdefault(target[:prefix_length], []).append(target)
            self._by_length.setdefault((target[:prefix_length], len(target)), []).append(target)
        self._targets = frozenset(target for group in self._by_prefix.values() for target in group)
        # The lengths of the targets of each prefix, in their order.
        self._lengths = {
            prefix: [len(target) for target in group] for prefix, group in self._by_prefix.items()
        }
        self._reachable: dict[tuple[str, int, float], list[str]] = {}
        self._one_off: dict[tuple[str, int], list[str]] = {}

    def closest(self, query: str, score_cutoff: float, needed: float = 0.0) -> tuple[str, float] | None:
        """The first best ``fuzz.ratio`` target with the query's first letters, scoring at least
        ``score_cutoff`` (as ``process.extractOne``); a result below ``needed`` may be missed."""
        nearest = self._nearest(query, score_cutoff) if len(query) >= 3 else None
        if nearest is not None:
            return nearest
        found = process.extractOne(
            query,
            self._candidates(query, max(score_cutoff, needed)),
            scorer=fuzz.ratio,
            score_cutoff=score_cutoff,
        )
        return None if found is None else (found[0], found[1])

    def _nearest(self, query: str, score_cutoff: float) -> tuple[str, float] | None:
        """:meth:`closest` if the query is a target or one letter off one, else None.

        The query itself scores best, then a target it is one letter short of (1 - 1 / both lengths),
        then one it has a letter more than: from three letters on no other target scores as high (an
        equal length takes two edits, a length that differs more as many). Among the targets one letter
        longer or shorter, those score above two edits in the shorter total; the others score below.
        """
        if query in self._targets:
            return query, 100.0
        size = len(query)
        found = process.extractOne(
            query,
            self._one_letter_off(query[: self._prefix_length], size),
            scorer=fuzz.ratio,
            score_cutoff=max(score_cutoff, 100 * (1 - 2 / (2 * size - 1))),
        )
        return None if found is None else (found[0], found[1])

    def _one_letter_off(self, prefix: str, size: int) -> list[str]:
        """The targets one letter longer, then those one letter shorter, each in their order."""
        key = (prefix, size)
        targets = self._one_off.get(key)
        if targets is None:
            targets = self._by_length.get((prefix, size + 1), []) + self._by_length.get(
                (prefix, size - 1), []
            )
            if len(self._one_off) >= _CACHE_LIMIT:
                self._one_off.clear()
            self._one_off[key] = targets
        return targets

    def _candidates(self, query: str, needed: float) -> list[str]:
        """The targets that the lengths alone do not keep below ``needed`` (a ratio is at most
        200 * shorter / both lengths)."""
        prefix = query[: self._prefix_length]
        key = (prefix, len(query), needed)
        candidates = self._reachable.get(key)
        if candidates is None:
            size = len(query)
            lengths = self._lengths.get(prefix, [])
            # Whether a target of that length can reach the score needed, decided once per length.
            reachable = {
                length: 200 * min(size, length) >= (needed - _LENGTH_SLACK) * (size + length)
                for length in set(lengths)
            }
            candidates = [
                target
                for target, length in zip(self._by_prefix.get(prefix, []), lengths, strict=True)
                if reachable[length]
            ]
            if len(self._reachable) >= _CACHE_LIMIT:
                self._reachable.clear()
            self._reachable[key] = candidates
        return candidates


def _combine(name_bases: tuple[str, ...], code_bases: tuple[str, ...]) -> tuple[str, ...]:
    """Goods both sources name ("palm oil" + 1511.10 -> Crude Palm Oil), else all, the name's first."""
    common = tuple(base for base in name_bases if base in code_bases)
    return common or tuple(dict.fromkeys([*name_bases, *code_bases]))


def _join(first: str, second: str) -> str:
    return f"{first}; {second}" if first and second else first or second


def _shorten(label: str, limit: int = 60) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
