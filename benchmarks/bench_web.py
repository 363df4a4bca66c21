"""Web workspace benchmark: page latency at 20 signed-in users on PostgreSQL, 100 k suppliers / 10 k risks.

    .venv/bin/python benchmarks/bench_web.py [--risks 10000] [--suppliers 100000] [--users 20]
        [--processes 2] [--repeats 3] [--seconds 20] [--think-time 1] [--stress-seconds 10]
        [--only overview filtered ...] [--upload-rows 100000] [--keep | --reuse]
        [--admin-url postgresql://postgres@127.0.0.1:5432/postgres]

What it does, all on this machine and only against 127.0.0.1:

1. Creates a dedicated PostgreSQL database ``imvo_bench_web`` (dropped first if left over, dropped
   again at the end unless ``--keep``; ``--reuse`` measures a kept one again, migrated, without
   seeding), migrates it and seeds one organisation with ``--suppliers`` suppliers and ``--risks``
   risks found by a scan (every salience band, theme, country and good; a tenth closed, a fifth being
   addressed), a severity judgement on every third risk, a measure on every fifth (some cancelled,
   some overdue) and follow-ups, and ``--users`` members, with ``bulk_create``; then ``VACUUM
   ANALYZE`` (the statistics autovacuum would gather). Seeding is not measured.
2. Serves the real WSGI application (``imvo.web.wsgi``, ``DEBUG`` off) in ``--processes`` child
   processes (default 2, one per core, sharing the port with SO_REUSEPORT) with a *thread-pool* WSGI
   server: the standard library's ``wsgiref`` server whose requests are handed to a pool of threads
   (``--users`` in all), each keeping its database connection (``CONN_MAX_AGE``) like a gunicorn
   ``gthread`` worker in production (gunicorn is not in the lock file; ``runserver`` would open a
   thread and a database connection per request and measure that instead of the pages).
3. ``--users`` client threads, each signed in as its own member, request one page kind at a time for
   ``--seconds`` seconds, ``--repeats`` times (medians reported): the overview (``/o/<org>/``), the
   register unfiltered, filtered (theme, country, salience band, not judged, search text in English
   and Dutch, combined), sorted by other columns, later pages, the view per supplier, and risk pages.
   The users of a kind rotate over its URLs. Each user starts at a random moment and waits 0.5–1.5 ×
   ``--think-time`` seconds (a person reading the page) before the next request. Meanwhile one member
   edits the register every ``--edit-every`` seconds (default 10; a risk's title, through the ORM),
   so the kept page parts (``imvo.web.organisations.page_cache``) are rendered again after each edit:
   the figures are those of a register in use, not of a cache that never misses; ``--no-page-cache``
   renders every page every time (the server's ``IMVO_PAGE_CACHE_SECONDS=0``). Per kind and per URL:
   p50/p95 latency, throughput, against the target p95 < 200 ms (PASS/FAIL); the server's peak
   resident memory (``VmHWM`` of its processes); the load average of the machine during each run. For
   context, one user alone (the service time without queueing) and the users without think time
   (every user asks again the moment an answer arrives; the worst case). The load generator shares
   the machine's cores with the server (and with whatever else runs on it: read the load average).
4. In-process (Django test client), the number of SQL queries per page kind, rendered and when its
   rendered part is kept (``django.test.utils.CaptureQueriesContext``).
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
BENCH_DATABASE = "imvo_bench_web"
TARGET_P95_MS = 200.0
MAX_URL_LINES = 10
ORG_SLUG = "bench"
UPLOAD_ORG_SLUG = "bench-upload"
PASSWORD = "bench password that is long enough 42"

THEMES = ("forced_labour", "child_labour", "forced_child_labour", "derived_labour_exploitation")
GOODS = ("Cocoa", "Coffee", "Garments", "Bricks", "Gold", "Cotton", "Shrimp", "Tobacco", "Granite", "Toys")
COUNTRIES = ("CI", "GH", "BR", "IN", "BD", "CN", "VN", "TH", "MW", "CD", "PE", "MX", "NP", "TR", "MY")
SUPPLIER_WORDS = (
    "Globe",
    "Delta",
    "Sunrise",
    "Noord",
    "Atlas",
    "Cacao",
    "Textiel",
    "Metaal",
    "Oost",
    "Verde",
)


# --- the database -------------------------------------------------------------------------------


def create_database(admin_url: str) -> str:
    from bench_database import create_bench_database

    return create_bench_database(admin_url, BENCH_DATABASE)


def with_database(admin_url: str, name: str) -> str:
    from bench_database import with_database as url_with_database

    return url_with_database(admin_url, name)


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


def seed(suppliers: int, risks: int, users: int) -> dict[str, Any]:
    """Bulk-insert the register: one organisation, ``suppliers`` suppliers, ``risks`` risks found by a
    scan (every salience band, theme, country and good; a tenth closed, a fifth being addressed), a
    severity judgement on every third risk, a measure on every fifth (some cancelled, some overdue)
    with follow-ups, and ``users`` members. Not measured: only its duration is reported."""
    from django.core.management import call_command

    from imvo.web.accounts.models import User
    from imvo.web.organisations.models import Membership, Organisation
    from imvo.web.register.models import Scan, ScanStatus, SupplierUpload

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter() - started
    organisation = Organisation.objects.create(name="Bench Import B.V.", slug=ORG_SLUG, kind="company")
    upload_organisation = Organisation.objects.create(
        name="Bench Upload B.V.", slug=UPLOAD_ORG_SLUG, kind="company"
    )
    members = [
        User.objects.create_user_with_email(f"user{n:02d}@bench.example", PASSWORD, first_name=f"User {n}")
        for n in range(users)
    ]
    Membership.objects.bulk_create(
        Membership(user=user, organisation=organisation, role="owner" if n == 0 else "editor")
        for n, user in enumerate(members)
    )
    Membership.objects.create(user=members[0], organisation=upload_organisation, role="owner")
    upload = SupplierUpload.objects.create(
        organisation=organisation, original_name="seeded.csv", file="seeded.csv", uploaded_by=members[0]
    )
    scan = Scan.objects.create(
        organisation=organisation,
        upload=upload,
        status=ScanStatus.DONE,
        rows=suppliers,
        suppliers_count=suppliers,
        risks_count=risks,
        started_by=members[0],
        applied_at=timezone_now(),
    )
    seeding = time.perf_counter()
    rng = random.Random(2026)
    supplier_ids = _seed_suppliers(organisation, scan, suppliers, rng)
    risk_ids = _seed_risks(organisation, scan, supplier_ids, risks, rng)
    _seed_work(organisation, members[0], risk_ids, rng)
    analyse()
    return {
        "owner": members[0],
        "users": members,
        "risk_ids": risk_ids,
        "migrate_seconds": round(migrated, 2),
        "seed_seconds": round(time.perf_counter() - seeding, 2),
    }


def analyse() -> None:
    """Table statistics for the planner, as autovacuum gathers them after a big write in production
    (without them PostgreSQL plans a freshly bulk-loaded register as if it were empty)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def timezone_now() -> Any:
    from django.utils import timezone

    return timezone.now()


