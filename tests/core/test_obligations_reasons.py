"""Every reason the engine gives exists in Dutch and English, from one table of templates per code."""

from __future__ import annotations

import json
import re
import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imvo.core.obligations import CompanyProfile, diff, evaluate, load_imports, load_profile
from imvo.core.obligations.facts import Tender
from imvo.core.obligations.reasons import LANGUAGES, REASON_TEMPLATES, Reason, _dutch_value, stored_reasons

ENGINE_SOURCES = Path(__file__).resolve().parents[2] / "src" / "imvo" / "core" / "obligations"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "obligations"
AS_OF = date(2026, 11, 25)

# Codes whose wording is only punctuation around their parameters, identical in both languages.
SAME_IN_BOTH = {"value.generic", "isv.tender"}
# Codes whose parameters are the two languages' own words: a name in English and in Dutch.
BILINGUAL_PAIRS = {
    "register_missing": ({"requirement_en"}, {"requirement_nl"}),
    "text": ({"en"}, {"nl"}),
    # The threshold's (English) sources are cited on the legal-basis page, not in the Dutch sentence.
    "isv.tender.at_or_above_threshold": (
        {"category", "value", "threshold", "sources"},
        {"category", "value", "threshold"},
    ),
}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def sample_params(code: str) -> dict[str, str]:
    names = set().union(*(fields(REASON_TEMPLATES[code][language]) for language in LANGUAGES))
    return {name: f"<{name}>" for name in names}


@pytest.mark.parametrize("code", sorted(REASON_TEMPLATES))
def test_every_code_has_both_templates_and_renders_with_its_params(code):
    templates = REASON_TEMPLATES[code]
    assert set(templates) == set(LANGUAGES)
    reason = Reason(code, sample_params(code))
    for language in LANGUAGES:
        text = reason.text(language)
        assert text.strip(), (code, language)
        for name in fields(templates[language]):
            assert f"<{name}>" in text, (code, language, name)
        assert not re.search(r"\{[a-z_]+\}", text), (code, language)  # no placeholder left over
    if code not in SAME_IN_BOTH:
        assert reason.text("nl") != reason.text("en"), code
    # Both languages say the same thing: the same parameters, except the one bilingual pair.
    en_fields, nl_fields = fields(templates["en"]), fields(templates["nl"])
    if code in BILINGUAL_PAIRS:
        assert (en_fields, nl_fields) == BILINGUAL_PAIRS[code]
    else:
        assert en_fields == nl_fields, code


def test_every_code_in_the_table_is_used_by_the_engine_and_every_used_code_exists():
    source = "\n".join(p.read_text(encoding="utf-8") for p in ENGINE_SOURCES.glob("*.py"))
    quoted = set(
        re.findall(r'"([a-z_0-9.]+)"', source.replace((ENGINE_SOURCES / "reasons.py").read_text(), ""))
    )
    used_codes = {code for code in quoted if code in REASON_TEMPLATES}
    unused = set(REASON_TEMPLATES) - used_codes
    # value.<name> labels are looked up from the name of the legal value that is unknown.
    assert {code for code in unused if not code.startswith("value.")} == set()
    constructed = set(re.findall(r'Reason\(\s*"([^"]+)"', source))
    assert constructed <= set(REASON_TEMPLATES)


def test_an_unknown_code_is_refused():
    with pytest.raises(ValueError, match="unknown reason code"):
        Reason("no.such.code")


def test_nested_reasons_render_in_one_language_and_round_trip_through_json():
    verdict = Reason(
        "isv.tender.at_or_above_threshold",
        {"category": "Catering", "value": "250000", "threshold": "140000", "sources": "Stcrt."},
    )
    reason = Reason(
        "isv.tender",
        {"tender": "Catering Rijk", "verdict": Reason("isv.tender.authority_unknown", {"verdict": verdict})},
    )
    assert reason.text("nl") == (
        "Catering Rijk: Catering: € 250.000, gelijk aan of boven de Europese drempel van € 140.000; "
        "aanbestedende dienst onbekend"
    )
    assert reason.text("en").endswith("(Stcrt.); contracting authority unknown")
    stored = json.loads(json.dumps(reason.to_dict()))
    assert stored["code"] == "isv.tender"
    assert stored["nl"] == reason.text("nl")
    assert Reason.from_dict(stored) == reason


@given(
    code=st.sampled_from(sorted(REASON_TEMPLATES)),
    value=st.one_of(st.text(max_size=30), st.integers()),
    language=st.sampled_from(LANGUAGES),
)
def test_any_parameter_value_is_rendered_literally(code, value, language):
    params = {name: value for name in sample_params(code)}
    text = Reason(code, params).text(language)
    if fields(REASON_TEMPLATES[code][language]):
        # Dutch groups an amount's digits (20.000.000) and writes a date day first (1-3-2026).
        assert str(value) in text or _dutch_value("value", str(value)) in text


