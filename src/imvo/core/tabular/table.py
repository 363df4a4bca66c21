"""Opening a user's table (CSV or XLSX) once for every reader, and streaming its rows.

:func:`open_table` does everything about the *file*: its size, what it really is (by content, not by
extension), a workbook's ZIP directory against the zip-bomb limits, the text encoding (with the
refusal of damaged UTF-8 and Shift-JIS and the guessed-encoding warning) and the CSV delimiter. The
supplier reader builds its header recognition and row checks on it; :func:`read_table` adds the
generic part the population and import-record readers share: the first non-empty row is the header,
every later row comes with its line numbers, and the row-level problems (ragged rows, rows merged by
a stray double quote, unreadable rows, control characters, overlong cells, the row cap) are the same
for all of them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from imvo.core.tabular.delimited import CsvRows, detect_delimiter, sample_text
from imvo.core.tabular.encoding import CONTROL_CHARACTERS, TextScan, scan_text, sniff_format
from imvo.core.tabular.limits import (
    DEFAULT_LIMITS,
    FileLimits,
    change_hint,
    check_workbook_size,
    too_many_rows,
)
from imvo.core.tabular.problems import MAX_CELL_CHARS, InputError, InputProblem, ProblemLog
from imvo.core.tabular.xlsx import SheetRows, choose_sheet, open_workbook

if TYPE_CHECKING:  # openpyxl is imported when a workbook is read (imvo.core.tabular.xlsx)
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

__all__ = ["HeadedTable", "RowSource", "Table", "TableRow", "open_table", "read_table", "whole_file_error"]


class RowSource(Protocol):
    """Rows of a CSV file or a sheet; ``line_num`` is the line (sheet row) where the last row ended."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...

    def close(self) -> None: ...


def whole_file_error(file: str, message: str, accepted: str | None = None) -> InputError:
    return InputError([InputProblem(file, None, None, message, accepted)])


@dataclass
class Table:
    """A table file whose format, encoding and delimiter are known; rows are read by :meth:`open_rows`."""

    path: Path
    file: str  # the name used in messages (the name the user gave the file)
    format: Literal["csv", "xlsx"]
    limits: FileLimits
    encoding: str | None = None
    delimiter: str | None = None
    text_scan: TextScan | None = None
    workbook: Workbook | None = None
    worksheet: ReadOnlyWorksheet | None = None
    #: Whole-file warnings (a guessed encoding); never a reason to refuse the file.
    warnings: list[InputProblem] = field(default_factory=list)

    @property
    def sheet(self) -> str | None:
        return self.worksheet.title if self.worksheet is not None else None

    def open_rows(self) -> RowSource:
        """A fresh pass over the rows from the first line."""
        if self.worksheet is not None:
            return SheetRows(self.worksheet, self.file)
        assert self.encoding is not None
        return CsvRows(self.path, self.encoding, self.delimiter)

    def close(self) -> None:
        if self.workbook is not None:
            self.workbook.close()

    def __enter__(self) -> Table:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def open_table(
    path: Path,
    limits: FileLimits = DEFAULT_LIMITS,
    *,
    file: str | None = None,
    sheet: str | None = None,
    what: str = "a supplier list",
    layout: str = "a header row, then one row per supplier",
) -> Table:
    """Check the file as a whole and open it; raise :class:`InputError` for whole-file problems.

    ``file`` is the name messages use (default: the path's name); ``sheet`` picks an XLSX sheet by
    name (default: the first visible sheet with data); ``what`` and ``layout`` name what the file
    should hold, for messages ("a supplier list", "a header row, then one row per supplier").
    """
    path = Path(path)
    file = file or path.name or str(path)
    max_bytes = limits.max_bytes
    try:
        if path.is_dir():
            raise whole_file_error(file, "this is a folder, not a file", "a .csv or .xlsx file")
        size = path.stat().st_size
        if size == 0:
            raise whole_file_error(file, "the file is empty", layout)
        if size > max_bytes:
            raise whole_file_error(
                file,
                f"the file is {size / 1024**2:.1f} MB, more than the limit of {max_bytes / 1024**2:.1f} MB"
                + change_hint(limits, "max_bytes"),
                "split the list into smaller files, or leave out columns that are not used",
            )
        with path.open("rb") as stream:
            head = stream.read(8192)
        if sniff_format(head, path, file, what) == "xlsx":
            check_workbook_size(path, limits, file)  # before openpyxl unpacks anything
            workbook = open_workbook(path, file)
            try:
                worksheet = choose_sheet(workbook, sheet, file)
            except BaseException:
                workbook.close()
                raise
            return Table(path, file, "xlsx", limits, workbook=workbook, worksheet=worksheet)
        scan = scan_text(path, head, file)
        text, complete = sample_text(path, scan.encoding)
        delimiter = detect_delimiter(text, complete)
        return Table(path, file, "csv", limits, scan.encoding, delimiter, scan, warnings=list(scan.warnings))
    except FileNotFoundError:
        raise whole_file_error(file, f"file not found: {path}", "the path of a .csv or .xlsx file") from None
    except PermissionError:
        raise whole_file_error(file, "the file cannot be read (permission denied)") from None
    except OSError as error:
        raise whole_file_error(file, f"the file cannot be read ({error.strerror or error})") from None


