"""Every good the catalogue can show has a Dutch name, and one function shows it per language."""

from __future__ import annotations

import unicodedata

from imvo.core.products.catalogue import load_catalogue, load_input_links, load_processed_goods
from imvo.core.products.good_names import good_name, translated_goods


def _every_good() -> set[str]:
    names = {entry.good_name for entry in (*load_catalogue(), *load_processed_goods())}
    return names | {link.input for link in load_input_links()} | {link.good for link in load_input_links()}


def test_every_good_has_a_dutch_name():
    dutch = translated_goods()["nl"]
    missing = sorted(name for name in _every_good() if unicodedata.normalize("NFC", name) not in dutch)
    assert missing == []


def test_the_dutch_names_are_written_out_and_differ_where_the_languages_do():
    dutch = translated_goods()["nl"]
    assert all(name.strip() for name in dutch.values())
    assert len(set(dutch.values())) == len(dutch)  # no two goods read the same in Dutch
    assert good_name("Garments", "nl") == "Kleding"
    assert good_name("Cocoa", "nl") == "Cacao"
    assert good_name("Tin ore (cassiterite)", "nl") == "Tinerts (cassiteriet)"


def test_english_and_unknown_names_are_shown_as_given():
    assert good_name("Garments", "en") == "Garments"
    assert good_name("A good of a newer list", "nl") == "A good of a newer list"
    assert good_name("", "nl") == ""


def test_decomposed_accents_find_their_dutch_name():
    decomposed = unicodedata.normalize("NFD", "Açaí Berries")
    assert good_name(decomposed, "nl") == "Açaíbessen"
