"""Fixtures for the web tests: Django settings, the personas and logged-in clients.

Personas (all with the password ``PERSONA_PASSWORD``):

- alice: owner at "Acme B.V." (slug ``acme``)
- bob: viewer at Acme
- carol: reviewer at Acme (external, read-only)
- dave: editor at Acme
- charlie: owner at "Other B.V." (slug ``other``), a stranger to Acme

Django is configured here rather than in pyproject.toml so the core tests stay Django-free.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imvo.web.settings")
# A fixed test key: the settings would otherwise create var/secret_key in the working directory.
os.environ.setdefault("IMVO_SECRET_KEY", "test-only-secret-key-" + "x" * 40)

PERSONA_PASSWORD = "correct horse battery staple 42"


def pytest_configure(config: pytest.Config) -> None:
    import django
    from django.conf import settings

    django.setup()
    # Hashing with PBKDF2 for every persona would dominate the run time; tests need no key stretching.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_page_cache() -> None:
    """Each test starts with no rendered page parts kept: a rolled-back test's organisation id
    and data version can come back in the next test (SQLite reuses ids after a rollback)."""
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture
def acme(db: None) -> Any:
    from imvo.web.organisations.models import Organisation

    return Organisation.objects.create(name="Acme B.V.", slug="acme", kind="company")


@pytest.fixture
def other_organisation(db: None) -> Any:
    from imvo.web.organisations.models import Organisation

    return Organisation.objects.create(name="Other B.V.", slug="other", kind="company")


def _member(name: str, organisation: Any, role: str) -> Any:
    from imvo.web.accounts.models import User
    from imvo.web.organisations.models import Membership

    user = User.objects.create_user_with_email(
        f"{name}@example.org", PERSONA_PASSWORD, first_name=name.capitalize()
    )
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def alice(acme: Any) -> Any:
    return _member("alice", acme, "owner")


@pytest.fixture
def bob(acme: Any) -> Any:
    return _member("bob", acme, "viewer")


@pytest.fixture
def carol(acme: Any) -> Any:
    return _member("carol", acme, "reviewer")


@pytest.fixture
def dave(acme: Any) -> Any:
    return _member("dave", acme, "editor")


@pytest.fixture
def charlie(other_organisation: Any) -> Any:
    return _member("charlie", other_organisation, "owner")


@pytest.fixture
def personas(alice: Any, bob: Any, carol: Any, dave: Any, charlie: Any) -> dict[str, Any]:
    """All five personas by name."""
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave, "charlie": charlie}


@pytest.fixture
def client_for(db: None) -> Callable[[Any], Any]:
    """``client_for(user)``: a test client signed in as ``user`` (``None``: anonymous)."""
    from django.test import Client

    def make(user: Any) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make