def _seed_suppliers(organisation: Any, scan: Any, suppliers: int, rng: random.Random) -> list[int]:
    from imvo.web.register.models import Supplier

    Supplier.objects.bulk_create(
        (
            Supplier(
                organisation=organisation,
                scan=scan,
                first_scan=scan,
                input_row=n + 2,
                name=f"{rng.choice(SUPPLIER_WORDS)} {rng.choice(SUPPLIER_WORDS)} {n:06d} B.V.",
                key=f"number:{n}",
                number_key=f"number:{n}",
                supplier_number=f"S{n:06d}",
                country=rng.choice(COUNTRIES),
                product=rng.choice(GOODS).lower(),
                spend=rng.randrange(100, 5_000_000),
                scan_status="ok",
            )
            for n in range(suppliers)
        ),
        batch_size=5000,
    )
    return list(
        Supplier.objects.filter(organisation=organisation).order_by("id").values_list("id", flat=True)
    )


def _seed_risks(
    organisation: Any, scan: Any, supplier_ids: list[int], risks: int, rng: random.Random
) -> list[int]:
    """Risks of suppliers spread over the list, three per supplier; one in forty without a supplier."""
    from imvo.web.register.models import Risk, RiskSource, RiskStatus

    risk_rows = []
    for n in range(risks):
        theme, good, country = rng.choice(THEMES), rng.choice(GOODS), rng.choice(COUNTRIES)
        likelihood, severity = rng.randrange(5, 100), rng.randrange(5, 100)
        status = rng.choices((RiskStatus.OPEN, RiskStatus.ADDRESSED, RiskStatus.CLOSED), weights=(7, 2, 1))[0]
        risk_rows.append(
            Risk(
                organisation=organisation,
                source=RiskSource.SCAN,
                scan=scan,
                last_scan=scan,
                supplier_id=supplier_ids[(n // 3 * 7919) % len(supplier_ids)] if n % 40 else None,
                key=f"bench-risk-{n}",
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
                status=status,
                closed_at=timezone_now() if status == RiskStatus.CLOSED else None,
                confidential=n % 50 == 0,
            )
        )
    Risk.objects.bulk_create(risk_rows, batch_size=2000)
    return list(Risk.objects.filter(organisation=organisation).order_by("id").values_list("id", flat=True))


def _seed_work(organisation: Any, owner: Any, risk_ids: list[int], rng: random.Random) -> None:
    """Judgements on every third risk; a measure on every fifth, with a follow-up on every other one."""
    import datetime as dt

    from django.utils import timezone

    from imvo.web.register.models import FollowUp, Measure, SeverityJudgement

    today = timezone.localdate()
    SeverityJudgement.objects.bulk_create(
        (
            SeverityJudgement(
                organisation=organisation,
                risk_id=risk_id,
                severity=rng.randrange(1, 6),
                scale=rng.randrange(1, 6),
                scope=rng.randrange(1, 6),
                irremediability=rng.randrange(1, 6),
                rationale="Judged in the bench's seed.",
                judged_by=owner,
            )
            for risk_id in risk_ids[::3]
        ),
        batch_size=2000,
    )
    measures = Measure.objects.bulk_create(
        (
            Measure(
                organisation=organisation,
                risk_id=risk_id,
                kind=rng.choice(("prevent", "mitigate", "use_leverage")),
                description=f"Measure for risk {risk_id}",
                owner="Sustainability officer",
                due_on=today + dt.timedelta(days=rng.randrange(-90, 270)),
                status=rng.choice(("planned", "in_progress", "done", "cancelled")),
            )
            for risk_id in risk_ids[::5]
        ),
        batch_size=2000,
    )
    FollowUp.objects.bulk_create(
        (
            FollowUp(
                organisation=organisation,
                measure_id=measure.pk,
                kind=rng.choice(("audit", "visit", "kpi")),
                planned_on=today + dt.timedelta(days=rng.randrange(-60, 180)),
            )
            for measure in measures[::2]
        ),
        batch_size=2000,
    )


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


def session_cookies(users: list[Any]) -> list[str]:
    """One signed-in session per simulated user (created in the database, as a login would)."""
    from django.conf import settings
    from django.test import Client

    cookies = []
    for user in users:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}")
    return cookies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def peak_memory_mb(processes: list[subprocess.Popen[str]]) -> float:
    """The server's peak resident memory so far (``VmHWM``), summed over its processes, in MB."""
    total_kb = 0
    for process in processes:
        status = Path(f"/proc/{process.pid}/status").read_text()
        total_kb += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return round(total_kb / 1024, 1)


class ServerCpu:
    """CPU time used by the server's processes and their PostgreSQL backends: per request, the cost
    of a page on this machine whatever else runs on it (latency under a shared load is not)."""

    def __init__(self, processes: list[subprocess.Popen[str]], database_url: str) -> None:
        import psycopg

        self.pids = [process.pid for process in processes]
        self.probe = psycopg.connect(database_url, autocommit=True)

    def snapshot(self) -> dict[int, float]:
        backends = self.probe.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
        seconds = {}
        for pid in [*self.pids, *(row[0] for row in backends)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a backend that ended meanwhile
            seconds[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return seconds

    @staticmethod
    def used(before: dict[int, float], after: dict[int, float]) -> float:
        return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())

    def close(self) -> None:
        self.probe.close()


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def _latency_summary(latencies: list[float], wall: float) -> dict[str, Any]:
    return {
        "requests": len(latencies),
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "max_ms": round(max(latencies), 1),
        "throughput_rps": round(len(latencies) / wall, 1),
    }


def load(
    base: str,
    paths: list[str],
    cookies: list[str],
    requests: int,
    seconds: float,
    think: float = 0.0,
    cpu: ServerCpu | None = None,
) -> dict[str, Any]:
    """``len(cookies)`` users request ``paths`` in turn until ``requests`` are done or time is up;
    each waits ``think`` seconds after an answer (a person reading the page) before the next."""
    latencies: list[tuple[str, float]] = []
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
            path = paths[position % len(paths)]
            request = urllib.request.Request(base + path, headers={"Cookie": cookies[index]})
            position += 1
            started = time.perf_counter()
            try:
                with opener.open(request, timeout=30) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:
                with lock:
                    errors.append(f"{path}: {error}")
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if status == 200:
                    latencies.append((path, elapsed))
                else:
                    errors.append(f"{path}: HTTP {status}")
            if think:
                time.sleep(pace.uniform(0.5 * think, 1.5 * think))

    load_before = load_average()
    cpu_before = cpu.snapshot() if cpu else {}
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(cookies)) as pool:
        list(pool.map(user, range(len(cookies))))
    wall = time.perf_counter() - started
    cpu_seconds = cpu.used(cpu_before, cpu.snapshot()) if cpu else None
    if not latencies:
        return {"requests": 0, "errors": len(errors), "first_error": errors[:1]}
    by_path: dict[str, list[float]] = {}
    for path, elapsed in latencies:
        by_path.setdefault(path, []).append(elapsed)
    return {
        **_latency_summary([elapsed for _path, elapsed in latencies], wall),
        "errors": len(errors),
        "first_error": errors[:1],
        "load_average": [load_before, load_average()],
        "cpu_ms_per_request": None if cpu_seconds is None else round(1000 * cpu_seconds / len(latencies), 1),
        "per_url": {path: _latency_summary(values, wall) for path, values in by_path.items()},
    }


def query_counts(owner: Any, pages: dict[str, str], *, page_cache: bool) -> dict[str, int | str]:
    """SQL queries per page, in-process (second request: session warm, and the page's rendered part
    kept when ``page_cache``); a page that fails is reported with its error (and its requests are
    counted as errors under load)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    client.force_login(owner)
    counts: dict[str, int | str] = {}
    with override_settings(**({} if page_cache else {"IMVO_PAGE_CACHE_SECONDS": 0})):
        for name, path in pages.items():
            client.get(path)
            with CaptureQueriesContext(connection) as captured:
                status = client.get(path).status_code
            counts[name] = len(captured.captured_queries) if status == 200 else f"HTTP {status}"
    return counts


class RegisterEditor:
    """A member at work while the others read: every ``every`` seconds one risk of the register
    changes (its title), which moves the organisation's data version, so every kept page part is
    rendered again on its next request. Writes through the ORM, as the register's actions do."""

    def __init__(self, risk_ids: list[int], every: float) -> None:
        self.risk_ids = risk_ids
        self.every = every
        self.edits = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> RegisterEditor:
        if self.every > 0 and self.risk_ids:
            self._thread = threading.Thread(target=self._work, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _work(self) -> None:
        from django.db import connection

        from imvo.web.register.models import Risk

        pick = random.Random(2)
        try:
            while not self._stop.wait(self.every):
                risk_id = pick.choice(self.risk_ids)
                Risk.objects.filter(pk=risk_id).update(title=f"Risk {risk_id}, edited {self.edits + 1}")
                self.edits += 1
        finally:
            connection.close()


def seeded_register() -> dict[str, Any]:
    """What :func:`seed` returns, read back from a database kept by an earlier run (``--reuse``),
    migrated first (a new index is measured without seeding again)."""
    from django.core.management import call_command

    from imvo.web.accounts.models import User
    from imvo.web.register.models import Risk

    call_command("migrate", verbosity=0, interactive=False)
    users = list(User.objects.filter(email__endswith="@bench.example").order_by("email"))
    risk_ids = Risk.objects.filter(organisation__slug=ORG_SLUG).order_by("id").values_list("id", flat=True)
    return {"owner": users[0], "users": users, "risk_ids": list(risk_ids), "seed_seconds": None}


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


def page_kinds(risk_ids: list[int]) -> dict[str, list[str]]:
    """The pages measured, by kind; the users of one kind rotate over its URLs."""
    org = f"/o/{ORG_SLUG}/"
    risks = f"{org}risks/"
    sample = random.Random(1).sample(risk_ids, min(100, len(risk_ids)))
    return {
        "overview": [org],
        "register": [risks],
        "filtered": [
            f"{risks}?theme=forced_labour",
            f"{risks}?country=IN",
            f"{risks}?band=4",
            f"{risks}?judged=no",
            f"{risks}?q=cocoa",
            f"{risks}?q=ivoorkust",
            f"{risks}?q=atlas",
            f"{risks}?theme=child_labour&band=3&judged=no&measure=no",
        ],
        "sorted": [
            f"{risks}?sort=supplier",
            f"{risks}?sort=-country",
            f"{risks}?sort=title",
            f"{risks}?sort=salience",
            f"{risks}?sort=good&band=2",
        ],
        "later_pages": [f"{risks}?page=2", f"{risks}?page=40", f"{risks}?band=3&page=5&sort=supplier"],
        "by_supplier": [
            f"{risks}by-supplier/",
            f"{risks}by-supplier/?page=3",
            f"{risks}by-supplier/?band=4&country=CN",
        ],
        "risk": [f"{risks}{risk_id}/" for risk_id in sample],
    }


def _median_of_runs(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median over the repeats of each figure, for the kind and for each of its URLs."""

    def median(rows: list[dict[str, Any]], key: str) -> float:
        return round(statistics.median(row[key] for row in rows if key in row), 1)

    measured = [run for run in runs if run.get("requests")]
    if not measured:
        return {"requests": 0, "errors": sum(run["errors"] for run in runs), "met": False}
    summary: dict[str, Any] = {
        key: median(measured, key)
        for key in ("p50_ms", "p95_ms", "max_ms", "throughput_rps", "cpu_ms_per_request")
        if any(run.get(key) is not None for run in measured)
    }
    summary.update(
        requests=sum(run["requests"] for run in measured),
        errors=sum(run["errors"] for run in runs),
        first_error=next((run["first_error"] for run in runs if run["first_error"]), []),
        runs_p95_ms=[run.get("p95_ms") for run in runs],
        edits=[run.get("edits", 0) for run in runs],
        load_average=[run.get("load_average") for run in runs],
        met=median(measured, "p95_ms") < TARGET_P95_MS,
    )
    paths = {path for run in measured for path in run["per_url"]}
    summary["per_url"] = {
        path: {
            key: median([run["per_url"][path] for run in measured if path in run["per_url"]], key)
            for key in ("p50_ms", "p95_ms", "throughput_rps")
        }
        for path in sorted(paths)
    }
    return summary


def measure(
    base: str,
    kinds: dict[str, list[str]],
    cookies: list[str],
    args: argparse.Namespace,
    cpu: ServerCpu,
    risk_ids: list[int],
) -> dict[str, dict[str, Any]]:
    """Each kind under ``--users`` users (``--repeats`` times, medians) while one member edits the
    register every ``--edit-every`` seconds, then one user alone and, unless ``--stress-seconds 0``,
    the users without think time."""
    for paths in kinds.values():
        load(base, paths, cookies, len(cookies) * 2, 10)  # warm-up: connections, templates, caches
    runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    for _repeat in range(args.repeats):
        for kind, paths in kinds.items():
            with RegisterEditor(risk_ids, args.edit_every) as editor:
                run = load(base, paths, cookies, args.requests, args.seconds, args.think_time, cpu=cpu)
            runs[kind].append({**run, "edits": editor.edits})
    latency = {kind: _median_of_runs(kind_runs) for kind, kind_runs in runs.items()}
    for kind, paths in kinds.items():
        # The service time without queueing: one user alone, back to back.
        alone = load(base, paths, cookies[:1], max(30, len(paths) * 3), args.seconds, cpu=cpu)
        latency[kind]["single_user_p50_ms"] = alone.get("p50_ms")
        latency[kind]["single_user_p95_ms"] = alone.get("p95_ms")
        latency[kind]["single_user_cpu_ms_per_request"] = alone.get("cpu_ms_per_request")
        if args.stress_seconds:
            # The worst case: every user asks again the moment an answer arrives.
            stress = load(base, paths, cookies, args.requests, args.stress_seconds)
            latency[kind]["no_think_p95_ms"] = stress.get("p95_ms")
            latency[kind]["no_think_throughput_rps"] = stress.get("throughput_rps")
    return latency


def print_report(result: dict[str, Any]) -> None:
    header = (
        f"{'page kind':<12} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>6} "
        f"{'CPU ms/req':>10} {'queries':>7} {'1-user p95':>10} {'no-think p95':>12}"
    )
    print(
        f"{result['users']} users, think time {result['think_time_seconds']} s, medians of "
        f"{result['repeats']} runs; load average {result['load_average']}; server peak memory "
        f"{result['server_peak_memory_mb']} MB"
    )
    print(
        f"page cache {'on' if result['page_cache'] else 'OFF'}; "
        + (
            f"the register edited every {result['edit_every_seconds']} s during each run"
            if result["edit_every_seconds"]
            else "nobody edits during the runs"
        )
        + "; queries: rendered / when kept"
    )
    print(f"{header}  target p95 < {TARGET_P95_MS:.0f} ms")
    for name, row in result["pages"].items():
        queries = f"{row['queries']} / {row['queries_when_kept']}"
        print(
            f"{name:<12} {row['requests']:>8} {row['errors']:>6} {row.get('p50_ms', '-'):>8} "
            f"{row.get('p95_ms', '-'):>8} {row.get('throughput_rps', '-'):>6} "
            f"{row.get('cpu_ms_per_request', '-'):>10} {queries:>7} "
            f"{row.get('single_user_p95_ms', '-'):>10} {row.get('no_think_p95_ms', '-'):>12}  "
            f"{'PASS' if row.get('met') else 'FAIL'}"
        )
        per_url = row.get("per_url", {})
        # One line per URL of a kind (the risk pages, a hundred of them, are shown only together).
        for path, figures in per_url.items() if 1 < len(per_url) <= MAX_URL_LINES else ():
            print(f"    {path:<64} p50 {figures['p50_ms']:>7} ms  p95 {figures['p95_ms']:>7} ms")
    upload = result["upload_and_scan"]
    if upload:
        print(
            f"upload and scan {upload['rows']} rows: upload {upload['upload_seconds']} s, "
            f"scan job {upload['scan_job_seconds']} s, total {upload['total_seconds']} s ({upload['status']})"
        )
    print(f"overall: {'PASS' if result['passed'] else 'FAIL'}")


def parse_arguments() -> argparse.Namespace:
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
        default=2,
        help="server processes sharing the port (production: one per core)",
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs of every page kind (medians reported)")
    parser.add_argument("--requests", type=int, default=2000, help="at most, per page kind and run")
    parser.add_argument("--seconds", type=float, default=20.0, help="per page kind and run")
    parser.add_argument(
        "--think-time",
        type=float,
        default=1.0,
        help="seconds each user waits after a page before the next (0: back-to-back requests)",
    )
    parser.add_argument(
        "--stress-seconds", type=float, default=10.0, help="per page kind without think time (0: skip)"
    )
    parser.add_argument("--only", nargs="*", default=[], help="measure only these page kinds")
    parser.add_argument(
        "--edit-every",
        type=float,
        default=10.0,
        help="seconds between edits of the register during each run (0: nobody edits)",
    )
    parser.add_argument(
        "--no-page-cache",
        action="store_true",
        help="render every page every time (IMVO_PAGE_CACHE_SECONDS=0)",
    )
    parser.add_argument("--upload-rows", type=int, default=100_000, help="0 skips the upload benchmark")
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the database a --keep run left (no seeding; kept)"
    )
    args = parser.parse_args()
    if args.mode == "run" and urlsplit(args.admin_url).hostname not in {"127.0.0.1", "localhost", "::1"}:
        parser.error("the benchmark only talks to a PostgreSQL server on this machine")
    return args


def main() -> None:
    args = parse_arguments()
    if args.mode == "serve":
        serve(args.port, args.threads)
        return
    var_dir = Path(tempfile.mkdtemp(prefix="imvo-bench-"))
    if args.reuse:
        database_url = with_database(args.admin_url, BENCH_DATABASE)
    else:
        database_url = create_database(args.admin_url)
    server = None
    try:
        configure_django(database_url, var_dir)
        seeded = seeded_register() if args.reuse else seed(args.suppliers, args.risks, args.users)
        kinds = page_kinds(seeded["risk_ids"])
        if args.only:
            kinds = {kind: paths for kind, paths in kinds.items() if kind in args.only}
        first_pages = {kind: paths[0] for kind, paths in kinds.items()}
        counts = query_counts(seeded["owner"], first_pages, page_cache=False)
        kept_counts = query_counts(seeded["owner"], first_pages, page_cache=True)
        if args.no_page_cache:
            # The server processes read it from the environment: every page rendered every time.
            os.environ["IMVO_PAGE_CACHE_SECONDS"] = "0"
        from django.db import connections

        connections.close_all()
        port = free_port()
        server = start_server(port, args.users, args.processes)
        base = f"http://127.0.0.1:{port}"
        cookies = session_cookies(seeded["users"][: args.users])
        connections.close_all()
        cpu = ServerCpu(server, database_url)
        latency = measure(base, kinds, cookies, args, cpu, seeded["risk_ids"])
        cpu.close()
        memory = peak_memory_mb(server)
        upload = upload_and_scan(base, cookies[0], args.upload_rows, var_dir) if args.upload_rows else None
        stop_server(server)
        server = None
    finally:
        if server is not None:
            stop_server(server)
        from django.db import connections

        connections.close_all()
        if not (args.keep or args.reuse):
            drop_database(args.admin_url)
        shutil.rmtree(var_dir, ignore_errors=True)

    result = {
        "database": "postgresql",
        "server": f"wsgiref, {args.processes} process(es), {args.users} threads in all, DEBUG off",
        "think_time_seconds": args.think_time,
        "users": args.users,
        "repeats": args.repeats,
        "risks": args.risks,
        "suppliers": args.suppliers,
        "seed_seconds": seeded["seed_seconds"],
        "load_average": Path("/proc/loadavg").read_text().split()[:3],
        "server_peak_memory_mb": memory,
        "page_cache": not args.no_page_cache,
        "edit_every_seconds": args.edit_every,
        "pages": {
            kind: {
                "path": kinds[kind][0],
                "queries": counts[kind],
                "queries_when_kept": kept_counts[kind],
                **latency[kind],
            }
            for kind in kinds
        },
        "upload_and_scan": upload,
        "passed": all(latency[kind].get("met") for kind in kinds),
    }
    print_report(result)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
