from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imvo.core.products import (
    FUZZY_MINIMUM,
    REVIEW_BELOW,
    ProductMatcher,
    load_catalogue,
    shipped_ilab_goods,
)


@pytest.fixture(scope="module")
def matcher() -> ProductMatcher:
    # hs_labels empty: valid codes come from the HS 2022 list shipped with imvo, labels are "".
    return ProductMatcher(shipped_ilab_goods(), {})


# Real-world supplier strings (EN / NL / DE, with sizes, grades and misspellings) -> base good.
NAME_TABLE = [
    # cocoa
    ("cacaobonen", "Cocoa"),
    ("Kakaobohnen", "Cocoa"),
    ("Kakaobohnen, fermentiert", "Cocoa"),
    ("cocoa beans grade I", "Cocoa"),
    ("Cacao beans Ivory Coast", "Cocoa"),
    ("cocoa powder 10/12", "Cocoa"),
    ("cacaoboter", "Cocoa"),
    # coffee
    ("Rohkaffee", "Coffee"),
    ("green coffee arabica", "Coffee"),
    ("Koffiebonen gebrand", "Coffee"),
    ("koffie bonen", "Coffee"),
    ("Röstkaffee", "Coffee"),
    ("Kaffee Bohnen", "Coffee"),
    # shrimp and seafood
    ("gekookte garnalen", "Shrimp"),
    ("Garnelen gefroren", "Shrimp"),
    ("frozen shrimps", "Shrimp"),
    ("Vannamei shrimp HLSO 16/20", "Shrimp"),
    ("Garnalen (gepeld, diepvries)", "Shrimp"),
    ("crab meat", "Shellfish"),
    ("canned tuna", "Fish"),
    ("Thunfisch in Dosen", "Fish"),
    ("tilapia fillets", "Tilapia"),
    ("Nijlbaars", "Nile Perch"),
    # cotton, yarn, textiles, garments
    ("katoen garen", "Thread/Yarn"),
    ("katoengaren", "Thread/Yarn"),
    ("Baumwollgarn", "Thread/Yarn"),
    ("cotton yarn Ne 30/1", "Thread/Yarn"),
    ("raw cotton bales", "Cotton"),
    ("Baumwolle roh", "Cotton"),
    ("katoen", "Cotton"),
    ("cottonseed", "Cottonseed"),
    ("T-shirts", "Garments"),
    ("Cotton T-shirts", "Garments"),
    ("T-shirt, 100% cotton", "Garments"),
    ("Herren-T-Shirts", "Garments"),
    ("kleding", "Garments"),
    ("Damenbekleidung", "Garments"),
    ("apparel", "Garments"),
    ("jute bags", "Jute"),
    # solar, batteries, electronics
    ("zonnepanelen", "Solar Modules"),
    ("solar panels 450W", "Solar Modules"),
    ("PV-Module", "Solar Modules"),
    ("Solarmodul monokristallin", "Solar Modules"),
    ("solar cells", "Solar Cells"),
    ("polysilicium", "Polysilicon"),
    ("Polysilizium", "Polysilicon"),
    ("silicon wafers", "Photovoltaic Wafers"),
    ("lithium-ion accu's", "Lithium-Ion Batteries"),
    ("Li-Ion Akku", "Lithium-Ion Batteries"),
    ("lithium ion battery pack 48V", "Lithium-Ion Batteries"),
    ("smartphones", "Electronics"),
    ("Leiterplatten", "Electronics"),
    # palm oil
    ("RBD palm olein", "Refined Palm Oil"),
    ("palm olein RBD", "Refined Palm Oil"),
    ("CPO", "Crude Palm Oil"),
    ("crude palm oil", "Crude Palm Oil"),
    # metals and minerals
    ("tin solder bar", "Tin"),
    ("Lötzinn", "Tin"),
    ("cassiterite", "Tin ore"),
    ("Goldbarren", "Gold"),
    ("gold dore bars", "Gold"),
    ("copper cathodes", "Copper"),
    ("Kobalt", "Cobalt ore"),
    ("coltan", "Tantalum ore"),
    ("wolframite", "Tungsten ore"),
    ("mica powder", "Mica"),
    ("Ziegelsteine", "Bricks"),
    ("bakstenen", "Bricks"),
    ("clay bricks", "Bricks"),
    ("granite tiles", "Granite"),
    ("natuursteen", "Stones"),
    ("limestone", "Stones"),
    # agriculture and food
    ("Sojabohnen", "Beans"),
    ("sperziebonen", "Beans"),
    ("vanilla beans", "Vanilla"),
    ("Bourbon Vanille", "Vanilla"),
    ("Zwarte thee", "Tea"),
    ("Tee schwarz", "Tea"),
    ("Basmati rice", "Rice"),
    ("rijst", "Rice"),
    ("cane sugar", "Cane Sugar"),
    ("rietsuiker", "Cane Sugar"),
    ("chocolate", "Chocolate"),
    ("Schokolade", "Chocolate"),
    ("melkchocolade", "Chocolate"),
    ("car tyres", "Tyres"),
    ("gouden sieraden", "Jewellery"),
    ("kopieerpapier", "Paper"),
    ("Tomatenmark", "Tomato Products"),
    ("tinned tomatoes", "Tomato Products"),
    ("Tomaten", "Tomatoes"),
    ("Haselnusskerne", "Hazelnuts"),
    ("Cashew nuts W320", "Cashews"),
    ("bananas Cavendish", "Bananas"),
    ("Holzkohle", "Charcoal"),
    ("teakhout", "Teak"),
    ("Tropenholz", "Timber"),
    ("Kautschuk", "Rubber"),
    ("nitrile gloves", "Rubber Gloves"),
    ("werkhandschoenen", "Gloves"),
    ("rubber boots", "Footwear"),
    ("Sportschuhe", "Footwear"),
    ("Feuerwerk", "Fireworks"),
    ("Spielwaren", "Toys"),
    ("Perserteppich", "Carpets"),
    ("yerba mate", "Yerba Mate"),
    ("Meersalz", "Salt"),
]


