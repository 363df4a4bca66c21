"""Answers on values only secondary sources report: "probably …", never mixed with a verified answer.

Each legal value has a basis: verified (read in the legal text), provisional (only reported, with who
reports it) or unknown (not even reported). The engine answers on a verified value, answers "probably"
on a provisional one and names its sources, and says "cannot decide" on an unknown one.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from imvo.core.obligations import PROVISIONAL_STATUSES, STATUSES, CompanyProfile, evaluate, parse_imports
from imvo.core.obligations.report import render_csv, render_html, render_json, render_markdown

AS_OF = date(2026, 11, 25)
IMPORTER = CompanyProfile(name="Importer B.V.", country="NL")
HEADER = "year,cn_code,quantity_kg,country_of_origin,taric_subdivision,gold_concentration_percent\n"


def cmr(*rows: str):
    return evaluate(IMPORTER, parse_imports(HEADER + "\n".join(rows)), as_of=AS_OF).outcome("eu-cmr")


def line_year(outcome, year: int, line_id: str) -> dict:
    (entry,) = [ly for ly in outcome.details["line_years"] if (ly["year"], ly["line_id"]) == (year, line_id)]
    return entry


def test_provisional_statuses_are_statuses_of_their_own():
    assert {
        "probably_applies",
        "probably_does_not_apply",
        "probably_not_yet_in_force",
    } == PROVISIONAL_STATUSES
    assert set(STATUSES) >= PROVISIONAL_STATUSES
    assert not PROVISIONAL_STATUSES & {"applies", "does_not_apply", "not_yet_in_force", "cannot_decide"}


# --- Annex I: verified, provisional and unknown thresholds side by side --------------------------------


def test_each_annex_line_says_whether_its_threshold_is_verified_provisional_or_unknown():
    outcome = cmr(
        "2025,2609 00 00,6000,CD,,",  # A1 tin ore: 5 000 kg, verified
        "2025,2616 90 00,4000000,GH,10,",  # A4 gold ore: 4 000 000 kg reported by the EPMF
        "2025,2615 90 00,10,CD,10,",  # A3 tantalum ore: threshold not even reported
    )
    a1, a4, a3 = (line_year(outcome, 2025, line) for line in ("A1", "A4", "A3"))
    assert (a1["status"], a1["threshold_basis"], a1["threshold_kg"]) == ("applies", "verified", 5000)
    assert (a4["status"], a4["threshold_basis"], a4["threshold_kg"]) == (
        "probably_applies",
        "provisional",
        4_000_000,
    )
    assert (a3["status"], a3["threshold_basis"], a3["threshold_kg"]) == ("cannot_decide", "unknown", None)
    assert (
        "probably: this threshold is reported by the European Precious Metals Federation (EPMF)"
        in a4["reason"]
    )
    assert "not yet checked against the Official Journal of the EU" in a4["reason"]
    assert "waarschijnlijk: deze drempel wordt gemeld door" in a4["explanation"]["nl"]
    assert "probably" not in a1["reason"]
    assert "missing value: Annex I volume threshold of line A3" in a3["reason"]
    # A verified "applies" decides the rule; the provisional line does not water it down.
    assert outcome.status == "applies"
    assert {(v.name, v.basis) for v in outcome.values_used} == {
        ("annex_i.A1", "verified"),
        ("annex_i.A4", "provisional"),
    }


@pytest.mark.parametrize(
    ("kg", "expected"),
    [
        ("3999999", "probably_does_not_apply"),
        ("4000000", "probably_applies"),
        ("4000001", "probably_applies"),
    ],
)
def test_a_provisional_threshold_follows_art_1_3_but_only_probably(kg, expected):
    outcome = cmr(f"2025,2616 90 00,{kg},GH,10,")
    assert line_year(outcome, 2025, "A4")["status"] == expected
    assert outcome.status == expected
    assert outcome.provisional


def test_probably_applies_outranks_cannot_decide_and_lists_the_obligations():
    outcome = cmr("2025,2616 90 00,5000000,GH,10,", "2025,2615 90 00,10,CD,10,")
    assert outcome.status == "probably_applies"
    assert [o.article.split()[1] for o in outcome.obligations] == ["4", "5", "6", "7"]
    assert outcome.missing == ("value:annex_i.A3",)


def test_cannot_decide_outranks_probably_does_not_apply():
    outcome = cmr("2025,2616 90 00,10,GH,10,", "2025,2615 90 00,10,CD,10,")
    assert outcome.status == "cannot_decide"


def test_the_article_7_outline_marks_a_provisional_line_in_both_languages():
    outcome = cmr("2025,2616 90 00,5000000,GH,10,")
    (section, *_) = outcome.details["annual_reports"]["2025"]
    (scope,) = [item for item in section["items"] if "Gold ores" in item]
    assert "probably: threshold of 4000000 kg reported by the European Precious Metals Federation" in scope
    (scope_nl,) = [item for item in section["items_nl"] if "Gouderts" in item]
    assert "waarschijnlijk: drempel van 4000000 kg gemeld door" in scope_nl
    assert section["title_nl"].startswith("Verslag over de zorgvuldigheid in de toeleveringsketen 2025")


# --- A rule with provisional values: the CSDDD as amended ------------------------------------------------


def test_unknown_values_still_cannot_decide_and_are_named():
    """A value nobody reported keeps "cannot decide", naming the value (here: a fact is missing too)."""
    result = evaluate(CompanyProfile(name="NV", country="NL"), [], as_of=AS_OF).outcome("eu-csddd")
    assert result.status == "cannot_decide"
    assert set(result.missing) == {"employees", "net_turnover_worldwide_eur"}
    stripped = evaluate(
        CompanyProfile(name="NV", country="NL", employees=9000, net_turnover_worldwide_eur=9_000_000_000),
        [],
        as_of=AS_OF,
        ruleset=_without_reported("eu-csddd", "application_date"),
    ).outcome("eu-csddd")
    assert stripped.status == "cannot_decide"
    assert stripped.missing == ("value:application_date",)
    assert (
        "cannot decide: application date unknown (missing value: eu-csddd application_date)"
        in stripped.reasons
    )


def _without_reported(rule_id: str, name: str):
    from tests.core.test_obligations_support import edited_ruleset

    def edit(document):
        for value in document["values"]:
            if value["name"] == name:
                value.pop("reported_value")

    return edited_ruleset(rule_id, edit)


# --- Exports: the provisional status and its basis travel with the result --------------------------------


def provisional_result():
    profile = CompanyProfile(name="NV", country="NL", employees=250, net_turnover_worldwide_eur=40_000_000)
    return evaluate(profile, parse_imports(HEADER + "2025,2616 90 00,5000000,GH,10,"), as_of=AS_OF)


def test_json_export_holds_the_provisional_status_and_every_value_basis():
    data = json.loads(render_json(provisional_result()))
    csddd = next(o for o in data["outcomes"] if o["rule_id"] == "eu-csddd")
    assert csddd["status"] == "probably_does_not_apply"
    assert csddd["provisional"] is True
    assert {v["basis"] for v in csddd["values_used"]} == {"provisional"}
    assert any(v["sources"].startswith("LexisNexis") for v in csddd["values_used"])
    cmr_outcome = next(o for o in data["outcomes"] if o["rule_id"] == "eu-cmr")
    assert cmr_outcome["status"] == "probably_applies"
    assert cmr_outcome["details"]["line_years"][0]["threshold_basis"] == "provisional"
    lksg = next(o for o in data["outcomes"] if o["rule_id"] == "de-lksg")
    assert lksg["provisional"] is False


def test_csv_markdown_and_html_mark_provisional_answers():
    result = provisional_result()
    rows = list(csv.DictReader(io.StringIO(render_csv(result))))
    csddd = next(r for r in rows if r["rule_id"] == "eu-csddd")
    assert csddd["status"] == "probably_does_not_apply"
    assert "provisional, reported by LexisNexis" in csddd["values_not_verified"]
    markdown = render_markdown(result)
    assert "**probably does not apply (provisional, not verified)**" in markdown
    assert "Values not verified against the legal text:" in markdown
    dutch = render_markdown(result, language="nl")
    assert "**waarschijnlijk niet van toepassing (voorlopig, niet geverifieerd)**" in dutch
    assert "voorlopig, gemeld door LexisNexis" in dutch
    page = render_html(result)
    assert 'class="probably_does_not_apply"' in page


def test_the_docs_list_every_legal_value_with_its_basis():
    from pathlib import Path

    from imvo.core.obligations import load_ruleset

    docs = (Path(__file__).resolve().parents[2] / "docs" / "obligations.md").read_text(encoding="utf-8")
    ruleset = load_ruleset()
    rows = [line for line in docs.splitlines() if line.startswith("| `")]
    for rule in ruleset.rules:
        for value in rule.values:
            (row, *_) = [r for r in rows if f"`{rule.id}` | `{value.name}`" in r]
            assert value.basis.split("_")[0] in row, (rule.id, value.name)
    annex_rows = {
        line.split("|")[1].strip(): line
        for line in docs.splitlines()
        if line.startswith("| A") or line.startswith("| B")
    }
    for line in ruleset.annex:
        assert f" {line.threshold_basis} " in annex_rows[line.line_id], line.line_id
