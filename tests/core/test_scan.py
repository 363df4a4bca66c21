"""The scan end to end: real files in, real registers out, checked against the ILAB data itself."""

import csv
import json
import random
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pytest

from imvo.cli import main
from imvo.core.export import write_register
from imvo.core.risk.themes import THEMES
from imvo.core.scan import REGISTER_COLUMNS, Resolver, scan_file
from imvo.core.suppliers import InputError

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "leveranciers.csv"
CONTRACT = [
    "input_row",
    "supplier",
    "country",
    "product",
    "good",
    "hs_code",
    "theme",
    "status",
    "likelihood",
    "severity",
    "salience",
    "priority",
    "evidence",
    "source_url",
]


@pytest.fixture(scope="module")
def resolver():
    return Resolver()


def write_csv(
    path: Path, rows: list[list[str]], header=("supplier", "country", "product", "hs code", "spend")
):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def themes_of(result, input_row):
    return {f.theme for f in result.findings if f.input_row == input_row}


def test_register_starts_with_the_contract_columns():
    assert list(REGISTER_COLUMNS[: len(CONTRACT)]) == CONTRACT


@pytest.mark.parametrize(
    ("product", "country", "hs", "expected"),
    [
        ("cocoa beans", "Côte d'Ivoire", "", {"child_labour", "forced_labour", "forced_child_labour"}),
        ("Cacaobonen", "Ivoorkust", "1801 00 00", {"child_labour", "forced_labour", "forced_child_labour"}),
        ("polysilicon", "China", "", {"forced_labour"}),
        ("refined palm oil", "Indonesia", "", {"derived_labour_exploitation"}),
        ("lithium-ion batteries", "China", "", {"derived_labour_exploitation"}),
        ("gold", "Peru", "7108 12", {"child_labour", "forced_labour"}),
    ],
)
def test_findings_follow_the_ilab_list(tmp_path, resolver, product, country, hs, expected):
    path = write_csv(tmp_path / "in.csv", [["Acme", country, product, hs, "100"]])
    with scan_file(path, resolver=resolver) as result:
        assert themes_of(result, 1) >= expected
        for finding in result.findings:
            if finding.theme in expected:
                assert finding.dataset == "ilab-list-of-goods"
                assert finding.edition
                assert finding.record_id
                assert finding.source_url.startswith("https://www.dol.gov/")


def test_every_input_row_appears_with_a_status(tmp_path, resolver):
    rows = [
        ["A", "Ghana", "cocoa", "", "1"],
        ["B", "Atlantis", "cocoa", "", "1"],
        ["C", "Germany", "xqzv blorp", "", "1"],
        ["D", "", "", "", ""],
        ["E", "Belgium", "cocoa", "", "1"],
    ]
    path = write_csv(tmp_path / "in.csv", rows)
    with scan_file(path, resolver=resolver) as result:
        findings = result.findings
        assert {f.input_row for f in findings} == {1, 2, 3, 4, 5}
        status = {f.input_row: f.status for f in findings}
        assert status[2] == "unmatched_country"
        assert status[3] == "unmatched_product"
        assert status[4] == "unmatched_country"
        belgium = [f for f in findings if f.input_row == 5]
        assert [f.theme for f in belgium] == ["none"]
        assert "not on the ILAB List" in belgium[0].evidence
        assert result.summary.input_rows == 5


def test_priority_ranks_salience_then_spend(tmp_path, resolver):
    rows = [["Small", "Ghana", "cocoa", "", "10"], ["Big", "Ghana", "cocoa", "", "1.000.000"]]
    path = write_csv(tmp_path / "in.csv", rows)
    with scan_file(path, resolver=resolver) as result:
        ranked = [f for f in result.findings if f.priority is not None]
        assert [f.priority for f in ranked] == list(range(1, len(ranked) + 1))
        saliences = [f.salience for f in ranked]
        assert saliences == sorted(saliences, reverse=True)
        first_theme = ranked[0].theme
        same_theme = [f.supplier for f in ranked if f.theme == first_theme]
        assert same_theme == ["Big", "Small"]


def test_priority_is_the_full_order_on_a_list_large_enough_for_parallel_sorting(tmp_path, resolver):
    """The priority is the row number of a table created from a sorted query; on a list this large
    DuckDB sorts on several threads, and the numbers must still follow salience, severity, spend
    (empty last), input row and theme exactly, with ties in spend."""
    pick = random.Random(12)
    places = ["Ghana", "India", "China", "Brazil", "Germany", "Malaysia", "Bolivia"]
    goods = ["cocoa", "bricks", "garments", "tin", "coffee", "palm oil", "electronics"]
    spends = ["", "10", "10", "250", "1.000", "99999"]
    rows = [
        [f"S{n}", pick.choice(places), pick.choice(goods), "", pick.choice(spends)] for n in range(150_000)
    ]
    path = write_csv(tmp_path / "large.csv", rows)
    order = {theme.id: n for n, theme in enumerate(THEMES)}
    with scan_file(path, resolver=resolver) as result:
        ranked = result.query(
            "SELECT priority, salience, severity, spend, input_row, theme::VARCHAR FROM register "
            "WHERE priority IS NOT NULL ORDER BY priority"
        )
    assert len(ranked) > 150_000
    assert [row[0] for row in ranked] == list(range(1, len(ranked) + 1))
    keys = [
        (-salience, -severity, spend is None, -(spend or 0), row, order[theme])
        for _, salience, severity, spend, row, theme in ranked
    ]
    assert keys == sorted(keys)


