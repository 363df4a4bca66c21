"""Reading an uploaded import file (CSV or XLSX) with the core's parser and its row-level problems.

An XLSX sheet is turned into CSV text row by row (empty rows kept), so the line numbers in the core's
messages are the spreadsheet's row numbers.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePath

from openpyxl import load_workbook

from imvo.core.obligations import FactsError, ImportRecord, parse_imports
from imvo.core.suppliers import FileLimits, InputError, check_workbook_size
from imvo.core.suppliers.limits import too_many_rows
from imvo.core.suppliers.problems import InputProblem

IMPORT_FILE_EXTENSIONS = frozenset({".csv", ".txt", ".xlsx"})


def read_import_file(name: str, data: bytes, limits: FileLimits | None = None) -> tuple[ImportRecord, ...]:
    """The import records of the file; raises :class:`FactsError` listing every problem.

    The file is read while the page waits, so it is bounded by the install's limits (default:
    ``IMVO_MAX_FORM_ROWS`` rows; a workbook's ZIP directory is checked before anything is unpacked).
    """
    if limits is None:
        from imvo.web.upload_limits import file_limits

        limits = file_limits("IMVO_MAX_FORM_ROWS")
    if PurePath(name).suffix.lower() == ".xlsx":
        text = _xlsx_as_csv(name, data, limits)
    else:
        text = _decode(name, data)
    try:
        records = parse_imports(text, name, limits)
    except (AttributeError, TypeError) as error:
        # The core parser (as of this writing) fails on a row with more values than the header has
        # columns (csv.DictReader puts the rest in a list); report it as an input problem instead.
        raise FactsError(
            [
                InputProblem(
                    name,
                    None,
                    None,
                    "a row has more values than the header has columns (check the delimiter and "
                    "decimal commas)",
                )
            ]
        ) from error
    _check_storable(name, records)
    return records


# ImportLine.quantity_kg holds 17 digits before the decimal point; a larger mass is a typing error.
MAX_QUANTITY_KG = Decimal(10) ** 16


def _check_storable(name: str, records: tuple[ImportRecord, ...]) -> None:
    problems = [
        InputProblem(
            name, record.line, "quantity_kg", f"{record.quantity_kg} kg is implausibly large", "< 10^16"
        )
        for record in records
        if record.quantity_kg >= MAX_QUANTITY_KG
    ]
    if problems:
        raise FactsError(problems)


def _decode(name: str, data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FactsError([InputProblem(name, None, None, "cannot read the file as text (UTF-8 or Windows-1252)")])


def _xlsx_as_csv(name: str, data: bytes, limits: FileLimits) -> str:
    try:
        check_workbook_size(io.BytesIO(data), limits, name)
    except InputError as error:
        raise FactsError(error.problems) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FactsError(
            [InputProblem(name, None, None, f"not a readable XLSX workbook: {error}")]
        ) from error
    try:
        sheet = workbook.worksheets[0]
        output = io.StringIO()
        writer = csv.writer(output)
        for count, row in enumerate(sheet.iter_rows(values_only=True)):
            # The header row and every row after it, empty ones too: a sheet of a million empty rows
            # costs as much to read as a full one.
            if limits.max_rows is not None and count > limits.max_rows:
                raise FactsError(too_many_rows(name, limits, count + 1).problems)
            writer.writerow([_cell_text(value) for value in row])
    finally:
        workbook.close()
    return output.getvalue()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        # Spreadsheets store 2024 and 26090000 as floats; the parser wants their digits.
        return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
