"""The abuse suite: every attack of the security review kept as a regression test (issue 17).

Sizes are small and limits are lowered per test (``settings`` fixture), so the suite runs in
seconds; what it proves is that each limit holds and says so, not how large a file may be. It uses
the personas of the web tests, and runs in ``make test`` on SQLite and again on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import (  # noqa: F401 - fixtures and the Django set-up shared with tests/web
    acme,
    alice,
    bob,
    carol,
    charlie,
    client_for,
    dave,
    fresh_page_cache,
    other_organisation,
    personas,
    pytest_configure,
)


@pytest.fixture(autouse=True)
def media_root(tmp_path: Path, settings: Any) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def monitor(request: pytest.FixtureRequest) -> Any:
    """A monitoring organisation "ministry": alice owner, dave editor, bob viewer (as in tests/web)."""
    from imvo.web.organisations.models import Membership, Organisation

    organisation = Organisation.objects.create(name="Ministry Monitor", slug="ministry", kind="monitor")
    for persona, role in (("alice", "owner"), ("dave", "editor"), ("bob", "viewer")):
        Membership.objects.create(user=request.getfixturevalue(persona), organisation=organisation, role=role)
    return organisation
