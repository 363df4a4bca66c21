"""Benchmark of the risk scan at 100 k and 1 M rows.

Prints rows/s, wall time (median of the repeats), peak RSS, the ratio to a bare DuckDB count(*) over
the same CSV in the same run, and the speed-up over a naive row-by-row Python baseline. Targets (issue
2, on a 2-core machine): 1 M rows in ≤ 15 s, ≤ 1.5 GB peak RSS, ≤ 10× the bare read.

    .venv/bin/python benchmarks/bench_scan.py [--sizes 100000 1000000] [--repeats 3] [--baseline-sizes 100000]

Two times are measured in the same process: the *scan* (read and check the file, match countries and
products, score and rank: the register is complete and queryable, as the web app and every export
use it) and *scan + CSV* (the register also written as CSV, as `imvo scan IN --out register.csv`
does). The targets are judged on the scan; writing the CSV register (seven times the size of the
input: every finding carries its evidence text) is reported beside it. Each measurement runs in a
fresh subprocess so that peak RSS belongs to that measurement alone; module imports happen before
the clock starts, for the scan and for the bare read alike.
"""

from __future__ import annotations

import argparse
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
TARGET_SECONDS_1M = 15.0
TARGET_PEAK_MB = 1536
TARGET_RATIO = 10.0


def _measure(kind: str, source: Path) -> dict[str, float | str]:
    """Run in the child: one measurement, printed as JSON."""
    sys.path.insert(0, str(HERE))
    import duckdb
    from naive_scan import naive_scan

    from imvo.core.export import write_register
    from imvo.core.scan import scan_file

    result: dict[str, float | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        destination = Path(tmp) / "register.csv"
        started = time.perf_counter()
        if kind == "scan":
            with scan_file(source) as scan:
                result["scan_seconds"] = time.perf_counter() - started
                write_register(scan, destination)
                result["rows"] = scan.source.rows
                result["reader"] = scan.source.reader
            result["csv_mb"] = destination.stat().st_size / 2**20
        elif kind == "naive":
            naive_scan(source, destination)
        else:
            result["rows"] = duckdb.sql(
                f"SELECT count(*) FROM read_csv('{source}', delim=';', header=true, all_varchar=true, "
                "encoding='latin-1')"
            ).fetchall()[0][0]
        result["seconds"] = time.perf_counter() - started
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def measure(kind: str, source: Path) -> dict[str, float]:
    completed = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(source)], capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--baseline-sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.child[0], Path(args.child[1]))))
        return

    sys.path.insert(0, str(HERE))
    from synthetic import generate

    results = []
    for size in args.sizes:
        source = DATA / f"suppliers-{size}.csv"
        if not source.exists():
            print(f"generating {source} …", file=sys.stderr)
            generate(source, size)
        scans = [measure("scan", source) for _ in range(args.repeats)]
        bares = [measure("bare", source) for _ in range(args.repeats)]
        scan_s = statistics.median(m["scan_seconds"] for m in scans)
        total_s = statistics.median(m["seconds"] for m in scans)
        bare_s = statistics.median(m["seconds"] for m in bares)
        row = {
            "rows": size,
            "file_mb": round(source.stat().st_size / 2**20, 1),
            "reader": scans[0]["reader"],
            "scan_seconds_median": round(scan_s, 2),
            "scan_seconds_all": [round(m["scan_seconds"], 2) for m in scans],
            "rows_per_second": round(size / scan_s),
            "scan_and_csv_seconds_median": round(total_s, 2),
            "csv_register_mb": round(scans[0]["csv_mb"]),
            "peak_rss_mb": round(max(m["peak_mb"] for m in scans)),
            "bare_duckdb_count_seconds_median": round(bare_s, 3),
            "ratio_to_bare_read": round(scan_s / bare_s, 1),
            "ratio_with_csv_to_bare_read": round(total_s / bare_s, 1),
        }
        if size in args.baseline_sizes:
            naive = [measure("naive", source) for _ in range(max(1, args.repeats // 2))]
            naive_s = statistics.median(m["seconds"] for m in naive)
            row["naive_seconds_median"] = round(naive_s, 2)
            row["speedup_over_naive"] = round(naive_s / total_s, 1)
        results.append(row)
        print(json.dumps(row), flush=True)

    print(
        "\nrows       scan s  rows/s     scan+CSV s  CSV MB  peak MB  bare s  ratio  ratio+CSV  "
        "naive s  speed-up"
    )
    for r in results:
        print(
            f"{r['rows']:>9,}  {r['scan_seconds_median']:>6.2f}  {r['rows_per_second']:>9,}  "
            f"{r['scan_and_csv_seconds_median']:>10.2f}  {r['csv_register_mb']:>6}  {r['peak_rss_mb']:>7}  "
            f"{r['bare_duckdb_count_seconds_median']:>6.3f}  {r['ratio_to_bare_read']:>5.1f}  "
            f"{r['ratio_with_csv_to_bare_read']:>9.1f}  {r.get('naive_seconds_median', float('nan')):>7.2f}  "
            f"{r.get('speedup_over_naive', float('nan')):>8.1f}"
        )
    million = next((r for r in results if r["rows"] == 1_000_000), None)
    if million:
        print("\ntargets at 1 M rows (the scan; scan + writing the CSV register in brackets):")
        met = "met" if million["scan_seconds_median"] <= TARGET_SECONDS_1M else "MISSED"
        print(
            f"  wall time ≤ {TARGET_SECONDS_1M} s: {million['scan_seconds_median']} s {met} "
            f"({million['scan_and_csv_seconds_median']} s)"
        )
        met = "met" if million["peak_rss_mb"] <= TARGET_PEAK_MB else "MISSED"
        print(f"  peak RSS ≤ {TARGET_PEAK_MB} MB: {million['peak_rss_mb']} MB {met}")
        met = "met" if million["ratio_to_bare_read"] <= TARGET_RATIO else "MISSED"
        print(
            f"  ≤ {TARGET_RATIO}× bare DuckDB read: {million['ratio_to_bare_read']}× {met} "
            f"({million['ratio_with_csv_to_bare_read']}×)"
        )


if __name__ == "__main__":
    main()
