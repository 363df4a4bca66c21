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

ProgressCallback = Callable[[int, int | None], None]
_PROGRESS_EVERY = 20_000


@dataclass(frozen=True, slots=True)
class Finding:
    """One register row: a supplier row × theme (``none`` when no theme applies). The field order
    is the register's column order."""

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


#: The register's columns, in order: the fields of :class:`Finding`. The first fourteen are the
#: output contract of issue 2.
REGISTER_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Finding))
#: Columns holding text, which spreadsheet exports guard against formula injection.
TEXT_COLUMNS = frozenset(f.name for f in fields(Finding) if f.type == "str")


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
    """The register: the DuckDB view ``register`` over the scanned rows; close it when done."""

    connection: duckdb.DuckDBPyConnection
    source: SourceInfo
    warnings: list[InputProblem] = field(default_factory=list)
    workdir: Path | None = None  # DuckDB's spill directory, removed on close

    def close(self) -> None:
        self.connection.close()
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> ScanResult:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, params or []).fetchall()

    def iter_findings(self, where: str = "TRUE", limit: int | None = None) -> Iterator[Finding]:
        """Register rows in priority order; ``where`` is a trusted SQL predicate from this package."""
        sql = f"SELECT {', '.join(REGISTER_COLUMNS)} FROM register WHERE {where} ORDER BY {REGISTER_ORDER}"  # noqa: S608
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
    """Resolves distinct values once; reusable across scans.

    Three small tables come out of it, joined with the rows by DuckDB: ``countries`` (text as given →
    ISO code), ``products`` ((product, HS code) as given → match) and ``groups`` ((country, matched
    good) → finding templates). A million rows share a few thousand groups, so findings and their
    evidence are built once per group, not once per row.
    """

    def __init__(self, reference: refdata.ReferenceData | None = None) -> None:
        self.reference = reference or refdata.load()
        hs_labels = {code: self.reference.hs_label(code) or "" for code in self.reference.hs_codes()}
        self.matcher = ProductMatcher(self.reference.good_names, hs_labels)
        self._countries: dict[str, str | None] = {}
        self._products: dict[tuple[str, str], int] = {}
        self.products: list[ProductMatch] = []
        self._groups: dict[tuple[str | None, tuple[str, ...], str], int] = {}
        self.groups: list[tuple[FindingTemplate, ...]] = []
        self._countries_by_good: dict[str, set[str]] = {}
        for listing in self.reference.listings:
            self._countries_by_good.setdefault(listing.good, set()).add(listing.alpha2)

    def country(self, text: str) -> str | None:
        try:
            return self._countries[text]
        except KeyError:
            alpha2 = normalise_country(text) if text else None
            self._countries[text] = alpha2
            return alpha2

    def product(self, product: str, hs_code: str) -> int:
        """Index into :attr:`products` for this (product, HS code) as given (cached)."""
        key = (product, hs_code)
        index = self._products.get(key)
        if index is None:
            index = len(self.products)
            self.products.append(self.matcher.match(product, hs_code))
            self._products[key] = index
        return index

    def group(self, alpha2: str | None, product_index: int) -> int:
        """Index into :attr:`groups`: the findings of a matched good in a country (cached)."""
        match = self.products[product_index]
        key = (alpha2, match.goods, match.good)
        index = self._groups.get(key)
        if index is None:
            index = len(self.groups)
            self.groups.append(self._templates(alpha2, match))
            self._groups[key] = index
        return index

    def _listed_in(self, goods: tuple[str, ...]) -> list[str]:
        return sorted({alpha2 for good in goods for alpha2 in self._countries_by_good.get(good, ())})

    def _templates(self, alpha2: str | None, match: ProductMatch) -> tuple[FindingTemplate, ...]:
        listed = self._listed_in(match.goods)
        if alpha2 is None:
            evidence = "Country unknown, so no risk could be assessed"
            if listed:
                evidence += f"; {match.good} is on the ILAB List of Goods for {', '.join(listed)}"
            return (no_finding(evidence + "."),)
        listings = [
            listing for good in match.goods if (listing := self.reference.listing(good, alpha2)) is not None
        ]
        profile = self.reference.country_profile(alpha2)
        return tuple(findings_for(alpha2, match.good, listings, profile, listed_elsewhere=listed))


