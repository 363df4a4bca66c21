"""Legal citations in the reader's language: the official Dutch title of an act where it has one."""

from __future__ import annotations

import re

from imvo.core.obligations import load_ruleset
from imvo.core.obligations.reasons import Reason, reported_sources_in

ENGLISH_ACT_WORDS = re.compile(r"\b(?:Regulation|Directive|Annex|OJ|and|of|conditions|central government)\b")


def test_eu_articles_cite_the_dutch_text_of_the_act():
    rules = {rule.id: rule for rule in load_ruleset().rules}
    articles = {o.article: o.article_in("nl") for o in rules["eu-cmr"].obligations}
    assert articles["Art. 4 Regulation (EU) 2017/821"] == "Art. 4 Verordening (EU) 2017/821"
    csddd = [o.article_in("nl") for o in rules["eu-csddd"].obligations]
    assert "Art. 10 en 11 Richtlijn (EU) 2024/1760" in csddd
    assert rules["eu-cmr"].instrument_in("nl").startswith("Verordening (EU) 2017/821 van 17 mei 2017")
    assert rules["eu-cmr"].reference_in("nl").startswith("PB L 130")
    assert rules["eu-cmr"].instrument_in("en").startswith("Regulation (EU) 2017/821")


def test_no_rule_cites_in_english_on_a_dutch_page():
    for rule in load_ruleset().rules:
        texts = [
            rule.instrument_in("nl"),
            rule.reference_in("nl"),
            *(o.article_in("nl") for o in rule.obligations),
        ]
        for text in texts:
            assert not ENGLISH_ACT_WORDS.search(text.replace("stop-the-clock", "")), (rule.id, text)


def test_a_reported_source_reads_in_dutch():
    reason = Reason("cmr.threshold_reported", {"sources": "the European Precious Metals Federation (EPMF)"})
    assert "gemeld door de European Precious Metals Federation (EPMF)" in reason.text("nl")
    assert "the European Precious Metals Federation" in reason.text("en")
    assert reported_sources_in("someone new", "nl") == "someone new"


def test_every_fact_a_rule_needs_is_named_in_both_languages():
    from imvo.core.obligations.reasons import FACT_NAMES

    needed = {fact for rule in load_ruleset().rules for fact in rule.facts_needed}
    assert needed <= set(FACT_NAMES)
    text = Reason("fact_unknown", {"fact": "applies_for_government_support"}).text("nl")
    assert text == "niet te bepalen: of het bedrijf overheidssteun aanvraagt is niet bekend"
