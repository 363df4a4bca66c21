"""The reader rules of issue 17 (findings 1 and 8), as properties: limits on unpacked size and rows,
no rows, rows merged by a stray quote, and text that only decodes as Windows-1252 because that
decodes almost anything. Both readers (DuckDB and row by row) must agree on every file."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from imvo.core.scan import Resolver, scan_file
from imvo.core.suppliers import FileLimits, InputError, open_supplier_file
from imvo.core.suppliers.reader import NO_ROWS

RESOLVER = Resolver()
HEADER = ["Leverancier", "Land", "Product", "Bedrag"]
MERGED = "a stray double quote has probably merged rows"
_SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(path: Path, bulk: bool, limits: FileLimits | None = None) -> tuple[object, ...]:
    try:
        result = scan_file(path, resolver=RESOLVER, bulk=bulk, limits=limits or FileLimits())
    except InputError as error:
        return ("problems", [str(problem) for problem in error.problems])
    with result:
        return ("register", result.source.rows, [str(warning) for warning in result.warnings])


def _both(data: bytes, limits: FileLimits | None = None) -> tuple[object, ...]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "leveranciers.csv"
        path.write_bytes(data)
        bulk, rows = _outcome(path, True, limits), _outcome(path, False, limits)
    assert bulk == rows
    return rows


# -- rows merged by a stray quote ------------------------------------------------------------------

_WORD = st.text("abcdefghij KLM-./éü", min_size=1, max_size=8).filter(lambda word: word.strip() == word)


@st.composite
def _table(draw: st.DrawFn, delimiter: str) -> list[list[str]]:
    rows = draw(st.integers(2, 12))
    return [
        [f"S{row} {draw(_WORD)}", draw(_WORD), draw(_WORD), str(draw(st.integers(0, 999)))]
        for row in range(rows)
    ]


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


@_SETTINGS
@given(st.data(), st.sampled_from([";", ",", "\t"]))
def test_legitimate_multi_line_cells_are_read(data: st.DataObject, delimiter: str) -> None:
    """Quoted cells that span lines (addresses, notes) with fewer than a row's worth of delimiters
    are read as they are: the rule does not refuse them."""
    table = data.draw(_table(delimiter))
    lines = [delimiter.join(HEADER)]
    for row in table:
        cells = list(row)
        if data.draw(st.booleans()):
            column = data.draw(st.integers(0, 2))
            extra = data.draw(st.integers(0, len(HEADER) - 2))  # at most width - 2 delimiters
            cells[column] = cells[column] + "\n" + delimiter.join(data.draw(_WORD) for _ in range(extra + 1))
        lines.append(delimiter.join(_quote(cell) if "\n" in cell else cell for cell in cells))
    outcome = _both(("\r\n".join(lines) + "\r\n").encode())
    assert outcome[0] == "register", outcome
    assert outcome[1] == len(table)


@_SETTINGS
@given(st.data(), st.sampled_from([";", ",", "\t"]))
def test_a_stray_quote_that_merges_rows_is_refused(data: st.DataObject, delimiter: str) -> None:
    """A quote opening a cell on one line and the next quote closing the same column on a later
    line gives rows of the right width; every such row is refused, by both readers."""
    table = data.draw(_table(delimiter))
    first = data.draw(st.integers(0, len(table) - 2))
    last = data.draw(st.integers(first + 1, len(table) - 1))
    column = data.draw(st.integers(1, len(HEADER) - 1))
    lines = [delimiter.join(HEADER)]
    for number, row in enumerate(table):
        cells = list(row)
        if number == first:
            cells[column] = '"' + cells[column]
        elif number == last:
            cells[column] = cells[column] + '"'
        lines.append(delimiter.join(cells))
    outcome = _both(("\n".join(lines) + "\n").encode())
    assert outcome[0] == "problems"
    assert any(MERGED in problem for problem in outcome[1]), outcome


# -- no rows, and the row limit --------------------------------------------------------------------


@given(blank=st.sampled_from(["", "\n", "\n\n", ";;;\n", "\r\n;;;\r\n"]))
@settings(deadline=None)
def test_a_file_with_a_header_and_no_rows_is_refused(blank: str) -> None:
    outcome = _both(("Leverancier;Land;Product\n" + blank).encode())
    assert outcome[0] == "problems"
    assert any(NO_ROWS in problem for problem in outcome[1])


@_SETTINGS
@given(rows=st.integers(1, 30), blanks=st.integers(0, 5), limit=st.integers(1, 40))
def test_the_row_limit_counts_every_row_after_the_header(rows: int, blanks: int, limit: int) -> None:
    body = "".join(f"S{n};NL;cacao\n" for n in range(rows)) + ";;\n" * blanks
    outcome = _both(("Leverancier;Land;Product\n" + body).encode(), FileLimits(max_rows=limit))
    if rows + blanks > limit:
        assert outcome[0] == "problems"
        assert f"more than {limit:,} rows after the header" in outcome[1][0]
    else:
        assert outcome == ("register", rows, [])


def test_the_row_limit_holds_in_workbooks(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(HEADER)
    for number in range(11):
        workbook.active.append([f"S{number}", "NL", "cacao", 1])
    workbook.save(tmp_path / "list.xlsx")
    with (
        open_supplier_file(tmp_path / "list.xlsx", limits=FileLimits(max_rows=10)) as supplier_file,
        pytest.raises(InputError, match="more than 10 rows after the header"),
    ):
        list(supplier_file.records())
    with open_supplier_file(tmp_path / "list.xlsx", limits=FileLimits(max_rows=11)) as supplier_file:
        assert len(list(supplier_file.records())) == 11


def test_a_workbook_is_judged_by_its_zip_directory_before_it_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<row/>" * 500_000)  # 3 MB, about 1000 times packed
    with pytest.raises(InputError, match="sheet1.xml unpacks 684 times its packed size") as ratio:
        open_supplier_file(path)
    assert "more than the limit of 100 times" in str(ratio.value)
    with pytest.raises(InputError, match="the workbook unpacks to 2 MB, more than 1 MB"):
        open_supplier_file(path, limits=FileLimits(max_unpacked_bytes=1024**2, max_ratio=10_000))
    buffer = io.BytesIO()
    Workbook().save(buffer)  # a real workbook is far within both limits
    (tmp_path / "real.xlsx").write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="every visible sheet of the workbook is empty"):
        open_supplier_file(tmp_path / "real.xlsx")


# -- text that is not Windows-1252 -----------------------------------------------------------------

WESTERN = [
    "Société Générale", "l’Éthiopie", "Côte d’Ivoire", "Müller GmbH", "Brazilië", "“Koffie”", "€ 12,50",
    "œuvre", "Škoda", "Jääskeläinen", "Ærø", "Straße", "Crème brûlée", "naïef", "Ñandú", "Zürich", "–",
]  # fmt: skip
JAPANESE = [
    "株式会社", "サンプル", "商事", "コーヒー", "お茶", "日本", "中国", "東京", "大阪", "輸入", "製品",
    "ミルク",
]  # fmt: skip


@_SETTINGS
@given(st.lists(st.lists(st.sampled_from(WESTERN), min_size=1, max_size=3), min_size=1, max_size=10))
def test_real_western_words_in_windows_1252_are_read_with_the_guess_reported(names: list[list[str]]) -> None:
    text = "Leverancier;Land;Product\n" + "".join(f"{' '.join(name)};NL;cacao\n" for name in names)
    outcome = _both(text.encode("cp1252"))
    assert outcome[0] == "register", outcome
    assert any("its encoding was guessed as Windows-1252" in warning for warning in outcome[2])


def test_french_elisions_before_accented_capitals_are_not_taken_for_shift_jis() -> None:
    # "’É" is a valid Shift-JIS character; three of them and no other accent once made a French list
    # look Japanese (found by the property test above).
    text = "Leverancier;Land;Product\nCafé de l’Éthiopie;ET;koffie\nVins d’Écosse;GB;whisky\n" + (
        "Thé de l’Égypte;EG;thee\nL’ÉPICERIE DU NORD;FR;specerijen\n"
    )
    outcome = _both(text.encode("cp1252"))
    assert outcome[0] == "register", outcome
    assert any("its encoding was guessed as Windows-1252" in warning for warning in outcome[2])
    bare = "Leverancier;Land;Product\n" + "l’Éthiopie;ET;koffie\n" * 3  # the pairs alone, nothing else
    assert _both(bare.encode("cp1252"))[0] == "register"


@_SETTINGS
@given(st.lists(st.lists(st.sampled_from(JAPANESE), min_size=1, max_size=3), min_size=2, max_size=10))
def test_japanese_shift_jis_is_refused(names: list[list[str]]) -> None:
    text = "仕入先;国;製品\n" + "".join(f"{''.join(name)};日本;お茶\n" for name in names)
    outcome = _both(text.encode("cp932"))
    assert outcome[0] == "problems"
    assert "Japanese text in Shift-JIS" in outcome[1][0]


@_SETTINGS
@given(
    st.lists(st.sampled_from(WESTERN + JAPANESE), min_size=1, max_size=8),
    st.sampled_from([b"\xff", b"\xc3", b"\xe9", b"\x80"]),
    st.data(),
)
def test_utf8_with_a_damaged_byte_is_refused(words: list[str], bad: bytes, data: st.DataObject) -> None:
    body = "".join(f"{word};NL;cacao\n" for word in words).encode()
    assume(any(byte >= 0x80 for byte in body))
    lines = body.split(b"\n")
    where = data.draw(st.integers(0, len(lines) - 2))
    lines[where] = lines[where] + bad  # at the end of a supplier name
    outcome = _both(b"Leverancier;Land;Product\n" + b"\n".join(lines))
    assert outcome[0] == "problems"
    assert "the file is UTF-8 with damaged bytes" in outcome[1][0]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("inner", ["\n", "\r", "\r\n"])
def test_both_readers_judge_a_multi_line_cell_alike_whatever_the_line_breaks(
    newline: str, inner: str
) -> None:
    header = "Leverancier;Land;Product;Bedrag"
    swallowed = f'A;Ghana;"cacao{inner}B;Peru;koffie;5";1'  # three ';' in one cell: merged rows
    address = f'C;Ghana;"cacao{inner}bonen";1'
    for row, refused in ((swallowed, True), (address, False)):
        outcome = _both(newline.join([header, "Z;NL;thee;2", row, "Y;NL;thee;3"]).encode() + newline.encode())
        assert (outcome[0] == "problems" and any(MERGED in p for p in outcome[1])) is refused, outcome
