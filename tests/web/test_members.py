"""Owners manage members, invitations and API tokens; every change lands in the audit trail."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from imvo.web.audit.models import AuditEvent
from imvo.web.organisations.models import ApiToken, Invitation, Membership, hash_token

pytestmark = pytest.mark.django_db


def _url(name, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"org": "acme", **kwargs})


def test_an_owner_invites_a_reviewer_by_e_mail(alice, client_for):
    response = client_for(alice).post(_url("invite"), {"email": "auditor@example.org", "role": "reviewer"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="auditor@example.org")
    assert invitation.role == "reviewer"
    assert invitation.invited_by == alice
    [message] = mail.outbox
    assert message.to == ["auditor@example.org"]
    token = message.body.split("/accounts/invitation/")[1].split("/")[0]
    # Only the hash is stored; the mailed token matches it.
    assert token not in invitation.token_hash
    assert Invitation.objects.open().filter(token_hash=hash_token(token)).exists()
    assert AuditEvent.objects.filter(action="invite", object_type="invitation").count() == 1


def test_an_owner_changes_a_role_and_removes_a_member(alice, bob, dave, client_for):
    client = client_for(alice)
    bob_membership = Membership.objects.get(user=bob)
    client.post(_url("change_role", membership_id=bob_membership.pk), {"role": "editor"})
    bob_membership.refresh_from_db()
    assert bob_membership.role == "editor"
    dave_membership = Membership.objects.get(user=dave)
    client.post(_url("remove_member", membership_id=dave_membership.pk))
    assert not Membership.objects.filter(user=dave).exists()
    actions = list(AuditEvent.objects.order_by("id").values_list("action", "changes"))
    assert actions == [
        ("change_role", {"role": ["viewer", "editor"]}),
        ("remove", {"email": "dave@example.org", "role": "editor"}),
    ]


def test_the_last_owner_cannot_be_demoted_or_removed(alice, client_for):
    client = client_for(alice)
    own = Membership.objects.get(user=alice)
    client.post(_url("change_role", membership_id=own.pk), {"role": "viewer"})
    client.post(_url("remove_member", membership_id=own.pk))
    own.refresh_from_db()
    assert own.role == "owner"


def test_an_owner_cannot_touch_another_organisations_members(alice, charlie, client_for):
    foreign = Membership.objects.get(user=charlie)
    response = client_for(alice).post(_url("remove_member", membership_id=foreign.pk))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_editors_and_reviewers_cannot_manage_members(alice, carol, dave, client_for):
    target = Membership.objects.get(user=alice)
    for user in (carol, dave):
        response = client_for(user).post(_url("change_role", membership_id=target.pk), {"role": "viewer"})
        assert response.status_code == 403


def test_api_token_is_shown_once_stored_hashed_and_revocable(alice, acme, client_for):
    client = client_for(alice)
    response = client.post(_url("api_tokens"), {"name": "ERP export", "role": "viewer"})
    secret = response.context["new_secret"]
    assert secret.startswith("imvo_")
    token = ApiToken.objects.get()
    assert secret not in token.token_hash
    assert token.prefix == secret[:12]
    assert ApiToken.authenticate(secret) == token
    assert ApiToken.authenticate(secret + "x") is None
    assert client.get(_url("api_tokens")).context["new_secret"] is None
    client.post(_url("revoke_api_token", token_id=token.pk))
    assert ApiToken.authenticate(secret) is None


def test_member_list_query_count_does_not_grow_with_members(
    alice, acme, client_for, django_assert_max_num_queries
):
    from imvo.web.accounts.models import User

    for number in range(20):
        user = User.objects.create_user_with_email(f"m{number}@example.org", None)
        Membership.objects.create(user=user, organisation=acme, role="viewer")
    client = client_for(alice)
    with django_assert_max_num_queries(8):
        response = client.get(_url("members"))
    assert response.content.count(b"@example.org</td>") == 21


def test_the_api_token_hint_shows_the_header_with_its_placeholder(alice, client_for):
    page = client_for(alice).get(_url("api_tokens")).content.decode()
    # "<token>" unescaped would be an (invisible) HTML tag; escaped it reads as text.
    assert "<code>Authorization: Bearer &lt;token&gt;</code>" in page
    assert "<token>" not in page


def test_api_tokens_are_listed_by_what_they_may_do_not_by_role(alice, acme, client_for):
    ApiToken.issue(acme, "ERP export", role="viewer", created_by=alice)
    ApiToken.issue(acme, "Supplier sync", role="editor", created_by=alice)
    client = client_for(alice)
    rows = client.get(_url("api_tokens")).content.decode().split("<tbody>")[1].split("</tbody>")[0]
    assert "Read only" in rows
    assert "Read and write" in rows
    assert "Editor" not in rows
    assert "Viewer" not in rows
    dutch = client.get(_url("api_tokens"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Alleen lezen" in dutch
    assert "Lezen en schrijven" in dutch
    assert "Stuur het mee in deze header:" in dutch
