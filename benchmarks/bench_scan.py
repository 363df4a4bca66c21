"""Benchmark of `imvo scan` at 100 k and 1 M rows.

Prints rows/s, wall time (median of the repeats), peak RSS, the ratio to a bare DuckDB count(*) over
the same CSV in the same run, and the speed-up over a naive row-by-row Python baseline. Targets (issue
2, on a 2-core machine): 1 M rows in ≤ 15 s, ≤ 1.5 GB peak RSS, ≤ 10× the bare read.

    .venv/bin/python benchmarks/bench_scan.py [--sizes 100000 1000000] [--repeats 3] [--baseline-sizes 100000]

Each measurement runs in a fresh subprocess so that peak RSS belongs to that measurement alone.
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


def _measure(kind: str, source: Path) -> dict[str, float]:
    """Run in the child: one measurement, printed as JSON."""
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory() as tmp:
        destination = Path(tmp) / "register.csv"
        started = time.perf_counter()
        if kind == "scan":
            from imvo.core.export import write_register
            from imvo.core.scan import scan_file

            with scan_file(source) as result:
                write_register(result, destination)
                rows = result.source.rows
        elif kind == "naive":
            from naive_scan import naive_scan

            naive_scan(source, destination)
            rows = 0
        else:
            import duckdb

            rows = duckdb.sql(
                f"SELECT count(*) FROM read_csv('{source}', delim=';', header=true, all_varchar=true, "
                "encoding='latin-1')"
            ).fetchall()[0][0]
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak_mb, "rows": rows}


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
        scan_s = statistics.median(m["seconds"] for m in scans)
        bare_s = statistics.median(m["seconds"] for m in bares)
        row = {
            "rows": size,
            "file_mb": round(source.stat().st_size / 2**20, 1),
            "scan_seconds_median": round(scan_s, 2),
            "scan_seconds_all": [round(m["seconds"], 2) for m in scans],
            "rows_per_second": round(size / scan_s),
            "peak_rss_mb": round(max(m["peak_mb"] for m in scans)),
            "bare_duckdb_count_seconds_median": round(bare_s, 3),
            "ratio_to_bare_read": round(scan_s / bare_s, 1),
        }
        if size in args.baseline_sizes:
            naive = [measure("naive", source) for _ in range(max(1, args.repeats // 2))]
            naive_s = statistics.median(m["seconds"] for m in naive)
            row["naive_seconds_median"] = round(naive_s, 2)
            row["speedup_over_naive"] = round(naive_s / scan_s, 1)
        results.append(row)
        print(json.dumps(row), flush=True)

    print("\nrows       scan s (median)  rows/s      peak MB  bare s  ratio  naive s  speed-up")
    for r in results:
        print(
            f"{r['rows']:>9,}  {r['scan_seconds_median']:>15.2f}  {r['rows_per_second']:>9,}  "
            f"{r['peak_rss_mb']:>7}  {r['bare_duckdb_count_seconds_median']:>6.3f}  "
            f"{r['ratio_to_bare_read']:>5.1f}  {r.get('naive_seconds_median', float('nan')):>7.2f}  "
            f"{r.get('speedup_over_naive', float('nan')):>7.1f}"
        )
    million = next((r for r in results if r["rows"] == 1_000_000), None)
    if million:
        print("\ntargets at 1 M rows:")
        print(
            f"  wall time ≤ {TARGET_SECONDS_1M} s: {million['scan_seconds_median']} s "
            f"{'met' if million['scan_seconds_median'] <= TARGET_SECONDS_1M else 'MISSED'}"
        )
        print(
            f"  peak RSS ≤ {TARGET_PEAK_MB} MB: {million['peak_rss_mb']} MB "
            f"{'met' if million['peak_rss_mb'] <= TARGET_PEAK_MB else 'MISSED'}"
        )
        print(
            f"  ≤ {TARGET_RATIO}× bare DuckDB read: {million['ratio_to_bare_read']}× "
            f"{'met' if million['ratio_to_bare_read'] <= TARGET_RATIO else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
