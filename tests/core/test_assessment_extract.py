"""Extraction of PDF, HTML and text disclosures into passages with offsets and page numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st

from imvo.core.assessment import DisclosureError, extract_bytes, extract_file, split_passages
from imvo.core.assessment.extract import decode_text, html_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "disclosures"

PAGE_TEXTS = [
    "Annual report 2024. Our revenue grew by four percent in a difficult market.",
    "Responsible business conduct. We endorse the OECD Guidelines for Multinational Enterprises.",
    "Supply chain. We conduct unannounced audits of our suppliers' factories every year.",
]


def write_pdf(path: Path, pages: list[str]) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def test_pdf_pages_are_numbered_and_offsets_slice_the_text(tmp_path: Path) -> None:
    document = extract_file(write_pdf(tmp_path / "report.pdf", PAGE_TEXTS))
    assert document.format == "pdf"
    assert [page.number for page in document.pages] == [1, 2, 3]
    for page, expected in zip(document.pages, PAGE_TEXTS, strict=True):
        assert " ".join(document.text[page.start : page.end].split()) == expected
    passages = split_passages(document)
    audit = next(passage for passage in passages if "audits" in passage.text)
    assert audit.page == 3
    assert document.text[audit.start : audit.end] == audit.text
    endorsement = next(passage for passage in passages if "OECD" in passage.text)
    assert endorsement.page == 2


def test_unreadable_pdf_raises_a_plain_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    with pytest.raises(DisclosureError) as raised:
        extract_file(broken)
    assert raised.value.file == str(broken)
    assert "PDF" in raised.value.message


def test_pdf_without_text_is_reported(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(DisclosureError, match="no extractable text"):
        extract_file(path)


def test_missing_and_empty_files_are_reported(tmp_path: Path) -> None:
    with pytest.raises(DisclosureError, match="cannot read"):
        extract_file(tmp_path / "absent.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(DisclosureError, match="empty"):
        extract_file(empty)


def test_html_drops_script_style_and_navigation() -> None:
    document = extract_file(FIXTURES / "nl_imvo_verslag.html")
    assert document.format == "html"
    assert document.pages == ()
    assert "onderschrijft de OESO-richtlijnen" in document.text
    assert "trainingTracker" not in document.text
    assert "font-family" not in document.text
    assert "/audits" not in document.text
    assert "Klachtenprocedure" not in document.text
    assert "Klokkenluidersregeling" not in document.text  # the site footer is boilerplate


def test_html_blocks_become_separate_passages() -> None:
    text = html_to_text("<p>Supplier audits</p><p>We audit suppliers<br>every year</p><div>Training</div>")
    assert text.split("\n\n") == ["Supplier audits", "We audit suppliers\nevery year", "Training"]


def test_cp1252_text_is_decoded() -> None:
    document = extract_file(FIXTURES / "de_grundsatzerklaerung_cp1252.txt")
    assert "Grundsatzerklärung" in document.text
    assert "Einkäufer" in document.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_common_encodings_round_trip(encoding: str) -> None:
    text = "Wir führen Schulungen zu Menschenrechten durch. Geschäftspartner äußern Beschwerden."
    assert decode_text(text.encode(encoding)) == text


def test_format_is_guessed_from_content() -> None:
    assert extract_bytes(b"<!DOCTYPE html><p>Hello there</p>", "page").format == "html"
    assert extract_bytes(b"plain words", "statement").format == "txt"


def test_pdf_hyphenation_across_lines_is_rejoined(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.cell(0, 6, "We audit our sup-", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "pliers every year.")
    path = tmp_path / "hyphen.pdf"
    pdf.output(str(path))
    assert "suppliers every year" in extract_file(path).text


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "Acme Inc. reviews suppliers against the U.S. Department of Labor list. Audits follow."
    passages = split_passages(extract_bytes(text.encode(), "s.txt", fmt="txt"))
    assert [passage.text for passage in passages] == [
        "Acme Inc. reviews suppliers against the U.S. Department of Labor list.",
        "Audits follow.",
    ]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=600))
def test_passages_slice_the_text_and_are_ordered(text: str) -> None:
    document = extract_bytes(text.encode("utf-8"), "random.txt", fmt="txt")
    previous_end = 0
    for passage in split_passages(document):
        assert document.text[passage.start : passage.end] == passage.text
        assert passage.text == passage.text.strip()
        assert passage.start >= previous_end
        previous_end = passage.end