@pytest.mark.parametrize(("product", "base"), NAME_TABLE)
def test_real_world_names_match_their_good(matcher: ProductMatcher, product: str, base: str) -> None:
    result = matcher.match(product)
    assert result.good == base, result.note
    assert result.method in ("exact", "synonym", "fuzzy")
    assert result.goods
    assert all(isinstance(name, str) for name in result.goods)


@pytest.mark.parametrize(
    ("product", "base", "minimum"),
    [
        ("cacoa bonen", "Cocoa", 0.85),  # transposed letters
        ("koffe", "Coffee", 0.85),
        ("kakaobonen", "Cocoa", 0.90),  # Dutch/German mix, one letter from "kakaobohnen"
        ("Tilapia-Filet", "Tilapia", 0.90),
        ("garnallen", "Shrimp", 0.85),
    ],
)
def test_misspellings_match_fuzzily(matcher: ProductMatcher, product: str, base: str, minimum: float) -> None:
    result = matcher.match(product)
    assert (result.good, result.method) == (base, "fuzzy"), result.note
    assert minimum <= result.confidence < 1.0
    assert not result.needs_review
    assert "fuzzy" in result.note


def test_a_weak_fuzzy_match_needs_review(matcher: ProductMatcher) -> None:
    result = matcher.match("Orangensaft")  # 0.78 ~ "orangen"
    assert result.good == "Citrus Fruits"
    assert result.method == "fuzzy"
    assert FUZZY_MINIMUM <= result.confidence < REVIEW_BELOW
    assert result.needs_review


