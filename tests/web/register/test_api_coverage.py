"""The API covers the whole workspace a token may read, scoped to the token's organisation, and never
gives a complainant's identity."""

from __future__ import annotations

import json
from typing import Any

import pytest

from imvo.web.organisations.models import ApiToken

pytestmark = pytest.mark.django_db

#: Every list endpoint of the workspace, with the record of the ``register`` fixture it lists.
LISTS = {
    "/api/v1/policies": "policy",
    "/api/v1/judgements": "judgement",
    "/api/v1/indicators": "indicator",
    "/api/v1/follow-ups": "follow_up",
    "/api/v1/engagements": "engagement",
    "/api/v1/remediation": "remediation",
}
DETAILS = {
    "/api/v1/policies/{}": "policy",
    "/api/v1/follow-ups/{}": "follow_up",
    "/api/v1/engagements/{}": "engagement",
    "/api/v1/remediation/{}": "remediation",
}


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def secrets(acme: Any, alice: Any, other_organisation: Any) -> dict[str, str]:
    _token, reader = ApiToken.issue(acme, "reader", "viewer", alice)
    _token, editor = ApiToken.issue(acme, "editor", "editor", alice)
    _token, other = ApiToken.issue(other_organisation, "other", "owner", None)
    return {"acme": reader, "acme_editor": editor, "other": other}


@pytest.fixture
def case(acme: Any, alice: Any, register: dict[str, Any]) -> Any:
    from imvo.web.grievances import actions

    mechanism = actions.create_mechanism(
        alice,
        acme,
        {"name": "Acme grievance mechanism", "slug": "acme-klachten", "handler_email": "h@acme.example"},
    )
    case, _code = actions.submit_complaint(
        mechanism,
        {
            "subject": "Dismissed after joining the union",
            "description": "I, Maria Lopez, was dismissed. Call me on +91 98765 43210.",
            "desired_outcome": "Reinstatement of Maria Lopez",
            "theme": "freedom_of_association",
            "country": "IN",
            "anonymous": False,
            "complainant_name": "Maria Lopez",
            "complainant_email": "maria@example.org",
            "complainant_phone": "+91 98765 43210",
            "complainant_organisation": "Garment Workers Union Bengaluru",
        },
        language="en",
    )
    return case


def test_every_workspace_list_gives_the_organisations_records(
    register: dict[str, Any], secrets: dict[str, str], client_for: Any
) -> None:
    client = client_for(None)
    for url, record in LISTS.items():
        body = client.get(url, **bearer(secrets["acme"])).json()
        assert body["count"] == 1, url
        assert body["items"][0]["id"] == register[record].pk, url
        assert client.get(url, **bearer(secrets["other"])).json() == {"items": [], "count": 0}, url
        assert client.get(url).status_code == 401, url
    for url, record in DETAILS.items():
        address = url.format(register[record].pk)
        assert client.get(address, **bearer(secrets["acme"])).json()["id"] == register[record].pk
        assert client.get(address, **bearer(secrets["other"])).status_code == 404, address


def test_records_carry_their_content(
    register: dict[str, Any], secrets: dict[str, str], client_for: Any
) -> None:
    client = client_for(None)
    acme = bearer(secrets["acme"])
    judgement = client.get(f"/api/v1/judgements?risk_id={register['risk'].pk}", **acme).json()["items"][0]
    assert (judgement["severity"], judgement["rationale"]) == (3, "Works council report")
    indicator = client.get(f"/api/v1/indicators?measure_id={register['measure'].pk}", **acme).json()["items"][
        0
    ]
    assert indicator["name"] == "Overtime hours per week"
    follow_up = client.get("/api/v1/follow-ups", **acme).json()["items"][0]
    assert (follow_up["kind"], follow_up["indicator_id"]) == ("kpi", register["indicator"].pk)
    assert (
        client.get("/api/v1/remediation", **acme).json()["items"][0]["description"] == "Overtime paid at 150%"
    )
    assert client.get("/api/v1/engagements", **acme).json()["items"][0]["stakeholder"] == "Works council"
    assert client.get("/api/v1/policies", **acme).json()["items"][0]["title"] == "RBC policy"
    other_risk = client.get("/api/v1/judgements?risk_id=999999", **acme).json()
    assert other_risk == {"items": [], "count": 0}


def test_published_reports_with_their_addresses(
    register: dict[str, Any], acme: Any, alice: Any, secrets: dict[str, str], client_for: Any
) -> None:
    from imvo.web.register.actions import publish_report

    report = publish_report(alice, acme, "Due diligence 2025")
    client = client_for(None)
    reports = client.get("/api/v1/reports", **bearer(secrets["acme"])).json()
    assert reports["count"] == 1
    item = reports["items"][0]
    assert (item["id"], item["version"], item["title"]) == (report.pk, report.version, "Due diligence 2025")
    assert item["url"].endswith(f"/r/{report.public_id}/")
    assert item["pdf_url"].endswith(f"/r/{report.public_id}/report.pdf")
    by_version = client.get(f"/api/v1/reports/{report.version}", **bearer(secrets["acme"])).json()
    assert by_version["id"] == report.pk
    assert client.get(f"/api/v1/reports/{report.version}", **bearer(secrets["other"])).status_code == 404


