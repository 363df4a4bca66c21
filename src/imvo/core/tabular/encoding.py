"""Telling what kind of file a user uploaded and which text encoding a CSV export uses.

Every reader of tables (supplier lists, populations, import records) goes through :func:`scan_text`,
so all of them accept the same encodings and refuse the same damaged or Shift-JIS text."""

from __future__ import annotations

import codecs
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from imvo.core.tabular.problems import MAX_CELL_CHARS, InputError, InputProblem

FileFormat = Literal["csv", "xlsx"]

_SAVE_AS = "a CSV file (UTF-8, or Windows-1252 as Excel writes it) or an Excel .xlsx workbook"

# Magic numbers of files that users mistake for, or rename to, tables.
_NOT_A_TABLE: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel 97-2003 .xls workbook (or another Office file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\xff\xfe\x00\x00", "text in UTF-32"),
    (b"\x00\x00\xfe\xff", "text in UTF-32"),
)
_MARKUP = re.compile(rb"\s*<(?:!doctype html|html|table|\?xml)", re.IGNORECASE)

# Bytes that Windows-1252 leaves undefined; a file containing them is not really cp1252.
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
#: Control characters that have no business in a name or description (tab and line breaks do).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A cell start (after a line break or a possible delimiter, optionally quoted) with a character
# that spreadsheets treat as a formula. Only decides whether rows need the slower per-cell checks,
# so a false alarm costs speed, never correctness.
_FORMULA_START = re.compile('[\r\n,;\t|]"?[-=+@\t\r]')
# The same test on raw bytes, built from C-speed substring searches because a regex that starts
# at every delimiter costs ~5 ns a byte. Formula characters and cell boundaries are mapped to one
# byte each, so "boundary, optional quote, formula character" becomes a two- or three-byte search.
_CELL_START_MAP = bytes.maketrans(b"\r\n,;\t|-=+@", b"\n\n\n\n\n\n====")
_TAB_AFTER_BOUNDARY = re.compile(b"[\r\n,;|]\t")


def _has_formula_start(data: bytes) -> bool:
    if b'"' in data and (b'"\t' in data or b'"\r' in data):
        return True
    if b"\t" in data and _TAB_AFTER_BOUNDARY.search(data):
        return True
    if not (b"-" in data or b"=" in data or b"+" in data or b"@" in data):
        return False
    marked = data.translate(_CELL_START_MAP)
    return b"\n=" in marked or b'\n"=' in marked


_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20)) + b"\x7f"
_ASCII_COMPATIBLE = frozenset({"utf-8", "utf-8-sig", "cp1252", "latin-1"})
_CHUNK = 1 << 20


def _problem(file: str, message: str, accepted: str | None = _SAVE_AS) -> InputError:
    return InputError([InputProblem(file, None, None, message, accepted)])


def sniff_format(head: bytes, path: Path, file: str, what: str = "a supplier list") -> FileFormat:
    """'xlsx' or 'csv' judged by content, not by extension; InputError for anything else.

    ``what`` names what the file should have been, in the messages ("a supplier list")."""
    for magic, kind in _NOT_A_TABLE:
        if head.startswith(magic):
            raise _problem(file, f"this is {kind}, not {what}")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, ValueError, KeyError) as error:
            raise _problem(
                file, f"this is a damaged ZIP file, not a readable XLSX workbook ({error})"
            ) from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "xl/workbook.bin" in names:
            raise _problem(file, "this is an Excel binary workbook (.xlsb), which cannot be read")
        if b"opendocument.spreadsheet" in mimetype:
            raise _problem(file, "this is an OpenDocument spreadsheet (.ods), which cannot be read")
        if any(name.startswith("word/") for name in names):
            raise _problem(file, f"this is a Word document, not {what}")
        raise _problem(file, "this is a ZIP archive, not an Excel .xlsx workbook")
    if _MARKUP.match(head.lstrip(codecs.BOM_UTF8)):
        raise _problem(
            file,
            "this is an HTML or XML file (some systems export those with an .xls name), not a table",
        )
    return "csv"


