"""Links in e-mails are absolute and start with the configured site address (IMVO_SITE_URL)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

SITE = "https://imvo.example.org"


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.IMVO_SITE_URL = SITE


def _links(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


def _no_relative_links(body: str) -> None:
    # Every path in the mail is part of an absolute link.
    for path in re.findall(r"(?<![\w.:/])/[a-z]+/\S*", body):
        pytest.fail(f"relative link {path!r} in: {body}")


def test_the_default_site_address_is_the_demo_address():
    from imvo.web import settings as project_settings

    assert project_settings.IMVO_SITE_URL.startswith(("http://", "https://"))
    assert not project_settings.IMVO_SITE_URL.endswith("/")


def test_a_bad_site_address_is_refused(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from imvo.web import settings as project_settings

    monkeypatch.setenv("IMVO_SITE_URL", "imvo.example.org")
    with pytest.raises(ImproperlyConfigured):
        project_settings._site_url()
    monkeypatch.setenv("IMVO_SITE_URL", "https://imvo.example.org/")
    assert project_settings._site_url() == SITE


def test_the_password_reset_mail_links_to_the_configured_site(alice, client):
    client.post(reverse("accounts:password_reset"), {"email": "alice@example.org"})
    [message] = mail.outbox
    [link] = _links(message.body)
    assert link.startswith(SITE + "/accounts/password/reset/")
    _no_relative_links(message.body)


def test_the_invitation_mail_links_to_the_configured_site(alice, client_for):
    client_for(alice).post(
        reverse("organisations:invite", kwargs={"org": "acme"}),
        {"email": "new@example.org", "role": "viewer"},
    )
    [message] = mail.outbox
    [link] = _links(message.body)
    assert link.startswith(SITE + "/accounts/invitation/")


def test_grievance_mails_link_to_the_configured_site(acme, alice, django_capture_on_commit_callbacks):
    from imvo.web.grievances import actions

    mechanism = actions.create_mechanism(
        alice, acme, {"name": "Acme grievances", "slug": "acme-klachten", "handler_email": "h@acme.example"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        case, _code = actions.submit_complaint(
            mechanism,
            {
                "subject": "Unpaid overtime",
                "description": "Overtime was not paid.",
                "theme": "wages",
                "country": "IN",
                "anonymous": False,
                "complainant_name": "Asha",
                "complainant_email": "asha@example.org",
            },
            language="en",
        )
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert _links(by_recipient["asha@example.org"]) == [SITE + "/g/acme-klachten/follow/"]
    assert _links(by_recipient["h@acme.example"]) == [f"{SITE}/o/acme/grievances/cases/{case.pk}/"]
    for body in by_recipient.values():
        _no_relative_links(body)


def test_the_complainant_mail_is_in_their_language_with_the_absolute_link(
    acme, alice, django_capture_on_commit_callbacks
):
    from imvo.web.grievances import actions

    mechanism = actions.create_mechanism(alice, acme, {"name": "Acme klachten", "slug": "acme-nl"})
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit_complaint(
            mechanism,
            {
                "subject": "Loon",
                "description": "Niet betaald.",
                "theme": "wages",
                "country": "NL",
                "anonymous": False,
                "complainant_name": "Jan",
                "complainant_email": "jan@example.org",
            },
            language="nl",
        )
    body = next(message.body for message in mail.outbox if message.to == ["jan@example.org"])
    assert f"toegangscode op {SITE}/g/acme-nl/follow/" in body