def test_grievance_cases_never_give_the_complainants_identity(
    case: Any, secrets: dict[str, str], client_for: Any
) -> None:
    client = client_for(None)
    listed = client.get("/api/v1/grievances/cases", **bearer(secrets["acme_editor"]))
    detail = client.get(f"/api/v1/grievances/cases/{case.pk}", **bearer(secrets["acme_editor"]))
    assert listed.json()["count"] == 1
    item = detail.json()
    assert (item["id"], item["theme"], item["country"], item["phase"]) == (
        case.pk,
        "freedom_of_association",
        "IN",
        "received",
    )
    for response in (listed, detail):
        text = response.content.decode()
        for secret in (
            "Maria",
            "Lopez",
            "maria@example.org",
            "98765",
            "Garment Workers Union",
            "Dismissed after joining",
            case.reference,
        ):
            assert secret not in text
        assert not {"complainant_name", "complainant_email", "description", "subject", "reference"} & set(
            json.loads(text).get("items", [json.loads(text)])[0]
        )
    mechanisms = client.get("/api/v1/grievances/mechanisms", **bearer(secrets["acme"])).json()
    assert mechanisms["items"][0]["case_count"] == 1
    assert "h@acme.example" not in json.dumps(mechanisms)


def test_cases_need_the_role_that_reads_them_in_the_web(
    case: Any, secrets: dict[str, str], client_for: Any
) -> None:
    # In the web only editors and owners open cases; a viewer sees the mechanism's figures.
    client = client_for(None)
    viewer = bearer(secrets["acme"])
    assert client.get("/api/v1/grievances/cases", **viewer).status_code == 403
    assert client.get(f"/api/v1/grievances/cases/{case.pk}", **viewer).status_code == 403
    assert client.get("/api/v1/grievances/mechanisms", **viewer).json()["count"] == 1


def test_another_organisations_token_sees_no_case(
    case: Any, secrets: dict[str, str], client_for: Any
) -> None:
    client = client_for(None)
    other = bearer(secrets["other"])
    assert client.get("/api/v1/grievances/cases", **other).json() == {"items": [], "count": 0}
    assert client.get("/api/v1/grievances/mechanisms", **other).json() == {"items": [], "count": 0}
    assert client.get(f"/api/v1/grievances/cases/{case.pk}", **other).status_code == 404


def test_obligations_result(acme: Any, secrets: dict[str, str], client_for: Any) -> None:
    response = client_for(None).get("/api/v1/obligations?as_of=2026-01-01", **bearer(secrets["acme"]))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["format"] == "imvo.obligations/1"
    assert body["as_of"] == "2026-01-01"
    assert {"rule_id", "status"} <= set(body["outcomes"][0])


def test_monitoring_population_for_the_monitor_only(
    acme: Any, alice: Any, secrets: dict[str, str], client_for: Any
) -> None:
    from imvo.web.monitoring.models import MonitoredCompany
    from imvo.web.organisations.models import Organisation

    monitor = Organisation.objects.create(name="Ministry", slug="ministry", kind="monitor")
    MonitoredCompany.objects.create(organisation=monitor, name="Acme B.V.", sector_code="46.39")
    _token, monitor_secret = ApiToken.issue(monitor, "monitor", "viewer", None)
    client = client_for(None)
    companies = client.get("/api/v1/monitoring/companies", **bearer(monitor_secret)).json()
    assert companies["count"] == 1
    company = companies["items"][0]
    assert (company["sector_code"], company["sector_name_nl"], company["sector_name_en"]) == (
        "46.39",
        "Groothandel",
        "Wholesale trade",
    )
    assert client.get("/api/v1/monitoring/companies", **bearer(secrets["acme"])).json()["count"] == 0
    figures = client.get("/api/v1/monitoring/figures", **bearer(monitor_secret)).json()
    assert figures["figures"] == []


def test_the_schema_lists_every_workspace_endpoint(client_for: Any) -> None:
    paths = set(client_for(None).get("/api/v1/openapi.json").json()["paths"])
    expected = {
        *LISTS,
        "/api/v1/reports",
        "/api/v1/grievances/cases",
        "/api/v1/grievances/cases/{case_id}",
        "/api/v1/grievances/mechanisms",
        "/api/v1/obligations",
        "/api/v1/monitoring/companies",
        "/api/v1/monitoring/rounds",
        "/api/v1/monitoring/figures",
    }
    assert expected <= paths