class TableRow(NamedTuple):
    """A data row: the line (sheet row) where it starts and ends, and exactly one cell per header."""

    line: int
    end: int
    cells: list[str]


@dataclass
class HeadedTable:
    """A table with its header row; :meth:`rows` streams the data rows, putting every row problem in
    :attr:`problems` (rows with a problem are not yielded). Callers add their own problems to the same
    log, so all of them come out in one list."""

    table: Table
    headers: list[str]
    header_line: int
    header_end: int
    problems: ProblemLog
    rows_read: int = 0  # data rows looked at, empty ones included

    @property
    def file(self) -> str:
        return self.table.file

    @property
    def warnings(self) -> list[InputProblem]:
        return self.table.warnings

    def close(self) -> None:
        self.table.close()

    def __enter__(self) -> HeadedTable:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def rows(self) -> Iterator[TableRow]:
        """Data rows after the header, blank ones skipped; raises :class:`InputError` once more rows
        than ``limits.max_rows`` (blank ones included) follow the header."""
        table = self.table
        source = table.open_rows()
        try:
            yield from self._rows(source)
        except (OSError, UnicodeDecodeError) as error:
            raise whole_file_error(self.file, f"the file changed while it was read ({error})") from None
        finally:
            source.close()

    def _rows(self, source: RowSource) -> Iterator[TableRow]:
        rows = iter(source)
        for _ in rows:
            if source.line_num >= self.header_end:
                break
        width = len(self.headers)
        if isinstance(source, SheetRows):
            source.width = width  # a sheet's missing trailing cells are empty, cells past the header ignored
        previous = self.header_end
        while True:
            try:
                for row in rows:
                    self._count_row()
                    line, previous = previous + 1, source.line_num
                    checked = self._checked(row, width, line, previous)
                    if checked is not None:
                        yield TableRow(line, previous, checked)
                return
            except csv.Error as error:
                self._count_row(from_error=True)
                line, previous = previous + 1, source.line_num
                self.problems.add(
                    line,
                    None,
                    f"this row cannot be read ({error})"
                    + (f"; it runs from line {line} to line {previous}" if previous > line else ""),
                    "a cell of at most 131072 characters; check for a missing closing double quote",
                )

    def _count_row(self, *, from_error: bool = False) -> None:
        """One more row read; past the row cap the whole file is refused."""
        cap = self.table.limits.max_rows
        if cap is not None and self.rows_read >= cap:
            error = too_many_rows(self.file, self.table.limits, None)
            if from_error:
                raise error from None
            raise error
        self.rows_read += 1

    def _checked(self, row: list[str], width: int, line: int, end: int) -> list[str] | None:
        """The row to hand out, or None: blank, or its problem recorded."""
        if not "".join(row).strip():
            return None
        if len(row) > width and not "".join(row[width:]).strip():
            row = row[:width]  # trailing empty fields, as Excel writes them
        if len(row) != width:
            self._ragged(row, line, end)
            return None
        if self._row_problems(row, line, end):
            return None
        return row

    def _separator(self) -> str:
        delimiter = self.table.delimiter or ","
        return "tab" if delimiter == "\t" else f"'{delimiter}'"

    def _ragged(self, row: list[str], line: int, end: int) -> None:
        width = len(self.headers)
        fields = len(row)
        message = f"{fields} fields, expected {width} (the header has {width} columns)"
        # A short row names the first column without a value; a long one has no column to name.
        column = self.headers[fields] if fields < width else None
        if end > line:
            message += (
                f". This row runs from line {line} to line {end} because a quoted cell spans "
                "several lines: check for a missing closing double quote"
            )
        separator = self._separator()
        self.problems.add(
            line,
            column,
            message,
            f"every row has {width} fields separated by {separator}; a value that contains "
            f"{separator}, a double quote or a line break must be in double quotes",
        )

    def _row_problems(self, row: list[str], line: int, end: int) -> bool:
        """Add the row's problems to the log; whether there were any."""
        before = len(self.problems.problems) + self.problems.overflow
        delimiter = self.table.delimiter or ","
        needed = max(len(self.headers) - 1, 1)
        for index, cell in enumerate(row):
            name = self.headers[index]
            if end > line and ("\n" in cell or "\r" in cell) and cell.count(delimiter) >= needed:
                # The supplier reader's stray-quote rule: a multi-line cell holding a whole row's
                # worth of delimiters has swallowed rows.
                self.problems.add(
                    line,
                    name,
                    f"this row runs from line {line} to line {end} and one cell holds "
                    f"{cell.count(delimiter)} {self._separator()} across a line break, as many as a "
                    "whole row has: a stray double quote has probably merged rows",
                    'a double quote only around a whole value, written twice inside it (""); '
                    "check the quotes on these lines",
                )
            elif len(cell) > MAX_CELL_CHARS:
                self.problems.add(
                    line,
                    name,
                    f"the cell has {len(cell)} characters, more than {MAX_CELL_CHARS}",
                    f"at most {MAX_CELL_CHARS} characters; a missing closing double quote can make "
                    "one cell swallow the lines after it",
                )
            elif (control := CONTROL_CHARACTERS.search(cell)) is not None:
                self.problems.add(
                    line,
                    name,
                    f"contains the control character U+{ord(control.group()):04X}",
                    "printable text; export the file again or remove the character",
                )
        return len(self.problems.problems) + self.problems.overflow > before


