"""Raw-material inputs: the input table, processed goods, and input findings in a scan."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from imvo.core import refdata
from imvo.core.products import hs2022_codes, load_catalogue
from imvo.core.products.catalogue import load_input_links, load_processed_goods
from imvo.core.products.inputs import InputTable
from imvo.core.risk import parameters as p
from imvo.core.scan import Resolver, scan_file


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


def _bases() -> set[str]:
    return {entry.base_good for entry in (*load_catalogue(), *load_processed_goods())}


# --- the tables --------------------------------------------------------------------------------------


def test_processed_goods_are_not_ilab_goods_and_have_their_own_hs_codes() -> None:
    ilab = set(refdata.load().good_names)
    catalogue_codes = {code for entry in load_catalogue() for code in entry.hs_codes}
    known = hs2022_codes()
    for entry in load_processed_goods():
        assert entry.good_name not in ilab
        assert entry.base_good == entry.good_name
        assert entry.related_goods == ()  # a processed good is never its own input
        for code in entry.hs_codes:
            assert code in known, (entry.good_name, code)
            assert not any(code.startswith(c) or c.startswith(code) for c in catalogue_codes), code


def test_every_input_link_names_known_goods_and_existing_codes() -> None:
    bases, known = _bases(), hs2022_codes()
    for link in load_input_links():
        assert link.good in bases, link.good
        assert link.input in bases, link.input
        assert link.why
        assert link.hs_link
        assert set(link.sources) <= {"hs_structure", "ilab_derived"}
        assert all(code in known for code in link.hs_prefixes), link


def test_ilab_derived_links_match_ilab_derived_listings() -> None:
    derived_goods = {x.good for x in refdata.load().listings if x.derived_labour_exploitation}
    catalogue = {entry.good_name: entry.base_good for entry in load_catalogue()}
    derived_bases = {catalogue[name] for name in derived_goods}
    linked = {link.good for link in load_input_links() if "ilab_derived" in link.sources}
    # every good ILAB lists as derived has its input in the table
    assert derived_bases <= linked | {"Oleochemicals"}


# --- chains ------------------------------------------------------------------------------------------

TABLE = InputTable()


def _inputs(good: str, code: str = "") -> dict[str, bool]:
    return {item.good: item.at_origin for item in TABLE.inputs_of(good, code)}


@pytest.mark.parametrize(
    ("good", "expected"),
    [
        ("Crude Palm Oil", {"Palm Fruit": True}),
        ("Chocolate", {"Cocoa": False}),
        ("Beef", {"Cattle": True}),
        ("Leather", {"Cattle": False}),
        ("Cane Sugar", {"Sugarcane": True}),
        ("Garments", {"Cotton": False}),
        ("Refined Palm Oil", {"Crude Palm Oil": False, "Palm Fruit": False}),
        ("Leather Goods/Accessories", {"Leather": False, "Cattle": False}),
    ],
)
def test_input_chains_of_the_issue(good, expected) -> None:
    assert _inputs(good) == expected


def test_electronics_carry_the_3tg_metals_cobalt_and_mica() -> None:
    inputs = _inputs("Electronics")
    assert {"Tin", "Tantalum ore", "Tungsten ore", "Gold", "Cobalt ore", "Mica"} <= set(inputs)
    assert "Tin ore" in inputs  # through tin
    assert not any(inputs.values())  # all of unknown origin


def test_chains_are_followed_to_the_end() -> None:
    chain = next(item.chain for item in TABLE.inputs_of("Solar Modules") if item.good == "Polysilicon")
    assert chain == (
        "Solar Modules",
        "Solar Cells",
        "Photovoltaic Wafers",
        "Photovoltaic Ingots",
        "Polysilicon",
    )


def test_a_code_limited_link_holds_only_for_its_codes() -> None:
    assert _inputs("Textiles", "520811") == {"Cotton": False}
    assert _inputs("Textiles", "511111") == {}  # wool fabric: not cotton
    assert _inputs("Textiles") == {"Cotton": False}  # no code: it may be cotton


def test_goods_without_inputs() -> None:
    assert _inputs("Cocoa") == {}
    assert _inputs("Unknown good") == {}


# --- in a scan ---------------------------------------------------------------------------------------


def _scan(tmp_path: Path, resolver: Resolver, rows: list[list[str]]):
    path = tmp_path / "suppliers.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["supplier", "country", "product", "hs code", "spend"])
        writer.writerows(rows)
    return scan_file(path, resolver=resolver)


def test_input_findings_are_marked_with_the_input_and_its_country(tmp_path, resolver) -> None:
    rows = [
        ["Mill", "Malaysia", "crude palm oil", "", "1"],
        ["Chocolatier", "België", "chocolade", "", "1"],
        ["Butcher", "Brasilien", "beef", "", "1"],
        ["Tannery", "Italy", "leather", "4107", "1"],
        ["Sugar mill", "Brazil", "cane sugar", "", "1"],
        ["Clothing", "Netherlands", "T-shirts", "6109", "1"],
        ["Devices", "Germany", "laptops", "8471 30", "1"],
    ]
    with _scan(tmp_path, resolver, rows) as result:
        by_row: dict[int, list] = {}
        for finding in result.findings:
            by_row.setdefault(finding.input_row, []).append(finding)
    palm = [f for f in by_row[1] if f.input_good == "Palm Fruit"]
    assert palm
    assert {(f.basis, f.input_country) for f in palm} == {("input", "MY")}
    assert all(f.record_id == "Palm Fruit|Malaysia" for f in palm)
    cocoa = [f for f in by_row[2] if f.input_good == "Cocoa"]
    assert cocoa
    assert {(f.basis, f.input_country) for f in cocoa} == {("input_origin_unknown", "")}
    assert all("origin of inputs unknown" in f.evidence for f in cocoa)
    assert {(f.input_good, f.input_country) for f in by_row[3] if f.basis == "input"} == {("Cattle", "BR")}
    assert {f.input_good for f in by_row[4] if f.basis == "input_origin_unknown"} == {"Cattle"}
    assert {(f.input_good, f.input_country) for f in by_row[5] if f.basis == "input"} == {("Sugarcane", "BR")}
    assert {f.input_good for f in by_row[6] if f.basis == "input_origin_unknown"} == {"Cotton"}
    electronics = {f.theme: f for f in by_row[7]}
    assert electronics["conflict"].basis == "input_origin_unknown"
    assert electronics["conflict"].dataset == "eu-cmr-annex-i"
    three_tg_cobalt_mica = {"Cobalt ore", "Mica", "Gold", "Tin", "Tin ore", "Tantalum ore"}
    assert electronics["child_labour"].input_good in three_tg_cobalt_mica


def test_origin_unknown_is_less_likely_than_a_known_input_country(tmp_path, resolver) -> None:
    rows = [
        ["Mill", "Malaysia", "crude palm oil", "", "1"],
        ["Refinery", "Netherlands", "refined palm oil", "", "1"],
    ]
    with _scan(tmp_path, resolver, rows) as result:
        known = next(f for f in result.findings if f.input_row == 1 and f.theme == "child_labour")
        unknown = next(f for f in result.findings if f.input_row == 2 and f.theme == "child_labour")
    assert (known.basis, unknown.basis) == ("input", "input_origin_unknown")
    assert unknown.likelihood < known.likelihood
    assert unknown.likelihood == round(p.LIKELIHOOD_INPUT_ORIGIN_UNKNOWN * 100)


def test_a_listing_of_the_good_itself_wins_over_its_input(tmp_path, resolver) -> None:
    # ILAB lists Beef|Brazil for child labour itself, and Cattle|Brazil too: one finding, the good's own
    with _scan(tmp_path, resolver, [["Butcher", "Brazil", "beef", "0201", "1"]]) as result:
        child = [f for f in result.findings if f.theme == "child_labour"]
    assert len(child) == 1
    assert (child[0].basis, child[0].record_id, child[0].input_good) == ("listed", "Beef|Brazil", "")
