"""The one PDF route (imvo.core.pdf): every script, a cover, contents, page numbers, no markup injection.

These need the Noto fonts (scripts/install-fonts, run by `make browser` and `make demo`).
"""

from __future__ import annotations

import datetime as dt
import io
import logging

import pytest
from pypdf import PdfReader

from imvo.core import pdf
from tests.pdf_reading import embedded_fonts, page_texts

BENGALI = "শ্রমিকদের মজুরি দেওয়া হয়নি"
DEVANAGARI = "कारखाने में ओवरटाइम का भुगतान नहीं"
CHINESE = "工厂拖欠工人工资"
VIETNAMESE = "Công nhân không được trả lương làm thêm giờ"
DUTCH = "Overwerk in de fabriek wordt niet uitbetaald — één klacht"
INJECTION = '#set page(width: 1cm) #pagebreak() *bold* $x^2$ <label> @ref ] [ \\ " // not a comment'


def _document(language: str = "nl", title: str = "Klachtenrapport 2026") -> pdf.PdfDocument:
    long_text = " ".join(f"{DUTCH} {index}." for index in range(120))  # runs over several pages
    return pdf.PdfDocument(
        language=language,
        title=title,
        subtitle="versie 3",
        organisation="Acme Tiếng Việt BV",
        period="1 januari 2026 – 30 juni 2026",
        date=dt.date(2026, 7, 1),
        sections=[
            pdf.Section(
                "Klachten in elke taal",
                [
                    pdf.paragraph(BENGALI),
                    pdf.bullet_list([DEVANAGARI, pdf.ListItem(CHINESE, [VIETNAMESE])]),
                    pdf.table(["Thema", "Aantal"], [[DUTCH, "1.234"]], numeric=[1]),
                    pdf.bar_chart(
                        "Klachten per land", [pdf.Bar("Bangladesh", 3, "3"), pdf.Bar("China", 0, "0")]
                    ),
                ],
            ),
            pdf.Section("Toelichting", [pdf.subheading("Werkwijze"), pdf.paragraph(long_text)]),
        ],
    )


@pytest.fixture(scope="module")
def dutch_pdf() -> bytes:
    return pdf.render_pdf(_document(), timestamp=dt.datetime(2026, 7, 1, 9, 30, 15, 123, tzinfo=dt.UTC))


def test_every_script_is_in_the_pdf_exactly(dutch_pdf: bytes) -> None:
    text = " ".join(page_texts(dutch_pdf))
    for sample in (CHINESE, VIETNAMESE, DUTCH, "Acme Tiếng Việt BV"):
        assert sample in text
    # PDFium guesses word spaces from glyph gaps and misses some between Indic words: every
    # character must be there, in order.
    for sample in (BENGALI, DEVANAGARI):
        assert "".join(sample.split()) in "".join(text.split())
    assert "\ufffd" not in text
    assert "?" not in text  # nothing replaced by a question mark, as a Latin-1 font would
    fonts = embedded_fonts(dutch_pdf)
    for font in ("NotoSans-Regular", "NotoSansBengali-Regular", "NotoSansDevanagari-Regular"):
        assert font in fonts
    assert any(font.startswith("NotoSansCJKsc") for font in fonts)


def test_cover_contents_and_page_numbers_in_dutch(dutch_pdf: bytes) -> None:
    pages = page_texts(dutch_pdf)
    total = len(pages)
    assert total >= 4  # cover, contents, and the long section over two pages at least
    cover = pages[0]
    for expected in ("Klachtenrapport 2026", "versie 3", "Organisatie", "Acme Tiếng Việt BV", "Periode"):
        assert expected in cover
    assert "1 januari 2026 – 30 juni 2026" in cover
    assert "Datum 1 juli 2026" in cover
    assert "pagina" not in cover  # the cover has no page number
    contents = pages[1]
    assert contents.startswith("Inhoud")
    assert "1 Klachten in elke taal" in contents
    assert "2.1 Werkwijze" in contents
    for number, page in enumerate(pages[1:], start=2):
        assert page.endswith(f"pagina {number} van {total}")
    reader = PdfReader(io.BytesIO(dutch_pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Klachtenrapport 2026"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


def test_english_words_and_formats() -> None:
    pages = page_texts(pdf.render_pdf(_document(language="en")))
    assert pages[1].startswith("Contents")
    assert pages[-1].endswith(f"page {len(pages)} of {len(pages)}")
    assert "Date 1 July 2026" in pages[0]
    assert "Organisation" in pages[0]


def test_user_text_is_never_markup() -> None:
    document = _document(title=INJECTION)
    document.sections[0].blocks.append(pdf.paragraph(INJECTION))
    document.sections[0].blocks.append(pdf.table([INJECTION], [[INJECTION]]))
    data = pdf.render_pdf(document)
    pages = page_texts(data)
    assert INJECTION in pages[0]
    assert " ".join(pages[2:]).count(INJECTION) == 3
    reader = PdfReader(io.BytesIO(data))
    assert {round(float(page.mediabox.width)) for page in reader.pages} == {595}  # no "width: 1cm"


def test_cells_of_any_kind_and_length_stay_in_their_column() -> None:
    document = _document()
    rows: list[list[object]] = [["Lonen", None, 3], ["Kort"], ["Lang", "b", "c", "overbodig"]]
    document.sections[0].blocks[:] = [pdf.table(["Thema", "Toelichting", "Aantal"], rows, numeric=[2])]
    text = page_texts(pdf.render_pdf(document))[2]
    assert "Thema Toelichting Aantal Lonen 3 Kort Lang b c" in text
    assert "overbodig" not in text
    assert "None" not in text


def test_the_timestamp_makes_the_pdf_reproducible() -> None:
    when = dt.datetime(2026, 7, 1, 9, 30, tzinfo=dt.UTC)
    assert pdf.render_pdf(_document(), timestamp=when) == pdf.render_pdf(_document(), timestamp=when)


def test_number_and_date_formats() -> None:
    assert pdf.format_number(1234567.25, "nl", 2) == "1.234.567,25"
    assert pdf.format_number(1234567.25, "en", 2) == "1,234,567.25"
    assert pdf.format_percent(0.505, "nl", 1) == "50,5%"
    assert pdf.format_percent(0.5, "en") == "50%"
    assert pdf.format_date(dt.date(2026, 3, 9), "nl") == "9 maart 2026"
    assert pdf.format_date(dt.date(2026, 3, 9), "en") == "9 March 2026"


def test_without_the_noto_fonts_the_pdf_still_renders_and_says_why(
    tmp_path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("IMVO_PDF_FONT_DIRS", str(tmp_path))  # a folder without fonts
    pdf._fonts.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="imvo.core.pdf"):
            data = pdf.render_pdf(_document())
    finally:
        pdf._fonts.cache_clear()
    assert "Klachtenrapport 2026" in page_texts(data)[0]
    assert not any(font.startswith("Noto") for font in embedded_fonts(data))
    assert "Noto Sans Bengali" in caplog.text
    assert "scripts/install-fonts" in caplog.text
