"""Reading PDFs back in tests: the text of each page and the fonts embedded in them.

Text comes from PDFium (pypdfium2): pypdf returns Bengali and Devanagari clusters in glyph order with
control characters between them, so it cannot say whether a complex-script string is there exactly.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
from pypdf import PdfReader

A4_RATIO = 297 / 210


def page_texts(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def embedded_fonts(pdf: bytes) -> set[str]:
    """Base font names without the subset prefix: {"NotoSansBengali-Regular", …}."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names


def render_page_png(pdf: bytes, page_number: int, target: Path, scale: float = 1.5) -> tuple[int, int, float]:
    """Render one page (1-based) to ``target``; returns its width, height and share of dark pixels."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page_number - 1].render(scale=scale).to_pil()
    finally:
        document.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target)
    dark = sum(image.convert("L").histogram()[:128]) / (image.width * image.height)
    return image.width, image.height, dark
