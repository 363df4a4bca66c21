"""Spend amounts as NL, DE and EN exports write them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imvo.core.suppliers import parse_amount
from imvo.core.suppliers.amounts import PLAIN_AMOUNT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12500", 12500.0),
        ("1.234,56", 1234.56),
        ("1,234.56", 1234.56),
        ("€ 12.500", 12500.0),
        ("€12.500,00", 12500.0),
        ("12500 EUR", 12500.0),
        ("EUR 1,5", 1.5),
        ("$ 3,000.25", 3000.25),
        ("1 234,5", 1234.5),
        ("1\u00a0234\u00a0567,89", 1234567.89),
        ("1'234.50", 1234.5),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("0,125", 0.125),
        ("1234.567", 1234.567),
        ("12.500", 12500.0),
        ("12,500", 12500.0),
        ("1.234.567", 1234567.0),
        ("1,234,567", 1234567.0),
        ("-100", -100.0),
        ("100-", -100.0),
        ("(1.000)", -1000.0),
        ("-€ 100", -100.0),
        ("€ -1.234,50", -1234.5),
        ("+5", 5.0),
        ("1.5E+06", 1500000.0),
        ("  42  ", 42.0),
        (".5", 0.5),
    ],
)
def test_accepted_spellings(text: str, expected: float) -> None:
    assert parse_amount(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "abc",
        "nan",
        "inf",
        "1,2,3",
        "1.23.4",
        "1.234,5.6",
        "12 34",
        "1_000",
        "€",
        "()",
        "--5",
        "5.",
        "٣",
    ],
)
def test_rejected_spellings(text: str) -> None:
    assert parse_amount(text) is None


def _dutch(value: int, cents: int) -> str:
    return f"{value:,}".replace(",", ".") + f",{cents:02d}"


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_grouped_amounts_with_cents_read_back_in_both_locales(value: int, cents: int) -> None:
    expected = value + cents / 100
    assert parse_amount(_dutch(value, cents)) == pytest.approx(expected)
    assert parse_amount(f"{value:,}.{cents:02d}") == pytest.approx(expected)
    assert parse_amount(f"€ {_dutch(value, cents)}") == pytest.approx(expected)
    assert parse_amount(f"({_dutch(value, cents)})") == pytest.approx(-expected)


@given(st.integers(min_value=0, max_value=10**15))
def test_plain_integers_read_back(value: int) -> None:
    assert parse_amount(str(value)) == value


@given(st.text(max_size=30))
def test_never_raises_and_never_returns_non_finite(text: str) -> None:
    result = parse_amount(text)
    assert result is None or math.isfinite(result)


@given(st.from_regex(r"[-+]?[0-9 .,'€()E-]{1,20}", fullmatch=True))
def test_plain_amount_fast_path_only_accepts_what_parse_amount_accepts(text: str) -> None:
    if PLAIN_AMOUNT.fullmatch(text):
        assert parse_amount(text) is not None


@given(st.from_regex(r"[-+]?[0-9]{1,7}(?:[.,][0-9]{1,4}){0,3}", fullmatch=True))
def test_fast_path_agrees_with_the_general_rules(text: str) -> None:
    # Surrounding spaces bypass the fast path, so both code paths read the same number.
    assert parse_amount(text) == parse_amount(f" {text} ")


@given(st.from_regex(r"[-+]?[0-9]{1,70}(?:[.,][0-9]{1,40})?", fullmatch=True))
def test_reader_fast_check_never_accepts_what_parse_amount_refuses(text: str) -> None:
    if PLAIN_AMOUNT.fullmatch(text):
        value = parse_amount(text)
        assert value is not None
        assert math.isfinite(value)
    assert parse_amount(text) == parse_amount(f" {text} ")
