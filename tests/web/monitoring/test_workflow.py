"""The monitoring workspace end to end in Django: import, rounds, disclosures as jobs, review, dashboard."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from imvo.web.audit.models import AuditEvent
from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.monitoring import actions
from imvo.web.monitoring.jobs import assess_disclosures
from imvo.web.monitoring.models import CompanyAssessment, Disclosure, MonitoredCompany, MonitoringRound
from tests.web.monitoring.conftest import ENDORSING, POPULATION_CSV, SILENT

pytestmark = pytest.mark.django_db


def csv_upload(text: str = POPULATION_CSV, name: str = "population.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def imported(monitor: Any, alice: Any) -> MonitoringRound:
    actions.import_population(alice, monitor, csv_upload())
    return actions.create_round(alice, monitor, "2021")


def test_population_import_through_the_page(monitor, dave, client_for):
    client = client_for(dave)
    response = client.post("/o/ministry/monitoring/population/import/", {"file": csv_upload()})
    assert response.status_code == 302
    companies = {c.name: c for c in MonitoredCompany.objects.filter(organisation=monitor)}
    assert set(companies) == {"Acme B.V.", "Zuivel Groot N.V.", "Tiny B.V."}
    assert companies["Acme B.V."].assets == 30_000_000
    assert not companies["Tiny B.V."].in_scope
    assert AuditEvent.objects.filter(organisation=monitor, action="import").exists()
    # Importing again updates by registration number instead of duplicating.
    client.post("/o/ministry/monitoring/population/import/", {"file": csv_upload()})
    assert MonitoredCompany.objects.filter(organisation=monitor).count() == 3


def test_a_bad_population_names_every_row_and_writes_nothing(monitor, dave, client_for):
    bad = "name;employees;turnover\nGood;600;1\n;700;1\nBad;many;x\n"
    response = client_for(dave).post("/o/ministry/monitoring/population/import/", {"file": csv_upload(bad)})
    assert response.status_code == 400
    body = response.content.decode()
    assert "population.csv, line 3, column &#x27;name&#x27;" in body
    assert "line 4, column &#x27;employees&#x27;" in body
    assert "line 4, column &#x27;turnover&#x27;" in body
    assert not MonitoredCompany.objects.filter(organisation=monitor).exists()


def test_disclosures_are_assessed_as_a_job_and_feed_the_dashboard(monitor, alice, dave, client_for):
    monitoring_round = imported(monitor, alice)
    client = client_for(dave)
    files = [
        SimpleUploadedFile("12345678_statement.txt", ENDORSING.encode()),
        SimpleUploadedFile("zuivel-groot-2021.txt", SILENT.encode()),
        SimpleUploadedFile("somebody-else.txt", SILENT.encode()),
    ]
    url = f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/disclosures/"
    assert client.post(url, {"files": files}).status_code == 302
    job = Job.objects.get(organisation=monitor, kind="assess_disclosures")
    assert job.status == "queued"
    page = client.get(f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/").content.decode()
    assert f"/o/ministry/jobs/{job.pk}/progress" in page  # htmx progress while it runs
    run_pending_jobs_now()
    job.refresh_from_db()
    assert job.status == "done", job.error
    assert job.result["unmatched"] == 1
    acme = CompanyAssessment.objects.get(
        monitoring_round=monitoring_round, company__registration_number="12345678"
    )
    assert acme.endorses
    assert acme.source == "disclosure"
    assert "OECD Guidelines" in acme.evidence["oecd_endorsement"][0]["snippet"]
    assert acme.step_numbers == [2, 4, 5]
    detail = client.get(f"/o/ministry/monitoring/assessments/{acme.pk}/").content.decode()
    assert "Acme endorses the OECD Guidelines for Multinational Enterprises." in detail  # the cited passage
    assert "12345678_statement.txt" in detail  # and the disclosure it comes from
    assert "Measures and tracking of their effectiveness" in detail
    client.post(f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/complete/")
    assert (
        CompanyAssessment.objects.filter(monitoring_round=monitoring_round).count() == 2
    )  # Tiny is out of scope
    dashboard = client.get("/o/ministry/monitoring/dashboard/").content.decode()
    assert "<svg" in dashboard
    assert "1 of 2 assessed companies (50 %)" in dashboard
    behind = f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/?measure=step&amp;group=4#assessments"
    assert behind in dashboard
    listed = client.get(
        f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/?measure=step&group=4"
    ).content.decode()
    zuivel = CompanyAssessment.objects.get(
        monitoring_round=monitoring_round, company__registration_number="33333333"
    )
    assert f"/assessments/{acme.pk}/" in listed
    assert f"/assessments/{zuivel.pk}/" not in listed


def test_the_job_resumes_after_a_crash(monitor, alice):
    monitoring_round = imported(monitor, alice)
    files = [
        SimpleUploadedFile("12345678_statement.txt", ENDORSING.encode()),
        SimpleUploadedFile("33333333_report.txt", SILENT.encode()),
    ]
    job = actions.upload_disclosures(alice, monitor, monitoring_round, files)

    def crash_after_first(done: int, total: int) -> None:
        if done == 1:
            raise RuntimeError("worker killed")

    with pytest.raises(RuntimeError):
        assess_disclosures(job, crash_after_first)
    assert Disclosure.objects.filter(assessed_at__isnull=False).count() == 1
    seen: list[tuple[int, int]] = []
    result = assess_disclosures(job, lambda done, total: seen.append((done, total)))
    assert seen[0] == (1, 2)
    assert seen[-1] == (2, 2)
    assert result["companies"] == 2
    assert CompanyAssessment.objects.filter(monitoring_round=monitoring_round).count() == 2


def test_four_eyes_review_with_reasons(monitor, alice, dave, client_for):
    monitoring_round = imported(monitor, alice)
    actions.upload_disclosures(
        alice, monitor, monitoring_round, [SimpleUploadedFile("12345678.txt", SILENT.encode())]
    )
    run_pending_jobs_now()
    assessment = CompanyAssessment.objects.get(monitoring_round=monitoring_round)
    assert not assessment.endorses
    url = f"/o/ministry/monitoring/assessments/{assessment.pk}/"
    form = {f"verdict_{c}": v for c, v in assessment.verdicts.items()}
    # A reason is required.
    assert client_for(dave).post(url + "propose/", {**form, "reason": ""}).status_code == 400
    form["verdict_oecd_endorsement"] = "found"
    response = client_for(dave).post(
        url + "propose/", {**form, "reason": "Endorsement is on page 3 of the PDF"}
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "awaiting_second"
    assert not assessment.endorses
    # The proposer cannot approve his own proposal.
    own = client_for(dave).post(url + "decide/", {"decision": "approve", "reason": "ok"})
    assert own.status_code == 403
    approved = client_for(alice).post(
        url + "decide/", {"decision": "approve", "reason": "Checked the source"}
    )
    assert approved.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "reviewed"
    assert assessment.endorses
    assert assessment.verdicts["oecd_endorsement"] == "found"
    events = AuditEvent.objects.filter(organisation=monitor, object_id=str(assessment.pk))
    assert {e.action for e in events} >= {"propose_review", "approve_review"}
    approval = events.get(action="approve_review")
    assert approval.changes["verdicts"]["oecd_endorsement"] == ["not_found", "found"]
    # A reviewed assessment is not overwritten when the disclosures are assessed again.
    actions.reassess_company_from_disclosures(monitoring_round, assessment.company)
    assessment.refresh_from_db()
    assert assessment.endorses


def test_rejecting_sends_the_assessment_back(monitor, alice, dave):
    monitoring_round = imported(monitor, alice)
    company = MonitoredCompany.objects.get(registration_number="12345678")
    assessment = actions.store_assessment(monitoring_round, company, "disclosure", {}, {})
    actions.propose_review(dave, assessment, {}, "Looks right")
    actions.decide_review(alice, assessment, approve=False, reason="The report is from 2019")
    assessment.refresh_from_db()
    assert assessment.status == "to_review"


def test_exports(monitor, alice, bob, client_for):
    monitoring_round = imported(monitor, alice)
    company = MonitoredCompany.objects.get(registration_number="12345678")
    actions.store_assessment(monitoring_round, company, "disclosure", {"oecd_endorsement": "found"}, {})
    client = client_for(bob)
    for fmt, start in (
        ("csv", b"round,"),
        ("xlsx", b"PK"),
        ("pdf", b"%PDF"),
        ("html", b"<!doctype"),
        ("json", b"{"),
    ):
        response = client.get(f"/o/ministry/monitoring/dashboard/export.{fmt}")
        assert response.status_code == 200, fmt
        assert response.content.startswith(start), fmt
    sheet = load_workbook(io.BytesIO(client.get("/o/ministry/monitoring/dashboard/export.xlsx").content))[
        "figures"
    ]
    assert sheet.cell(2, 2).value == "endorsement"
    assert client.get("/o/ministry/monitoring/dashboard/export.exe").status_code == 404


def test_round_page_queries_do_not_grow_with_the_population(
    monitor, alice, client_for, django_assert_max_num_queries
):
    monitoring_round = imported(monitor, alice)
    rows = [
        MonitoredCompany(organisation=monitor, name=f"Company {n}", registration_number=f"7{n:07d}")
        for n in range(120)
    ]
    MonitoredCompany.objects.bulk_create(rows)
    actions.complete_round(alice, monitor, monitoring_round)
    client = client_for(alice)
    with django_assert_max_num_queries(20):
        assert client.get(f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/o/ministry/monitoring/dashboard/").status_code == 200


def test_dutch_pages(monitor, alice, client_for):
    client = client_for(alice)
    response = client.get("/o/ministry/monitoring/", HTTP_ACCEPT_LANGUAGE="nl")
    assert "Monitoring van een populatie bedrijven" in response.content.decode()
