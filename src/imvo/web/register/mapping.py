"""Choosing a supplier list's columns in the web, as the command line's column map does.

When the header row of an uploaded list is not recognised, the person picks which column holds the
supplier, the country, the product and so on, seeing the first rows. The list is then scanned as a
copy with one column per chosen field under the field's own name (``supplier``, ``country``, ...),
so the scan reads it exactly as it reads any list whose headers it knows: the mapping is the core's
(:func:`imvo.core.suppliers.columns.resolve_columns` with a column map), nothing is re-implemented.

Corrections of rows whose country or product was not recognised work the same way: the list of a
scan is copied with the corrected cells, and the copy is scanned and reviewed like any list.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from imvo.core.suppliers import ALL_FIELDS, FileLimits, InputError, open_supplier_file
from imvo.core.suppliers.columns import field_for_header, guess_field, resolve_columns
from imvo.core.suppliers.reader import _find_header
from imvo.core.tabular.table import open_table

#: Data rows shown under the headers while the columns are chosen.
PREVIEW_ROWS = 5
#: Characters of a cell shown in the preview.
PREVIEW_CHARS = 60
#: Columns offered (a header row of thousands of columns is not a supplier list to map by hand).
MAX_COLUMNS = 200
#: Fields without which a list cannot be scanned: supplier, country, and product or HS code.
REQUIRED = ("supplier", "country")
ONE_OF = ("product", "hs_code")


@dataclass(frozen=True)
class ListPreview:
    """The header row of a list and its first data rows, each cut to ``PREVIEW_CHARS``."""

    headers: list[str]
    rows: list[list[str]]
    #: Field → column index, where the header names the field unambiguously (a starting point).
    detected: dict[str, int]
    #: Whether the scan would understand the columns as they are.
    recognised: bool


def _cut(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def _detected(headers: list[str]) -> dict[str, int]:
    """Each field whose header names it (or, failing that, resembles it) in exactly one column."""
    found: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        field = field_for_header(header) or guess_field(header)
        if field is not None:
            found.setdefault(field, []).append(index)
    return {field: indexes[0] for field, indexes in found.items() if len(indexes) == 1}


def read_preview(path: Path, name: str, limits: FileLimits) -> ListPreview:
    """The header and first rows of the list at ``path``; raises :class:`InputError` when the file
    itself cannot be read (then there are no columns to choose)."""
    with open_table(path, limits, file=name) as table:
        headers, (_start, end), _warnings, _fields = _find_header(table.open_rows(), None, name, limits)
        headers = headers[:MAX_COLUMNS]
        rows: list[list[str]] = []
        source = table.open_rows()
        try:
            for row in source:
                if source.line_num <= end or not "".join(row).strip():
                    continue
                rows.append([_cut(row[i]) if i < len(row) else "" for i in range(len(headers))])
                if len(rows) >= PREVIEW_ROWS:
                    break
        finally:
            source.close()
    try:
        resolve_columns(headers, None, name, 1)
        recognised = True
    except InputError:
        recognised = False
    return ListPreview(headers, rows, _detected(headers), recognised)


def needs_column_choice(path: Path, name: str, limits: FileLimits) -> bool:
    """Whether the list can be read but its columns are not recognised: then they are chosen."""
    try:
        return not read_preview(path, name, limits).recognised
    except InputError:
        return False  # a problem with the whole file: the scan reports it as it does for any list


def mapped_copy(path: Path, name: str, indexes: Mapping[str, int], limits: FileLimits) -> bytes:
    """The list at ``path`` as UTF-8 CSV with one column per chosen field (``field → column index``),
    named by the field; every data row is kept as it is, so the scan reports its problems."""
    fields = [field for field in ALL_FIELDS if field in indexes]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    with open_table(path, limits, file=name) as table:
        headers, (_start, end), _warnings, _fields = _find_header(table.open_rows(), None, name, limits)
        source = table.open_rows()
        try:
            for row in source:
                if source.line_num <= end:
                    continue
                writer.writerow(
                    [row[indexes[field]] if indexes[field] < len(row) else "" for field in fields]
                )
        finally:
            source.close()
    return buffer.getvalue().encode("utf-8")


@dataclass(frozen=True)
class Correction:
    country: str
    product: str


def corrected_copy(path: Path, name: str, corrections: Mapping[int, Correction], limits: FileLimits) -> bytes:
    """The list at ``path`` (one the scan could read) as UTF-8 CSV of its recognised fields, with the
    country and product of the rows in ``corrections`` (by data row number) replaced."""
    with open_supplier_file(path, limits=limits) as supplier_file:
        fields = [field for field in ALL_FIELDS if field in supplier_file.column_indexes]
        for wanted in ("country", "product"):
            if wanted not in fields:
                fields.append(wanted)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(fields)
        for record in supplier_file.records():
            values = record._asdict()
            if (correction := corrections.get(record.input_row)) is not None:
                values["country"] = correction.country or values["country"]
                values["product"] = correction.product or values["product"]
            writer.writerow([values[field] for field in fields])
    return buffer.getvalue().encode("utf-8")
