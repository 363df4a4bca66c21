"""Reading users' tables, CSV or XLSX, the same way for every reader (supplier lists, a monitoring
population, import records): size and zip-bomb limits, encodings, delimiters, cell text, row caps and
row-level input problems. What a row *means* is the caller's business.

Input problems are values: :class:`InputProblem` (file, line, column, message, accepted); a reader
collects all of them and raises :class:`InputError` carrying the list.
"""

from __future__ import annotations

from imvo.core.tabular.limits import (
    DEFAULT_LIMITS,
    FileLimits,
    change_hint,
    check_workbook_size,
    too_many_rows,
)
from imvo.core.tabular.problems import MAX_CELL_CHARS, MAX_PROBLEMS, InputError, InputProblem, ProblemLog
from imvo.core.tabular.table import HeadedTable, Table, TableRow, open_table, read_table
from imvo.core.tabular.xlsx import cell_text

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_CELL_CHARS",
    "MAX_PROBLEMS",
    "FileLimits",
    "HeadedTable",
    "InputError",
    "InputProblem",
    "ProblemLog",
    "Table",
    "TableRow",
    "cell_text",
    "change_hint",
    "check_workbook_size",
    "open_table",
    "read_table",
    "too_many_rows",
]
