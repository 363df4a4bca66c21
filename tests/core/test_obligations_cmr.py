"""EU Conflict Minerals Regulation: Annex I matching and the Art. 1(3) threshold, per year and line."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imvo.core.obligations import (
    CompanyProfile,
    FactsError,
    evaluate,
    load_ruleset,
    normalise_cn_code,
    parse_imports,
)
from imvo.core.obligations.cmr import assess_imports, match_record

AS_OF = date(2026, 11, 25)
PROFILE = CompanyProfile(name="Importer B.V.", country="NL")


def imports(*rows: str) -> str:
    return (
        "year,cn_code,quantity_kg,country_of_origin,taric_subdivision,gold_concentration_percent\n"
        + "\n".join(rows)
    )


def cmr(csv_text: str, as_of: date = AS_OF):
    result = evaluate(PROFILE, parse_imports(csv_text), as_of=as_of)
    return result.outcome("eu-cmr")


def line_year(outcome, year: int, line_id: str) -> dict:
    (entry,) = [ly for ly in outcome.details["line_years"] if ly["year"] == year and ly["line_id"] == line_id]
    return entry


# Art. 1(3): "does not apply to Union importers where their annual import volume ... is below the
# volume thresholds" — so below: not applicable; at and above: applicable.
CONFIRMED_LINES = [("A1", "2609 00 00", 5000), ("A2", "2611 00 00", 250000), ("B1", "2825 90 40", 100000)]


@pytest.mark.parametrize(("line_id", "cn", "threshold"), CONFIRMED_LINES)
@pytest.mark.parametrize(
    ("delta", "expected"),
    [(Decimal("-0.001"), "does_not_apply"), (0, "applies"), (Decimal("0.001"), "applies")],
)
def test_threshold_boundary_follows_art_1_3(line_id, cn, threshold, delta, expected):
    outcome = cmr(imports(f"2025,{cn},{Decimal(threshold) + delta},CD,,"))
    assert line_year(outcome, 2025, line_id)["status"] == expected
    assert outcome.status == expected


@pytest.mark.parametrize(
    ("percent", "kg", "expected"), [("92", "99.999", "does_not_apply"), ("92", "100", "applies")]
)
def test_unrefined_gold_ex_7108_threshold_100_kg(percent, kg, expected):
    outcome = cmr(imports(f"2025,7108 12 00,{kg},GH,,{percent}"))
    assert line_year(outcome, 2025, "A5")["status"] == expected


def test_exactly_at_threshold_reason_says_so():
    outcome = cmr(imports("2024,2609 00 00,5000,CD,,"))
    assert "exactly at the threshold of 5000 kg" in line_year(outcome, 2024, "A1")["reason"]


def test_volumes_add_up_per_calendar_year_not_across_years():
    outcome = cmr(
        imports("2024,2609 00 00,3000,CD,,", "2024,2609.00.00,2000,RW,,", "2025,26090000,4999,BO,,")
    )
    assert line_year(outcome, 2024, "A1")["status"] == "applies"
    assert line_year(outcome, 2024, "A1")["origins"] == ["CD", "RW"]
    assert line_year(outcome, 2025, "A1")["status"] == "does_not_apply"


def test_years_before_2021_are_before_the_importer_obligations_applied():
    outcome = cmr(imports("2020,2609 00 00,9000,CD,,"))
    assert line_year(outcome, 2020, "A1")["status"] == "not_yet_in_force"
    assert outcome.status == "not_yet_in_force"


def test_future_years_are_ignored():
    outcome = cmr(imports("2027,2609 00 00,9000,CD,,"), as_of=date(2026, 12, 31))
    assert outcome.details["line_years"] == []


def test_unknown_threshold_cannot_decide_and_names_the_missing_value():
    outcome = cmr(imports("2025,2615 90 00,1,CD,10,"))
    entry = line_year(outcome, 2025, "A3")
    assert entry["status"] == "cannot_decide"
    assert "threshold for Tantalum or niobium ores and concentrates unknown" in entry["reason"]
    assert "missing value: Annex I volume threshold of line A3" in entry["reason"]
    assert entry["threshold_basis"] == "unknown"
    assert outcome.status == "cannot_decide"
    assert "value:annex_i.A3" in outcome.missing


def test_ex_line_with_other_taric_subdivision_is_outside_annex_i():
    outcome = cmr(imports("2025,2615 90 00,5000,CD,90,"))
    assert outcome.details["line_years"] == []
    assert outcome.details["records_outside_annex_i"] == [2]
    assert outcome.status == "does_not_apply"


def test_ex_line_taric_given_in_a_ten_digit_code():
    outcome = cmr(imports("2025,2615 90 00 10,5,CD,,"))
    assert line_year(outcome, 2025, "A3")["records"] == [2]


def test_ex_line_without_taric_is_only_possibly_on_the_line():
    outcome = cmr(imports("2025,2615 90 00,5,CD,,"))
    entry = line_year(outcome, 2025, "A3")
    assert entry["imported_kg"] == "0"
    assert entry["possibly_kg"] == "5"


def test_gold_without_concentration_cannot_be_placed():
    ruleset = load_ruleset()
    record = parse_imports(imports("2025,7108,200,CH,,"))[0]
    match = match_record(record, ruleset.annex)
    assert match.line_id is None
    assert {line_id for line_id, _ in match.possible} == {"A5", "B8"}


def test_ambiguous_records_that_could_cross_a_threshold_block_a_decision():
    # 4 000 kg certainly tin ore; 2 000 kg declared only at heading level 2609 could also be tin ore.
    outcome = cmr(imports("2025,2609 00 00,4000,CD,,", "2025,2609,2000,CD,,"))
    entry = line_year(outcome, 2025, "A1")
    assert entry["status"] == "cannot_decide"
    assert "less detailed" in entry["reason"]


def test_imports_under_a_row_without_confirmed_cn_code_are_flagged_not_ignored():
    outcome = cmr(imports("2025,8101 96 00,10,CN,,"))  # tungsten wire, HS 8101 96
    # B15 has no confirmed CN code: the 10 kg are "possibly" on it, below the 250 kg SIG Assured reports.
    entry = line_year(outcome, 2025, "B15")
    assert entry["possibly_kg"] == "10"
    assert entry["status"] == "probably_does_not_apply"
    too_much = cmr(imports("2025,8101 96 00,300,CN,,"))
    # 300 kg might be on the line or not: possible kilograms never decide on their own.
    assert line_year(too_much, 2025, "B15")["status"] == "cannot_decide"
    # Heading 8101 99 ("tungsten, other", B16) has neither a CN code nor any reported threshold.
    assert line_year(cmr(imports("2025,8101 99 90,10,CN,,")), 2025, "B16")["status"] == "cannot_decide"


def test_goods_outside_annex_i_do_not_bring_the_importer_in_scope():
    outcome = cmr(imports("2025,8544 49 93,9000000,CN,,"))
    assert outcome.status == "does_not_apply"
    assert outcome.obligations == ()


def test_unknown_import_records_cannot_decide():
    result = evaluate(PROFILE, None, as_of=AS_OF)
    assert result.outcome("eu-cmr").status == "cannot_decide"
    assert result.outcome("eu-cmr").missing == ("imports",)


def test_applying_importer_gets_articles_4_to_7_and_the_article_7_outline():
    outcome = cmr(imports("2025,2611 00 00,250000,PT,,"))
    assert [o.article.split()[1] for o in outcome.obligations] == ["4", "5", "6", "7"]
    outline = outcome.details["annual_reports"]["2025"]
    assert outline[0]["title"].startswith("Supply chain due diligence report 2025")
    assert any("Tungsten ores" in item for item in outline[0]["items"])
    assert "CAHRA" in outcome.details["cahra"]


def test_records_without_origin_are_listed():
    outcome = cmr(imports("2025,2609 00 00,10,,,"))
    assert outcome.details["records_without_origin"] == [2]


@pytest.mark.parametrize(
    ("written", "digits", "ex"),
    [
        ("2609 00 00", "26090000", False),
        ("2609.00.00", "26090000", False),
        ("26090000", "26090000", False),
        ("ex 7108", "7108", True),
        ("EX 2825 90 85", "28259085", True),
        ("2615 90 00 10", "2615900010", False),
    ],
)
def test_cn_codes_with_or_without_spaces_dots_and_ex(written, digits, ex):
    assert normalise_cn_code(written) == (digits, ex)


@pytest.mark.parametrize("bad", ["", "ex", "26A9", "260", "12345678901", "2609 00 0"])
def test_malformed_cn_codes_are_rejected(bad):
    with pytest.raises(ValueError, match="not a CN code"):
        normalise_cn_code(bad)


@given(
    st.lists(st.integers(0, 99), min_size=1, max_size=5).map(lambda pairs: [f"{p:02d}" for p in pairs]),
    st.sampled_from([" ", ".", "", " . "]),
    st.booleans(),
)
def test_cn_normalisation_ignores_separators(pairs, separator, with_ex):
    digits = "".join(pairs)
    written = ("ex " if with_ex else "") + separator.join(pairs)
    assert normalise_cn_code(written) == (digits, with_ex)


def test_import_file_problems_are_collected():
    text = imports("20x5,2609 00 00,10,CD,,", "2025,26AA,abc,Congo,1,150")
    with pytest.raises(FactsError) as caught:
        parse_imports(text)
    columns = sorted(p.column for p in caught.value.problems)
    assert columns == sorted(
        [
            "year",
            "cn_code",
            "quantity_kg",
            "country_of_origin",
            "taric_subdivision",
            "gold_concentration_percent",
        ]
    )


def test_import_file_missing_columns():
    with pytest.raises(FactsError, match="missing column"):
        parse_imports("year,cn_code\n2025,2609\n")


def test_semicolon_files_with_decimal_commas():
    records = parse_imports("year;cn_code;quantity_kg;country_of_origin\n2025;2609 00 00;4999,5;CD\n")
    assert records[0].quantity_kg == Decimal("4999.5")


def test_assessment_counts_only_up_to_as_of_year():
    ruleset = load_ruleset()
    records = parse_imports(imports("2025,2609 00 00,6000,CD,,", "2026,2609 00 00,6000,CD,,"))
    assessment = assess_imports(records, ruleset.annex, date(2025, 12, 31))
    assert [ly.year for ly in assessment.line_years] == [2025]


def test_packaged_annex_is_complete_and_every_confirmed_threshold_is_cited():
    annex = load_ruleset().annex
    assert len(annex) == 23  # ANC (Italian competent authority): 23 minerals and metals
    confirmed = {line.line_id: line.threshold_kg for line in annex if line.threshold_kg is not None}
    assert confirmed == {"A1": 5000, "A2": 250000, "A5": 100, "B1": 100000}
    assert all("OJ L 130" in line.source for line in annex if line.line_id in confirmed)
    # Thresholds only secondary sources report are kept apart, with who reports them.
    reported = {line.line_id: line.reported_threshold_kg for line in annex if line.reported_threshold_kg}
    assert reported == {"A4": 4_000_000, "B8": 100, "B11": 1400, "B12": 2100, "B15": 250}
    assert all(line.reported_source for line in annex if line.line_id in reported)
    assert {line.threshold_basis for line in annex} == {"verified", "provisional", "unknown"}
    assert all(line.item_nl for line in annex)


def test_packaged_annex_agrees_with_the_verified_raw_file(shared_data):
    with (shared_data / "eu-cmr" / "annex-i.csv").open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    raw_verified = {
        row["item"]: int(row["volume_threshold_kg"])
        for row in raw
        if "volume_threshold_kg" in row["verified_fields"].split(";") and row["volume_threshold_kg"]
    }
    packaged = {
        line.item: line.threshold_kg for line in load_ruleset().annex if line.threshold_kg is not None
    }
    assert packaged == raw_verified
