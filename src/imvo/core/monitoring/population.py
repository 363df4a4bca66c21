"""The population being monitored: companies read from CSV or XLSX, and the programme's size criteria.

The file is read by the core's one table reader (:func:`imvo.core.tabular.read_table`), so it accepts
the encodings, delimiters and workbooks a supplier list does, under the same limits and row-level
problems (:class:`~imvo.core.tabular.InputProblem`): every bad row is named with file, line and
column, all problems are collected, and :class:`InputError` is raised carrying all of them so nothing
half-read is ever used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from imvo.core.suppliers.amounts import parse_amount
from imvo.core.tabular import FileLimits, InputError, InputProblem, ProblemLog, read_table

#: Header spellings accepted per field (compared after lower-casing and dropping punctuation).
POPULATION_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "company", "company name", "naam", "bedrijfsnaam", "bedrijf", "firma", "unternehmen"),
    "registration_number": (
        "registration number",
        "registration",
        "reg no",
        "kvk",
        "kvk nummer",
        "kvknummer",
        "chamber of commerce number",
        "handelsregisternummer",
        "handelsregister",
        "company number",
        "id",
    ),
    "sector_code": ("sector code", "sector", "sbi", "sbi code", "nace", "nace code", "wz code", "branche"),
    "employees": (
        "employees",
        "number of employees",
        "werknemers",
        "medewerkers",
        "aantal werknemers",
        "fte",
        "beschaftigte",
        "mitarbeiter",
    ),
    "assets": ("assets", "total assets", "balance sheet total", "balanstotaal", "bilanzsumme", "activa"),
    "turnover": ("turnover", "revenue", "net turnover", "omzet", "netto omzet", "umsatz", "umsatzerlose"),
    "website": ("website", "url", "web", "homepage", "webseite"),
}
REQUIRED_HEADERS = ("name",)
MAX_POPULATION_BYTES = 50 * 1024**2
_FORMULA_FIRST = ("=", "+", "-", "@")


@dataclass(frozen=True)
class PopulationCompany:
    """One company of the monitored population, as read from the file."""

    name: str
    registration_number: str = ""
    sector_code: str = ""
    employees: int | None = None
    assets: float | None = None
    turnover: float | None = None
    website: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        """Stable identifier within a population: the registration number, else the name's slug."""
        return self.registration_number or slugify(self.name)


@dataclass(frozen=True)
class SizeCriteria:
    """Which companies a programme measures: thresholds that are exceeded (strictly greater than).

    Each threshold is optional (``None``: the programme does not use it). ``required`` says how many
    of the thresholds in use a company must exceed; ``None`` means all of them. A missing company
    value never counts as exceeding a threshold. Without any threshold every company is in scope.
    """

    name: str
    employees_over: int | None
    assets_over: float | None
    turnover_over: float | None
    required: int | None
    source: str = ""

    def __post_init__(self) -> None:
        for value in (self.employees_over, self.assets_over, self.turnover_over):
            if value is not None and value < 0:
                raise ValueError("a size threshold cannot be negative")
        if self.required is not None and not 1 <= self.required <= max(self.thresholds_in_use, 1):
            raise ValueError(
                f"at least {self.required} of {self.thresholds_in_use} thresholds cannot be required"
            )

    @property
    def thresholds_in_use(self) -> int:
        return sum(value is not None for value in (self.employees_over, self.assets_over, self.turnover_over))

    @property
    def thresholds_required(self) -> int:
        """How many thresholds must be exceeded, with ``None`` (all) resolved."""
        return self.thresholds_in_use if self.required is None else min(self.required, self.thresholds_in_use)

    def thresholds_exceeded(self, company: PopulationCompany) -> int:
        checks = (
            self.employees_over is not None
            and company.employees is not None
            and company.employees > self.employees_over,
            self.assets_over is not None and company.assets is not None and company.assets > self.assets_over,
            self.turnover_over is not None
            and company.turnover is not None
            and company.turnover > self.turnover_over,
        )
        return sum(checks)

    def includes(self, company: PopulationCompany) -> bool:
        return self.thresholds_exceeded(company) >= self.thresholds_required

    def describe(self) -> str:
        """Plain English, e.g. "all of: more than 500 employees, more than EUR 20,000,000 assets"."""
        parts = []
        if self.employees_over is not None:
            parts.append(f"more than {self.employees_over:,} employees")
        if self.assets_over is not None:
            parts.append(f"more than EUR {self.assets_over:,.0f} balance-sheet total")
        if self.turnover_over is not None:
            parts.append(f"more than EUR {self.turnover_over:,.0f} turnover")
        if not parts:
            return "every company (no size thresholds)"
        if self.thresholds_required == len(parts):
            return "all of: " + ", ".join(parts)
        return f"at least {self.thresholds_required} of: " + ", ".join(parts)


#: The Dutch IMVO monitoring population ("large companies"): more than 500 employees, more than
#: €20 m balance-sheet total and more than €40 m net turnover, as the 90 % endorsement target
#: describes it (Ministry of Foreign Affairs, IMVO policy letters 2018-2020; the measurement
#: population was about 600 companies). All three thresholds are required by default.
DUTCH_IMVO_SIZE_CRITERIA = SizeCriteria(
    name="Dutch IMVO monitoring: large companies",
    employees_over=500,
    assets_over=20_000_000.0,
    turnover_over=40_000_000.0,
    required=3,
    source=(
        "Dutch government target: 90 % of large companies (> 500 employees, > EUR 20 m assets, "
        "> EUR 40 m turnover) explicitly endorse the OECD Guidelines; baseline 2017 30 %, 2019 35 % "
        "(Ministry of Foreign Affairs, IMVO policy letters; startmetoesorichtlijnen.nl FAQ)."
    ),
)

