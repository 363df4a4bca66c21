"""Reading real supplier-list files: encodings, delimiters, XLSX, whole-file and row problems."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from imvo.core.suppliers import (
    MAX_CELL_CHARS,
    InputError,
    InputProblem,
    SupplierFile,
    SupplierRecord,
    open_supplier_file,
)
from imvo.core.suppliers.problems import MAX_PROBLEMS

FIXTURES = Path(__file__).parent / "fixtures" / "suppliers"

TABLE = [
    ["Leverancier", "Land", "Product", "HS-code", "Bedrag"],
    ["Cacaohandel Brazilië", "Brazilië", "Cacaobonen", "180100", "12.500,00"],
    ["Koffie; Thee & Co", "Côte d'Ivoire", 'Koffie "Arabica", ongebrand', "090111", "1,5"],
    ["Müller GmbH", "Duitsland", "Katoen\nmet regel", "5201", "980"],
]


def _write(path: Path, rows: list[list[str]], encoding: str, delimiter: str, newline: str = "\r\n") -> Path:
    buffer = io.StringIO()
    # Python 3.11's writer only quotes line breaks that occur in its own line terminator.
    quoting = csv.QUOTE_MINIMAL if newline == "\r\n" else csv.QUOTE_ALL
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=quoting).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _read(path: Path, **options: object) -> tuple[SupplierFile, list[SupplierRecord]]:
    supplier_file = open_supplier_file(path, **options)  # type: ignore[arg-type]
    return supplier_file, list(supplier_file.records())


def _whole_file_problem(path: Path, **options: object) -> InputProblem:
    with pytest.raises(InputError) as caught:
        open_supplier_file(path, **options)  # type: ignore[arg-type]
    assert len(caught.value.problems) >= 1
    return caught.value.problems[0]


# -- real fixture files -------------------------------------------------------------------------


def test_dutch_cp1252_semicolon_export() -> None:
    supplier_file, records = _read(FIXTURES / "leveranciers_cp1252.csv")
    assert (supplier_file.format, supplier_file.encoding, supplier_file.delimiter) == ("csv", "cp1252", ";")
    assert supplier_file.columns == {
        "supplier_id": "Crediteurnummer",
        "supplier": "Leveranciersnaam",
        "country": "Land van herkomst",
        "product": "Productomschrijving",
        "hs_code": "GN-code",
        "spend": "Inkoopwaarde (EUR)",
        "tier": "Schakel",
    }
    assert records[0] == SupplierRecord(
        1,
        2,
        "Cacaohandel Brazilië B.V.",
        "Brazilië",
        "Cacaobonen",
        "18010000",
        "€ 12.500,00",
        "1",
        "10001",
        "",
    )
    assert records[1].supplier == "Koffie & Thee; Import"
    assert records[1].country == "Côte d'Ivoire"
    # the blank line 5 is skipped and counted, so the last record keeps its physical line
    assert [(r.input_row, r.line) for r in records] == [(1, 2), (2, 3), (3, 4), (4, 6)]
    assert supplier_file.skipped_empty_rows == 1
    assert supplier_file.problems == []
    # Nothing in the file says it is Windows-1252 (issue 17, finding 8): the guess is reported.
    (guessed,) = supplier_file.warnings
    assert (guessed.severity, guessed.line) == ("warning", 2)
    assert "guessed as Windows-1252" in guessed.message


def test_german_utf8_bom_export() -> None:
    supplier_file, records = _read(FIXTURES / "lieferanten_utf8_bom.csv")
    assert supplier_file.encoding == "utf-8-sig"
    assert supplier_file.headers[0] == "Lieferant"  # no BOM left in the first header
    assert [r.country for r in records] == ["Elfenbeinküste", "Usbekistan", "China"]
    assert records[2].supplier == "Stahlwerk Süd"


def test_excel_unicode_text_is_utf16_tab_separated() -> None:
    supplier_file, records = _read(FIXTURES / "suppliers_unicode_text.txt")
    assert (supplier_file.encoding, supplier_file.delimiter) == ("utf-16", "\t")
    assert [r.supplier for r in records] == ["Acme Ltd", "Şeker Tekstil A.Ş.", "深圳电子有限公司"]
    assert records[0].spend == "1,234.56"


def test_german_workbook_skips_hidden_sheet_and_title_row() -> None:
    with open_supplier_file(FIXTURES / "lieferanten.xlsx") as supplier_file:
        records = list(supplier_file.records())
        assert (supplier_file.format, supplier_file.sheet, supplier_file.header_line) == (
            "xlsx",
            "Lieferanten",
            3,
        )
        assert supplier_file.encoding is None
        assert supplier_file.delimiter is None
        assert records[0] == SupplierRecord(
            1, 4, "Kakao Import GmbH", "Ghana", "Kakaobohnen", "18010000", "12500.5", "1", "", ""
        )
        # numbers stay digits: 9011100 lost its leading zero in Excel and is kept as it is
        assert [(r.line, r.hs_code, r.spend) for r in records[1:]] == [
            (5, "9011100", "3000"),
            (7, "731815", ""),
        ]
        assert supplier_file.skipped_empty_rows == 1
        (title,) = supplier_file.warnings
        assert title.severity == "warning"
        assert title.line == 1
        assert "Lieferantenliste 2024" in title.message


def test_workbook_sheet_option(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["Notes"])
    second = workbook.create_sheet("Suppliers")
    second.append(["Supplier", "Country", "Product"])
    second.append(["Acme", "NL", "cocoa"])
    workbook.save(tmp_path / "book.xlsx")
    supplier_file, records = _read(tmp_path / "book.xlsx", sheet="Suppliers")
    assert [r.supplier for r in records] == ["Acme"]
    supplier_file.close()
    problem = _whole_file_problem(tmp_path / "book.xlsx", sheet="Leveranciers")
    assert problem.message == "the workbook has no sheet 'Leveranciers'"
    assert problem.accepted == "one of 'Sheet', 'Suppliers'"


# -- every encoding x delimiter ----------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("cp1252", "cp1252"),
    ],
)
def test_every_encoding_and_delimiter(tmp_path: Path, encoding: str, reported: str, delimiter: str) -> None:
    path = _write(tmp_path / "list.csv", TABLE, encoding, delimiter)
    supplier_file, records = _read(path)
    assert (supplier_file.encoding, supplier_file.delimiter) == (reported, delimiter)
    assert supplier_file.headers == TABLE[0]
    got = [[r.supplier, r.country, r.product, r.hs_code, r.spend] for r in records]
    assert got == TABLE[1:]
    assert [r.line for r in records] == [2, 3, 4]
    assert supplier_file.problems == []


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_line_endings(tmp_path: Path, newline: str) -> None:
    path = _write(tmp_path / "list.csv", TABLE, "utf-8", ";", newline)
    _, records = _read(path)
    assert [r.product for r in records][2] == "Katoen\nmet regel"
    assert [r.line for r in records] == [2, 3, 4]


def test_excel_sep_line_decides_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("sep=,\nLeverancier,Land,Product\nAcme;Beta,NL,cacao\n", encoding="utf-8")
    supplier_file, records = _read(path)
    assert supplier_file.delimiter == ","
    assert supplier_file.warnings == []
    assert [(r.line, r.supplier) for r in records] == [(3, "Acme;Beta")]


def test_semicolon_wins_over_decimal_commas(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Leverancier;Land;Product;Bedrag\nA;NL;x;1,5\nB;DE;y;2,5\n", encoding="utf-8")
    assert open_supplier_file(path).delimiter == ";"


def test_undefined_cp1252_bytes_fall_back_to_latin1_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"Leverancier;Land;Product\nA\xe9;NL;x\nB\x81;DE;y\n")
    supplier_file, records = _read(path)
    assert supplier_file.encoding == "latin-1"
    assert records[0].supplier == "Aé"
    (warning,) = supplier_file.warnings
    assert (warning.line, warning.severity) == (3, "warning")
    assert "read as ISO-8859-1" in warning.message


# -- whole-file problems -----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    problem = _whole_file_problem(tmp_path / "nope.csv")
    assert problem.file == "nope.csv"
    assert problem.message.startswith("file not found")


def test_folder(tmp_path: Path) -> None:
    assert _whole_file_problem(tmp_path).message == "this is a folder, not a file"


def test_empty_file() -> None:
    problem = _whole_file_problem(FIXTURES / "empty.csv")
    assert str(problem) == "empty.csv: the file is empty (accepted: a header row, then one row per supplier)"


def test_only_blank_lines_is_no_header(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"\r\n \r\n\t \r\n")
    assert _whole_file_problem(path).message == "the file has no header row (it holds no text)"


def test_too_large(tmp_path: Path) -> None:
    path = _write(tmp_path / "list.csv", TABLE, "utf-8", ";")
    problem = _whole_file_problem(path, max_bytes=100)
    assert "more than the limit of" in problem.message
    assert problem.accepted is not None
    assert "split" in problem.accepted


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("jaarverslag.pdf", "this is a PDF document, not a supplier list"),
        ("archief.zip", "this is a ZIP archive, not an Excel .xlsx workbook"),
        ("binary.dat", "this is a binary file (it contains NUL bytes), not a text table"),
    ],
)
def test_wrong_kind_of_file_fixtures(name: str, message: str) -> None:
    problem = _whole_file_problem(FIXTURES / name)
    assert (problem.file, problem.line, problem.column, problem.message) == (name, None, None, message)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel 97-2003 .xls"),
        (b"\xff\xfe\x00\x00L\x00\x00\x00", "UTF-32"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"<html><table><tr><td>Leverancier</td></tr></table></html>", "HTML or XML file"),
        (codecs.BOM_UTF16_LE + "Leverancier;Land".encode("utf-16-le") + b"\x00", "not valid UTF-16"),
    ],
)
def test_wrong_kind_of_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "leveranciers.xls"
    path.write_bytes(content)
    assert message in _whole_file_problem(path).message


def test_zip_kinds(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "OpenDocument spreadsheet (.ods)" in _whole_file_problem(path).message
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not a workbook")
    assert _whole_file_problem(path).message.startswith("the XLSX workbook cannot be read")


def test_no_recognised_columns(tmp_path: Path) -> None:
    path = _write(tmp_path / "list.csv", [["a", "b"], ["1", "2"]], "utf-8", ";")
    problem = _whole_file_problem(path)
    assert (problem.file, problem.line) == ("list.csv", 1)
    assert "no column is recognised as supplier, country or product" in problem.message


def test_required_columns_missing_lists_all_problems(tmp_path: Path) -> None:
    path = _write(tmp_path / "list.csv", [["Leverancier", "Bedrag"], ["A", "1"]], "utf-8", ";")
    with pytest.raises(InputError) as caught:
        open_supplier_file(path)
    messages = [p.message for p in caught.value.problems]
    assert messages == [
        "no country column; the headers found are 'Leverancier', 'Bedrag'",
        "no product or hs_code column (one of them is required); "
        "the headers found are 'Leverancier', 'Bedrag'",
    ]
    assert "2 more" not in str(caught.value)
    assert "and 1 more" in str(caught.value)


def test_duplicate_country_columns_and_map_choice(tmp_path: Path) -> None:
    rows = [["Leverancier", "Land", "Herkunftsland", "Product"], ["A", "NL", "DE", "x"]]
    path = _write(tmp_path / "list.csv", rows, "utf-8", ";")
    problem = _whole_file_problem(path)
    assert problem.message == "2 columns mean country: 'Land' (column 2) and 'Herkunftsland' (column 3)"
    assert problem.accepted == 'choose one with --map "country=Land"'
    supplier_file, records = _read(path, column_map={"country": "Herkunftsland"})
    assert supplier_file.columns["country"] == "Herkunftsland"
    assert records[0].country == "DE"


def test_map_for_unrecognised_headers(tmp_path: Path) -> None:
    rows = [["Naam", "Herkomst", "Goed"], ["A", "NL", "x"]]
    path = _write(tmp_path / "list.csv", rows, "utf-8", ";")
    _, records = _read(path, column_map={"supplier": "Naam", "country": "Herkomst", "product": "Goed"})
    assert records[0][2:5] == ("A", "NL", "x")
    problem = _whole_file_problem(path, column_map={"supplier": "Name"})
    assert problem.message == "--map supplier=Name: the file has no column 'Name'"


# -- row problems ------------------------------------------------------------------------------


def test_ragged_rows_report_physical_lines_across_multiline_cells() -> None:
    supplier_file, records = _read(FIXTURES / "ragged.csv")
    assert [r.supplier for r in records] == ["Acme"]
    first, second = supplier_file.problems
    assert (first.file, first.line, first.column) == ("ragged.csv", 3, "Product")
    assert first.message.startswith("2 fields, expected 3 (the header has 3 columns)")
    assert "runs from line 3 to line 7" in first.message
    assert "missing closing double quote" in first.message
    assert (second.line, second.column) == (8, "Product")
    assert supplier_file.rejected_rows == 2


def test_ragged_rows(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        'Leverancier;Land;Product\nA;NL;x\n"B\nB";DE\nC;BE;y;extra\nD;FR;z;;\n\n;;\nE;IT;w\n',
        encoding="utf-8",
    )
    supplier_file, records = _read(path)
    assert [(r.input_row, r.line, r.supplier) for r in records] == [(1, 2, "A"), (4, 6, "D"), (5, 9, "E")]
    short, long = supplier_file.problems
    assert str(short) == (
        "list.csv, line 3, column 'Product': 2 fields, expected 3 (the header has 3 columns); from column "
        "'Product' on the values are missing. This row runs from line 3 to line 4 because a quoted cell "
        "spans several lines: check for a missing closing double quote (accepted: every row has 3 fields "
        "separated by ';'; a value that contains ';', a double quote or a line break must be in double "
        "quotes)"
    )
    assert (long.line, long.column) == (5, None)
    assert long.message == (
        "4 fields, expected 3 (the header has 3 columns); the extra fields follow column 'Product'"
    )
    assert (supplier_file.record_count, supplier_file.rejected_rows, supplier_file.skipped_empty_rows) == (
        3,
        2,
        2,
    )


def test_nothing_is_dropped_silently(tmp_path: Path) -> None:
    rows = [["Leverancier", "Land", "Product"]]
    for i in range(300):
        rows.append([f"S{i}", "NL", "x"] if i % 7 else ["", "", ""] if i % 2 else [f"S{i}", "NL"])
    path = _write(tmp_path / "list.csv", rows, "utf-8", ";")
    supplier_file, records = _read(path)
    data_rows = len(rows) - 1
    assert len(records) + supplier_file.rejected_rows + supplier_file.skipped_empty_rows == data_rows
    assert supplier_file.rejected_rows == len(supplier_file.problems) > 0


def test_invalid_spend_is_reported_with_what_is_accepted(tmp_path: Path) -> None:
    rows = [
        ["Leverancier", "Land", "Product", "Inkoopwaarde"],
        ["A", "NL", "x", "12.500,00"],
        ["B", "NL", "y", "ca. 500"],
    ]
    supplier_file, records = _read(_write(tmp_path / "list.csv", rows, "utf-8", ";"))
    assert [r.spend for r in records] == ["12.500,00", "ca. 500"]  # raw text is kept
    (problem,) = supplier_file.problems
    assert (problem.line, problem.column, problem.message) == (
        3,
        "Inkoopwaarde",
        "'ca. 500' is not an amount",
    )
    assert problem.accepted is not None
    assert "12.500,50" in problem.accepted
    with pytest.raises(InputError):
        supplier_file.raise_for_problems()


def test_row_without_supplier_name(tmp_path: Path) -> None:
    rows = [["Leverancier", "Land", "Product"], ["", "NL", "x"]]
    supplier_file, _ = _read(_write(tmp_path / "list.csv", rows, "utf-8", ";"))
    (problem,) = supplier_file.problems
    assert (problem.line, problem.column) == (2, "Leverancier")
    assert problem.message == "no supplier name, but the row has other data"


def test_control_characters_and_long_cells(tmp_path: Path) -> None:
    long_name = "x" * (MAX_CELL_CHARS + 1)
    rows = [
        ["Leverancier", "Land", "Product"],
        ["A\x00B", "NL", "x"],
        ["C", "N\x07L", "y"],
        [long_name, "NL", "z"],
    ]
    supplier_file, records = _read(_write(tmp_path / "list.csv", rows, "utf-8", ";"))
    assert len(records) == 3
    nul, bell, long = supplier_file.problems
    assert (nul.line, nul.column, nul.message) == (2, "Leverancier", "contains the control character U+0000")
    assert (bell.line, bell.column, bell.message) == (3, "Land", "contains the control character U+0007")
    assert (long.line, long.column) == (4, "Leverancier")
    assert long.message == f"the cell has {MAX_CELL_CHARS + 1} characters, more than {MAX_CELL_CHARS}"


def test_formula_like_cells_are_a_warning_and_kept(tmp_path: Path) -> None:
    rows = [
        ["Leverancier", "Land", "Product", "Bedrag"],
        ['=HYPERLINK("http://x")', "NL", "x", "-100"],
        ["B", "NL", "@SUM(A1)", "+5"],
        ["C", "NL", "\tcacao", "1"],
        ["D", "NL", "-cacao", "2"],
    ]
    supplier_file, records = _read(_write(tmp_path / "list.csv", rows, "utf-8", ";"))
    assert records[0].supplier == '=HYPERLINK("http://x")'
    assert records[2].product == "cacao"
    assert supplier_file.problems == []
    (warning,) = supplier_file.warnings
    assert warning.severity == "warning"
    assert warning.line == 2
    assert warning.message.startswith(
        "4 cells start with =, +, -, @, a tab or a carriage return (also line 3, 4, 5)"
    )


def test_problem_list_is_capped_with_a_final_count(tmp_path: Path) -> None:
    rows = [["Leverancier", "Land", "Product"]] + [[f"S{i}", "NL"] for i in range(MAX_PROBLEMS + 25)]
    supplier_file, _ = _read(_write(tmp_path / "list.csv", rows, "utf-8", ";"))
    assert len(supplier_file.problems) == MAX_PROBLEMS + 1
    assert supplier_file.problems[-1].message.startswith("and 25 more problems not listed")
    assert supplier_file.rejected_rows == MAX_PROBLEMS + 25


def test_records_can_be_read_twice_with_fresh_problems(tmp_path: Path) -> None:
    rows = [["Leverancier", "Land", "Product"], ["A", "NL"], ["B", "NL", "x"]]
    supplier_file = open_supplier_file(_write(tmp_path / "list.csv", rows, "utf-8", ";"))
    first = list(supplier_file.records())
    assert list(supplier_file.records()) == first
    assert len(supplier_file.problems) == 1


def test_title_rows_above_the_header_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Leverancierslijst 2024;;\n;;\nLeverancier;Land;Product\nA;NL;x\n", encoding="utf-8")
    supplier_file, records = _read(path)
    assert supplier_file.header_line == 3
    assert [(r.line, r.supplier) for r in records] == [(4, "A")]
    (warning,) = supplier_file.warnings
    assert warning.message == "1 row above the header row (line 3) ignored: Leverancierslijst 2024"


def test_problem_text_format() -> None:
    problem = InputProblem("leveranciers.csv", 14, "Land", "3 fields, expected 5", "5 fields")
    assert (
        str(problem) == "leveranciers.csv, line 14, column 'Land': 3 fields, expected 5 (accepted: 5 fields)"
    )
    warning = InputProblem("a.csv", None, None, "read as ISO-8859-1", None, "warning")
    assert str(warning) == "warning: a.csv: read as ISO-8859-1"


def test_long_cell_spread_over_short_lines_is_found(tmp_path: Path) -> None:
    product = "\n".join(["regel met tekst"] * 3000)  # ~48 000 characters, no line above 20
    rows = [["Leverancier", "Land", "Product"], ["A", "NL", product], ["B", "NL", "x"]]
    supplier_file, records = _read(_write(tmp_path / "list.csv", rows, "utf-8", ";"))
    assert [r.line for r in records] == [2, 3002]
    (problem,) = supplier_file.problems
    assert (problem.line, problem.column) == (2, "Product")
    assert problem.message.startswith(f"the cell has {len(product)} characters")


def test_control_characters_in_utf16_files(tmp_path: Path) -> None:
    rows = [["Leverancier", "Land", "Product"], ["A\x1bB", "NL", "x"]]
    supplier_file, _ = _read(_write(tmp_path / "list.txt", rows, "utf-16", "\t"))
    (problem,) = supplier_file.problems
    assert (problem.line, problem.column, problem.message) == (
        2,
        "Leverancier",
        "contains the control character U+001B",
    )


def test_file_replaced_after_opening_is_an_input_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "list.csv", TABLE, "utf-8", ";")
    supplier_file = open_supplier_file(path)
    path.write_bytes(b"Leverancier;Land;Product\n\xff\xfe;NL;x\n")
    with pytest.raises(InputError) as caught:
        list(supplier_file.records())
    assert caught.value.problems[0].message.startswith("the file changed while it was read")
    path.unlink()
    with pytest.raises(InputError) as caught:
        list(supplier_file.records())
    assert caught.value.problems[0].message.startswith("the file cannot be read again")


def test_unclosed_quote_swallowing_the_rest_of_a_large_file(tmp_path: Path) -> None:
    lines = ["Leverancier;Land;Product", 'A;NL;"cacao'] + [f"S{i};DE;koffie" for i in range(20000)]
    path = tmp_path / "list.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    supplier_file, records = _read(path)
    first = supplier_file.problems[0]
    assert first.line == 2
    assert first.message.startswith("this row cannot be read (field larger than field limit")
    assert "; it runs from line 2 to line " in first.message
    assert supplier_file.errors
    # whatever follows the broken cell is accounted for: read, rejected or reported
    assert len(records) + supplier_file.rejected_rows >= 1


@pytest.mark.parametrize(
    ("member", "message"),
    [
        ("xl/workbook.bin", "this is an Excel binary workbook (.xlsb), which cannot be read"),
        ("word/document.xml", "this is a Word document, not a supplier list"),
    ],
)
def test_other_office_zip_files(tmp_path: Path, member: str, message: str) -> None:
    path = tmp_path / "leveranciers.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "x")
    problem = _whole_file_problem(path)
    assert (problem.file, problem.line, problem.column, problem.message) == (
        "leveranciers.xlsx",
        None,
        None,
        message,
    )


def test_workbook_without_data(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.create_sheet("Leeg")
    workbook.save(tmp_path / "leeg.xlsx")
    problem = _whole_file_problem(tmp_path / "leeg.xlsx")
    assert problem.message == "every visible sheet of the workbook is empty"
    assert problem.accepted == "sheets: 'Sheet', 'Leeg'"


def test_workbook_that_unpacks_far_beyond_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * 2_000_000)
    problem = _whole_file_problem(path, max_bytes=50_000)
    assert problem.message.startswith("the workbook unpacks to 1 MB, more than 0 MB")


def test_invalid_utf8_after_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"Leverancier;Land;Product\nA\xff;NL;x\n")
    problem = _whole_file_problem(path)
    assert problem.line == 2
    assert problem.message.startswith("the file is not valid UTF-8 with BOM (undecodable bytes at byte ")


def test_invalid_utf16_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    text = "Leverancier\tLand\tProduct\r\nA\tNL\tx\r\nB\tDE\t"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"\x00\xd8y\x00\r\x00\n\x00")
    problem = _whole_file_problem(path)
    assert problem.line == 3
    assert problem.message.startswith("the file is not valid UTF-16")
