"""Finding 9 of issue 17: server paths in error texts, a 100 000-column header, HSTS defaults.

- Error texts showed server paths and stored (random) file names: ``public_error_text`` removes them.
- A header row of 100 000 columns was echoed back whole, a 2 MB page: problems name at most 20
  headers of at most 60 characters, then "… and 99 980 more columns".
- HSTS ``preload`` and ``includeSubDomains`` were on by default: they bind every sub-domain of the
  site's domain, so they are opt-in (``IMVO_HSTS_PRELOAD``, ``IMVO_HSTS_INCLUDE_SUBDOMAINS``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from imvo.core.suppliers.problems import InputError, InputProblem
from imvo.core.suppliers.reader import open_supplier_file
from imvo.web.security import PUBLIC_ERROR_CHARS, public_error_text


# --- error texts ------------------------------------------------------------------------------------
def test_server_paths_and_stored_names_are_removed(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    stored = "disclosures/3/0123456789abcdef01234567.pdf"
    text = f"[Errno 2] No such file or directory: '{settings.MEDIA_ROOT}/{stored}'"
    shown = public_error_text(text)
    assert str(tmp_path) not in shown
    assert "0123456789abcdef" not in shown
    assert shown == "[Errno 2] No such file or directory: '…'"
    # With the names known, the user reads the name they uploaded.
    named = public_error_text(
        f"cannot read /srv/imvo/var/media/{stored}: damaged", {stored: "jaarverslag.pdf"}
    )
    assert named == "cannot read jaarverslag.pdf: damaged"
    assert public_error_text(r"C:\imvo\var\media\x.pdf is locked") == "… is locked"


def test_ordinary_error_texts_are_kept_and_long_ones_cut():
    text = "line 4, column 'Land': 'XX' is not a country (accepted: a country name or ISO code)"
    assert public_error_text(text) == text
    assert len(public_error_text("x" * 100_000)) == PUBLIC_ERROR_CHARS


# --- a header of 100 000 columns -------------------------------------------------------------------
def test_a_header_of_100000_columns_is_not_echoed_back(tmp_path: Path):
    wide = tmp_path / "wide.csv"
    wide.write_text(";".join(f"kolom{i}" for i in range(100_000)) + "\n" + ";".join("x" * 100_000) + "\n")
    with pytest.raises(InputError) as caught, open_supplier_file(wide) as supplier_file:
        list(supplier_file.records())
    text = "\n".join(str(problem) for problem in caught.value.problems)
    assert len(text) < 2_000
    assert "'kolom19'" in text
    assert "'kolom20'" not in text
    assert "… and 99 980 more columns" in text


def test_a_problem_names_a_long_header_without_repeating_it():
    problem = InputProblem("list.csv", 3, "H" * 32_000, "not a number")
    assert problem.column is not None
    assert len(problem.column) == 60
    assert len(str(problem)) < 200


# --- HSTS -------------------------------------------------------------------------------------------
def _settings_in(env_extra: dict[str, str], tmp_path: Path, *names: str) -> list[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("IMVO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "imvo.web.settings",
            "IMVO_DEBUG": "0",
            "IMVO_HTTPS": "1",
            "IMVO_SECRET_KEY": "k9$Vq2!pLw7#Zr4@Xe8^Nm1&Ht6*Jd3(Bs5)Fy0-Gu2+Ci9=Ao7",
            "IMVO_ALLOWED_HOSTS": "imvo.example.org",
            "IMVO_VAR_DIR": str(tmp_path),
            **env_extra,
        }
    )
    code = "from django.conf import settings; " + "; ".join(f"print(settings.{name})" for name in names)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    deploy = subprocess.run(
        [sys.executable, "-m", "imvo.web.manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    return result.stdout.split()


def test_hsts_preload_and_subdomains_are_off_by_default_and_the_deploy_check_passes(tmp_path):
    assert _settings_in({}, tmp_path, "SECURE_HSTS_PRELOAD", "SECURE_HSTS_INCLUDE_SUBDOMAINS") == [
        "False",
        "False",
    ]


def test_hsts_preload_and_subdomains_can_be_switched_on(tmp_path):
    values = _settings_in(
        {"IMVO_HSTS_PRELOAD": "1", "IMVO_HSTS_INCLUDE_SUBDOMAINS": "1"},
        tmp_path,
        "SECURE_HSTS_PRELOAD",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SILENCED_SYSTEM_CHECKS",
    )
    assert values == ["True", "True", "[]"]
