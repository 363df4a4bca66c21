"""Validation the complainant and the handlers expect (issue 10, parts 4 and 5).

Country as a choice of named countries; anonymity that never drops a typed name; handler messages
internal by default; only the outcomes a mechanism may record, and outcome and remedy only in the
phases where they apply.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from imvo.web.grievances import actions
from imvo.web.grievances.forms import ComplaintForm, OutcomeForm, UpdateForm
from imvo.web.grievances.models import CaseMessage, GrievanceAttachment, GrievanceCase, RemedyAction

pytestmark = pytest.mark.django_db

COMPLAINT = {"subject": "Unpaid overtime", "description": "70 hours a week.", "theme": "wages"}


def _case_url(case: Any, suffix: str = "") -> str:
    return f"/o/acme/grievances/cases/{case.pk}/{suffix}"


# --- country --------------------------------------------------------------------------------------
def test_the_country_is_a_choice_of_named_countries_in_the_page_language(mechanism):
    english = Client().get(f"/g/{mechanism.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    dutch = Client().get(f"/g/{mechanism.slug}/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert '<select name="country"' in english
    assert '<option value="BD">Bangladesh</option>' in english
    assert '<option value="BA">Bosnia and Herzegovina</option>' in english
    assert '<option value="CI">Ivoorkust</option>' in dutch
    assert 'maxlength="2"' not in english  # nothing the browser could cut "Bangladesh" to


def test_bangladesh_is_stored_as_bd_and_a_name_or_unknown_code_is_refused(mechanism):
    response = Client().post(f"/g/{mechanism.slug}/", {**COMPLAINT, "country": "BD", "anonymous": "on"})
    assert response.status_code == 200
    assert GrievanceCase.objects.get().country == "BD"
    for typed in ("Bangladesh", "BAN", "QQ"):
        form = ComplaintForm(data={**COMPLAINT, "country": typed, "anonymous": "on"})
        assert not form.is_valid()
        assert form.errors["country"], typed
    assert GrievanceCase.objects.count() == 1


def test_the_case_page_names_the_country(named_case, alice, client_for):
    case, _code = named_case
    page = client_for(alice).get(_case_url(case), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "India" in page


# --- anonymity ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "field", ["complainant_name", "complainant_organisation", "complainant_phone"], ids=lambda f: f
)
def test_an_anonymous_complaint_with_a_typed_identity_is_refused_never_dropped(mechanism, field):
    response = Client().post(
        f"/g/{mechanism.slug}/",
        {**COMPLAINT, "anonymous": "on", field: "Asha Devi"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "You chose to stay anonymous but filled in this field" in response.content.decode()
    assert "Asha Devi" in response.content.decode()  # still in the form, not dropped
    assert not GrievanceCase.objects.exists()


def test_the_refusal_is_in_dutch_too(mechanism):
    response = Client().post(
        f"/g/{mechanism.slug}/",
        {**COMPLAINT, "anonymous": "on", "complainant_name": "Asha"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert "U koos ervoor anoniem te blijven" in response.content.decode()


def test_untick_anonymous_and_the_name_is_kept(mechanism):
    Client().post(f"/g/{mechanism.slug}/", {**COMPLAINT, "complainant_name": "Asha Devi"})
    case = GrievanceCase.objects.get()
    assert not case.anonymous
    assert case.complainant_name == "Asha Devi"


def test_the_action_refuses_an_anonymous_complaint_with_a_name(mechanism):
    with pytest.raises(ValueError, match="anonymous"):
        actions.submit_complaint(mechanism, {**COMPLAINT, "anonymous": True, "complainant_name": "Asha"})
    assert not GrievanceCase.objects.exists()


def test_the_intake_page_disables_identity_fields_with_a_local_script(mechanism):
    response = Client().get(f"/g/{mechanism.slug}/")
    page = response.content.decode()
    assert '<script src="/static/grievances/intake.js" defer></script>' in page
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script>" not in page  # no inline script
    assert page.count('data-identity="true"') == 3
    assert 'data-anonymous-toggle="true"' in page
    assert 'id="anonymous-conflict"' in page
    script = finders.find("grievances/intake.js")
    assert script is not None
    with open(script, encoding="utf-8") as handle:
        source = handle.read()
    assert "[data-anonymous-toggle]" in source
    assert "[data-identity]" in source
    assert "disabled" in source


# --- attachments ----------------------------------------------------------------------------------
def test_an_attachment_name_too_long_to_store_is_refused_not_cut(mechanism):
    name = "p" * 197 + ".pdf"  # 201 characters, the column holds 200
    pdf = SimpleUploadedFile(name, b"%PDF-1.4 x", content_type="application/pdf")
    response = Client().post(f"/g/{mechanism.slug}/", {**COMPLAINT, "anonymous": "on", "attachments": [pdf]})
    assert "longer than 200 characters" in response.content.decode()
    assert not GrievanceCase.objects.exists()
    assert not GrievanceAttachment.objects.exists()


# --- handler messages -----------------------------------------------------------------------------
def test_a_handler_message_is_internal_unless_visible_is_ticked(named_case, alice, client_for):
    case, code = named_case
    assert UpdateForm().fields["visible_to_complainant"].initial is False
    client = client_for(alice)
    page = client.get(_case_url(case)).content.decode()
    assert 'name="visible_to_complainant" id="id_visible_to_complainant" checked' not in page
    client.post(_case_url(case, "update/"), {"body": "Supplier is known for this."})
    client.post(
        _case_url(case, "update/"), {"body": "We spoke to the supplier.", "visible_to_complainant": "on"}
    )
    visible = dict(CaseMessage.objects.filter(case=case).values_list("body", "visible_to_complainant"))
    assert visible == {"Supplier is known for this.": False, "We spoke to the supplier.": True}
    assert actions.post_update(alice, case, "Note").visible_to_complainant is False
    follower = Client()
    follower.post(f"/g/{case.mechanism.slug}/follow/", {"reference": case.reference, "access_code": code})
    public = follower.get(f"/g/{case.mechanism.slug}/case/").content.decode()
    assert "We spoke to the supplier." in public
    assert "Supplier is known" not in public


# --- outcomes and remedies ------------------------------------------------------------------------
def test_a_company_mechanism_is_offered_only_agreement_or_final_statement(named_case):
    case, _code = named_case
    offered = [value for value, _label in OutcomeForm(case=case).fields["outcome"].choices]
    assert offered == ["agreement", "final_statement"]


def test_a_committee_is_offered_only_its_decisions(acme, alice, to_outcome_phase):
    committee = actions.create_mechanism(
        alice, acme, {"name": "Committee", "slug": "cc", "variant": "committee"}
    )
    case, _code = actions.submit_complaint(committee, {**COMPLAINT})
    offered = [value for value, _label in OutcomeForm(case=case).fields["outcome"].choices]
    assert offered == ["decision_upheld", "decision_rejected"]


@pytest.mark.parametrize("outcome", ["not_admissible", "withdrawn", "decision_upheld", "decision_rejected"])
def test_a_company_mechanism_cannot_record_other_outcomes(
    named_case, alice, client_for, to_outcome_phase, outcome
):
    case, _code = named_case
    to_outcome_phase(alice, case)
    response = client_for(alice).post(
        _case_url(case, "outcome/"), {"outcome": outcome, "statement": "x"}, follow=True
    )
    assert "Choose one of the outcomes offered" in response.content.decode()
    case.refresh_from_db()
    assert case.outcome == ""
    with pytest.raises(actions.TransitionError):
        actions.record_outcome(alice, case, outcome=outcome, statement="x", substantiated=None)


def test_outcome_and_remedy_forms_appear_only_in_the_outcome_and_follow_up_phases(
    named_case, alice, client_for, to_outcome_phase
):
    case, _code = named_case
    client = client_for(alice)
    page = client.get(_case_url(case)).content.decode()
    assert 'id="outcome-form"' not in page
    assert 'id="remedy-form"' not in page
    assert 'id="outcome-not-yet"' in page
    assert 'id="remedy-not-yet"' in page
    to_outcome_phase(alice, case)
    page = client.get(_case_url(case)).content.decode()
    assert 'id="outcome-form"' in page
    assert 'id="remedy-form"' in page


def test_outcome_and_remedy_posts_are_refused_in_other_phases(named_case, alice, client_for):
    case, _code = named_case
    client = client_for(alice)
    response = client.post(
        _case_url(case, "outcome/"), {"outcome": "agreement", "statement": "Reinstated."}, follow=True
    )
    assert "An outcome is recorded in the outcome or follow-up phase" in response.content.decode()
    response = client.post(
        _case_url(case, "remedies/"), {"kind": "apology", "description": "Sorry"}, follow=True
    )
    assert "A remedy is agreed in the outcome or follow-up phase" in response.content.decode()
    case.refresh_from_db()
    assert case.outcome == ""
    assert case.public_statement == ""
    assert not RemedyAction.objects.exists()
    with pytest.raises(actions.TransitionError):
        actions.add_remedy(alice, case, {"kind": "apology", "description": "Sorry"})


def test_in_the_outcome_phase_both_are_recorded(named_case, alice, client_for, to_outcome_phase):
    case, _code = named_case
    to_outcome_phase(alice, case)
    client = client_for(alice)
    client.post(_case_url(case, "outcome/"), {"outcome": "agreement", "statement": "Reinstated."})
    client.post(_case_url(case, "remedies/"), {"kind": "reinstatement", "description": "Back at work"})
    case.refresh_from_db()
    assert case.outcome == "agreement"
    assert case.remedies.count() == 1
