"""The published report's PDF: in the report's language, every script, cover, contents, page numbers,
and still nothing confidential."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from imvo.web.register import actions
from imvo.web.register.report import render_report_pdf
from tests.pdf_reading import embedded_fonts, page_texts

BENGALI_RISK = "চা বাগানে শ্রমিকদের মজুরি বকেয়া"
CHINESE_RISK = "工厂拖欠工人工资"
DUTCH_RISK = "Overwerk in het magazijn in Zaandam — één melding"
CONFIDENTIAL_RISK = "Geheime kwestie bij de smelterij"


def _risk(alice: Any, acme: Any, title: str, **fields: Any) -> None:
    actions.create_manual_risk(
        alice,
        acme,
        {"title": title, "area": "supply_chain", "country": "BD", "salience": 60, **fields},
    )


@pytest.fixture
def dutch_report(register: dict[str, Any], acme: Any, alice: Any) -> Any:
    for title in (BENGALI_RISK, CHINESE_RISK, DUTCH_RISK):
        _risk(alice, acme, title)
    _risk(alice, acme, CONFIDENTIAL_RISK, confidential=True)
    with translation.override("nl"):
        return actions.publish_report(alice, acme, "Verantwoording 2026 #set page(width: 1cm)")


def _without_spaces(text: str) -> str:
    return "".join(text.split())


def test_the_public_pdf_is_in_dutch_with_every_script(dutch_report: Any, client_for: Any) -> None:
    response = client_for(None).get(f"/r/{dutch_report.public_id}/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = page_texts(response.content)
    text = " ".join(pages)
    assert "Verantwoording 2026 #set page(width: 1cm)" in pages[0]  # user text is not markup
    assert "Acme B.V." in pages[0]
    assert "versie 1" in pages[0]
    assert pages[1].startswith("Inhoud")
    for heading in ("Stap 1: Beleid", "Stap 2: Geïdentificeerde risico's", "Waar we staan"):
        assert heading in pages[1]  # in the table of contents
        assert heading in " ".join(pages[2:])
    for number, page in enumerate(pages[1:], start=2):
        assert page.endswith(f"pagina {number} van {len(pages)}")
    assert CHINESE_RISK in text
    assert DUTCH_RISK in text
    assert _without_spaces(BENGALI_RISK) in _without_spaces(text)
    assert "Excessive overtime at the Rotterdam warehouse" in text
    assert CONFIDENTIAL_RISK not in text
    assert "\ufffd" not in text
    english = ("Contents", "page 2 of", "Step 1", "Most salient risks", "version 1", "Risks by", "Measures")
    assert not [words for words in english if words in text]
    assert {"NotoSansBengali-Regular", "NotoSans-Regular"} <= embedded_fonts(response.content)


def test_the_pdf_keeps_the_report_language_whoever_renders_it(dutch_report: Any) -> None:
    with translation.override("en"):
        pages = page_texts(render_report_pdf(dutch_report.content))
    assert pages[1].startswith("Inhoud")
    assert "Stap 1: Beleid" in pages[1]


def test_an_english_report_reads_in_english(register: dict[str, Any], acme: Any, alice: Any) -> None:
    with translation.override("en"):
        report = actions.publish_report(alice, acme, "Report 2026")
    pages = page_texts(bytes(report.pdf))
    assert pages[1].startswith("Contents")
    assert "Step 1: Policy" in pages[1]
    assert pages[-1].endswith(f"page {len(pages)} of {len(pages)}")
    assert "Roster review" in " ".join(pages)  # a public measure of a public risk
