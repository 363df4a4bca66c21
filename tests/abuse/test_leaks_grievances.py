"""Finding 9 of issue 17, the grievance part: file names, free text, caching of handlers' pages.

- The attachment's real file name (which may name the complainant) went to every handler with the
  download; now only handlers with the identity permission get it.
- A 1.9 MB complaint description was stored: every free text is capped, in the form and below it.
- Handlers' case pages could be kept by a browser or a proxy: they are ``no-store``.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from imvo.web.grievances import actions
from imvo.web.grievances.models import MAX_DESCRIPTION, CaseMessage, GrievanceAttachment, GrievanceCase

pytestmark = pytest.mark.django_db

COMPLAINT = {"subject": "Unpaid overtime", "description": "Overtime is not paid.", "theme": "wages"}
REAL_NAME = "payslip-Maria-Lopez.pdf"


@pytest.fixture
def mechanism(acme: Any, alice: Any) -> Any:
    return actions.create_mechanism(alice, acme, {"name": "Acme complaints", "slug": "acme-klachten"})


@pytest.fixture
def case_with_attachment(mechanism: Any) -> Any:
    pdf = SimpleUploadedFile(REAL_NAME, b"%PDF-1.4 payslip " + b"x" * 2000, content_type="application/pdf")
    case, _code = actions.submit_complaint(mechanism, dict(COMPLAINT), [pdf], language="en")
    return case


def test_handlers_without_the_identity_permission_never_see_the_file_name(
    case_with_attachment, dave, client_for
):
    case = case_with_attachment
    attachment = GrievanceAttachment.objects.get(case=case)
    client = client_for(dave)  # an editor: handles cases, no identity permission
    page = client.get(f"/o/acme/grievances/cases/{case.pk}/").content.decode()
    assert "Maria" not in page
    assert REAL_NAME not in page
    assert "PDF" in page  # "Attachment 1 (PDF, 2.0 KB)"
    download = client.get(f"/o/acme/grievances/attachments/{attachment.pk}/")
    assert download.status_code == 200
    disposition = download["Content-Disposition"]
    assert "Maria" not in disposition
    assert f'filename="attachment-{attachment.pk}.pdf"' in disposition


def test_handlers_with_the_identity_permission_see_the_real_name(case_with_attachment, alice, client_for):
    case = case_with_attachment
    actions.grant_identity_access(alice, case.organisation, alice)
    attachment = GrievanceAttachment.objects.get(case=case)
    client = client_for(alice)
    assert REAL_NAME in client.get(f"/o/acme/grievances/cases/{case.pk}/").content.decode()
    assert REAL_NAME in client.get(f"/o/acme/grievances/attachments/{attachment.pk}/")["Content-Disposition"]


def test_a_huge_complaint_description_is_refused_with_a_message(mechanism):
    huge = "x" * 1_900_000
    response = Client().post(f"/g/{mechanism.slug}/", {**COMPLAINT, "description": huge})
    assert response.status_code == 200
    assert "at most 20000 characters" in str(response.context["form"].errors["description"]).replace(",", "")
    assert not GrievanceCase.objects.exists()
    # The text area tells the browser too.
    assert f'maxlength="{MAX_DESCRIPTION}"' in Client().get(f"/g/{mechanism.slug}/").content.decode()


def test_the_refusal_is_translated(mechanism):
    response = Client().post(
        f"/g/{mechanism.slug}/",
        {**COMPLAINT, "description": "x" * (MAX_DESCRIPTION + 1)},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert "niet meer dan 20000 tekens" in str(response.context["form"].errors["description"])


def test_every_free_text_of_a_case_is_capped_below_the_forms_too(mechanism, alice):
    with pytest.raises(ValueError, match="longer than"):
        actions.submit_complaint(mechanism, {**COMPLAINT, "description": "x" * (MAX_DESCRIPTION + 1)})
    case, _code = actions.submit_complaint(mechanism, dict(COMPLAINT))
    with pytest.raises(ValueError, match="longer than"):
        actions.add_complainant_reply(case, "x" * 10_001)
    with pytest.raises(ValueError, match="longer than"):
        actions.post_update(alice, case, "x" * 10_001)
    assert not CaseMessage.objects.exists()
    case.desired_outcome = "x" * 5_001
    with pytest.raises(ValidationError):
        case.full_clean()


def test_replies_and_handlers_forms_refuse_huge_texts(mechanism, alice, client_for):
    case, code = actions.submit_complaint(mechanism, dict(COMPLAINT))
    public = Client()
    public.post(f"/g/{mechanism.slug}/follow/", {"reference": case.reference, "access_code": code})
    public.post(f"/g/{mechanism.slug}/case/", {"body": "x" * 100_000})
    handler = client_for(alice)
    handler.post(
        f"/o/acme/grievances/cases/{case.pk}/move/",
        {"to_phase": "initial_assessment", "reason": "x" * 100_000},
    )
    handler.post(f"/o/acme/grievances/cases/{case.pk}/update/", {"body": "x" * 100_000})
    case.refresh_from_db()
    assert case.phase == "received"
    assert not CaseMessage.objects.exists()


def test_pages_with_a_complaint_or_an_identity_are_never_cached(case_with_attachment, alice, client_for):
    case = case_with_attachment
    client = client_for(alice)
    for url in (
        f"/o/acme/grievances/cases/{case.pk}/",
        "/o/acme/grievances/cases/",
        "/o/acme/grievances/cases.csv",
        "/o/acme/grievances/access/",
        f"/o/acme/grievances/attachments/{GrievanceAttachment.objects.get().pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
