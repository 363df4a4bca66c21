"""The audit trail: recorded by record_audit_event, shown to owners and reviewers only."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from imvo.web.audit import record_audit_event
from imvo.web.audit.models import AuditEvent
from imvo.web.audit.trail import field_changes
from imvo.web.organisations.models import Membership

pytestmark = pytest.mark.django_db

TRAIL = reverse("organisations:audit_trail", kwargs={"org": "acme"})


def test_record_audit_event_stores_actor_object_and_json_safe_changes(alice, acme):
    membership = Membership.objects.get(user=alice)
    event = record_audit_event(
        alice,
        acme,
        "update",
        membership,
        {"due": [None, datetime.date(2026, 3, 1)], "cost": Decimal("12.50")},
    )
    event.refresh_from_db()
    assert (event.actor, event.actor_label, event.action) == (alice, "alice@example.org", "update")
    assert (event.object_type, event.object_id) == ("membership", str(membership.pk))
    assert event.changes == {"due": [None, "2026-03-01"], "cost": "12.50"}


def test_system_events_have_no_actor(acme):
    event = record_audit_event(None, acme, "start_scan", None, {}, object_type="scan", object_id=7)
    assert event.actor is None
    assert event.actor_label == "system"
    assert event.object_id == "7"


def test_field_changes_lists_only_what_differs():
    assert field_changes({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {"b": [2, 3], "c": [None, 4]}


def test_owners_and_reviewers_see_the_trail_others_do_not(alice, bob, carol, dave, charlie, acme, client_for):
    record_audit_event(alice, acme, "publish", None, {"version": 3}, object_type="report", object_id=1)
    for user in (alice, carol):
        response = client_for(user).get(TRAIL)
        assert response.status_code == 200
        assert b"publish" in response.content
    for user in (bob, dave):
        assert client_for(user).get(TRAIL).status_code == 403
    assert client_for(charlie).get(TRAIL).status_code == 404


def test_the_trail_never_shows_another_organisations_events(
    alice, charlie, other_organisation, acme, client_for
):
    record_audit_event(charlie, other_organisation, "delete", None, {"secret": "x"}, object_type="risk")
    response = client_for(alice).get(TRAIL)
    assert b"charlie@example.org" not in response.content


def test_the_trail_filters_by_record_type_and_pages(alice, acme, client_for, django_assert_max_num_queries):
    for number in range(60):
        record_audit_event(alice, acme, "create", None, {"n": number}, object_type="risk", object_id=number)
    record_audit_event(alice, acme, "create", None, {}, object_type="measure", object_id=1)
    client = client_for(alice)
    with django_assert_max_num_queries(10):
        first_page = client.get(TRAIL)
    assert len(first_page.context["page"]) == 50
    only_measures = client.get(TRAIL, {"type": "measure"})
    assert [event.object_type for event in only_measures.context["page"]] == ["measure"]
    assert AuditEvent.objects.count() == 61


def test_an_audit_event_cannot_be_rewritten(alice, acme):
    event = record_audit_event(alice, acme, "create", None, {"x": 1}, object_type="risk", object_id=1)
    event.action = "nothing happened"
    with pytest.raises(PermissionError):
        event.save()
    event.refresh_from_db()
    assert event.action == "create"


def test_the_trail_reads_as_sentences_in_the_chosen_language(alice, bob, acme, client_for):
    membership = Membership.objects.get(user=bob)
    record_audit_event(alice, acme, "change_role", membership, {"role": ["viewer", "editor"]})
    client = client_for(alice)
    english = client.get(TRAIL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "changed the role" in english
    # A code with choices reads as its label, in the reader's language.
    assert "<del>Viewer</del>" in english
    assert "<ins>Editor</ins>" in english
    dutch = client.get(TRAIL, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "rol gewijzigd" in dutch
    assert "<dt>rol</dt>" in dutch  # the field's verbose name, translated
    assert "<del>Lezer</del>" in dutch
    assert "<ins>Bewerker</ins>" in dutch


def test_string_values_render_whole_and_lists_render_as_items(alice, acme, client_for):
    record_audit_event(
        alice, acme, "create", object_type="policy", object_id=1, changes={"title": "Code of conduct"}
    )
    record_audit_event(
        alice,
        acme,
        "upload",
        object_type="monitoring_round",
        object_id=2,
        changes={"disclosures": ["a.pdf", "b.pdf"]},
    )
    record_audit_event(
        alice,
        acme,
        "create",
        object_type="monitoring_round",
        object_id=3,
        changes={"criteria_sets": ["x", "y", "z"]},
    )
    record_audit_event(
        alice,
        acme,
        "update",
        object_type="monitoring_round",
        object_id=3,
        changes={"criteria_sets": [["x"], ["x", "y"]]},
    )
    page = client_for(alice).get(TRAIL).content.decode()
    assert "<dd>Code of conduct</dd>" in page
    # Two uploaded files are two items, not "a.pdf became b.pdf".
    assert '<ul class="change-items"><li>a.pdf</li><li>b.pdf</li></ul>' in page
    assert "<del>a.pdf</del>" not in page
    assert "<li>x</li><li>y</li><li>z</li>" in page
    assert "['" not in page
    assert "[&#x27;" not in page
    assert '<del><ul class="change-items"><li>x</li></ul>' in page
    assert '<ins><ul class="change-items"><li>x</li><li>y</li></ul></ins>' in page


def test_display_values_keep_strings_whole():
    from imvo.web.audit.presentation import display_value

    long_text = "Supplier code of conduct, signed by all tier-1 suppliers"
    assert display_value(long_text).entries == ()
    assert str(display_value(long_text)) == long_text
    assert display_value(["a", "b"]).entries == ("a", "b")
    assert str(display_value(["a", "b"])) == "a; b"
    assert display_value({"c1": [True, False]}).entries == ("c1: yes → no",)
    assert str(display_value(None)) == "—"


def test_the_change_values_keep_a_readable_width():
    # "overflow-wrap: anywhere" let the value column of a squeezed table shrink to one character.
    from django.conf import settings

    css = (settings.WEB_DIR / "static" / "css" / "imvo.css").read_text(encoding="utf-8")
    rules = {line.split("{")[0].strip(): line for line in css.splitlines() if line.startswith(".changes")}
    assert "anywhere" not in rules[".changes dd"]
    assert "min-width" in rules[".changes dd"]
