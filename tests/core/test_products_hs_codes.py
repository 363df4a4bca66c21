from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imvo.core.products import HsCode, InvalidHsCode, check_hs_code, hs2022_codes, normalise_hs_code


@pytest.mark.parametrize(
    ("text", "code", "heading", "subheading"),
    [
        ("1801 00 00", "18010000", "1801", "180100"),
        ("18010000", "18010000", "1801", "180100"),
        ("1801.00", "180100", "1801", "180100"),
        ("180100", "180100", "1801", "180100"),
        ("0901 11", "090111", "0901", "090111"),
        ("0901.11.00", "09011100", "0901", "090111"),
        ("ex 7108", "7108", "7108", ""),
        ("ex7108", "7108", "7108", ""),
        ("HS 0306.17", "030617", "0306", "030617"),
        ("CN 0306 17 92", "03061792", "0306", "030617"),
        ("HS-code: 1801", "1801", "1801", ""),
        ("GN 8507 60 00", "85076000", "8507", "850760"),
        ("KN-Nr. 0901 21 00", "09012100", "0901", "090121"),
        ("  61 ", "61", "", ""),
        ("8507600010", "8507600010", "8507", "850760"),
        ("18010000.0", "18010000", "1801", "180100"),  # a code that went through a spreadsheet as a float
        ("0306-17", "030617", "0306", "030617"),
    ],
)
def test_codes_in_common_shapes_are_normalised(text: str, code: str, heading: str, subheading: str) -> None:
    result = normalise_hs_code(text)
    assert result is not None
    assert (result.code, result.heading, result.subheading) == (code, heading, subheading)
    assert result.chapter == code[:2]
    assert not result.restored_leading_zero


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("90111", "090111"),  # 0901.11 typed as a number
        ("9011100", "09011100"),
        ("306170000", "0306170000"),
        ("901", "0901"),
        ("3061792", "03061792"),
    ],
)
def test_a_lost_leading_zero_is_restored_when_the_padded_code_exists(text: str, code: str) -> None:
    result = normalise_hs_code(text)
    assert result is not None
    assert result.code == code
    assert result.restored_leading_zero


def test_an_even_length_code_is_never_padded_even_if_a_zero_may_be_lost() -> None:
    # "9011" is a real heading (microscopes); only the product name can reveal a lost zero (matcher).
    result = normalise_hs_code("9011")
    assert result is not None
    assert (result.code, result.restored_leading_zero) == ("9011", False)


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("cocoa", "not a code"),
        ("18O1", "not a code"),  # letter O instead of zero
        ("7", "too short"),
        ("01234", "5 digits"),  # odd length starting with 0: nothing to restore
        ("77", "chapter 77 does not exist"),  # reserved chapter
        ("1899", "heading 1899 does not exist"),
        ("180199", "subheading 180199 does not exist"),
        ("123456789012", "12 digits"),
        ("1801 or 1802", "not a code"),
    ],
)
def test_invalid_codes_are_reported_with_a_reason(text: str, reason_part: str) -> None:
    result = check_hs_code(text)
    assert isinstance(result, InvalidHsCode)
    assert reason_part in result.reason
    assert normalise_hs_code(text) is None


def test_known_codes_can_be_injected() -> None:
    assert normalise_hs_code("1801", known_codes={"18"}) is None
    assert normalise_hs_code("1801", known_codes={"18", "1801"}) == HsCode("1801", "18", "1801", "")


def test_the_shipped_code_list_is_hs_2022(shared_data: Path) -> None:
    with (shared_data / "hs" / "harmonized-system-2022.csv").open(encoding="utf-8") as handle:
        # 99/9999/999999 are UN Comtrade reporting codes, not WCO nomenclature (refdata drops them).
        codes = {row["hscode"] for row in csv.DictReader(handle)} - {"TOTAL", "99", "9999", "999999"}
    assert hs2022_codes() == codes
    assert "7108" in codes
    assert "854143" in codes
    assert "77" not in codes


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_normalise_never_raises_and_is_idempotent(text: str) -> None:
    result = normalise_hs_code(text)
    if result is not None:
        assert result.code.isdigit()
        assert 2 <= len(result.code) <= 10
        assert len(result.code) % 2 == 0
        again = normalise_hs_code(result.code)
        assert again is not None
        assert again.code == result.code


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(hs2022_codes())), st.sampled_from(["", " ", ".", "  ", "-"]))
def test_every_hs_code_survives_separators(code: str, separator: str) -> None:
    text = separator.join(code[i : i + 2] for i in range(0, len(code), 2))
    result = normalise_hs_code(text)
    assert result is not None
    assert result.code == code
