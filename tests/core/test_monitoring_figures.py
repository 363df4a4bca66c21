"""Aggregating rounds: shares, Wilson intervals, the ids behind every figure, charts and exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from imvo.core.monitoring import (
    CRITERIA_SETS,
    DEFAULT_CRITERIA_SETS,
    DUTCH_REFERENCE_SERIES,
    MEASURE_CRITERIA_SETS,
    Bar,
    PopulationCompany,
    aggregate,
    bar_chart,
    charts_for_round,
    checked_criteria_sets,
    figures_csv,
    figures_pdf,
    measures_reported,
    record_for,
    wilson_interval,
    write_figures,
)

ENDORSING = {"oecd_endorsement": "found", "risk_assessment": "found", "supplier_audits": "found"}
SILENT: dict[str, str] = {}


def company(number: int, sector: str = "10", employees: int = 800) -> PopulationCompany:
    return PopulationCompany(f"Company {number}", str(number), sector, employees, 3e7, 5e7)


def small_round(round_name: str = "2021"):
    return [
        record_for("a1", company(1, "10"), round_name, ENDORSING),
        record_for("a2", company(2, "10"), round_name, SILENT),
        record_for("a3", company(3, "46", 6000), round_name, ENDORSING | {"grievance_mechanism": "found"}),
        record_for("a4", company(4, "46", 6000), round_name, SILENT),
    ]


def test_endorsement_share_and_the_ids_behind_it():
    figures = aggregate(small_round())
    headline = figures.headline("2021")
    assert (headline.numerator, headline.denominator) == (2, 4)
    assert headline.assessment_ids == ("a1", "a3")
    assert headline.low is None  # a census, not a sample


def test_steps_are_counted_among_endorsers_only():
    steps = {f.group: f for f in aggregate(small_round()).select("step", "2021")}
    assert set(steps) == {"1", "2", "3", "4", "5", "6"}
    assert (steps["2"].numerator, steps["2"].denominator) == (2, 2)
    assert steps["6"].assessment_ids == ("a3",)
    assert steps["1"].numerator == 0


def test_breakdowns_by_sector_size_segment_and_nap():
    figures = aggregate(small_round())
    sectors = {f.group: (f.numerator, f.denominator) for f in figures.select("endorsement_by_sector")}
    assert sectors == {"10": (1, 2), "46": (1, 2)}
    sizes = {f.group: f.numerator for f in figures.select("endorsement_by_size")}
    assert sizes == {"501-999": 1, "5,000 and more": 1}
    segments = {f.group: f.numerator for f in figures.select("segment")}
    assert segments == {"laggards": 2, "peloton": 2}
    assert sum(f.numerator for f in figures.select("nap")) == 4


def test_a_sample_gets_wilson_intervals():
    figures = aggregate(small_round(), population_sizes={"2021": 600})
    headline = figures.headline("2021")
    assert headline.low == pytest.approx(wilson_interval(2, 4)[0])
    assert headline.low < 0.5 < headline.high
    assert "2021" in figures.sampled_rounds


def test_wilson_interval_known_value():
    # 30 of 100: 95 % Wilson interval 0.219-0.396 (e.g. Newcombe 1998, method 3).
    low, high = wilson_interval(30, 100)
    assert low == pytest.approx(0.2189, abs=1e-3)
    assert high == pytest.approx(0.3958, abs=1e-3)


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500))
def test_wilson_interval_contains_the_share(successes, extra):
    trials = successes + extra
    low, high = wilson_interval(successes, trials)
    assert 0.0 <= low <= successes / trials <= high <= 1.0


def test_rounds_are_aggregated_side_by_side():
    figures = aggregate(small_round("2019") + small_round("2021")[:2])
    assert figures.rounds == ("2019", "2021")
    assert figures.headline("2021").denominator == 2


def test_empty_input_gives_no_figures():
    figures = aggregate([])
    assert figures.figures == ()
    assert figures.headline("2021") is None


def test_charts_are_svg_with_links_to_the_evidence():
    figures = aggregate(small_round(), reference_series=DUTCH_REFERENCE_SERIES)
    charts = charts_for_round(figures, "2021", link=lambda f: f"/evidence?ids={','.join(f.assessment_ids)}")
    assert set(charts) >= {"trajectory", "steps", "sector", "size", "segments", "nap"}
    assert charts["trajectory"].startswith("<svg")
    assert "reference 2017: 30 %" in charts["trajectory"]
    assert "/evidence?ids=a1,a3" in charts["endorsement"]
    assert "target 90 %" in charts["endorsement"]


def test_exports_in_every_format(tmp_path):
    figures = aggregate(small_round(), reference_series=DUTCH_REFERENCE_SERIES)
    rows = list(csv.reader(io.StringIO(write_figures(figures, tmp_path / "f.csv").read_text())))
    assert rows[0][:3] == ["round", "measure", "group"]
    assert ["2021", "endorsement", "all", "2", "4", "0.5", "", "", "a1 a3"] in rows
    data = json.loads(write_figures(figures, tmp_path / "f.json").read_text())
    assert data["target"] == 0.9
    sheet = load_workbook(write_figures(figures, tmp_path / "f.xlsx"))["figures"]
    assert sheet.cell(2, 2).value == "endorsement"
    assert "<svg" in write_figures(figures, tmp_path / "f.html").read_text()
    text = "".join(
        page.extract_text() for page in PdfReader(write_figures(figures, tmp_path / "f.pdf")).pages
    )
    assert "2021: 50% of 4 companies" in text
    with pytest.raises(ValueError, match="unknown export format"):
        write_figures(figures, tmp_path / "f.doc")


def test_spreadsheet_formulas_in_group_names_are_neutralised(tmp_path):
    records = [record_for("x", company(1, "=cmd()"), "2021", SILENT)]
    text = write_figures(aggregate(records), tmp_path / "f.csv").read_text()
    assert "'=cmd()" in text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=6))
def test_any_sector_text_and_id_survive_aggregation(sectors):
    records = [
        record_for(f'id,{n}"\n{sector}', company(n, sector), "2021", ENDORSING)
        for n, sector in enumerate(sectors)
    ]
    figures = aggregate(records)
    by_sector = {f.group: f for f in figures.select("endorsement_by_sector")}
    assert set(by_sector) == set(sectors)
    assert sorted(figures.headline("2021").assessment_ids) == sorted(r.assessment_id for r in records)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=5), st.floats(min_value=0, max_value=1))
def test_charts_are_well_formed_xml_whatever_the_labels(labels, share):
    from xml.etree import ElementTree

    bars = [Bar(label, share, href=f"/x?g={label}") for label in labels]
    root = ElementTree.fromstring(bar_chart("".join(labels) or "t", bars, target=0.9))
    assert root.tag.endswith("svg")
    assert len(root.findall(".//{http://www.w3.org/2000/svg}rect")) == len(labels)


def test_a_round_reports_only_the_figures_of_its_criteria_sets():
    figures = aggregate(small_round("2021") + small_round("2023"))
    assert figures.select("nap", "2021")
    without_nap = figures.reporting({"2021": ["endorsement", "oecd_steps"]})
    assert not without_nap.select("nap", "2021")
    assert without_nap.select("nap", "2023")  # a round not in the mapping keeps everything
    assert without_nap.select("segment", "2021")
    assert without_nap.select("step", "2021")
    only_nap = figures.reporting({"2021": ["german_nap"]})
    assert {f.measure for f in only_nap.figures if f.round == "2021"} == {"nap"}
    assert only_nap.headline("2021") is None
    charts = charts_for_round(only_nap, "2021")
    assert set(charts) == {"trajectory", "nap"}  # the trajectory still shows 2023's endorsement
    csv_text = figures_csv(without_nap)
    assert "2021,nap," not in csv_text
    assert "2023,nap," in csv_text
    pdf = figures_pdf(figures.reporting({"2023": ["german_nap"]}))  # the PDF details the latest round
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "German NAP classification (2023)" in text
    assert "Maturity segment (2023)" not in text


def test_measures_follow_the_criteria_sets():
    assert measures_reported(DEFAULT_CRITERIA_SETS) == tuple(MEASURE_CRITERIA_SETS)
    assert measures_reported(["oecd_steps"]) == ("step",)  # segments need endorsement as well
    assert checked_criteria_sets(["german_nap", "endorsement", "german_nap"]) == ("endorsement", "german_nap")
    with pytest.raises(ValueError, match="unknown criteria set"):
        checked_criteria_sets(["uk_modern_slavery"])
    with pytest.raises(ValueError, match="at least one"):
        checked_criteria_sets([])
    # Every measure's sets are shipped sets: the sets live in one place.
    assert {key for keys in MEASURE_CRITERIA_SETS.values() for key in keys} == set(CRITERIA_SETS)