@pytest.mark.parametrize(
    "product",
    [
        "goldfish",
        "Goldfisch",
        "goudvissen",
        "cotton swabs",
        "Coca Cola",
        "coffee machine",
        "Kaffeemaschine",
        "tea towels",
        "rice cooker",
        "nail polish",
        "steam iron",
        "Bügeleisen",
        "sandpaper",
        "tin cans",
        "tins",
        "pepper spray",
        "peppermint tea",
        "USB cables",  # 0.83 from "calves", but not the same first letter
        "cigarettes",
        "xyz",
        "screws M8",
        "",
        "   ",
    ],
)
def test_false_friends_and_unrelated_products_match_nothing(matcher: ProductMatcher, product: str) -> None:
    result = matcher.match(product)
    assert result.goods == ()
    assert (result.good, result.method, result.confidence) == ("", "none", 0.0)


def test_false_friend_words_do_not_hide_the_rest_of_the_name(matcher: ProductMatcher) -> None:
    assert matcher.match("tins of tomatoes").good == "Tomatoes"


def test_a_compound_of_two_goods_is_read_by_its_head_and_flagged(matcher: ProductMatcher) -> None:
    result = matcher.match("rijstwijn")  # rice wine: Dutch compounds name the thing last
    assert (result.good, result.method) == ("Alcoholic Beverages", "synonym")
    assert result.needs_review
    assert "'rijst' would be Rice" in result.note
    # a related modifier is no conflict: tomato ketchup is a tomato product
    assert not matcher.match("tomatenketchup").needs_review


def test_an_unknown_prefix_does_not_turn_a_word_into_a_good(matcher: ProductMatcher) -> None:
    assert matcher.match("bekers").goods == ()  # cups, not "kers" (cherries)
    assert matcher.match("Tinnen bekers").good == "Tin"  # pewter cups: the first word is tin


def test_variants_of_a_good_are_all_candidates(matcher: ProductMatcher) -> None:
    assert set(matcher.match("bricks").goods) == {"Bricks", "Bricks (clay)"}
    assert set(matcher.match("clay bricks").goods) == {"Bricks", "Bricks (clay)"}
    assert {"Stones", "Stones (limestone)", "Stones (pumice)"} <= set(matcher.match("pumice").goods)
    beans = set(matcher.match("Sojabohnen").goods)
    assert {"Beans", "Beans (green beans)", "Beans (green, soy, yellow)"} <= beans


def test_related_broader_goods_are_candidates_too(matcher: ProductMatcher) -> None:
    shrimp = matcher.match("garnalen")
    assert shrimp.good == "Shrimp"
    assert shrimp.goods == ("Shrimp", "Shellfish")
    assert set(matcher.match("tilapia").goods) == {"Tilapia (fish)", "Fish"}
    assert set(matcher.match("cattle").goods) == {"Cattle", "Bovines"}


def test_ambiguous_names_keep_every_candidate(matcher: ProductMatcher) -> None:
    assert set(matcher.match("palm oil").goods) == {"Crude Palm Oil", "Refined Palm Oil"}
    assert set(matcher.match("Zucker").goods) == {"Sugar Beets", "Sugarcane"}
    assert {"Pepper", "Peppers"} <= set(matcher.match("pepper").goods)


def test_published_names_match_exactly_even_when_decomposed(matcher: ProductMatcher) -> None:
    result = matcher.match("Açaí Berries")  # typed composed (NFC); ILAB publishes it decomposed (NFD)
    assert result.method == "exact"
    assert result.goods == (unicodedata.normalize("NFD", "Açaí Berries"),)
    assert matcher.match("Khat/Miraa (stimulant plant)").method == "exact"


# ------------------------------------------------------------------------------------------ HS codes


