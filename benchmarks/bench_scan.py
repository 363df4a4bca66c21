"""Benchmark of the risk scan end to end against a bare DuckDB pipeline over the same CSV (issue 12).

For each size (default 100 k and 1 M rows) it runs, interleaved and each in a fresh process:

* **imvo** — ``python`` starts, imports imvo, scans the synthetic supplier list (read and check the
  file, match countries and products, score every theme, rank), writes the register as Parquet (the
  findings and the supplier rows, two relations joined by ``input_row``) and reads its summary;
* **bare** — ``python`` starts, imports DuckDB, reads the same CSV, joins a country and a product
  lookup table (prepared beforehand from imvo's own answers, outside the clock) and writes Parquet.

Wall time is measured by this process from starting the child until it has exited, i.e. from process
start to written Parquet; peak RSS is the child's own (``ru_maxrss``). The imvo child also reports its
stages (import, resolver, read, resolve, register, Parquet; "duckdb" is the time its SQL statements
took across them, the part of the scan that is DuckDB's work); "read" includes waiting for the products
matched while the file is read, so "resolve" holds only the matching that was left. Targets (issue
12): imvo within 2.5× of the bare pipeline, peak ≤ 1.5 GB.

    .venv/bin/python benchmarks/bench_scan.py [--sizes 100000 1000000] [--repeats 3] [--json results.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
TARGET_RATIO = 2.5
TARGET_PEAK_MB = 1536
# The synthetic lists (benchmarks/synthetic.py): Dutch headers, ';', Windows-1252.
CSV_OPTIONS = "delim = ';', header = true, all_varchar = true, encoding = 'latin-1'"
COUNTRY, PRODUCT, CODE = "Land van herkomst", "Artikelomschrijving", "GN-code"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_imvo(source: Path, destination: Path) -> dict[str, object]:
    """In the child: scan and write Parquet, timing each stage."""
    started = time.perf_counter()
    import imvo.core.scan as scan_module
    from imvo.core.export import register_files, write_register

    stages: dict[str, float] = {"import": time.perf_counter() - started}
    resolve, build = scan_module._resolve, scan_module._build_register

    def timed(name: str, function):  # type: ignore[no-untyped-def]
        def run(*args):  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            try:
                return function(*args)
            finally:
                stages[name] = time.perf_counter() - began

        return run

    scan_module._resolve = timed("resolve", resolve)
    scan_module._build_register = timed("register", build)
    connect = scan_module._connect
    scan_module._connect = lambda workdir: _TimedConnection(connect(workdir), stages)  # type: ignore[assignment, return-value]
    began = time.perf_counter()
    resolver = scan_module.Resolver()  # reference data and the product matcher
    stages["resolver"] = time.perf_counter() - began
    began = time.perf_counter()
    with scan_module.scan_file(source, resolver=resolver) as scan:
        scanned = time.perf_counter() - began
        stages["read"] = scanned - stages["resolve"] - stages["register"]
        began = time.perf_counter()
        write_register(scan, destination)
        stages["parquet"] = time.perf_counter() - began
        summary = scan.summary
        result: dict[str, object] = {
            "rows": scan.source.rows,
            "reader": scan.source.reader,
            "register_rows": summary.register_rows,
            "themes": len(summary.findings_by_theme),
        }
    result["stages"] = {name: round(value, 2) for name, value in stages.items()}
    result["parquet_mb"] = round(sum(path.stat().st_size for path in register_files(destination)) / 2**20, 1)
    return result


class _TimedConnection:
    """The scan's DuckDB connection, adding the time spent in its statements to ``stages["duckdb"]``:
    the share of the scan that is SQL (the checked read, the joins, the ranking sort, the Parquet
    files), measured on the same run. The quick read beside it has its own connection."""

    def __init__(self, connection: object, stages: dict[str, float]) -> None:
        self._connection = connection
        self._stages = stages
        stages["duckdb"] = 0.0

    def execute(self, *args: object) -> object:
        began = time.perf_counter()
        try:
            return self._connection.execute(*args)  # type: ignore[attr-defined]
        finally:
            self._stages["duckdb"] += time.perf_counter() - began

    def __getattr__(self, name: str) -> object:
        return getattr(self._connection, name)


def _child_bare(source: Path, destination: Path, lookups: Path) -> dict[str, object]:
    """In the child: the bare pipeline, read → join the two lookup tables → Parquet."""
    import duckdb

    connection = duckdb.connect()
    countries, products = lookups / "countries.csv", lookups / "products.csv"
    connection.execute(
        f"""
        COPY (
            SELECT r.*, c.alpha2 AS country, p.good, p.hs_code
            FROM read_csv('{source}', {CSV_OPTIONS}) r
            LEFT JOIN read_csv('{countries}', header = true, all_varchar = true) c
                   ON c.country_given = r."{COUNTRY}"
            LEFT JOIN read_csv('{products}', header = true, all_varchar = true) p
                   ON p.product = r."{PRODUCT}" AND p.hs_code_given IS NOT DISTINCT FROM r."{CODE}"
        ) TO '{destination}' (FORMAT parquet)
        """
    )
    return {"parquet_mb": round(destination.stat().st_size / 2**20, 1)}


def prepare_lookups(source: Path, target: Path) -> tuple[int, int]:
    """The bare pipeline's lookup tables, from imvo's answers for every distinct value (not timed)."""
    import duckdb

    from imvo.core.scan import Resolver

    connection = duckdb.connect()
    read = f"read_csv('{source}', {CSV_OPTIONS})"
    countries = [row[0] for row in connection.execute(f'SELECT DISTINCT "{COUNTRY}" FROM {read}').fetchall()]
    products = connection.execute(f'SELECT DISTINCT "{PRODUCT}", "{CODE}" FROM {read}').fetchall()
    resolver = Resolver()
    with (target / "countries.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country_given", "alpha2"])
        writer.writerows([text, resolver.country((text or "").strip()) or ""] for text in countries)
    with (target / "products.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["product", "hs_code_given", "good", "hs_code"])
        for product, code in products:
            match = resolver.products[resolver.product((product or "").strip(), (code or "").strip())]
            writer.writerow([product, code, match.good, match.hs_code])
    return len(countries), len(products)


def measure(kind: str, source: Path, lookups: Path) -> dict[str, object]:
    """One child process; wall time from its start to its exit."""
    with tempfile.TemporaryDirectory() as tmp:
        destination = Path(tmp) / f"{kind}.parquet"
        command = [sys.executable, __file__, "--child", kind, str(source), str(destination), str(lookups)]
        started = time.perf_counter()
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"{kind} failed:\n{completed.stderr}")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    result["seconds"] = wall
    return result


def run_size(size: int, repeats: int) -> dict[str, object]:
    sys.path.insert(0, str(HERE))
    from synthetic import generate

    source = DATA / f"suppliers-{size}.csv"
    if not source.exists():
        print(f"generating {source} …", file=sys.stderr)
        generate(source, size)
    with tempfile.TemporaryDirectory() as lookups_dir:
        lookups = Path(lookups_dir)
        distinct = prepare_lookups(source, lookups)
        imvo_runs, bare_runs = [], []
        for _ in range(repeats):  # interleaved, so both see the same machine
            imvo_runs.append(measure("imvo", source, lookups))
            bare_runs.append(measure("bare", source, lookups))
    imvo_s = statistics.median(float(m["seconds"]) for m in imvo_runs)  # type: ignore[arg-type]
    bare_s = statistics.median(float(m["seconds"]) for m in bare_runs)  # type: ignore[arg-type]
    stages = {
        name: round(statistics.median(float(m["stages"][name]) for m in imvo_runs), 2)  # type: ignore[index]
        for name in imvo_runs[0]["stages"]  # type: ignore[union-attr]
    }
    return {
        "rows": size,
        "file_mb": round(source.stat().st_size / 2**20, 1),
        "distinct_countries": distinct[0],
        "distinct_products": distinct[1],
        "reader": imvo_runs[0]["reader"],
        "register_rows": imvo_runs[0]["register_rows"],
        "themes_found": imvo_runs[0]["themes"],
        "imvo_seconds_median": round(imvo_s, 2),
        "imvo_seconds_all": [round(float(m["seconds"]), 2) for m in imvo_runs],  # type: ignore[arg-type]
        "imvo_stages_median": stages,
        "imvo_peak_mb": round(max(float(m["peak_mb"]) for m in imvo_runs)),  # type: ignore[arg-type]
        "imvo_parquet_mb": imvo_runs[0]["parquet_mb"],
        "bare_seconds_median": round(bare_s, 2),
        "bare_seconds_all": [round(float(m["seconds"]), 2) for m in bare_runs],  # type: ignore[arg-type]
        "bare_peak_mb": round(max(float(m["peak_mb"]) for m in bare_runs)),  # type: ignore[arg-type]
        "ratio": round(imvo_s / bare_s, 2),
    }


def report(results: list[dict[str, object]]) -> None:
    print("\nrows        imvo s   bare s   ratio   imvo peak MB   register rows   stages (median s)")
    for r in results:
        print(
            f"{r['rows']:>9,}  {r['imvo_seconds_median']:>7}  {r['bare_seconds_median']:>7}  "
            f"{r['ratio']:>6}  {r['imvo_peak_mb']:>13}  {r['register_rows']:>14,}   {r['imvo_stages_median']}"
        )
    for r in results:
        if r["rows"] != 1_000_000:
            continue
        print("\ntargets at 1 M rows (process start to written Parquet):")
        met = "met (PASS)" if float(r["ratio"]) <= TARGET_RATIO else "MISSED (FAIL)"  # type: ignore[arg-type]
        print(f"  ≤ {TARGET_RATIO}× the bare DuckDB pipeline: {r['ratio']}× {met}")
        sql = float(r["imvo_stages_median"]["duckdb"])  # type: ignore[index]
        bare = float(r["bare_seconds_median"])  # type: ignore[arg-type]
        print(f"  (the scan's SQL statements alone: {sql:.2f} s, {sql / bare:.2f}× the bare pipeline)")
        met = "met (PASS)" if int(r["imvo_peak_mb"]) <= TARGET_PEAK_MB else "MISSED (FAIL)"  # type: ignore[call-overload]
        print(f"  peak RSS ≤ {TARGET_PEAK_MB} MB: {r['imvo_peak_mb']} MB {met}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--child", nargs=4, metavar=("KIND", "SOURCE", "OUT", "LOOKUPS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        kind, source, out, lookups = args.child
        if kind == "imvo":
            result = _child_imvo(Path(source), Path(out))
        else:
            result = _child_bare(Path(source), Path(out), Path(lookups))
        result["peak_mb"] = _peak_mb()
        print(json.dumps(result))
        return
    results = []
    for size in args.sizes:
        row = run_size(size, args.repeats)
        results.append(row)
        print(json.dumps(row), flush=True)
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
