"""Sign-in with throttling, the TOTP second factor, sign-up by invitation and password reset."""

from __future__ import annotations

import re
import time

import pyotp
import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from imvo.web.accounts.models import FailedLogin, User
from imvo.web.organisations.models import Invitation, Membership
from tests.web.conftest import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def _login(client, email, password, **extra):
    return client.post(LOGIN, {"email": email, "password": password}, **extra)


def test_login_with_the_right_password_signs_in_and_lands_on_the_organisation(alice, client):
    response = _login(client, "Alice@Example.org", PERSONA_PASSWORD)
    assert response.status_code == 302
    assert response.wsgi_request.user == alice
    follow = client.get(response["Location"], follow=True)
    assert follow.redirect_chain[-1][0] == reverse("organisations:overview", kwargs={"org": "acme"})


def test_login_with_a_wrong_password_fails_and_is_counted(alice, client):
    response = _login(client, "alice@example.org", "wrong password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert FailedLogin.objects.filter(username="alice@example.org").count() == 1


def test_next_parameter_is_followed_only_within_the_site(alice, client):
    inside = client.post(
        LOGIN, {"email": "alice@example.org", "password": PERSONA_PASSWORD, "next": "/o/acme/members/"}
    )
    assert inside["Location"] == "/o/acme/members/"
    client.logout()
    outside = client.post(
        LOGIN, {"email": "alice@example.org", "password": PERSONA_PASSWORD, "next": "https://evil.example/"}
    )
    assert outside["Location"] == reverse("accounts:home")


def test_an_account_is_locked_after_five_failures_even_with_the_right_password(alice, client, settings):
    for _ in range(settings.IMVO_LOGIN_MAX_FAILURES_PER_ACCOUNT):
        _login(client, "alice@example.org", "guess")
    response = _login(client, "alice@example.org", PERSONA_PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_from_other_addresses_are_counted_per_ip(alice, bob, client, settings):
    settings.IMVO_LOGIN_MAX_FAILURES_PER_IP = 3
    for number in range(3):
        _login(client, f"nobody{number}@example.org", "guess", REMOTE_ADDR="203.0.113.9")
    # Bob's own account is fine, but this address is blocked ...
    blocked = _login(client, "bob@example.org", PERSONA_PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert blocked.status_code == 429
    # ... while another address may still sign in.
    allowed = _login(client, "bob@example.org", PERSONA_PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert allowed.status_code == 302


def test_a_successful_login_clears_the_account_failures(alice, client):
    _login(client, "alice@example.org", "guess")
    _login(client, "alice@example.org", PERSONA_PASSWORD)
    assert not FailedLogin.objects.filter(username="alice@example.org").exists()


def _enable_totp(user) -> pyotp.TOTP:
    secret = pyotp.random_base32()
    User.objects.filter(pk=user.pk).update(totp_enabled=True, totp_secret=secret)
    return pyotp.TOTP(secret)


def test_totp_users_are_not_signed_in_until_the_code_is_checked(alice, client):
    generator = _enable_totp(alice)
    response = _login(client, "alice@example.org", PERSONA_PASSWORD)
    assert response["Location"] == reverse("accounts:login_verify")
    assert "_auth_user_id" not in client.session
    # Organisation pages are still closed.
    assert client.get(reverse("organisations:members", kwargs={"org": "acme"})).status_code == 302
    wrong = client.post(reverse("accounts:login_verify"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    right = client.post(reverse("accounts:login_verify"), {"code": generator.now()})
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_a_totp_code_cannot_be_used_twice(alice, client):
    generator = _enable_totp(alice)
    code = generator.now()
    _login(client, "alice@example.org", PERSONA_PASSWORD)
    assert client.post(reverse("accounts:login_verify"), {"code": code}).status_code == 302
    client.logout()
    _login(client, "alice@example.org", PERSONA_PASSWORD)
    replay = client.post(reverse("accounts:login_verify"), {"code": code})
    assert replay.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_verify_step_without_a_password_check_goes_back_to_login(client):
    response = client.get(reverse("accounts:login_verify"))
    assert response["Location"] == LOGIN


def test_enrolling_totp_needs_a_valid_code_from_the_shown_secret(alice, client_for):
    client = client_for(alice)
    page = client.get(reverse("accounts:two_factor"))
    secret = page.context["secret"]
    assert page.context["provisioning_uri"].startswith("otpauth://totp/")
    refused = client.post(reverse("accounts:two_factor"), {"code": "123456"})
    assert refused.status_code == 200
    alice.refresh_from_db()
    assert not alice.totp_enabled
    client.post(reverse("accounts:two_factor"), {"code": pyotp.TOTP(secret).at(time.time())})
    alice.refresh_from_db()
    assert alice.totp_enabled
    assert alice.totp_secret == secret


def test_invitation_sign_up_creates_the_account_and_the_membership(alice, acme, client):
    invitation, token = Invitation.issue(acme, "Erin@Example.org", "reviewer", alice)
    url = reverse("accounts:accept_invitation", kwargs={"token": token})
    page = client.get(url)
    assert page.status_code == 200
    assert b"erin@example.org" in page.content
    weak = client.post(url, {"first_name": "Erin", "password1": "12345678", "password2": "12345678"})
    assert weak.status_code == 200
    assert not User.objects.filter(email="erin@example.org").exists()
    password = "a long and unusual passphrase 7"
    done = client.post(
        url, {"first_name": "Erin", "last_name": "E", "password1": password, "password2": password}
    )
    assert done["Location"] == reverse("organisations:overview", kwargs={"org": "acme"})
    erin = User.objects.get(email="erin@example.org")
    assert Membership.objects.get(user=erin, organisation=acme).role == "reviewer"
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    # The link works once.
    client.logout()
    assert client.get(url).status_code == 404


def test_expired_or_unknown_invitations_are_refused(alice, acme, client):
    invitation, token = Invitation.issue(acme, "late@example.org", "viewer", alice)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=invitation.created_at)
    assert client.get(reverse("accounts:accept_invitation", kwargs={"token": token})).status_code == 404
    assert client.get(reverse("accounts:accept_invitation", kwargs={"token": "forged"})).status_code == 404


def test_an_existing_user_joins_a_second_organisation_after_signing_in(alice, charlie, acme, client_for):
    invitation, token = Invitation.issue(acme, "charlie@example.org", "viewer", alice)
    url = reverse("accounts:accept_invitation", kwargs={"token": token})
    client = client_for(charlie)
    assert client.get(url).status_code == 200
    client.post(url)
    assert Membership.objects.get(user=charlie, organisation=acme).role == "viewer"


def test_password_reset_mails_a_working_link(alice, client):
    response = client.post(reverse("accounts:password_reset"), {"email": "alice@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/\S+/", mail.outbox[0].body).group(0)
    # The link is built from IMVO_SITE_URL (not the request's host); the test client needs the path.
    assert link.startswith(settings.IMVO_SITE_URL + "/")
    path = link.removeprefix(settings.IMVO_SITE_URL)
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"] is True
    new_password = "another long passphrase 99"
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    alice.refresh_from_db()
    assert alice.check_password(new_password)


def test_password_reset_does_not_reveal_whether_an_address_exists(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []
