"""Reading supplier lists: CSV in any common encoding and delimiter, or XLSX, with EN/NL/DE headers.

``open_supplier_file`` raises :class:`InputError` for problems with the whole file; the rows are
streamed by ``SupplierFile.records()``, which collects row problems in ``SupplierFile.problems``
instead of raising, so a caller can show all of them at once. User documentation:
docs/supplier-files.md.
"""

from __future__ import annotations

from imvo.core.suppliers.amounts import AMOUNT_ACCEPTED, parse_amount
from imvo.core.suppliers.columns import (
    ALL_FIELDS,
    EXTRA_FIELDS,
    FIELDS,
    HEADER_ALIASES,
    field_for_header,
    normalise_header,
    parse_column_map,
)
from imvo.core.suppliers.reader import (
    DEFAULT_MAX_BYTES,
    FORMULA_PREFIXES,
    SupplierFile,
    SupplierRecord,
    open_supplier_file,
)
from imvo.core.tabular.limits import DEFAULT_LIMITS, FileLimits, check_workbook_size
from imvo.core.tabular.problems import MAX_CELL_CHARS, MAX_PROBLEMS, InputError, InputProblem

__all__ = [
    "ALL_FIELDS",
    "DEFAULT_LIMITS",
    "AMOUNT_ACCEPTED",
    "DEFAULT_MAX_BYTES",
    "EXTRA_FIELDS",
    "FIELDS",
    "FORMULA_PREFIXES",
    "FileLimits",
    "HEADER_ALIASES",
    "MAX_CELL_CHARS",
    "MAX_PROBLEMS",
    "InputError",
    "InputProblem",
    "SupplierFile",
    "SupplierRecord",
    "check_workbook_size",
    "field_for_header",
    "normalise_header",
    "open_supplier_file",
    "parse_amount",
    "parse_column_map",
]
