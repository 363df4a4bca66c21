"""Shared helpers for the end-to-end tests in headless Chromium (Debian's chromium + chromedriver).

Imported by ``tests/web/e2e/conftest.py``; a plain module so other browser tests may reuse it.

The background worker is the delicate part of a live-server test: the scan must really run while the
browser watches the htmx progress bar. ``BackgroundJobWorker`` picks the robust way per database:

- **PostgreSQL or a file SQLite test database**: a real ``python -m imvo.web.manage runjobs``
  subprocess against the live server's test database (same ``DATABASE_URL``, same media folder),
  exactly as in production.
- **In-memory SQLite** (Django's default test database): another process cannot open it, and a second
  connection in a thread hits shared-cache table locks that SQLite's busy timeout does not cover. The
  worker then runs in the test's own thread (``run_pending_jobs_now()``, the real ``Worker`` and the real
  job handler) while the live server thread answers the browser's polls; the test starts it only after
  the upload's redirect has been served, so the two never write at the same time.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "var" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

#: Generous: a loaded 2-core CI machine can take seconds to render the first page or start a worker.
WAIT_SECONDS = 60


def browser_available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def start_chromium(window_size: str = "1280,1800") -> tuple[Any, Path]:
    """A headless Chromium with a throw-away profile; returns the driver and the profile folder."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = Path(tempfile.mkdtemp(prefix="imvo-chromium-"))
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-GB",
        f"--window-size={window_size}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-GB,en"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    return driver, profile


def wait_for(driver: Any, condition: Callable[[Any], Any], timeout: float = WAIT_SECONDS) -> Any:
    """Explicit wait: poll ``condition(driver)`` until it returns something truthy."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.2).until(condition)


def click_and_wait_for_new_page(driver: Any, element: Any, timeout: float = WAIT_SECONDS) -> None:
    """Click ``element`` (a submit button, a link) and wait until another document has fully loaded.

    A marker is set on the current page's ``window``; a new document does not have it. Selenium's
    ``staleness_of`` is not enough: while Chromium swaps documents, chromedriver may answer with
    "Node with given id does not belong to the document" instead of a stale-element error, so
    WebDriver errors during the swap are retried here.
    """
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    token = f"imvo-{time.monotonic_ns()}"
    driver.execute_script("window.imvoPageToken = arguments[0];", token)
    element.click()

    def replaced(d: Any) -> bool:
        state = d.execute_script("return [window.imvoPageToken || null, document.readyState];")
        return bool(state[0] != token and state[1] == "complete")

    WebDriverWait(driver, timeout, poll_frequency=0.2, ignored_exceptions=(WebDriverException,)).until(
        replaced
    )


def screenshot(driver: Any, name: str) -> Path:
    """Save the page as ``var/screenshots/workspace-<name>.png`` (whole page height)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, 800)  # shrink first: scrollHeight is never less than the viewport
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, max(800, min(int(height) + 150, 6000)))
    target = SCREENSHOTS / f"workspace-{name}.png"
    driver.save_screenshot(str(target))
    return target


def database_url(settings_dict: dict[str, Any]) -> str | None:
    """A ``DATABASE_URL`` for another process to reach the same test database; None if impossible."""
    engine = settings_dict["ENGINE"]
    name = str(settings_dict["NAME"])
    if engine.endswith("sqlite3"):
        if name == ":memory:" or "mode=memory" in name:
            return None
        return f"sqlite:///{name}"
    if engine.endswith("postgresql"):
        user = quote(settings_dict.get("USER") or "", safe="")
        password = quote(settings_dict.get("PASSWORD") or "", safe="")
        credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        host = settings_dict.get("HOST") or "127.0.0.1"
        port = settings_dict.get("PORT") or 5432
        return f"postgresql://{credentials}{host}:{port}/{quote(name, safe='')}"
    return None


class BackgroundJobWorker:
    """Runs queued jobs for a live-server test: a ``runjobs`` subprocess where possible, else inline."""

    def __init__(self, media_root: Path, log_path: Path) -> None:
        from django.db import connection

        self.url = database_url(connection.settings_dict)
        self.media_root = media_root
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def mode(self) -> str:
        return "subprocess" if self.url else "inline"

    def start(self) -> None:
        if self.url is None or self.process is not None:
            return
        environment = dict(os.environ)
        environment.update(
            {
                "DATABASE_URL": self.url,
                "IMVO_MEDIA_ROOT": str(self.media_root),
                "IMVO_VAR_DIR": str(self.log_path.parent),
                "DJANGO_SETTINGS_MODULE": "imvo.web.settings",
                "IMVO_DB_CONN_MAX_AGE": "0",
            }
        )
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "imvo.web.manage", "runjobs", "--sleep", "0.2", "--worker-id", "e2e"],
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=REPO,
            )

    def run_queued_jobs(self, timeout: float = WAIT_SECONDS) -> None:
        """Make sure every queued job gets run: inline now, or wait for the subprocess to finish them."""
        from imvo.web.jobs.models import Job, JobStatus
        from imvo.web.jobs.queue import run_pending_jobs_now

        if self.url is None:
            run_pending_jobs_now()
            return
        if self.process is None:
            # Started only now, so the test sees the "waiting for a worker" state before the scan runs.
            self.start()
        assert self.process is not None
        deadline = time.monotonic() + timeout
        unfinished = Job.objects.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING])
        while unfinished.exists():
            if self.process.poll() is not None:
                raise RuntimeError(f"the runjobs worker exited early:\n{self.log()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"the runjobs worker did not finish in {timeout} s:\n{self.log()}")
            time.sleep(0.2)  # polling the database for a result, not synchronising the browser

    def wait_for_log_line(self, line: str, timeout: float = WAIT_SECONDS) -> str:
        """The worker prints a job's outcome just after committing it: wait for the line, return the log."""
        deadline = time.monotonic() + timeout
        while line not in self.log() and time.monotonic() < deadline:
            time.sleep(0.1)  # polling the worker's log file, not synchronising the browser
        return self.log()

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # the worker finishes its current job, then exits
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def chromium_session(window_size: str = "1280,1800", implicit_wait: float = 0) -> Iterator[Any]:
    """Generator for a fixture: yields a driver and removes its profile afterwards."""
    driver, profile = start_chromium(window_size)
    if implicit_wait:
        driver.implicitly_wait(implicit_wait)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def sign_in_with_session(driver: Any, live_server: Any, user: Any) -> None:
    """Sign ``user`` in without the login form (tests of other pages): a session from Django's test
    client, handed to the browser as its cookie. The login form itself is tested in tests/web/e2e."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    driver.get(live_server.url + "/accounts/login/")
    driver.add_cookie(
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "path": "/",
        }
    )
