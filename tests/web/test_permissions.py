"""The generated permission test: every URL pattern, every role, a stranger and an anonymous visitor.

The walker reads the URL resolver, so new views (the register's included) are covered as soon as
they are routed. Object kwargs (``risk_id``, ``membership_id``, ...) are filled with objects of the
fixture organisation Acme, found by matching the kwarg name to a model name; a missing object is
created with placeholder values. Expectations:

- anonymous: organisation pages redirect to the login page (or 404/405); API routes answer 401.
- charlie (owner elsewhere): every Acme page is 404 (405 for a wrong method), and Acme's objects
  reached through charlie's own organisation's URLs are 404 too.
- bob (viewer) and carol (reviewer): reading gives no server error; every POST is refused
  (403/404/405) and changes nothing.
- alice (owner) and dave (editor): no page fails with a server error on GET.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from imvo.web.audit.models import AuditEvent
from imvo.web.organisations.models import ApiToken, Invitation, Organisation
from tests.web.conftest import PERSONA_PASSWORD  # noqa: F401  (documented persona password)

pytestmark = pytest.mark.django_db

CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
READ_ONLY_REFUSALS = {403, 404, 405}
API_PREFIX = "api/"


@dataclass(frozen=True)
class Route:
    template: str  # e.g. "o/<slug:org>/risks/<int:risk_id>/"
    name: str

    @property
    def kwargs(self) -> list[tuple[str, str]]:
        return [(m["converter"] or "str", m["name"]) for m in CONVERTER.finditer(self.template)]

    @property
    def organisation_scoped(self) -> bool:
        return any(name == "org" for _converter, name in self.kwargs)

    @property
    def is_api(self) -> bool:
        return self.template.startswith(API_PREFIX)

    def url(self, values: dict[str, Any]) -> str:
        return "/" + CONVERTER.sub(lambda m: str(values[m["name"]]), self.template)


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for entry in resolver.url_patterns:
        pattern = str(entry.pattern)
        if pattern.startswith("^"):  # regex patterns: only plain literals are walked
            pattern = pattern.strip("^$")
            if any(char in pattern for char in "()[]?*+\\"):
                continue
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace or ""
            )
            yield from _walk(entry, prefix + pattern, inner or namespace)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else entry.name or pattern
            yield Route(prefix + pattern, name)


def all_routes() -> list[Route]:
    return [route for route in _walk(get_resolver()) if not route.template.startswith("static/")]


# --- objects for the kwargs ---------------------------------------------------------------------
def _our_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models() if model.__module__.startswith("imvo.web.")]


def _model_for(kwarg: str) -> type[models.Model] | None:
    wanted = kwarg.removesuffix("_id").replace("_", "").lower()
    candidates = _our_models()
    for test in (
        lambda name: name == wanted,
        lambda name: name.endswith(wanted),
        lambda name: name.startswith(wanted),
    ):
        matches = [model for model in candidates if test(model.__name__.lower())]
        if matches:
            return matches[0]
    return None


def _organisation_filter(model: type[models.Model], organisation: Organisation) -> dict[str, Any] | None:
    """How to filter ``model`` to one organisation: directly or through one foreign key."""
    names = {field.name for field in model._meta.get_fields()}
    if "organisation" in names:
        return {"organisation": organisation}
    for field in model._meta.get_fields():
        if isinstance(field, models.ForeignKey):
            related_names = {f.name for f in field.related_model._meta.get_fields()}
            if "organisation" in related_names:
                return {f"{field.name}__organisation": organisation}
    return None


def _placeholder(field: models.Field, organisation: Organisation, user: Any, depth: int) -> Any:
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.ForeignKey):
        related = field.related_model
        if related is Organisation:
            return organisation
        if related._meta.label_lower == apps.get_model("accounts", "User")._meta.label_lower:
            return user
        return object_of(related, organisation, user, depth + 1)
    if isinstance(field, models.FileField):
        return "walker/placeholder.txt"
    if isinstance(field, models.EmailField):
        return "walker@example.org"
    if isinstance(field, models.URLField):
        return "https://example.org/"
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.CharField | models.TextField | models.SlugField):
        return f"walker-{uuid.uuid4().hex[:8]}"
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.DecimalField):
        return Decimal("1")
    if isinstance(field, models.FloatField):
        return 1.0
    if isinstance(field, models.IntegerField):
        return 1
    if isinstance(field, models.DateTimeField):
        return dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    if isinstance(field, models.DateField):
        return dt.date(2026, 1, 1)
    if isinstance(field, models.JSONField):
        return {}
    raise TypeError(f"no placeholder for {field!r}")


def object_of(
    model: type[models.Model], organisation: Organisation, user: Any, depth: int = 0
) -> models.Model:
    """An object of ``model`` that belongs to ``organisation``; created with placeholders if needed."""
    scope = _organisation_filter(model, organisation)
    if scope is not None:
        existing = model._default_manager.filter(**scope).order_by("pk").first()
        if existing is not None:
            return existing
    if depth > 4:
        raise RecursionError(f"cannot build {model.__name__}")
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.has_default() or field.null or getattr(field, "auto_now_add", False):
            continue
        if getattr(field, "auto_now", False):
            continue
        if field.blank and not isinstance(field, models.ForeignKey):
            continue
        values[field.name] = _placeholder(field, organisation, user, depth)
    return model._default_manager.create(**values)


def _kwarg_value(converter: str, name: str, organisation: Organisation, user: Any) -> Any:
    if name == "org":
        return organisation.slug
    model = _model_for(name)
    if model is None:
        return "walker-unknown" if converter in {"str", "slug", "path"} else 999999
    instance = object_of(model, organisation, user)
    if converter == "int":
        return instance.pk
    for field in model._meta.concrete_fields:  # str / uuid kwargs name a public identifier
        if name.removesuffix("_id") in field.name or field.name == name:
            return getattr(instance, field.name)
    return instance.pk


@pytest.fixture
def world(personas: dict[str, Any], acme: Organisation, other_organisation: Organisation) -> dict[str, Any]:
    """Acme holds one of everything; the API tokens of both organisations."""
    alice = personas["alice"]
    Invitation.issue(acme, "invitee@example.org", "viewer", alice)
    _token, acme_reader = ApiToken.issue(acme, "reader", "viewer", alice)
    _token, other_writer = ApiToken.issue(other_organisation, "other", "owner", personas["charlie"])
    routes = all_routes()
    urls: dict[Route, str] = {}
    for route in routes:
        values = {name: _kwarg_value(conv, name, acme, alice) for conv, name in route.kwargs}
        urls[route] = route.url(values)
    return {
        "routes": routes,
        "urls": urls,
        "acme_reader": acme_reader,
        "other_writer": other_writer,
        **personas,
    }


def _resolves(url: str) -> bool:
    try:
        resolve(url.split("?")[0])
    except Resolver404:
        return False
    return True


def _changed_state() -> tuple[int, ...]:
    """Row counts of every imvo model plus the audit trail: any write shows up here."""
    return tuple(model._default_manager.count() for model in _our_models())


def test_the_walker_sees_the_platform_and_register_routes(world):
    names = {route.name for route in world["routes"]}
    assert {"organisations:members", "organisations:audit_trail", "jobs:progress", "accounts:login"} <= names
    scoped = [route for route in world["routes"] if route.organisation_scoped]
    assert len(scoped) >= 8
    for route in scoped:
        assert _resolves(world["urls"][route]), route


def _org_routes(world: dict[str, Any]) -> list[tuple[Route, str]]:
    return [(route, world["urls"][route]) for route in world["routes"] if route.organisation_scoped]


def test_anonymous_visitors_are_sent_to_login_or_refused(world, client_for):
    client = client_for(None)
    for _route, url in _org_routes(world):
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code == 302:
                assert response["Location"].startswith("/accounts/login/"), (method, url)
            else:
                assert response.status_code in {404, 405}, (method, url, response.status_code)


def test_a_stranger_gets_404_everywhere_in_another_organisation(world, client_for):
    client = client_for(world["charlie"])
    before = _changed_state()
    for _route, url in _org_routes(world):
        for method in ("get", "post"):
            status = getattr(client, method)(url).status_code
            assert status in {404, 405}, (method, url, status)
    assert _changed_state() == before


def test_a_stranger_cannot_reach_acme_objects_through_his_own_organisation(world, client_for):
    client = client_for(world["charlie"])
    before = _changed_state()
    for route, url in _org_routes(world):
        if len(route.kwargs) < 2:
            continue  # only routes that name an object
        own_url = url.replace("/o/acme/", "/o/other/", 1)
        for method in ("get", "post"):
            status = getattr(client, method)(own_url).status_code
            assert status in {404, 405}, (method, own_url, status)
    assert _changed_state() == before


@pytest.mark.parametrize("persona", ["bob", "carol"])
def test_read_only_members_can_read_but_never_write(world, client_for, persona):
    client = client_for(world[persona])
    before = _changed_state()
    audit_before = AuditEvent.objects.count()
    for _route, url in _org_routes(world):
        assert client.get(url).status_code < 500, url
        status = client.post(url, {}).status_code
        assert status in READ_ONLY_REFUSALS, (persona, url, status)
    assert AuditEvent.objects.count() == audit_before
    assert _changed_state() == before


@pytest.mark.parametrize("persona", ["alice", "dave"])
def test_no_page_fails_for_owners_and_editors(world, client_for, persona):
    client = client_for(world[persona])
    for _route, url in _org_routes(world):
        response = client.get(url)
        assert response.status_code < 500, (persona, url, response.status_code)
        if persona == "alice":
            # A GET never writes; alice's own GETs must not have created audit events.
            assert not AuditEvent.objects.filter(
                actor=world["alice"], action__in={"delete", "remove"}
            ).exists()


def _api_routes(world: dict[str, Any]) -> list[tuple[Route, str]]:
    return [(route, world["urls"][route]) for route in world["routes"] if route.is_api]


def test_api_routes_need_a_token(world, client_for):
    client = client_for(None)
    for _route, url in _api_routes(world):
        if "openapi" in url:
            continue  # the schema is public documentation
        for method in ("get", "post", "patch", "delete"):
            status = getattr(client, method)(url).status_code
            assert status in {401, 404, 405}, (method, url, status)


def test_another_organisations_token_sees_nothing_of_acme(world, client_for):
    client = client_for(None)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {world['other_writer']}"}
    before = _changed_state()
    for route, url in _api_routes(world):
        if "openapi" in url:
            continue
        response = client.get(url, **headers)
        if len(route.kwargs) >= 1 and response.status_code != 405:
            assert response.status_code == 404, (url, response.status_code)
        elif response.status_code == 200:
            body = json.loads(response.content)
            if isinstance(body, dict) and "items" not in body:
                # A summary of the token's own organisation (its obligations, a monitor's figures).
                assert "acme" not in response.content.decode().lower(), (url, body)
            else:
                items = body.get("items", body) if isinstance(body, dict) else body
                assert items == [], (url, body)
        for method in ("post", "patch", "delete"):
            status = getattr(client, method)(
                url, data="{}", content_type="application/json", **headers
            ).status_code
            assert status in {400, 404, 405, 422}, (method, url, status)
    assert _changed_state() == before


def test_a_read_only_token_cannot_write(world, client_for):
    client = client_for(None)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {world['acme_reader']}"}
    before = _changed_state()
    for _route, url in _api_routes(world):
        for method in ("post", "patch", "delete"):
            status = getattr(client, method)(
                url, data="{}", content_type="application/json", **headers
            ).status_code
            assert status in {400, 403, 404, 405, 422}, (method, url, status)
    assert _changed_state() == before
