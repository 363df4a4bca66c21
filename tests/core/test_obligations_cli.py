"""``imvo obligations`` end to end on the example files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from imvo.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "obligations"
BASE = [
    "obligations",
    "--profile",
    str(EXAMPLES / "company.toml"),
    "--imports",
    str(EXAMPLES / "imports.csv"),
    "--as-of",
    "2026-11-25",
]


@pytest.mark.parametrize("suffix", [".json", ".csv", ".html", ".md"])
def test_example_files_export_every_format(tmp_path, capsys, suffix):
    out = tmp_path / f"result{suffix}"
    assert main([*BASE, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "eu-cmr" in text or "Conflict Minerals" in text
    assert "# Obligations on 2026-11-25" in capsys.readouterr().out


def test_example_json_result(tmp_path):
    out = tmp_path / "result.json"
    assert main([*BASE, "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    statuses = {o["rule_id"]: o["status"] for o in data["outcomes"]}
    assert statuses == {
        "de-lksg": "does_not_apply",
        "eu-cmr": "applies",
        # 1 250 employees and EUR 480 million: below the thresholds secondary sources report for the
        # CSDDD as amended, which are not yet checked against the Official Journal.
        "eu-csddd": "probably_does_not_apply",
        "nl-imvo-support-check": "applies",
        "nl-isv": "applies",
        "nl-wzk": "not_yet_in_force",
    }


def test_example_csv_has_one_row_per_obligation(tmp_path):
    out = tmp_path / "result.csv"
    assert main([*BASE, "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["obligation_id"] for r in rows if r["rule_id"] == "eu-cmr"} == {
        "eu-cmr-4-management-system",
        "eu-cmr-5-risk-management",
        "eu-cmr-6-audit",
        "eu-cmr-7-disclosure",
    }


def test_previous_result_prints_changes(tmp_path, capsys):
    old = tmp_path / "old.json"
    assert main([*BASE, "--out", str(old)]) == 0
    capsys.readouterr()
    assert main([*BASE[:-1], "2023-06-01", "--previous", str(old)]) == 0
    assert "status_changed: eu-cmr" in capsys.readouterr().out


def test_declaration_draft_is_written(tmp_path):
    out = tmp_path / "verklaring.md"
    assert main([*BASE, "--declaration", str(out)]) == 0
    assert "Voorbeeld Metaal B.V. verklaart" in out.read_text(encoding="utf-8")


def test_profile_problems_exit_1_and_are_all_listed(tmp_path, capsys):
    profile = tmp_path / "bad.toml"
    profile.write_text(
        '[organisation]\nname = ""\nemployees = -3\ncountry = "Netherlands"\n', encoding="utf-8"
    )
    assert main(["obligations", "--profile", str(profile)]) == 1
    err = capsys.readouterr().err
    for column in ("organisation.name", "organisation.employees", "organisation.country"):
        assert column in err


def test_import_problems_exit_1(tmp_path, capsys):
    bad = tmp_path / "imports.csv"
    bad.write_text("year,cn_code,quantity_kg,country_of_origin\n2025,xx,1,CD\n", encoding="utf-8")
    assert main(["obligations", "--profile", str(EXAMPLES / "company.toml"), "--imports", str(bad)]) == 1
    assert "line 2, column 'cn_code'" in capsys.readouterr().err


def test_missing_profile_file_exits_1(tmp_path):
    assert main(["obligations", "--profile", str(tmp_path / "none.toml")]) == 1


def test_previous_that_is_not_a_result_exits_1(tmp_path):
    other = tmp_path / "other.json"
    other.write_text("[]", encoding="utf-8")
    assert main([*BASE, "--previous", str(other)]) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["obligations"],
        [*BASE[:-1], "25-11-2026"],
        [*BASE, "--out", "result.xlsx"],
    ],
)
def test_usage_errors_exit_2(argv):
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2


def test_language_nl_prints_dutch_reasons_and_exports_them(tmp_path, capsys):
    out = tmp_path / "result.csv"
    assert main([*BASE, "--language", "nl", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "# Verplichtingen op 2026-11-25" in printed
    assert "- gevestigd in NL zonder Duitse nevenvestiging: § 1(1) LkSG vereist een zetel" in printed
    assert "Status van de wet: Aangenomen, niet in werking" in printed
    assert "registered in NL without a German branch" not in printed
    rows = {row["rule_id"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["de-lksg"]["reasons"].startswith("gevestigd in NL zonder Duitse nevenvestiging")


def test_language_defaults_to_english_and_json_holds_both(tmp_path, capsys):
    out = tmp_path / "result.json"
    assert main([*BASE, "--out", str(out)]) == 0
    assert "- registered in NL without a German branch" in capsys.readouterr().out
    lksg = next(
        o for o in json.loads(out.read_text(encoding="utf-8"))["outcomes"] if o["rule_id"] == "de-lksg"
    )
    assert lksg["explanations"][0]["nl"].startswith("gevestigd in NL")


def test_an_unsupported_language_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([*BASE, "--language", "de"])
    assert exit_info.value.code == 2
    assert "--language" in capsys.readouterr().err


def test_the_help_says_which_rules_apply(capsys):
    """By default the shipped rules; the installation's approved values only with --installation."""
    with pytest.raises(SystemExit) as exited:
        main(["obligations", "--help"])
    assert exited.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "By default the rules as shipped with imvo apply" in text
    assert "legal values set and approved by this installation's administrators" in text
    assert "are used only with --installation" in text
    assert "--installation also apply the legal values this installation's administrators approved" in text
    assert "without it only the shipped rules apply" in text


def test_the_output_says_the_shipped_rules_were_applied(capsys):
    assert main(BASE) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Rules: as shipped with imvo (rule set ")
    assert "--installation applies them" in first
