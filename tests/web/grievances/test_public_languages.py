"""The public complaint pages and the complainant's e-mails in the mechanism's languages (issue 13.7).

Every page a complainant sees is rendered in each added language and compared with its English
rendering: a piece of text that is still the English one is an untranslated message (a few words are
the same in both languages and listed per language). The workspace stays Dutch and English.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from imvo.core.grievances import Phase
from imvo.web.grievances import actions
from imvo.web.grievances.languages import LANGUAGE_NAMES, PUBLIC_LANGUAGES, public_country_choices
from imvo.web.grievances.models import GrievanceCase

pytestmark = pytest.mark.django_db

ADDED = ["fr", "es", "pt", "bn", "hi", "vi", "zh-hans"]
#: Words that are the same in English and the language (checked: the catalogue translates them so).
SAME_AS_ENGLISH = {"fr": {"Messages", "Corruption"}}
COMPLAINT = {
    "subject": "Unpaid overtime",
    "description": "We work 70 hours a week and overtime is not paid.",
    "theme": "wages",
    "country": "BD",
    "anonymous": "on",
}


class _Text(HTMLParser):
    """The text a reader sees (and aria-labels), without scripts and without the country list."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in {"script", "style", "title"} or (tag == "select" and found.get("id") == "id_country"):
            self._skip.append(tag)
        if found.get("aria-label"):
            self.parts.append(str(found["aria-label"]))

    def handle_endtag(self, tag: str) -> None:
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.parts.append(data)


def _fragments(html: str, data: set[str]) -> set[str]:
    parser = _Text()
    parser.feed(html)
    fragments = {" ".join(part.split()) for part in parser.parts}
    # Names and data are not messages: the mechanism's name, references, the language names.
    return {
        fragment
        for fragment in fragments
        if re.search(r"[A-Za-z]{3}", fragment) and not any(item in fragment for item in data)
    }


def _data(mechanism: Any, *cases: Any) -> set[str]:
    return {
        mechanism.name,
        *LANGUAGE_NAMES.values(),
        *(case.reference for case in cases),
        *COMPLAINT.values(),
        "Handler update.",
        "Agreed to pay.",
        "On to",
    }


def _assert_translated(language: str, page: str, english: str, data: set[str]) -> None:
    assert f'<html lang="{language}">' in page
    left = _fragments(page, data) & _fragments(english, data)
    assert left - SAME_AS_ENGLISH.get(language, set()) == set(), f"untranslated in {language}: {left}"


@pytest.fixture
def multilingual(mechanism: Any) -> Any:
    mechanism.languages = [code for code, _name in PUBLIC_LANGUAGES]
    mechanism.save()
    return mechanism


def _get(client: Client, url: str, language: str) -> str:
    response = client.get(url, {"lang": language})
    assert response.status_code == 200
    assert response["Content-Language"] == language
    return response.content.decode()


def _intake_pages(mechanism: Any, language: str) -> list[str]:
    url = f"/g/{mechanism.slug}/"
    client = Client()
    form = _get(client, url, language)
    wrong = client.post(
        f"{url}?lang={language}",
        {
            "complainant_name": "Someone",
            "complainant_email": "not an address",
            "anonymous": "on",
            "attachments": SimpleUploadedFile("tool.exe", b"MZ\x90\x00"),
        },
    ).content.decode()
    received = client.post(f"{url}?lang={language}", COMPLAINT).content.decode()
    follow = _get(client, f"{url}follow/", language)
    refused = client.post(
        f"{url}follow/?lang={language}", {"reference": "K7Q2-9MZD-4HXA-P", "access_code": "wrong"}
    ).content.decode()
    statements = _get(client, f"{url}statements/", language)
    return [form, wrong, received, follow, refused, statements]


def _handled_case(mechanism: Any, alice: Any, language: str) -> tuple[Any, str]:
    case, code = actions.submit_complaint(
        mechanism,
        {**COMPLAINT, "anonymous": True, "country": "BD", "complainant_email": "worker@example.org"},
        language=language,
    )
    for phase in (Phase.INITIAL_ASSESSMENT, Phase.GOOD_OFFICES, Phase.OUTCOME):
        actions.move_case(alice, case, phase, f"On to {phase.value}.")
    actions.record_outcome(alice, case, outcome="agreement", statement="Agreed to pay.", substantiated=True)
    actions.move_case(alice, case, Phase.FOLLOW_UP, "On to follow-up.")
    actions.post_update(alice, case, "Handler update.", visible_to_complainant=True)
    return case, code


