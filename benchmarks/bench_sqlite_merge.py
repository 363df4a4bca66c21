"""How long the first merge of a large supplier list holds SQLite's write lock (issue 17, finding 7).

    .venv/bin/python benchmarks/bench_sqlite_merge.py --rows 300000

Writes a ``;``-separated list of ``--rows`` suppliers, scans it into a fresh SQLite database in a
temporary folder through the register's own job, and prints how long the merge transaction ran (a
sign-in during it waits for the lock, up to the busy timeout) and how long the whole job took.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path


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
    merge = register_actions.apply_scan_plan
    held: list[float] = []

    def timed_merge(*positional: object, **named: object) -> object:
        started = time.perf_counter()
        try:
            return merge(*positional, **named)  # type: ignore[arg-type]
        finally:
            held.append(time.perf_counter() - started)

    register_actions.apply_scan_plan = timed_merge  # type: ignore[assignment]
    started = time.perf_counter()
    upload = SimpleUploadedFile("suppliers.csv", source.read_bytes(), content_type="text/csv")
    scan = register_actions.upload_and_scan_supplier_list(None, organisation, upload)
    run_pending_jobs_now()
    total = time.perf_counter() - started
    scan.refresh_from_db()
    print(f"rows: {args.rows}; scan status: {scan.status}")
    print(f"suppliers written: {Supplier.objects.count()}; risks written: {Risk.objects.count()}")
    print(f"merge transaction (write lock held): {held[0]:.1f} s" if held else "no merge ran")
    print(f"whole job: {total:.1f} s")


if __name__ == "__main__":
    main()