def test_example_supplier_list_scans_completely():
    with scan_file(EXAMPLE) as result:
        assert result.source.encoding in {"cp1252", "windows-1252"}
        assert result.source.delimiter == ";"
        findings = result.findings
        assert {f.input_row for f in findings} == set(range(1, 46))
        cocoa = {f.theme for f in findings if f.input_row == 1}
        assert cocoa >= {"child_labour", "forced_labour", "forced_child_labour"}
        assert findings[0].priority == 1


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json", ".parquet", ".html"])
def test_every_output_format_holds_the_register(tmp_path, suffix):
    source = write_csv(
        tmp_path / "in.csv",
        [["=cmd|' /C calc'!A0", "Ghana", "cocoa", "", "5"], ["@SUM(1)", "Germany", "machines", "8422", "1"]],
    )
    out = tmp_path / f"register{suffix}"
    with scan_file(source) as result:
        expected = result.findings
        write_register(result, out)
    if suffix == ".csv":
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0])[: len(CONTRACT)] == CONTRACT
        assert [int(r["input_row"]) for r in rows] == [f.input_row for f in expected]
        assert rows[0]["supplier"] == "'=cmd|' /C calc'!A0"
    elif suffix == ".xlsx":
        sheet = openpyxl.load_workbook(out, read_only=True).active
        values = list(sheet.iter_rows(values_only=True))
        assert list(values[0][: len(CONTRACT)]) == CONTRACT
        assert len(values) == len(expected) + 1
        suppliers = {row[1] for row in values[1:]}
        assert suppliers == {"'=cmd|' /C calc'!A0", "'@SUM(1)"}
    elif suffix == ".json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert [d["theme"] for d in data] == [f.theme for f in expected]
        assert data[0]["supplier"] == "=cmd|' /C calc'!A0"
    elif suffix == ".parquet":
        rows = duckdb.sql(f"SELECT input_row, theme, priority FROM '{out}'").fetchall()
        assert rows == [(f.input_row, f.theme, f.priority) for f in expected]
    else:
        html = out.read_text(encoding="utf-8")
        assert "<script" not in html
        assert "<link" not in html
        assert "=cmd|&#39; /C calc&#39;!A0" in html
        assert "Most salient findings" in html
        assert "Data sources" in html


def test_cli_scan_writes_register_and_report(tmp_path, capsys):
    out = tmp_path / "register.csv"
    assert main(["scan", str(EXAMPLE), "--out", str(out)]) == 0
    assert out.exists()
    assert out.with_suffix(".html").exists()
    printed = capsys.readouterr().out
    assert "Scanned 45 supplier rows" in printed


def test_cli_rejects_unknown_extension_with_usage_error(tmp_path, capsys):
    assert main(["scan", str(EXAMPLE), "--out", str(tmp_path / "register.docx")]) == 2
    assert "unknown extension" in capsys.readouterr().err