@pytest.mark.parametrize(
    ("product", "code", "base", "hs_code", "heading"),
    [
        ("cocoa", "1801 00 00", "Cocoa", "18010000", "1801"),
        ("", "18010000", "Cocoa", "18010000", "1801"),
        ("cocoa beans", "1801.00", "Cocoa", "180100", "1801"),
        ("", "180100", "Cocoa", "180100", "1801"),
        ("koffie", "0901 11", "Coffee", "090111", "0901"),
        ("", "90111", "Coffee", "090111", "0901"),  # lost leading zero restored by the normaliser
        ("gold", "ex 7108", "Gold", "7108", "7108"),
        ("", "0306 17 92", "Shrimp", "03061792", "0306"),
        ("Garnelen", "160521", "Shrimp", "160521", "1605"),
        ("T-shirts", "6109 10 00", "Garments", "61091000", "6109"),
        ("", "854143", "Solar Modules", "854143", "8541"),
        ("", "8507 60", "Lithium-Ion Batteries", "850760", "8507"),
        ("palm oil", "1511 10 90", "Crude Palm Oil", "15111090", "1511"),
        ("emerald", "7103 10", "Emeralds", "710310", "7103"),
    ],
)
def test_a_listed_hs_code_decides(
    matcher: ProductMatcher, product: str, code: str, base: str, hs_code: str, heading: str
) -> None:
    result = matcher.match(product, code)
    assert result.method == "hs_code"
    assert result.good == base, result.note
    assert (result.hs_code, result.hs_heading) == (hs_code, heading)
    assert result.confidence == 1.0


def test_an_hs_code_beats_a_contradicting_name_but_asks_for_review(matcher: ProductMatcher) -> None:
    result = matcher.match("cocoa beans", "8471")
    assert (result.good, result.method, result.needs_review) == ("Electronics", "hs_code", True)
    assert "Cocoa" in result.note
    assert "check the code" in result.note


def test_a_name_that_agrees_with_the_code_does_not_need_review(matcher: ProductMatcher) -> None:
    result = matcher.match("cocoa beans", "1801")
    assert not result.needs_review
    assert "agree" in result.note


def test_a_code_with_no_listed_good_gives_the_heading_only(matcher: ProductMatcher) -> None:
    result = matcher.match("screws M8", "7318 15")
    assert result.goods == ()
    assert result.good == ""
    assert (result.method, result.hs_code, result.hs_heading) == ("hs_code", "731815", "7318")
    assert not result.needs_review


def test_a_good_without_a_specific_code_is_matched_on_its_name(matcher: ProductMatcher) -> None:
    result = matcher.match("acai pulp", "0811 90")  # acai shares "fruit n.e.c." with many fruits
    assert result.good == unicodedata.normalize("NFC", "Açaí Berries")
    assert result.method == "synonym"
    assert not result.needs_review
    assert result.hs_heading == "0811"


def test_a_named_good_with_an_unrelated_code_is_kept_for_review(matcher: ProductMatcher) -> None:
    result = matcher.match("Kakaobohnen", "7318")
    assert (result.good, result.needs_review) == ("Cocoa", True)
    assert result.hs_heading == "7318"


def test_a_lost_leading_zero_on_a_four_digit_code_is_read_from_the_name(matcher: ProductMatcher) -> None:
    # "0901 1" typed as a number: 9011 is a real heading (microscopes), but the name says coffee.
    result = matcher.match("koffie", "9011")
    assert (result.good, result.hs_code, result.hs_heading) == ("Coffee", "0901", "0901")
    assert result.needs_review
    assert "leading zero" in result.note


def test_a_short_code_covering_several_goods_is_settled_by_the_name(matcher: ProductMatcher) -> None:
    named = matcher.match("prawns", "03")
    assert (named.good, named.method, named.needs_review) == ("Shrimp", "hs_code", False)
    unnamed = matcher.match("seafood mix", "0306")  # heading 0306 is Shellfish itself
    assert unnamed.good == "Shellfish"
    vague = matcher.match("assorted", "03")
    assert vague.needs_review
    assert vague.confidence == 0.5
    assert {"Fish", "Shrimp", "Shellfish"} <= set(vague.goods)