@dataclass
class TextScan:
    """What a full pass over a CSV file found out before any row is parsed."""

    encoding: str  # a Python codec name, used to open the file
    label: str  # what users are told ("UTF-8 with BOM", "Windows-1252")
    warnings: list[InputProblem] = field(default_factory=list)
    has_control_chars: bool = False
    has_formula_candidates: bool = False
    has_long_lines: bool = False
    #: Whether the three flags above have been computed: only the row-by-row reader needs them,
    #: so they are found by a second pass (:meth:`find_row_checks`) when it starts.
    row_checks_known: bool = False

    def find_row_checks(self, path: Path) -> None:
        if not self.row_checks_known:
            _decode_all(path, self.encoding, self, validate=False, flags=True)
            self.row_checks_known = True


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit where UTF-16 puts them for Latin text."""
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


_BINARY_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x1B)) + bytes(range(0x1C, 0x20))


def _looks_binary(head: bytes) -> bool:
    """Text tables hold almost no control bytes; a stray NUL is a row problem, many mean binary."""
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    return controls > max(8, len(head) // 20)


def _first_offset(path: Path, needles: tuple[bytes, ...]) -> tuple[int, int] | None:
    """(line, byte) of the first needle, 1-based line; None when none occurs."""
    line, base = 1, 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            found = [i for i in (chunk.find(needle) for needle in needles) if i >= 0]
            if found:
                offset = min(found)
                return line + chunk.count(b"\n", 0, offset), base + offset
            line += chunk.count(b"\n")
            base += len(chunk)
    return None


def _flag_bytes(scan: TextScan, chunk: bytes, previous_byte: bytes, line_length: int) -> int:
    """Set the row-check flags from raw bytes; returns the length of the chunk's unfinished line."""
    if not scan.has_control_chars and len(chunk.translate(None, _CONTROL_BYTES)) != len(chunk):
        scan.has_control_chars = True
    if not scan.has_formula_candidates and _has_formula_start(previous_byte + chunk):
        scan.has_formula_candidates = True
    if scan.has_long_lines:
        return line_length
    lengths = [len(line) for line in chunk.split(b"\n")]
    lengths[0] += line_length
    # A line of at most MAX_CELL_CHARS bytes has at most as many characters.
    scan.has_long_lines = max(lengths) > MAX_CELL_CHARS
    return lengths[-1]


def _flag_text(scan: TextScan, text: str, previous_character: str) -> None:
    """Set the row-check flags from decoded text (encodings that are not ASCII-compatible)."""
    if not scan.has_control_chars and CONTROL_CHARACTERS.search(text):
        scan.has_control_chars = True
    if not scan.has_formula_candidates and _FORMULA_START.search(previous_character + text):
        scan.has_formula_candidates = True


def _decode_all(path: Path, encoding: str, scan: TextScan, *, validate: bool, flags: bool) -> int | None:
    """Pass over the whole file: with ``validate``, decode it and return the byte offset of the
    first bad byte (None when it decodes); with ``flags``, set the scan's row-check flags.

    For ASCII-compatible encodings the checks run on the raw bytes (control characters and the
    formula start characters are ASCII and never occur inside a UTF-8 multi-byte sequence), which
    is several times faster than on decoded text.
    """
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    on_bytes = encoding in _ASCII_COMPATIBLE
    # Windows-1252 (once its undefined bytes are excluded) and ISO-8859-1 decode any byte.
    must_decode = validate and encoding not in ("cp1252", "latin-1")
    if not (must_decode or flags):
        return None
    if not on_bytes and flags:
        # In UTF-16 a 0x0A byte is not necessarily a line break: check every row.
        scan.has_long_lines = True
    offset = 0
    previous_text, previous_bytes, line_length = "\n", b"\n", 0
    with path.open("rb") as stream:
        while True:
            chunk = stream.read(_CHUNK)
            text = ""
            if must_decode or (flags and not on_bytes):
                # Error positions count from the bytes the decoder still holds from the last chunk,
                # and the UTF-8-SIG decoder drops the BOM before it decodes.
                held = len(decoder.getstate()[0])
                dropped = 3 if offset == 0 and encoding == "utf-8-sig" else 0
                try:
                    text = decoder.decode(chunk, final=not chunk)
                except UnicodeDecodeError as error:
                    return max(0, offset - held + dropped + error.start)
            if flags and on_bytes:
                line_length = _flag_bytes(scan, chunk, previous_bytes, line_length)
                previous_bytes = chunk[-1:] or previous_bytes
            elif flags:
                _flag_text(scan, text, previous_text)
                previous_text = text[-1:] or previous_text
            if not chunk:
                return None
            offset += len(chunk)


