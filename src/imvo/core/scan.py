"""The risk scan: a supplier list in, a prioritised, evidence-linked risk register out.

Named stages, each recorded on every row (after Open Supply Hub's upload pipeline):

1. *read*: :func:`imvo.core.suppliers.open_supplier_file` streams the rows and collects problems;
2. *resolve*: country and product are normalised once per **distinct** value (a million-row file has
   a few thousand distinct countries and products), and every distinct (country, product, HS code)
   combination is resolved once into status and finding templates by :mod:`imvo.core.risk.assess`;
3. *register*: DuckDB joins the rows with their templates, ranks the findings (most salient first,
   spend as a secondary key) and holds the register for export.

Nothing is written when the input has errors: :class:`InputError` carries every row-level problem.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Any

import duckdb

from imvo.core import refdata
from imvo.core.countries import normalise_country
from imvo.core.products import ProductMatch, ProductMatcher
from imvo.core.risk import parameters
from imvo.core.risk.assess import FindingTemplate, findings_for, no_finding
from imvo.core.risk.themes import NO_THEME, THEMES
from imvo.core.suppliers import InputProblem, open_supplier_file, parse_amount

STATUS_OK = "ok"
STATUS_UNMATCHED_COUNTRY = "unmatched_country"
STATUS_UNMATCHED_PRODUCT = "unmatched_product"
STATUS_NEEDS_REVIEW = "needs_review"
STATUSES = (STATUS_OK, STATUS_NEEDS_REVIEW, STATUS_UNMATCHED_COUNTRY, STATUS_UNMATCHED_PRODUCT)

#: The register's columns, in order. The first sixteen are the output contract of issue 2.
REGISTER_COLUMNS: tuple[str, ...] = (
    "input_row",
    "supplier",
    "country",
    "product",
    "good",
    "hs_code",
    "theme",
    "status",
    "likelihood",
    "severity",
    "salience",
    "priority",
    "evidence",
    "source_url",
    "dataset",
    "edition",
    "record_id",
    "basis",
    "severity_scale",
    "severity_scope",
    "severity_irremediability",
    "spend",
    "tier",
    "country_given",
    "hs_code_given",
    "match_method",
    "match_confidence",
    "review_reason",
)
TEXT_COLUMNS = frozenset(
    {
        "supplier",
        "country",
        "product",
        "good",
        "hs_code",
        "theme",
        "status",
        "evidence",
        "source_url",
        "dataset",
        "edition",
        "record_id",
        "basis",
        "tier",
        "country_given",
        "hs_code_given",
        "match_method",
        "review_reason",
    }
)

ProgressCallback = Callable[[int, int | None], None]
_PROGRESS_EVERY = 20_000


@dataclass(frozen=True, slots=True)
class Finding:
    """One register row: a supplier row × theme (``none`` when no theme applies)."""

    input_row: int
    supplier: str
    country: str
    product: str
    good: str
    hs_code: str
    theme: str
    status: str
    likelihood: int | None
    severity: int | None
    salience: int | None
    priority: int | None
    evidence: str
    source_url: str
    dataset: str
    edition: str
    record_id: str
    basis: str
    severity_scale: int | None
    severity_scope: int | None
    severity_irremediability: int | None
    spend: float | None
    tier: str
    country_given: str
    hs_code_given: str
    match_method: str
    match_confidence: float | None
    review_reason: str


assert tuple(f.name for f in fields(Finding)) == REGISTER_COLUMNS


@dataclass(frozen=True, slots=True)
class Resolution:
    """Status and findings shared by every row with the same (country, product, HS code)."""

    country: str
    good: str
    hs_code: str
    status: str
    match_method: str
    match_confidence: float | None
    review_reason: str
    templates: tuple[FindingTemplate, ...]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    path: str
    format: str
    encoding: str | None
    delimiter: str | None
    columns: Mapping[str, str]
    rows: int
    skipped_empty_rows: int


@dataclass
class ScanResult:
    """The register, held in an in-memory DuckDB table ``register`` ordered by priority."""

    connection: duckdb.DuckDBPyConnection
    source: SourceInfo
    warnings: list[InputProblem] = field(default_factory=list)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> ScanResult:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, params or []).fetchall()

    def iter_findings(self, where: str = "TRUE", limit: int | None = None) -> Iterator[Finding]:
        """Register rows in priority order; ``where`` is a trusted SQL predicate from this package."""
        sql = f"SELECT {', '.join(REGISTER_COLUMNS)} FROM register WHERE {where} ORDER BY ordinal"  # noqa: S608
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cursor = self.connection.cursor()
        cursor.execute(sql)
        while batch := cursor.fetchmany(10_000):
            for row in batch:
                yield Finding(*row)

    @property
    def findings(self) -> list[Finding]:
        return list(self.iter_findings())

    @cached_property
    def summary(self) -> Summary:
        (register_rows,) = self.query("SELECT count(*) FROM register")[0]
        rows_by_status = Counter(
            {
                status: n
                for status, n in self.query(
                    "SELECT status, count(DISTINCT input_row) FROM register GROUP BY status"
                )
            }
        )
        findings_by_theme = Counter(
            {
                theme: n
                for theme, n in self.query(
                    "SELECT theme, count(*) FROM register WHERE theme <> 'none' GROUP BY theme"
                )
            }
        )
        (suppliers_at_risk,) = self.query(
            "SELECT count(DISTINCT input_row) FROM register WHERE theme <> 'none'"
        )[0]
        return Summary(
            input_rows=self.source.rows,
            register_rows=register_rows,
            rows_by_status=dict(rows_by_status),
            findings_by_theme=dict(findings_by_theme),
            rows_with_findings=suppliers_at_risk,
        )


@dataclass(frozen=True, slots=True)
class Summary:
    input_rows: int
    register_rows: int
    rows_by_status: dict[str, int]
    findings_by_theme: dict[str, int]
    rows_with_findings: int


class Resolver:
    """Resolves distinct (country, product, HS code) values; reusable across scans."""

    def __init__(self, reference: refdata.ReferenceData | None = None) -> None:
        self.reference = reference or refdata.load()
        hs_labels = {code: self.reference.hs_label(code) or "" for code in self.reference.hs_codes()}
        self.matcher = ProductMatcher(self.reference.good_names, hs_labels)
        self._countries: dict[str, str | None] = {}
        self._resolutions: dict[tuple[str, str, str], int] = {}
        self.resolutions: list[Resolution] = []
        self._countries_by_good: dict[str, list[str]] = {}
        for listing in self.reference.listings:
            self._countries_by_good.setdefault(listing.good, []).append(listing.alpha2)

    def country(self, text: str) -> str | None:
        try:
            return self._countries[text]
        except KeyError:
            alpha2 = normalise_country(text) if text else None
            self._countries[text] = alpha2
            return alpha2

    def resolve(self, country_text: str, product: str, hs_code: str) -> int:
        """Index into :attr:`resolutions` for this combination (cached)."""
        key = (country_text, product, hs_code)
        index = self._resolutions.get(key)
        if index is None:
            index = len(self.resolutions)
            self.resolutions.append(self._resolve(country_text, product, hs_code))
            self._resolutions[key] = index
        return index

    def _listed_in(self, goods: tuple[str, ...]) -> list[str]:
        countries = {alpha2 for good in goods for alpha2 in self._countries_by_good.get(good, ())}
        return sorted(countries)

    def _resolve(self, country_text: str, product: str, hs_code: str) -> Resolution:
        alpha2 = self.country(country_text)
        match: ProductMatch = self.matcher.match(product, hs_code)
        hs = match.hs_code or match.hs_heading
        reasons: list[str] = []
        if match.note:
            reasons.append(match.note)
        if alpha2 is None:
            status = STATUS_UNMATCHED_COUNTRY
            reasons.insert(
                0, f"country {country_text!r} not recognised" if country_text else "country is empty"
            )
            listed = self._listed_in(match.goods)
            evidence = "Country unknown, so no risk could be assessed"
            if listed:
                evidence += f"; {match.good} is on the ILAB List of Goods for {', '.join(listed)}"
            templates: tuple[FindingTemplate, ...] = (no_finding(evidence + "."),)
            return Resolution(
                "", match.good, hs, status, match.method, match.confidence, "; ".join(reasons), templates
            )
        if match.method == "none":
            status = STATUS_UNMATCHED_PRODUCT
            if not reasons:
                reasons.append(f"product {product!r} not recognised" if product else "product is empty")
        elif match.needs_review or match.confidence < parameters.REVIEW_CONFIDENCE:
            status = STATUS_NEEDS_REVIEW
        else:
            status = STATUS_OK
        profile = self.reference.country_profile(alpha2)
        listings = [
            listing for good in match.goods if (listing := self.reference.listing(good, alpha2)) is not None
        ]
        good = listings[0].good if listings else match.good
        templates = tuple(
            findings_for(alpha2, match.good, listings, profile, listed_elsewhere=self._listed_in(match.goods))
        )
        return Resolution(
            alpha2,
            good,
            hs,
            status,
            match.method,
            match.confidence if match.method != "none" else None,
            "; ".join(reasons) if status != STATUS_OK else "",
            templates,
        )


def _count_lines(path: Path) -> int | None:
    """Physical lines of a CSV, for the progress total (an estimate: quoted newlines count too)."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return None
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    return max(lines - 1, 0)


