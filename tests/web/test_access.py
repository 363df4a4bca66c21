"""organisation_view and get_membership: members in, everyone else out without learning anything."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.urls import reverse

from imvo.web.organisations.access import get_membership

pytestmark = pytest.mark.django_db


def test_get_membership_returns_the_role_of_a_member(alice, bob, carol, dave):
    assert get_membership(alice, "acme").role == "owner"
    assert get_membership(bob, "acme").role == "viewer"
    assert get_membership(carol, "acme").role == "reviewer"
    assert get_membership(dave, "acme").role == "editor"


def test_get_membership_raises_404_for_a_stranger_and_for_an_unknown_slug(alice, charlie):
    with pytest.raises(Http404):
        get_membership(charlie, "acme")
    with pytest.raises(Http404):
        get_membership(alice, "does-not-exist")


def test_a_stranger_sees_the_same_404_for_an_existing_and_a_missing_organisation(charlie, client_for):
    client = client_for(charlie)
    existing = client.get(reverse("organisations:members", kwargs={"org": "acme"}))
    missing = client.get(reverse("organisations:members", kwargs={"org": "no-such-org"}))
    assert existing.status_code == missing.status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(acme, client_for):
    url = reverse("organisations:members", kwargs={"org": "acme"})
    response = client_for(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "next=" in response["Location"]


def test_members_see_the_member_list_and_the_navigation(bob, alice, client_for):
    response = client_for(bob).get(reverse("organisations:members", kwargs={"org": "acme"}))
    assert response.status_code == 200
    assert b"alice@example.org" in response.content
    assert response.context["current_organisation"].slug == "acme"
    # A viewer is not offered owner tools and does not see the audit-trail section.
    assert b"Send invitation" not in response.content
    urls = [section["url"] for section in response.context["organisation_sections"]]
    assert reverse("organisations:audit_trail", kwargs={"org": "acme"}) not in urls


def test_a_viewer_cannot_invite(bob, client_for):
    response = client_for(bob).post(
        reverse("organisations:invite", kwargs={"org": "acme"}), {"email": "x@example.org", "role": "owner"}
    )
    assert response.status_code == 403


def test_exactly_one_navigation_section_is_marked_current(alice, client_for):
    response = client_for(alice).get(reverse("organisations:audit_trail", kwargs={"org": "acme"}))
    current = [section for section in response.context["organisation_sections"] if section["current"]]
    assert [section["url"] for section in current] == [
        reverse("organisations:audit_trail", kwargs={"org": "acme"})
    ]
    assert response.content.count(b'aria-current="page"') == 1


def test_navigation_follows_the_kind_of_organisation(alice):
    from imvo.web.organisations.navigation import organisation_sections

    company = {s["url_name"] for s in organisation_sections("acme", "owner", "company")}
    monitor = {s["url_name"] for s in organisation_sections("acme", "owner", "monitor")}
    assert {"register:risks", "obligations:overview", "monitoring:consents"} <= company
    assert "monitoring:overview" not in company
    assert "monitoring:overview" in monitor
    assert not {"register:risks", "obligations:overview", "monitoring:consents"} & monitor


def test_the_suppliers_page_has_its_own_section_and_is_the_current_one(alice, client_for):
    url = reverse("register:suppliers", kwargs={"org": "acme"})
    response = client_for(alice).get(url)
    assert response.status_code == 200
    sections = response.context["organisation_sections"]
    assert url in [section["url"] for section in sections]
    current = [section["url"] for section in sections if section["current"]]
    assert current == [url]  # not "Overview"
    assert f'<a href="{url}" aria-current="page">Suppliers</a>'.encode() in response.content
    dutch = client_for(alice).get(url, HTTP_ACCEPT_LANGUAGE="nl")
    assert f'<a href="{url}" aria-current="page">Leveranciers</a>'.encode() in dutch.content


def test_the_overview_is_current_only_on_its_own_page(acme, alice, client_for):
    home = reverse("register:progress", kwargs={"org": "acme"})
    on_home = client_for(alice).get(home)
    assert [s["url"] for s in on_home.context["organisation_sections"] if s["current"]] == [home]
    # A page deeper in a section (editing a follow-up) marks that section, never also "Overview".
    import datetime as dt

    from imvo.web.register import actions

    risk = actions.create_manual_risk(alice, acme, {"title": "Overtime"})
    measure = actions.add_measure(
        alice, acme, risk, {"kind": "prevent", "description": "Rosters", "owner": "HR"}
    )
    follow_up = actions.record_follow_up(
        alice, acme, measure, {"kind": "kpi", "planned_on": dt.date(2030, 1, 1)}
    )
    page = client_for(alice).get(
        reverse("register:follow_up_edit", kwargs={"org": "acme", "follow_up_id": follow_up.pk})
    )
    assert page.status_code == 200
    follow_ups = reverse("register:follow_ups", kwargs={"org": "acme"})
    assert [s["url"] for s in page.context["organisation_sections"] if s["current"]] == [follow_ups]
