"""The DuckDB reader for clean CSVs agrees with the row-by-row reader, or steps aside for it.

Files are built byte by byte, with the things real exports contain: ';' or ',' or tabs, CRLF, LF or
CR line ends, blank lines, titles and ``sep=`` above the header, trailing empty columns, quoted
cells with delimiters, quotes and line breaks, non-breaking spaces, Windows-1252 punctuation
(€ ’ … in 0x80-0x9F, where it differs from ISO-8859-1), amounts in many spellings, and the
problems the bulk reader must not swallow (ragged rows, stray quotes, formula cells, control
characters, rows without a supplier). For every file both readers must give the same register,
the same counts and warnings, or the same problems.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from imvo.core.scan import Resolver, scan_file
from imvo.core.suppliers import InputError, open_supplier_file, parse_amount
from imvo.core.suppliers.amounts import PLAIN_AMOUNT
from imvo.core.suppliers.bulk import (
    PYTHON_WHITESPACE,
    RECORDS_TABLE,
    CellChecks,
    _file_facts,
    cells_query,
    load_clean_rows,
    plain_amount_sql,
)

RESOLVER = Resolver()
HEADER = ["Leverancier", "Land", "Artikel", "GN-code", "Inkoopwaarde", "Schakel"]

_WORDS = [
    "cacao",
    "Kakaobohnen",
    "koffie",
    "polysilicon",
    "palmolie geraffineerd",
    "goud",
    "xyzzy",
    "Ghana",
    "Ivoorkust",
    "China",
    "Indonesië",
    "Atlantis",
    "CI",
    "1801 00 00",
    "0901",
    "ex 7108",
    "B.V.",
    "Müller GmbH",
    "Café",
    "€ 12.500",
    "12.500,50",
    "1,234.56",
    "-100",
    "100-",
    "(1.000)",
    "1 234,5",
    "12,5",
    "+5",
    "abc",
    "1",
    "2",
]
# Characters with something to test: cp1252's 0x80-0x9F letters, spaces Python strips but plain
# trim does not, quotes, delimiters and line breaks inside cells, formula starts.
_TRICKY = ["€", "’", "…", "–", "“", "\u00a0", " ", "\t", '"', ";", ",", "|", "\n", "\r\n", "\r"]
_TRICKY += ["=", "@", "-", "'"]
_CELL = st.one_of(
    st.sampled_from(_WORDS),
    st.lists(st.sampled_from(_WORDS + _TRICKY), max_size=4).map("".join),
    st.just(""),
)


def _quote(cell: str, delimiter: str) -> str:
    if any(c in cell for c in (delimiter, '"', "\n", "\r")) or cell != cell.strip(" "):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@st.composite
def supplier_files(draw: st.DrawFn) -> tuple[bytes, str]:
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    extra_header_cells = draw(st.integers(0, 2))
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(f"sep={delimiter}")
    if draw(st.integers(0, 4)) == 0:
        lines += ["Leveranciers 2024", ""]
    header = HEADER + [""] * extra_header_cells
    if draw(st.booleans()):  # exports that quote every cell quote the header too
        header = [f'"{cell}"' for cell in header]
    lines.append(delimiter.join(header))
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 19))
        if kind == 0:
            lines.append("")  # a blank line
        elif kind == 1:
            lines.append(delimiter * (len(HEADER) - 1))  # a row of empty cells
        else:
            cells = [draw(_CELL) for _ in HEADER]
            if kind > 3:
                cells[0] = cells[0] or "Leverancier BV"  # mostly named suppliers
            raw = draw(st.integers(0, 9)) == 0  # now and then unquoted: stray quotes, broken rows
            text = [cell if raw else _quote(cell, delimiter) for cell in cells]
            width = len(HEADER) + draw(st.sampled_from([0, 0, 0, 0, 0, 0, 0, 0, extra_header_cells, -1, 1]))
            text = (text + [""] * width)[:width] if width >= len(HEADER) else text[:width]
            lines.append(delimiter.join(text))
    ending = newline if draw(st.integers(0, 3)) else ""
    body = newline.join(lines) + ending
    return body.encode(encoding, errors="replace"), encoding


def _outcome(path: Path, bulk: bool) -> tuple[object, ...]:
    try:
        result = scan_file(path, resolver=RESOLVER, bulk=bulk)
    except InputError as error:
        return ("problems", [str(problem) for problem in error.problems])
    with result:
        source = result.source
        return (
            "register",
            result.findings,
            (source.rows, source.skipped_empty_rows, source.encoding, source.delimiter),
            [str(warning) for warning in result.warnings],
            source.reader,
        )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=supplier_files())
# A line break at the edge of a quoted cell, which both readers strip (found by hypothesis).
@example(
    file=(
        b"Leveranciers 2024\r\rLeverancier;Land;Artikel;GN-code;Inkoopwaarde;Schakel\r"
        b'Leverancier BV;;"cacao\r";;;cacao',
        "utf-8",
    )
)
# A carriage return starting a data line: an empty row to the row-by-row reader (found by hypothesis).
@example(
    file=(
        b"Leveranciers 2024\n\nLeverancier;Land;Artikel;GN-code;Inkoopwaarde;Schakel\n\rcacao;cacao;cacao;;;",
        "utf-8",
    )
)
def test_both_readers_give_the_same_register_or_the_same_problems(tmp_path_factory, file):
    content, _ = file
    path = Path(tmp_path_factory.mktemp("bulk")) / "leveranciers.csv"
    path.write_bytes(content)
    bulk, rows = _outcome(path, bulk=True), _outcome(path, bulk=False)
    assert bulk[:-1] == rows[:-1]
    assert rows[-1] == "rows" or rows[0] == "problems"


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "leveranciers.csv"
    path.write_bytes(text.encode(encoding))
    return path


CLEAN = "Leverancier;Land;Artikel;GN-code;Inkoopwaarde\r\nCacao BV;Ivoorkust;cacaobonen;1801;1.234,56\r\n"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (CLEAN, "utf-8"),
        (CLEAN, "cp1252"),
        ("sep=;\r\n" + CLEAN, "utf-8"),
        ("Export 2024\r\n\r\n" + CLEAN, "utf-8"),
        (CLEAN + "\r\n\r\nKoffie BV;Brazilië;koffie;0901;€ 12.500\r\n\r\n", "cp1252"),
        (CLEAN + "Thee\u00a0BV\u00a0;China ; thee ;;\r\n;;;;\r\n", "cp1252"),
        (CLEAN + '"Smith, Jones & Co";Ghana;"cocoa\r\nbeans";;(100)\r\n', "utf-8"),
        (CLEAN.replace(";", ",").replace("1.234,56", '"1,234.56"'), "utf-8-sig"),
        ('"' + CLEAN.replace(";", '";"').replace("\r\n", '"\r\n"').removesuffix('"'), "utf-8"),
        (CLEAN + "Credit BV;Ghana;cocoa;;-1.000,00\r\n", "utf-8"),
        (CLEAN.replace("\r\n", "\r"), "utf-8"),
        (CLEAN.replace("Cacao BV", "Café “Noord” – € …"), "cp1252"),
        (CLEAN + 'Open "quote BV;Ghana;cocoa;;1\r\n', "utf-8"),  # a quote inside a cell is text
        (CLEAN + "\u3000Thee BV;China;thee\u2007;;1", "utf-8"),  # Unicode spaces at cell edges
        (CLEAN + "Thee BV;China;thee;;1 ", "utf-8"),  # a space before the end of the file
    ],
)
def test_clean_files_are_read_by_duckdb_with_the_same_result(tmp_path, text, encoding):
    path = _write(tmp_path, text, encoding)
    bulk, rows = _outcome(path, bulk=True), _outcome(path, bulk=False)
    assert bulk[0] == "register"
    assert bulk[-1] == "bulk"
    assert bulk[:-1] == rows[:-1]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (CLEAN + "Kort BV;Ghana\r\n", "utf-8"),  # ragged row
        (CLEAN + '"Never closed;Ghana;cocoa;;1\r\n', "utf-8"),
        (CLEAN + "=HYPERLINK(1);Ghana;cocoa;;1\r\n", "utf-8"),  # a formula: warned about, by line
        (CLEAN + "Bel BV;Ghana;co\x07coa;;1\r\n", "utf-8"),  # a control character
        (CLEAN + ";Ghana;cocoa;;1\r\n", "utf-8"),  # no supplier
        (CLEAN + "Veel BV;Ghana;cocoa;;twaalf\r\n", "utf-8"),  # not an amount
        (CLEAN + "Lang BV;Ghana;" + "x" * 40_000 + ";;1\r\n", "utf-8"),
        (CLEAN, "utf-16"),
        (CLEAN.replace("\r\nCacao", "\nCacao"), "utf-8"),  # mixed line ends
    ],
)
def test_files_with_anything_to_report_are_read_row_by_row(tmp_path, text, encoding):
    path = _write(tmp_path, text, encoding)
    bulk, rows = _outcome(path, bulk=True), _outcome(path, bulk=False)
    assert bulk == rows
    assert bulk[0] == "problems" or bulk[-1] == "rows"


@pytest.mark.parametrize(
    ("text", "encoding", "checks"),
    [
        (CLEAN, "utf-8", CellChecks(strip=False, spans_lines=False)),
        (CLEAN, "cp1252", CellChecks(strip=False, spans_lines=False)),
        (
            CLEAN + "Thee BV ;China;thee;;1\r\n",
            "utf-8",
            CellChecks(strip=True, spans_lines=False),
        ),
        (CLEAN + "Thee BV;China;thee;;1 ", "utf-8", CellChecks(strip=True, spans_lines=False)),
        (
            CLEAN + "Thee BV;\tChina;thee;;1\r\n",
            "utf-8",
            CellChecks(strip=True, spans_lines=False),
        ),
        (
            CLEAN.replace(";", "\t") + "Thee BV\tChina\tthee\t\t1\r\n",
            "utf-8",
            CellChecks(strip=False, spans_lines=False),
        ),
        (
            CLEAN + "Thee\u00a0BV;China;thee;;1\r\n",
            "cp1252",
            CellChecks(strip=True, spans_lines=False),
        ),
        (
            CLEAN + "Thee BV;China;thee;;\u20091\r\n",
            "utf-8",
            CellChecks(strip=True, spans_lines=False),
        ),
        (
            CLEAN + "Thee BV;China;thee;;-1\r\n",
            "utf-8",
            CellChecks(strip=False, spans_lines=False),
        ),
        (
            CLEAN + 'Thee BV;China;"=1";;1\r\n',
            "utf-8",
            CellChecks(strip=False, spans_lines=True),
        ),
        (
            CLEAN + '"Thee, BV";China;thee;;1\r\n',
            "utf-8",
            CellChecks(strip=False, spans_lines=True),
        ),
    ],
)
def test_the_bytes_tell_which_cell_checks_a_file_needs(tmp_path, text, encoding, checks):
    # A check is left out of the SQL only when no cell of the file can fail it.
    path = _write(tmp_path, text, encoding)
    delimiter = "\t" if "\t" in text.splitlines()[0] else ";"
    assert _file_facts(path, encoding, delimiter).cell_checks() == checks


@pytest.mark.parametrize("edge", [b"; ", b" ;", b";\xe3\x80\x80"])
@pytest.mark.parametrize("shift", [0, 1, 2])
def test_whitespace_at_a_cell_edge_is_found_across_the_bytes_read_at_a_time(tmp_path, edge, shift):
    # The file is looked at a megabyte at a time: an edge split between two reads still counts.
    head = b"Leverancier;Land;Artikel\n"
    row = b"Cacao BV;Ghana;cacaobonen\n"
    body = head + row * ((1 << 20) // len(row))
    body = body[: (1 << 20) - len(edge) + shift]
    body = body[: body.rindex(b"\n") + 1] + b"x" * ((1 << 20) - len(edge) + shift - body.rindex(b"\n") - 1)
    path = tmp_path / "grens.csv"
    path.write_bytes(body + edge + b"Ghana;cacaobonen\n")
    assert _file_facts(path, "utf-8", ";").cell_checks().strip


def test_a_check_left_out_is_left_out_of_the_sql():
    indexes = {"supplier": 1, "country": 2, "product": 3, "hs_code": 4, "spend": 5}
    all_checks = cells_query(6, 6, indexes, "\n")
    none = cells_query(6, 6, indexes, "\n", CellChecks(strip=False, spans_lines=False))
    assert "$whitespace" in all_checks
    assert "$whitespace" not in none
    assert "contains(" in all_checks
    assert "contains(" not in none
    assert "unicode(right(" in all_checks
    assert "unicode(right(" not in none


_PLAIN = st.from_regex(PLAIN_AMOUNT, fullmatch=True)
_ANY = st.text(alphabet="0123456789.,+- €()'e", max_size=24)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.one_of(_PLAIN, _ANY), min_size=1, max_size=20))
def test_sql_amounts_equal_parse_amount_for_every_plain_amount(texts):
    values = duckdb.execute(
        f"SELECT {plain_amount_sql('t')} FROM (SELECT unnest($texts::VARCHAR[]) AS t)", {"texts": texts}
    ).fetchall()
    for text, (value,) in zip(texts, values, strict=True):
        if PLAIN_AMOUNT.fullmatch(text):
            assert value == parse_amount(text), text
        else:
            assert value is None, text


def test_the_sql_amount_patterns_are_the_branches_of_plain_amount():
    # The SQL spells out PLAIN_AMOUNT's three branches; if the Python pattern changes, this fails.
    assert re.sub(r"\?P<\w+>", "", PLAIN_AMOUNT.pattern).count("[1-9][0-9]{0,2}") == 2
    assert "[0-9]{1,18}" in PLAIN_AMOUNT.pattern


def test_the_bulk_read_is_a_pure_projection_so_rows_keep_their_file_order(tmp_path):
    # A join in the plan (DuckDB turns long IN lists into one) lets parallel readers interleave
    # rows; input_row numbers come from the order, so the plan must stay join-free.
    indexes = {"supplier": 1, "country": 2, "product": 3, "hs_code": 4, "spend": 5, "tier": 6, "city": 7}
    query = cells_query(9, 8, indexes, "\n")
    path = _write(tmp_path, "a;b;c;d;e;f;g;h;\n1;2;3;4;5;6;7;8;\n")
    plan = duckdb.execute(
        f"EXPLAIN {query}",
        {"path": str(path), "delimiter": ";", "skip": 1, "encoding": "utf-8", "whitespace": " "},
    ).fetchall()
    text = "\n".join(row[1] for row in plan)
    assert "READ_CSV" in text.upper()
    assert "JOIN" not in text.upper()


def test_a_file_read_in_parallel_keeps_every_row_at_its_number(tmp_path):
    rows = 300_000  # ~20 MB: DuckDB splits the file between threads
    path = tmp_path / "groot.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Leverancier;Land;Artikel;Inkoopwaarde\n")
        handle.writelines(
            f"Leverancier {n:07d} met een langere naam;Ghana;cacaobonen;{n},50\n" for n in range(1, rows + 1)
        )
    connection = duckdb.connect()
    with open_supplier_file(path) as supplier_file:
        loaded = load_clean_rows(supplier_file, connection, tmp_path)
    assert loaded is not None
    assert loaded.rows == rows
    (misplaced,) = connection.execute(
        f"SELECT count(*) FROM {RECORDS_TABLE} "
        "WHERE input_row <> CAST(substr(supplier, 13, 7) AS BIGINT) OR spend <> input_row + 0.5"
    ).fetchone()
    assert misplaced == 0


_AWKWARD_PIECES = [*"ab é€\"',;|", "\r", "\n", "\r\n", "\t", "\u00a0", "\u2028"]
_AWKWARD = st.lists(st.sampled_from(_AWKWARD_PIECES), max_size=6).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_AWKWARD, _AWKWARD, _AWKWARD), min_size=1, max_size=8))
def test_the_row_by_row_reader_hands_every_cell_to_duckdb_unchanged(tmp_path_factory, rows):
    # Records pass through a CSV file of our own on their way into DuckDB; a cell with a lone CR,
    # a quote or a line separator must come out as it went in.
    path = Path(tmp_path_factory.mktemp("rows")) / "lijst.csv"
    named = [(f"x{supplier}x", product, tier) for supplier, product, tier in rows]
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Leverancier;Artikel;Schakel\r\n")
        for supplier, product, tier in named:
            handle.write(";".join('"' + cell.replace('"', '""') + '"' for cell in (supplier, product, tier)))
            handle.write("\r\n")
    try:
        result = scan_file(path, resolver=RESOLVER, bulk=False)
    except InputError:
        return  # control characters and the like are reported instead; other tests cover that
    with result:
        got = [(f.supplier, f.product, f.tier) for f in sorted(result.findings, key=lambda f: f.input_row)]
    assert got == [tuple(cell.strip() for cell in row) for row in named]


def test_the_whitespace_the_bulk_reader_strips_is_what_python_strips():
    assert "".join(c for c in map(chr, range(0x110000)) if c.isspace()) == PYTHON_WHITESPACE
