"""Stable identities and the merge plan (pure core: no database)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from imvo.core.register.identity import (
    normalise_name,
    normalise_number,
    risk_key,
    supplier_name_key,
    supplier_number_key,
)
from imvo.core.register.merge import (
    CloseReason,
    FoundRisk,
    KnownRisk,
    KnownSupplier,
    MergeMode,
    RiskOutcome,
    listed_suppliers,
    plan_merge,
)

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


def test_names_compare_without_case_accents_punctuation_or_legal_form() -> None:
    assert normalise_name("Cacao Coöperatie Soubré B.V.") == "cacao cooperatie soubre"
    assert normalise_name("GHANA COCOA TRADERS LIMITED") == normalise_name("Ghana Cocoa Traders Ltd.")
    assert normalise_name("Smith & Sons S.A.R.L.") == normalise_name("smith and sons sarl")
    assert normalise_name("BV") == "bv"  # a name that is only a legal form keeps it
    assert normalise_name("Acme Trading") != normalise_name("Acme Textiles")


def test_numbers_compare_without_case_spaces_or_padding() -> None:
    assert normalise_number("0000104711") == normalise_number("104711") == "104711"
    assert normalise_number(" l-1001 ") == normalise_number("L-1001")
    assert normalise_number("000") == "0"
    assert supplier_number_key("") == ""


@given(names)
def test_normalising_a_name_is_idempotent(name: str) -> None:
    once = normalise_name(name)
    assert normalise_name(once) == once


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .,&-éö", max_size=40))
def test_normalising_a_name_is_blind_to_case_and_accents(name: str) -> None:
    plain = name.replace("é", "e").replace("ö", "o")
    assert normalise_name(name.swapcase()) == normalise_name(name) == normalise_name(plain)


@given(names, st.sampled_from(["GH", "CI", ""]))
def test_the_name_key_separates_countries(name: str, country: str) -> None:
    assert supplier_name_key(name, country) != supplier_name_key(name, "NL")


@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=5), st.text(max_size=20))
def test_risk_keys_are_fixed_length_and_differ_by_theme(
    supplier: str, good: str, country: str, theme: str
) -> None:
    key = risk_key(supplier, good, country, theme)
    assert len(key) == 40
    assert key != risk_key(supplier, good, country, theme + "x")


def row(
    n: int, supplier: str, country: str, product: str, good: str = "", number: str = ""
) -> dict[str, object]:
    return {
        "input_row": n,
        "supplier_id": number,
        "supplier": supplier,
        "country": country,
        "product": product,
        "good": good,
        "hs_code": "",
        "tier": "",
        "spend": 10.0,
        "status": "ok",
    }


def found(supplier_key: str, good: str, country: str, theme: str, salience: int = 50) -> FoundRisk:
    return FoundRisk(
        supplier_key=supplier_key,
        theme=theme,
        good=good,
        country=country,
        product=good,
        input_row=1,
        likelihood=50,
        severity=50,
        salience=salience,
        priority=1,
        evidence="e",
        source_url="u",
        dataset="ilab-list-of-goods",
        edition="2024",
        record_id="r",
    )


def known_risk(ref: int, supplier: int, good: str, country: str, theme: str, **fields: object) -> KnownRisk:
    base: dict[str, object] = {
        "status": "open",
        "closed_by_scan": False,
        "judged": False,
        "likelihood": 50,
        "severity": 50,
        "salience": 50,
        "evidence": "e",
        "source_url": "u",
        "dataset": "ilab-list-of-goods",
        "edition": "2024",
        "record_id": "r",
    }
    base.update(fields)
    return KnownRisk(ref, supplier, theme, good, country, **base)  # type: ignore[arg-type]


def test_rows_of_one_supplier_fold_and_duplicates_are_reported() -> None:
    suppliers, duplicates = listed_suppliers(
        [
            row(1, "Cacao Coop", "CI", "cocoa beans", "Cocoa"),
            row(2, "CACAO COOP B.V.", "CI", "cocoa butter", "Cocoa"),
            row(3, "Cacao Coop", "CI", "Cocoa beans", "Cocoa"),
            row(4, "Cacao Coop", "GH", "cocoa beans", "Cocoa"),
        ]
    )
    assert [s.input_rows for s in suppliers] == [(1, 2, 3), (4,)]
    assert suppliers[0].spend == 30.0
    assert [(d.kind, d.input_rows) for d in duplicates] == [("same_product", (1, 3))]


def test_a_listing_that_ended_and_a_product_that_changed_close_with_different_reasons() -> None:
    listed, _ = listed_suppliers([row(1, "Cacao Coop", "CI", "cocoa beans", "Cocoa")])
    key = listed[0].key
    known_suppliers = [KnownSupplier(7, "", key, True), KnownSupplier(8, "", "name:other|GH", True)]
    known = [
        known_risk(1, 7, "Cocoa", "CI", "child_labour"),
        known_risk(2, 7, "Cocoa", "CI", "forced_labour"),
        known_risk(3, 7, "Gold", "CI", "child_labour"),
        known_risk(4, 8, "Gold", "GH", "child_labour"),
    ]
    plan = plan_merge(
        MergeMode.ADD,
        listed,
        [found(key, "Cocoa", "CI", "child_labour")],
        known_suppliers,
        known,
        {"ilab-list-of-goods": "ILAB List of Goods, 2026"},
    )
    assert [p.outcome for p in plan.risks] == [RiskOutcome.UNCHANGED]
    reasons = {c.known.ref: (c.reason, c.edition) for c in plan.closures}
    assert reasons == {
        2: (CloseReason.NOT_LISTED, "ILAB List of Goods, 2026"),
        3: (CloseReason.PRODUCT_CHANGED, ""),
    }  # supplier 8 is not in the file: adding leaves it alone
    replaced = plan_merge(
        MergeMode.REPLACE, listed, [found(key, "Cocoa", "CI", "child_labour")], known_suppliers, known
    )
    assert {c.known.ref: c.reason for c in replaced.closures}[4] == CloseReason.SUPPLIER_REMOVED
    assert replaced.removed_suppliers == [8]


def test_a_number_wins_over_a_name_and_a_new_number_adopts_its_supplier() -> None:
    listed, _ = listed_suppliers(
        [
            row(1, "Renamed Coop", "CI", "cocoa", "Cocoa", number="0042"),
            row(2, "Plain Trader", "GH", "gold", "Gold", number="77"),
        ]
    )
    known = [
        KnownSupplier(1, "number:42", supplier_name_key("Cacao Coop", "CI"), True),
        KnownSupplier(2, "", supplier_name_key("Plain Trader", "GH"), True),
    ]
    plan = plan_merge(MergeMode.REPLACE, listed, [], known, [])
    assert [m.known_ref for m in plan.suppliers] == [1, 2]
    assert plan.removed_suppliers == []


def test_closed_risks_reopen_only_when_a_scan_closed_them() -> None:
    listed, _ = listed_suppliers([row(1, "Cacao Coop", "CI", "cocoa", "Cocoa")])
    key = listed[0].key
    suppliers = [KnownSupplier(7, "", key, True)]
    known = [
        known_risk(1, 7, "Cocoa", "CI", "child_labour", status="closed", closed_by_scan=True),
        known_risk(2, 7, "Cocoa", "CI", "forced_labour", status="closed", closed_by_scan=False),
    ]
    plan = plan_merge(
        MergeMode.REPLACE,
        listed,
        [found(key, "Cocoa", "CI", "child_labour"), found(key, "Cocoa", "CI", "forced_labour")],
        suppliers,
        known,
    )
    assert {p.known.ref: p.outcome for p in plan.risks if p.known} == {
        1: RiskOutcome.REOPENED,
        2: RiskOutcome.KEPT_CLOSED,
    }
    assert plan.closures == []


@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from(["t1", "t2"])), max_size=12))
def test_applying_the_same_findings_again_changes_nothing(pairs: list[tuple[str, str]]) -> None:
    rows = [row(n, name, "CI", "cocoa", "Cocoa") for n, (name, _) in enumerate(pairs, 1)]
    listed, _ = listed_suppliers(rows)
    refs = {supplier.key: n for n, supplier in enumerate(listed, 1)}
    findings = [found(supplier_name_key(name, "CI"), "Cocoa", "CI", theme) for name, theme in pairs]
    first = plan_merge(MergeMode.REPLACE, listed, findings, [], [])
    known_suppliers = [KnownSupplier(refs[s.key], "", s.name_key, True) for s in listed]
    known = [
        known_risk(n, refs[p.found.supplier_key], p.found.good, p.found.country, p.found.theme)
        for n, p in enumerate(first.risks, 1)
    ]
    again = plan_merge(MergeMode.REPLACE, listed, findings, known_suppliers, known)
    assert not again.changes_anything
    assert again.counts()["risks_unchanged"] == len(first.risks) == len(set(pairs))