_ROW_COLUMNS = "input_row BIGINT, supplier VARCHAR, country_given VARCHAR, product VARCHAR, "
_ROW_COLUMNS += "hs_code_given VARCHAR, spend DOUBLE, tier VARCHAR, resolution BIGINT"


def scan_file(
    path: Path | str,
    *,
    column_map: Mapping[str, str] | None = None,
    sheet: str | None = None,
    progress: ProgressCallback | None = None,
    resolver: Resolver | None = None,
) -> ScanResult:
    """Scan a supplier list into a register; raises :class:`imvo.core.suppliers.InputError`."""
    path = Path(path)
    resolver = resolver or Resolver()
    total = _count_lines(path) if progress else None
    workdir = Path(tempfile.mkdtemp(prefix="imvo-scan-"))
    try:
        rows_csv = workdir / "rows.csv"
        with open_supplier_file(path, column_map=column_map, sheet=sheet) as supplier_file:
            resolve = resolver.resolve
            count = 0
            with rows_csv.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writerow = writer.writerow
                for record in supplier_file.records():
                    spend = parse_amount(record.spend) if record.spend else None
                    writerow(
                        (
                            record.input_row,
                            record.supplier,
                            record.country,
                            record.product,
                            record.hs_code,
                            "" if spend is None else repr(spend),
                            record.tier,
                            resolve(record.country, record.product, record.hs_code),
                        )
                    )
                    count += 1
                    if progress is not None and count % _PROGRESS_EVERY == 0:
                        progress(count, total)
            supplier_file.raise_for_problems()
            if progress is not None:
                progress(count, count)
            source = SourceInfo(
                path=str(path),
                format=supplier_file.format,
                encoding=supplier_file.encoding,
                delimiter=supplier_file.delimiter,
                columns=dict(supplier_file.columns),
                rows=count,
                skipped_empty_rows=getattr(supplier_file, "skipped_empty_rows", 0),
            )
            warnings = list(supplier_file.warnings)
        connection = _build_register(rows_csv, resolver.resolutions, workdir)
        return ScanResult(connection, source, warnings)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _build_register(
    rows_csv: Path, resolutions: list[Resolution], workdir: Path
) -> duckdb.DuckDBPyConnection:
    templates_csv = workdir / "templates.csv"
    with templates_csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        theme_order = {theme.id: n for n, theme in enumerate(THEMES)} | {NO_THEME: len(THEMES)}
        for index, resolution in enumerate(resolutions):
            for template in resolution.templates:
                writer.writerow(
                    (
                        index,
                        resolution.country,
                        resolution.good,
                        resolution.hs_code,
                        resolution.status,
                        resolution.match_method,
                        "" if resolution.match_confidence is None else resolution.match_confidence,
                        resolution.review_reason,
                        template.theme,
                        theme_order[template.theme],
                        template.basis,
                        template.likelihood,
                        template.severity,
                        template.salience,
                        template.scale,
                        template.scope,
                        template.irremediability,
                        template.evidence,
                        template.source_url,
                        template.dataset_id,
                        template.edition,
                        template.record_id,
                    )
                )
    connection = duckdb.connect(":memory:")
    connection.execute("SET preserve_insertion_order = true")
    csv_options = "header = false, quote = '\"', escape = '\"', delim = ',', new_line = '\\n'"
    connection.execute(
        f"CREATE TEMP VIEW rows AS SELECT * FROM read_csv({_sql_string(rows_csv)}, {csv_options}, "  # noqa: S608
        f"columns = {{{_duck_columns(_ROW_COLUMNS)}}})"
    )
    template_columns = (
        "resolution BIGINT, country VARCHAR, good VARCHAR, hs_code VARCHAR, status VARCHAR, "
        "match_method VARCHAR, match_confidence DOUBLE, review_reason VARCHAR, theme VARCHAR, "
        "theme_order INTEGER, basis VARCHAR, likelihood INTEGER, severity INTEGER, salience INTEGER, "
        "severity_scale INTEGER, severity_scope INTEGER, severity_irremediability INTEGER, "
        "evidence VARCHAR, source_url VARCHAR, dataset VARCHAR, edition VARCHAR, record_id VARCHAR"
    )
    connection.execute(
        f"CREATE TEMP VIEW templates AS SELECT * FROM read_csv({_sql_string(templates_csv)}, {csv_options}, "  # noqa: S608
        f"columns = {{{_duck_columns(template_columns)}}})"
    )
    connection.execute(
        f"""
        CREATE TABLE register AS
        WITH joined AS (
            SELECT r.input_row, coalesce(r.supplier, '') AS supplier, coalesce(t.country, '') AS country,
                   coalesce(r.product, '') AS product, coalesce(t.good, '') AS good,
                   coalesce(t.hs_code, '') AS hs_code, t.theme, t.status, t.likelihood, t.severity,
                   t.salience, coalesce(t.evidence, '') AS evidence,
                   coalesce(t.source_url, '') AS source_url, coalesce(t.dataset, '') AS dataset,
                   coalesce(t.edition, '') AS edition, coalesce(t.record_id, '') AS record_id, t.basis,
                   t.severity_scale, t.severity_scope, t.severity_irremediability, r.spend,
                   coalesce(r.tier, '') AS tier, coalesce(r.country_given, '') AS country_given,
                   coalesce(r.hs_code_given, '') AS hs_code_given, t.match_method, t.match_confidence,
                   coalesce(t.review_reason, '') AS review_reason, t.theme_order
            FROM rows r JOIN templates t USING (resolution)
        ),
        ranked AS (
            SELECT *, CASE WHEN theme <> 'none' THEN row_number() OVER (
                PARTITION BY theme = 'none'
                ORDER BY salience DESC, severity DESC, spend DESC NULLS LAST, input_row, theme_order
            ) END AS priority
            FROM joined
        )
        SELECT {", ".join(REGISTER_COLUMNS)},
               row_number() OVER (ORDER BY priority NULLS LAST, input_row, theme_order) AS ordinal
        FROM ranked
        """  # noqa: S608
    )
    connection.execute("DROP VIEW rows")
    connection.execute("DROP VIEW templates")
    return connection


def _sql_string(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _duck_columns(spec: str) -> str:
    pairs = [part.strip().rsplit(" ", 1) for part in spec.split(",")]
    return ", ".join(f"'{name}': '{kind}'" for name, kind in pairs)
