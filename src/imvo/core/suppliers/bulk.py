"""Reading a clean CSV supplier list with DuckDB's CSV reader instead of row by row in Python.

DuckDB parses a million rows in a fraction of a second, but it cannot say on which physical line a
problem sits, nor which of several problems a row has. So this reader only *accepts* files that the
row-by-row reader (:mod:`imvo.core.suppliers.reader`) would read without a single problem or
warning, and produces exactly the records it would produce: the same cells, stripped the same way,
the same amounts, the same ``input_row`` numbers and the same count of skipped empty rows. For
anything else (a ragged row, a missing closing quote, a row without a supplier, a cell a
spreadsheet would run as a formula, a control character, an over-long cell, an amount it cannot
read, an encoding DuckDB does not decode exactly) :func:`load_clean_rows` returns ``None`` and the
caller reads the file row by row, which gives the row-level messages. A test runs both readers over
generated files and requires identical registers.
"""

from __future__ import annotations

import mmap
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb

from imvo.core.sql import code_point_in
from imvo.core.suppliers.amounts import parse_amount
from imvo.core.suppliers.reader import FORMULA_PREFIXES, SupplierFile
from imvo.core.tabular.encoding import CONTROL_CHARACTERS
from imvo.core.tabular.limits import too_many_rows
from imvo.core.tabular.problems import MAX_CELL_CHARS

#: The view both readers create: the records in file order, with the fields the risk scan uses,
#: stripped, and the spend parsed; :data:`CELLS_TABLE` holds them.
RECORDS_TABLE = "supplier_records"
CELLS_TABLE = "supplier_cells"
RECORD_COLUMNS = (
    "input_row BIGINT, supplier VARCHAR, country_given VARCHAR, product VARCHAR, "
    "hs_code_given VARCHAR, spend DOUBLE, tier VARCHAR, supplier_id VARCHAR"
)
_TEXT_FIELDS = ("supplier", "country", "product", "hs_code", "spend", "tier")
_CHECKED_FIELDS = ("supplier", "country", "product", "hs_code", "spend", "tier", "supplier_id", "city")
_CHUNK = 1 << 20

#: The characters Python's ``str.strip()`` removes (those for which ``str.isspace()`` is true): the
#: row-by-row reader strips with it. Spelled out, because finding them takes 50 ms at every start;
#: a test derives them again.
PYTHON_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# DuckDB's ISO-8859-1 decoder refuses bytes 0x80-0x9F, which is where Windows-1252 keeps € ’ …:
# a single-byte file holding any is converted to UTF-8 first.
_C1_BYTES = bytes(range(0x80, 0xA0))
_CONTROL_BYTES = bytes(c for c in range(0x80) if CONTROL_CHARACTERS.match(chr(c)))
_DUCKDB_ENCODINGS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "cp1252": "latin-1", "latin-1": "latin-1"}

# The spellings of :data:`imvo.core.suppliers.amounts.PLAIN_AMOUNT`, one pattern per branch in the
# same order, so that the first that matches decides as Python's alternation does; a test checks
# that this gives exactly parse_amount's value for every plain amount.
_SIGN = "[-+]?"
_GROUPED_DOT = _SIGN + r"[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,5}(?:,[0-9]{1,15})?"
_GROUPED_COMMA = _SIGN + r"[1-9][0-9]{0,2}(?:,[0-9]{3}){1,5}(?:\.[0-9]{1,15})?"
_UNGROUPED = _SIGN + r"[0-9]{1,18}(?:[.,][0-9]{1,15})?"


def plain_amount_sql(cell: str) -> str:
    """SQL for the value of ``cell`` when it is a plain amount, else NULL."""
    return (
        f"CASE WHEN regexp_full_match({cell}, '{_GROUPED_DOT}') "
        f"THEN CAST(replace(replace({cell}, '.', ''), ',', '.') AS DOUBLE) "
        f"WHEN regexp_full_match({cell}, '{_GROUPED_COMMA}') THEN CAST(replace({cell}, ',', '') AS DOUBLE) "
        f"WHEN regexp_full_match({cell}, '{_UNGROUPED}') THEN CAST(replace({cell}, ',', '.') AS DOUBLE) END"
    )


