"""The steering group's confidentiality protocol: redaction, a second person's approval, and a record of
what was withheld and why — never the content."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from imvo.web.audit.models import AuditEvent
from imvo.web.covenants import actions
from imvo.web.covenants.models import DocumentStatus

pytestmark = pytest.mark.django_db

MINUTES = (
    "The steering group discussed the living-wage project.\n\n"
    "Company X pays its Bangladeshi supplier 4.10 dollars per piece.\n\n"
    "Mr Y thinks the NGOs are naive.\n\n"
    "Decision: the project continues in 2026."
)


def _document(covenant, alice):
    meeting = actions.add_meeting(alice, covenant, dt.date(2025, 11, 1), "Steering group 3")
    return actions.add_document(
        alice, covenant, meeting, {"kind": "minutes", "title": "Minutes", "text": MINUTES}
    )


def test_a_redacted_minute_needs_a_second_person_and_publishes_no_withheld_content(
    covenant, alice, dave, client
):
    document = _document(covenant, alice)
    actions.propose_redaction(alice, document, {2: "competition", 3: "personal"})
    with pytest.raises(PermissionDenied):
        actions.approve_redaction(alice, document, True)
    public_url = reverse("covenants:public", kwargs={"covenant": "convenant"})
    assert "living-wage" not in client.get(public_url).content.decode()  # not before approval
    actions.approve_redaction(dave, document, True)
    document.refresh_from_db()
    assert document.status == DocumentStatus.PUBLISHED
    body = client.get(public_url).content.decode()
    assert "living-wage project" in body
    assert "continues in 2026" in body
    assert "4.10" not in body
    assert "naive" not in body
    assert "Competition-sensitive information" in body or "Concurrentiegevoelige informatie" in body
    # The record says which passage and why, never its content.
    assert document.withheld == [
        {"passage": 2, "reason": "competition"},
        {"passage": 3, "reason": "personal"},
    ]
    for event in AuditEvent.objects.filter(organisation=covenant):
        assert "4.10" not in str(event.changes)
        assert "naive" not in str(event.changes)


def test_a_sent_back_redaction_returns_to_draft(covenant, alice, dave):
    document = _document(covenant, alice)
    actions.propose_redaction(alice, document, {2: "competition"})
    actions.approve_redaction(dave, document, False)
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT
    assert not document.published_text
    with pytest.raises(ValidationError):
        actions.propose_redaction(alice, document, {9: "competition"})


def test_document_requests_and_answers_are_logged(covenant, members, alice):
    logged = actions.log_request(
        alice,
        covenant,
        {
            "party": members[0]["party"],
            "request": "Minutes of meeting 3",
            "requested_on": dt.date(2025, 11, 5),
        },
    )
    actions.answer_request(alice, covenant, logged, "Sent the published version.", dt.date(2025, 11, 8))
    with pytest.raises(ValidationError):
        actions.answer_request(alice, covenant, logged, "Again", dt.date(2025, 11, 9))
    assert AuditEvent.objects.filter(organisation=covenant, object_type="documentrequest").count() == 2


def test_a_member_requests_a_document_and_reads_the_answer(covenant, members, alice, client_for):
    from django.urls import reverse as url_for

    from imvo.web.covenants import queries

    member = members[0]
    client = client_for(member["owner"])
    url = url_for("covenants:member_request", kwargs={"org": "kleding-1", "party_id": member["party"].pk})
    assert client.post(url, {f"d{member['party'].pk}-request": "The minutes of meeting 3"}).status_code == 302
    logged = queries.document_requests(covenant).get()
    assert logged.party == member["party"]
    assert (
        AuditEvent.objects.filter(organisation=member["company"], object_type="documentrequest").count() == 1
    )
    actions.answer_request(alice, covenant, logged, "Published on our page.", dt.date(2026, 1, 5))
    home = client.get(url_for("covenants:member_home", kwargs={"org": "kleding-1"})).content.decode()
    assert "Published on our page." in home
    # Another member cannot ask in member 1's name.
    other = client_for(members[1]["owner"]).post(
        url_for("covenants:member_request", kwargs={"org": "kleding-2", "party_id": member["party"].pk}),
        {f"d{member['party'].pk}-request": "x"},
    )
    assert other.status_code == 404