def _count_lines(path: Path) -> int | None:
    """Physical lines of a CSV, for the progress total (an estimate: quoted newlines count too)."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return None
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    return max(lines - 1, 0)


_ROW_COLUMNS = (
    "input_row BIGINT, supplier VARCHAR, country_given VARCHAR, country VARCHAR, product VARCHAR, "
    "hs_code_given VARCHAR, spend DOUBLE, tier VARCHAR, product_match BIGINT, finding_group BIGINT"
)
_PRODUCT_COLUMNS = (
    "product_match BIGINT, good VARCHAR, hs_code VARCHAR, match_method VARCHAR, "
    "match_confidence DOUBLE, needs_review BOOLEAN, match_note VARCHAR"
)
_TEMPLATE_COLUMNS = (
    "finding_group BIGINT, theme VARCHAR, theme_order INTEGER, basis VARCHAR, likelihood INTEGER, "
    "severity INTEGER, salience INTEGER, severity_scale INTEGER, severity_scope INTEGER, "
    "severity_irremediability INTEGER, evidence VARCHAR, source_url VARCHAR, dataset VARCHAR, "
    "edition VARCHAR, record_id VARCHAR"
)
#: DuckDB's memory limit for one scan; beyond it, sorts and joins spill to disk.
DUCKDB_MEMORY_LIMIT = "1GB"
#: The register's order: ranked findings first (priority 1 on top), then unranked rows by input row.
REGISTER_ORDER = "priority NULLS LAST, input_row, theme_order"

_REVIEW_REASON = """
    CASE WHEN r.country IS NULL
         THEN concat_ws('; ',
                        CASE WHEN coalesce(r.country_given, '') = '' THEN 'country is empty'
                             ELSE 'country "' || r.country_given || '" not recognised' END,
                        nullif(p.match_note, ''))
         WHEN p.match_method = 'none' OR p.needs_review
         THEN coalesce(nullif(p.match_note, ''),
                       CASE WHEN coalesce(r.product, '') = '' THEN 'product is empty'
                            ELSE 'product not recognised' END)
         ELSE '' END