@dataclass(frozen=True)
class BulkRows:
    rows: int
    skipped_empty_rows: int


@dataclass(frozen=True)
class _FileFacts:
    """What one pass over the raw bytes tells: line count, the bytes DuckDB would get wrong, and
    which of the row-by-row reader's cell checks can find anything in this file at all."""

    lines: int
    newline: str  # "\n", or "\r" for old Mac files
    has_controls: bool
    has_c1: bool
    lone_cr: bool = False  # a "\r" not followed by "\n" in a "\n" file
    #: A quote: a cell may hold a line break (and rows may be merged by a stray quote).
    has_quotes: bool = True
    #: Whitespace next to a cell boundary, or any non-ASCII whitespace: a cell may need stripping.
    edge_space: bool = True

    def cell_checks(self) -> CellChecks:
        return CellChecks(strip=self.edge_space, spans_lines=self.has_quotes)


@dataclass(frozen=True)
class CellChecks:
    """The per-cell checks the SQL of :func:`cells_query` must make; one left out is one the bytes
    proved can find nothing (all on by default). The formula check stays: in SQL it costs almost
    nothing, on the bytes more than it saves."""

    strip: bool = True
    spans_lines: bool = True


def _count(path: Path, byte: bytes) -> int:
    with path.open("rb") as stream:
        return sum(chunk.count(byte) for chunk in iter(lambda: stream.read(_CHUNK), b""))


# Python's whitespace among ASCII bytes; the rest (NBSP, the Unicode spaces) are found by their
# encoded bytes anywhere in the file, which is rare enough to need no precision.
_ASCII_WHITESPACE = bytes(c for c in range(0x80) if chr(c).isspace())
_WIDE_WHITESPACE = {
    "single-byte": (b"\x85", b"\xa0"),
    "utf-8": (b"\xc2\x85", b"\xc2\xa0", b"\xe1\x9a\x80", b"\xe2\x80", b"\xe2\x81\x9f", b"\xe3\x80\x80"),
}


def _byte_classes(delimiter: str, unwanted: bytes) -> bytes:
    """A translation that marks what the facts are about: ``unwanted`` bytes become NUL, every cell
    boundary (line break, quote, the delimiter) "\n", and any other ASCII whitespace " ", so that
    whitespace at a cell's edge is "\n " or " \n"."""
    boundaries = b'\r\n"' + delimiter.encode("ascii")
    spaces = bytes(c for c in _ASCII_WHITESPACE if c not in boundaries and c not in unwanted)
    return bytes.maketrans(
        unwanted + boundaries + spaces, b"\0" * len(unwanted) + b"\n" * len(boundaries) + b" " * len(spaces)
    )


def _file_facts(path: Path, encoding: str, delimiter: str) -> _FileFacts:
    lf = 0
    has_controls = has_c1 = has_quotes = edge_space = False
    check_c1 = encoding in ("cp1252", "latin-1")
    wide_spaces = _WIDE_WHITESPACE["single-byte" if check_c1 else "utf-8"]
    # One translation finds both kinds of unwanted byte (only a chunk holding some is looked at
    # again) and the cell edges.
    unwanted = _CONTROL_BYTES + _C1_BYTES if check_c1 else _CONTROL_BYTES
    classes = _byte_classes(delimiter, unwanted)
    last = tail = b""
    marked_last = b"\n"  # the file starts at a cell's edge
    cr = crlf = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            lf += chunk.count(b"\n")
            if chunk_cr := chunk.count(b"\r"):  # the two-byte search costs twice a one-byte count
                cr += chunk_cr
                crlf += chunk.count(b"\r\n")
            crlf += last == b"\r" and chunk[:1] == b"\n"
            marked = chunk.translate(classes)
            if b"\0" in marked:
                has_controls = has_controls or len(chunk.translate(None, _CONTROL_BYTES)) != len(chunk)
                has_c1 = has_c1 or (check_c1 and len(chunk.translate(None, _C1_BYTES)) != len(chunk))
            has_quotes = has_quotes or b'"' in chunk
            if not edge_space:
                edge_space = (
                    b"\n " in marked
                    or b" \n" in marked
                    or marked_last + marked[:1] in (b"\n ", b" \n")
                    or any(w in chunk for w in wide_spaces)
                    # A wide space's bytes may be split between two chunks.
                    or any(w in tail + chunk[:3] for w in wide_spaces)
                )
            marked_last, last, tail = marked[-1:], chunk[-1:], chunk[-3:]
    # A last cell without a line break after it ends at the end of the file.
    edge_space = edge_space or marked_last == b" "
    # Old Mac files end lines with a bare carriage return.
    newline, breaks = ("\n", lf) if lf else ("\r", _count(path, b"\r"))
    # A last line without a line break still is a line.
    lines = breaks + (1 if last and last != newline.encode() else 0)
    return _FileFacts(
        lines,
        newline,
        has_controls,
        has_c1,
        lone_cr=newline == "\n" and cr > crlf,
        has_quotes=has_quotes,
        edge_space=edge_space,
    )