# A valid UTF-8 multi-byte character. Windows-1252 text practically never holds one (it would need
# a capital accented letter directly followed by a symbol such as "Ã©"), so a file whose non-ASCII
# bytes are mostly such characters is UTF-8 with a few damaged bytes, not Windows-1252.
# Counted without a regular expression, which costs 25 ms a megabyte to scan: each byte is mapped to
# its role (A, B, D: first byte of a two-, three-, four-byte character; C: continuation byte; x: any
# other non-ASCII byte; ".": ASCII) and the patterns "AC", "BCC", "DCCC" are counted, which finds
# exactly what the leftmost, non-overlapping matches of
# [\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3} find.
_UTF8_ROLES = bytes(
    ord(".")
    if byte < 0x80
    else ord("C")
    if byte < 0xC0
    else ord("A")
    if 0xC2 <= byte < 0xE0
    else ord("B")
    if 0xE0 <= byte < 0xF0
    else ord("D")
    if 0xF0 <= byte < 0xF5
    else ord("x")
    for byte in range(256)
)


def _high_and_utf8_bytes(chunk: bytes) -> tuple[int, int]:
    """Non-ASCII bytes of ``chunk``, and those of them that form valid-looking UTF-8 multi-byte
    characters. One translation serves both; the multi-byte searches, which cost more than the
    single-byte counts, run only when the chunk has continuation bytes at all (Western
    Windows-1252 text mostly has none)."""
    roles = chunk.translate(_UTF8_ROLES)
    high = len(roles) - roles.count(b".")
    if not high or b"C" not in roles:
        return high, 0
    return high, 2 * roles.count(b"AC") + 3 * roles.count(b"BCC") + 4 * roles.count(b"DCCC")


_HIGH_BYTES = bytes(range(0x80, 0x100))
_HIGH_BYTE = re.compile(b"[\x80-\xff]")
# A Shift-JIS character from its first plane (0x81-0x9F: punctuation, kana, the common kanji) with a
# second byte above ASCII: every hiragana, many katakana and kanji. In Windows-1252 that is a
# typographic sign (’ “ … €) directly followed by another non-ASCII character, which Western text
# hardly ever has; accented letters (0xC0-0xFF) alone never form it. The one Western case, an
# apostrophe before an accented capital inside a word (French "l’Éthiopie", "d’Écosse"), sits between
# two Latin letters, where a Japanese character hardly ever does, so such a pair is not counted.
_HIGH_PAIR = re.compile(b"(?<![A-Za-z])[\x81-\x9f][\x80-\xff]|[\x81-\x9f][\x80-\xff](?![A-Za-z])")
_FIRST_PLANE_BYTES = bytes(range(0x81, 0xA0))
_SHIFT_JIS_SAMPLE = 8 * _CHUNK
_SHIFT_JIS_MIN_PAIRS = 3


@dataclass(frozen=True)
class _SingleByteFacts:
    """What tells a Windows-1252 file from other text that also decodes as Windows-1252."""

    high_bytes: int
    utf8_bytes: int
    first_high: tuple[int, int] | None  # (line, byte offset) of the first non-ASCII byte
    first_bad_utf8: tuple[int, int] | None


def _single_byte_facts(path: Path) -> _SingleByteFacts:
    high = utf8 = 0
    first_high: tuple[int, int] | None = None
    first_bad: tuple[int, int] | None = None
    line, base = 1, 0
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            if chunk.isascii():
                line += chunk.count(b"\n")
                base += len(chunk)
                continue
            in_chunk, utf8_in_chunk = _high_and_utf8_bytes(chunk)
            if in_chunk:
                high += in_chunk
                utf8 += utf8_in_chunk
                if first_high is None and (found := _HIGH_BYTE.search(chunk)) is not None:
                    first_high = (line + chunk.count(b"\n", 0, found.start()), base + found.start())
                if first_bad is None:
                    held = len(decoder.getstate()[0])
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as error:
                        offset = max(0, error.start - held)
                        first_bad = (line + chunk.count(b"\n", 0, offset), base + offset)
            line += chunk.count(b"\n")
            base += len(chunk)
    return _SingleByteFacts(high, utf8, first_high, first_bad)


