"""Handling cases: phases and deadlines, confidentiality, exports, retention, register links."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from imvo.core.grievances import Phase
from imvo.web.audit.models import AuditEvent
from imvo.web.grievances import actions
from imvo.web.grievances.models import CaseAccess, GrievanceAttachment, GrievanceCase, PhaseTransition

pytestmark = pytest.mark.django_db


def _case_url(case: Any, suffix: str = "") -> str:
    return f"/o/acme/grievances/cases/{case.pk}/{suffix}"


def test_a_handler_moves_a_case_through_the_phases_and_each_move_is_logged(named_case, alice, client_for):
    case, _code = named_case
    client = client_for(alice)
    steps = [
        ("initial_assessment", "Acknowledged; assessing."),
        ("good_offices", "Admissible: concerns a supplier and a labour right."),
        ("outcome", "Dialogue concluded."),
        ("follow_up", "Agreement reached; following up."),
        ("closed", "Agreement implemented."),
    ]
    for phase, reason in steps:
        response = client.post(_case_url(case, "move/"), {"to_phase": phase, "reason": reason})
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.phase == phase
    log = list(
        PhaseTransition.objects.filter(case=case).values_list(
            "from_phase", "to_phase", "actor_label", "reason"
        )
    )
    assert log[0][:2] == ("", "received")
    assert log[-1] == ("follow_up", "closed", "alice@example.org", "Agreement implemented.")
    assert case.admissible is True
    assert case.closed_at is not None
    assert AuditEvent.objects.filter(action="move_case", object_id=str(case.pk)).count() == 5


def test_moves_need_a_reason_and_follow_the_procedure(named_case, alice, client_for):
    case, _code = named_case
    client = client_for(alice)
    client.post(_case_url(case, "move/"), {"to_phase": "outcome", "reason": "Skipping ahead"})
    client.post(_case_url(case, "move/"), {"to_phase": "initial_assessment", "reason": ""})
    case.refresh_from_db()
    assert case.phase == "received"
    with pytest.raises(actions.TransitionError):
        actions.move_case(alice, case, Phase.OUTCOME, "Skipping")


def test_closing_from_the_initial_assessment_means_not_admissible_with_reasons(named_case, alice):
    case, _code = named_case
    actions.move_case(alice, case, Phase.INITIAL_ASSESSMENT, "Assessing")
    actions.move_case(alice, case, Phase.CLOSED, "Outside the scope: no link to our business.")
    case.refresh_from_db()
    assert case.admissible is False
    assert case.outcome == "not_admissible"
    assert case.admissibility_reasons == "Outside the scope: no link to our business."


def test_overdue_cases_are_flagged(named_case, alice, client_for):
    case, _code = named_case
    GrievanceCase.objects.filter(pk=case.pk).update(phase_started_at=timezone.now() - timedelta(days=20))
    page = client_for(alice).get("/o/acme/grievances/cases/").content.decode()
    assert "overdue by 6 days" in page


def test_the_complainant_is_told_about_moves_when_an_address_was_given(
    named_case, alice, django_capture_on_commit_callbacks
):
    case, code = named_case
    with django_capture_on_commit_callbacks(execute=True):
        actions.move_case(alice, case, Phase.INITIAL_ASSESSMENT, "Assessing")
    assert [message.to for message in mail.outbox] == [["maria@example.org"]]
    assert code not in mail.outbox[0].body


def test_deadline_reminders_go_to_the_handlers(named_case, django_capture_on_commit_callbacks):
    case, _code = named_case
    GrievanceCase.objects.filter(pk=case.pk).update(phase_started_at=timezone.now() - timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_grievance_reminders", stdout=io.StringIO())
    assert case.reference in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["handlers@acme.example"]


# --- confidentiality ------------------------------------------------------------------------------
def test_identity_is_shown_only_with_the_specific_permission_and_every_view_is_logged(
    named_case, alice, dave, client_for
):
    case, _code = named_case
    editor = client_for(dave)
    page = editor.get(_case_url(case)).content.decode()
    assert "Maria" not in page  # not in the header, nor in the complaint's text
    assert "Lopez" not in page
    assert "98765" not in page
    assert "maria@example.org" not in page
    assert "Hidden" in page
    assert CaseAccess.objects.filter(case=case, user=dave, kind="view").count() == 1
    actions.grant_identity_access(alice, case.organisation, dave)
    page = editor.get(_case_url(case)).content.decode()
    assert "maria@example.org" in page
    assert "I, Maria Lopez, was dismissed" in page
    assert CaseAccess.objects.filter(case=case, user=dave, kind="view_identity").count() == 1
    assert CaseAccess.objects.filter(case=case, user=dave).count() == 3


def test_an_owner_without_the_grant_does_not_see_the_identity_either(named_case, alice, client_for):
    case, _code = named_case
    assert "maria@example.org" not in client_for(alice).get(_case_url(case)).content.decode()


@pytest.mark.parametrize("persona", ["bob", "carol"])
def test_viewers_and_reviewers_see_figures_but_no_case(named_case, personas, client_for, persona):
    case, _code = named_case
    client = client_for(personas[persona])
    assert client.get("/o/acme/grievances/").status_code == 200
    assert client.get(_case_url(case)).status_code == 403
    assert client.get("/o/acme/grievances/cases/").status_code == 403
    assert client.get("/o/acme/grievances/cases.csv").status_code == 403
    assert not CaseAccess.objects.exists()


def test_a_handler_of_another_organisation_sees_nothing(named_case, charlie, client_for):
    case, _code = named_case
    client = client_for(charlie)
    for url in (_case_url(case), "/o/acme/grievances/", "/o/acme/grievances/cases/"):
        assert client.get(url).status_code == 404
    assert client.get(f"/o/other/grievances/cases/{case.pk}/").status_code == 404


def test_an_anonymous_visitor_sees_nothing(named_case, client_for):
    case, _code = named_case
    response = client_for(None).get(_case_url(case))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_attachments_are_served_only_to_handlers_and_logged(named_case, personas, client_for):
    case, _code = named_case
    attachment = GrievanceAttachment(case=case, original_name="payslip.pdf", size=9)
    attachment.file.save("payslip.pdf", ContentFile(b"%PDF-1.4 x"), save=True)
    url = f"/o/acme/grievances/attachments/{attachment.pk}/"
    response = client_for(personas["dave"]).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
    assert CaseAccess.objects.filter(kind="download", user=personas["dave"]).count() == 1
    assert client_for(personas["bob"]).get(url).status_code == 403
    assert client_for(personas["charlie"]).get(url).status_code == 404
    assert client_for(personas["charlie"]).get(url.replace("/acme/", "/other/")).status_code == 404
    assert client_for(None).get(url).status_code == 302


def test_the_case_export_is_redacted_and_formula_safe(named_case, mechanism, alice, client_for):
    case, _code = named_case
    actions.submit_complaint(
        mechanism,
        {"subject": '=HYPERLINK("http://x")', "description": "d", "theme": "other", "anonymous": True},
    )
    response = client_for(alice).get("/o/acme/grievances/cases.csv")
    text = response.content.decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "reference"
    assert "Maria" not in text
    assert "maria@example.org" not in text
    assert "98765" not in text
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)
    assert CaseAccess.objects.filter(kind="export").count() == 1


def test_effectiveness_figures_export_as_csv_and_xlsx(named_case, alice, bob, client_for):
    case, _code = named_case
    actions.move_case(alice, case, Phase.INITIAL_ASSESSMENT, "Assessing")
    client = client_for(bob)
    page = client.get("/o/acme/grievances/")
    assert page.status_code == 200
    assert b"<svg" in page.content
    assert b"Maria" not in page.content
    csv_rows = list(csv.reader(io.StringIO(client.get("/o/acme/grievances/figures.csv").content.decode())))
    assert ["cases", "total", "1", ""] in csv_rows
    assert ["country", "IN", "1", ""] in csv_rows
    workbook = load_workbook(io.BytesIO(client.get("/o/acme/grievances/figures.xlsx").content))
    assert workbook.active["A2"].value == "cases"
    assert client.get("/o/acme/grievances/figures.exe").status_code == 404


# --- retention ------------------------------------------------------------------------------------
def test_personal_data_are_erased_after_the_retention_period(named_case, alice):
    case, _code = named_case
    attachment = GrievanceAttachment(case=case, original_name="id.pdf", size=1)
    attachment.file.save("id.pdf", ContentFile(b"%PDF-"), save=True)
    stored = attachment.file.path
    actions.post_update(alice, case, "Dear Maria Lopez, we call you at +91 98765 43210.")
    actions.move_case(alice, case, Phase.CLOSED, "Withdrawn by the complainant.")
    call_command("erase_expired_grievance_data", stdout=io.StringIO())
    case.refresh_from_db()
    assert case.personal_data_erased_at is None  # within the retention period
    GrievanceCase.objects.filter(pk=case.pk).update(closed_at=timezone.now() - timedelta(days=731))
    out = io.StringIO()
    call_command("erase_expired_grievance_data", stdout=out)
    assert "1 case" in out.getvalue()
    case.refresh_from_db()
    assert case.personal_data_erased_at is not None
    assert (case.complainant_name, case.complainant_email, case.complainant_phone) == ("", "", "")
    assert "Maria" not in case.description
    assert "98765" not in case.description
    assert "Lopez" not in case.messages.get().body
    assert not case.attachments.exists()
    import os

    assert not os.path.exists(stored)
    # The anonymised case stays for the figures.
    assert case.theme == "freedom_of_association"
    assert case.country == "IN"


# --- link to due diligence ------------------------------------------------------------------------
def test_a_substantiated_case_creates_a_risk_and_remedy_feeds_step_six(
    named_case, alice, client_for, to_outcome_phase
):
    from imvo.web.register.models import RemediationRecord, Risk

    case, _code = named_case
    to_outcome_phase(alice, case)
    client = client_for(alice)
    client.post(
        _case_url(case, "outcome/"),
        {"outcome": "agreement", "statement": "Reinstated.", "substantiated": "true"},
    )
    case.refresh_from_db()
    risk = Risk.objects.get(organisation=case.organisation)
    assert case.risk == risk
    assert case.reference in risk.title
    assert "Maria" not in risk.title
    assert risk.confidential
    client.post(_case_url(case, "remedies/"), {"kind": "reinstatement", "description": "Back at work"})
    remedy = case.remedies.get()
    client.post(f"/o/acme/grievances/remedies/{remedy.pk}/complete/")
    remedy.refresh_from_db()
    assert remedy.is_delivered
    record = RemediationRecord.objects.get(pk=remedy.remediation_record_id)
    assert record.risk == risk
    assert record.status == "provided"
    from imvo.web.grievances.queries import remedy_summary

    assert remedy_summary(case.organisation)["remedies_delivered"] == 1


def test_a_substantiated_case_reopens_a_linked_risk(named_case, alice, to_outcome_phase):
    from imvo.web.register import actions as register_actions

    case, _code = named_case
    to_outcome_phase(alice, case)
    risk = register_actions.create_manual_risk(
        alice, case.organisation, {"title": "Union busting", "status": "closed"}
    )
    actions.link_to_register(alice, case, supplier=None, risk=risk, measure=None)
    actions.record_outcome(alice, case, outcome="final_statement", statement="", substantiated=True)
    risk.refresh_from_db()
    assert risk.status == "open"
    assert case.reference in risk.evidence


def test_cases_link_only_to_their_own_register(named_case, alice, charlie, other_organisation):
    from imvo.web.register import actions as register_actions

    case, _code = named_case
    foreign = register_actions.create_manual_risk(charlie, other_organisation, {"title": "Theirs"})
    with pytest.raises(ValueError, match="own organisation"):
        actions.link_to_register(alice, case, supplier=None, risk=foreign, measure=None)


def test_the_case_list_has_a_bounded_number_of_queries(
    mechanism, alice, client_for, django_assert_max_num_queries
):
    for index in range(15):
        actions.submit_complaint(
            mechanism, {"subject": f"Case {index}", "description": "d", "theme": "other"}
        )
    client = client_for(alice)
    with django_assert_max_num_queries(12):
        assert client.get("/o/acme/grievances/cases/").status_code == 200


def test_the_demo_seed_gives_cases_in_different_phases(acme, alice):
    from imvo.web.grievances.demo import seed_grievances

    mechanism = seed_grievances(acme)
    phases = set(mechanism.cases.values_list("phase", flat=True))
    assert {"received", "good_offices", "follow_up", "closed"} <= phases
    assert seed_grievances(acme) == mechanism  # idempotent
    assert mechanism.cases.count() == 4
    assert mechanism.cases.filter(statement_published_at__isnull=False).exists()


# --- the covenant complaints committee ------------------------------------------------------------
def test_a_committee_decision_is_binding_and_published_at_once(acme, alice, to_outcome_phase):
    committee = actions.create_mechanism(
        alice, acme, {"name": "Covenant complaints committee", "slug": "covenant", "variant": "committee"}
    )
    case, _code = actions.submit_complaint(
        committee,
        {
            "subject": "Wages",
            "description": "d",
            "theme": "wages",
            "anonymous": False,
            "complainant_name": "Ravi Kumar",
        },
    )
    to_outcome_phase(alice, case)
    with pytest.raises(actions.TransitionError):
        actions.record_outcome(alice, case, outcome="agreement", statement="x", substantiated=None)
    actions.record_outcome(
        alice,
        case,
        outcome="decision_upheld",
        statement="Ravi Kumar must be paid the wage owed.",
        substantiated=True,
    )
    case.refresh_from_db()
    assert case.statement_published_at is not None
    page = Client().get("/g/covenant/statements/").content.decode()
    assert "Published decisions" in page
    assert "must be paid the wage owed" in page
    assert "Ravi" not in page


def test_a_company_mechanism_takes_no_binding_decisions(named_case, alice, to_outcome_phase):
    case, _code = named_case
    to_outcome_phase(alice, case)
    with pytest.raises(actions.TransitionError):
        actions.record_outcome(alice, case, outcome="decision_upheld", statement="x", substantiated=None)


def test_the_complainant_is_written_to_in_their_own_language(
    mechanism, alice, django_capture_on_commit_callbacks
):
    from django.utils import translation

    case, _code = actions.submit_complaint(
        mechanism,
        {"subject": "s", "description": "d", "theme": "other", "complainant_email": "rahul@example.org"},
        language="nl",
    )
    mail.outbox.clear()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        actions.move_case(alice, case, Phase.INITIAL_ASSESSMENT, "Assessing")
    assert "Eerste beoordeling" in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Uw klacht")


def test_published_report_shows_grievance_figures_only_in_aggregate(named_case, alice, to_outcome_phase):
    from imvo.web.register import actions as register_actions
    from imvo.web.register.report import render_report_pdf

    case, _code = named_case
    to_outcome_phase(alice, case)
    actions.record_outcome(alice, case, outcome="agreement", statement="Reinstated.", substantiated=True)
    report = register_actions.publish_report(alice, case.organisation, "Report 2026")
    body = Client().get(f"/r/{report.public_id}/").content.decode()
    assert "Grievance mechanism: 1 complaints received, 1 open, 1 substantiated" in body
    assert case.reference not in body
    assert "Maria" not in body
    pdf_text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(render_report_pdf(report.content))).pages
    )
    assert "1 complaints received" in " ".join(pdf_text.split())