def _case_page(mechanism: Any, case: Any, code: str, language: str | None = None) -> str:
    client = Client()
    client.post(f"/g/{mechanism.slug}/follow/", {"reference": case.reference, "access_code": code})
    query = {"lang": language} if language else {}
    response = client.get(f"/g/{mechanism.slug}/case/", query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ADDED)
def test_intake_follow_up_and_statements_pages_are_wholly_in_the_language(
    multilingual: Any, language: Any
) -> None:
    english = _intake_pages(multilingual, "en")
    translated = _intake_pages(multilingual, language)
    cases = list(GrievanceCase.objects.all())
    data = _data(multilingual, *cases)
    for page, english_page in zip(translated, english, strict=True):
        _assert_translated(language, page, english_page, data)
    # The complaint filed in the language keeps it: the case page and the e-mails use it.
    assert GrievanceCase.objects.filter(language=language).count() == 1


@pytest.mark.parametrize("language", ADDED)
def test_the_case_page_and_the_e_mails_are_in_the_complainants_language(
    multilingual: Any, alice: Any, language: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        english_case, english_code = _handled_case(multilingual, alice, "en")
    english_mail = [message for message in mail.outbox if message.to == ["worker@example.org"]]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case, code = _handled_case(multilingual, alice, language)
    # The case's language, not the browser's: no ?lang= in the address.
    english = _case_page(multilingual, english_case, english_code)
    page = _case_page(multilingual, case, code)
    _assert_translated(language, page, english, _data(multilingual, case, english_case))
    assert "Handler update." in page
    mails = [message for message in mail.outbox if message.to == ["worker@example.org"]]
    assert len(mails) == len(english_mail) == 6  # received, three moves, follow-up, the update
    for message, english_message in zip(mails, english_mail, strict=True):
        english_sentences = {
            line for line in english_message.body.splitlines() if line and "http" not in line
        }
        assert not any(sentence in message.body for sentence in english_sentences), message.body
        assert message.subject != english_message.subject.replace(english_case.reference, case.reference)
        assert f"/g/{multilingual.slug}/follow/?lang={language}" in message.body
        assert "Unpaid overtime" not in message.body
        assert code not in message.body


def _menu(page: str) -> list[tuple[str, str]]:
    nav = re.search(r'class="public-languages".*?</(nav|form)>', page, re.S)
    assert nav is not None
    return re.findall(r'lang="([\w-]+)"[^>]*>([^<]+)<', nav.group(0))


def test_the_menu_lists_each_offered_language_named_in_itself(multilingual: Any) -> None:
    page = _get(Client(), f"/g/{multilingual.slug}/", "bn")
    assert _menu(page) == [(code, name) for code, name in PUBLIC_LANGUAGES]
    assert ("zh-hans", "中文（简体）") in _menu(page)
    # The workspace's switcher is not on the public pages, and the workspace stays Dutch/English.
    assert 'id="language-select"' not in page
    assert [code for code, _name in settings.LANGUAGES] == ["nl", "en"]


def test_the_owners_choice_limits_the_menu_and_the_pages(mechanism: Any) -> None:
    mechanism.languages = ["fr", "bn"]
    mechanism.save()
    client = Client()
    page = _get(client, f"/g/{mechanism.slug}/", "bn")
    assert _menu(page) == [("fr", "Français"), ("bn", "বাংলা")]
    # A language the mechanism does not offer is not served, whatever is asked or preferred.
    spanish = client.get(f"/g/{mechanism.slug}/", {"lang": "es"}, HTTP_ACCEPT_LANGUAGE="es")
    assert spanish["Content-Language"] == "fr"
    assert "Presentar una queja" not in spanish.content.decode()
    # The browser's preference among the offered ones is honoured ("bn-BD" is Bengali).
    assert (
        client.get(f"/g/{mechanism.slug}/", HTTP_ACCEPT_LANGUAGE="bn-BD,en;q=0.5")["Content-Language"] == "bn"
    )
    assert client.get(f"/g/{mechanism.slug}/follow/")["Content-Language"] == "fr"


def test_an_existing_mechanism_keeps_dutch_and_english(mechanism: Any) -> None:
    assert mechanism.languages == ["nl", "en"]
    page = Client().get(f"/g/{mechanism.slug}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="en">' in page
    assert _menu(page) == [("nl", "Nederlands"), ("en", "English")]


def test_chinese_for_simplified_only(multilingual: Any) -> None:
    client = Client()
    assert (
        client.get(f"/g/{multilingual.slug}/", HTTP_ACCEPT_LANGUAGE="zh-CN")["Content-Language"] == "zh-hans"
    )
    assert client.get(f"/g/{multilingual.slug}/", HTTP_ACCEPT_LANGUAGE="zh-TW")["Content-Language"] == "en"


def test_the_owner_chooses_the_languages(acme: Any, alice: Any, client_for: Any, mechanism: Any) -> None:
    client = client_for(alice)
    url = f"/o/acme/grievances/mechanisms/{mechanism.pk}/"
    form = client.get(url).content.decode()
    assert 'value="bn"' in form
    assert "বাংলা" in form
    fields = {
        "name": mechanism.name,
        "slug": mechanism.slug,
        "variant": mechanism.variant,
        "is_open": "on",
        "received_days": 14,
        "initial_assessment_days": 90,
        "good_offices_days": 180,
        "outcome_days": 90,
        "follow_up_days": 365,
        "retention_days": 730,
    }
    refused = client.post(url, fields)
    assert refused.status_code == 200
    assert "Choose at least one language." in refused.content.decode()
    client.post(url, {**fields, "languages": ["zh-hans", "en", "fr"]})
    mechanism.refresh_from_db()
    assert mechanism.languages == ["en", "fr", "zh-hans"]  # in the menu's order


def test_the_complainant_changes_the_language_of_their_case(
    multilingual: Any, alice: Any, django_capture_on_commit_callbacks: Any
) -> None:
    case, code = actions.submit_complaint(
        multilingual, {**COMPLAINT, "anonymous": True, "complainant_email": "w@example.org"}, language="fr"
    )
    client = Client()
    client.post(f"/g/{multilingual.slug}/follow/", {"reference": case.reference, "access_code": code})
    assert '<html lang="fr">' in client.get(f"/g/{multilingual.slug}/case/").content.decode()
    client.post(f"/g/{multilingual.slug}/case/", {"set_language": "vi"})
    case.refresh_from_db()
    assert case.language == "vi"
    assert "Hồ sơ của bạn" in client.get(f"/g/{multilingual.slug}/case/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        actions.move_case(alice, case, Phase.INITIAL_ASSESSMENT, "Acknowledged.")
    assert "Hồ sơ của bạn đã chuyển sang giai đoạn: Đánh giá ban đầu." in mail.outbox[-1].body
    # A language the mechanism does not offer is refused.
    multilingual.languages = ["fr", "vi"]
    multilingual.save()
    client.post(f"/g/{multilingual.slug}/case/", {"set_language": "bn"})
    case.refresh_from_db()
    assert case.language == "vi"


def test_countries_are_named_in_the_language(multilingual: Any) -> None:
    page = _get(Client(), f"/g/{multilingual.slug}/", "zh-hans")
    assert '<option value="BD">孟加拉国</option>' in page
    french = _get(Client(), f"/g/{multilingual.slug}/", "fr")
    assert '<option value="CI">Côte d’Ivoire</option>' in french
    # Accents do not send a country to the end of the list.
    assert french.index(">Égypte<") < french.index(">Espagne<")


def test_the_introduction_is_shown_only_in_its_language(multilingual: Any) -> None:
    multilingual.introduction = "Klachten over onze leveranciers in Bangladesh."
    multilingual.save()
    client = Client()
    assert multilingual.introduction in _get(client, f"/g/{multilingual.slug}/", "nl")
    assert multilingual.introduction not in _get(client, f"/g/{multilingual.slug}/", "bn")
    multilingual.introduction_language = "bn"
    multilingual.introduction = "আমাদের সরবরাহকারীদের বিষয়ে অভিযোগ।"
    multilingual.save()
    assert multilingual.introduction in _get(client, f"/g/{multilingual.slug}/", "bn")
    assert multilingual.introduction not in _get(client, f"/g/{multilingual.slug}/", "nl")


def test_handlers_see_the_complainants_language(multilingual: Any, client_for: Any, alice: Any) -> None:
    case, _code = actions.submit_complaint(multilingual, {**COMPLAINT, "anonymous": True}, language="bn")
    page = client_for(alice).get(f"/o/acme/grievances/cases/{case.pk}/").content.decode()
    assert 'id="case-language" lang="bn">বাংলা<' in page


def test_the_published_report_links_the_complaint_form(mechanism: Any, alice: Any, settings: Any) -> None:
    from imvo.web.register import actions as register_actions

    settings.IMVO_SITE_URL = "https://imvo.example.org"
    closed = actions.create_mechanism(
        alice, mechanism.organisation, {"name": "Old", "slug": "old", "is_open": False}
    )
    report = register_actions.publish_report(alice, mechanism.organisation, "Report 2026")
    body = Client().get(f"/r/{report.public_id}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    link = f'<a href="https://imvo.example.org/g/{mechanism.slug}/">Make a complaint — {mechanism.name}</a>'
    assert link in body
    assert f"/g/{closed.slug}/" not in body  # a closed mechanism takes no complaints


def _po_entries(source: str) -> dict[str, str]:
    """msgid → msgstr of the singular messages of a .po file."""
    entries: dict[str, str] = {}
    for block in source.split("\n\n"):
        found = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if found:
            msgid, msgstr = (
                "".join(re.findall(r'"(.*)"', part))
                .encode()
                .decode("unicode_escape")
                .encode("latin-1")
                .decode()
                for part in found.groups()
            )
            if msgid:
                entries[msgid] = msgstr
    return entries


@pytest.mark.parametrize("folder", ["fr", "es", "pt", "bn", "hi", "vi", "zh_Hans"])
def test_the_catalogues_are_compiled_keep_placeholders_and_ask_for_review(folder: str) -> None:
    import gettext
    from pathlib import Path

    catalogue = Path(actions.__file__).parent / "locale" / folder / "LC_MESSAGES"
    source = (catalogue / "django.po").read_text(encoding="utf-8")
    assert "NOT YET REVIEWED by a native speaker" in source
    entries = {msgid: msgstr for msgid, msgstr in _po_entries(source).items() if msgstr}
    assert len(entries) > 100
    with (catalogue / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for msgid, msgstr in entries.items():
        assert compiled.gettext(msgid) == msgstr, f"run msgfmt in {catalogue}"
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(re.findall(r"%\(\w+\)s", msgstr)), msgid


def test_hindi_month_names_are_spelled_right() -> None:
    from django.utils import dates, translation

    with translation.override("hi"):
        assert [str(dates.MONTHS[month]) for month in (9, 11, 12)] == ["सितंबर", "नवंबर", "दिसंबर"]
    with translation.override("fr"):
        assert str(dates.MONTHS[12]) == "décembre"  # Django's own catalogue, untouched


@pytest.mark.parametrize("language", ADDED)
def test_published_decisions_are_in_the_language(
    acme: Any, alice: Any, to_outcome_phase: Any, language: str
) -> None:
    committee = actions.create_mechanism(
        alice,
        acme,
        {
            "name": "Covenant complaints committee",
            "slug": "covenant",
            "variant": "committee",
            "languages": [code for code, _name in PUBLIC_LANGUAGES],
        },
    )
    case, _code = actions.submit_complaint(committee, {**COMPLAINT, "anonymous": True}, language=language)
    to_outcome_phase(alice, case)
    actions.record_outcome(
        alice, case, outcome="decision_upheld", statement="Agreed to pay.", substantiated=True
    )
    client = Client()
    english = _get(client, "/g/covenant/statements/", "en")
    page = _get(client, "/g/covenant/statements/", language)
    assert "Agreed to pay." in page
    # The country in the language (CLDR names: "Bangladesh" is also French, Portuguese, Vietnamese).
    with translation.override(language):
        bangladesh = dict(public_country_choices())["BD"]
    assert f"· {bangladesh}" in page
    _assert_translated(language, page, english, _data(committee, case) | {"Bangladesh"})
