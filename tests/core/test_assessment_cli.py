"""``imvo assess``: text and JSON output, exit codes, per-file input problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fpdf import FPDF

from imvo.cli import EXIT_INPUT_PROBLEMS, EXIT_OK, EXIT_USAGE, main

FIXTURES = Path(__file__).parent / "fixtures" / "disclosures"


def test_text_output_cites_passages(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["assess", str(FIXTURES / "en_minimal_statement.txt")])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "supplier_audits" in out
    assert "explicitly not done" in out
    assert "does not currently conduct audits" in out


def test_text_output_names_the_pdf_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in (
        "Annual report. Revenue grew.",
        "We endorse the OECD Guidelines for Multinational Enterprises.",
    ):
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    code = main(["assess", "--criteria", "oecd_endorsement", str(path)])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "2 pages" in out
    assert '[p. 2, affirmed, cue "endorse the OECD Guidelines"]' in out


def test_json_output_with_selected_criteria(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "assess",
            "--json",
            "--criteria",
            "oecd_endorsement,training",
            str(FIXTURES / "nl_imvo_verslag.html"),
            str(FIXTURES / "de_grundsatzerklaerung_cp1252.txt"),
        ]
    )
    document = json.loads(capsys.readouterr().out)
    assert code == EXIT_OK
    assert document["problems"] == []
    assert [len(assessment["results"]) for assessment in document["assessments"]] == [2, 2]
    assert {
        result["verdict"] for assessment in document["assessments"] for result in assessment["results"]
    } == {"found"}


def test_unreadable_file_is_reported_and_others_still_assessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 garbage")
    code = main(["assess", "--json", str(broken), str(FIXTURES / "en_minimal_statement.txt")])
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert code == EXIT_INPUT_PROBLEMS
    assert len(document["assessments"]) == 1
    assert document["problems"][0]["file"] == str(broken)
    assert "broken.pdf" in captured.err


def test_unknown_criterion_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["assess", "--criteria", "audits", str(FIXTURES / "en_minimal_statement.txt")])
    assert code == EXIT_USAGE
    assert "unknown criteria audits" in capsys.readouterr().err


def test_missing_argument_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as raised:
        main(["assess"])
    assert raised.value.code == EXIT_USAGE
