"""The permission walker (tests/web/test_permissions.py) over the covenant routes, for the new kind of
organisation: Acme as a covenant (the secretariat's workspace) and Acme as a member company (its
covenant page). Every role of Acme, a stranger and an anonymous visitor, every covenant route."""

from __future__ import annotations

from typing import Any

import pytest

from imvo.web.audit.models import AuditEvent
from tests.web.test_permissions import READ_ONLY_REFUSALS, _changed_state, _kwarg_value, all_routes

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["covenant", "company", "monitor"])
def world(request: Any, personas: dict[str, Any], acme: Any, other_organisation: Any) -> dict[str, Any]:
    acme.kind = request.param
    acme.save(update_fields=["kind"])
    other_organisation.kind = request.param
    other_organisation.save(update_fields=["kind"])
    routes = [
        route for route in all_routes() if route.name.startswith("covenants:") and route.organisation_scoped
    ]
    urls = {
        route: route.url(
            {name: _kwarg_value(conv, name, acme, personas["alice"]) for conv, name in route.kwargs}
        )
        for route in routes
    }
    return {"kind": request.param, "urls": urls, **personas}


def test_the_walker_sees_the_covenant_routes(world):
    names = {route.name for route in world["urls"]}
    assert {"covenants:overview", "covenants:picture", "covenants:member_home", "covenants:redact"} <= names


def test_anonymous_visitors_are_sent_to_login(world, client_for):
    client = client_for(None)
    for url in world["urls"].values():
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code == 302:
                assert response["Location"].startswith("/accounts/login/"), (method, url)
            else:
                assert response.status_code in {404, 405}, (method, url, response.status_code)


def test_a_stranger_gets_404_everywhere(world, client_for):
    client = client_for(world["charlie"])
    before = _changed_state()
    for route, url in world["urls"].items():
        for method in ("get", "post"):
            assert getattr(client, method)(url).status_code in {404, 405}, (method, url)
        if len(route.kwargs) >= 2:  # Acme's objects through charlie's own organisation
            own = url.replace("/o/acme/", "/o/other/", 1)
            for method in ("get", "post"):
                assert getattr(client, method)(own).status_code in {404, 405}, (method, own)
    assert _changed_state() == before


@pytest.mark.parametrize("persona", ["bob", "carol"])
def test_read_only_members_can_read_but_never_write(world, client_for, persona):
    client = client_for(world[persona])
    before = _changed_state()
    audit_before = AuditEvent.objects.count()
    for url in world["urls"].values():
        assert client.get(url).status_code < 500, url
        assert client.post(url, {}).status_code in READ_ONLY_REFUSALS, (persona, url)
    assert AuditEvent.objects.count() == audit_before
    assert _changed_state() == before


@pytest.mark.parametrize("persona", ["alice", "dave"])
def test_no_page_fails_for_owners_and_editors(world, client_for, persona):
    client = client_for(world[persona])
    opened = 0
    for url in world["urls"].values():
        status = client.get(url).status_code
        assert status < 500, (persona, url, status)
        opened += status == 200
    if world["kind"] == "monitor":  # a monitor's one page, sharing its population, is for owners only
        assert opened == (1 if persona == "alice" else 0)
    else:  # the pages of this kind really open, not only 404s
        assert opened >= 2
