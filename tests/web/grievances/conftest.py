"""Fixtures for the grievance tests: a mechanism at Acme, a filed case, media in a temporary folder."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def media_root(tmp_path: Any, settings: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def mechanism(acme: Any, alice: Any) -> Any:
    from imvo.web.grievances import actions

    return actions.create_mechanism(
        alice,
        acme,
        {
            "name": "Acme grievance mechanism",
            "slug": "acme-klachten",
            "handler_email": "handlers@acme.example",
        },
    )


@pytest.fixture
def named_case(mechanism: Any) -> tuple[Any, str]:
    """A named complaint with contact details; returns (case, access code)."""
    from imvo.web.grievances import actions

    return actions.submit_complaint(
        mechanism,
        {
            "subject": "Dismissed after joining the union",
            "description": "I, Maria Lopez, was dismissed. Call me on +91 98765 43210.",
            "theme": "freedom_of_association",
            "country": "IN",
            "anonymous": False,
            "complainant_name": "Maria Lopez",
            "complainant_email": "maria@example.org",
            "complainant_phone": "+91 98765 43210",
        },
        language="en",
    )


@pytest.fixture
def to_outcome_phase() -> Any:
    """``to_outcome_phase(actor, case)``: move a received case on to the outcome phase."""
    from imvo.core.grievances import Phase
    from imvo.web.grievances import actions

    def move(actor: Any, case: Any) -> Any:
        for phase in (Phase.INITIAL_ASSESSMENT, Phase.GOOD_OFFICES, Phase.OUTCOME):
            actions.move_case(actor, case, phase, f"On to {phase.value}.")
        return case

    return move
