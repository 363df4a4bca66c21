"""Finding 6 of issue 17: rate limits behind a reverse proxy, invalid forms, and parallel sign-in guesses.

- ``client_ip()`` took ``REMOTE_ADDR`` only, which behind the production proxy is the proxy: one limit
  for the whole platform. ``IMVO_TRUSTED_PROXIES`` (default empty) now names the proxies whose
  ``X-Forwarded-For`` is read, from the right.
- Invalid complaint forms counted as attempts: a complainant correcting their form was locked out.
- The sign-in throttle counted, then checked, then recorded: 150 parallel guesses got 110 password
  checks against a limit of 5. An attempt is now reserved under a lock before the check.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import close_old_connections, connection
from django.test import Client, RequestFactory
from django.urls import reverse

from imvo.web.accounts import throttle, views
from imvo.web.accounts.throttle import client_ip, rate_limit_key
from imvo.web.grievances import actions
from imvo.web.grievances.models import GrievanceCase
from tests.web.conftest import PERSONA_PASSWORD

PROXY = "10.0.0.5"
COMPLAINT = {"subject": "Unpaid overtime", "description": "Overtime is not paid.", "theme": "wages"}


def _ip(settings: Any, proxies: list[str], remote: str, forwarded: str | None = None) -> str:
    settings.IMVO_TRUSTED_PROXIES = proxies
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **meta))


# --- client_ip ------------------------------------------------------------------------------------
def test_without_trusted_proxies_forwarded_for_is_ignored(settings):
    assert _ip(settings, [], "203.0.113.9", "198.51.100.1") == "203.0.113.9"


def test_a_request_not_from_a_trusted_proxy_cannot_choose_its_address(settings):
    assert _ip(settings, [PROXY], "203.0.113.9", "198.51.100.1") == "203.0.113.9"


def test_behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client(settings):
    assert _ip(settings, [PROXY], PROXY, "198.51.100.1") == "198.51.100.1"
    # The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
    assert _ip(settings, [PROXY], PROXY, "1.2.3.4, 198.51.100.1") == "198.51.100.1"
    # Two proxies (a load balancer before the web server), given as a network.
    assert _ip(settings, ["10.0.0.0/8"], PROXY, "1.2.3.4, 198.51.100.1, 10.1.2.3") == "198.51.100.1"
    assert _ip(settings, [PROXY], PROXY, "[2001:db8::7]:443") == "2001:db8::7"
    assert _ip(settings, [PROXY], PROXY, "198.51.100.1:5555") == "198.51.100.1"


def test_a_forged_or_missing_chain_falls_back_to_the_proxy(settings):
    assert _ip(settings, [PROXY], PROXY) == PROXY
    assert _ip(settings, [PROXY], PROXY, "not-an-address") == PROXY
    assert _ip(settings, ["10.0.0.0/8"], PROXY, "1.2.3.4, garbage, 10.9.9.9") == "10.9.9.9"


def test_ipv6_clients_are_counted_per_64(settings):
    assert (
        rate_limit_key("2001:db8:1:2:aaaa::1") == rate_limit_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::"
    )
    assert rate_limit_key("2001:db8:1:3::1") != rate_limit_key("2001:db8:1:2::1")
    assert rate_limit_key("203.0.113.9") == "203.0.113.9"


def test_a_bad_trusted_proxy_setting_is_refused(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "IMVO_TRUSTED_PROXIES": "10.0.0.1,not-a-network", "IMVO_VAR_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "imvo.web.manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "IMVO_TRUSTED_PROXIES" in result.stderr


# --- complaint limits ------------------------------------------------------------------------------
@pytest.fixture
def mechanism(acme: Any, alice: Any) -> Any:
    return actions.create_mechanism(alice, acme, {"name": "Acme complaints", "slug": "acme-klachten"})


@pytest.mark.django_db
def test_behind_the_proxy_each_visitor_has_their_own_limit(mechanism, settings):
    settings.IMVO_TRUSTED_PROXIES = [PROXY]
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    for _ in range(actions.MAX_SUBMISSIONS_PER_CLIENT):
        assert first.post(f"/g/{mechanism.slug}/", COMPLAINT).status_code == 200
    assert first.post(f"/g/{mechanism.slug}/", COMPLAINT).status_code == 429
    # Another visitor through the same proxy is not affected ...
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert second.post(f"/g/{mechanism.slug}/", COMPLAINT).status_code == 200
    # ... and the first cannot escape by writing a header of its own.
    forged = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.1")
    assert forged.post(f"/g/{mechanism.slug}/", COMPLAINT).status_code == 429


@pytest.mark.django_db
def test_invalid_complaint_forms_do_not_count(mechanism):
    client = Client(REMOTE_ADDR="203.0.113.30")
    for _ in range(3 * actions.MAX_SUBMISSIONS_PER_CLIENT):
        invalid = client.post(f"/g/{mechanism.slug}/", {**COMPLAINT, "description": ""})
        assert invalid.status_code == 200
        assert invalid.context["form"].errors
    for _ in range(actions.MAX_SUBMISSIONS_PER_CLIENT):
        assert client.post(f"/g/{mechanism.slug}/", COMPLAINT).status_code == 200
    assert GrievanceCase.objects.count() == actions.MAX_SUBMISSIONS_PER_CLIENT
    assert client.post(f"/g/{mechanism.slug}/", COMPLAINT).status_code == 429


# --- sign-in throttle ------------------------------------------------------------------------------
@pytest.fixture
def password_checks(monkeypatch: Any) -> list[str]:
    """Every password check of the sign-in view, by e-mail address."""
    checks: list[str] = []
    original = views.authenticate

    def counting(request: Any, **credentials: Any) -> Any:
        checks.append(credentials.get("username", ""))
        return original(request, **credentials)

    monkeypatch.setattr(views, "authenticate", counting)
    return checks


@pytest.mark.django_db
def test_sequential_guesses_get_at_most_the_limit_of_password_checks(alice, password_checks, settings):
    limit = settings.IMVO_LOGIN_MAX_FAILURES_PER_ACCOUNT
    statuses = [
        Client(REMOTE_ADDR=f"192.0.2.{n}")
        .post(reverse("accounts:login"), {"email": "alice@example.org", "password": f"guess {n}"})
        .status_code
        for n in range(3 * limit)
    ]
    assert len(password_checks) == limit
    assert statuses[limit:] == [429] * (2 * limit)
    # Even the right password is refused for the rest of the window.
    right = Client().post(
        reverse("accounts:login"), {"email": "alice@example.org", "password": PERSONA_PASSWORD}
    )
    assert right.status_code == 429


@pytest.mark.django_db
def test_a_right_password_does_not_use_up_the_address_limit(alice, bob, settings):
    settings.IMVO_LOGIN_MAX_FAILURES_PER_IP = 2
    for _ in range(5):
        client = Client(REMOTE_ADDR="198.51.100.40")
        response = client.post(
            reverse("accounts:login"), {"email": "bob@example.org", "password": PERSONA_PASSWORD}
        )
        assert response.status_code == 302
    assert not throttle.is_throttled("bob@example.org", "198.51.100.40")


@pytest.mark.django_db(transaction=True)
def test_parallel_guesses_get_at_most_the_limit_of_password_checks(alice, password_checks, settings):
    if connection.vendor == "sqlite":
        # The in-memory shared-cache test database raises "table is locked" instead of waiting
        # (see tests/web/test_jobs.py); SQLite serialises write transactions anyway.
        pytest.skip("threads need a server database (run with DATABASE_URL=postgresql://...)")
    threads_count, per_thread = 30, 5  # 150 guesses, 30 connections at a time
    start = threading.Barrier(threads_count)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def guess(number: int) -> None:
        try:
            client = Client(REMOTE_ADDR=f"192.0.2.{number}")
            start.wait(timeout=30)
            for attempt in range(per_thread):
                response = client.post(
                    reverse("accounts:login"), {"email": "alice@example.org", "password": f"guess {attempt}"}
                )
                statuses.append(response.status_code)
        except BaseException as error:  # reported below; a thread must not swallow it
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=guess, args=(number,)) for number in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(statuses) == threads_count * per_thread
    limit = settings.IMVO_LOGIN_MAX_FAILURES_PER_ACCOUNT
    assert len(password_checks) <= limit
    assert statuses.count(200) == len(password_checks)  # a wrong password re-renders the form
    assert statuses.count(429) == threads_count * per_thread - len(password_checks)
