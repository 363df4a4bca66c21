"""Web workspace benchmark: page latency at 20 concurrent users, queries per page, a 100 k-row scan.

    .venv/bin/python benchmarks/bench_web.py [--risks 10000] [--suppliers 100000] [--users 20]
        [--requests 400] [--seconds 60] [--upload-rows 100000]
        [--admin-url postgresql://postgres@127.0.0.1:5432/postgres]

What it does, all on this machine and only against 127.0.0.1:

1. Creates a dedicated PostgreSQL database ``imvo_bench`` (dropped first if left over, dropped again
   at the end), migrates it and seeds one organisation with ``--suppliers`` suppliers and ``--risks``
   risks (plus a measure on every fifth risk) with ``bulk_create``.
2. Serves the real WSGI application (``imvo.web.wsgi``) in ``--processes`` child processes (default 1,
   sharing the port with SO_REUSEPORT) with a *thread-pool* WSGI
   server: the standard library's ``wsgiref`` server whose requests are handed to a pool of
   ``--users`` threads, each keeping its database connection (``CONN_MAX_AGE``) like a gunicorn
   ``gthread`` worker in production. ``DEBUG`` is off.
3. ``--users`` client threads, each signed in with its own session, request the dashboard ("where are
   we", ``/o/<org>/``), the register (``/o/<org>/risks/``) and risk pages (``/o/<org>/risks/<id>/``,
   rotating over 100 risks), one page kind at a time; each kind is bounded by ``--requests`` requests
   and ``--seconds`` seconds. Each user starts at a random moment and waits 0.5–1.5 × ``--think-time``
   seconds (default 1 s, a person reading the page) before the next request; p50/p95 latency per
   page against the target p95 < 200 ms. The same load without think time (every user asks again
   the moment an answer arrives) is reported as the worst case, and one user alone as the service
   time without queueing. The load generator shares the machine's cores with the server.
4. In-process (Django test client), the number of SQL queries per page
   (``django.test.utils.CaptureQueriesContext``).
5. The browser flow for a ``--upload-rows`` supplier list (``benchmarks/synthetic.py``, cp1252 ``;``):
   a multipart POST with the form's CSRF token to the register's upload view on the running server
   (the same view and action as the browser), then the queued ``scan_suppliers`` job run by the real
   worker code (``run_pending_jobs_now``), each timed; into a second organisation so the seeded
   register is not changed.

Prints a table and, on the last line, JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
BENCH_DATABASE = "imvo_bench"
TARGET_P95_MS = 200.0
ORG_SLUG = "bench"
UPLOAD_ORG_SLUG = "bench-upload"
PASSWORD = "bench password that is long enough 42"

THEMES = ("forced_labour", "child_labour", "forced_child_labour", "derived_labour_exploitation")
GOODS = ("Cocoa", "Coffee", "Garments", "Bricks", "Gold", "Cotton", "Shrimp", "Tobacco", "Granite", "Toys")
COUNTRIES = ("CI", "GH", "BR", "IN", "BD", "CN", "VN", "TH", "MW", "CD", "PE", "MX", "NP", "TR", "MY")


# --- the database -------------------------------------------------------------------------------


def create_database(admin_url: str) -> str:
    from bench_database import create_bench_database

    return create_bench_database(admin_url, BENCH_DATABASE)


def drop_database(admin_url: str) -> None:
    from bench_database import drop_bench_database

    drop_bench_database(admin_url, BENCH_DATABASE)


def configure_django(database_url: str, var_dir: Path) -> None:
    """Environment for this process and the server child: the bench database, a throw-away var dir."""
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "imvo.web.settings",
            "IMVO_DEBUG": "0",
            "IMVO_SECRET_KEY": "bench-only-secret-key-" + "b" * 40,
            "IMVO_VAR_DIR": str(var_dir),
            "IMVO_MEDIA_ROOT": str(var_dir / "media"),
            "IMVO_MAX_UPLOAD_SIZE": str(200 * 1024 * 1024),
            "IMVO_DB_CONN_MAX_AGE": "600",
        }
    )
    import django

    django.setup()


def seed(suppliers: int, risks: int) -> dict[str, Any]:
    """Bulk-insert the register: one organisation, ``suppliers`` suppliers and ``risks`` risks."""
    from django.core.management import call_command

    from imvo.web.accounts.models import User
    from imvo.web.organisations.models import Membership, Organisation
    from imvo.web.register.models import Measure, Risk, Scan, ScanStatus, Supplier, SupplierUpload

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter() - started
    rng = random.Random(2026)
    organisation = Organisation.objects.create(name="Bench Import B.V.", slug=ORG_SLUG, kind="company")
    upload_organisation = Organisation.objects.create(
        name="Bench Upload B.V.", slug=UPLOAD_ORG_SLUG, kind="company"
    )
    owner = User.objects.create_user_with_email("owner@bench.example", PASSWORD, first_name="Owner")
    Membership.objects.create(user=owner, organisation=organisation, role="owner")
    Membership.objects.create(user=owner, organisation=upload_organisation, role="owner")
    upload = SupplierUpload.objects.create(
        organisation=organisation, original_name="seeded.csv", file="seeded.csv", uploaded_by=owner
    )
    scan = Scan.objects.create(
        organisation=organisation,
        upload=upload,
        status=ScanStatus.DONE,
        rows=suppliers,
        suppliers_count=suppliers,
        risks_count=risks,
        started_by=owner,
    )
    seeding = time.perf_counter()
    Supplier.objects.bulk_create(
        (
            Supplier(
                organisation=organisation,
                scan=scan,
                input_row=n + 2,
                name=f"Supplier {n:06d} B.V.",
                key=f"number:{n}",
                number_key=f"number:{n}",
                country=rng.choice(COUNTRIES),
                product=rng.choice(GOODS).lower(),
                spend=rng.randrange(100, 5_000_000),
                scan_status="ok",
            )
            for n in range(suppliers)
        ),
        batch_size=5000,
    )
    supplier_ids = list(Supplier.objects.filter(organisation=organisation).values_list("id", flat=True))
    risk_rows = []
    for n in range(risks):
        theme, good, country = rng.choice(THEMES), rng.choice(GOODS), rng.choice(COUNTRIES)
        likelihood, severity = rng.randrange(20, 100), rng.randrange(20, 100)
        risk_rows.append(
            Risk(
                organisation=organisation,
                scan=scan,
                supplier_id=supplier_ids[n * max(1, len(supplier_ids) // max(1, risks)) % len(supplier_ids)],
                title=f"{theme.replace('_', ' ').capitalize()}: {good} ({country})",
                theme=theme,
                country=country,
                good=good,
                likelihood=likelihood,
                severity=severity,
                salience=round(0.6 * severity + 0.4 * likelihood),
                priority=n + 1,
                evidence=f"ILAB List of Goods 2022: {good} from {country} is listed.",
                source_url="https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods",
                dataset="ilab-list-of-goods",
                edition="2022",
                confidential=n % 50 == 0,
            )
        )
    Risk.objects.bulk_create(risk_rows, batch_size=2000)
    risk_ids = list(
        Risk.objects.filter(organisation=organisation).order_by("id").values_list("id", flat=True)
    )
    Measure.objects.bulk_create(
        (
            Measure(
                organisation=organisation,
                risk_id=risk_id,
                kind=rng.choice(("prevent", "mitigate", "use_leverage")),
                description=f"Measure for risk {risk_id}",
                owner="Sustainability officer",
                status=rng.choice(("planned", "in_progress", "done")),
            )
            for risk_id in risk_ids[::5]
        ),
        batch_size=2000,
    )
    return {
        "owner": owner,
        "risk_ids": risk_ids,
        "migrate_seconds": round(migrated, 2),
        "seed_seconds": round(time.perf_counter() - seeding, 2),
    }


# --- the server ---------------------------------------------------------------------------------


def serve(port: int, threads: int) -> None:
    """Child process: the real WSGI app behind wsgiref, requests handled by a pool of threads."""
    from socketserver import BaseServer
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    import django

    django.setup()
    from imvo.web.wsgi import application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            return

    class ThreadPoolWSGIServer(WSGIServer):
        """Hands each request to a fixed pool (like gunicorn's gthread) so DB connections are reused."""

        request_queue_size = 256

        def server_bind(self) -> None:
            # Several server processes may share the port (SO_REUSEPORT): the kernel spreads connections.
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            super().server_bind()

        pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="wsgi")

        def process_request(self, request: Any, client_address: Any) -> None:
            self.pool.submit(self._handle, request, client_address)

        def _handle(self, request: Any, client_address: Any) -> None:
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    server: BaseServer = make_server(
        "127.0.0.1", port, application, server_class=ThreadPoolWSGIServer, handler_class=QuietHandler
    )
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print("ready", flush=True)
    server.serve_forever(poll_interval=0.2)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, threads: int, processes: int) -> list[subprocess.Popen[str]]:
    """``processes`` server processes on one port, ``threads`` request threads in total."""
    started = []
    for _ in range(processes):
        process = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "serve",
                "--port",
                str(port),
                "--threads",
                str(max(1, threads // processes)),
            ],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        started.append(process)
        assert process.stdout is not None
        if process.stdout.readline().strip() != "ready":
            stop_server(started)
            raise RuntimeError("the benchmark server did not start")
    return started


def stop_server(processes: list[subprocess.Popen[str]]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --- load ---------------------------------------------------------------------------------------


def session_cookies(owner: Any, users: int) -> list[str]:
    """One signed-in session per simulated user (created in the database, as a login would)."""
    from django.conf import settings
    from django.test import Client

    cookies = []
    for _ in range(users):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(owner)
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}")
    return cookies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def load(
    base: str, paths: list[str], cookies: list[str], requests: int, seconds: float, think: float = 0.0
) -> dict[str, Any]:
    """``len(cookies)`` users request ``paths`` in turn until ``requests`` are done or time is up;
    each waits ``think`` seconds after an answer (a person reading the page) before the next."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + seconds

    def user(index: int) -> None:
        nonlocal issued
        opener = urllib.request.build_opener(urllib.request.HTTPHandler())  # no proxies: loopback only
        position = index
        # People do not click in step: each user starts at a random moment and reads for a random
        # 0.5–1.5 × think seconds (fixed seeds, so runs are comparable).
        pace = random.Random(index)
        if think:
            time.sleep(pace.uniform(0, think))
        while time.monotonic() < deadline:
            with lock:
                if issued >= requests:
                    return
                issued += 1
            request = urllib.request.Request(
                base + paths[position % len(paths)], headers={"Cookie": cookies[index]}
            )
            position += len(cookies)
            started = time.perf_counter()
            try:
                with opener.open(request, timeout=30) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:
                with lock:
                    errors.append(str(error))
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors.append(f"HTTP {status}")
            if think:
                time.sleep(pace.uniform(0.5 * think, 1.5 * think))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(cookies)) as pool:
        list(pool.map(user, range(len(cookies))))
    wall = time.perf_counter() - started
    if not latencies:
        return {"requests": 0, "errors": len(errors), "first_error": errors[:1]}
    p95 = percentile(latencies, 0.95)
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "first_error": errors[:1],
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(max(latencies), 1),
        "mean_ms": round(statistics.fmean(latencies), 1),
        "throughput_rps": round(len(latencies) / wall, 1),
        "target_p95_ms": TARGET_P95_MS,
        "met": p95 < TARGET_P95_MS,
    }


def query_counts(owner: Any, pages: dict[str, str]) -> dict[str, int]:
    """SQL queries per page, rendered in-process (second request: caches and session warm)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(owner)
    counts = {}
    for name, path in pages.items():
        assert client.get(path).status_code == 200, path
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        counts[name] = len(captured.captured_queries)
    return counts


def _http_upload(base: str, cookie: str, path: Path) -> int:
    """POST ``path`` to the upload form over HTTP, with the form's CSRF token, as a browser does."""
    import re
    import uuid

    opener = urllib.request.build_opener(urllib.request.HTTPHandler())
    form_url = f"{base}/o/{UPLOAD_ORG_SLUG}/scans/"
    with opener.open(urllib.request.Request(form_url, headers={"Cookie": cookie}), timeout=60) as response:
        page = response.read().decode()
        csrf_cookie = next(
            value.split(";")[0]
            for value in response.headers.get_all("Set-Cookie") or []
            if value.startswith("csrftoken=")
        )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None, "the upload form has no CSRF token"
    boundary = uuid.uuid4().hex
    body = b"".join(
        [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'.encode(),
            token.group(1).encode() + b"\r\n",
            f"--{boundary}\r\n".encode(),
            f'Content-Disposition: form-data; name="file"; filename="{path.name}"\r\n'.encode(),
            b"Content-Type: text/csv\r\n\r\n",
            path.read_bytes(),
            f"\r\n--{boundary}--\r\n".encode(),
        ]
    )
    request = urllib.request.Request(
        base + f"/o/{UPLOAD_ORG_SLUG}/scans/upload/",
        data=body,
        method="POST",
        headers={
            "Cookie": f"{cookie}; {csrf_cookie}",
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Origin": base,
            "Referer": form_url,
        },
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    try:
        with urllib.request.build_opener(NoRedirect()).open(request, timeout=600) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:  # the 302 to the scan page arrives as an "error" here
        return int(error.code)


def upload_and_scan(base: str, cookie: str, rows: int, work_dir: Path) -> dict[str, Any]:
    """The browser flow for a big list: a multipart POST to the upload view over HTTP, then the
    ``scan_suppliers`` job run by the real worker code (``run_pending_jobs_now``) in this process."""
    sys.path.insert(0, str(BENCHMARKS))
    from synthetic import generate

    from imvo.web.jobs.queue import run_pending_jobs_now
    from imvo.web.register.models import Scan

    path = generate(work_dir / f"suppliers-{rows}.csv", rows)
    started = time.perf_counter()
    status = _http_upload(base, cookie, path)
    uploaded = time.perf_counter() - started
    assert status == 302, f"the upload answered HTTP {status}"
    started = time.perf_counter()
    jobs = run_pending_jobs_now()
    scanned = time.perf_counter() - started
    scan = Scan.objects.filter(organisation__slug=UPLOAD_ORG_SLUG).latest("id")
    return {
        "rows": rows,
        "file_bytes": path.stat().st_size,
        "upload_seconds": round(uploaded, 2),
        "scan_job_seconds": round(scanned, 2),
        "total_seconds": round(uploaded + scanned, 2),
        "status": scan.status,
        "jobs": [job.status for job in jobs],
        "suppliers": scan.suppliers_count,
        "risks": scan.risks_count,
        "error": scan.error[:300],
    }


# --- main ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", nargs="?", default="run", choices=("run", "serve"), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, default=20, help=argparse.SUPPRESS)
    parser.add_argument("--risks", type=int, default=10_000)
    parser.add_argument("--suppliers", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument(
        "--processes",
        type=int,
        default=1,
        help="server processes sharing the port (production: one per core)",
    )
    parser.add_argument("--requests", type=int, default=400, help="per page kind")
    parser.add_argument(
        "--think-time",
        type=float,
        default=1.0,
        help="seconds each user waits after a page before the next (0: back-to-back requests)",
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="per page kind")
    parser.add_argument("--upload-rows", type=int, default=100_000, help="0 skips the upload benchmark")
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="keep the imvo_bench database afterwards")
    args = parser.parse_args()
    if args.mode == "serve":
        serve(args.port, args.threads)
        return
    if urlsplit(args.admin_url).hostname not in {"127.0.0.1", "localhost", "::1"}:
        parser.error("the benchmark only talks to a PostgreSQL server on this machine")

    var_dir = Path(tempfile.mkdtemp(prefix="imvo-bench-"))
    database_url = create_database(args.admin_url)
    server = None
    try:
        configure_django(database_url, var_dir)
        seeded = seed(args.suppliers, args.risks)
        owner, risk_ids = seeded["owner"], seeded["risk_ids"]
        pages = {
            "dashboard": f"/o/{ORG_SLUG}/",
            "register": f"/o/{ORG_SLUG}/risks/",
            "risk": f"/o/{ORG_SLUG}/risks/{risk_ids[0]}/",
        }
        counts = query_counts(owner, pages)
        from django.db import connections

        connections.close_all()
        port = free_port()
        server = start_server(port, args.users, args.processes)
        base = f"http://127.0.0.1:{port}"
        cookies = session_cookies(owner, args.users)
        risk_sample = random.Random(1).sample(risk_ids, min(100, len(risk_ids)))
        latency = {}
        for name, paths in (
            ("dashboard", [pages["dashboard"]]),
            ("register", [pages["register"]]),
            ("risk", [f"/o/{ORG_SLUG}/risks/{risk_id}/" for risk_id in risk_sample]),
        ):
            load(base, paths, cookies, min(args.users * 2, args.requests), 10)  # warm-up
            latency[name] = load(base, paths, cookies, args.requests, args.seconds, args.think_time)
            # The worst case besides: every user asks again the moment an answer arrives.
            stress = load(base, paths, cookies, args.requests, args.seconds)
            latency[name]["no_think_p50_ms"] = stress.get("p50_ms")
            latency[name]["no_think_p95_ms"] = stress.get("p95_ms")
            # Context for the table: one user alone, i.e. the service time without queueing.
            alone = load(base, paths, cookies[:1], min(50, args.requests), args.seconds)
            latency[name]["single_user_p50_ms"] = alone.get("p50_ms")
            latency[name]["single_user_p95_ms"] = alone.get("p95_ms")
        upload = upload_and_scan(base, cookies[0], args.upload_rows, var_dir) if args.upload_rows else None
        stop_server(server)
        server = None
    finally:
        if server is not None:
            stop_server(server)
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.admin_url)
        shutil.rmtree(var_dir, ignore_errors=True)

    result = {
        "database": "postgresql",
        "server": f"wsgiref, {args.processes} process(es), {args.users} threads in all, DEBUG off",
        "think_time_seconds": args.think_time,
        "users": args.users,
        "risks": args.risks,
        "suppliers": args.suppliers,
        "seed_seconds": seeded["seed_seconds"],
        "pages": {name: {"path": pages[name], "queries": counts[name], **latency[name]} for name in pages},
        "upload_and_scan": upload,
    }
    header = (
        f"{'page':<10} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} "
        f"{'1-user p95':>10} {'no-think p95':>12}"
    )
    print(f"{header}  target p95 < {TARGET_P95_MS:.0f} ms")
    for name, row in result["pages"].items():
        verdict = "met" if row.get("met") else "MISSED"
        print(
            f"{name:<10} {row['requests']:>8} {row['errors']:>6} {row.get('p50_ms', '-'):>8} "
            f"{row.get('p95_ms', '-'):>8} {row['queries']:>7} "
            f"{row.get('single_user_p95_ms', '-'):>10} {row.get('no_think_p95_ms', '-'):>12}  {verdict}"
        )
    if upload:
        print(
            f"upload and scan {upload['rows']} rows: upload {upload['upload_seconds']} s, "
            f"scan job {upload['scan_job_seconds']} s, total {upload['total_seconds']} s ({upload['status']})"
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
