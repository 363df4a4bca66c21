"""Property tests: whatever csv.writer writes in a supported encoding reads back cell for cell,
and no byte sequence makes the reader fail with anything but InputError."""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imvo.core.suppliers import InputError, InputProblem, open_supplier_file
from imvo.core.tabular.encoding import _has_formula_start

HEADER = ["Supplier", "Country", "Product", "HS code", "Spend", "Tier"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]
DELIMITERS = [",", ";", "\t", "|"]

_PUNCTUATION = ",;\t|\"'\r\n =+-@()."
# Unicode text without control characters or surrogates (those are reported, not round-tripped).
_UNICODE = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | st.sampled_from(
    _PUNCTUATION
)
# Windows-1252 text that cannot pass for UTF-8: ASCII plus the letters from 0xC0 up. Bytes
# 0x80-0xBF would let "Ã©" decode as UTF-8 "é"; that ambiguity is inherent and documented.
_CP1252 = st.sampled_from(
    [chr(c) for c in range(0x20, 0x7F)]
    + [bytes([c]).decode("cp1252") for c in range(0xC0, 0x100)]
    + list(_PUNCTUATION)
)
_AMOUNTS = st.sampled_from(["", "12500", "1.234,56", "1,234.56", "€ 12.500", "-100", "(1.000)", "0,5"])


def _table(alphabet: st.SearchStrategy[str]) -> st.SearchStrategy[list[list[str]]]:
    text = st.text(alphabet, max_size=12)
    name = text.filter(lambda value: value.strip() != "")
    row = st.tuples(name, text, text, text, _AMOUNTS, text).map(list)
    return st.lists(row, min_size=1, max_size=15)


def _round_trip(rows: list[list[str]], encoding: str, delimiter: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([HEADER, *rows])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        supplier_file = open_supplier_file(path)
        records = list(supplier_file.records())
    assert supplier_file.delimiter == delimiter
    assert [problem for problem in supplier_file.problems if problem.severity == "error"] == []
    got = [[r.supplier, r.country, r.product, r.hs_code, r.spend, r.tier] for r in records]
    assert got == [[cell.strip() for cell in row] for row in rows]
    assert [r.input_row for r in records] == list(range(1, len(rows) + 1))
    assert len(records) + supplier_file.skipped_empty_rows + supplier_file.rejected_rows == len(rows)


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_table(_UNICODE), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]), st.sampled_from(DELIMITERS))
def test_unicode_tables_round_trip(rows: list[list[str]], encoding: str, delimiter: str) -> None:
    _round_trip(rows, encoding, delimiter)


@_SETTINGS
@given(_table(_CP1252), st.sampled_from(DELIMITERS))
def test_windows_1252_tables_round_trip(rows: list[list[str]], delimiter: str) -> None:
    _round_trip(rows, "cp1252", delimiter)


def _only_input_errors(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.csv"
        path.write_bytes(content)
        problems: list[InputProblem] = []
        try:
            supplier_file = open_supplier_file(path)
            for _ in supplier_file.records():
                pass
            supplier_file.close()
        except InputError as error:
            problems = error.problems or [InputProblem("missing", None, None, "InputError without problems")]
        assert all(problem.file == "upload.csv" for problem in problems)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_raise_only_input_error(content: bytes) -> None:
    _only_input_errors(content)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b"sep=;\n"]),
    st.sampled_from([b"Leverancier;Land;Product;Bedrag\n", b"Supplier,Country,HS code\r\n", b""]),
    st.binary(max_size=400) | st.text(max_size=200).map(lambda text: text.encode("utf-8")),
)
def test_damaged_supplier_lists_raise_only_input_error(prefix: bytes, header: bytes, rest: bytes) -> None:
    _only_input_errors(prefix + header + rest)


# A cell starts with a formula character after a boundary, optionally inside quotes; an unquoted
# CR is a line break and a tab right after a tab is an empty TSV cell, so those do not count.
_REAL_FORMULA_START = re.compile('[\r\n,;\t|](?:"[-=+@\t\r]|[-=+@])|[\r\n,;|]\t')


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from('ab1 ,;\t|"\r\n-=+@'), max_size=40))
def test_byte_level_formula_test_finds_every_formula_start(text: str) -> None:
    if _REAL_FORMULA_START.search("\n" + text):
        assert _has_formula_start(b"\n" + text.encode("ascii"))
