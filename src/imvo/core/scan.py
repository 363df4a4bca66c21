"""The risk scan: a supplier list in, a prioritised, evidence-linked risk register out.

Named stages, each recorded on every row (after Open Supply Hub's upload pipeline):

1. *read*: DuckDB reads a clean CSV (:mod:`imvo.core.suppliers.bulk`); any other file is streamed
   row by row by :func:`imvo.core.suppliers.open_supplier_file`, which reports every problem. Both
   give the same records, in the ``supplier_records`` view;
2. *resolve*: country and product are normalised once per **distinct** value (a million-row file has
   a few thousand distinct countries and products), and every distinct (country, good) combination
   is resolved once into status and finding templates by :mod:`imvo.core.risk.assess`;
3. *register*: DuckDB joins the rows with their templates, ranks the findings (most salient first,
   spend as a secondary key) and holds the register for export.

Nothing is written when the input has errors: :class:`InputError` carries every row-level problem.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Any

import duckdb

from imvo.core import refdata
from imvo.core.countries import normalise_country
from imvo.core.products import ProductMatch, ProductMatcher
from imvo.core.products.inputs import InputTable
from imvo.core.risk import parameters
from imvo.core.risk.assess import AnnexEntry, FindingTemplate, InputEvidence, findings_for, no_finding
from imvo.core.risk.coverage import Coverage, HeatMap, coverage, heat_map
from imvo.core.risk.evidence import Statement
from imvo.core.risk.themes import NO_THEME, THEMES
from imvo.core.sql import code_point_in, literal
from imvo.core.suppliers import (
    FORMULA_PREFIXES,
    InputProblem,
    SupplierFile,
    open_supplier_file,
    parse_amount,
)
from imvo.core.suppliers.bulk import (
    CELLS_TABLE,
    RECORD_COLUMNS,
    RECORDS_TABLE,
    distinct_products,
    load_clean_rows,
)
from imvo.core.suppliers.limits import DEFAULT_LIMITS, FileLimits

STATUS_OK = "ok"
STATUS_UNMATCHED_COUNTRY = "unmatched_country"
STATUS_UNMATCHED_PRODUCT = "unmatched_product"
STATUS_NEEDS_REVIEW = "needs_review"
STATUSES = (STATUS_OK, STATUS_NEEDS_REVIEW, STATUS_UNMATCHED_COUNTRY, STATUS_UNMATCHED_PRODUCT)

ProgressCallback = Callable[[int, int | None], None]
_PROGRESS_EVERY = 20_000
#: At most this many distinct products are matched ahead, while the file is read (bounds the thread's
#: time and memory on a file of all-different product texts).
_WARM_UP_PRODUCTS = 100_000


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
    #: The supplier's own number in the buyer's system ("" when the file has none): its identity
    #: across uploads (see :mod:`imvo.core.register.identity`).
    supplier_id: str
    #: For a finding about an input of the good (basis ``input`` or ``input_origin_unknown``): the
    #: input, and the country where it is produced when that is known ("" otherwise).
    input_good: str
    input_country: str
    #: The evidence as data (message ids and parameters, JSON; :mod:`imvo.core.risk.evidence`), so
    #: that it can be shown in the reader's language. Not part of the exported register files.
    evidence_data: str


#: Every field of :class:`Finding`, in order.
FINDING_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Finding))
#: The register's columns as exported, in order: the fields of :class:`Finding` but the evidence
#: data. The first fourteen are the output contract of issue 2.
REGISTER_COLUMNS: tuple[str, ...] = tuple(name for name in FINDING_COLUMNS if name != "evidence_data")
#: The view of the scanned rows, one per supplier row: the register without its findings.
SCANNED_ROWS = "scanned_rows"
#: The register's columns that belong to the supplier row, the same for each of its findings: the
#: columns of :data:`SCANNED_ROWS`.
SUPPLIER_ROW_COLUMNS: tuple[str, ...] = (
    "input_row",
    "supplier",
    "country",
    "product",
    "good",
    "hs_code",
    "status",
    "spend",
    "tier",
    "country_given",
    "hs_code_given",
    "match_method",
    "match_confidence",
    "review_reason",
    "supplier_id",
)
#: The register's columns that belong to the finding, with the supplier row's key.
FINDING_ROW_COLUMNS: tuple[str, ...] = ("input_row",) + tuple(
    name for name in REGISTER_COLUMNS if name not in SUPPLIER_ROW_COLUMNS
)
#: Columns holding text, which spreadsheet exports guard against formula injection.
TEXT_COLUMNS = frozenset(f.name for f in fields(Finding) if f.type == "str")
#: Text columns copied from the supplier file (the others hold this package's texts and codes).
_INPUT_TEXT_COLUMNS = ("supplier", "product", "tier", "country_given", "hs_code_given", "supplier_id")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    path: str
    format: str
    encoding: str | None
    delimiter: str | None
    columns: Mapping[str, str]
    rows: int
    skipped_empty_rows: int
    #: "bulk" when DuckDB read the file (a clean CSV), "rows" when the Python reader did.
    reader: str = "rows"


@dataclass
class ScanResult:
    """The register: the DuckDB view ``register`` over the scanned rows; close it when done."""

    connection: duckdb.DuckDBPyConnection
    source: SourceInfo
    warnings: list[InputProblem] = field(default_factory=list)
    workdir: Path | None = None  # DuckDB's spill directory, removed on close
    #: Text columns whose values may start like a spreadsheet formula: those copied from the
    #: supplier file, and any other whose (few, distinct) values were found to; exports to
    #: spreadsheets guard these.
    formula_columns: frozenset[str] = TEXT_COLUMNS

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
        sql = f"SELECT {', '.join(FINDING_COLUMNS)} FROM register WHERE {where} ORDER BY {REGISTER_ORDER}"  # noqa: S608
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
        # From the rows counted per finding group, product match and country (a few thousand), not
        # from the register's millions of rows: every register row is a row of a group × a template.
        (register_rows,) = self.query(
            f"SELECT coalesce(sum(g.rows), 0) FROM {_ROW_GROUPS} g JOIN templates t USING (finding_group)"  # noqa: S608
        )[0]
        rows_by_status = self.query(
            f"SELECT {_STATUS_SQL} AS status, sum(r.rows) FROM {_ROW_GROUPS} r "  # noqa: S608
            "JOIN products p USING (product_match) GROUP BY status"
        )
        findings_by_theme = self.query(
            f"SELECT t.theme::VARCHAR, sum(g.rows) FROM {_ROW_GROUPS} g "  # noqa: S608
            "JOIN templates t USING (finding_group) WHERE t.theme <> 'none' GROUP BY ALL"
        )
        (rows_with_findings,) = self.query(
            f"SELECT coalesce(sum(rows), 0) FROM {_ROW_GROUPS} "  # noqa: S608
            "WHERE finding_group IN (SELECT finding_group FROM templates WHERE theme <> 'none')"
        )[0]
        return Summary(
            input_rows=self.source.rows,
            register_rows=int(register_rows),
            rows_by_status={status: int(n) for status, n in rows_by_status},
            findings_by_theme={theme: int(n) for theme, n in findings_by_theme},
            rows_with_findings=int(rows_with_findings),
        )

    @cached_property
    def coverage(self) -> Coverage:
        """Which themes and datasets this scan covered (and which it could not), with the caveat that
        no finding is not proof of no risk."""
        return coverage(self.summary.findings_by_theme)

    def heat_map(self) -> HeatMap:
        """Findings per country and theme, with the highest salience of each cell."""
        return heat_map(
            self.query(
                "SELECT coalesce(g.country, ''), t.theme::VARCHAR, sum(g.rows), max(t.salience) "  # noqa: S608
                f"FROM {_ROW_GROUPS} g JOIN templates t USING (finding_group) "
                "WHERE t.theme <> 'none' GROUP BY ALL"
            )
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
        self.inputs = InputTable()
        self._countries: dict[str, str | None] = {}
        self._products: dict[tuple[str, str], int] = {}
        self.products: list[ProductMatch] = []
        # Products that match the same goods share their findings: one representative match each.
        self._good_keys: dict[tuple[tuple[str, ...], str, str], int] = {}
        self._goods: list[ProductMatch] = []
        self._groups: dict[tuple[str | None, int], int] = {}
        self.groups: list[tuple[FindingTemplate, ...]] = []
        self._countries_by_good: dict[str, set[str]] = {}
        self._listings_by_good: dict[str, list[refdata.GoodListing]] = {}
        for listing in self.reference.listings:
            self._countries_by_good.setdefault(listing.good, set()).add(listing.alpha2)
            self._listings_by_good.setdefault(listing.good, []).append(listing)
        self._annex = _annex_index(self.reference)
        self._annex_by_good: dict[str, AnnexEntry | None] = {}
        self._coded_goods = {link.good for link in self.inputs.links() if link.hs_prefixes}

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

    def good_key(self, product_index: int) -> int:
        """A number for the goods a product matched (products naming the same goods share it; the HS
        code counts only where it changes the findings: an Annex I code, a code-dependent input)."""
        match = self.products[product_index]
        code = (
            match.hs_code
            if match.hs_code
            and (match.good in self._coded_goods or self._annex_entry_for_code(match.hs_code) is not None)
            else ""
        )
        key = (match.goods, match.good, code)
        index = self._good_keys.get(key)
        if index is None:
            index = self._good_keys[key] = len(self._goods)
            self._goods.append(match)
        return index

    def group(self, alpha2: str | None, good_key: int) -> int:
        """Index into :attr:`groups`: the findings of the goods of ``good_key`` in a country (cached)."""
        key = (alpha2, good_key)
        index = self._groups.get(key)
        if index is None:
            index = len(self.groups)
            self.groups.append(self._templates(alpha2, self._goods[good_key]))
            self._groups[key] = index
        return index

    def _listed_in(self, goods: tuple[str, ...]) -> list[str]:
        return sorted({alpha2 for good in goods for alpha2 in self._countries_by_good.get(good, ())})

    def _annex_entry_for_code(self, code: str) -> AnnexEntry | None:
        return next((entry for prefix, entry in self._annex if code.startswith(prefix)), None)

    def _annex_entry_for_good(self, good: str) -> AnnexEntry | None:
        # Asked for every group of the good (one per country): the catalogue's few hundred goods
        # bound the cache.
        try:
            return self._annex_by_good[good]
        except KeyError:
            pass
        found = next(
            (
                entry
                for code in self.matcher.hs_codes_of(good)
                for prefix, entry in self._annex
                if code.startswith(prefix) or prefix.startswith(code)
            ),
            None,
        )
        self._annex_by_good[good] = found
        return found

    def _input_evidence(
        self, alpha2: str, match: ProductMatch
    ) -> tuple[list[InputEvidence], list[tuple[str, AnnexEntry]]]:
        evidence: list[InputEvidence] = []
        annex_inputs: list[tuple[str, AnnexEntry]] = []
        for item in self.inputs.inputs_of(match.good, match.hs_code) if match.good else ():
            names = self.matcher.goods_of([item.good])
            if item.at_origin:
                listings = [x for name in names if (x := self.reference.listing(name, alpha2)) is not None]
                profile = self.reference.country_profile(alpha2)
            else:
                listings = [x for name in names for x in self._listings_by_good.get(name, ())]
                profile = None
            evidence.append(InputEvidence(item.good, item.at_origin, listings, profile))
            if (entry := self._annex_entry_for_good(item.good)) is not None:
                annex_inputs.append((item.good, entry))
        return evidence, annex_inputs

    def _templates(self, alpha2: str | None, match: ProductMatch) -> tuple[FindingTemplate, ...]:
        listed = self._listed_in(match.goods)
        if alpha2 is None:
            if listed:
                statement = Statement(
                    "none.country_unknown_listed", {"good": match.good, "countries": listed}
                )
            else:
                statement = Statement("none.country_unknown")
            return (no_finding([statement]),)
        listings = [
            listing for good in match.goods if (listing := self.reference.listing(good, alpha2)) is not None
        ]
        inputs, annex_inputs = self._input_evidence(alpha2, match)
        annex = (self._annex_entry_for_code(match.hs_code) if match.hs_code else None) or (
            self._annex_entry_for_good(match.good) if match.good else None
        )
        return tuple(
            findings_for(
                alpha2,
                match.good,
                listings,
                self.reference.country_profile(alpha2),
                listed_elsewhere=listed,
                inputs=inputs,
                governance=self.reference.governance(alpha2),
                tip=self.reference.tip_placement(alpha2),
                annex=annex,
                annex_inputs=annex_inputs,
            )
        )


def _annex_index(reference: refdata.ReferenceData) -> list[tuple[str, AnnexEntry]]:
    """(HS/CN code prefix, entry) for every Annex I row of the EU CMR, longest prefix first."""
    dataset = next(d for d in refdata.manifest() if d.id == refdata.CMR_DATASET)
    index: list[tuple[str, AnnexEntry]] = []
    for row in reference.cmr_annex:
        entry = AnnexEntry(
            record_id=f"{row.part}|{row.item}",
            item=row.item,
            dataset_id=dataset.id,
            edition=dataset.edition,
            source_url=dataset.source_urls[0],
        )
        for code in {row.hs2017_code or "", (row.cn_code or "").replace(" ", "")[:6]}:
            if code:
                index.append((_hs_prefix(code), entry))
    return sorted(index, key=lambda item: -len(item[0]))


def _hs_prefix(code: str) -> str:
    """The HS level a code names: "260900" (a heading without subheadings) is "2609"; "261590" stays."""
    while len(code) > 4 and code.endswith("00"):
        code = code[:-2]
    return code


def _count_lines(path: Path) -> int | None:
    """Physical lines of a CSV, for the progress total (an estimate: quoted newlines count too)."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return None
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    return max(lines - 1, 0)