def read_table(
    path: Path,
    limits: FileLimits = DEFAULT_LIMITS,
    *,
    file: str | None = None,
    sheet: str | None = None,
    what: str = "a table",
    layout: str = "a header row, then one row per record",
) -> HeadedTable:
    """Open the table and read its header: the first non-empty row. Raises :class:`InputError` for
    whole-file problems (see :func:`open_table`) and when the file has no header row; the data rows
    are streamed by :meth:`HeadedTable.rows`. Close the result (it is a context manager)."""
    table = open_table(path, limits, file=file, sheet=sheet, what=what, layout=layout)
    try:
        source = table.open_rows()
        cap = limits.max_rows
        previous = 0
        try:
            for row in source:
                if cap is not None and previous > cap:
                    raise too_many_rows(table.file, limits, None)
                line, previous = previous + 1, source.line_num
                if "".join(row).strip():
                    headers = [cell.strip().lstrip("\ufeff").strip() for cell in row]
                    while headers and not headers[-1]:
                        headers.pop()
                    return HeadedTable(table, headers, line, previous, ProblemLog(table.file))
        except csv.Error as error:
            raise whole_file_error(table.file, f"the header row cannot be read ({error})") from None
        finally:
            source.close()
        raise whole_file_error(table.file, "the file has no header row (it holds no text)", layout)
    except BaseException:
        table.close()
        raise