_LINE = re.compile(rb"([^\r\n]*)(\r\n|\n|\r)")


def _data_start(path: Path, header_end: int) -> int | None:
    """The byte offset after the header row (which the caller knows to be one physical line), or
    None unless the lines above it hold no quote and all lines up to it end alike. DuckDB's
    ``skip`` counts rows, quotes respected: with no quote above the header, those rows are the
    physical lines the row-by-row reader counts. (DuckDB's ``new_line`` option is not used: set
    explicitly, DuckDB 2.0 returns no rows at all for some files instead of failing.)"""
    with path.open("rb") as stream:
        head = stream.read(MAX_CELL_CHARS)
    breaks = set()
    position = 0
    for number in range(1, header_end + 1):
        line = _LINE.match(head, position)
        if line is None or (number < header_end and b'"' in line.group(1)):
            return None
        breaks.add(line.group(2))
        position = line.end()
    return position if len(breaks) == 1 else None


def _blank_lines(path: Path, start: int, newline: str) -> int:
    """Empty lines from byte ``start`` on: line breaks that directly follow one (including the
    header's, which ends just before ``start``)."""
    pattern = re.compile(rb"\n(?=\r?\n)" if newline == "\n" else rb"\r(?=\r)")
    with path.open("rb") as stream, mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return sum(1 for _ in pattern.finditer(data, max(start - 1, 0)))


def load_clean_rows(
    supplier_file: SupplierFile, connection: duckdb.DuckDBPyConnection, workdir: Path
) -> BulkRows | None:
    """Load the records of a clean CSV into :data:`RECORDS_TABLE`; ``None`` (and no table) when the
    file has anything the row-by-row reader would report or read differently. ``workdir`` holds a
    UTF-8 copy of the file when DuckDB cannot decode it as it is."""
    encoding = supplier_file.encoding
    if (
        supplier_file.format != "csv"
        or encoding not in _DUCKDB_ENCODINGS
        or supplier_file.delimiter is None
        or supplier_file.header_end != supplier_file.header_line
        or (data_start := _data_start(supplier_file.path, supplier_file.header_end)) is None
    ):
        return None
    facts = _file_facts(supplier_file.path, encoding, supplier_file.delimiter)
    # A carriage return that ends no line is a line break to the row-by-row reader (an empty row
    # where it starts a line, a split cell elsewhere) and none to DuckDB: that reader decides.
    if facts.has_controls or facts.lone_cr:
        return None
    source, duck_encoding = supplier_file.path, _DUCKDB_ENCODINGS[encoding]
    if facts.has_c1:
        source, duck_encoding = _to_utf8(supplier_file.path, encoding, workdir), "utf-8"
    try:
        return _load(supplier_file, connection, facts, source, duck_encoding, data_start)
    except (duckdb.InvalidInputException, duckdb.ConversionException, _NotClean):
        # Ragged rows, stray quotes, mixed line breaks, or a problem found in the cells: the
        # row-by-row reader says where.
        connection.execute(f"DROP VIEW IF EXISTS {RECORDS_TABLE}; DROP TABLE IF EXISTS {CELLS_TABLE}")
        return None
    finally:
        if source != supplier_file.path:
            source.unlink(missing_ok=True)


class _NotClean(Exception):
    pass