"""


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
            # One lookup per row: the (country, product, HS code) combinations repeat far more than
            # the rows, and each is resolved once through the resolver's own caches.
            resolved: dict[tuple[str, str, str], tuple[str | None, int, int]] = {}
            count = 0
            with rows_csv.open("w", encoding="utf-8", newline="") as handle:
                writerow = csv.writer(handle, lineterminator="\n").writerow
                for record in supplier_file.records():
                    key = (record.country, record.product, record.hs_code)
                    found = resolved.get(key)
                    if found is None:
                        alpha2 = resolver.country(record.country)
                        product_match = resolver.product(record.product, record.hs_code)
                        found = (alpha2, product_match, resolver.group(alpha2, product_match))
                        resolved[key] = found
                    writerow(
                        (
                            record.input_row,
                            record.supplier,
                            record.country,
                            found[0],
                            record.product,
                            record.hs_code,
                            parse_amount(record.spend) if record.spend else None,
                            record.tier,
                            found[1],
                            found[2],
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
                skipped_empty_rows=supplier_file.skipped_empty_rows,
            )
            warnings = list(supplier_file.warnings)
        connection = _build_register(rows_csv, resolver, workdir)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    return ScanResult(connection, source, warnings, workdir)


def _write_lookup_tables(resolver: Resolver, workdir: Path) -> tuple[Path, Path]:
    products_csv, templates_csv = workdir / "products.csv", workdir / "templates.csv"
    with products_csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for index, match in enumerate(resolver.products):
            writer.writerow(
                (
                    index,
                    match.good,
                    match.hs_code or match.hs_heading,
                    match.method,
                    "" if match.method == "none" else match.confidence,
                    match.needs_review or match.confidence < parameters.REVIEW_CONFIDENCE,
                    match.note,
                )
            )
    theme_order = {theme.id: n for n, theme in enumerate(THEMES)} | {NO_THEME: len(THEMES)}
    with templates_csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for index, templates in enumerate(resolver.groups):
            for t in templates:
                writer.writerow(
                    (
                        index,
                        t.theme,
                        theme_order[t.theme],
                        t.basis,
                        t.likelihood,
                        t.severity,
                        t.salience,
                        t.scale,
                        t.scope,
                        t.irremediability,
                        t.evidence,
                        t.source_url,
                        t.dataset_id,
                        t.edition,
                        t.record_id,
                    )
                )
    return products_csv, templates_csv


def _build_register(rows_csv: Path, resolver: Resolver, workdir: Path) -> duckdb.DuckDBPyConnection:
    """Load the rows and lookup tables, rank the findings, and define the ``register`` view.

    Only the ranking (input row, theme, priority) is materialised besides the inputs: evidence texts
    stay in the small templates table and are joined in when the register is read or exported.
    """
    products_csv, templates_csv = _write_lookup_tables(resolver, workdir)
    # A memory limit makes DuckDB spill large sorts to the work directory instead of growing.
    spill = workdir / "spill"
    spill.mkdir()
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": DUCKDB_MEMORY_LIMIT,
        "temp_directory": str(spill),
    }
    connection = duckdb.connect(":memory:", config=config)
    csv_options = "header = false, quote = '\"', escape = '\"', delim = ','"
    for table, path, columns in (
        ("rows", rows_csv, _ROW_COLUMNS),
        ("products", products_csv, _PRODUCT_COLUMNS),
        ("templates", templates_csv, _TEMPLATE_COLUMNS),
    ):
        connection.execute(
            f"CREATE TABLE {table} AS SELECT * FROM read_csv({_sql_string(path)}, {csv_options}, "  # noqa: S608
            f"columns = {{{_duck_columns(columns)}}})"
        )
        path.unlink()
    connection.execute(
        """
        CREATE TABLE ranking AS
        SELECT r.input_row, t.theme_order, row_number() OVER (
            ORDER BY t.salience DESC, t.severity DESC, r.spend DESC NULLS LAST, r.input_row, t.theme_order
        ) AS priority
        FROM rows r JOIN templates t USING (finding_group)
        WHERE t.theme <> 'none'
        """
    )
    connection.execute(
        f"""
        CREATE VIEW register AS
        SELECT r.input_row, coalesce(r.supplier, '') AS supplier, coalesce(r.country, '') AS country,
               coalesce(r.product, '') AS product, coalesce(p.good, '') AS good,
               coalesce(p.hs_code, '') AS hs_code, t.theme,
               CASE WHEN r.country IS NULL THEN 'unmatched_country'
                    WHEN p.match_method = 'none' THEN 'unmatched_product'
                    WHEN p.needs_review THEN 'needs_review'
                    ELSE 'ok' END AS status,
               t.likelihood, t.severity, t.salience, k.priority, coalesce(t.evidence, '') AS evidence,
               coalesce(t.source_url, '') AS source_url, coalesce(t.dataset, '') AS dataset,
               coalesce(t.edition, '') AS edition, coalesce(t.record_id, '') AS record_id, t.basis,
               t.severity_scale, t.severity_scope, t.severity_irremediability, r.spend,
               coalesce(r.tier, '') AS tier, coalesce(r.country_given, '') AS country_given,
               coalesce(r.hs_code_given, '') AS hs_code_given, p.match_method, p.match_confidence,
               {_REVIEW_REASON} AS review_reason, t.theme_order
        FROM rows r
        JOIN products p USING (product_match)
        JOIN templates t USING (finding_group)
        LEFT JOIN ranking k ON k.input_row = r.input_row AND k.theme_order = t.theme_order
        """  # noqa: S608
    )
    return connection


def _sql_string(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _duck_columns(spec: str) -> str:
    pairs = [part.strip().rsplit(" ", 1) for part in spec.split(",")]
    return ", ".join(f"'{name}': '{kind}'" for name, kind in pairs)
