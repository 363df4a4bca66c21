"""Opening a supplier list (CSV or XLSX) and streaming its rows as :class:`SupplierRecord` values."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from imvo.core.suppliers.amounts import AMOUNT_ACCEPTED, PLAIN_AMOUNT, parse_amount
from imvo.core.suppliers.columns import (
    ALL_FIELDS,
    ColumnLayout,
    field_for_header,
    normalise_header,
    resolve_columns,
    shown_header,
)
from imvo.core.tabular.encoding import CONTROL_CHARACTERS, TextScan
from imvo.core.tabular.limits import DEFAULT_LIMITS, DEFAULT_MAX_BYTES, FileLimits, too_many_rows
from imvo.core.tabular.problems import MAX_CELL_CHARS, InputError, InputProblem, ProblemLog
from imvo.core.tabular.table import open_table
from imvo.core.tabular.xlsx import SheetRows

if TYPE_CHECKING:  # openpyxl is imported when a workbook is read (imvo.core.tabular.xlsx)
    from openpyxl.workbook.workbook import Workbook

__all__ = ["DEFAULT_MAX_BYTES", "FORMULA_PREFIXES", "SupplierFile", "SupplierRecord", "open_supplier_file"]

NO_ROWS = "the file has a header row but no supplier rows"
#: How many non-empty rows at the top may be titles or notes above the real header row.
_HEADER_SEARCH_ROWS = 10
#: What spreadsheet programs treat as the start of a formula (OWASP, "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_PREFIXES)  # "" is not in it, so empty cells need no test
_FORMULA_EXAMPLES = 5


NO_SUPPLIER = "no supplier name, but the row has other data"
NO_SUPPLIER_ACCEPTED = "every row names its supplier; remove total and note rows"
NO_ROWS_ACCEPTED = "one row per supplier below the header; check that the right file was chosen"


class SupplierRecord(NamedTuple):
    """One supplier row: raw cell text, stripped, "" where the file has no such column."""

    input_row: int  # 1-based data row number (header excluded, blank rows not counted)
    line: int  # physical line (CSV) or sheet row (XLSX) where the row starts, for messages
    supplier: str
    country: str
    product: str
    hs_code: str
    spend: str
    tier: str
    supplier_id: str = ""
    city: str = ""


@dataclass
class _FormulaCells:
    """Cells a spreadsheet would run as formulas: counted, with the first few lines as examples."""

    count: int = 0
    lines: list[int] = dataclasses.field(default_factory=list)


class _Rows(Protocol):
    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...


class _RowSource(Protocol):
    def __iter__(self) -> Iterator[list[str]]: ...

    def close(self) -> None: ...


class SupplierFile:
    """An opened supplier list whose header is understood; :meth:`records` streams the rows."""

    def __init__(
        self,
        path: Path,
        format: Literal["csv", "xlsx"],
        encoding: str | None,
        delimiter: str | None,
        headers: list[str],
        layout: ColumnLayout,
        header_lines: tuple[int, int],
        warnings: list[InputProblem],
        open_rows: Callable[[], _RowSource],
        text_scan: TextScan | None = None,
        header_fields: int | None = None,
        workbook: Workbook | None = None,
        sheet: str | None = None,
        limits: FileLimits = DEFAULT_LIMITS,
    ) -> None:
        self.path = path
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.headers = headers
        self.columns: dict[str, str] = dict(layout.names)
        self.header_line = header_lines[0]
        #: The physical line where the header row ends (the same line unless a header cell spans
        #: several) and how many fields that row has, trailing empty ones included.
        self.header_end = header_lines[1]
        self.header_fields = header_fields if header_fields is not None else len(headers)
        #: What the whole-file pass found (CSV only): the encoding and, once the row-by-row reader
        #: has asked for them, which per-cell checks rows need.
        self.text_scan = text_scan
        self.sheet = sheet
        self.limits = limits
        self.warnings: list[InputProblem] = list(warnings)
        self.problems: list[InputProblem] = []
        self.record_count = 0
        self.skipped_empty_rows = 0
        self.rejected_rows = 0
        self._file_warnings = list(warnings)
        self._layout = layout
        self._open_rows = open_rows
        self._workbook = workbook

    def __enter__(self) -> SupplierFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()

    @property
    def column_indexes(self) -> dict[str, int]:
        """Field name -> column index, for the fields this file has."""
        return dict(self._layout.indexes)

    @property
    def errors(self) -> list[InputProblem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    def raise_for_problems(self) -> None:
        """Raise :class:`InputError` with every problem if any error was found while streaming."""
        if self.errors:
            raise InputError(self.problems)

    def records(self) -> Iterator[SupplierRecord]:
        """Stream the rows. Problems go to :attr:`problems` as they are found, never raised;
        blank rows are counted in :attr:`skipped_empty_rows`, unusable rows in
        :attr:`rejected_rows`, so records + rejected + skipped = data rows after the header."""
        log = ProblemLog(self.path.name)
        self.problems = log.problems
        self.warnings = list(self._file_warnings)
        formulas = _FormulaCells()
        try:
            source = self._open_rows()
        except OSError as error:
            raise _whole_file_error(self.path.name, f"the file cannot be read again ({error})") from None
        try:
            yield from self._stream(source, log, formulas)
        except (OSError, UnicodeDecodeError) as error:
            # The file was checked when opened; failing now means it changed or vanished since.
            raise _whole_file_error(self.path.name, f"the file changed while it was read ({error})") from None
        finally:
            source.close()
            self.problems = log.finished()
            if formulas.count:
                self.warnings.append(self._formula_warning(formulas.count, formulas.lines))

    def _formula_warning(self, count: int, lines: list[int]) -> InputProblem:
        # The problem's own line names the first cell; the message lists the others.
        others = ", ".join(str(line) for line in lines[1:])
        more = ", ..." if count > len(lines) else ""
        where = f" (also line {others}{more})" if others or more else ""
        return InputProblem(
            self.path.name,
            lines[0],
            None,
            f"{count} {'cell starts' if count == 1 else 'cells start'} with =, +, -, @, a tab or a "
            f"carriage return{where}; "
            "spreadsheet programs may run them as formulas. They are kept as text, and imvo's "
            "exports neutralise them",
            None,
            "warning",
            "cells.formula_prefix",
            {"count": count, "also": f"{others}{more}" if others or more else ""},
        )

    def _data_rows(self, source: _RowSource) -> _Rows:
        """The rows below the header (a sheet's rows cut to the header's width)."""
        rows: _Rows = iter(source)  # type: ignore[assignment]  # csv reader / SheetRows carry line_num
        for _ in rows:
            if rows.line_num >= self.header_end:
                break
        if isinstance(source, SheetRows):
            source.width = len(self.headers)
        return rows

    def _row_checks(self) -> tuple[bool, bool, bool]:
        """Which per-row checks the file needs (control characters, formula starts, long cells):
        a pass over the bytes rules most of them out for a whole text file."""
        text_scan = self.text_scan
        if text_scan is None:  # XLSX: cells come typed from the workbook, so check every row
            return True, True, True
        text_scan.find_row_checks(self.path)
        return text_scan.has_control_chars, text_scan.has_formula_candidates, text_scan.has_long_lines

    def _unreadable_row(self, error: csv.Error, line: int, end: int, log: ProblemLog) -> None:
        log.add(
            line,
            None,
            f"this row cannot be read ({error})"
            + (f"; it runs from line {line} to line {end}" if end > line else ""),
            "a cell of at most 131072 characters; check for a missing closing double quote",
        )

    def _stream(  # noqa: C901, PLR0915 - the row loop stays in one frame: it runs once per row of a large file
        self, source: _RowSource, log: ProblemLog, formulas: _FormulaCells
    ) -> Iterator[SupplierRecord]:
        rows = self._data_rows(source)
        width = len(self.headers)
        getter = itemgetter(*(self._layout.indexes.get(field, width) for field in ALL_FIELDS))
        column = {field: self._layout.names.get(field) for field in ALL_FIELDS}
        check_controls, check_formulas, long_lines = self._row_checks()
        f, new, record, plain_amount = (  # locals for the loop; f: first characters of a formula
            _FORMULA_FIRST,
            tuple.__new__,
            SupplierRecord,
            PLAIN_AMOUNT.fullmatch,
        )
        previous = self.header_end
        count = skipped = rejected = 0
        # Every row costs reading, empty or not: the cap counts them all (records + skipped).
        cap = self.limits.max_rows if self.limits.max_rows is not None else -1
        try:
            while True:
                try:
                    for row in rows:
                        if count + skipped == cap:
                            raise too_many_rows(self.path.name, self.limits, None)
                        line, previous = previous + 1, rows.line_num
                        if len(row) != width:
                            if len(row) > width and not "".join(row[width:]).strip():
                                row = row[:width]  # trailing empty fields, as Excel writes them
                            elif not "".join(row).strip():
                                skipped += 1
                                continue
                            else:
                                count += 1
                                rejected += 1
                                self._ragged(row, line, previous, log)
                                continue
                        row.append("")
                        raw = getter(row)
                        supplier, country, product, hs_code, spend, tier, supplier_id, city = raw
                        if check_formulas and (  # one test per cell's first character, short-circuited
                            supplier[:1] in f or country[:1] in f or product[:1] in f or hs_code[:1] in f
                            or spend[:1] in f or tier[:1] in f or supplier_id[:1] in f or city[:1] in f
                        ):  # fmt: skip
                            self._count_formulas(raw, line, formulas)
                        supplier = supplier.strip()
                        if not supplier:
                            if not "".join(row).strip():
                                skipped += 1
                                continue
                            log.add(
                                line,
                                column["supplier"],
                                NO_SUPPLIER,
                                NO_SUPPLIER_ACCEPTED,
                                code="row.no_supplier",
                            )
                        spend = spend.strip()
                        if spend and not plain_amount(spend) and parse_amount(spend) is None:
                            log.add(
                                line,
                                column["spend"],
                                f"'{spend}' is not an amount",
                                AMOUNT_ACCEPTED,
                                code="row.not_an_amount",
                                params={"value": spend},
                            )
                        if check_controls:
                            self._check_controls(raw, line, column, log)
                        if previous != line:
                            self._check_merged(row, line, previous, self.delimiter or ",", log)
                        if (long_lines or previous != line) and sum(map(len, raw)) > MAX_CELL_CHARS:
                            self._check_lengths(raw, line, column, log)
                        count += 1
                        yield new(record, (
                            count, line, supplier, country.strip(), product.strip(), hs_code.strip(), spend,
                            tier.strip(), supplier_id.strip(), city.strip(),
                        ))  # fmt: skip
                    if count == 0:
                        log.add(self.header_line, None, NO_ROWS, NO_ROWS_ACCEPTED, code="file.no_rows")
                    break
                except csv.Error as error:
                    if count + skipped == cap:
                        raise too_many_rows(self.path.name, self.limits, None) from None
                    line, previous = previous + 1, rows.line_num
                    count += 1
                    rejected += 1
                    self._unreadable_row(error, line, previous, log)
        finally:
            self.record_count = count - rejected
            self.skipped_empty_rows = skipped
            self.rejected_rows = rejected

    def _ragged(self, row: list[str], line: int, end: int, log: ProblemLog) -> None:
        width = len(self.headers)
        fields = len(row)
        message = f"{fields} fields, expected {width} (the header has {width} columns)"
        if fields > width:
            column = None
            message += f"; the extra fields follow column '{shown_header(self.headers[-1])}'"
        else:
            column = self.headers[fields]
            message += f"; from column '{column}' on the values are missing"
        if end > line:
            message += (
                f". This row runs from line {line} to line {end} because a quoted cell spans "
                "several lines: check for a missing closing double quote"
            )
        separator = "tab" if self.delimiter == "\t" else f"'{self.delimiter or ','}'"
        log.add(
            line,
            column,
            message,
            f"every row has {width} fields separated by {separator}; a value that contains "
            f"{separator}, a double quote or a line break must be in double quotes",
        )

    def _check_merged(self, row: list[str], line: int, end: int, delimiter: str, log: ProblemLog) -> None:
        """A cell that spans lines and holds as many delimiters as a whole row has swallowed rows:
        a stray double quote opened it, and the next quote somewhere below closed it. Legitimate
        multi-line cells (addresses, notes) do not hold a row's worth of delimiters."""
        needed = max(len(self.headers) - 1, 1)
        for index, cell in enumerate(row):
            if ("\n" in cell or "\r" in cell) and cell.count(delimiter) >= needed:
                separator = "tab" if delimiter == "\t" else f"'{delimiter}'"
                name = self.headers[index] if index < len(self.headers) else None
                log.add(
                    line,
                    name,
                    f"this row runs from line {line} to line {end} and one cell holds "
                    f"{cell.count(delimiter)} {separator} across a line break, as many as a whole row "
                    "has: a stray double quote has probably merged rows",
                    'a double quote only around a whole value, written twice inside it (""); '
                    "check the quotes on these lines",
                )
                return

    def _check_controls(
        self, raw: tuple[str, ...], line: int, column: dict[str, str | None], log: ProblemLog
    ) -> None:
        for field, value in zip(ALL_FIELDS, raw, strict=True):
            control = CONTROL_CHARACTERS.search(value)
            if control is not None:
                log.add(
                    line,
                    column[field],
                    f"contains the control character U+{ord(control.group()):04X}",
                    "printable text; export the file again or remove the character",
                )

    @staticmethod
    def _count_formulas(raw: tuple[str, ...], line: int, formulas: _FormulaCells) -> None:
        for value in raw:
            # "-100" and "+5" are numbers, not formulas; warning about every credit note is noise.
            if value[:1] in _FORMULA_FIRST and not (value[0] in "+-" and parse_amount(value) is not None):
                formulas.count += 1
                if len(formulas.lines) < _FORMULA_EXAMPLES and line not in formulas.lines:
                    formulas.lines.append(line)

    def _check_lengths(
        self, raw: tuple[str, ...], line: int, column: dict[str, str | None], log: ProblemLog
    ) -> None:
        for field, value in zip(ALL_FIELDS, raw, strict=True):
            if len(value) > MAX_CELL_CHARS and column[field] is not None:
                log.add(
                    line,
                    column[field],
                    f"the cell has {len(value)} characters, more than {MAX_CELL_CHARS}",
                    f"at most {MAX_CELL_CHARS} characters; a missing closing double quote can make "
                    "one cell swallow the lines after it",
                )


