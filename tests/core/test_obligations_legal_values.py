"""Values the installation's administrators set: applied over the shipped rules, versioned, never silent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imvo.core.obligations import (
    Citation,
    CompanyProfile,
    LegalValuesError,
    OperatorEntry,
    OperatorValue,
    apply_operator_values,
    check_row,
    diff,
    evaluate,
    load_ruleset,
    parse_imports,
    read_legal_values,
    value_targets,
)
from imvo.core.obligations.facts import Tender

AS_OF = date(2026, 11, 25)
HEADER = "year,cn_code,quantity_kg,country_of_origin,taric_subdivision,gold_concentration_percent\n"
CITATION = Citation(
    "Commission Delegated Regulation (EU) 2020/1588",
    "Annex",
    "OJ L 360, 30.10.2020, p. 1–3",
    "https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj",
)


def operator(rule_id: str, name: str, value, valid_from=None, valid_until=None, reference="change 1"):
    entry = OperatorEntry(CITATION, reference, "ann@example.org", "ben@example.org", "2026-11-20")
    return OperatorValue(rule_id, name, value, valid_from, valid_until, entry)


def cmr_outcome(ruleset, *rows: str):
    records = parse_imports(HEADER + "\n".join(rows))
    return evaluate(CompanyProfile(name="Importer B.V."), records, as_of=AS_OF, ruleset=ruleset).outcome(
        "eu-cmr"
    )


def test_an_operator_value_decides_a_line_that_was_unknown_and_names_its_citation():
    shipped = load_ruleset()
    ruleset = apply_operator_values(shipped, [operator("eu-cmr", "annex_i.A3", 1000)])
    before = cmr_outcome(shipped, "2025,2615 90 00,1500,CD,10,")
    after = cmr_outcome(ruleset, "2025,2615 90 00,1500,CD,10,")
    assert before.status == "cannot_decide"
    assert after.status == "applies"  # decided, not "probably": the value comes with an OJ citation
    (row,) = after.details["line_years"]
    assert row["threshold_basis"] == "operator"
    assert "threshold set by this installation's administrators from Commission Delegated" in row["reason"]
    assert "vastgesteld door de beheerders van deze installatie" in row["explanation"]["nl"]
    (used,) = after.values_used
    assert (used.name, used.basis, used.value) == ("annex_i.A3", "operator", 1000)
    assert after.overrides == ()


def test_overriding_a_shipped_verified_value_is_shown_on_every_result_that_uses_it():
    ruleset = apply_operator_values(load_ruleset(), [operator("eu-cmr", "annex_i.A1", 6000)])
    outcome = cmr_outcome(ruleset, "2025,2609 00 00,5500,CD,,")
    assert outcome.status == "does_not_apply"
    (row,) = outcome.details["line_years"]
    assert "overriding the verified threshold of 5000 kg shipped with imvo" in row["reason"]
    assert row["operator"]["overrides_verified"] is True
    (override,) = outcome.overrides
    assert override.operator is not None
    assert override.operator.replaced_value == 5000
    assert outcome.to_dict()["values_used"][0]["overrides_verified"] is True


def test_operator_values_of_a_rule_decide_and_each_is_named_in_the_reasons():
    values = [
        operator("eu-csddd", "employees_more_than", 5000),
        operator("eu-csddd", "net_turnover_worldwide_more_than_eur", 1_500_000_000),
        operator("eu-csddd", "application_date", "2029-07-26"),
    ]
    ruleset = apply_operator_values(load_ruleset(), values)
    profile = CompanyProfile(
        name="NV", country="NL", employees=6000, net_turnover_worldwide_eur=2_000_000_000
    )
    result = evaluate(profile, [], as_of=date(2029, 7, 26), ruleset=ruleset).outcome("eu-csddd")
    assert result.status == "applies"
    assert not result.provisional
    notes = [r for r in result.reasons if "set by this installation's administrators" in r]
    assert len(notes) == 3
    assert "employee threshold (more than) 5000: set by this installation's administrators" in notes[0]
    assert "entered by ann@example.org, approved by ben@example.org on 2026-11-20" in notes[0]
    assert {v.basis for v in result.values_used} == {"operator"}


def test_a_dated_operator_value_adds_a_period_the_shipped_rules_lack():
    ruleset = apply_operator_values(
        load_ruleset(),
        [
            operator(
                "nl-isv",
                "central_government_supplies_services_threshold_eur",
                150_000,
                date(2028, 1, 1),
                date(2029, 12, 31),
            )
        ],
    )
    tender = Tender("Energie 2028", "Energie", 160_000, "central_government", date(2028, 3, 1))
    profile = CompanyProfile(name="BV", tenders=(tender,))
    assert evaluate(profile, [], as_of=date(2028, 3, 1)).outcome("nl-isv").status == "cannot_decide"
    after = evaluate(profile, [], as_of=date(2028, 3, 1), ruleset=ruleset).outcome("nl-isv")
    assert after.status == "applies"
    assert after.values_used[0].operator is not None
    assert after.values_used[0].operator.replaced_status is None  # a new period, not an override


def test_the_rule_set_version_changes_with_the_values_and_before_after_shows_the_difference():
    shipped = load_ruleset()
    ruleset = apply_operator_values(shipped, [operator("eu-cmr", "annex_i.A3", 1000)])
    assert ruleset.version != shipped.version
    assert ruleset.base_version == shipped.version
    assert apply_operator_values(shipped, []).version == shipped.version
    # The same value and citation approved again is the same law; another value is not.
    again = apply_operator_values(shipped, [operator("eu-cmr", "annex_i.A3", 1000, reference="change 2")])
    other = apply_operator_values(shipped, [operator("eu-cmr", "annex_i.A3", 2000)])
    assert again.version == ruleset.version
    assert other.version != ruleset.version
    records = parse_imports(HEADER + "2025,2615 90 00,1500,CD,10,")
    before = evaluate(CompanyProfile(name="X"), records, as_of=AS_OF, ruleset=shipped)
    after = evaluate(CompanyProfile(name="X"), records, as_of=AS_OF, ruleset=ruleset)
    kinds = {(c.kind, c.rule_id, c.old, c.new) for c in diff(before, after)}
    assert ("ruleset_version_changed", "*", shipped.version, ruleset.version) in kinds
    assert ("status_changed", "eu-cmr", "cannot_decide", "applies") in kinds
    assert ruleset.to_dict()["operator_values"][0]["name"] == "annex_i.A3"


def test_every_settable_value_is_a_target_and_rule_kind_values_are_not():
    targets = {(t.rule_id, t.name) for t in value_targets(load_ruleset())}
    assert ("eu-csddd", "employees_more_than") in targets
    assert ("eu-cmr", "annex_i.B18") in targets
    assert ("nl-wzk", "commencement") in targets
    assert ("eu-cmr", "boundary_rule") not in targets  # how Art. 1(3) reads, not a number to set


# --- The file ------------------------------------------------------------------------------------------

GOOD = (
    "rule_id,name,value,valid_from,valid_until,act,article,oj_reference,url,note,override_verified\n"
    'eu-cmr,annex_i.A3,1 000,,,Delegated Regulation (EU) 2020/1588,Annex,"OJ L 360, 30.10.2020",'
    "https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj,,\n"
    "eu-csddd,application_date,2029-07-26,,,Directive (EU) 2026/470,Art. 1,OJ L 2026/470,"
    "https://eur-lex.europa.eu/eli/dir/2026/470/oj,,\n"
    "eu-cmr,annex_i.A1,6000,,,Regulation (EU) 2017/821,Annex I,OJ L 130,https://eur-lex.europa.eu/x,,yes\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "values.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clean_file_gives_typed_rows(tmp_path):
    rows = read_legal_values(write(tmp_path, GOOD), load_ruleset())
    assert [(r.line, r.rule_id, r.name, r.value) for r in rows] == [
        (2, "eu-cmr", "annex_i.A3", 1000),
        (3, "eu-csddd", "application_date", "2029-07-26"),
        (4, "eu-cmr", "annex_i.A1", 6000),
    ]
    assert rows[0].citation.oj_reference == "OJ L 360, 30.10.2020"
    assert rows[2].override_verified is True


def test_every_row_problem_is_listed_and_no_row_is_returned(tmp_path):
    bad = (
        "rule_id,name,value,valid_from,valid_until,act,article,oj_reference,url\n"
        "eu-nope,x,1,,,A,B,C,https://x.eu\n"  # 2: no such rule
        "eu-cmr,annex_i.Z9,1,,,A,B,C,https://x.eu\n"  # 3: no such value
        "eu-cmr,annex_i.A3,lots,,,A,B,C,https://x.eu\n"  # 4: not a number
        "eu-cmr,annex_i.A4,10,,,,,C,www.x.eu\n"  # 5: citation incomplete, not an address
        "eu-cmr,annex_i.A1,6000,,,A,B,C,https://x.eu\n"  # 6: overrides a verified value, not said so
        "nl-isv,central_government_supplies_services_threshold_eur,1,2025-06-01,2026-06-30,A,B,C,https://x.eu\n"
        "eu-csddd,application_date,2029-07-26,2029-01-01,,A,B,C,https://x.eu\n"  # 8: undated value
        "eu-cmr,annex_i.A4,11,,,A,B,C,https://x.eu\n"  # 9: fine
        "eu-cmr,annex_i.A4,12,,,A,B,C,https://x.eu\n"  # 10: the same value twice
    )
    with pytest.raises(LegalValuesError) as caught:
        read_legal_values(write(tmp_path, bad), load_ruleset())
    found = {(p.line, p.column) for p in caught.value.problems}
    assert {
        (2, "rule_id"),
        (3, "name"),
        (4, "value"),
        (5, "act"),
        (5, "article"),
        (5, "url"),
        (6, "override_verified"),
        (7, "valid_from"),
        (8, "valid_from"),
        (10, "name"),
    } <= found
    assert not any(p.line == 9 for p in caught.value.problems)
    overlap = next(p for p in caught.value.problems if p.line == 7)
    assert "overlaps the period" in overlap.message


def test_a_file_without_the_columns_is_refused(tmp_path):
    with pytest.raises(LegalValuesError, match="missing column"):
        read_legal_values(write(tmp_path, "rule_id,name,value\neu-cmr,annex_i.A3,5\n"), load_ruleset())


def test_check_row_accepts_a_period_that_replaces_a_shipped_one_exactly():
    fields = {
        "rule_id": "nl-isv",
        "name": "central_government_supplies_services_threshold_eur",
        "value": "140000",
        "valid_from": "2026-01-01",
        "valid_until": "2027-12-31",
        "act": "Commission Delegated Regulation (EU) 2025/2152",
        "article": "Art. 1",
        "oj_reference": "OJ L, 2025/2152, 23.10.2025",
        "url": "https://eur-lex.europa.eu/eli/reg_del/2025/2152/oj",
        "override_verified": "yes",
    }
    row, problems = check_row(load_ruleset(), fields)
    assert problems == []
    assert row is not None
    assert row.valid_from == date(2026, 1, 1)
