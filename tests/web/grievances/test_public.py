"""The public pages: intake without an account, the access code, follow-up, abuse resistance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from imvo.web.grievances import actions
from imvo.web.grievances.models import CaseMessage, GrievanceAttachment, GrievanceCase

pytestmark = pytest.mark.django_db

COMPLAINT = {
    "subject": "Unpaid overtime",
    "description": "We work 70 hours a week and overtime is not paid.",
    "desired_outcome": "Pay us the overtime.",
    "theme": "wages",
    "country": "bd",
    "anonymous": "on",
}


def _file(client: Client, mechanism: Any, **extra: Any) -> Any:
    return client.post(f"/g/{mechanism.slug}/", {**COMPLAINT, **extra})


def _follow(client: Client, mechanism: Any, reference: str, code: str) -> Any:
    return client.post(f"/g/{mechanism.slug}/follow/", {"reference": reference, "access_code": code})


def test_anyone_can_file_an_anonymous_complaint_and_gets_a_reference_and_code_once(
    mechanism, django_capture_on_commit_callbacks
):
    client = Client()
    page = client.get(f"/g/{mechanism.slug}/")
    assert page.status_code == 200
    assert b"stay anonymous" in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = _file(client, mechanism)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    case = GrievanceCase.objects.get()
    code = response.context["access_code"]
    assert case.reference in response.content.decode()
    assert code in response.content.decode()
    assert case.anonymous
    assert case.complainant_name == ""
    assert case.country == "BD"
    assert code.replace("-", "") not in case.access_code_hash
    assert case.transitions.get().to_phase == "received"
    # Handlers are told, without the complaint's text or the code.
    assert [message.to for message in mail.outbox] == [["handlers@acme.example"]]
    assert code not in mail.outbox[0].body
    assert "overtime" not in mail.outbox[0].body


def test_the_form_is_available_in_dutch(mechanism):
    response = Client().get(f"/g/{mechanism.slug}/", HTTP_ACCEPT_LANGUAGE="nl")
    assert "Een klacht indienen" in response.content.decode()


def test_a_closed_mechanism_takes_no_complaints(mechanism):
    mechanism.is_open = False
    mechanism.save()
    response = _file(Client(), mechanism)
    assert b"does not accept" in response.content
    assert not GrievanceCase.objects.exists()


def test_an_unknown_mechanism_is_404():
    assert Client().get("/g/nobody-here/").status_code == 404


def test_a_named_complainant_gets_mail_without_the_code(mechanism, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _file(
            Client(), mechanism, anonymous="", complainant_name="Asha", complainant_email="asha@example.org"
        )
    recipients = [message.to for message in mail.outbox]
    assert ["asha@example.org"] in recipients
    complainant_mail = next(message for message in mail.outbox if message.to == ["asha@example.org"])
    assert response.context["access_code"] not in complainant_mail.body
    assert response.context["case"].reference in complainant_mail.subject


def test_attachments_are_checked_stored_outside_the_web_root_and_not_public(mechanism, media_root):
    pdf = SimpleUploadedFile("evidence.pdf", b"%PDF-1.4 payslip", content_type="application/pdf")
    response = _file(Client(), mechanism, attachments=[pdf])
    assert response.status_code == 200
    attachment = GrievanceAttachment.objects.get()
    stored = Path(attachment.file.path)
    assert stored.is_file()
    assert Path(media_root) in stored.parents
    assert Path(settings.STATIC_ROOT) not in stored.parents
    assert "evidence" not in stored.name  # the original name may identify someone
    assert Client().get(f"/media-not-served/{attachment.file.name}").status_code == 404


@pytest.mark.parametrize(
    ("name", "content"),
    [("run.exe", b"MZ\x90\x00"), ("fake.pdf", b"MZ\x90\x00 not a pdf"), ("page.html", b"<script>")],
)
def test_attachments_of_the_wrong_type_are_refused(mechanism, name, content):
    upload = SimpleUploadedFile(name, content)
    response = _file(Client(), mechanism, attachments=[upload])
    assert response.status_code == 200
    assert response.context["form"].errors["attachments"]
    assert not GrievanceCase.objects.exists()


def test_too_large_attachments_are_refused(mechanism, monkeypatch):
    from imvo.web.grievances import forms

    monkeypatch.setattr(forms, "MAX_ATTACHMENT_SIZE", 10)
    upload = SimpleUploadedFile("note.txt", b"x" * 11)
    response = _file(Client(), mechanism, attachments=[upload])
    assert "too large" in str(response.context["form"].errors["attachments"])
    assert not GrievanceCase.objects.exists()


def test_the_honeypot_swallows_bots(mechanism):
    response = _file(Client(), mechanism, website="http://spam.example")
    assert response.status_code == 200
    assert not GrievanceCase.objects.exists()


def test_submissions_are_rate_limited_per_client(mechanism):
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(actions.MAX_SUBMISSIONS_PER_CLIENT):
        assert _file(client, mechanism).status_code == 200
    assert _file(client, mechanism).status_code == 429
    assert GrievanceCase.objects.count() == actions.MAX_SUBMISSIONS_PER_CLIENT
    # Another client is not affected.
    assert _file(Client(REMOTE_ADDR="203.0.113.10"), mechanism).status_code == 200


def test_the_complainant_follows_the_case_reads_updates_and_replies(
    named_case, alice, django_capture_on_commit_callbacks
):
    case, code = named_case
    actions.post_update(alice, case, "We have contacted the supplier.", visible_to_complainant=True)
    actions.post_update(alice, case, "Internal: supplier is known for this.", visible_to_complainant=False)
    client = Client()
    assert client.get(f"/g/{case.mechanism.slug}/case/").status_code == 302  # no code yet
    response = _follow(client, case.mechanism, case.reference.lower(), code.replace("-", " "))
    assert response.status_code == 302
    page = client.get(f"/g/{case.mechanism.slug}/case/")
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert b"We have contacted the supplier." in page.content
    assert b"Internal" not in page.content
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/g/{case.mechanism.slug}/case/", {"body": "Thank you, here is more."})
    assert CaseMessage.objects.filter(case=case, author_kind="complainant").count() == 1
    assert [message.to for message in mail.outbox] == [["handlers@acme.example"]]
    client.post(f"/g/{case.mechanism.slug}/case/", {"satisfaction": "4"})
    case.refresh_from_db()
    assert case.satisfaction == 4


def test_unknown_references_and_wrong_codes_look_the_same(named_case, mechanism):
    case, _code = named_case
    wrong_code = _follow(Client(), mechanism, case.reference, "AAAA-BBBB")
    unknown = _follow(Client(), mechanism, "ABCD-EFGH-JKMN-P", "AAAA-BBBB")
    assert wrong_code.status_code == unknown.status_code == 403
    assert wrong_code.context["error"] == unknown.context["error"]


def test_a_code_works_only_at_its_own_mechanism(named_case, acme, alice):
    case, code = named_case
    other = actions.create_mechanism(alice, acme, {"name": "Second", "slug": "second"})
    assert _follow(Client(), other, case.reference, code).status_code == 403


def test_repeated_wrong_codes_never_lock_the_case(named_case, mechanism):
    # Issue 17, finding 5: a case is never locked (anyone could keep the complainant out); the
    # guessing client is limited instead (tests/abuse/test_public_follow.py).
    case, code = named_case
    for _ in range(10):
        assert (
            _follow(Client(REMOTE_ADDR="198.51.100.20"), mechanism, case.reference, "WRONG").status_code
            == 403
        )
    assert _follow(Client(REMOTE_ADDR="198.51.100.21"), mechanism, case.reference, code).status_code == 302


def test_guessing_across_references_is_rate_limited_per_client(mechanism, monkeypatch):
    monkeypatch.setattr(actions, "MAX_FAILED_CODES_PER_CLIENT", 3)
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(3):
        assert _follow(client, mechanism, "ABCD-EFGH-JKMN-P", "x").status_code == 403
    assert _follow(client, mechanism, "ABCD-EFGH-JKMN-P", "x").status_code == 429


def test_published_statements_are_redacted(named_case, alice, to_outcome_phase):
    case, _code = named_case
    to_outcome_phase(alice, case)
    public = Client()
    actions.record_outcome(
        alice,
        case,
        outcome="final_statement",
        statement="Maria Lopez (maria@example.org) was dismissed unfairly.",
        substantiated=None,
    )
    assert b"dismissed unfairly" not in public.get(f"/g/{case.mechanism.slug}/statements/").content
    actions.publish_statement(alice, case)
    page = public.get(f"/g/{case.mechanism.slug}/statements/").content.decode()
    assert "dismissed unfairly" in page
    assert "Maria" not in page
    assert "Lopez" not in page
    assert "maria@example.org" not in page


def test_the_complainant_sees_the_outcome_and_the_published_statement(named_case, alice, to_outcome_phase):
    case, code = named_case
    to_outcome_phase(alice, case)
    client = Client()
    _follow(client, case.mechanism, case.reference, code)
    actions.record_outcome(
        alice, case, outcome="agreement", statement="Maria Lopez is reinstated.", substantiated=True
    )
    page = client.get(f"/g/{case.mechanism.slug}/case/").content.decode()
    assert "Agreement" in page
    assert "is reinstated" not in page  # not yet published
    actions.publish_statement(alice, case)
    page = client.get(f"/g/{case.mechanism.slug}/case/").content.decode()
    assert "is reinstated" in page


def test_replies_are_rate_limited_per_client(named_case, monkeypatch):
    case, code = named_case
    monkeypatch.setattr(actions, "MAX_REPLIES_PER_CLIENT", 2)
    client = Client(REMOTE_ADDR="192.0.2.5")
    _follow(client, case.mechanism, case.reference, code)
    for index in range(4):
        client.post(f"/g/{case.mechanism.slug}/case/", {"body": f"Reply {index}"})
    assert CaseMessage.objects.filter(case=case, author_kind="complainant").count() == 2