def test_cli_input_problems_exit_1_and_write_nothing(tmp_path, capsys):
    source = tmp_path / "broken.csv"
    source.write_text(
        "supplier,country,product\nA,Ghana,cocoa\nB,Ghana\nC,Ghana,cocoa,extra\n", encoding="utf-8"
    )
    out = tmp_path / "register.csv"
    assert main(["scan", str(source), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "nothing was written" in err
    assert "line 3" in err
    assert "line 4" in err
    assert not out.exists()
    assert not out.with_suffix(".html").exists()
    assert list(tmp_path.iterdir()) == [source]


def test_scan_raises_input_error_for_empty_file(tmp_path):
    source = tmp_path / "empty.csv"
    source.write_bytes(b"")
    with pytest.raises(InputError):
        scan_file(source)


def test_cli_runs_as_a_module_from_another_directory(tmp_path):
    out = tmp_path / "r.json"
    completed = subprocess.run(
        [sys.executable, "-m", "imvo", "scan", str(EXAMPLE), "--out", str(out), "--no-report", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))) >= 45


def test_cli_writes_no_file_when_one_output_cannot_hold_the_register(tmp_path, capsys, monkeypatch):
    from imvo.core import export

    monkeypatch.setattr(export, "XLSX_MAX_ROWS", 10)
    out_csv, out_xlsx = tmp_path / "register.csv", tmp_path / "register.xlsx"
    assert main(["scan", str(EXAMPLE), "--out", str(out_csv), "--out", str(out_xlsx)]) == 2
    assert "more than an XLSX sheet holds" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


# --- what a scan looked at (issue 12) ----------------------------------------------------------------


def test_the_scan_result_says_which_themes_and_datasets_it_covered(tmp_path, resolver):
    from imvo.core.risk.themes import THEMES

    path = write_csv(
        tmp_path / "in.csv", [["A", "Ghana", "cocoa", "", "1"], ["B", "Netherlands", "toys", "", "1"]]
    )
    with scan_file(path, resolver=resolver) as result:
        coverage = result.coverage
        summary = result.summary
    assert [t.theme for t in coverage.themes] == [t.id for t in THEMES]
    assert set(coverage.not_covered) == {
        "occupational_health_and_safety",
        "living_wage",
        "land_rights",
        "deforestation_and_biodiversity",
        "pollution_and_water",
    }
    assert "No finding is not proof of no risk" in coverage.caveat
    by_theme = {t.theme: t for t in coverage.themes}
    assert by_theme["child_labour"].findings == summary.findings_by_theme["child_labour"]
    assert {d.id for d in by_theme["forced_labour"].datasets} == {
        "ilab-list-of-goods",
        "ilab-child-labor-findings",
        "us-tip-report",
    }
    document = coverage.as_dict()
    assert json.loads(json.dumps(document)) == document
    assert {d["id"] for d in document["datasets"]} >= {"wgi", "us-tip-report", "eu-cmr-annex-i"}
    assert any("partial" in d["gap"] for d in document["datasets"] if d["id"] == "us-tip-report")


def test_the_heat_map_counts_findings_per_country_and_theme(tmp_path, resolver):
    rows = [
        ["A", "Ghana", "cocoa", "", "1"],
        ["B", "Ghana", "gold", "", "1"],
        ["C", "DR Congo", "cobalt ore", "", "1"],
    ]
    path = write_csv(tmp_path / "in.csv", rows)
    with scan_file(path, resolver=resolver) as result:
        heat = result.heat_map()
        findings = result.findings
    expected = sum(1 for f in findings if f.country == "GH" and f.theme == "child_labour")
    assert heat.cell("GH", "child_labour").findings == expected == 2
    assert set(heat.countries) == {"GH", "CD"}
    assert heat.countries[0] == "CD"  # the most salient country first
    assert "occupational_health_and_safety" not in heat.themes  # not assessed: no column
    rows_out = heat.as_dict()["rows"]
    assert {row["name_nl"] for row in rows_out} >= {"Ghana"}
    assert all(0 <= cell["level"] <= 4 for row in rows_out for cell in row["cells"])


def test_the_heat_map_of_a_register_reads_one_row_per_risk():
    from imvo.core.risk.coverage import heat_map_of_risks

    heat = heat_map_of_risks(
        [("CI", "child_labour", 80), ("CI", "child_labour", 60), ("", "x", 1), ("NL", "none", 9)]
    )
    assert heat.countries == ("CI",)
    assert (heat.cell("CI", "child_labour").findings, heat.cell("CI", "child_labour").max_salience) == (2, 80)
    assert heat.cell("CI", "child_labour").level == 4
    assert heat.cell("NL", "conflict").findings == 0


def test_findings_carry_their_evidence_as_data_outside_the_exported_columns(tmp_path, resolver):
    from imvo.core.risk.evidence import render_evidence

    assert "evidence_data" not in REGISTER_COLUMNS
    assert {"input_good", "input_country"} <= set(REGISTER_COLUMNS)
    path = write_csv(
        tmp_path / "in.csv", [["A", "Ivoorkust", "cocoa", "", "1"], ["B", "Atlantis", "cocoa", "", "1"]]
    )
    with scan_file(path, resolver=resolver) as result:
        for finding in result.findings:
            assert render_evidence(finding.evidence_data, "en") == finding.evidence
            assert render_evidence(finding.evidence_data, "nl")
        cocoa = next(f for f in result.findings if f.theme == "child_labour")
    assert "Ivoorkust" in render_evidence(cocoa.evidence_data, "nl")


def test_the_report_states_coverage_and_the_caveat(tmp_path, resolver):
    from imvo.core.report import render_report

    path = write_csv(tmp_path / "in.csv", [["A", "Ghana", "cocoa", "", "1"]])
    with scan_file(path, resolver=resolver) as result:
        html = render_report(result)
    assert "What this scan looked at" in html
    assert "No finding is not proof of no risk" in html
    assert "Not assessed: no open dataset yet" in html
    assert "Worldwide Governance Indicators" in html


def test_the_demo_list_shows_findings_in_at_least_six_themes_each_with_its_citation():
    demo = REPO / "src" / "imvo" / "web" / "register" / "demo_suppliers.csv"
    with scan_file(demo) as result:
        findings = [f for f in result.findings if f.theme != "none"]
    themes = {f.theme for f in findings}
    assert len(themes) >= 6, themes
    assert {"corruption_and_governance", "freedom_of_association", "conflict", "forced_labour"} <= themes
    for finding in findings:
        assert finding.dataset
        assert finding.edition
        assert finding.record_id
        assert finding.source_url.startswith("https://")
