"""Reading the organisation profile (TOML) and import records (CSV): unknown stays unknown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imvo.core.obligations import FactsError, parse_imports, parse_profile
from imvo.core.obligations.facts import facts_hash

FULL = """
[organisation]
name = "Voorbeeld B.V."
country = "NL"
employees = 1250
sells_to_dutch_end_users = false
financial_year_end = "06-30"
sectors = ["metals"]

[register]
oecd_endorsement = true
risk_analysis_date = 2026-03-01

[[government.tenders]]
name = "Catering"
category = "Catering"
estimated_value_eur = 200000
date = 2026-02-15
"""


def test_full_profile():
    profile = parse_profile(FULL)
    assert profile.employees == 1250
    assert profile.sells_to_dutch_end_users is False  # an explicit false is a fact, not unknown
    assert profile.financial_year_end_month_day == (6, 30)
    assert profile.register["risk_analysis_date"] == date(2026, 3, 1)
    (tender,) = profile.tenders
    assert (tender.category, tender.estimated_value_eur, tender.contracting_authority) == (
        "Catering",
        200000,
        None,
    )


def test_every_profile_problem_is_reported_at_once():
    text = (
        '[organisation]\nname = "X"\nemployees = "many"\nsells_to_dutch_end_users = "yes"\nfoo = 1\n'
        'financial_year_end = "13-01"\n'
    )
    with pytest.raises(FactsError) as caught:
        parse_profile(text)
    assert sorted(p.column for p in caught.value.problems) == [
        "organisation.employees",
        "organisation.financial_year_end",
        "organisation.foo",
        "organisation.sells_to_dutch_end_users",
    ]


@pytest.mark.parametrize("text", ["not toml [", "[register]\nx = 1\n"])
def test_profile_without_organisation_table(text):
    with pytest.raises(FactsError):
        parse_profile(text)


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_quantities_round_trip_in_both_decimal_styles(quantity):
    dot = parse_imports(f"year,cn_code,quantity_kg,country_of_origin\n2025,2609 00 00,{quantity},CD\n")
    comma = parse_imports(
        f"year;cn_code;quantity_kg;country_of_origin\n2025;2609 00 00;{str(quantity).replace('.', ',')};CD\n"
    )
    assert dot[0].quantity_kg == comma[0].quantity_kg == Decimal(quantity)


def test_facts_hash_distinguishes_unknown_imports_from_no_imports():
    profile = parse_profile(FULL)
    assert facts_hash(profile, None, {}) != facts_hash(profile, (), {})


def test_ragged_import_rows_are_row_problems_not_crashes() -> None:
    text = (
        "year,cn_code,quantity_kg,country_of_origin\n"
        "2024,2609 00 00,1,5,CD\n"
        "2024,2609 00 00\n"
        "2024,2609 00 00,100,CD\n"
    )
    with pytest.raises(FactsError) as caught:
        parse_imports(text, "imports.csv")
    lines = [(p.line, p.message) for p in caught.value.problems]
    assert lines[0] == (2, "5 fields, expected 4 (the header has 4 columns)")
    assert lines[1][0] == 3
    assert lines[1][1].endswith("expected 4 (the header has 4 columns)")
