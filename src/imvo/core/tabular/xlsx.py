"""XLSX specifics: picking the sheet and turning cell values into the text a CSV would hold.

:func:`cell_text` is the one conversion every reader uses, so a workbook and its CSV export give the
same text."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from imvo.core.tabular.problems import InputError, InputProblem

# openpyxl takes 0.13 s to import: only reading a workbook loads it, not every CSV scan.
if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet


def cell_text(value: Any) -> str:
    """Cell value as text: 180100 stays '180100', 1801.0 becomes '1801', dates become ISO dates.

    Codes that Excel already turned into numbers (090111 stored as 90111) are kept as they are;
    restoring leading zeros is the product matcher's job, which knows the code lengths.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _unreadable(file: str, error: Exception) -> InputError:
    return InputError(
        [
            InputProblem(
                file,
                None,
                None,
                f"the XLSX workbook cannot be read ({type(error).__name__}: {error})",
                "save it again from Excel as .xlsx, or export the sheet as CSV",
            )
        ]
    )


def open_workbook(path: Path, file: str) -> Workbook:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on damaged files; all mean "unreadable"
        raise _unreadable(file, error) from None


def _has_data(sheet: ReadOnlyWorksheet) -> bool:
    for row in sheet.iter_rows(values_only=True):  # type: ignore[misc]  # stubs type it for Worksheet only
        if any(value is not None and str(value).strip() for value in row):
            return True
    return False


def choose_sheet(workbook: Workbook, sheet: str | None, file: str) -> ReadOnlyWorksheet:
    """The named sheet, else the first visible sheet that holds any data."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    sheets = [ws for ws in workbook.worksheets if isinstance(ws, ReadOnlyWorksheet)]
    names = ", ".join(f"'{ws.title}'" for ws in sheets)
    if sheet is not None:
        for candidate in sheets:
            if candidate.title == sheet:
                return candidate
        raise InputError(
            [InputProblem(file, None, None, f"the workbook has no sheet '{sheet}'", f"one of {names}")]
        )
    try:
        for candidate in sheets:
            if candidate.sheet_state == "visible" and _has_data(candidate):
                return candidate
    except Exception as error:  # damaged sheet XML surfaces only while reading rows
        raise _unreadable(file, error) from None
    raise InputError(
        [InputProblem(file, None, None, "every visible sheet of the workbook is empty", f"sheets: {names}")]
    )


class SheetRows:
    """Rows of a sheet as lists of text, numbered by sheet row; ``width`` pads or trims them."""

    def __init__(self, sheet: ReadOnlyWorksheet, file: str) -> None:
        self._rows = sheet.iter_rows(values_only=True)  # type: ignore[misc]  # stubs: Worksheet only
        self._file = file
        self.line_num = 0
        self.width: int | None = None

    def __iter__(self) -> Iterator[list[str]]:
        return self

    def __next__(self) -> list[str]:
        try:
            values = next(self._rows)
        except StopIteration:
            raise
        except Exception as error:  # damaged sheet XML surfaces only while reading rows
            raise InputError(
                [
                    InputProblem(
                        self._file,
                        self.line_num + 1,
                        None,
                        f"the sheet cannot be read from here on ({type(error).__name__}: {error})",
                        "save it again from Excel as .xlsx, or export the sheet as CSV",
                    )
                ]
            ) from None
        self.line_num += 1
        cells = [cell_text(value) for value in values]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            return cells
        if self.width is not None:
            # Cells right of the last header have no column name and are ignored, like unknown
            # columns; missing trailing cells are simply empty in a spreadsheet.
            cells = cells[: self.width] + [""] * (self.width - len(cells))
        return cells

    def close(self) -> None:
        """Nothing to release per iteration; the workbook is closed by its owner."""