#: Text columns of the lookup tables. A million register rows share a few thousand of their values,
#: so they are stored as DuckDB ENUMs: sorting and exporting the register then moves small integers
#: instead of the evidence texts.
_ENUM_COLUMNS = {
    "products": ("good", "hs_code", "match_method", "match_note"),
    "templates": (
        "theme",
        "basis",
        "evidence",
        "source_url",
        "dataset",
        "edition",
        "record_id",
        "input_good",
        "input_country",
        "evidence_data",
    ),
}
#: DuckDB's memory limit for one scan; beyond it, sorts and joins spill to disk.
DUCKDB_MEMORY_LIMIT = "1GB"
#: The register's order: ranked findings first (priority 1 on top), then unranked rows by input row
#: (the order of the ``findings`` table, see :func:`_build_register`).
REGISTER_ORDER = "register_position"
#: The view of the findings without their supplier rows' columns (:data:`FINDING_ROW_COLUMNS`), in
#: register order (a scan of the ``findings`` table, which is stored in that order).
FINDING_ROWS = "finding_rows"

#: A row's status, from its country code (``r``) and its product match (``p``).
_STATUS_SQL = f"""
    CASE WHEN r.country IS NULL THEN '{STATUS_UNMATCHED_COUNTRY}'
         WHEN p.match_method = 'none' THEN '{STATUS_UNMATCHED_PRODUCT}'
         WHEN p.needs_review THEN '{STATUS_NEEDS_REVIEW}'
         ELSE '{STATUS_OK}' END
"""
#: The table of the scanned rows counted per finding group, product match and country code (a few
#: thousand rows): the summary and the heat map are computed from it.
_ROW_GROUPS = "row_groups"