def _whole_file_error(file: str, message: str, accepted: str | None = None) -> InputError:
    return InputError([InputProblem(file, None, None, message, accepted)])


def _header_candidates(source: _RowSource, file: str, limits: FileLimits) -> list[tuple[int, int, list[str]]]:
    """The first few non-empty rows with their first and last line: where the header may be."""
    rows: _Rows = iter(source)  # type: ignore[assignment]
    candidates: list[tuple[int, int, list[str]]] = []
    previous = 0
    cap = limits.max_rows
    try:
        for row in rows:
            if cap is not None and previous > cap:
                raise too_many_rows(file, limits, None)
            line, previous = previous + 1, rows.line_num
            if "".join(row).strip():
                candidates.append((line, previous, row))
                if len(candidates) >= _HEADER_SEARCH_ROWS:
                    break
    except csv.Error as error:
        if not candidates:
            raise _whole_file_error(file, f"the header row cannot be read ({error})") from None
    finally:
        source.close()
    if not candidates:
        raise _whole_file_error(
            file, "the file has no header row (it holds no text)", "a header row, then one row per supplier"
        )
    return candidates


def _find_header(
    source: _RowSource, column_map: Mapping[str, str] | None, file: str, limits: FileLimits = DEFAULT_LIMITS
) -> tuple[list[str], tuple[int, int], list[InputProblem], int]:
    """The header row: the first non-empty row, unless a later one among the first few is
    recognisably the header (titles and notes above it are reported as a warning)."""
    candidates = _header_candidates(source, file, limits)
    mapped = {normalise_header(header) for header in (column_map or {}).values()}

    def recognised(row: list[str]) -> int:
        fields = {field_for_header(cell) for cell in row} - {None}
        return len(fields) + sum(1 for cell in row if normalise_header(cell) in mapped)

    chosen = next((c for c in candidates if recognised(c[2]) >= 2), candidates[0])
    start, end, row = chosen
    headers = [cell.strip().lstrip("\ufeff").strip() for cell in row]
    while headers and not headers[-1]:
        headers.pop()
    warnings = []
    skipped = [c for c in candidates if c[0] < start and not "".join(c[2]).lower().startswith("sep=")]
    if skipped:
        warnings.append(
            InputProblem(
                file,
                skipped[0][0],
                None,
                f"{len(skipped)} {'row' if len(skipped) == 1 else 'rows'} above the header row "
                f"(line {start}) ignored: "
                + "; ".join(" ".join(cell for cell in c[2] if cell.strip())[:60] for c in skipped[:3]),
                None,
                "warning",
            )
        )
    return headers, (start, end), warnings, len(row)


