"""One table reader for every table: supplier lists, a monitoring population and import records are
refused for the same reasons with the same messages, because all of them read through
:mod:`imvo.core.tabular`."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from imvo.core.monitoring import read_population
from imvo.core.obligations import FactsError, load_imports
from imvo.core.suppliers import InputError, InputProblem, open_supplier_file
from imvo.core.tabular import FileLimits, cell_text, read_table

SRC = Path(__file__).resolve().parents[2] / "src"


def _supplier(path: Path, limits: FileLimits) -> list[InputProblem]:
    with open_supplier_file(path, limits=limits) as supplier_file:
        for _ in supplier_file.records():
            pass
        supplier_file.raise_for_problems()
        return supplier_file.warnings


def _population(path: Path, limits: FileLimits) -> list[InputProblem]:
    warnings: list[InputProblem] = []
    read_population(path, limits=limits, warnings=warnings)
    return warnings


def _imports(path: Path, limits: FileLimits) -> list[InputProblem]:
    warnings: list[InputProblem] = []
    load_imports(path, limits, file=path.name, warnings=warnings)
    return warnings


READERS: dict[str, tuple[Callable[[Path, FileLimits], list[InputProblem]], list[str], list[str]]] = {
    # reader, header, one valid row
    "suppliers": (_supplier, ["supplier", "country", "product"], ["Acme BV", "NL", "cocoa"]),
    "population": (_population, ["name", "kvk", "employees"], ["Acme BV", "12345678", "600"]),
    "imports": (
        _imports,
        ["year", "cn_code", "quantity_kg", "country_of_origin"],
        ["2025", "2609 00 00", "12", "CD"],
    ),
}


def _csv(rows: list[list[str]]) -> str:
    return "".join(",".join(row) + "\n" for row in rows)


def _workbook(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<worksheet><sheetData>" + b"<row/>" * 500_000)
    return buffer.getvalue()


def _refusal(folder: Path, reader: str, name: str, data: bytes, limits: FileLimits) -> InputProblem:
    read, _, _ = READERS[reader]
    path = folder / reader / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read(path, limits)
    return raised.value.problems[0]


def _each_reader(
    folder: Path, name: str, make: Callable[[list[str], list[str]], bytes], limits: FileLimits
) -> list[str]:
    messages = []
    for reader, (_, header, row) in READERS.items():
        problem = _refusal(folder, reader, name, make(header, row), limits)
        messages.append(str(problem))
    return messages


JAPANESE = ["株式会社トヨタ", "日本", "部品"]

WHOLE_FILE_CASES: dict[str, tuple[str, Callable[[list[str], list[str]], bytes], FileLimits, str]] = {
    "shift-jis": (
        "list.csv",
        lambda header, row: _csv([header, *([JAPANESE + row[3:]] * 5)]).encode("cp932"),
        FileLimits(),
        "list.csv, line 2: the file looks like Japanese text in Shift-JIS, not Windows-1252",
    ),
    "damaged utf-8": (
        "list.csv",
        lambda header, row: (_csv([header] + [["Société Générale", *row[1:]]] * 20)).encode() + b"\xff,x\n",
        FileLimits(),
        "list.csv, line 22: the file is UTF-8 with damaged bytes",
    ),
    "zip bomb": (
        "list.xlsx",
        lambda header, row: _bomb(),
        FileLimits(max_unpacked_bytes=1024**2),
        "list.xlsx: the workbook unpacks to 2 MB, more than 1 MB, the limit",
    ),
    "row cap (csv)": (
        "list.csv",
        lambda header, row: _csv([header] + [row] * 4).encode(),
        FileLimits(max_rows=3),
        "list.csv: the file has more than 3 rows after the header, the limit",
    ),
    "row cap (xlsx)": (
        "list.xlsx",
        lambda header, row: _workbook([header] + [row] * 4),
        FileLimits(max_rows=3),
        "list.xlsx: the file has more than 3 rows after the header, the limit",
    ),
    "pdf": (
        "list.csv",
        lambda header, row: b"%PDF-1.7 whatever",
        FileLimits(),
        "list.csv: this is a PDF document, not a",
    ),
    "too large": (
        "list.csv",
        lambda header, row: _csv([header] + [row] * 100).encode(),
        FileLimits(max_bytes=1000),
        "list.csv: the file is 0.0 MB, more than the limit of 0.0 MB",
    ),
}


@pytest.mark.parametrize("case", WHOLE_FILE_CASES, ids=list(WHOLE_FILE_CASES))
def test_every_reader_refuses_the_same_file_with_the_same_message(case: str, tmp_path: Path) -> None:
    name, make, limits, expected = WHOLE_FILE_CASES[case]
    messages = _each_reader(tmp_path, name, make, limits)
    assert all(message.startswith(expected) for message in messages), messages
    # The message is the same up to what the file should have been ("not a supplier list").
    # The message is the same up to what the file should have been ("not a supplier list") and the
    # byte offsets (each reader's rows differ).
    shared = {re.sub(r"not a[n]? [a-z ]+|\d+", "", message) for message in messages}
    assert len(shared) == 1, messages


def _row_problem(folder: Path, reader: str, text: str) -> InputProblem:
    return _refusal(folder, reader, "rows.csv", text.encode(), FileLimits())


@pytest.mark.parametrize("reader", READERS)
def test_a_stray_quote_that_merges_rows_is_the_same_row_problem_everywhere(
    reader: str, tmp_path: Path
) -> None:
    _, header, row = READERS[reader]
    text = (
        _csv([header, row])
        + '"'
        + ",".join(row)
        + "\n"
        + _csv([row, row])
        + '"x",'
        + ",".join(row[1:])
        + "\n"
    )
    problem = _row_problem(tmp_path, reader, text)
    assert problem.line == 3
    assert "a stray double quote has probably merged rows" in problem.message


@pytest.mark.parametrize("reader", READERS)
def test_a_row_with_extra_values_is_the_same_row_problem_everywhere(reader: str, tmp_path: Path) -> None:
    _, header, row = READERS[reader]
    problem = _row_problem(tmp_path, reader, _csv([header, [*row, "surplus"]]))
    width = len(header)
    expected = f"{width + 1} fields, expected {width} (the header has {width} columns)"
    # The supplier reader adds which column the extra fields follow.
    assert (problem.line, problem.message.split(";")[0]) == (2, expected)


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_reads_semicolons_tabs_and_windows_1252_and_says_the_encoding_was_guessed(
    reader: str, tmp_path: Path
) -> None:
    read, header, row = READERS[reader]
    for delimiter in (";", "\t", "|"):
        # A non-breaking space (0xA0 in Windows-1252, not UTF-8) in every reader's first column.
        accented = [f"{row[0]}\u00a0" if reader != "imports" else row[0], *row[1:]]
        if reader == "imports":
            accented[2] = "1\u00a0200"
        text = "".join(delimiter.join(cells) + "\r\n" for cells in (header, accented))
        path = tmp_path / "cp1252.csv"
        path.write_bytes(text.encode("cp1252"))
        warnings = read(path, FileLimits())
        assert any("encoding was guessed as Windows-1252" in warning.message for warning in warnings)


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_reads_the_same_workbook_rows_as_the_csv(reader: str, tmp_path: Path) -> None:
    read, header, row = READERS[reader]
    typed: list[object] = [int(cell) if cell.isdigit() else cell for cell in row]
    (tmp_path / "list.xlsx").write_bytes(_workbook([header, [], typed]))
    read(tmp_path / "list.xlsx", FileLimits())


def test_the_population_and_import_readers_number_rows_as_the_spreadsheet_does(tmp_path: Path) -> None:
    (tmp_path / "people.xlsx").write_bytes(_workbook([["Title"], [], ["name", "kvk"], [], ["Acme", 1]]))
    with read_table(tmp_path / "people.xlsx") as table:
        assert (table.headers, table.header_line) == (["Title"], 1)
    path = tmp_path / "imports.xlsx"
    path.write_bytes(
        _workbook(
            [["year", "cn_code", "quantity_kg", "country_of_origin"], [], [2025, "2609 00 00", 12.5, "CD"]]
        )
    )
    (record,) = load_imports(path)
    assert (record.line, record.quantity_kg) == (3, Decimal("12.5"))


def test_the_semicolon_file_with_decimal_commas_that_fooled_the_old_sniffer_is_read() -> None:
    from imvo.core.obligations import parse_imports

    records = parse_imports("year;cn_code;quantity_kg;country_of_origin\n2025;2609 00 00;12,5;CD\n")
    assert str(records[0].quantity_kg) == "12.5"
    tabs = parse_imports("year\tcn_code\tquantity_kg\tcountry_of_origin\n2025\t2609\t1\tCD\n")
    assert tabs[0].cn_code == "2609"


def test_import_rows_with_trailing_empty_fields_are_read_as_excel_writes_them() -> None:
    from imvo.core.obligations import parse_imports

    assert len(parse_imports("year,cn_code,quantity_kg,country_of_origin\n2025,2609,1,CD,,\n")) == 1


def test_cell_text_is_defined_once() -> None:
    definitions = [
        path
        for path in SRC.rglob("*.py")
        if re.search(r"^def _?cell_text\(", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert [path.relative_to(SRC).as_posix() for path in definitions] == ["imvo/core/tabular/xlsx.py"]
    assert cell_text(2024.0) == "2024"
    assert cell_text(datetime.date(2025, 3, 1)) == "2025-03-01"


def test_facts_error_still_is_an_input_error_and_old_imports_still_work() -> None:
    from imvo.core.suppliers.limits import FileLimits as OldLimits
    from imvo.core.suppliers.problems import InputProblem as OldProblem

    assert OldLimits is FileLimits
    assert OldProblem is InputProblem
    assert issubclass(FactsError, InputError)
