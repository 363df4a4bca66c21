from __future__ import annotations

from typing import Any

from imvo.web.audit.models import AuditEvent
from imvo.web.organisations.models import ApiToken
from imvo.web.register.models import Measure


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_openapi_schema_describes_the_four_resources(client_for: Any, db: None) -> None:
    response = client_for(None).get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert {"/api/v1/suppliers", "/api/v1/scans", "/api/v1/risks", "/api/v1/measures"} <= set(schema["paths"])
    assert schema["components"]["securitySchemes"] == {
        "OrganisationToken": {"type": "http", "scheme": "bearer"}
    }
    assert client_for(None).post("/api/v1/openapi.json").status_code == 405


def test_token_reads_its_own_organisation_only(
    register: dict[str, Any], acme: Any, alice: Any, other_organisation: Any, client_for: Any
) -> None:
    _token, acme_secret = ApiToken.issue(acme, "reader", "viewer", alice)
    _token, other_secret = ApiToken.issue(other_organisation, "other", "owner", None)
    client = client_for(None)
    risks = client.get("/api/v1/risks", **bearer(acme_secret)).json()
    assert risks["count"] == 1
    assert risks["items"][0]["title"].startswith("Excessive overtime")
    measures = client.get("/api/v1/measures", **bearer(acme_secret)).json()
    assert measures["items"][0]["kind"] == "prevent"
    assert measures["items"][0]["is_overdue"] is False
    assert client.get("/api/v1/risks", **bearer(other_secret)).json() == {"items": [], "count": 0}
    risk_id = register["risk"].pk
    assert client.get(f"/api/v1/risks/{risk_id}", **bearer(other_secret)).status_code == 404
    assert client.get("/api/v1/risks").status_code == 401
    assert client.get("/api/v1/risks", **bearer("imvo_wrong")).status_code == 401


def test_writes_need_an_editing_token_and_are_audited(
    register: dict[str, Any], acme: Any, alice: Any, client_for: Any
) -> None:
    _token, reader = ApiToken.issue(acme, "reader", "viewer", alice)
    _token, writer = ApiToken.issue(acme, "writer", "editor", alice)
    client = client_for(None)
    risk_id = register["risk"].pk
    body = {"kind": "mitigate", "description": "Hire extra staff", "owner": "Ops", "cost": "1200.50"}
    refused = client.post(
        f"/api/v1/risks/{risk_id}/measures", body, content_type="application/json", **bearer(reader)
    )
    assert refused.status_code == 403
    created = client.post(
        f"/api/v1/risks/{risk_id}/measures", body, content_type="application/json", **bearer(writer)
    )
    assert created.status_code == 201, created.content
    measure = Measure.objects.get(pk=created.json()["id"])
    assert (measure.organisation, measure.risk_id, str(measure.cost)) == (acme, risk_id, "1200.50")
    patched = client.patch(
        f"/api/v1/measures/{measure.pk}",
        {"status": "done"},
        content_type="application/json",
        **bearer(writer),
    )
    assert patched.status_code == 200
    assert patched.json()["status"] == "done"
    events = AuditEvent.objects.filter(object_type="measure", object_id=str(measure.pk))
    assert events.count() == 2
    assert all(event.changes["via"].startswith("API token writer (imvo_") for event in events)
    invalid = client.post(
        f"/api/v1/risks/{risk_id}/measures",
        {"kind": "pray"},
        content_type="application/json",
        **bearer(writer),
    )
    assert invalid.status_code == 422
