"""Text extraction from public disclosures (PDF, HTML, plain text) and splitting into passages.

Every offset in this module refers to ``ExtractedDocument.text``: the whole disclosure as one
string, pages joined by a form feed.  A passage or a citation is therefore always checkable by
slicing that string, and its page number comes from the page spans recorded during extraction.
"""

from __future__ import annotations

import bisect
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

PAGE_SEPARATOR = "\f"

#: Encodings tried in order for plain text; latin-1 never fails, so it comes last.
_TEXT_ENCODINGS = ("utf-8", "cp1252", "latin-1")

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_PDF_SUFFIXES = {".pdf"}

# Elements whose content is never part of the statement itself (navigation, menus, code).
_SKIPPED_HTML_ELEMENTS = {"script", "style", "nav", "noscript", "template", "svg", "head", "footer", "header"}
_BLOCK_HTML_ELEMENTS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "section", "article", "main",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "aside", "figcaption",
}  # fmt: skip

# A word broken across lines by hyphenation in a PDF ("sup-\nplier"): rejoined so cues match.
_PDF_HYPHENATION = re.compile(r"(?<=[a-zäöüß])-[ \t]*\n[ \t]*(?=[a-zäöüß])")

# Sentence ends: terminal punctuation followed by whitespace and an upper-case letter, digit,
# quote or bullet; or a blank line; or a line that starts a bullet item; or a page break.
# Abbreviations after which a full stop does not end the sentence ("U.S. Department", "Acme Inc. is").
_ABBREVIATIONS = (
    r"(?<!\b[A-Z]\.[A-Z]\.)(?<!\b[A-Z]\.)(?<!\bInc\.)(?<!\bCo\.)(?<!\bLtd\.)(?<!\bNo\.)(?<!\bNr\.)"
    r"(?<!\bSt\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bvs\.)(?<!\bca\.)(?<!\bbzw\.)(?<!\bArt\.)"
)
_SENTENCE_BOUNDARY = re.compile(
    r"(?<=[.!?])" + _ABBREVIATIONS + r"[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-ZÄÖÜ0-9•▪●-])"
    r"|\n[ \t]*\n\s*"
    r"|\n(?=[ \t]*[•▪●◦*-][ \t])"
    r"|\f"
)
_MAX_PASSAGE_CHARS = 1200


class DisclosureError(Exception):
    """A disclosure that cannot be read; ``file`` names it, the message says why in plain words."""

    def __init__(self, file: str, message: str) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message


@dataclass(frozen=True)
class PageSpan:
    """Where page ``number`` (1-based) lies in the document text: ``text[start:end]``."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class ExtractedDocument:
    """A disclosure as text; ``pages`` is empty for formats without pages (HTML, TXT)."""

    source: str
    format: str
    text: str
    pages: tuple[PageSpan, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page number holding character ``offset``, or None when the format has no pages."""
        if not self.pages:
            return None
        starts = [page.start for page in self.pages]
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.pages[index].number


@dataclass(frozen=True)
class Passage:
    """A sentence-sized piece of the document: ``document.text[start:end] == text``."""

    text: str
    start: int
    end: int
    page: int | None


def document_from_text(text: str, source: str = "<text>", fmt: str = "txt") -> ExtractedDocument:
    """Wrap text already in memory (no pages)."""
    return ExtractedDocument(source=source, format=fmt, text=text)


