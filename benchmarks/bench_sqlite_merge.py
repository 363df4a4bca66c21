"""How long other writers wait while the first list of 300 000 suppliers fills an SQLite register
(issue 17, finding 7).

    .venv/bin/python benchmarks/bench_sqlite_merge.py --rows 300000

Writes a ``;``-separated list of ``--rows`` suppliers, scans it into a fresh SQLite database in a
temporary folder through the register's own job, and meanwhile, on a second connection, makes a
small write every 0.2 s (as a sign-in does: an IMMEDIATE transaction that updates one row). Prints
the longest transaction the fill held (one chunk), the median and longest wait of those writes,
how many failed ("database is locked"), and the whole job's time. A commit can take longer than
its wait for the lock: the connection that commits when the write-ahead log is long copies it into
the database (SQLite's automatic checkpoint), whichever connection that is. Target: the longest wait stays
well under the busy timeout (20 s), median under 1 s, no failed write.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def write_list(path: Path, rows: int) -> None:
    rng = random.Random(2)
    countries = ["India", "Ghana", "China", "Brazil", "Nederland"]
    products = ["cocoa beans", "bricks", "cotton", "coffee", "tea"]
    lines = ["supplier;country;product;spend"]
    lines += [
        f"Supplier {n};{rng.choice(countries)};{rng.choice(products)};{rng.randint(1, 99999)}"
        for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--rescan", action="store_true", help="then merge the same list again (reviewed)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="imvo-sqlite-merge-"))
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "IMVO_MEDIA_ROOT": str(folder / "media"),
            "IMVO_VAR_DIR": str(folder),
            "DJANGO_SETTINGS_MODULE": "imvo.web.settings",
        }
    )
    os.environ.setdefault("IMVO_SECRET_KEY", "benchmark-only-" + "x" * 50)
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    import imvo.web.register.actions as register_actions
    from imvo.web.jobs.queue import run_pending_jobs_now
    from imvo.web.organisations.models import Organisation
    from imvo.web.register.models import Risk, Supplier

    call_command("migrate", verbosity=0)
    source = folder / "suppliers.csv"
    write_list(source, args.rows)
    organisation = Organisation.objects.create(name="Benchmark", slug="benchmark", kind="company")
    write_chunk = register_actions._fill_chunk
    held: list[float] = []

    def timed_chunk(*positional: object, **named: object) -> object:
        started = time.perf_counter()
        try:
            return write_chunk(*positional, **named)  # type: ignore[arg-type]
        finally:
            held.append(time.perf_counter() - started)

    register_actions._fill_chunk = timed_chunk  # type: ignore[assignment]
    database = folder / "bench.sqlite3"
    started = time.perf_counter()
    upload = SimpleUploadedFile("suppliers.csv", source.read_bytes(), content_type="text/csv")
    scan = register_actions.upload_and_scan_supplier_list(None, organisation, upload)
    with probing(database) as first_fill:
        run_pending_jobs_now()
    total = time.perf_counter() - started
    scan.refresh_from_db()
    print(f"rows: {args.rows}; scan status: {scan.status}; whole job: {total:.1f} s")
    print(f"suppliers written: {Supplier.objects.count()}; risks written: {Risk.objects.count()}")
    if held:
        print(f"fill: {len(held)} transactions; longest {max(held):.2f} s, all together {sum(held):.1f} s")
    report("first list", first_fill)
    if args.rescan:
        rescan = register_actions.upload_and_scan_supplier_list(
            None, organisation, SimpleUploadedFile("suppliers.csv", source.read_bytes())
        )
        run_pending_jobs_now()  # the preview: reads only
        register_actions.request_apply_scan(None, organisation, rescan, "replace")
        with probing(database) as merge:
            run_pending_jobs_now()
        rescan.refresh_from_db()
        print(f"re-scan of the same list, reviewed and confirmed: {rescan.status}")
        report("reviewed merge (one transaction)", merge)


def report(phase: str, probe: dict[str, list[Any]]) -> None:
    waits, commits, failures = probe["waits"], probe["commits"], probe["failures"]
    if not waits:
        print(f"{phase}: concurrent writes: none done, {len(failures)} failed")
        return
    print(
        f"{phase}: concurrent writes: {len(waits)} done, {len(failures)} failed; waited for the lock: "
        f"median {statistics.median(waits):.3f} s, longest {max(waits):.2f} s; whole write (commit "
        f"included): median {statistics.median(commits):.3f} s, longest {max(commits):.2f} s"
    )
    ok = not failures and statistics.median(waits) < 1 and max(waits) < 5
    print(f"{phase}: target (no failed write, median wait < 1 s, longest < 5 s): {'PASS' if ok else 'FAIL'}")


@contextlib.contextmanager
def probing(database: Path) -> Iterator[dict[str, list[Any]]]:
    """Small writes on a second connection while the block runs; their waits land in the dict."""
    # In its own process: a thread here would also wait for this process's GIL, not only the lock.
    context = multiprocessing.get_context("spawn")
    done, results = context.Event(), context.Queue()
    probe = context.Process(target=_sign_ins, args=(database, results, done))
    probe.start()
    found: dict[str, list[Any]] = {}
    try:
        yield found
    finally:
        done.set()
        found["waits"], found["commits"], found["failures"] = results.get(timeout=60)
        probe.join()


def _sign_ins(path: Path, results: Any, done: Any) -> None:
    """A small write every 0.2 s on its own connection, with the install's busy timeout."""
    waits: list[float] = []
    commits: list[float] = []
    failures: list[str] = []
    connection = sqlite3.connect(path, timeout=20, isolation_level=None)
    connection.execute("CREATE TABLE IF NOT EXISTS bench_probe (id INTEGER PRIMARY KEY, at REAL)")
    connection.execute("INSERT OR IGNORE INTO bench_probe VALUES (1, 0)")
    while not done.is_set():
        started = time.perf_counter()
        try:
            connection.execute("BEGIN IMMEDIATE")  # returns once this connection holds the write lock
            waits.append(time.perf_counter() - started)
            connection.execute("UPDATE bench_probe SET at = ? WHERE id = 1", (time.time(),))
            connection.execute("COMMIT")
            commits.append(time.perf_counter() - started)
        except sqlite3.OperationalError as error:
            failures.append(str(error))
        time.sleep(0.2)
    connection.close()
    results.put((waits, commits, failures))


if __name__ == "__main__":
    main()