def _to_utf8(path: Path, encoding: str | None, workdir: Path) -> Path:
    """A UTF-8 copy of a single-byte encoded file (the line structure is unchanged)."""
    copy = workdir / "supplier-list.utf8.csv"
    with path.open("rb") as source, copy.open("wb") as target:
        while chunk := source.read(_CHUNK):
            target.write(chunk.decode(encoding or "latin-1").encode("utf-8"))
    return copy


def _strip_sql(cell: str, first: str | None = None, last: str | None = None) -> str:
    """SQL: ``cell`` stripped as Python's ``str.strip()`` does; ``first`` and ``last`` are the code
    points of its first and last character when the query has them at hand."""
    first = first or f"unicode({cell})"
    last = last or f"unicode(right({cell}, 1))"
    # trim() with a character list is ten times slower than plain trim(), so it only runs on the
    # few cells that start or end with whitespace at all.
    return (
        f"CASE WHEN {code_point_in(first, PYTHON_WHITESPACE)} OR {code_point_in(last, PYTHON_WHITESPACE)} "
        f"THEN trim({cell}, $whitespace) ELSE {cell} END"
    )


def _strip_line_breaks_sql(cell: str) -> str:
    """SQL: ``cell`` stripped as Python's ``str.strip()`` does when it holds a line break, else as it is."""
    breaks = f"contains({cell}, chr(13)) OR contains({cell}, chr(10))"
    return f"CASE WHEN {breaks} THEN trim({cell}, $whitespace) ELSE {cell} END"


def cells_query(
    fields: int, width: int, indexes: Mapping[str, int], newline: str, checks: CellChecks | None = None
) -> str:
    """The SELECT that reads a supplier file with ``fields`` columns (``width`` of them named in the
    header; ``indexes`` maps field names to columns) into the records with the checks of the
    row-by-row reader as flags. A pure projection of ``read_csv``, so rows keep their file order
    (``tests/core/test_bulk_reader.py`` checks the plan). ``checks`` leaves out what the file's
    bytes proved can find nothing (:class:`CellChecks`). Parameters: $path, $delimiter, $skip,
    $encoding, and $whitespace when cells are stripped or may span lines."""
    checks = checks or CellChecks()
    # Raw cells of the fields, as the row-by-row reader sees them before stripping.
    used = [indexes[field] for field in _CHECKED_FIELDS if field in indexes]

    def stripped(i: int) -> str:
        if checks.strip:
            return _strip_sql(f"c{i}", f"f{i}", f"l{i}")
        # A quoted cell may hold a line break, which the bytes cannot tell from a cell boundary: it may
        # stand at the cell's edge ("cacao\r"), where the row-by-row reader strips it.
        return _strip_line_breaks_sql(f"c{i}") if checks.spans_lines else f"c{i}"

    def text(field: str) -> str:
        return stripped(indexes[field]) if field in indexes else "''"

    supplier = indexes["supplier"]
    # Cheap tests first; the exact ones run only on the few rows these let through.
    whole = "concat(" + ", ".join(f"c{i}" for i in range(fields)) + ")"
    blank = (
        f"CASE WHEN c{supplier} <> '' AND NOT {code_point_in(f'f{supplier}', PYTHON_WHITESPACE)} "
        f"THEN false ELSE {_strip_sql(whole)} = '' END"
        # Without whitespace at any cell's edge, no cell is whitespace only.
        if checks.strip
        else f"{_strip_line_breaks_sql(whole)} = ''"
        if checks.spans_lines
        else f"{whole} = ''"
    )
    formula_start = " OR ".join(code_point_in(f"f{i}", "".join(FORMULA_PREFIXES)) for i in used)
    formula = " OR ".join(
        f"{code_point_in(f'f{i}', '=@' + chr(9) + chr(13))} "
        f"OR ({code_point_in(f'f{i}', '+-')} AND {plain_amount_sql(f'c{i}')} IS NULL)"
        for i in used
    )
    too_long = " OR ".join(f"length(c{i}) > {MAX_CELL_CHARS}" for i in used)
    extra = " OR ".join(f"{stripped(i)} <> ''" for i in range(width, fields)) or "false"
    line_break = "chr(10)" if newline == "\n" else "chr(13)"
    breaks = " + ".join(
        f"CASE WHEN contains(c{i}, {line_break}) "
        f"THEN length(c{i}) - length(replace(c{i}, {line_break}, '')) ELSE 0 END"
        for i in range(fields)
    )
    # A cell spanning lines with a whole row's worth of delimiters: rows merged by a stray quote
    # (the row-by-row reader's _check_merged). Only rows spanning lines are looked at: those with a
    # line break in a cell (a file with a carriage return of its own is not read here at all).
    needed = max(width - 1, 1)
    merged_cells = " OR ".join(
        f"((contains(c{i}, chr(10)) OR contains(c{i}, chr(13))) "
        f"AND length(c{i}) - length(replace(c{i}, $delimiter, '')) >= {needed})"
        for i in range(fields)
    )
    # Without a quote in the file no cell holds a line break.
    merged = f"CASE WHEN breaks > 0 THEN ({merged_cells}) ELSE false END" if checks.spans_lines else "false"
    spend = text("spend")
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(fields))
    # Each cell's first and last code point are computed once, in the middle projection.
    ends = ", ".join(
        f"c{i}, unicode(c{i}) AS f{i}" + (f", unicode(right(c{i}, 1)) AS l{i}" if checks.strip else "")
        for i in range(fields)
    )
    return f"""
        SELECT {text("supplier")} AS supplier, {text("country")} AS country_given,
               {text("product")} AS product, {text("hs_code")} AS hs_code_given, {spend} AS spend_text,
               {plain_amount_sql(spend)} AS spend, {text("tier")} AS tier,
               {text("supplier_id")} AS supplier_id, {blank} AS blank,
               CASE WHEN {formula_start} THEN ({formula}) ELSE false END AS formula,
               CASE WHEN greatest({", ".join(f"strlen(c{i})" for i in used)}) > {MAX_CELL_CHARS}
                    THEN ({too_long}) ELSE false END AS too_long,
               {extra} AS extra, {breaks if checks.spans_lines else "0"} AS breaks, {merged} AS merged
        FROM (
            SELECT {ends}
            FROM (
                SELECT {", ".join(f"coalesce(c{i}, '') AS c{i}" for i in range(fields))}
                FROM read_csv($path, delim = $delimiter, quote = '"', escape = '"', header = false,
                              skip = $skip, encoding = $encoding, strict_mode = true, auto_detect = false,
                              null_padding = false, columns = {{{columns}}})
            )
        )
        """  # noqa: S608 - column names are generated here, values are parameters


