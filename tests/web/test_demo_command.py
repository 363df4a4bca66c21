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