_REVIEW_REASON = """
    CASE WHEN r.country IS NULL
         THEN concat_ws('; ',
                        CASE WHEN r.country_given = '' THEN 'country is empty'
                             ELSE 'country "' || r.country_given || '" not recognised' END,
                        nullif(p.match_note::VARCHAR, ''))
         WHEN p.match_method = 'none' OR p.needs_review
         THEN coalesce(nullif(p.match_note::VARCHAR, ''),
                       CASE WHEN r.product = '' THEN 'product is empty'
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
    bulk: bool = True,
    limits: FileLimits = DEFAULT_LIMITS,
) -> ScanResult:
    """Scan a supplier list into a register; raises :class:`imvo.core.suppliers.InputError`.

    A clean CSV is read by DuckDB (:mod:`imvo.core.suppliers.bulk`); any other file, or any file
    when ``bulk`` is false, row by row in Python, which reports every problem with its line.
    ``limits`` bound the file's size, unpacked size and rows (:mod:`imvo.core.suppliers.limits`).
    """
    path = Path(path)
    resolver = resolver or Resolver()
    workdir = Path(tempfile.mkdtemp(prefix="imvo-scan-"))
    connection: duckdb.DuckDBPyConnection | None = None
    try:
        connection = _connect(workdir)
        with open_supplier_file(path, column_map=column_map, sheet=sheet, limits=limits) as supplier_file:
            ahead = _MatchAhead(supplier_file, resolver) if bulk else None
            loaded = None
            try:
                loaded = load_clean_rows(supplier_file, connection, workdir) if bulk else None
            finally:
                if ahead is not None:
                    ahead.finish(wanted=loaded is not None)
            if loaded is not None:
                rows, skipped = loaded.rows, loaded.skipped_empty_rows
                if progress is not None:
                    progress(rows, rows)
            else:
                rows, skipped = _load_rows_one_by_one(supplier_file, connection, workdir, progress)
            source = SourceInfo(
                path=str(path),
                format=supplier_file.format,
                encoding=supplier_file.encoding,
                delimiter=supplier_file.delimiter,
                columns=dict(supplier_file.columns),
                rows=rows,
                skipped_empty_rows=skipped,
                reader="rows" if loaded is None else "bulk",
            )
            warnings = list(supplier_file.warnings)
        _resolve(connection, resolver)
        formula_columns = _build_register(connection, resolver)
    except BaseException:
        if connection is not None:
            connection.close()
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    return ScanResult(connection, source, warnings, workdir, formula_columns)


class _MatchAhead:
    """Matches the file's distinct products in a thread while DuckDB reads and checks the file (which
    releases Python's lock): matching is the slowest step in Python, and the checked read leaves a
    core free. The matches only fill the resolver's cache, keyed by the exact text; what the thread
    did not reach, or read differently, is matched later as before. :meth:`finish` before the
    resolver is used again."""

    def __init__(self, supplier_file: SupplierFile, resolver: Resolver) -> None:
        self._stop = threading.Event()

        def match() -> None:
            for product, hs_code in distinct_products(supplier_file, _WARM_UP_PRODUCTS):
                if self._stop.is_set():
                    return
                resolver.product(product, hs_code)

        self._thread = threading.Thread(target=match, name="imvo-match-ahead", daemon=True)
        self._thread.start()

    def finish(self, *, wanted: bool) -> None:
        """Wait for the thread; unless the matches are ``wanted`` (the checked read failed, or the
        row-by-row reader takes over), it stops at the next product."""
        if not wanted:
            self._stop.set()
        self._thread.join()


def _connect(workdir: Path) -> duckdb.DuckDBPyConnection:
    # A memory limit makes DuckDB spill large sorts to the work directory instead of growing.
    spill = workdir / "spill"
    spill.mkdir()
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": DUCKDB_MEMORY_LIMIT,
        "temp_directory": str(spill),
        # DuckDB's default, stated because the register depends on it: a finding's priority is its
        # row number in a table created from an ordered query (see _build_register).
        "preserve_insertion_order": True,
    }
    connection = duckdb.connect(":memory:", config=config)
    connection.execute("SET enable_progress_bar = false")  # the CLI draws its own
    return connection


def _load_rows_one_by_one(
    supplier_file: SupplierFile,
    connection: duckdb.DuckDBPyConnection,
    workdir: Path,
    progress: ProgressCallback | None,
) -> tuple[int, int]:
    """Stream the records through the Python reader into :data:`RECORDS_TABLE`; raises
    :class:`InputError` with every row problem, before anything is loaded."""
    total = _count_lines(supplier_file.path) if progress else None
    records_csv = workdir / "records.csv"
    count = 0
    with records_csv.open("w", encoding="utf-8", newline="") as handle:
        writerow = csv.writer(handle, lineterminator=_CSV_LINE_END).writerow
        for record in supplier_file.records():
            writerow(
                (
                    record.input_row,
                    record.supplier,
                    record.country,
                    record.product,
                    record.hs_code,
                    parse_amount(record.spend) if record.spend else None,
                    record.tier,
                    record.supplier_id,
                )
            )
            count += 1
            if progress is not None and count % _PROGRESS_EVERY == 0:
                progress(count, total)
    supplier_file.raise_for_problems()
    if progress is not None:
        progress(count, count)
    text = ", ".join(
        f"coalesce({name}, '') AS {name}" for name, kind in _column_pairs(RECORD_COLUMNS) if kind == "VARCHAR"
    )
    connection.execute(
        f"CREATE TABLE {CELLS_TABLE} AS SELECT * REPLACE ({text}) "  # noqa: S608
        f"FROM read_csv({_sql_string(records_csv)}, {_CSV_OPTIONS}, "
        f"columns = {{{_duck_columns(RECORD_COLUMNS)}}}); "
        f"CREATE VIEW {RECORDS_TABLE} AS SELECT * FROM {CELLS_TABLE}"
    )
    records_csv.unlink()
    (loaded,) = connection.execute(f"SELECT count(*) FROM {CELLS_TABLE}").fetchone() or (0,)  # noqa: S608
    if loaded != count:  # DuckDB's CSV reader must not lose a row silently
        raise RuntimeError(f"{count} records written but {loaded} loaded from {records_csv.name}")
    return count, supplier_file.skipped_empty_rows


def _resolve(connection: duckdb.DuckDBPyConnection, resolver: Resolver) -> None:
    """Resolve each distinct country, (product, HS code) and (country, good) once, then give every
    record its country code, product match and finding group: the ``rows`` table."""
    distinct_countries = f"SELECT DISTINCT country_given FROM {RECORDS_TABLE}"  # noqa: S608
    countries = [text for (text,) in connection.execute(distinct_countries).fetchall()]
    _create_from_lists(
        connection,
        "country_keys",
        {
            "country_given": ("VARCHAR", countries),
            "country": ("VARCHAR", [resolver.country(text) for text in countries]),
        },
    )
    pairs = connection.execute(f"SELECT DISTINCT product, hs_code_given FROM {RECORDS_TABLE}").fetchall()  # noqa: S608
    matches = [resolver.product(product, hs_code) for product, hs_code in pairs]
    _create_from_lists(
        connection,
        "product_keys",
        {
            "product": ("VARCHAR", [product for product, _ in pairs]),
            "hs_code_given": ("VARCHAR", [hs_code for _, hs_code in pairs]),
            "product_match": ("BIGINT", matches),
            "good_key": ("BIGINT", [resolver.good_key(match) for match in matches]),
        },
    )
    combinations = connection.execute(
        f"""
        SELECT DISTINCT c.country, k.good_key
        FROM {RECORDS_TABLE} r
        JOIN country_keys c USING (country_given)
        JOIN product_keys k USING (product, hs_code_given)
        """  # noqa: S608
    ).fetchall()
    _create_from_lists(
        connection,
        "group_keys",
        {
            "country_key": ("VARCHAR", [country or "" for country, _ in combinations]),
            "good_key": ("BIGINT", [good for _, good in combinations]),
            "finding_group": ("BIGINT", [resolver.group(country, good) for country, good in combinations]),
        },
    )
    connection.execute(
        f"""
        CREATE TABLE rows AS
        SELECT r.input_row, r.supplier, r.country_given, c.country, r.product, r.hs_code_given, r.spend,
               r.tier, r.supplier_id, k.product_match, g.finding_group
        FROM {RECORDS_TABLE} r
        JOIN country_keys c USING (country_given)
        JOIN product_keys k USING (product, hs_code_given)
        JOIN group_keys g ON g.country_key = coalesce(c.country, '') AND g.good_key = k.good_key;
        DROP VIEW {RECORDS_TABLE}; DROP TABLE {CELLS_TABLE};
        DROP TABLE country_keys; DROP TABLE product_keys; DROP TABLE group_keys;
        """  # noqa: S608
    )


def _create_from_lists(
    connection: duckdb.DuckDBPyConnection, table: str, columns: Mapping[str, tuple[str, list[Any]]]
) -> None:
    """A table from equally long Python lists, one per column (one round trip, no row-wise inserts)."""
    select = ", ".join(f"unnest(${name}::{kind}[]) AS {name}" for name, (kind, _) in columns.items())
    connection.execute(
        f"CREATE TABLE {table} AS SELECT {select}",  # noqa: S608
        {name: values for name, (_, values) in columns.items()},
    )


def _lookup_columns(resolver: Resolver) -> dict[str, dict[str, tuple[str, list[Any]]]]:
    """The ``products`` and ``templates`` tables as columns: one entry per resolved product match
    and per finding template of each finding group."""
    matches = resolver.products
    theme_order = {theme.id: n for n, theme in enumerate(THEMES)} | {NO_THEME: len(THEMES)}
    templates = [(group, t) for group, group_templates in enumerate(resolver.groups) for t in group_templates]
    return {
        "products": {
            "product_match": ("BIGINT", list(range(len(matches)))),
            "good": ("VARCHAR", [m.good for m in matches]),
            "hs_code": ("VARCHAR", [m.hs_code or m.hs_heading for m in matches]),
            "match_method": ("VARCHAR", [m.method for m in matches]),
            "match_confidence": ("DOUBLE", [None if m.method == "none" else m.confidence for m in matches]),
            "needs_review": (
                "BOOLEAN",
                [m.needs_review or m.confidence < parameters.REVIEW_CONFIDENCE for m in matches],
            ),
            "match_note": ("VARCHAR", [m.note for m in matches]),
        },
        "templates": {
            "finding_group": ("BIGINT", [group for group, _ in templates]),
            "theme": ("VARCHAR", [t.theme for _, t in templates]),
            "theme_order": ("INTEGER", [theme_order[t.theme] for _, t in templates]),
            "basis": ("VARCHAR", [t.basis for _, t in templates]),
            "likelihood": ("INTEGER", [t.likelihood for _, t in templates]),
            "severity": ("INTEGER", [t.severity for _, t in templates]),
            "salience": ("INTEGER", [t.salience for _, t in templates]),
            "severity_scale": ("INTEGER", [t.scale for _, t in templates]),
            "severity_scope": ("INTEGER", [t.scope for _, t in templates]),
            "severity_irremediability": ("INTEGER", [t.irremediability for _, t in templates]),
            "evidence": ("VARCHAR", [t.evidence for _, t in templates]),
            "source_url": ("VARCHAR", [t.source_url for _, t in templates]),
            "dataset": ("VARCHAR", [t.dataset_id for _, t in templates]),
            "edition": ("VARCHAR", [t.edition for _, t in templates]),
            "record_id": ("VARCHAR", [t.record_id for _, t in templates]),
            "input_good": ("VARCHAR", [t.input_good for _, t in templates]),
            "input_country": ("VARCHAR", [t.input_country for _, t in templates]),
            "evidence_data": ("VARCHAR", [t.evidence_data for _, t in templates]),
        },
    }


def _build_register(connection: duckdb.DuckDBPyConnection, resolver: Resolver) -> frozenset[str]:
    """Load the lookup tables, rank the findings, and define the ``register`` view; return the
    register's :attr:`ScanResult.formula_columns`.

    Besides the inputs only the register's keys are materialised (``findings``: input row, finding
    group and theme, in register order, so that a ranked row's number is its priority): evidence
    texts stay in the small templates table and are joined in when the register is read or exported.
    """
    formula_columns = set(_INPUT_TEXT_COLUMNS)
    for table, columns in _lookup_columns(resolver).items():
        _create_from_lists(connection, f"{table}_staged", columns)
        enums = _ENUM_COLUMNS[table]
        for name in enums:
            values = f"SELECT DISTINCT coalesce({name}, '') FROM {table}_staged"  # noqa: S608
            connection.execute(f"CREATE TYPE {table}_{name} AS ENUM ({values})")
            formula = code_point_in(f"unicode({name})", "".join(FORMULA_PREFIXES))
            (starts,) = connection.execute(
                f"SELECT count(*) FROM {table}_staged WHERE {formula}"  # noqa: S608
            ).fetchone() or (0,)
            if starts:
                formula_columns.add(name)
        as_enums = ", ".join(f"coalesce({name}, '')::{table}_{name} AS {name}" for name in enums)
        connection.execute(
            f"CREATE TABLE {table} AS SELECT * REPLACE ({as_enums}) FROM {table}_staged; "  # noqa: S608
            f"DROP TABLE {table}_staged"
        )
    if "match_note" in formula_columns:
        formula_columns.add("review_reason")
    connection.execute(
        f"CREATE TABLE {_ROW_GROUPS} AS "  # noqa: S608
        "SELECT finding_group, product_match, country, count(*) AS rows FROM rows GROUP BY ALL"
    )
    # Every register row (supplier row × template) in register order. A table created from an
    # ordered query keeps that order (DuckDB preserves insertion order), so a ranked finding's
    # priority is its row number: a parallel sort instead of row_number() over one window, which
    # runs on a single thread and took five times as long; exports read the rows in that order.
    # (Ranked and unranked rows are sorted apart: a CASE in the sort key makes the sort three times
    # slower.) The rows carry their template's columns (small integers and ENUMs), so that reading
    # them in register order needs no join, which would lose that order and take a second sort.
    connection.execute(
        """
        CREATE TABLE findings AS
        SELECT r.input_row, true AS ranked, t.*
        FROM rows r JOIN templates t USING (finding_group)
        WHERE t.theme <> 'none'
        ORDER BY t.salience DESC, t.severity DESC, r.spend DESC NULLS LAST, r.input_row, t.theme_order;
        INSERT INTO findings
        SELECT r.input_row, false, t.*
        FROM rows r JOIN templates t USING (finding_group)
        WHERE t.theme = 'none'
        ORDER BY r.input_row, t.theme_order
        """
    )
    connection.execute(
        f"""
        CREATE VIEW {SCANNED_ROWS} AS
        SELECT r.input_row, r.supplier, coalesce(r.country, '') AS country, r.product, p.good, p.hs_code,
               {_STATUS_SQL} AS status, r.spend, r.tier, r.country_given, r.hs_code_given,
               p.match_method, p.match_confidence, {_REVIEW_REASON} AS review_reason, r.supplier_id,
               r.finding_group
        FROM rows r
        JOIN products p USING (product_match);
        CREATE VIEW {FINDING_ROWS} AS
        SELECT f.input_row, f.theme, f.likelihood, f.severity, f.salience,
               CASE WHEN f.ranked THEN f.rowid + 1 END AS priority, f.evidence, f.source_url, f.dataset,
               f.edition, f.record_id, f.basis, f.severity_scale, f.severity_scope,
               f.severity_irremediability, f.input_good, f.input_country, f.evidence_data, f.theme_order,
               f.rowid AS register_position
        FROM findings f;
        CREATE VIEW register AS
        SELECT s.* EXCLUDE (finding_group), f.* EXCLUDE (input_row)
        FROM {FINDING_ROWS} f
        JOIN {SCANNED_ROWS} s USING (input_row)
        """  # noqa: S608
    )
    return frozenset(formula_columns & TEXT_COLUMNS)


# Our own CSV file of records: csv.writer's dialect with CRLF line ends, because csv.writer quotes a
# cell holding a lone CR only when CR is part of the line end, and DuckDB takes an unquoted CR for
# one. DuckDB's strict mode refuses a CR inside a quoted cell, so it is off here: this file is ours
# and well-formed, and the number of rows loaded is checked against the number written.
_CSV_LINE_END = "\r\n"
_CSV_OPTIONS = (
    "header = false, quote = '\"', escape = '\"', delim = ',', new_line = '\\r\\n', "
    "strict_mode = false, auto_detect = false"
)


def _sql_string(path: Path) -> str:
    return literal(str(path))


def _column_pairs(spec: str) -> list[tuple[str, str]]:
    return [(name, kind) for name, kind in (part.strip().rsplit(" ", 1) for part in spec.split(","))]


def _duck_columns(spec: str) -> str:
    return ", ".join(f"'{name}': '{kind}'" for name, kind in _column_pairs(spec))
