"""Writing the register: CSV, XLSX, JSON, Parquet or HTML, chosen by the file extension.

CSV, XLSX and JSON hold the register as one table, one row per supplier row and theme, because
spreadsheets and simple scripts read one table. Parquet, read by programs, holds it as two relations
joined by ``input_row``, so that the supplier's cells are not repeated for each of its themes:
``register.parquet`` holds the findings (:data:`~imvo.core.scan.FINDING_ROW_COLUMNS`, in priority
order) and ``register.suppliers.parquet`` beside it the supplier rows
(:data:`~imvo.core.scan.SUPPLIER_ROW_COLUMNS`, in file order). Joined, they are the register::

    SELECT * FROM 'register.suppliers.parquet' s JOIN 'register.parquet' f USING (input_row)

Files are written next to the destination and moved into place at the end, so a failure never
leaves a half-written register. CSV and XLSX cells that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe, as the
OWASP guidance on CSV injection advises; JSON and Parquet keep values as they are, because they are
read by programs, not spreadsheets.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from imvo.core.scan import (
    FINDING_ROW_COLUMNS,
    FINDING_ROWS,
    REGISTER_COLUMNS,
    REGISTER_ORDER,
    SCANNED_ROWS,
    SUPPLIER_ROW_COLUMNS,
    TEXT_COLUMNS,
    ScanResult,
)
from imvo.core.sql import code_point_in
from imvo.core.suppliers import FORMULA_PREFIXES

FORMATS = (".csv", ".xlsx", ".json", ".parquet", ".html")
XLSX_MAX_ROWS = 1_048_576 - 1  # one row for the header


class ExportError(ValueError):
    """The register cannot be written as asked (unknown extension, too many rows for XLSX)."""


def neutralise_formula(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _register_select(guarded: frozenset[str]) -> str:
    """The register in priority order with the ``guarded`` columns neutralised; every name in it
    is one of this package's own constants."""
    columns = []
    for name in REGISTER_COLUMNS:
        if name in guarded:
            formula = code_point_in(f"unicode({name})", "".join(FORMULA_PREFIXES))
            columns.append(f"CASE WHEN {formula} THEN '''' || {name} ELSE {name} END AS {name}")
        else:
            columns.append(name)
    return f"SELECT {', '.join(columns)} FROM register ORDER BY {REGISTER_ORDER}"  # noqa: S608


_COPY_OPTIONS = {
    ".csv": "FORMAT csv, HEADER true",
    ".json": "FORMAT json, ARRAY true",
    ".parquet": "FORMAT parquet",
}


@contextlib.contextmanager
def _atomic_path(destination: Path) -> Iterator[Path]:
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=destination.suffix, dir=destination.parent
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)


def register_files(destination: Path) -> list[Path]:
    """The files :func:`write_register` writes for ``destination``: Parquet adds the supplier rows."""
    if destination.suffix.lower() == ".parquet":
        return [destination, destination.with_name(f"{destination.stem}.suppliers{destination.suffix}")]
    return [destination]


def check_destination(destination: Path) -> None:
    if destination.suffix.lower() not in FORMATS:
        raise ExportError(
            f"cannot write {destination.name!r}: unknown extension {destination.suffix or '(none)'!r}; "
            f"use one of {', '.join(FORMATS)}"
        )


def check_register_fits(result: ScanResult, destination: Path) -> None:
    """Raise :class:`ExportError` when this register cannot be written to ``destination``; callers
    writing several files check them all first, so that none is written when one would fail."""
    check_destination(destination)
    if destination.suffix.lower() == ".xlsx":
        rows = result.summary.register_rows
        if rows > XLSX_MAX_ROWS:
            raise ExportError(
                f"the register has {rows:,} rows, more than an XLSX sheet holds ({XLSX_MAX_ROWS:,}); "
                "write .csv or .parquet instead"
            )


def write_register(result: ScanResult, destination: Path | str) -> Path:
    """Write the register to ``destination`` in the format its extension names."""
    destination = Path(destination)
    check_register_fits(result, destination)
    suffix = destination.suffix.lower()
    with _atomic_path(destination) as temporary:
        if suffix == ".parquet":
            _write_parquet(result, temporary, register_files(destination)[1])
        elif suffix in _COPY_OPTIONS:
            select = _register_select(result.formula_columns if suffix == ".csv" else frozenset())
            _copy(result, select, temporary, _COPY_OPTIONS[suffix])
        elif suffix == ".xlsx":
            _write_xlsx(result, temporary)
        else:
            from imvo.core.report import render_report

            temporary.write_text(render_report(result), encoding="utf-8")
    return destination


def _copy(result: ScanResult, select: str, path: Path, options: str) -> None:
    escaped = str(path).replace("'", "''")
    result.connection.execute(f"COPY ({select}) TO '{escaped}' ({options})")


def _write_parquet(result: ScanResult, findings: Path, suppliers: Path) -> None:
    """The findings to ``findings`` (a temporary file the caller moves into place), the supplier rows
    to ``suppliers``, moved into place once both are written."""
    # The view reads the findings table in its stored order, the register's (DuckDB keeps insertion
    # order, see imvo.core.scan._connect): sorting again would cost a third of the write.
    _copy(
        result,
        f"SELECT {', '.join(FINDING_ROW_COLUMNS)} FROM {FINDING_ROWS}",  # noqa: S608
        findings,
        _COPY_OPTIONS[".parquet"],
    )
    with _atomic_path(suppliers) as temporary:
        _copy(
            result,
            f"SELECT {', '.join(SUPPLIER_ROW_COLUMNS)} FROM {SCANNED_ROWS} ORDER BY input_row",  # noqa: S608
            temporary,
            _COPY_OPTIONS[".parquet"],
        )


def _write_xlsx(result: ScanResult, path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("register")
    sheet.append(list(REGISTER_COLUMNS))
    text_positions = [i for i, name in enumerate(REGISTER_COLUMNS) if name in TEXT_COLUMNS]
    for finding in result.iter_findings():
        row: list[object] = [getattr(finding, name) for name in REGISTER_COLUMNS]
        for i in text_positions:
            value = row[i]
            if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
                row[i] = "'" + value
        sheet.append(row)
    workbook.save(path)
