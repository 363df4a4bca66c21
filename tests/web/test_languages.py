"""Dutch and English: the switcher, the browser's preference and a complete, compiled catalogue."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

import imvo.web

pytestmark = pytest.mark.django_db

CATALOGUE = Path(imvo.web.__file__).parent / "locale" / "nl" / "LC_MESSAGES"


def test_the_browser_preference_chooses_dutch(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9")
    assert b'<html lang="nl">' in response.content
    assert "Wachtwoord vergeten?" in response.content.decode()


def test_english_is_the_fallback(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="fr")
    assert b'<html lang="en">' in response.content
    assert b"Forgot your password?" in response.content


def test_the_language_switcher_keeps_the_choice(client):
    response = client.post(reverse("set_language"), {"language": "nl", "next": reverse("accounts:login")})
    assert response.status_code == 302
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Inloggen" in page.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert b"Sign in" in client.get(reverse("accounts:login")).content


def test_the_switcher_refuses_foreign_redirects(client):
    response = client.post(reverse("set_language"), {"language": "nl", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_dates_are_localised(alice, acme, client_for):
    from imvo.web.audit.trail import record_audit_event

    record_audit_event(alice, acme, "create", None, {}, object_type="risk", object_id=1)
    client = client_for(alice)
    dutch = client.get(
        reverse("organisations:audit_trail", kwargs={"org": "acme"}), HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()
    english = client.get(
        reverse("organisations:audit_trail", kwargs={"org": "acme"}), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    # Dutch short dates are day-month-year with dashes; English ones use slashes (m/d/Y).
    assert re.search(r"\d{1,2}-\d{1,2}-\d{4}", dutch)
    assert re.search(r"\d{1,2}/\d{1,2}/\d{4}", english)


def _po_entries(path: Path) -> dict[str, str]:
    entries: dict[str, str] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\n' not in block:
            entries["FUZZY:" + block] = ""
        match = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if not match:
            continue
        msgid = "".join(re.findall(r'"(.*)"', match.group(1)))
        msgstr = "".join(re.findall(r'"(.*)"', match.group(2)))
        if msgid:
            entries[msgid.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")] = (
                msgstr.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            )
    return entries


def test_every_platform_string_has_a_dutch_translation():
    entries = _po_entries(CATALOGUE / "django.po")
    assert len(entries) > 100
    untranslated = [msgid for msgid, msgstr in entries.items() if not msgstr]
    assert untranslated == []


def test_the_compiled_catalogue_matches_the_source():
    entries = _po_entries(CATALOGUE / "django.po")
    with (CATALOGUE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [msgid for msgid, msgstr in entries.items() if compiled.gettext(msgid) != msgstr]
    assert stale == [], "run: cd src/imvo/web && django-admin compilemessages"


def test_placeholders_survive_translation():
    for msgid, msgstr in _po_entries(CATALOGUE / "django.po").items():
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(re.findall(r"%\(\w+\)s", msgstr)), msgid


def test_model_choices_are_translated():
    from imvo.web.organisations.models import Role

    with translation.override("nl"):
        assert str(Role.REVIEWER.label) == "Beoordelaar"
