"""GET on the "new round" address leads to the form instead of a bare 405."""

from __future__ import annotations

from typing import Any

NEW_ROUND = "/o/ministry/monitoring/rounds/new/"


def test_get_on_new_round_leads_to_the_form(monitor: Any, dave: Any, client_for: Any) -> None:
    response = client_for(dave).get(NEW_ROUND)
    assert response.status_code == 302
    assert response["Location"] == "/o/ministry/monitoring/#new-round"
    page = client_for(dave).get(NEW_ROUND, follow=True)
    assert page.status_code == 200
    assert b'id="new-round"' in page.content
    assert b'action="/o/ministry/monitoring/rounds/new/"' in page.content


def test_a_viewer_following_the_address_sees_the_overview(monitor: Any, bob: Any, client_for: Any) -> None:
    assert client_for(bob).get(NEW_ROUND, follow=True).status_code == 200
    # Creating a round still needs an editor.
    assert client_for(bob).post(NEW_ROUND, {"name": "2025"}).status_code == 403


def test_strangers_and_other_methods(monitor: Any, charlie: Any, dave: Any, client_for: Any) -> None:
    assert client_for(charlie).get(NEW_ROUND).status_code == 404
    assert client_for(None).get(NEW_ROUND).status_code == 302  # to the login page
    assert client_for(dave).put(NEW_ROUND).status_code == 405


def test_posting_still_creates_a_round(monitor: Any, dave: Any, client_for: Any) -> None:
    from imvo.web.monitoring.models import MonitoringRound

    response = client_for(dave).post(
        NEW_ROUND, {"name": "2021", "target": "90", "criteria_sets": ["endorsement", "oecd_steps"]}
    )
    assert response.status_code == 302
    assert MonitoringRound.objects.filter(organisation=monitor, name="2021").exists()
