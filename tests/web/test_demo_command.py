"""`make demo` from a clean state: migrate SQLite, seed every app, print the login (no server)."""

import os
import sqlite3
import subprocess
import sys


def test_demo_seeds_a_fresh_sqlite_database_and_prints_the_login(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["IMVO_VAR_DIR"] = str(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "imvo.demo", "--no-serve"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "sign in as:   demo@example.org" in completed.stdout
    assert "password:" in completed.stdout
    report = tmp_path / "example-scan" / "report.html"
    assert str(report) in completed.stdout
    assert "Most salient findings" in report.read_text(encoding="utf-8")
    assert (tmp_path / "example-scan" / "register.xlsx").stat().st_size > 0
    with sqlite3.connect(tmp_path / "imvo.sqlite3") as db:
        (organisations,) = db.execute(
            "SELECT count(*) FROM organisations_organisation WHERE name = 'Voorbeeld Import B.V.'"
        ).fetchone()
        (risks,) = db.execute("SELECT count(*) FROM register_risk").fetchone()
    assert organisations == 1
    assert risks > 40


def test_the_demo_server_runs_without_debug_and_still_serves_static_files(tmp_path):
    """The demo's own configuration (imvo.demo.configure_environment) under runserver: DEBUG off, the
    site's 404 page instead of Django's URL list, static files and the favicon from whitenoise."""
    import socket
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"127.0.0.1:{port}"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"} and not k.startswith("IMVO_")
    }
    env["IMVO_VAR_DIR"] = str(tmp_path)
    code = (
        "import os, sys; from imvo import demo; demo.configure_environment(sys.argv[1]); "
        "from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage', 'runserver', sys.argv[1], '--noreload'])"
    )
    server = subprocess.Popen(
        [sys.executable, "-c", code, address],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def get(path):
        try:
            with urllib.request.urlopen(f"http://{address}{path}", timeout=10) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = get("/static/css/imvo.css")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert status == 200
        assert b".changes" in body
        assert get("/favicon.ico")[0] == 200
        status, body = get("/no/such/page/")
        assert status == 404
        assert b"<h1>Page not found</h1>" in body
        assert b"URLconf" not in body
        assert b"Using the URLconf" not in body
    finally:
        server.terminate()
        server.wait(timeout=30)
