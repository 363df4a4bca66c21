"""SBI sector names: every section and division, in Dutch and English, for every depth of code."""

from __future__ import annotations

from importlib import resources

import pytest

from imvo.core.monitoring.sectors import divisions_in_use, sector_name, sector_of, sectors


def test_every_section_and_division_has_both_names():
    all_sectors = sectors()
    section_codes = [code for code, sector in all_sectors.items() if sector.level == "section"]
    assert section_codes == list("ABCDEFGHIJKLMNOPQRSTUV")  # SBI 2025: 22 sections
    divisions = [sector for sector in all_sectors.values() if sector.level == "division"]
    assert len(divisions) == 88  # 87 divisions of SBI 2025 and division 45 of SBI 2008
    for sector in all_sectors.values():
        assert sector.names["nl"], sector.code
        assert sector.names["en"], sector.code
        assert sector.section in section_codes
    assert {sector.edition for sector in all_sectors.values()} == {"2025", "2008"}
    assert [s.code for s in divisions if s.edition == "2008"] == ["45"]


@pytest.mark.parametrize(
    ("code", "division"),
    [("46", "46"), ("46.90", "46"), ("4690", "46"), ("46901", "46"), ("SBI 4690", "46"), ("01.13", "01")],
)
def test_every_depth_of_code_is_named_by_its_division(code, division):
    sector = sector_of(code)
    assert sector is not None
    assert sector.code == division


def test_values_checked_against_the_published_names():
    # Spot checks against the CBS titles as the City of Amsterdam restates them (docs/data.md).
    assert sector_name("10", "nl") == "Vervaardiging van voedingsmiddelen (10)"
    assert sector_name("14", "en") == "Manufacture of wearing apparel (14)"
    assert sector_name("4711", "nl") == "Detailhandel (47)"
    assert sector_name("62", "en") == "Computer programming, consultancy and related activities (62)"
    assert sector_name("g", "nl") == "Groot- en detailhandel (G)"
    assert sector_name("C", "en") == "Manufacturing (C)"
    assert sector_of("46").section == "G"
    assert sector_of("64").section == "L"  # SBI 2025 letters (SBI 2008 had K)


@pytest.mark.parametrize("code", ["", "ZZ9", "04", "4", "46A", "AB", "00"])
def test_unknown_codes_are_returned_as_given(code):
    assert sector_of(code) is None
    assert sector_name(code, "nl") == code


def test_language_falls_back_to_english():
    assert sector_name("46", "de") == "Wholesale trade (46)"
    assert sector_name("46", "nl-nl") == "Groothandel (46)"


def test_divisions_in_use_are_distinct_and_in_code_order():
    used = divisions_in_use(["4690", "1051", "46.39", "C", "ZZ9", ""])
    assert [sector.code for sector in used] == ["C", "10", "46"]


def test_the_data_file_names_its_sources():
    text = resources.files("imvo.core.monitoring").joinpath("data", "sbi_sectors.csv").read_text("utf-8")
    provenance = [line for line in text.splitlines() if line.startswith("#")]
    joined = " ".join(provenance)
    for source in (
        "minvws/generiekefuncties-docs",
        "16a26218",
        "Amsterdam/mapserver",
        "5c73e918",
        "fc2bff59",
    ):
        assert source in joined
    assert "docs/data.md" in joined


def test_exports_name_the_sector_of_a_by_sector_figure() -> None:
    from imvo.core.monitoring.exports import group_label
    from imvo.core.monitoring.figures import Figure

    assert group_label(Figure("2026", "endorsement_by_sector", "46", 3, 4)) == "Wholesale trade (46)"
    assert group_label(Figure("2026", "endorsement_by_sector", "ZZ", 1, 1)) == "ZZ"  # unknown: as entered
