"""The programme's size criteria (who is in scope) and each round's criteria sets (what it reports)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imvo.web.audit.models import AuditEvent
from imvo.web.monitoring import actions
from imvo.web.monitoring.models import AssessmentSource, MonitoredCompany, MonitoringRound
from tests.web.monitoring.conftest import POPULATION_CSV

pytestmark = pytest.mark.django_db

ENDORSES = {"oecd_endorsement": "found", "risk_assessment": "found"}


def population(monitor: Any, alice: Any) -> dict[str, MonitoredCompany]:
    upload = SimpleUploadedFile("population.csv", POPULATION_CSV.encode("utf-8"))
    actions.import_population(alice, monitor, upload)
    return {company.name: company for company in MonitoredCompany.objects.filter(organisation=monitor)}


def assessed_round(monitor: Any, alice: Any, criteria_sets: list[str] | None = None) -> MonitoringRound:
    """Round 2021 in which only Tiny B.V. (20 employees, below the Dutch criteria) endorses."""
    companies = population(monitor, alice)
    kwargs = {} if criteria_sets is None else {"criteria_sets": criteria_sets}
    monitoring_round = actions.create_round(alice, monitor, "2021", **kwargs)
    for name, company in companies.items():
        verdicts = ENDORSES if name == "Tiny B.V." else {}
        actions.store_assessment(monitoring_round, company, AssessmentSource.DISCLOSURE, verdicts, {})
    return monitoring_round


def export(client: Any, fmt: str = "json") -> Any:
    response = client.get(f"/o/ministry/monitoring/dashboard/export.{fmt}")
    assert response.status_code == 200
    return json.loads(response.content) if fmt == "json" else response.content.decode()


def headline(figures: dict[str, Any]) -> tuple[int, int]:
    found = next(f for f in figures["figures"] if f["measure"] == "endorsement")
    return found["numerator"], found["denominator"]


def test_changing_the_size_criteria_recomputes_the_scope_and_the_figures(monitor, alice, dave, client_for):
    assessed_round(monitor, alice)
    client = client_for(dave)
    assert headline(export(client)) == (0, 2)  # Dutch criteria: Tiny B.V. is out of scope
    page = client.get("/o/ministry/monitoring/size-criteria/").content.decode()
    assert 'value="500"' in page  # the Dutch programme is the default
    response = client.post(
        "/o/ministry/monitoring/size-criteria/",
        {"employees_over": "10", "assets_over": "", "turnover_over": "", "required": ""},
    )
    assert response.status_code == 302
    assert MonitoredCompany.objects.get(organisation=monitor, name="Tiny B.V.").in_scope
    assert headline(export(client)) == (1, 3)
    event = AuditEvent.objects.get(organisation=monitor, action="update", object_type="size_criteria")
    assert event.changes["employees_over"] == [500, 10]
    assert event.changes["companies_changing_scope"] == 1
    overview = client.get("/o/ministry/monitoring/").content.decode()
    assert "more than 10 employees" in overview
    # Two of three thresholds: Acme (all three) and Zuivel (assets and turnover) are in, Tiny is out.
    client.post(
        "/o/ministry/monitoring/size-criteria/",
        {"employees_over": "800", "assets_over": "20000000", "turnover_over": "40000000", "required": "2"},
    )
    in_scope = set(
        MonitoredCompany.objects.filter(organisation=monitor, in_scope=True).values_list("name", flat=True)
    )
    assert in_scope == {"Acme B.V.", "Zuivel Groot N.V."}


def test_an_import_after_the_change_uses_the_programmes_criteria(monitor, alice):
    actions.set_size_criteria(alice, monitor, 10, None, None, None)
    companies = population(monitor, alice)
    assert all(company.in_scope for company in companies.values())


def test_an_impossible_rule_is_refused_and_changes_nothing(monitor, dave, client_for):
    response = client_for(dave).post(
        "/o/ministry/monitoring/size-criteria/",
        {"employees_over": "10", "assets_over": "", "turnover_over": "", "required": "2"},
    )
    assert response.status_code == 400
    assert "more thresholds than are set" in response.content.decode()
    assert actions.size_criteria_of(monitor).employees_over == 500


def test_viewers_may_not_change_the_size_criteria(monitor, bob, client_for):
    client = client_for(bob)
    assert client.get("/o/ministry/monitoring/size-criteria/").status_code == 403
    response = client.post("/o/ministry/monitoring/size-criteria/", {"employees_over": "1"})
    assert response.status_code == 403
    assert actions.size_criteria_of(monitor).employees_over == 500


def test_a_round_without_the_nap_set_shows_no_nap_figures(monitor, alice, dave, client_for):
    client = client_for(dave)
    population(monitor, alice)
    response = client.post(
        "/o/ministry/monitoring/rounds/new/",
        {"name": "2021", "target": "90", "criteria_sets": ["endorsement", "oecd_steps"]},
    )
    assert response.status_code == 302
    monitoring_round = MonitoringRound.objects.get(organisation=monitor, name="2021")
    assert monitoring_round.criteria_sets == ["endorsement", "oecd_steps"]
    actions.complete_round(alice, monitor, monitoring_round)
    dashboard = client.get("/o/ministry/monitoring/dashboard/").content.decode()
    assert "Maturity segment" in dashboard
    assert "German NAP" not in dashboard
    assert "nap" not in {f["measure"] for f in export(client)["figures"]}
    assert ",nap," not in export(client, "csv")
    behind = client.get(
        f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/?measure=nap&group=not_compliant"
    )
    assert "Zuivel Groot" not in behind.content.decode()
    # Owners and editors may add the set later; the figures follow.
    url = f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/criteria-sets/"
    assert client.post(url, {"criteria_sets": ["endorsement", "german_nap"]}).status_code == 302
    monitoring_round.refresh_from_db()
    assert monitoring_round.criteria_sets == ["endorsement", "german_nap"]
    measures = {f["measure"] for f in export(client)["figures"]}
    assert "nap" in measures
    assert "step" not in measures
    assert "German NAP" in client.get("/o/ministry/monitoring/dashboard/").content.decode()
    event = AuditEvent.objects.filter(organisation=monitor, action="update").latest("pk")
    assert event.changes["criteria_sets"] == [["endorsement", "oecd_steps"], ["endorsement", "german_nap"]]


def test_a_new_round_reports_all_three_sets_and_needs_at_least_one(monitor, alice, dave, client_for):
    assert assessed_round(monitor, alice).criteria_sets == ["endorsement", "oecd_steps", "german_nap"]
    client = client_for(dave)
    monitoring_round = MonitoringRound.objects.get(organisation=monitor)
    url = f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/criteria-sets/"
    client.post(url, {"criteria_sets": []})
    monitoring_round.refresh_from_db()
    assert monitoring_round.criteria_sets == ["endorsement", "oecd_steps", "german_nap"]
    assert client_for(alice).post(url, {"criteria_sets": ["nonsense"]}).status_code == 302
    monitoring_round.refresh_from_db()
    assert len(monitoring_round.criteria_sets) == 3


def test_viewers_may_not_change_a_rounds_criteria_sets(monitor, alice, bob, client_for):
    monitoring_round = assessed_round(monitor, alice)
    url = f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/criteria-sets/"
    assert client_for(bob).post(url, {"criteria_sets": ["endorsement"]}).status_code == 403
    monitoring_round.refresh_from_db()
    assert len(monitoring_round.criteria_sets) == 3


def test_the_settings_speak_dutch(monitor, alice, client_for):
    client = client_for(alice)
    page = client.get("/o/ministry/monitoring/size-criteria/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Omvangscriteria van het programma" in page
    assert "alle: meer dan 500 werknemers" in page
    overview = client.get("/o/ministry/monitoring/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Gerapporteerde criteriasets" in overview  # the new-round form
