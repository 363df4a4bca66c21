"""Exports of a result: CSV and HTML must not let user text become formulas or markup."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from imvo.core.obligations import CompanyProfile, evaluate, load_ruleset
from imvo.core.obligations.facts import Tender
from imvo.core.obligations.report import render_csv, render_html, render_json, render_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "obligations.md"
HOSTILE = CompanyProfile(
    name="BV",
    tenders=(
        Tender('=HYPERLINK("http://x")<script>', "Catering", 200_000, "central_government", date(2026, 3, 1)),
    ),
)


def test_csv_defuses_formula_cells():
    result = evaluate(HOSTILE, [], as_of=date(2026, 3, 1))
    rows = list(csv.DictReader(io.StringIO(render_csv(result))))
    (isv,) = [r for r in rows if r["rule_id"] == "nl-isv"]
    assert isv["reasons"].startswith("'=HYPERLINK")


def test_html_escapes_user_text():
    page = render_html(evaluate(HOSTILE, [], as_of=date(2026, 3, 1)))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_json_and_markdown_carry_every_rule():
    result = evaluate(HOSTILE, [], as_of=date(2026, 3, 1))
    ids = [o["rule_id"] for o in json.loads(render_json(result))["outcomes"]]
    markdown = render_markdown(result)
    for outcome in result.outcomes:
        assert outcome.title_en in markdown
    assert len(ids) == len(load_ruleset().rules)


def test_docs_list_every_rule_and_every_confirmed_threshold():
    text = DOCS.read_text(encoding="utf-8")
    for rule in load_ruleset().rules:
        assert f"`{rule.id}`" in text, rule.id
    for line in load_ruleset().annex:
        if line.threshold_kg is not None:
            assert f"{line.threshold_kg:,}".replace(",", " ") in text, line.line_id


def test_ruleset_catalogue_is_json():
    catalogue = json.loads(json.dumps(load_ruleset().to_dict()))
    assert {rule["id"] for rule in catalogue["rules"]} == {rule.id for rule in load_ruleset().rules}