def _load(
    supplier_file: SupplierFile,
    connection: duckdb.DuckDBPyConnection,
    facts: _FileFacts,
    source: Path,
    encoding: str,
    data_start: int,
) -> BulkRows:
    params: dict[str, object] = {
        "path": str(source),
        "delimiter": supplier_file.delimiter or ",",
        "encoding": encoding,
        "skip": supplier_file.header_end,
    }
    checks = facts.cell_checks()
    if checks.strip or checks.spans_lines:
        params["whitespace"] = PYTHON_WHITESPACE
    query = cells_query(
        supplier_file.header_fields,
        len(supplier_file.headers),
        supplier_file.column_indexes,
        facts.newline,
        checks,
    )
    connection.execute(f"CREATE TABLE {CELLS_TABLE} AS {query}", params)
    counts = connection.execute(
        f"""
        SELECT count(*), count(*) FILTER (blank), count(*) FILTER (NOT blank AND supplier = ''),
               count(*) FILTER (formula OR too_long OR merged OR (extra AND NOT blank)),
               coalesce(sum(breaks), 0),
               count(*) FILTER (NOT blank AND spend IS NULL AND spend_text <> '')
        FROM {CELLS_TABLE}
        """  # noqa: S608
    ).fetchone()
    assert counts is not None  # an aggregate always returns a row
    records, blanks, unnamed, unusual, breaks_total, irregular = counts
    # Every line after the header is part of a record or empty. DuckDB skips empty lines without
    # a word, so their number must match the empty lines in the bytes: had DuckDB lost a record,
    # its lines would show up here as empty ones that the bytes do not have.
    blank_lines = facts.lines - supplier_file.header_end - records - breaks_total
    # The row-by-row reader counts every row after the header against the cap, empty ones too.
    max_rows = supplier_file.limits.max_rows
    if max_rows is not None and records + max(blank_lines, 0) > max_rows:
        raise too_many_rows(supplier_file.path.name, supplier_file.limits, None)
    # No rows at all is a problem the row-by-row reader reports.
    if unnamed or unusual or blank_lines < 0 or records == blanks:
        raise _NotClean
    if blank_lines and blank_lines != _blank_lines(supplier_file.path, data_start, facts.newline):
        raise _NotClean
    if irregular:
        _parse_irregular_amounts(connection)
    numbering = "rowid + 1" if not blanks else "row_number() OVER (ORDER BY rowid)"
    connection.execute(
        f"""
        CREATE VIEW {RECORDS_TABLE} AS
        SELECT {numbering} AS input_row, supplier, country_given, product, hs_code_given, spend, tier,
               supplier_id
        FROM {CELLS_TABLE} {"WHERE NOT blank" if blanks else ""}
        """  # noqa: S608
    )
    return BulkRows(rows=records - blanks, skipped_empty_rows=blanks + blank_lines)


