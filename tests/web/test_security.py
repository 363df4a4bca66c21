"""Security settings: headers, upload limits and the production deploy check."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imvo.web.upload_limits import SUPPLIER_LIST_EXTENSIONS, validate_upload

pytestmark = pytest.mark.django_db


def test_pages_carry_the_security_headers(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_pages_load_no_third_party_assets(client):
    html = client.get(reverse("accounts:login")).content.decode()
    assert "/static/vendor/htmx.min.js" in html
    assert "http://" not in html
    assert "https://" not in html


def test_the_vendored_htmx_is_served_locally(client):
    response = client.get("/static/vendor/htmx.min.js")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"htmx" in body[:2000]


def test_a_request_body_above_the_limit_is_refused_before_reading(alice, client_for, settings):
    settings.IMVO_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("big.csv", b"a;b\n" * 1000, content_type="text/csv")
    response = client_for(alice).post(
        reverse("organisations:invite", kwargs={"org": "acme"}), {"file": upload}
    )
    assert response.status_code == 413


def _xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


def test_validate_upload_accepts_a_real_spreadsheet_and_a_csv():
    validate_upload(SimpleUploadedFile("suppliers.xlsx", _xlsx_bytes()), SUPPLIER_LIST_EXTENSIONS)
    validate_upload(SimpleUploadedFile("suppliers.csv", b"name;country\nA;NL\n"), SUPPLIER_LIST_EXTENSIONS)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("suppliers.exe", b"MZ\x90\x00", "bad_type"),
        ("suppliers.xlsx", b"MZ\x90\x00 renamed program", "bad_content"),
        ("suppliers", b"name\n", "bad_type"),
    ],
)
def test_validate_upload_refuses_wrong_types(name, content, code):
    with pytest.raises(ValidationError) as raised:
        validate_upload(SimpleUploadedFile(name, content), SUPPLIER_LIST_EXTENSIONS)
    assert raised.value.code == code


def test_validate_upload_refuses_files_above_the_limit():
    with pytest.raises(ValidationError) as raised:
        validate_upload(SimpleUploadedFile("s.csv", b"x" * 2048), SUPPLIER_LIST_EXTENSIONS, max_size=1024)
    assert raised.value.code == "too_large"


def test_upload_memory_limits_are_set(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.IMVO_MAX_UPLOAD_SIZE >= settings.FILE_UPLOAD_MAX_MEMORY_SIZE


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "imvo.web.manage", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _production_env(tmp_path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("IMVO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "imvo.web.settings",
            "IMVO_DEBUG": "0",
            "IMVO_HTTPS": "1",
            "IMVO_SECRET_KEY": "k9$Vq2!pLw7#Zr4@Xe8^Nm1&Ht6*Jd3(Bs5)Fy0-Gu2+Ci9=Ao7",
            "IMVO_ALLOWED_HOSTS": "imvo.example.org",
            "IMVO_VAR_DIR": str(tmp_path),
        }
    )
    return env


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path):
    result = _manage(_production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_does_catch_an_unsafe_setting(tmp_path):
    env = _production_env(tmp_path)
    env["IMVO_HTTPS"] = "0"  # no secure cookies, no HSTS: the check must complain
    result = _manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W012" in result.stderr + result.stdout


def test_a_short_secret_key_is_refused(tmp_path):
    env = _production_env(tmp_path)
    env["IMVO_SECRET_KEY"] = "too-short"
    result = _manage(env, "check")
    assert result.returncode != 0
    assert "IMVO_SECRET_KEY" in result.stderr


def test_without_a_configured_key_a_private_key_file_is_generated_once(tmp_path):
    env = _production_env(tmp_path)
    del env["IMVO_SECRET_KEY"]
    assert _manage(env, "check").returncode == 0
    key_file = tmp_path / "secret_key"
    first = key_file.read_text()
    assert len(first) >= 50
    assert key_file.stat().st_mode & 0o077 == 0
    assert _manage(env, "check").returncode == 0
    assert key_file.read_text() == first
