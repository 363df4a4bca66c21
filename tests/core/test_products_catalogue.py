from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from imvo.core.products import (
    ProductMatcher,
    hs2022_codes,
    load_catalogue,
    load_false_friends,
    shipped_ilab_goods,
)
from imvo.core.products.names import words


def _published_goods(shared_data: Path) -> list[str]:
    root = ET.parse(shared_data / "ilab" / "list-of-goods-2022.xml").getroot()
    return [
        good.findtext("Good_Name") or "" for good in root.iter("Good") if good.find("Countries") is not None
    ]


def test_the_shipped_list_is_the_published_list(shared_data: Path) -> None:
    published = _published_goods(shared_data)
    assert len(set(published)) == 169
    assert sorted(set(published)) == sorted(shipped_ilab_goods())


def test_the_catalogue_has_one_row_per_published_good_exactly_as_spelled() -> None:
    names = [entry.good_name for entry in load_catalogue()]
    assert len(names) == len(set(names)) == 169
    assert set(names) == set(shipped_ilab_goods())
    # ILAB stores "Açaí Berries" decomposed; the catalogue keeps the published bytes.
    assert unicodedata.normalize("NFD", "Açaí Berries") in names


def test_the_catalogue_covers_the_xml(shared_data: Path) -> None:
    assert {entry.good_name for entry in load_catalogue()} == set(_published_goods(shared_data))


def test_variants_share_a_base_good() -> None:
    variants: dict[str, set[str]] = defaultdict(set)
    for entry in load_catalogue():
        variants[entry.base_good].add(entry.good_name)
    assert variants["Bricks"] == {"Bricks", "Bricks (clay)"}
    assert variants["Beans"] == {"Beans", "Beans (green beans)", "Beans (green, soy, yellow)"}
    assert variants["Stones"] == {"Stones", "Stones (limestone)", "Stones (pumice)"}
    assert variants["Khat"] == {"Khat (stimulant plant)", "Khat/Miraa (stimulant plant)"}
    # ILAB counts 159 goods: the 169 names minus their country-specific variants.
    assert len(variants) == 159


def test_every_catalogue_hs_code_exists_in_hs_2022() -> None:
    known = hs2022_codes()
    unknown = [(e.good_name, code) for e in load_catalogue() for code in e.hs_codes if code not in known]
    assert unknown == []


def test_hs_codes_follow_the_documented_decisions() -> None:
    codes = {entry.good_name: set(entry.hs_codes) for entry in load_catalogue()}
    assert codes["Cocoa"] == {"1801", "1802", "1803", "1804", "1805"}  # not chocolate 1806
    assert codes["Coffee"] >= {"0901"}
    assert codes["Gold"] >= {"7108"}
    assert codes["Garments"] == {"61", "62"}
    assert codes["Cotton"] == {"5201", "5202", "5203"}  # yarn is Thread/Yarn, fabric Textiles
    assert codes["Shrimp"] >= {"030616", "030617", "160521", "160529"}
    assert codes["Pornography"] == set()
    assert codes["Tin"] == {"8001", "8003"}
    assert codes["Tin ore (cassiterite)"] == {"2609"}
    assert codes["Solar Cells"] == {"854142"}
    assert codes["Solar Modules"] == {"854143"}
    assert codes["Lithium-Ion Batteries"] == {"850760"}


def test_a_code_shared_by_two_goods_links_them() -> None:
    """Two goods may share a code only if one names the other (or both name a third) as related."""
    by_code: dict[str, set[str]] = defaultdict(set)
    related: dict[str, set[str]] = defaultdict(set)
    for entry in load_catalogue():
        related[entry.base_good].update(entry.related_goods)
        for code in entry.hs_codes:
            by_code[code].add(entry.base_good)
    for code, bases in by_code.items():
        for first in bases:
            for second in bases - {first}:
                linked = second in related[first] or first in related[second]
                assert linked or related[first] & related[second], (code, first, second)


def test_related_goods_are_base_goods() -> None:
    bases = {entry.base_good for entry in load_catalogue()}
    for entry in load_catalogue():
        assert set(entry.related_goods) <= bases, entry.good_name
        assert entry.base_good not in entry.related_goods


def test_every_good_has_curated_synonyms() -> None:
    bases_with_synonyms = {entry.base_good for entry in load_catalogue() if entry.synonyms}
    assert bases_with_synonyms == {entry.base_good for entry in load_catalogue()}


def test_every_published_name_matches_itself_exactly() -> None:
    matcher = ProductMatcher(shipped_ilab_goods(), {})
    for name in shipped_ilab_goods():
        result = matcher.match(name)
        assert result.method == "exact", (name, result)
        assert name in result.goods


def test_every_synonym_matches_its_own_good() -> None:
    """A synonym that another good's synonym shadows would silently never match; ambiguous ones keep both."""
    matcher = ProductMatcher(shipped_ilab_goods(), {})
    for entry in load_catalogue():
        for synonym in entry.synonyms:
            result = matcher.match(synonym.lstrip("="))
            assert entry.good_name in result.goods, (entry.good_name, synonym, result.note)
            assert result.method in ("exact", "synonym"), (synonym, result.note)


def test_false_friends_contain_a_word_of_some_good() -> None:
    matcher = ProductMatcher(shipped_ilab_goods(), {})
    assert len(load_false_friends()) >= 30
    for friend in load_false_friends():
        assert words(friend.phrase), friend
        assert matcher.match(friend.phrase).goods == (), friend.phrase


@pytest.mark.parametrize("base", ["Cocoa", "Coffee", "Shrimp", "Cotton", "Garments", "Gold", "Tea"])
def test_main_goods_have_english_dutch_and_german_names(base: str) -> None:
    synonyms = {s for e in load_catalogue() if e.base_good == base for s in e.synonyms}
    expected = {
        "Cocoa": {"cocoa", "cacao", "kakao"},
        "Coffee": {"coffee", "koffie", "kaffee"},
        "Shrimp": {"shrimp", "garnalen", "garnelen"},
        "Cotton": {"cotton", "katoen", "baumwolle"},
        "Garments": {"clothing", "kleding", "bekleidung"},
        "Gold": {"gold", "goud"},
        "Tea": {"tea", "=thee", "=tee"},
    }[base]
    assert expected <= synonyms
