"""Monitoring fixtures: a monitor organisation with alice (owner) and dave (editor), files on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def media_root(tmp_path: Path, settings: Any) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def monitor(alice: Any, dave: Any, bob: Any) -> Any:
    from imvo.web.organisations.models import Membership, Organisation

    organisation = Organisation.objects.create(name="Ministry Monitor", slug="ministry", kind="monitor")
    Membership.objects.create(user=alice, organisation=organisation, role="owner")
    Membership.objects.create(user=dave, organisation=organisation, role="editor")
    Membership.objects.create(user=bob, organisation=organisation, role="viewer")
    return organisation


POPULATION_CSV = (
    "name;registration number;sector code;employees;assets;turnover;website\n"
    "Acme B.V.;12345678;4639;1200;30.000.000;60.000.000;https://acme.example\n"
    "Zuivel Groot N.V.;33333333;1051;700;21000000;41000000;\n"
    "Tiny B.V.;44444444;4639;20;100000;200000;\n"
)
ENDORSING = (
    "Acme endorses the OECD Guidelines for Multinational Enterprises. "
    "We assess human-rights risks in our supply chain every year. "
    "We audit our suppliers' factories and publish the audit results in our annual report."
)
SILENT = "Zuivel Groot opened a new cheese factory. Revenue grew by ten per cent."