def _looks_like_shift_jis(path: Path) -> bool:
    """Japanese text from Excel (Shift-JIS / Windows-31J): it decodes as such, and at least a quarter
    of its non-ASCII bytes (and at least three pairs) are characters of the first plane
    (:data:`_HIGH_PAIR`). Windows-1252 text decodes as Shift-JIS only by chance (every accented
    letter followed by a letter, none at a word's end; French "Société Générale" does), and then
    still has hardly any of those pairs."""
    with path.open("rb") as stream:
        data = stream.read(_SHIFT_JIS_SAMPLE)
        if stream.read(1):  # judge whole lines only: a cut could split a two-byte character
            data = data[: data.rfind(b"\n") + 1] or data
    # Each pair starts with a byte of the first plane: counting those is ten times faster than the
    # search, and most Western files have none.
    if len(data) - len(data.translate(None, _FIRST_PLANE_BYTES)) < _SHIFT_JIS_MIN_PAIRS:
        return False
    # Japanese text is mostly such pairs; in Western text they are a rare "l’É" among many accents.
    pairs = len(_HIGH_PAIR.findall(data))
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if pairs < _SHIFT_JIS_MIN_PAIRS or 2 * pairs * 4 < high:
        return False
    for encoding in ("shift_jis", "cp932"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _check_single_byte(path: Path, file: str, label: str) -> _SingleByteFacts:
    """Refuse text that decodes as Windows-1252 or ISO-8859-1 only because those decode (almost)
    anything: UTF-8 with damaged bytes and Japanese Shift-JIS would turn into nonsense names."""
    facts = _single_byte_facts(path)
    if facts.high_bytes and facts.utf8_bytes * 2 >= facts.high_bytes and facts.first_bad_utf8 is not None:
        line, offset = facts.first_bad_utf8
        raise InputError(
            [
                InputProblem(
                    file,
                    line,
                    None,
                    f"the file is UTF-8 with damaged bytes (the first at byte {offset}); read as {label} "
                    "its accented letters would come out wrong, so it is not read",
                    "save the file again as CSV UTF-8, or correct the line named",
                )
            ]
        )
    if facts.high_bytes and _looks_like_shift_jis(path):
        raise InputError(
            [
                InputProblem(
                    file,
                    facts.first_high[0] if facts.first_high else None,
                    None,
                    f"the file looks like Japanese text in Shift-JIS, not {label}; read as {label} its "
                    "names would come out as nonsense, so it is not read",
                    "save the file as CSV UTF-8 (Excel: 'CSV UTF-8 (comma delimited)')",
                )
            ]
        )
    return facts


def _line_of(path: Path, offset: int) -> int:
    with path.open("rb") as stream:
        return stream.read(offset).count(b"\n") + 1


def _guessed(file: str, line: int) -> InputProblem:
    """A file without a byte-order mark that is not UTF-8 has no way of saying its encoding: say
    which one was assumed, so a wrong guess is noticed before names go into a register."""
    return InputProblem(
        file,
        line,
        None,
        "the file is not UTF-8; its encoding was guessed as Windows-1252 (what Excel writes on a "
        "Dutch or German Windows): check that accented letters, first on this line, look right",
        "save the file as CSV UTF-8 to be sure",
        "warning",
        "encoding.guessed_cp1252",
    )


def scan_text(path: Path, head: bytes, file: str) -> TextScan:
    """Detect the encoding (BOM, strict UTF-8, BOM-less UTF-16, cp1252, latin-1) over the whole file."""
    if head.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", "UTF-8 with BOM")]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", "UTF-16")]
    elif (utf16 := _utf16_without_bom(head[:4096])) is not None:
        candidates = [(utf16, f"UTF-16 without BOM ({utf16[-2:].upper()})")]
    elif _looks_binary(head):
        raise _problem(file, "this is a binary file (it contains NUL bytes), not a text table")
    else:
        candidates = [("utf-8", "UTF-8"), ("cp1252", "Windows-1252")]
    for encoding, label in candidates:
        facts = _check_single_byte(path, file, label) if encoding == "cp1252" else None
        if encoding == "cp1252" and (undefined := _first_offset(path, _CP1252_UNDEFINED)) is not None:
            # Windows-1252 cannot hold these bytes; ISO-8859-1 maps every byte, so the file still
            # reads, but the characters there are probably wrong: say where.
            scan = TextScan("latin-1", "ISO-8859-1 (Latin-1)")
            scan.warnings.append(
                InputProblem(
                    file,
                    undefined[0],
                    None,
                    f"the file is neither UTF-8 nor Windows-1252 (byte {undefined[1]} is "
                    f"undefined in Windows-1252); it was read as ISO-8859-1, so some letters may be wrong",
                    "save the file as CSV UTF-8",
                    "warning",
                )
            )
            return scan
        scan = TextScan(encoding, label)
        bad = _decode_all(path, encoding, scan, validate=True, flags=False)
        if bad is None:
            if facts is not None and facts.first_high is not None:
                scan.warnings.append(_guessed(file, facts.first_high[0]))
            return scan
        if len(candidates) == 1:
            raise InputError(
                [
                    InputProblem(
                        file,
                        _line_of(path, bad),
                        None,
                        f"the file is not valid {label} (undecodable bytes at byte {bad}; "
                        "the file may be truncated or damaged)",
                        "save the file again as CSV UTF-8",
                    )
                ]
            )
    raise AssertionError("cp1252 always decodes once undefined bytes are excluded")  # pragma: no cover
