"""The register as the scan hands it on: the Parquet relations (supplier rows and findings joined by
``input_row``), the summary computed from grouped rows, and the CLI's statement of what was covered."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pytest

from imvo.cli import main
from imvo.core.export import register_files, write_register
from imvo.core.risk.themes import THEMES
from imvo.core.scan import FINDING_ROW_COLUMNS, REGISTER_COLUMNS, SUPPLIER_ROW_COLUMNS, Resolver, scan_file

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "leveranciers.csv"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


def test_every_register_column_is_in_exactly_one_relation_but_the_key() -> None:
    supplier, finding = set(SUPPLIER_ROW_COLUMNS), set(FINDING_ROW_COLUMNS)
    assert supplier & finding == {"input_row"}
    assert supplier | finding == set(REGISTER_COLUMNS)


def test_parquet_joined_by_input_row_is_the_register(tmp_path: Path, resolver: Resolver) -> None:
    out = tmp_path / "register.parquet"
    with scan_file(EXAMPLE, resolver=resolver) as result:
        expected = [tuple(getattr(f, name) for name in REGISTER_COLUMNS) for f in result.findings]
        written = write_register(result, out)
    findings_file, suppliers_file = register_files(written)
    assert suppliers_file == tmp_path / "register.suppliers.parquet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.parquet", "register.suppliers.parquet"]
    connection = duckdb.connect()
    suppliers = connection.execute(f"SELECT * FROM '{suppliers_file}'").fetchall()
    # One row per supplier row, in file order: no supplier cell is repeated per theme.
    assert [row[0] for row in suppliers] == list(range(1, 46))
    assert [d[0] for d in connection.execute(f"DESCRIBE SELECT * FROM '{findings_file}'").fetchall()] == list(
        FINDING_ROW_COLUMNS
    )
    joined = connection.execute(
        f"SELECT {', '.join(REGISTER_COLUMNS)} FROM '{findings_file}' f "
        f"JOIN '{suppliers_file}' s USING (input_row) ORDER BY priority NULLS LAST, input_row"
    ).fetchall()
    # The findings file keeps the register's order; joined, the two files give every register row.
    assert [row[REGISTER_COLUMNS.index("priority")] for row in joined] == [
        row[REGISTER_COLUMNS.index("priority")] for row in expected
    ]
    assert Counter(joined) == Counter(expected)


def test_summary_and_heat_map_count_what_the_register_holds(tmp_path: Path, resolver: Resolver) -> None:
    with scan_file(EXAMPLE, resolver=resolver) as result:
        findings = result.findings
        summary = result.summary
        heat = result.heat_map()
    assert summary.register_rows == len(findings)
    status_of_row = {f.input_row: f.status for f in findings}
    assert summary.rows_by_status == dict(Counter(status_of_row.values()))
    themed = [f for f in findings if f.theme != "none"]
    assert summary.findings_by_theme == dict(Counter(f.theme for f in themed))
    assert summary.rows_with_findings == len({f.input_row for f in themed})
    for (country, theme), cell in heat.cells.items():
        in_cell = [f for f in themed if f.country == country and f.theme == theme]
        assert cell.findings == len(in_cell)
        assert cell.max_salience == max(f.salience or 0 for f in in_cell)
    assert sum(cell.findings for cell in heat.cells.values()) == len(themed)


def test_cli_prints_what_the_scan_covered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "register.parquet"
    assert main(["scan", str(EXAMPLE), "--out", str(out), "--no-report"]) == 0
    printed = capsys.readouterr().out
    with scan_file(EXAMPLE) as result:
        coverage, summary = result.coverage, result.summary
    assert "what this scan looked at:" in printed
    for theme in coverage.themes:
        line = next(x for x in printed.splitlines() if x.strip().startswith(theme.theme.replace("_", " ")))
        if theme.covered:
            assert f"{theme.findings:,} findings" in line
            assert all(dataset.id in line for dataset in theme.datasets)
        else:
            assert "not assessed" in line
    assert len(coverage.themes) == len(THEMES)
    for dataset in coverage.datasets:
        assert f"{dataset.id}: {dataset.title} ({dataset.edition}" in printed
    assert coverage.caveat in printed
    assert f"{summary.rows_by_status['ok']:,} recognised" in printed
    assert f"{summary.rows_by_status['unmatched_country']:,} country not recognised" in printed
    assert f"wrote {tmp_path / 'register.suppliers.parquet'}" in printed


def test_products_matched_ahead_are_the_distinct_stripped_cells(tmp_path: Path) -> None:
    from imvo.core.suppliers import open_supplier_file
    from imvo.core.suppliers.bulk import distinct_products

    source = tmp_path / "in.csv"
    source.write_text(
        "supplier;country;product;hs code\nA;Ghana; cocoa ;1801\nB;Ghana;cocoa;1801\nC;Peru;coffee;\n",
        encoding="utf-8",
    )
    with open_supplier_file(source) as supplier_file:
        assert sorted(distinct_products(supplier_file, 10)) == [("cocoa", "1801"), ("coffee", "")]
        assert len(distinct_products(supplier_file, 1)) == 1


def test_a_scan_with_products_matched_ahead_equals_one_without(tmp_path: Path) -> None:
    source = tmp_path / "clean.csv"
    products = ["cocoa beans", " Kakaobohnen", "cacaobonen ", "koffie", "garnalen bevroren", "katoen", "tin"]
    countries = ["Ghana", "Ivoorkust", "Brazilië", "Bolivia", "Thailand", "Germany"]
    lines = [
        f"Supplier {n};{countries[n % len(countries)]};{products[n % len(products)]};{'1801' * (n % 2)}"
        for n in range(120)
    ]
    source.write_text("supplier;country;product;hs code\n" + "\n".join(lines) + "\n", encoding="utf-8")
    with scan_file(source) as ahead, scan_file(source, bulk=False) as row_by_row:
        assert ahead.source.reader == "bulk"
        assert ahead.findings == row_by_row.findings


@pytest.mark.parametrize("empty_rows", [False, True])
def test_supplier_rows_are_written_in_file_order_with_their_own_answers(
    tmp_path: Path, resolver: Resolver, empty_rows: bool
) -> None:
    """The supplier rows are exported without a sort: on a list large enough for DuckDB to read and
    resolve on several threads, every row must still sit at its number with its own country code
    and good (also when rows of empty cells are left out, which numbers the rows by a window)."""
    places = {"Ghana": "GH", "Ivoorkust": "CI", "Atlantis": "", "Elfenbeinküste": "CI", "VR China": "CN"}
    goods = {"cacaobonen": "Cocoa", "Kakaobohnen": "Cocoa", "xqzv": "", "katoen": "Cotton", "": ""}
    path = tmp_path / "groot.csv"
    expected = []
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Leverancier;Land;Artikel\n")
        for n in range(200_000):
            place, good = list(places)[n % 5], list(goods)[(n // 5) % 5]
            if empty_rows and n % 1000 == 7:
                handle.write(";;\n")
            handle.write(f"S{n};{place};{good}\n")
            expected.append((len(expected) + 1, f"S{n}", places[place], goods[good]))
    out = tmp_path / "register.parquet"
    with scan_file(path, resolver=resolver) as result:
        assert result.source.reader == "bulk"
        write_register(result, out)
    written = (
        duckdb.connect()
        .execute(f"SELECT input_row, supplier, country, good FROM '{register_files(out)[1]}'")
        .fetchall()
    )
    assert written == expected


def test_a_large_register_is_written_in_priority_order(tmp_path: Path, resolver: Resolver) -> None:
    """The findings file is read in the order it is stored in: with enough rows for DuckDB to work
    in parallel (several row groups), priorities still run 1, 2, 3 … and unranked rows follow."""
    lines = EXAMPLE.read_text(encoding="cp1252").splitlines()
    header, rows = lines[0], lines[1:]
    source = tmp_path / "many.csv"
    copies = 300_000 // len(rows) + 1
    source.write_text("\n".join([header] + rows * copies) + "\n", encoding="cp1252")
    with scan_file(source, resolver=resolver) as result:
        written = write_register(result, tmp_path / "register.parquet")
        ranked = (
            result.summary.register_rows
            - result.query("SELECT count(*) FROM findings WHERE NOT ranked")[0][0]
        )
    findings_file, _ = register_files(written)
    priorities = [
        p for (p,) in duckdb.connect().execute(f"SELECT priority FROM '{findings_file}'").fetchall()
    ]
    assert len(priorities) > 500_000
    assert priorities[:ranked] == list(range(1, ranked + 1))
    assert set(priorities[ranked:]) <= {None}
