"""PDF documents typeset by typst: a cover, a table of contents, numbered pages, and sections of
paragraphs, lists, tables and bar charts, in every script the Noto fonts cover.

The callers build a :class:`PdfDocument` (words already in the reader's language); it goes to the one
template shipped beside this module, ``document.typ``, as JSON in ``sys.inputs``. User text is
therefore only ever a typst *string*, never markup: a title such as ``#set page(width: 1cm)`` prints as
written.

typst embeds a few Latin fonts only. The Noto fonts (Latin with Vietnamese, Bengali, Devanagari,
simplified Chinese) come from Debian's fonts-noto-core and fonts-noto-cjk (``scripts/install-fonts``);
``IMVO_PDF_FONT_DIRS`` (folders separated by ``os.pathsep``) points elsewhere. Without them a PDF
still renders, its Latin text in typst's own font, and a warning is logged once.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

DEFAULT_FONT_DIRECTORIES = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto")
#: Tried in this order for each character: Latin (incl. Vietnamese), Bengali, Devanagari, Chinese.
NOTO_FAMILIES = ("Noto Sans", "Noto Sans Bengali", "Noto Sans Devanagari", "Noto Sans CJK SC")
#: Embedded in the typst wheel itself, so a PDF renders on a machine without Noto.
BUILT_IN_FAMILY = "Libertinus Serif"

#: The template's own words, per report language.
DOCUMENT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "contents": "Contents",
        "page_of": "page {page} of {total}",
        "organisation": "Organisation",
        "period": "Period",
        "date": "Date",
    },
    "nl": {
        "contents": "Inhoud",
        "page_of": "pagina {page} van {total}",
        "organisation": "Organisatie",
        "period": "Periode",
        "date": "Datum",
    },
}

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
}

Block = dict[str, Any]
DUTCH_SEPARATORS = str.maketrans(",.", ".,")


def _language(language: str) -> str:
    return "nl" if language.startswith("nl") else "en"


def format_number(value: float, language: str, decimals: int = 0) -> str:
    """``1,234.5`` in English, ``1.234,5`` in Dutch."""
    english = f"{value:,.{decimals}f}"
    if _language(language) == "en":
        return english
    return english.translate(DUTCH_SEPARATORS)


def format_percent(share: float, language: str, decimals: int = 0) -> str:
    return f"{format_number(share * 100, language, decimals)}%"


def format_date(value: dt.date, language: str) -> str:
    """``2 December 2026`` in English, ``2 december 2026`` in Dutch."""
    return f"{value.day} {MONTHS[_language(language)][value.month - 1]} {value.year}"


def _text(value: object) -> str:
    # typst places strings only: a None or a number from the caller must not reach the template as such.
    return "" if value is None else str(value)


def paragraph(text: str) -> Block:
    return {"type": "text", "text": _text(text)}


def subheading(text: str) -> Block:
    return {"type": "subheading", "text": _text(text)}


@dataclass(frozen=True)
class ListItem:
    text: str
    items: list[str] = field(default_factory=list)  # a second level under it


def bullet_list(items: Iterable[str | ListItem]) -> Block:
    return {
        "type": "list",
        "items": [
            {"text": _text(item), "items": []}
            if isinstance(item, str)
            else {"text": _text(item.text), "items": [_text(sub) for sub in item.items]}
            for item in items
        ],
    }


def table(columns: Sequence[str], rows: Iterable[Sequence[object]], *, numeric: Iterable[int] = ()) -> Block:
    """A table of text cells, one row per sequence cut or padded to the columns; the ``numeric``
    columns (by index) align right. Columns all named "" give a table without a header row."""
    numeric_columns = set(numeric)
    width = len(columns)
    return {
        "type": "table",
        "columns": [_text(column) for column in columns],
        "align": ["right" if index in numeric_columns else "left" for index in range(len(columns))],
        "rows": [[_text(cell) for cell in row[:width]] + [""] * (width - len(row)) for row in rows],
    }


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as the reader reads it: "50% (2/4)", "12"


def bar_chart(title: str, bars: Iterable[Bar], *, maximum: float | None = None) -> Block:
    """Horizontal bars, longest at ``maximum`` (the largest value when None); "—" when there are none.
    An empty ``title`` prints none (when the section's heading says it)."""
    rows = list(bars)
    largest = maximum if maximum is not None else max((bar.value for bar in rows), default=0.0)
    return {
        "type": "bars",
        "title": _text(title),
        "maximum": largest if largest > 0 else 1.0,
        "bars": [
            {"label": _text(bar.label), "value": max(float(bar.value), 0.0), "shown": _text(bar.shown)}
            for bar in rows
        ],
    }


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class PdfDocument:
    language: str  # "nl" or "en": the template's words, hyphenation and number formats
    title: str
    organisation: str
    date: dt.date
    sections: list[Section]
    period: str = ""
    subtitle: str = ""  # under the title on the cover: "version 3"

    def to_json(self, families: Sequence[str]) -> str:
        language = _language(self.language)
        return json.dumps(
            {
                "language": language,
                "words": DOCUMENT_WORDS[language],
                "fonts": list(families),
                "title": self.title,
                "organisation": self.organisation,
                "period": self.period,
                "subtitle": self.subtitle,
                "date": format_date(self.date, language),
                "sections": [
                    {"heading": section.heading, "blocks": section.blocks} for section in self.sections
                ],
            },
            ensure_ascii=False,
        )


def font_directories() -> list[Path]:
    configured = os.environ.get("IMVO_PDF_FONT_DIRS", "")
    candidates = configured.split(os.pathsep) if configured else list(DEFAULT_FONT_DIRECTORIES)
    return [Path(folder) for folder in candidates if folder and Path(folder).is_dir()]


@cache
def _fonts() -> tuple[Any, tuple[str, ...]]:
    """The font book (read once per process) and the families the template asks for."""
    import typst

    folders = font_directories()
    book = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(f) for f in folders]
    )
    available = set(book.families())
    missing = [family for family in NOTO_FAMILIES if family not in available]
    if missing:
        logger.warning(
            "PDF reports: fonts %s not found in %s; text in those scripts will not render "
            "(run scripts/install-fonts, or set IMVO_PDF_FONT_DIRS)",
            ", ".join(missing),
            ", ".join(str(f) for f in folders) or "no font folder",
        )
    families = tuple(family for family in NOTO_FAMILIES if family in available) + (BUILT_IN_FAMILY,)
    return book, families


def render_pdf(document: PdfDocument, *, timestamp: dt.datetime | None = None) -> bytes:
    """The document as PDF bytes; ``timestamp`` (aware) makes the output reproducible."""
    import typst

    book, families = _fonts()
    template = resources.files("imvo.core.pdf").joinpath("document.typ").read_bytes()
    pdf: bytes = typst.compile(
        template,
        format="pdf",
        font_paths=book,
        sys_inputs={"document": document.to_json(families)},
        timestamp=timestamp.astimezone(dt.UTC).replace(microsecond=0) if timestamp else None,
    )
    return pdf
