"""The dates that concern an organisation and the one-row summary per law, read from a result."""

from __future__ import annotations

from datetime import date

from imvo.core.obligations import CompanyProfile, evaluate, load_ruleset, parse_imports
from imvo.core.obligations.facts import Tender
from imvo.core.obligations.timeline import annual_duties, next_event, summary, timeline
from tests.core.test_obligations_support import confirm_value, edited_ruleset

TODAY = date(2026, 12, 2)
LARGE_DUTCH_COMPANY = CompanyProfile(
    name="Large BV",
    country="NL",
    employees=20_000,
    net_turnover_worldwide_eur=3_000_000_000,
    has_german_branch=False,
    sells_to_dutch_end_users=True,
)


def _events(profile: CompanyProfile, ruleset=None, imports=None, as_of: date = TODAY):
    rules = ruleset or load_ruleset()
    result = evaluate(profile, imports, as_of=as_of, ruleset=rules)
    return result, timeline(result, rules), {row.rule_id: row for row in summary(result, rules)}


def test_a_provisional_application_date_stays_provisional_on_the_timeline_and_in_the_summary():
    result, events, rows = _events(LARGE_DUTCH_COMPANY)
    assert result.outcome("eu-csddd").status == "probably_not_yet_in_force"
    csddd = [(e.day, e.kind, e.basis) for e in events if e.rule_id == "eu-csddd"]
    assert csddd == [
        (date(2024, 7, 25), "in_force", "verified"),
        (date(2029, 7, 26), "applies_from", "provisional"),
    ]
    assert (rows["eu-csddd"].from_day, rows["eu-csddd"].from_basis) == (date(2029, 7, 26), "provisional")
    assert "application_date" in rows["eu-csddd"].unverified_values
    assert next_event(events, TODAY) == events[-1]
    assert events[-1].day == date(2029, 7, 26)


def test_events_come_in_date_order_and_past_ones_are_past():
    _result, events, _rows = _events(LARGE_DUTCH_COMPANY)
    days = [event.day for event in events]
    assert days == sorted(days)
    assert [event.is_past(TODAY) for event in events] == [day < TODAY for day in days]


def test_a_law_that_does_not_apply_has_no_events_and_no_date():
    result, events, rows = _events(LARGE_DUTCH_COMPANY)
    assert result.outcome("de-lksg").status == "does_not_apply"
    assert not [event for event in events if event.rule_id == "de-lksg"]
    assert rows["de-lksg"].from_day is None


def test_a_law_that_cannot_be_decided_names_missing_facts_and_values_apart():
    _result, _events_, rows = _events(CompanyProfile(name="Unknown BV"))
    assert rows["de-lksg"].status == "cannot_decide"
    assert rows["de-lksg"].missing_facts == ("country",)
    assert rows["eu-cmr"].missing_facts == ("imports",)
    imports = parse_imports(
        "year,cn_code,quantity_kg,country_of_origin,taric_subdivision\n2025,26159000,10,CD,10\n"
    )
    result, _events_, rows = _events(CompanyProfile(name="Unknown BV"), imports=imports)
    assert result.outcome("eu-cmr").status == "cannot_decide"
    assert rows["eu-cmr"].missing_values == ("annex_i.A3",)
    assert rows["eu-cmr"].missing_facts == ()


def test_the_declaration_deadline_after_a_commencement_decree_is_an_event():
    ruleset = edited_ruleset("nl-wzk", lambda document: confirm_value(document, "commencement", "2027-07-01"))
    profile = CompanyProfile(name="BV", sells_to_dutch_end_users=True)
    _result, events, rows = _events(profile, ruleset=ruleset)
    wzk = [(e.day, e.kind, e.subject) for e in events if e.rule_id == "nl-wzk"]
    assert wzk == [
        (date(2027, 7, 1), "in_force", "commencement"),
        (date(2028, 1, 1), "deadline", "nl-wzk-4-declaration"),
    ]
    assert rows["nl-wzk"].from_day == date(2027, 7, 1)


def test_without_a_decree_the_child_labour_act_has_no_date():
    _result, events, rows = _events(CompanyProfile(name="BV", sells_to_dutch_end_users=True))
    assert rows["nl-wzk"].status == "not_yet_in_force"
    assert rows["nl-wzk"].from_day is None
    assert not [event for event in events if event.rule_id == "nl-wzk"]


def test_conflict_minerals_first_year_in_scope_and_the_yearly_report():
    imports = parse_imports(
        "year,cn_code,quantity_kg,country_of_origin\n2023,26090000,10,CD\n2025,26090000,6000,CD\n"
    )
    result, events, rows = _events(CompanyProfile(name="Importer BV"), imports=imports)
    assert result.outcome("eu-cmr").status == "applies"
    cmr = [(e.day, e.kind) for e in events if e.rule_id == "eu-cmr"]
    assert cmr == [(date(2021, 1, 1), "applies_from"), (date(2025, 1, 1), "first_year_in_scope")]
    assert rows["eu-cmr"].from_day == date(2025, 1, 1)
    assert ("eu-cmr", "eu-cmr-7-disclosure") in annual_duties(result)


def test_a_tender_in_scope_is_dated_on_the_timeline():
    tender = Tender(
        "Bedrijfskleding 2026", "Bedrijfskleding", 500_000, "central_government", date(2026, 3, 1)
    )
    small = Tender("Catering klein", "Catering", 1_000, "central_government", date(2026, 4, 1))
    result, events, rows = _events(CompanyProfile(name="Supplier BV", tenders=(tender, small)))
    assert result.outcome("nl-isv").status == "applies"
    assert [(e.day, e.subject) for e in events if e.kind == "tender"] == [
        (date(2026, 3, 1), "Bedrijfskleding 2026")
    ]
    assert rows["nl-isv"].from_day == date(2026, 3, 1)
    assert next_event(events, date(2026, 3, 1)) == [e for e in events if e.kind == "tender"][0]