def open_supplier_file(
    path: Path,
    *,
    column_map: Mapping[str, str] | None = None,
    max_bytes: int | None = None,
    sheet: str | None = None,
    limits: FileLimits = DEFAULT_LIMITS,
) -> SupplierFile:
    """Open a supplier list and understand its header; raise InputError for whole-file problems.

    Rows are only read by :meth:`SupplierFile.records`, which collects row problems instead of
    raising (a file over ``limits.max_rows`` raises there). ``sheet`` picks an XLSX sheet by name
    (default: the first visible sheet with data). ``max_bytes``, when given, overrides
    ``limits.max_bytes``.
    """
    path = Path(path)
    if max_bytes is not None:
        limits = limits.with_max_bytes(max_bytes)
    table = open_table(path, limits, sheet=sheet)
    file = table.file
    try:
        try:
            headers, lines, warnings, header_fields = _find_header(
                table.open_rows(), column_map, file, limits
            )
        except OSError as error:  # the file vanished or changed since it was checked
            raise _whole_file_error(file, f"the file cannot be read ({error.strerror or error})") from None
        layout = resolve_columns(headers, column_map, file, lines[0])
    except BaseException:
        table.close()
        raise
    if table.format == "xlsx":
        return SupplierFile(
            path,
            "xlsx",
            None,
            None,
            headers,
            layout,
            lines,
            warnings,
            table.open_rows,
            workbook=table.workbook,
            sheet=table.sheet,
            limits=limits,
        )
    return SupplierFile(
        path,
        "csv",
        table.encoding,
        table.delimiter,
        headers,
        layout,
        lines,
        table.warnings + warnings,
        table.open_rows,
        text_scan=table.text_scan,
        header_fields=header_fields,
        limits=limits,
    )