def _parse_irregular_amounts(connection: duckdb.DuckDBPyConnection) -> None:
    """Amounts beyond the plain spellings ("€ 1.234", "(100)", "1 234,5") are parsed by
    :func:`parse_amount`, once per distinct text; one that is no amount at all makes the file
    unclean (the row-by-row reader reports it)."""
    texts = [
        text
        for (text,) in connection.execute(
            f"SELECT DISTINCT spend_text FROM {CELLS_TABLE} "  # noqa: S608
            "WHERE NOT blank AND spend IS NULL AND spend_text <> ''"
        ).fetchall()
    ]
    values = [parse_amount(text) for text in texts]
    if None in values:
        raise _NotClean
    connection.execute(
        f"""
        UPDATE {CELLS_TABLE} SET spend = a.amount
        FROM (SELECT unnest($texts::VARCHAR[]) AS text, unnest($values::DOUBLE[]) AS amount) a
        WHERE {CELLS_TABLE}.spend IS NULL AND {CELLS_TABLE}.spend_text = a.text
        """,  # noqa: S608
        {"texts": texts, "values": values},
    )


def distinct_products(supplier_file: SupplierFile, limit: int) -> list[tuple[str, str]]:
    """Up to ``limit`` distinct (product, HS code) cells of a CSV, stripped, as a quick DuckDB read
    finds them without any check; empty when that read fails. Only a hint, never records: the scan
    matches these while the checked read runs (:func:`imvo.core.scan.scan_file`)."""
    encoding = _DUCKDB_ENCODINGS.get(supplier_file.encoding or "")
    indexes = supplier_file.column_indexes
    if supplier_file.format != "csv" or encoding is None or "product" not in indexes:
        return []
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(supplier_file.header_fields))
    code = f"c{indexes['hs_code']}" if "hs_code" in indexes else "''"
    try:
        # One thread and a small memory cap: this runs beside the checked read, which needs both
        # more; a file too varied for the cap just gets no hint.
        with duckdb.connect(config={"threads": 1, "memory_limit": "256MB"}) as connection:
            found = connection.execute(
                f"""
                SELECT DISTINCT c{indexes["product"]}, {code}
                FROM read_csv($path, delim = $delimiter, quote = '"', escape = '"', header = false,
                              skip = $skip, encoding = $encoding, auto_detect = false, strict_mode = false,
                              null_padding = true, ignore_errors = true, columns = {{{columns}}})
                LIMIT $limit
                """,  # noqa: S608 - column names are generated here, values are parameters
                {
                    "path": str(supplier_file.path),
                    "delimiter": supplier_file.delimiter or ",",
                    "skip": supplier_file.header_end,
                    "encoding": encoding,
                    "limit": limit,
                },
            ).fetchall()
    except duckdb.Error:
        return []
    stripped = (((product or "").strip(), (hs_code or "").strip()) for product, hs_code in found)
    return list(dict.fromkeys(stripped))
