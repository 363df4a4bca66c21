"""Facts about an organisation: its profile (TOML) and its import records (CSV or XLSX).

An absent key is an unknown fact, never ``False`` or ``0``: the engine must be able to say which fact it
needs. Reading collects every input problem and raises :class:`FactsError` with all of them.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from imvo.core.obligations.messages import message
from imvo.core.tabular import FileLimits, HeadedTable, InputError, InputProblem, read_table

EU_MEMBER_STATES = frozenset(
    ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU")
    + ("IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")
)


class FactsError(InputError):
    """The profile or the import file cannot be used; ``problems`` lists every problem found."""


@dataclass(frozen=True)
class Tender:
    name: str
    category: str | None
    estimated_value_eur: int | None
    contracting_authority: str | None
    date: date | None


@dataclass(frozen=True)
class CompanyProfile:
    name: str
    country: str | None = None
    employees: int | None = None
    employees_in_germany: int | None = None
    temp_workers_in_germany_over_six_months: int | None = None
    has_german_branch: bool | None = None
    net_turnover_worldwide_eur: int | None = None
    net_turnover_eu_eur: int | None = None
    balance_sheet_total_eur: int | None = None
    sectors: tuple[str, ...] | None = None
    sells_to_dutch_end_users: bool | None = None
    financial_year_end_month_day: tuple[int, int] | None = None
    applies_for_government_support: bool | None = None
    tenders: tuple[Tender, ...] | None = None
    register: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["register"] = dict(self.register)
        return json.loads(json.dumps(data, default=str, sort_keys=True))  # type: ignore[no-any-return]


@dataclass(frozen=True)
class ImportRecord:
    """One customs release for free circulation (Union importer), as the company recorded it."""

    line: int
    year: int
    cn_code: str
    cn_code_as_given: str
    quantity_kg: Decimal
    country_of_origin: str | None
    taric_subdivision: str | None = None
    gold_concentration_percent: Decimal | None = None


_PROFILE_FIELDS_INT = (
    "employees",
    "employees_in_germany",
    "temp_workers_in_germany_over_six_months",
    "net_turnover_worldwide_eur",
    "net_turnover_eu_eur",
    "balance_sheet_total_eur",
)
_PROFILE_FIELDS_BOOL = ("has_german_branch", "sells_to_dutch_end_users", "applies_for_government_support")


def load_profile(path: Path) -> CompanyProfile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise FactsError(
            [InputProblem(str(path), None, None, f"cannot read the profile: {error}")]
        ) from error
    return parse_profile(text, str(path))


def _typed_values(organisation: Mapping[str, Any], file: str, problems: list[InputProblem]) -> dict[str, Any]:
    """The whole-number and yes/no fields of [organisation]."""
    values: dict[str, Any] = {}
    for key in _PROFILE_FIELDS_INT:
        raw = organisation.get(key)
        if raw is None:
            continue
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            problems.append(
                InputProblem(file, None, f"organisation.{key}", f"{raw!r} is not a whole number ≥ 0")
            )
        else:
            values[key] = raw
    for key in _PROFILE_FIELDS_BOOL:
        raw = organisation.get(key)
        if raw is None:
            continue
        if not isinstance(raw, bool):
            problems.append(InputProblem(file, None, f"organisation.{key}", f"{raw!r} is not true or false"))
        else:
            values[key] = raw
    return values


def _described_values(
    organisation: Mapping[str, Any], file: str, problems: list[InputProblem]
) -> dict[str, Any]:
    """Country, sectors and financial year end of [organisation]."""
    values: dict[str, Any] = {}
    country = organisation.get("country")
    if country is not None:
        if isinstance(country, str) and re.fullmatch(r"[A-Za-z]{2}", country.strip()):
            values["country"] = country.strip().upper()
        else:
            problem = f"{country!r} is not a two-letter ISO code"
            problems.append(InputProblem(file, None, "organisation.country", problem, "NL, DE, …"))
    sectors = organisation.get("sectors")
    if sectors is not None:
        if isinstance(sectors, list) and all(isinstance(s, str) for s in sectors):
            values["sectors"] = tuple(sectors)
        else:
            problems.append(InputProblem(file, None, "organisation.sectors", "must be a list of strings"))
    year_end = organisation.get("financial_year_end")
    if year_end is not None:
        match = re.fullmatch(r"(\d{2})-(\d{2})", str(year_end))
        if match and _valid_month_day(int(match[1]), int(match[2])):
            values["financial_year_end_month_day"] = (int(match[1]), int(match[2]))
        else:
            problem = f"{year_end!r} is not MM-DD"
            problems.append(InputProblem(file, None, "organisation.financial_year_end", problem, "12-31"))
    return values


def parse_profile(text: str, file: str = "<profile>") -> CompanyProfile:
    problems: list[InputProblem] = []
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FactsError([InputProblem(file, None, None, f"not valid TOML: {error}")]) from error
    organisation = document.get("organisation")
    if not isinstance(organisation, dict):
        raise FactsError([InputProblem(file, None, "organisation", "missing [organisation] table")])
    known = {"name", "country", "sectors", "financial_year_end", *_PROFILE_FIELDS_INT, *_PROFILE_FIELDS_BOOL}
    for key in sorted(set(organisation) - known):
        problems.append(
            InputProblem(file, None, f"organisation.{key}", "unknown key", ", ".join(sorted(known)))
        )
    name = organisation.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(InputProblem(file, None, "organisation.name", "a name is required"))
        name = ""
    values = {
        **_typed_values(organisation, file, problems),
        **_described_values(organisation, file, problems),
    }
    register = document.get("register", {})
    if not isinstance(register, dict):
        problems.append(InputProblem(file, None, "register", "must be a table"))
        register = {}
    government = document.get("government", {})
    tenders: tuple[Tender, ...] | None = None
    if isinstance(government, dict) and "tenders" in government:
        tenders = _parse_tenders(government["tenders"], file, problems)
    if problems:
        raise FactsError(problems)
    return CompanyProfile(name=name, tenders=tenders, register=dict(register), **values)


def _valid_month_day(month: int, day: int) -> bool:
    try:
        date(2024, month, day)  # a leap year accepts 02-29
    except ValueError:
        return False
    return True


def _parse_tenders(raw: object, file: str, problems: list[InputProblem]) -> tuple[Tender, ...]:
    if not isinstance(raw, list):
        problems.append(InputProblem(file, None, "government.tenders", "must be an array of tables"))
        return ()
    tenders: list[Tender] = []
    for index, entry in enumerate(raw, start=1):
        column = f"government.tenders[{index}]"
        if not isinstance(entry, dict):
            problems.append(InputProblem(file, None, column, "must be a table"))
            continue
        value = entry.get("estimated_value_eur")
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            problems.append(
                InputProblem(file, None, f"{column}.estimated_value_eur", "must be a whole number")
            )
            value = None
        day = entry.get("date")
        if day is not None and not isinstance(day, date):
            problems.append(InputProblem(file, None, f"{column}.date", "must be a TOML date", "2026-03-01"))
            day = None
        tenders.append(
            Tender(
                name=str(entry.get("name", f"tender {index}")),
                category=str(entry["category"]) if "category" in entry else None,
                estimated_value_eur=value,
                contracting_authority=(
                    str(entry["contracting_authority"]) if "contracting_authority" in entry else None
                ),
                date=day,
            )
        )
    return tuple(tenders)


_CN_SEPARATORS = re.compile(r"[\s.\-_/]")


def normalise_cn_code(text: str) -> tuple[str, bool]:
    """Digits of a CN code written with or without spaces or dots, and whether it carried 'ex'.

    '2609 00 00', '2609.00.00', '26090000' and 'ex 7108' all normalise; anything that is not digits after
    removing separators and an 'ex' prefix raises ``ValueError``.
    """
    cleaned = text.strip()
    is_ex = False
    if cleaned[:2].lower() == "ex":
        is_ex = True
        cleaned = cleaned[2:]
    digits = _CN_SEPARATORS.sub("", cleaned)
    if not digits.isdigit() or not 2 <= len(digits) <= 10 or len(digits) % 2:
        raise ValueError(message("imports.not_a_cn_code", text=text)[0])
    return digits, is_ex


_IMPORT_COLUMNS = ("year", "cn_code", "quantity_kg", "country_of_origin")
_OPTIONAL_IMPORT_COLUMNS = ("taric_subdivision", "gold_concentration_percent")


#: The command line reads import files of up to 200 MB (rows are streamed; records are kept).
DEFAULT_IMPORT_LIMITS = FileLimits()


def load_imports(
    path: Path,
    limits: FileLimits = DEFAULT_IMPORT_LIMITS,
    *,
    file: str | None = None,
    warnings: list[InputProblem] | None = None,
) -> tuple[ImportRecord, ...]:
    """The import records of a CSV or XLSX file, read by the core's one table reader
    (:func:`imvo.core.tabular.read_table`: the encodings, delimiters, workbook and zip-bomb checks,
    row cap and row-level problems of every other table); raises :class:`FactsError` listing every
    problem. ``file`` names the file in messages (default: the path as given); whole-file warnings
    (an encoding that was guessed) are added to ``warnings`` when it is given."""
    path = Path(path)
    try:
        with read_table(
            path,
            limits,
            file=file or str(path),
            what="a list of import records",
            layout="a header row (" + ", ".join(_IMPORT_COLUMNS) + "), then one row per import",
        ) as table:
            records = _read_records(table)
    except FactsError:
        raise
    except InputError as error:
        raise FactsError(error.problems) from None
    if warnings is not None:
        warnings.extend(table.warnings)
    return records


def parse_imports(
    text: str, file: str = "<imports>", limits: FileLimits | None = None
) -> tuple[ImportRecord, ...]:
    """The import records of a CSV text, read exactly as :func:`load_imports` reads a file; raises
    :class:`FactsError` listing every problem, or when the text has more than ``limits.max_rows``
    rows after the header."""
    with tempfile.TemporaryDirectory(prefix="imvo-imports-") as folder:
        path = Path(folder) / "imports.csv"
        path.write_text(text, encoding="utf-8")
        return load_imports(path, limits or FileLimits(max_bytes=max(len(text) * 4, 1)), file=file)


def _read_records(table: HeadedTable) -> tuple[ImportRecord, ...]:
    header = [h.strip().lower() for h in table.headers]
    missing = [c for c in _IMPORT_COLUMNS if c not in header]
    if missing:
        params = {"columns": ", ".join(missing), "expected": ", ".join(_IMPORT_COLUMNS)}
        raise FactsError([_problem(table.file, table.header_line, None, "file.missing_columns", **params)])
    log = table.problems
    records: list[ImportRecord] = []
    for line, _, cells in table.rows():
        row = dict(zip(header, (cell.strip() for cell in cells), strict=True))
        row_problems: list[InputProblem] = []
        record = _import_record(row, line, table.file, row_problems)
        for problem in row_problems:
            log.add(
                problem.line,
                problem.column,
                problem.message,
                problem.accepted,
                code=problem.code,
                params=problem.params,
            )
        if record is not None:
            records.append(record)
    if log.problems:
        raise FactsError(log.finished())
    return tuple(records)


def _problem(file: str, line: int | None, column: str | None, code: str, **params: Any) -> InputProblem:
    """A coded problem of the import records (:mod:`imvo.core.obligations.messages`), in English."""
    text, accepted = message(code, **params)
    return InputProblem(file, line, column, text, accepted, code=code, params=params)


def _import_record(
    row: dict[str, str], line: int, file: str, problems: list[InputProblem]
) -> ImportRecord | None:
    year_text = row.get("year", "")
    year = 0
    if re.fullmatch(r"\d{4}", year_text):
        year = int(year_text)
    else:
        problems.append(_problem(file, line, "year", "imports.not_a_year", text=year_text))
    cn_text = row.get("cn_code", "")
    cn_code = ""
    try:
        cn_code, _ = normalise_cn_code(cn_text)
    except ValueError:
        problems.append(_problem(file, line, "cn_code", "imports.not_a_cn_code", text=cn_text))
    quantity = _decimal(row.get("quantity_kg", ""))
    if quantity is None or quantity < 0:
        problems.append(
            _problem(file, line, "quantity_kg", "imports.not_a_mass", text=row.get("quantity_kg"))
        )
    origin_text = row.get("country_of_origin", "")
    origin: str | None = None
    if origin_text:
        if re.fullmatch(r"[A-Za-z]{2}", origin_text):
            origin = origin_text.upper()
        else:
            problems.append(
                _problem(file, line, "country_of_origin", "imports.not_an_iso_code", text=origin_text)
            )
    taric = row.get("taric_subdivision") or None
    if taric is not None and not re.fullmatch(r"\d{2}", taric):
        problems.append(_problem(file, line, "taric_subdivision", "imports.not_two_digits", text=taric))
    gold_text = row.get("gold_concentration_percent", "")
    gold = _decimal(gold_text) if gold_text else None
    if gold_text and (gold is None or not 0 <= gold <= 100):
        problems.append(
            _problem(file, line, "gold_concentration_percent", "imports.not_a_percentage", text=gold_text)
        )
    if problems or quantity is None:
        return None
    return ImportRecord(
        line=line,
        year=year,
        cn_code=cn_code,
        cn_code_as_given=cn_text,
        quantity_kg=quantity,
        country_of_origin=origin,
        taric_subdivision=taric,
        gold_concentration_percent=gold,
    )


def _decimal(text: str) -> Decimal | None:
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # decimal comma, as Dutch exports write it
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def facts_hash(
    profile: CompanyProfile, imports: Sequence[ImportRecord] | None, register: Mapping[str, Any] | None
) -> str:
    """A stable fingerprint of every fact the engine saw, so a stored result shows when facts changed."""
    payload = {
        "profile": profile.to_dict(),
        "imports": None
        if imports is None
        else [json.loads(json.dumps(asdict(r), default=str)) for r in imports],
        "register": json.loads(json.dumps(dict(register or {}), default=str, sort_keys=True)),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()[:16]