def decode_text(data: bytes) -> str:
    """Decode plain text in any common encoding: BOM-marked UTF-8/16/32, else UTF-8, else cp1252."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    for encoding in _TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # pragma: no cover - latin-1 accepts every byte


class _VisibleTextParser(HTMLParser):
    """Collects the visible text of an HTML page, dropping scripts, styles and navigation."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_HTML_ELEMENTS:
            self._skip_depth += 1
        elif tag in _BLOCK_HTML_ELEMENTS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_HTML_ELEMENTS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_HTML_ELEMENTS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skip_depth == 0:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, one block element per paragraph."""
    parser = _VisibleTextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\xa0]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _pdf_document(data: bytes, source: str) -> ExtractedDocument:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs every repaired defect as a warning; the caller gets one clear DisclosureError instead.
    pypdf_logger = logging.getLogger("pypdf")
    previous_level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DisclosureError(source, "the PDF is encrypted with a password")
        page_texts = [page.extract_text() or "" for page in reader.pages]
    except DisclosureError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise DisclosureError(source, f"not a readable PDF ({error})") from error
    finally:
        pypdf_logger.setLevel(previous_level)
    pages: list[PageSpan] = []
    chunks: list[str] = []
    offset = 0
    for number, raw in enumerate(page_texts, start=1):
        page_text = _PDF_HYPHENATION.sub("", raw.replace("\r\n", "\n").replace(PAGE_SEPARATOR, " "))
        if chunks:
            chunks.append(PAGE_SEPARATOR)
            offset += 1
        pages.append(PageSpan(number=number, start=offset, end=offset + len(page_text)))
        chunks.append(page_text)
        offset += len(page_text)
    text = "".join(chunks)
    if not text.strip():
        raise DisclosureError(source, "the PDF has no extractable text (scanned images need OCR first)")
    return ExtractedDocument(source=source, format="pdf", text=text, pages=tuple(pages))


def extract_bytes(data: bytes, source: str, fmt: str | None = None) -> ExtractedDocument:
    """Extract a disclosure held in memory; ``fmt`` is "pdf", "html" or "txt" (guessed when None)."""
    if fmt is None:
        fmt = _guess_format(data, source)
    if fmt == "pdf":
        return _pdf_document(data, source)
    text = decode_text(data)
    if fmt == "html":
        return ExtractedDocument(source=source, format="html", text=html_to_text(text))
    if fmt != "txt":
        raise DisclosureError(source, f"unknown format {fmt!r}; expected pdf, html or txt")
    return ExtractedDocument(source=source, format="txt", text=text.replace("\r\n", "\n").replace("\r", "\n"))


def _guess_format(data: bytes, source: str) -> str:
    suffix = Path(source).suffix.lower()
    if data.lstrip()[:5] == b"%PDF-" or suffix in _PDF_SUFFIXES:
        return "pdf"
    head = data[:2048].lstrip().lower()
    if suffix in _HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def extract_file(path: str | Path) -> ExtractedDocument:
    """Read a disclosure file; raises DisclosureError with a plain message when it cannot be read."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise DisclosureError(str(path), f"cannot read the file ({error.strerror or error})") from error
    if not data.strip():
        raise DisclosureError(str(path), "the file is empty")
    return extract_bytes(data, str(path))


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for boundary in _SENTENCE_BOUNDARY.finditer(text):
        yield start, boundary.start()
        start = boundary.end()
    yield start, len(text)


def _long_span_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    # Tables and lists without punctuation: fall back to line breaks, then to fixed windows.
    if end - start <= _MAX_PASSAGE_CHARS:
        yield start, end
        return
    line_start = start
    for match in re.finditer(r"\n", text[start:end]):
        line_end = start + match.start()
        yield from _window_pieces(line_start, line_end)
        line_start = start + match.end()
    yield from _window_pieces(line_start, end)


def _window_pieces(start: int, end: int) -> Iterator[tuple[int, int]]:
    for piece_start in range(start, end, _MAX_PASSAGE_CHARS):
        yield piece_start, min(end, piece_start + _MAX_PASSAGE_CHARS)


def split_passages(document: ExtractedDocument) -> list[Passage]:
    """Split the document into sentence-sized passages with offsets and page numbers."""
    text = document.text
    passages: list[Passage] = []
    for raw_start, raw_end in _sentence_spans(text):
        for piece_start, piece_end in _long_span_pieces(text, raw_start, raw_end):
            start, end = piece_start, piece_end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end - start < 2:
                continue
            passages.append(Passage(text=text[start:end], start=start, end=end, page=document.page_at(start)))
    return passages
