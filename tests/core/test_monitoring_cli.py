"""``imvo monitor``: a whole round from a population file and a folder of disclosures."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from imvo.cli import main
from imvo.core.monitoring import PopulationCompany, match_company, read_population, run_round

POPULATION = (
    "name,registration number,sector code,employees,assets,turnover\n"
    "Acme B.V.,12345678,4639,1200,30000000,60000000\n"
    "Acme Foods B.V.,22222222,1089,900,25000000,45000000\n"
    "Zuivel Groot N.V.,33333333,1051,700,21000000,41000000\n"
    "Tiny B.V.,44444444,4639,20,100000,200000\n"
)
ENDORSING = (
    "Acme endorses the OECD Guidelines for Multinational Enterprises and the UN Guiding Principles. "
    "We assess human-rights risks in our supply chain every year. "
    "We audit our suppliers' factories and publish the audit results in our annual report."
)
SILENT = "Our revenue grew by ten per cent. We opened a new warehouse in Tilburg."


def make_round(tmp_path: Path) -> tuple[Path, Path]:
    population = tmp_path / "population.csv"
    population.write_text(POPULATION, encoding="utf-8")
    folder = tmp_path / "disclosures"
    folder.mkdir()
    (folder / "12345678_annual-report-2021.txt").write_text(ENDORSING, encoding="utf-8")
    (folder / "acme-foods-bv-2021.html").write_text(f"<html><body><p>{SILENT}</p></body></html>")
    (folder / "unknown-company-2021.txt").write_text(ENDORSING, encoding="utf-8")
    return population, folder


def test_files_match_by_registration_number_then_longest_name():
    companies = [
        PopulationCompany("Acme B.V.", "12345678"),
        PopulationCompany("Acme Foods B.V.", "22222222"),
    ]
    assert match_company("report_12345678.pdf", companies) is companies[0]
    assert match_company("acme-foods-bv-2021.pdf", companies) is companies[1]
    assert match_company("Acme B.V. statement.txt", companies) is companies[0]
    assert match_company("912345678.pdf", companies) is None  # digits must stand alone
    assert match_company("acmecorp.pdf", companies) is None
    assert match_company("acme-2021.pdf", companies) is companies[0]
    assert match_company("acme-foods-2021.pdf", companies) is companies[1]


@given(
    st.text(alphabet="0123456789", min_size=4, max_size=10),
    st.text(alphabet="abcdefghij -_.", max_size=20),
)
def test_a_file_named_after_a_registration_number_always_matches(number, rest):
    companies = [PopulationCompany("Acme B.V.", number), PopulationCompany("Other", number + "1")]
    assert match_company(f"{number}_{rest}.pdf", companies) is companies[0]
    assert match_company(f"{rest} {number}.txt", companies) is companies[0]


def test_run_round_matches_assesses_and_aggregates(tmp_path):
    population, folder = make_round(tmp_path)
    seen: list[tuple[int, int]] = []
    outcome = run_round(
        read_population(population), folder, "2021", progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (3, 3)
    assert outcome.unmatched_files == ["unknown-company-2021.txt"]
    headline = outcome.figures.headline("2021")
    assert (headline.numerator, headline.denominator) == (1, 4)
    assert headline.assessment_ids == ("2021:12345678",)
    citation = outcome.assessments["12345678"][0].result("oecd_endorsement").citations[0]
    assert "OECD Guidelines" in citation.snippet
    assert sorted(outcome.companies_without_disclosure) == ["Tiny B.V.", "Zuivel Groot N.V."]


def test_cli_writes_figures_and_keeps_only_large_companies(tmp_path, capsys):
    population, folder = make_round(tmp_path)
    out = tmp_path / "figures.json"
    code = main(
        ["monitor", str(population), "--disclosures", str(folder), "--round", "2021", "--out", str(out)]
    )
    assert code == 0
    figures = json.loads(out.read_text())
    headline = next(f for f in figures["figures"] if f["measure"] == "endorsement")
    assert (headline["numerator"], headline["denominator"]) == (1, 3)  # Tiny B.V. is below the criteria
    assert [p["round"] for p in figures["reference_series"]] == ["2017", "2019"]
    err = capsys.readouterr().err
    assert "unknown-company-2021.txt: matches no company" in err
    assert "1 of 4 companies are below the size criteria" in err


def test_cli_sample_gives_intervals_and_other_formats(tmp_path):
    population, folder = make_round(tmp_path)
    out = tmp_path / "figures.xlsx"
    args = ["monitor", str(population), "--disclosures", str(folder), "--out", str(out), "-q"]
    assert main([*args, "--all-sizes", "--population-size", "600"]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_cli_reports_population_problems_and_usage_errors(tmp_path, capsys):
    population, folder = make_round(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("name,employees\nAcme,lots\n", encoding="utf-8")
    assert main(["monitor", str(bad), "--disclosures", str(folder)]) == 1
    assert "bad.csv, line 2, column 'employees'" in capsys.readouterr().err
    assert main(["monitor", str(population), "--disclosures", str(tmp_path / "nope")]) == 2
    assert main(["monitor", str(population), "--disclosures", str(folder), "--out", "x.doc"]) == 2


def test_cli_takes_the_programmes_size_criteria_and_criteria_sets(tmp_path, capsys):
    population, folder = make_round(tmp_path)
    out = tmp_path / "figures.json"
    base = ["monitor", str(population), "--disclosures", str(folder), "--round", "2021", "--out", str(out)]
    # Only an employee threshold: Tiny B.V. (20 employees) now counts, Zuivel (700) does not.
    assert main([*base, "--min-employees", "10", "--criteria-sets", "endorsement,oecd_steps"]) == 0
    figures = json.loads(out.read_text())
    headline = next(f for f in figures["figures"] if f["measure"] == "endorsement")
    assert (headline["numerator"], headline["denominator"]) == (1, 4)
    assert "nap" not in {f["measure"] for f in figures["figures"]}
    assert main([*base, "--min-employees", "800", "--min-turnover", "50000000", "--required", "1"]) == 0
    figures = json.loads(out.read_text())
    headline = next(f for f in figures["figures"] if f["measure"] == "endorsement")
    assert (headline["numerator"], headline["denominator"]) == (1, 2)  # Acme and Acme Foods
    assert "nap" in {f["measure"] for f in figures["figures"]}
    capsys.readouterr()
    assert main([*base, "--min-employees", "10", "--required", "2"]) == 2
    assert main([*base, "--criteria-sets", "uk_modern_slavery"]) == 2
    assert "unknown criteria set" in capsys.readouterr().err
