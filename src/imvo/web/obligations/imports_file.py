"""Reading an uploaded import file (CSV or XLSX): the bytes go to the core's reader as they are.

The core (:func:`imvo.core.obligations.load_imports`, built on :mod:`imvo.core.tabular`) tells CSV
from XLSX by content, checks a workbook's ZIP directory before anything is unpacked, detects the
encoding and delimiter, and numbers a sheet's rows as the spreadsheet does; nothing is converted here.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path, PurePath

from imvo.core.obligations import FactsError, ImportRecord, load_imports
from imvo.core.obligations.messages import message
from imvo.core.tabular import FileLimits, InputProblem

IMPORT_FILE_EXTENSIONS = frozenset({".csv", ".txt", ".xlsx"})


def read_import_file(
    name: str,
    data: bytes,
    limits: FileLimits | None = None,
    warnings: list[InputProblem] | None = None,
) -> tuple[ImportRecord, ...]:
    """The import records of the file; raises :class:`FactsError` listing every problem.

    The file is read while the page waits, so it is bounded by the install's limits (default:
    ``IMVO_MAX_FORM_ROWS`` rows). Whole-file warnings (a guessed encoding) are added to ``warnings``
    when it is given.
    """
    if limits is None:
        from imvo.web.upload_limits import file_limits

        limits = file_limits("IMVO_MAX_FORM_ROWS")
    suffix = PurePath(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="imvo-imports-") as folder:
        path = Path(folder) / f"upload{suffix if suffix in IMPORT_FILE_EXTENSIONS else ''}"
        path.write_bytes(data)
        records = load_imports(path, limits, file=name, warnings=warnings)
    _check_storable(name, records)
    return records


# ImportLine.quantity_kg holds 17 digits before the decimal point; a larger mass is a typing error.
MAX_QUANTITY_KG = Decimal(10) ** 16


def _check_storable(name: str, records: tuple[ImportRecord, ...]) -> None:
    problems = []
    for record in records:
        if record.quantity_kg >= MAX_QUANTITY_KG:
            params = {"quantity": str(record.quantity_kg)}
            text, accepted = message("imports.implausible_mass", **params)
            problems.append(
                InputProblem(
                    name,
                    record.line,
                    "quantity_kg",
                    text,
                    accepted,
                    code="imports.implausible_mass",
                    params=params,
                )
            )
    if problems:
        raise FactsError(problems)
