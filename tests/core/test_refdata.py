"""The reference-data build (from ../shared) and the package data it ships (without ../shared)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imvo.cli import main as cli_main
from imvo.core.refdata import load, manifest, read_package_file
from imvo.core.refdata.build import PACKAGE_DATA, build_all
from imvo.core.refdata.sources import BuildError
from imvo.core.refdata.sources.ilab_findings import fraction, funding_usd, token

# SHA-256 values published in ../shared/data/ilab/README.md and hs/README.md.
PUBLISHED_SHA256 = {
    "ilab/list-of-goods-2022.xml": "0ac2d973ec41a2a3c3958f8e94af763f9f6255fcf511bf74e2d6d986ef89cc2e",
    "ilab/child-labor-findings-2022.xml": "79bb50905a75488a34b838264a408429f2317da11238b533560345f0186b1d79",
    "hs/harmonized-system-2022.csv": "e77ee9e1cfd15a42d1fadeb2c0618d10f6b9ed9aec0e5d66826dc7ef9d3126a5",
    "hs/harmonized-system-2017.csv": "cdc9a537622feeb8c872f8e7c3bc279170180cf3eec010ed658ff98a44063fa2",
    "hs/sections.csv": "96313884a3c7ef5182d20f25ce73a34c2763c1d26ac5992d66460a3c32bae782",
}


# --- build (needs ../shared) -------------------------------------------------------------------


def test_rebuilding_gives_the_shipped_files_byte_for_byte(shared_data: Path) -> None:
    built = build_all(shared_data)
    shipped = {path.name: path.read_bytes() for path in PACKAGE_DATA.iterdir() if path.is_file()}
    assert sorted(built) == sorted(shipped)
    changed = [name for name in built if built[name] != shipped[name]]
    assert changed == [], "run: python -m imvo.core.refdata.build --source ../shared/data"


def test_manifest_records_the_raw_files_checksums(shared_data: Path) -> None:
    raw_files = {raw.path: raw.sha256 for dataset in manifest() for raw in dataset.raw_files}
    for path, sha256 in PUBLISHED_SHA256.items():
        assert raw_files[path] == sha256
    for path, sha256 in raw_files.items():
        if (shared_data / path).exists():
            assert hashlib.sha256((shared_data / path).read_bytes()).hexdigest() == sha256


def test_manifest_data_file_checksums_match_the_package_data() -> None:
    for dataset in manifest():
        for data_file in dataset.data_files:
            assert hashlib.sha256(read_package_file(data_file.path)).hexdigest() == data_file.sha256


def _copy_ilab(shared_data: Path, target: Path) -> Path:
    for folder in ("ilab", "hs", "eu-cmr"):
        shutil.copytree(shared_data / folder, target / folder)
    for path in target.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return target


def test_build_refuses_an_unexpected_flag_value(shared_data: Path, tmp_path: Path) -> None:
    source = _copy_ilab(shared_data, tmp_path)
    goods = source / "ilab" / "list-of-goods-2022.xml"
    goods.write_text(goods.read_text(encoding="utf-8").replace("<Child_Labor>Yes", "<Child_Labor>Maybe", 1))
    with pytest.raises(BuildError, match="expected Yes or No"):
        build_all(source)


def test_build_refuses_findings_goods_that_differ_from_the_list(shared_data: Path, tmp_path: Path) -> None:
    source = _copy_ilab(shared_data, tmp_path)
    findings = source / "ilab" / "child-labor-findings-2022.xml"
    text = findings.read_text(encoding="utf-8")
    findings.write_text(
        text.replace("<Forced_Labor>No</Forced_Labor>", "<Forced_Labor>Yes</Forced_Labor>", 1)
    )
    with pytest.raises(BuildError, match="differ"):
        build_all(source)


# --- package data (no ../shared) ---------------------------------------------------------------


def test_load_reads_only_package_data_from_another_directory(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        opened = []
        sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
        from imvo.core.refdata import load
        from imvo.core.countries import normalise_country
        data = load()
        assert len(data.listings) == 467 and data.hs_label("0101") and normalise_country("Ivoorkust") == "CI"
        print("\\n".join(path for path in opened if "shared" in path))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_list_of_goods_counts_match_the_readme() -> None:
    data = load()
    assert len(data.listings) == 467
    assert len({listing.alpha2 for listing in data.listings}) == 78
    assert len(data.good_names) == 169
    assert sum(listing.child_labour for listing in data.listings) == 414
    assert sum(listing.forced_labour for listing in data.listings) == 121
    assert sum(listing.forced_child_labour for listing in data.listings) == 54
    assert sum(listing.derived_labour_exploitation for listing in data.listings) == 10
    assert sum(listing.child_labour and listing.forced_labour for listing in data.listings) == 78
    assert len({listing.record_id for listing in data.listings}) == 467


def test_findings_counts_match_the_readme() -> None:
    profiles = load().profiles
    assert len(profiles) == 143
    assert sum(profile.covered_by_findings for profile in profiles) == 131
    assert sum(len(profile.ilab_project_links) for profile in profiles) == 590
    assert sum(profile.advancement_level == "Moderate Advancement" for profile in profiles) == 69


def test_hs_counts_match_the_readme_without_total_and_reporting_codes() -> None:
    data = load()
    for edition, expected in {"2022": (96, 1228, 5612), "2017": (96, 1222, 5387)}.items():
        codes = data.hs_codes(edition)
        assert tuple(sum(len(code) == level for code in codes) for level in (2, 4, 6)) == expected
        assert not codes & {"99", "9999", "999999", "TOTAL"}
    assert len(data.hs_sections) == 21


def test_cocoa_in_cote_divoire_has_child_forced_and_forced_child_labour() -> None:
    listing = load().listing("Cocoa", "CI")
    assert listing is not None
    assert listing.record_id == "Cocoa|Côte d'Ivoire"
    assert (listing.child_labour, listing.forced_labour, listing.forced_child_labour) == (True, True, True)
    assert (
        listing.country_page_url
        == "https://www.dol.gov/agencies/ilab/resources/reports/child-labor/cote-divoire"
    )
    assert listing.edition == "2022 (as of 28 Sep 2022)"


def test_polysilicon_from_china_is_forced_labour_only() -> None:
    listing = load().listing("Polysilicon", "cn")
    assert listing is not None
    assert listing.forced_labour
    assert not listing.child_labour


def test_derived_listings_name_the_input_country() -> None:
    data = load()
    palm_oil = data.listing("Refined Palm Oil", "ID")
    batteries = data.listing("Lithium-Ion Batteries", "CN")
    assert palm_oil is not None
    assert batteries is not None
    assert palm_oil.derived_labour_exploitation
    assert palm_oil.derived_input_country_alpha2 == "ID"
    assert batteries.derived_labour_exploitation
    assert batteries.derived_input_country_alpha2 == "CD"
    assert not (batteries.child_labour)
    assert not (batteries.forced_labour)
    assert not (batteries.forced_child_labour)


def test_listings_by_country_and_unknown_lookups() -> None:
    data = load()
    ghana = {listing.good for listing in data.listings_for_country(" gh ")}
    assert {"Cocoa", "Gold", "Tilapia (fish)"} <= ghana
    assert len(ghana) == 7
    assert data.listings_for_country("NL") == ()
    assert data.listing("cocoa", "CI") is None  # Good_Name must match exactly
    assert all(listing.country_page_url for listing in data.listings)


def test_somalia_nested_territory_values_parse() -> None:
    somalia = load().country_profile("SO")
    assert somalia is not None
    assert somalia.covered_by_findings
    assert len(somalia.legal_standards) == 12
    assert somalia.legal_standards["minimum_work"].age == "15"
    assert somalia.labour_inspectors == 35
    assert somalia.school_attendance is None  # two unlabelled values were published
    assert any("0.383" in note and "0.442" in note for note in somalia.notes)
    assert somalia.school_attendance_age_range == "5-14"


def test_profile_values_are_typed_and_quirks_handled() -> None:
    data = load()
    ghana = data.country_profile("GH")
    assert ghana is not None
    assert ghana.conventions["CRC-OPSC"] == "no"
    assert ghana.conventions["ILO C182"] == "yes"
    assert ghana.legal_standards_not_meeting_international == 3
    assert ghana.labour_inspectors == 189
    assert ghana.labour_inspectors_meet_ilo_standard is False
    assert ghana.children_in_agriculture == pytest.approx(0.792)
    assert ghana.working_children_share is None  # "Unavailable"
    zimbabwe = data.country_profile("ZW")
    assert zimbabwe is not None
    assert set(zimbabwe.conventions.values()) == {"yes"}
    assert len(zimbabwe.conventions) == 6
    cabo_verde = data.country_profile("CV")
    assert cabo_verde is not None
    assert cabo_verde.enforcement["labor_routine_inspections_conducted"] is None
    saint_helena = data.country_profile("SH")
    assert saint_helena is not None
    assert saint_helena.criminal_investigations is None
    armenia = data.country_profile("AM")
    assert armenia is not None
    assert armenia.labour_funding_usd == 3_500_000
    assert armenia.labour_funding_text == "$3.5 million"
    eswatini = data.country_profile("SZ")
    assert eswatini is not None
    assert eswatini.legal_standards["compulsory_education"].age == "12/13"
    malawi = data.country_profile("MW")
    assert malawi is not None
    assert malawi.working_and_studying_share is None
    assert malawi.notes
    montserrat = data.country_profile("MS")
    assert montserrat is not None
    assert montserrat.working_children_share is None
    tokelau = data.country_profile("TK")
    assert tokelau is not None
    assert tokelau.primary_completion_rate == pytest.approx(1.476)


def test_goods_only_countries_have_a_profile_without_findings() -> None:
    china = load().country_profile("CN")
    assert china is not None
    assert not china.covered_by_findings
    assert china.advancement_level is None
    assert china.legal_standards_not_meeting_international is None
    assert china.webpage.endswith("/china")


def test_no_third_party_prose_is_shipped() -> None:
    findings = read_package_file("ilab_findings.json").decode("utf-8")
    assert "In 2022," not in findings  # Description texts
    assert "Not applicable" not in findings  # Suggested_Actions placeholders
    assert "Accede to the UN CRC Optional Protocol" not in findings
    assert "Project to Prevent" not in findings  # project titles (links are kept)
    assert "https://www.dol.gov/agencies/ilab/project-prevent-child-labor-home-based-carpet" in findings


def test_hs_labels_by_edition() -> None:
    data = load()
    assert data.hs_label("01") == "Animals; live"
    assert data.hs_label("0101") == "Horses, asses, mules and hinnies; live"
    assert data.hs_label("0101.21") == "Horses; live, pure-bred breeding animals"
    assert data.hs_label("810390", "2017") is not None
    assert data.hs_label("810390") is None
    assert data.hs_label("810391") is not None
    entry = data.hs_entry("382731")
    assert entry is not None
    assert entry.description_truncated
    with pytest.raises(ValueError, match="unknown HS edition"):
        data.hs_label("01", "2012")


def test_cmr_annex_rows_as_published() -> None:
    annex = load().cmr_annex
    assert len(annex) == 23
    tin_ores = annex[0]
    assert (tin_ores.cn_code, tin_ores.volume_threshold_kg, tin_ores.ex) == ("2609 00 00", 5000, False)
    assert sum("volume_threshold_kg" in entry.verified_fields for entry in annex) == 4
    gold_ores = next(entry for entry in annex if entry.item == "Gold ores and concentrates")
    assert gold_ores.volume_threshold_kg is None
    assert gold_ores.reported_unconfirmed
    assert {entry.part for entry in annex} == {"A", "B"}


def test_cli_data_lists_datasets_and_prints_the_manifest(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["data"]) == 0
    text = capsys.readouterr().out
    for dataset in manifest():
        assert dataset.id in text
        assert dataset.edition in text
    assert "pairs 467" in text
    assert "0ac2d973ec41" in text
    assert cli_main(["data", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document == json.loads(read_package_file("manifest.json"))
    assert [entry["id"] for entry in document["datasets"]] == [
        "ilab-list-of-goods",
        "ilab-child-labor-findings",
        "hs",
        "eu-cmr-annex-i",
        "iso3166-names",
        "wgi",
        "us-tip-report",
    ]


def test_load_is_read_once_and_cached() -> None:
    assert load() is load()
    assert manifest() is manifest()


# --- value parsers of the Findings build (properties) -----------------------------------------


@given(st.integers(min_value=0, max_value=10**12))
def test_funding_plain_numbers_are_read_as_integers(amount: int) -> None:
    assert funding_usd(str(amount)) == amount


@given(st.integers(min_value=0, max_value=100_000), st.sampled_from(["", " "]))
def test_funding_in_millions_is_read_in_dollars(hundredths: int, space: str) -> None:
    text = f"${space}{hundredths // 100}.{hundredths % 100:02d} million"
    assert funding_usd(text) == hundredths * 10_000


@given(st.one_of(st.text(), st.sampled_from(["²", "１２", "$3.5 millions", "3.5 million", "-5", "1e6"])))
def test_funding_never_guesses_from_other_text(text: str) -> None:
    result = funding_usd(text)
    assert result is None or (text.isascii() and text.isdigit()) or text.startswith("$")


@given(st.text())
def test_token_accepts_only_published_tokens_and_digits(text: str) -> None:
    try:
        result = token(text, "test")
    except BuildError:
        return
    assert result in {None, "yes", "no", "n/a", "unknown", "unavailable"} or (
        result == text and text.replace(".", "", 1).isdigit()
    )


@given(st.floats(min_value=0, max_value=2, allow_nan=False).map(lambda value: f"{value:.3f}"))
def test_fraction_reads_published_decimals(text: str) -> None:
    assert fraction(text, "test") == float(text)


@pytest.mark.parametrize("text", ["", "Unavailable", "N/A"])
def test_fraction_missing_values_are_none(text: str) -> None:
    assert fraction(text, "test") is None


def test_fraction_rejects_percent_signs() -> None:
    with pytest.raises(BuildError):
        fraction("12%", "test")


# --- World Bank WGI and the TIP Report ------------------------------------------------------------


def test_wgi_has_every_economy_with_an_iso_code_and_maps_world_bank_codes() -> None:
    data = load()
    counts = next(d for d in manifest() if d.id == "wgi").record_counts
    assert counts["economies"] == 213  # 214 in the file, the Netherlands Antilles (dissolved) dropped
    assert data.governance("CD").wb_code == "ZAR"
    assert data.governance("RO").wb_code == "ROM"
    assert data.governance("TL").wb_code == "TMP"
    assert data.governance("PS").wb_code == "WBG"
    assert data.governance("XK").wb_code == "KSV"
    assert data.governance("AN") is None
    assert data.governance("zz") is None


def test_wgi_values_are_the_published_ones() -> None:
    nigeria = load().governance("ng")
    assert nigeria is not None
    # checked against a second source in the build (imvo.core.refdata.sources.wgi.SECOND_SOURCE)
    assert (nigeria.cc_estimate, nigeria.pv_estimate) == (-1.04, -1.77)
    assert (nigeria.cc_pctrank, nigeria.va_pctrank) == (17.0, 32.4)
    assert nigeria.record_id("cc") == "NGA|2023|cc"
    american_samoa = load().governance("AS")
    assert american_samoa is not None
    assert american_samoa.va_pctrank is None  # no value published: unknown, not zero


def test_tip_placements_are_partial_and_mapped_to_iso() -> None:
    data = load()
    counts = next(d for d in manifest() if d.id == "us-tip-report").record_counts
    assert (counts["countries"], counts["tier_3"], counts["tier_2_watch_list"], counts["special_case"]) == (
        49,
        20,
        25,
        4,
    )
    assert data.tip_placement("CN").tier == "tier_3"
    assert data.tip_placement("CD").tier == "tier_2_watch_list"  # the Factbook's "cg" is the DR Congo
    assert data.tip_placement("CG").tier == "tier_2_watch_list"  # and its "cf" the Republic of the Congo
    assert data.tip_placement("HT").tier == "special_case"
    assert data.tip_placement("NL") is None  # not in the data: unknown, never "Tier 1"


def test_every_tip_name_as_published_resolves_to_its_code() -> None:
    from imvo.core.countries import normalise_country

    for record in json.loads(read_package_file("tip_2025.json")):
        assert normalise_country(record["name"]) == record["alpha2"], record["name"]
        assert record["url"].startswith("https://www.state.gov/reports/2025-trafficking-in-persons-report/")


def test_build_refuses_values_that_disagree_with_the_second_source(shared_data: Path, tmp_path: Path) -> None:
    for folder in ("wgi", "trafficking-in-persons"):
        shutil.copytree(shared_data / folder, tmp_path / folder)
    for path in tmp_path.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    from imvo.core.refdata.sources import tip, wgi

    long_file = tmp_path / "wgi" / "wgi_long_1996_2023.csv"
    long_file.write_text(
        long_file.read_text(encoding="utf-8").replace(
            "NGA,Nigeria,2023,cc,-1.04", "NGA,Nigeria,2023,cc,-1.4"
        ),
        encoding="utf-8",
    )
    with pytest.raises(BuildError, match="trendometric"):
        wgi.build(tmp_path)
    tiers = tmp_path / "trafficking-in-persons" / "tip_tiers_2025_via_cia_factbook.csv"
    tiers.write_text(
        tiers.read_text(encoding="utf-8").replace(
            "Brazil,Federative Republic of Brazil,2025,Tier 2 Watch List",
            "Brazil,Federative Republic of Brazil,2025,Tier 3",
        ),
        encoding="utf-8",
    )
    with pytest.raises(BuildError):
        tip.build(tmp_path)
