"""Text extraction from public disclosures (PDF, HTML, plain text) and splitting into passages.

Every offset in this module refers to ``ExtractedDocument.text``: the whole disclosure as one
string, pages joined by a form feed.  A passage or a citation is therefore always checkable by
slicing that string, and its page number comes from the page spans recorded during extraction.
"""

from __future__ import annotations

import bisect
import contextlib
import importlib
import io
import json
import logging
import os
import re
import select
import signal
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

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
    r"(?<!\bAbs\.)"
    # the number of a numbered item stays with its item ("Actiepunten 2025⏎1. Uitbreiden …")
    r"(?<!\n\d\.)(?<!\n\d\d\.)(?<!^\d\.)(?<!^\d\d\.)"
)
_SENTENCE_BOUNDARY = re.compile(
    r"(?<=[.!?])" + _ABBREVIATIONS + r"[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-ZÄÖÜ0-9•▪●-])"
    r"|\n[ \t]*\n\s*"
    r"|\n(?=[ \t]*[•▪●◦*-][ \t])"
    r"|\n(?=[ \t]*\(?\d{1,2}[.)][ \t])"
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
    except RecursionError:
        # Deeply nested arrays or dictionaries (thousands of "[" in a row) exhaust pypdf's recursion.
        raise DisclosureError(source, "the PDF is nested too deeply to read (RecursionError)") from None
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


# --- reading one file within a time and memory budget --------------------------------------------
#
# A hostile or broken file can make a parser run for many minutes (a PDF whose pages share one huge
# content stream), take gigabytes, or crash it. :class:`FileWorker` runs the work for one file in a
# child process with a memory cap (RLIMIT_AS) and kills it when the file's time is up, so one such
# file is reported as unreadable with the reason and the files after it are read as usual. The child
# is a fresh interpreter (not a fork of a web worker holding database connections) and is reused
# from file to file; it answers in JSON, never pickle, so even a child taken over by a malicious file
# cannot run code in the parent.


@dataclass(frozen=True)
class FileBudget:
    """What reading one file may take: wall-clock seconds and megabytes of the child process's
    address space (the interpreter and the reader's code included, about 60 MB)."""

    seconds: float = 120.0
    memory_mb: int = 1024


_READY = b"R"
_START_SECONDS = 60.0  # for the child to start and import the reader, before any file's time runs
_LENGTH = struct.Struct(">I")


class FileWorker:
    """Runs ``task`` (``"module:function"``, taking a path and JSON arguments and returning JSON)
    on one file at a time in a child process within ``budget``; raises :class:`DisclosureError`
    naming the file and the reason when the file takes too long, too much memory or crashes the
    reader. Use as a context manager, or call :meth:`close`."""

    def __init__(self, task: str, budget: FileBudget | None = None) -> None:
        self.task = task
        self.budget = budget or FileBudget()
        self._child: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> FileWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, path: str | Path, *arguments: Any) -> Any:
        source = str(path)
        child = self._start()
        assert child.stdin is not None
        assert child.stdout is not None
        request = json.dumps({"path": source, "arguments": list(arguments)}).encode()
        try:
            child.stdin.write(_LENGTH.pack(len(request)) + request)
            child.stdin.flush()
            deadline = time.monotonic() + self.budget.seconds
            (length,) = _LENGTH.unpack(_read_exactly(child.stdout.fileno(), _LENGTH.size, deadline))
            answer = json.loads(_read_exactly(child.stdout.fileno(), length, deadline))
        except TimeoutError:
            self._kill()
            raise DisclosureError(
                source, f"reading it took longer than {self.budget.seconds:g} s, the limit; it was stopped"
            ) from None
        except (OSError, EOFError, ValueError, struct.error):
            code = self._kill()
            raise DisclosureError(source, self._crash_reason(code)) from None
        if "error" in answer:
            raise DisclosureError(source, str(answer["error"]))
        return answer["result"]

    def close(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        try:
            if child.stdin is not None:
                child.stdin.close()
            child.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            child.kill()
            child.wait()
        finally:
            if child.stdout is not None:
                child.stdout.close()

    def _crash_reason(self, code: int | None) -> str:
        if code is not None and code < 0 and -code in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT):
            return (
                f"the reader stopped ({signal.Signals(-code).name}); the file probably needed more "
                f"than {self.budget.memory_mb} MB of memory, the limit"
            )
        return f"the reader stopped unexpectedly (exit code {code}) while reading it"

    def _start(self) -> subprocess.Popen[bytes]:
        if self._child is not None and self._child.poll() is None:
            return self._child
        self.close()
        package_root = str(Path(__file__).resolve().parents[3])
        environment = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([package_root, os.environ.get("PYTHONPATH", "")]),
        }
        child = subprocess.Popen(  # noqa: S603 - our own interpreter and module, no user input
            [
                sys.executable,
                "-c",
                "from imvo.core.assessment.extract import serve_files; serve_files()",
                self.task,
                str(self.budget.memory_mb),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment,
            close_fds=True,
        )
        self._child = child
        assert child.stdout is not None
        try:
            if _read_exactly(child.stdout.fileno(), 1, time.monotonic() + _START_SECONDS) != _READY:
                raise OSError("the reader did not start")
        except (OSError, EOFError, TimeoutError) as error:
            self._kill()
            raise RuntimeError(f"the file reader process could not start ({error})") from error
        return child

    def _kill(self) -> int | None:
        child, self._child = self._child, None
        if child is None:
            return None
        if child.poll() is None:
            child.kill()
        code = child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        return code


def _read_exactly(fd: int, size: int, deadline: float) -> bytes:
    data = b""
    while len(data) < size:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            raise TimeoutError
        chunk = os.read(fd, size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def serve_files() -> None:  # pragma: no cover - runs in the child process (tests cover it from outside)
    """The child's loop: cap memory, import the task, say ready, then answer one request per file."""
    task, memory_mb = sys.argv[1], int(sys.argv[2])
    module_name, function_name = task.split(":")
    function = getattr(importlib.import_module(module_name), function_name)
    try:
        import resource

        limit = memory_mb * 1024**2
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # no resource limits on this platform: the time limit still holds
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    stdout.write(_READY)
    stdout.flush()
    while header := stdin.read(_LENGTH.size):
        (length,) = _LENGTH.unpack(header)
        request = json.loads(stdin.read(length))
        answer: dict[str, Any]
        try:
            answer = {"result": function(request["path"], *request["arguments"])}
        except DisclosureError as error:
            answer = {"error": error.message}
        except MemoryError:
            answer = {"error": f"reading it needed more than {memory_mb} MB of memory, the limit"}
        except RecursionError:
            answer = {"error": "the file is nested too deeply to read (RecursionError)"}
        except Exception as error:  # any other failure of a parser on a hostile file: this file only
            answer = {"error": f"the file cannot be read ({type(error).__name__}: {str(error)[:300]})"}
        try:
            body = json.dumps(answer).encode()
        except MemoryError:
            body = json.dumps({"error": f"the result needed more than {memory_mb} MB of memory"}).encode()
        stdout.write(_LENGTH.pack(len(body)) + body)
        stdout.flush()
