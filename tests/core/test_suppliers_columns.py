"""Header recognition (EN/NL/DE) and the --map override."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imvo.core.suppliers import (
    ALL_FIELDS,
    FIELDS,
    HEADER_ALIASES,
    InputError,
    SupplierRecord,
    field_for_header,
    normalise_header,
    parse_column_map,
)
from imvo.core.suppliers.columns import resolve_columns


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # English
        ("Supplier name", "supplier"),
        ("Vendor", "supplier"),
        ("Country of origin", "country"),
        ("Product description", "product"),
        ("HS code", "hs_code"),
        ("HS-code", "hs_code"),
        ("Tariff code", "hs_code"),
        ("Spend EUR", "spend"),
        ("Spend (EUR) 2024", "spend"),
        ("Tier level", "tier"),
        ("Vendor ID", "supplier_id"),
        # Dutch
        ("Leveranciersnaam", "supplier"),
        ("Naam leverancier", "supplier"),
        ("Crediteurnaam", "supplier"),
        ("Land van herkomst", "country"),
        ("Herkomstland", "country"),
        ("Productomschrijving", "product"),
        ("Omschrijving", "product"),
        ("GN-code", "hs_code"),
        ("Goederencode", "hs_code"),
        ("Statistieknummer", "hs_code"),
        ("Inkoopwaarde excl. btw", "spend"),
        ("Omzet", "spend"),
        ("Schakel", "tier"),
        ("Plaats", "city"),
        # German
        ("Lieferantenname", "supplier"),
        ("Kreditor", "supplier"),
        ("Firma", "supplier"),
        ("Herkunftsland", "country"),
        ("Ursprungsland", "country"),
        ("Warenbezeichnung", "product"),
        ("Zolltarifnummer", "hs_code"),
        ("KN-Code", "hs_code"),
        ("Einkaufsvolumen netto in €", "spend"),
        ("Umsatz", "spend"),
        ("Tier-Ebene", "tier"),
        ("Länderkennzeichen", "country"),
        # case, accents, punctuation and spacing do not matter
        ("  LAND_VAN_HERKOMST ", "country"),
        ("leverancier-naam", "supplier"),
        ("Pays d'origine", "country"),
    ],
)
def test_header_variants_are_recognised(header: str, field: str) -> None:
    assert field_for_header(header) == field


@pytest.mark.parametrize("header", ["Artikelnummer", "Opmerking", "Contactpersoon", "Datum", "", "Naam"])
def test_unrelated_headers_are_not_guessed(header: str) -> None:
    assert field_for_header(header) is None


def test_every_alias_is_stored_normalised_and_unique() -> None:
    seen: dict[str, str] = {}
    for field, aliases in HEADER_ALIASES.items():
        assert field in ALL_FIELDS
        for alias in aliases:
            assert normalise_header(alias) == alias, alias
            assert seen.setdefault(alias, field) == field, f"{alias} means two fields"


@given(st.sampled_from([alias for aliases in HEADER_ALIASES.values() for alias in aliases]))
def test_alias_matching_survives_case_and_punctuation(alias: str) -> None:
    noisy = "_" + alias.upper().replace(" ", " - ") + ":"
    assert field_for_header(noisy) == field_for_header(alias)


def test_parse_column_map_reads_fields_and_headers_with_commas() -> None:
    assert parse_column_map("supplier=Naam leverancier,country=Land, herkomst , hs_code=Code") == {
        "supplier": "Naam leverancier",
        "country": "Land, herkomst",
        "hs_code": "Code",
    }


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("vendor=Naam", "unknown field 'vendor'"),
        ("supplier", "'supplier' has no '='"),
        ("supplier=", "no header name after '='"),
        ("supplier=A,supplier=B", "field given twice"),
        ("", "empty column map"),
    ],
)
def test_parse_column_map_errors(spec: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_column_map(spec)
    problem = caught.value.problems[0]
    assert problem.file == "--map"
    assert message in problem.message


def test_unknown_map_field_lists_the_accepted_fields() -> None:
    with pytest.raises(InputError) as caught:
        parse_column_map("land=Herkomst")
    assert caught.value.problems[0].accepted == f"one of {', '.join(ALL_FIELDS)}"
    assert "--map" in str(caught.value)


def _problems(headers: list[str], column_map: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(InputError) as caught:
        resolve_columns(headers, column_map, "f.csv", 1)
    assert all(p.file == "f.csv" and p.line == 1 for p in caught.value.problems)
    return [p.message for p in caught.value.problems]


def test_missing_country_names_found_headers_and_accepted_names() -> None:
    with pytest.raises(InputError) as caught:
        resolve_columns(["Leverancier", "Product", "Opmerking"], None, "f.csv", 1)
    (problem,) = caught.value.problems
    assert problem.message == "no country column; the headers found are 'Leverancier', 'Product', 'Opmerking'"
    assert problem.accepted is not None
    assert "land van herkomst" in problem.accepted
    assert "--map" in problem.accepted


def test_product_or_hs_code_is_required() -> None:
    (message,) = _problems(["Leverancier", "Land", "Bedrag"])
    assert message.startswith("no product or hs_code column")


def test_nothing_recognised_is_one_clear_problem() -> None:
    (message,) = _problems(["a", "b", "c"])
    assert "no column is recognised as supplier, country or product" in message
    assert "'a', 'b', 'c'" in message


def test_two_country_columns_are_an_error_naming_both() -> None:
    (message,) = _problems(["Leverancier", "Land", "Product", "Herkunftsland"])
    assert message == "2 columns mean country: 'Land' (column 2) and 'Herkunftsland' (column 4)"


def test_map_picks_one_of_two_country_columns() -> None:
    layout = resolve_columns(
        ["Leverancier", "Land", "Product", "Herkunftsland"], {"country": "Herkunftsland"}, "f.csv", 1
    )
    assert layout.indexes["country"] == 3
    assert layout.names["country"] == "Herkunftsland"


def test_map_names_unrecognised_headers() -> None:
    layout = resolve_columns(
        ["Naam", "Herkomst", "Goed"],
        {"supplier": "naam", "country": "Herkomst", "product": "Goed"},
        "f.csv",
        1,
    )
    assert layout.indexes == {"supplier": 0, "country": 1, "product": 2}


def test_map_to_a_missing_header_lists_the_headers() -> None:
    with pytest.raises(InputError) as caught:
        resolve_columns(["Leverancier", "Land", "Product"], {"country": "Herkomst"}, "f.csv", 1)
    (problem,) = caught.value.problems
    assert problem.column == "Herkomst"
    assert problem.message == "--map country=Herkomst: the file has no column 'Herkomst'"
    assert problem.accepted == "one of the headers found: 'Leverancier', 'Land', 'Product'"


def test_every_canonical_field_can_be_recognised() -> None:
    headers = ["Supplier", "Country", "Product", "HS code", "Spend", "Tier", "Vendor ID", "City"]
    layout = resolve_columns(headers, None, "f.csv", 1)
    assert set(layout.indexes) == set(FIELDS) | {"supplier_id", "city"}


def test_user_documentation_lists_every_recognised_header() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "supplier-files.md").read_text(encoding="utf-8")
    for field, aliases in HEADER_ALIASES.items():
        # the alias table comes after the table that describes the fields
        row = [line for line in doc.splitlines() if line.startswith(f"| `{field}` | ")][-1]
        listed = row.split("|")[2].split(", ")
        assert [name.strip() for name in listed] == list(aliases), field


def test_record_fields_follow_the_canonical_order() -> None:
    assert SupplierRecord._fields == ("input_row", "line", *ALL_FIELDS)


def test_map_cannot_give_one_column_two_fields() -> None:
    (message,) = _problems(["Naam", "Land", "Product"], {"supplier": "Naam", "product": "Naam"})
    assert message == "--map gives column 'Naam' to both supplier and product"


def test_map_with_unknown_field_passed_to_the_reader_is_refused() -> None:
    (message,) = _problems(["Leverancier", "Land", "Product"], {"vendor": "Leverancier"})
    assert message == "--map names unknown field 'vendor'"
