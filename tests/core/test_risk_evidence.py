"""Evidence as data: every message renders in English and Dutch, and old plain text passes through."""

from __future__ import annotations

import re
import string

import pytest

from imvo.core.risk.evidence import (
    LANGUAGES,
    MESSAGES,
    VALUE_LABELS,
    Statement,
    dumps,
    loads,
    render,
    render_evidence,
)

SAMPLE = {
    "edition": "2022",
    "good": "Cocoa",
    "input": "Palm Fruit",
    "country": "CI",
    "input_country": "MY",
    "countries": ["CI", "GH"],
    "code": "BE",
    "flag": "child_labour",
    "record": "Cocoa|Côte d'Ivoire",
    "share": 0.38,
    "ages": "5-14",
    "level": "Moderate Advancement",
    "tier": "tier_3",
    "indicator": "cc",
    "rank": 12.3,
    "threshold": 25.0,
    "item": "Gold ores and concentrates",
    "inputs": "Tin, Gold",
    "value": 0.2,
    "basis": "input",
    "text": "plain",
}


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_every_message_renders_in_every_language(message_id: str) -> None:
    templates = MESSAGES[message_id]
    assert set(LANGUAGES) <= set(templates)
    fields = {
        name
        for language in LANGUAGES
        for _, name, _, _ in string.Formatter().parse(templates[language])
        if name
    }
    params = {name: SAMPLE[name] for name in fields if name != "parts"}
    parts = (Statement("ctx.inspectorate"),) if "parts" in fields else ()
    statement = Statement(message_id, params, parts)
    for language in LANGUAGES:
        text = render([statement], language)
        assert text.endswith(".")
        assert not re.search(r"\{\w+", text)


def test_dutch_shows_country_names_and_labels_in_dutch() -> None:
    statement = Statement(
        "ilab.listed",
        {"edition": "2022", "good": "Cocoa", "country": "CI", "flag": "forced_labour", "record": "Cocoa|CI"},
    )
    assert "Côte d'Ivoire" in render([statement])
    assert "forced labour" in render([statement])
    dutch = render([statement], "nl")
    assert "Ivoorkust" in dutch
    assert "dwangarbeid" in dutch


def test_value_labels_exist_in_every_language() -> None:
    for labels in VALUE_LABELS.values():
        for label in labels.values():
            assert set(LANGUAGES) <= set(label)


def test_statements_round_trip_through_json() -> None:
    statements = [Statement("likelihood", parts=(Statement("lk.base", {"value": 0.6, "basis": "listed"}),))]
    assert loads(dumps(statements)) == tuple(statements)
    assert render_evidence(dumps(statements), "nl") == "Waarschijnlijkheid: basis 0,60 (op de lijst)."


@pytest.mark.parametrize("text", ["older evidence, typed by a person", "", "[not json", '[{"id": 3}]'])
def test_plain_or_broken_evidence_is_shown_as_it_is(text: str) -> None:
    assert render_evidence(text, "nl") == text


def test_an_unknown_message_id_shows_its_id_rather_than_failing() -> None:
    assert render([Statement("from.a.newer.version", {"x": 1})]).startswith("from.a.newer.version")


def test_dutch_evidence_names_goods_editions_and_levels_in_dutch_with_decimal_commas() -> None:
    context = Statement(
        "ilab.context",
        {"edition": "reporting year 2022, published 26 Sep 2023"},
        (
            Statement("ctx.working_children_aged", {"share": 0.256, "ages": "5-14"}),
            Statement("ctx.advancement", {"level": "Significant Advancement"}),
        ),
    )
    listed = Statement(
        "ilab.listed",
        {
            "edition": "2022 (as of 28 Sep 2022)",
            "good": "Cocoa",
            "country": "CI",
            "flag": "child_labour",
            "record": "r",
        },
    )
    dutch = render([listed, context], "nl")
    assert "Cacao uit Ivoorkust" in dutch
    assert "25,6%" in dutch
    assert "aanzienlijke vooruitgang" in dutch
    assert "gepubliceerd 26 sep. 2023" in dutch
    assert "Cocoa" not in dutch
    assert "Significant" not in dutch
    english = render([listed, context], "en")
    assert "Cocoa from" in english
    assert "25.6%" in english


def test_every_annex_i_line_of_the_reference_data_reads_in_dutch() -> None:
    import json
    from importlib import resources

    from imvo.core.risk.datasets_shown import annex_item

    data = resources.files("imvo.core.refdata").joinpath("data", "eu_cmr_annex_i.json").read_text("utf-8")
    items = [row["item"] for row in json.loads(data)]
    assert [item for item in items if annex_item(item, "nl") == item] == []
    statement = Statement("cmr.3tg", {"good": "Gold", "item": "Gold ores and concentrates", "record": "A4"})
    assert "bijlage I: Gouderts en de concentraten daarvan" in render([statement], "nl")
    assert "Annex I: Gold ores and concentrates" in render([statement], "en")