# --- the engine ---------------------------------------------------------------------------------------


def everything_result():
    """The example company plus facts that reach the CSDDD, the tenders and the support check."""
    profile = load_profile(EXAMPLES / "company.toml")
    return evaluate(profile, load_imports(EXAMPLES / "imports.csv"), as_of=AS_OF)


def test_english_reasons_are_the_rendering_of_the_coded_reasons():
    result = everything_result()
    for outcome in result.outcomes:
        assert outcome.explanations, outcome.rule_id
        assert outcome.reasons == tuple(r.text("en") for r in outcome.explanations)
        assert outcome.reasons_in("en") == outcome.reasons
        assert outcome.reasons_in("nl") != outcome.reasons, outcome.rule_id
        assert outcome.legal_status_in("nl") != outcome.legal_status, outcome.rule_id


def test_dutch_reasons_for_known_verdicts():
    seller = CompanyProfile(name="BV", country="NL", sells_to_dutch_end_users=True, has_german_branch=False)
    result = evaluate(seller, [], as_of=AS_OF)
    assert result.outcome("nl-wzk").reasons_in("nl")[0] == (
        "verkoopt of levert goederen of diensten aan Nederlandse eindgebruikers; de wet is aangenomen "
        "(Stb. 2019, 401) maar niet in werking: zij treedt in werking op een bij koninklijk besluit te "
        "bepalen tijdstip, en dat besluit is niet genomen"
    )
    assert result.outcome("de-lksg").reasons_in("nl")[0] == (
        "gevestigd in NL zonder Duitse nevenvestiging: § 1(1) LkSG vereist een zetel of nevenvestiging in "
        "Duitsland"
    )
    assert result.outcome("eu-cmr").reasons_in("nl") == (
        "geen invoer van mineralen of metalen uit bijlage I",
    )


def test_cmr_line_year_verdicts_and_tender_verdicts_carry_both_languages():
    result = everything_result()
    rows = result.outcome("eu-cmr").details["line_years"]
    at_threshold = next(row for row in rows if row["year"] == 2024 and row["line_id"] == "A1")
    assert at_threshold["reason"] == at_threshold["explanation"]["en"]
    assert "precies gelijk aan de drempel van 5000 kg" in at_threshold["explanation"]["nl"]
    tender = Tender(
        name="Catering Rijk",
        category="Catering",
        estimated_value_eur=250000,
        contracting_authority="central_government",
        date=date(2026, 3, 1),
    )
    isv = evaluate(CompanyProfile(name="BV", tenders=(tender,)), [], as_of=AS_OF).outcome("nl-isv")
    assert isv.status == "applies"
    assert "gelijk aan of boven de Europese drempel van € 140.000" in isv.reasons_in("nl")[0]
    assert isv.details["tenders"][0]["explanation"]["code"] == "isv.tender.at_or_above_threshold"


def test_to_dict_holds_code_params_and_both_renderings():
    data = json.loads(json.dumps(everything_result().to_dict()))
    lksg = next(o for o in data["outcomes"] if o["rule_id"] == "de-lksg")
    assert lksg["explanations"][0]["code"] == "lksg.no_german_link"
    assert lksg["explanations"][0]["params"] == {"country": "NL"}
    assert lksg["explanations"][0]["en"] == lksg["reasons"][0]
    assert stored_reasons(lksg, "nl") == [lksg["explanations"][0]["nl"]]


def test_a_snapshot_stored_before_reasons_were_coded_still_loads_and_compares():
    result = everything_result()
    old = json.loads(json.dumps(result.to_dict()))
    for outcome in old["outcomes"]:
        del outcome["explanations"], outcome["legal_status_nl"]
    assert diff(old, result) == []
    lksg = next(o for o in old["outcomes"] if o["rule_id"] == "de-lksg")
    assert stored_reasons(lksg, "nl") == lksg["reasons"]  # English is all such a snapshot has


def test_deadline_notes_and_an_unknown_cn_code_are_coded_too():
    result = everything_result()
    art7 = next(o for o in result.outcome("eu-cmr").obligations if o.article.startswith("Art. 7"))
    assert (art7.deadline_note, art7.deadline_note_in("nl")) == ("every year", "elk jaar")
    wzk = evaluate(CompanyProfile(name="BV", sells_to_dutch_end_users=True), [], as_of=AS_OF).outcome(
        "nl-wzk"
    )
    notes = {o.deadline_note_in("nl") for o in wzk.obligations}
    assert "hangt af van de datum van inwerkingtreding, die niet bekend is" in notes
    # Annex I line B8 (gold, Part B) has no confirmed CN code; the Dutch verdict says so in Dutch.
    b8 = next(r for r in result.outcome("eu-cmr").details["line_years"] if r["line_id"] == "B8")
    assert "GN-code onbekend" in b8["explanation"]["nl"]
    assert "CN code unknown" in b8["explanation"]["en"]