def test_an_invalid_code_is_ignored_with_a_note(matcher: ProductMatcher) -> None:
    result = matcher.match("cacaobonen", "18O1")
    assert (result.good, result.method, result.hs_code) == ("Cocoa", "synonym", "")
    assert "ignored" in result.note
    assert "18O1" in result.note


def test_labels_come_from_the_injected_hs_labels(shared_data: Path) -> None:
    with (shared_data / "hs" / "harmonized-system-2022.csv").open(encoding="utf-8") as handle:
        labels = {
            row["hscode"]: row["description"] for row in csv.DictReader(handle) if row["hscode"] != "TOTAL"
        }
    matcher = ProductMatcher(shipped_ilab_goods(), labels)
    result = matcher.match("", "1801 00 00")
    assert result.hs_label == labels["180100"]
    assert "Cocoa beans" in result.note
    assert matcher.match("", "7318").hs_label == labels["7318"]


# ------------------------------------------------------------------------------ injected goods list


def test_only_the_injected_goods_are_returned() -> None:
    matcher = ProductMatcher(["Cocoa", "Coffee"], {})
    assert matcher.match("garnalen").goods == ()
    assert matcher.match("cacaobonen").goods == ("Cocoa",)
    assert matcher.match("", "0306 17").goods == ()


def test_goods_come_back_spelled_as_injected() -> None:
    """Reference data may store names composed (NFC); the risk model joins on the injected spelling."""
    composed = [unicodedata.normalize("NFC", name) for name in shipped_ilab_goods()]
    matcher = ProductMatcher(composed, {})
    assert matcher.match("acai").goods == (unicodedata.normalize("NFC", "Açaí Berries"),)


def test_a_good_missing_from_the_catalogue_is_matched_on_its_own_name() -> None:
    matcher = ProductMatcher([*shipped_ilab_goods(), "Quinoa"], {})
    assert matcher.match("quinoa").goods == ("Quinoa",)


def test_a_custom_catalogue_can_be_injected() -> None:
    entry = next(e for e in load_catalogue() if e.good_name == "Cocoa")
    matcher = ProductMatcher(["Cocoa"], {}, catalogue=[entry])
    assert matcher.match("Kakao").good == "Cocoa"


# ---------------------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.text(max_size=14))
def test_match_never_raises_and_stays_in_range(product: str, code: str) -> None:
    result = _SHARED.match(product, code)
    assert 0.0 <= result.confidence <= 1.0
    assert (result.good == "") == (result.goods == ())
    assert result.method in ("hs_code", "exact", "synonym", "fuzzy", "none")
    assert result.hs_code == "" or result.hs_code.isdigit()


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([product for product, _ in NAME_TABLE] + ["goldfish", "cacoa bonen"]),
    st.sampled_from(["upper", "lower", "title", "spaces"]),
)
def test_case_and_whitespace_do_not_change_the_match(product: str, variant: str) -> None:
    changed = {
        "upper": product.upper(),
        "lower": product.lower(),
        "title": product.title(),
        "spaces": "  " + product.replace(" ", "   ") + "\t",
    }[variant]
    first, second = _SHARED.match(product), _SHARED.match(changed)
    assert (first.goods, first.method, first.confidence) == (second.goods, second.method, second.confidence)


_SHARED = ProductMatcher(shipped_ilab_goods(), {})


def test_every_catalogue_synonym_matches_and_repeated_names_come_from_the_cache() -> None:
    """Every synonym inside a longer product text is a synonym hit, and a name asked again is answered
    from the cache (the same object). Speed itself is measured in benchmarks/bench_scan.py, not here."""
    matcher = ProductMatcher(shipped_ilab_goods(), {})
    synonyms = [synonym.lstrip("=") for entry in load_catalogue() for synonym in entry.synonyms]
    products = [f"{synonym} lot {i}" for i, synonym in enumerate(synonyms)]
    results = [matcher.match(product) for product in products]
    assert all(result.method in ("exact", "synonym") for result in results)
    assert all(matcher.match(product) is result for product, result in zip(products, results, strict=True))