#: Size classes by employees, used to break figures down.
SIZE_CLASSES: tuple[tuple[str, int, int | None], ...] = (
    ("up to 500", 0, 500),
    ("501-999", 501, 999),
    ("1,000-4,999", 1000, 4999),
    ("5,000 and more", 5000, None),
)
UNKNOWN_SIZE = "unknown"


def size_class(employees: int | None) -> str:
    if employees is None:
        return UNKNOWN_SIZE
    for label, low, high in SIZE_CLASSES:
        if employees >= low and (high is None or employees <= high):
            return label
    return UNKNOWN_SIZE


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Royal Ahold Delhaize N.V." → "royal-ahold-delhaize-n-v"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def normalise_header(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


_HEADER_FIELD = {
    normalise_header(alias): field for field, aliases in POPULATION_HEADERS.items() for alias in aliases
}


def field_for_header(header: str) -> str | None:
    return _HEADER_FIELD.get(normalise_header(header))


def _number(
    text: str, line: int, column: str, file: str, problems: list[InputProblem], integer: bool
) -> float | None:
    if not text:
        return None
    value = parse_amount(text)
    if value is None:
        problems.append(
            InputProblem(file, line, column, f"'{text[:40]}' is not a number", "e.g. 1250 or 1.250.000")
        )
        return None
    if value < 0:
        problems.append(InputProblem(file, line, column, f"'{text[:40]}' is negative", "zero or more"))
        return None
    if integer and not float(value).is_integer():
        problems.append(InputProblem(file, line, column, f"'{text[:40]}' is not a whole number", "e.g. 1250"))
        return None
    return value


#: The command line reads populations of any length; the web application passes its own limits.
DEFAULT_POPULATION_LIMITS = FileLimits(max_bytes=MAX_POPULATION_BYTES)


def read_population(
    path: str | Path,
    max_bytes: int | None = None,
    limits: FileLimits = DEFAULT_POPULATION_LIMITS,
    warnings: list[InputProblem] | None = None,
) -> list[PopulationCompany]:
    """Every company in the CSV or XLSX file at ``path``; raises :class:`InputError` on any problem.

    ``limits`` bound the file's size, a workbook's unpacked size and the rows read
    (:mod:`imvo.core.tabular.limits`); ``max_bytes``, when given, overrides ``limits.max_bytes``.
    Whole-file warnings (an encoding that was guessed) are added to ``warnings`` when it is given."""
    path = Path(path)
    if max_bytes is not None:
        limits = limits.with_max_bytes(max_bytes)
    with read_table(
        path, limits, what="a list of companies", layout="a header row, then one row per company"
    ) as table:
        file = table.file
        columns: dict[str, int] = {}
        for index, cell in enumerate(table.headers):
            field = field_for_header(cell)
            if field is not None and field not in columns:
                columns[field] = index
        if any(field not in columns for field in REQUIRED_HEADERS):
            accepted = ", ".join(POPULATION_HEADERS["name"])
            raise InputError(
                [InputProblem(file, table.header_line, None, "no column with the company name", accepted)]
            )
        log = table.problems
        seen: dict[str, int] = {}
        companies = [
            company
            for row in table.rows()
            if (company := _company(row.line, row.cells, table.headers, columns, log, seen)) is not None
        ]
    if log.problems:
        raise InputError(log.finished())
    if warnings is not None:
        warnings.extend(table.warnings)
    if not companies:
        raise InputError([InputProblem(file, None, None, "the file has a header but no companies")])
    return companies


def _company(
    line: int,
    row: list[str],
    headers: list[str],
    columns: dict[str, int],
    log: ProblemLog,
    seen: dict[str, int],
) -> PopulationCompany | None:
    """The company of a data row, or None with its problems added to ``log``; ``seen`` maps the
    registration numbers read so far to their lines."""
    problems: list[InputProblem] = []
    file = log.file
    cells = [cell.strip() for cell in row]
    values = {field: cells[index] for field, index in columns.items()}

    def column_name(field: str) -> str:
        return headers[columns[field]]

    name = values.get("name", "")
    if not name:
        problems.append(InputProblem(file, line, column_name("name"), "the company name is empty"))
    for field, text in values.items():
        if text.startswith(_FORMULA_FIRST) and field in {
            "name",
            "registration_number",
            "sector_code",
            "website",
        }:
            problems.append(
                InputProblem(
                    file, line, column_name(field), "starts like a spreadsheet formula", "plain text"
                )
            )
    numbers: dict[str, float | None] = {}
    for field, integer in (("employees", True), ("assets", False), ("turnover", False)):
        numbers[field] = (
            _number(values[field], line, column_name(field), file, problems, integer)
            if field in columns
            else None
        )
    registration = values.get("registration_number", "")
    if registration:
        if registration in seen:
            problems.append(
                InputProblem(
                    file,
                    line,
                    column_name("registration_number"),
                    f"registration number {registration} already on line {seen[registration]}",
                )
            )
        else:
            seen[registration] = line
    for problem in problems:
        log.add(problem.line, problem.column, problem.message, problem.accepted)
    if problems:
        return None
    employees = numbers["employees"]
    return PopulationCompany(
        name=name,
        registration_number=registration,
        sector_code=values.get("sector_code", ""),
        employees=int(employees) if employees is not None else None,
        assets=numbers["assets"],
        turnover=numbers["turnover"],
        website=values.get("website", ""),
        line=line,
    )


def in_scope(companies: Sequence[PopulationCompany], criteria: SizeCriteria) -> list[PopulationCompany]:
    return [company for company in companies if criteria.includes(company)]
