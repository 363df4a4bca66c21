"""Every page in Dutch: no English words and no raw codes when a user has chosen Dutch.

The fixture is the demo's own data (``imvo.demo.seed``'s seeders): a company whose register holds a
real scan of the example supplier list (``examples/leveranciers.csv``), its policy, measures and
follow-ups, a grievance mechanism with cases, an obligations profile, a monitor organisation with a
completed round and a sector covenant, plus a published report. The walker reads every GET pattern
from the URLconf (the generated permission test's walker), fills the path parameters with the
fixture's objects, and reads each page with the Dutch language cookie as the demo's owner (public
pages anonymously, the legal-values pages as an installation administrator).

Only the visible text counts: ``<script>`` and ``<style>`` are dropped, attributes are not read.
Two kinds of text are not Dutch on purpose and are left out: a passage the page itself declares to
be in another language (``lang="en"``: a quotation from an English source, the title of an English
publication; WCAG 3.1.2) and computer code (``<code>``, ``<kbd>``: a column name to type in a file, a
command for the installation's administrator). Data people typed or uploaded (supplier and product
names as written in the supplier list, organisation and person names, complaints, file names) is
taken out before the check: it is theirs, not ours.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

import imvo.web
from tests.web.test_permissions import Route, _model_for, _organisation_filter, all_routes

pytestmark = pytest.mark.django_db

#: English words that never occur in Dutch interface text. Words Dutch shares are left out: "is",
#: "in", "de", "of", "was", "we", "had", "over", "die", "been", "week", "status", "type", "scan",
#: "filter", "export", "sector", "token", "open", "product", "training", "stakeholders", "monitor",
#: "details", "help", "upload" (of "uploaden") and "due" (of "due diligence", as Dutch law writes it).
_ENGLISH_WORDS_TEXT = """
    the and with without from into about after before between each every only than their they them this
    that these those there where which when what who whose why how you your yours our it its are were
    will would should could has have not none yes true false can't don't isn't risk risks supplier
    suppliers measure measures save cancel found edit delete report reports complaint complaints
    settings grievance grievances obligation obligations covenant covenants member members organisation
    organisations company companies country countries goods theme themes evidence salience severity
    likelihood judged judgement remedy remediation policy assessment assessments round rounds population
    disclosure disclosures criteria's overview search show hide back next previous add remove new create
    update submit send sign password email owner viewer reviewer editor role roles user users date dates
    year years month months days day overdue draft published pending failed running queued done error
    errors warning warnings row rows column columns file files page pages step steps task tasks high low
    medium unknown level total source sources child labour labor forced human rights environment climate
    deforestation corruption bribery workers worker list lists record records
"""
ENGLISH_WORDS = frozenset(_ENGLISH_WORDS_TEXT.split())

#: Raw codes: snake_case identifiers, Python values and reprs, hex digests.
RAW_PATTERNS = {
    "snake_case": re.compile(r"\b[a-z]+_[a-z_]+\b"),
    "Python value": re.compile(r"\b(?:True|False|None)\b"),
    "object repr": re.compile(r" object \("),
    "list repr": re.compile(r"\[['\"]"),
    # 20,000,000 and 7.5% are English; Dutch writes 20.000.000 and 7,5%
    "English number": re.compile(r"\b\d{1,3}(?:,\d{3}){2,}\b|\b\d{1,3},\d{3}\.\d|\b\d+\.\d+ ?%"),
    # Dutch dates read 1-3-2026 or 1 maart 2026; ISO is for files and addresses
    "ISO date": re.compile(r"\b20\d{2}-\d{2}-\d{2}\b"),
    # SHA-1/SHA-256 digests and the 16-digit fingerprints of rule sets and facts
    "hex digest": re.compile(
        r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{16})\b"
    ),
}

#: Routes that are not pages: files to download, and JSON. Everything else that answers a GET is read.
SKIPPED = {
    "register:risks_export": "a CSV/XLSX download of the register",
    "register:policy_document": "the policy document as uploaded",
    "register:public_report_pdf": "a PDF download",
    "grievances:figures_export": "a CSV/XLSX download",
    "grievances:cases_export": "a CSV download",
    "grievances:attachment": "an uploaded file",
    "monitoring:export": "a CSV/XLSX/PDF download",
    "obligations:declaration": "a Markdown download",
    "obligations:result_json": "a JSON download",
    "covenants:assessment_document": "an uploaded file",
    "covenants:document": "an uploaded file",
    "covenants:public_locations_export": "a CSV/XLSX download",
    "accounts:logout": "signs the walker out",
    "set_language": "the language switcher is a form target, not a page",
}
API_PREFIX = "api/"

#: Words that belong to a proper name in English and are shown so in Dutch too.
PROPER_NAMES = (
    "Trafficking in Persons Report",
    "Worldwide Governance Indicators",
    "Tier 2 Watch List",
    "stop-the-clock",  # the name Directive (EU) 2025/794 goes by, in Dutch too
    "Open Supply Hub",
)


NOT_PROSE = {"script", "style", "template", "code", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    """The Dutch text a reader sees: no scripts, styles, code, attributes or declared foreign passages.

    Text in ``<code>`` is kept apart (``code``): no words are checked there, but a hex fingerprint
    shown as code is still a raw code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.code: list[str] = []
        self._open: list[bool] = []  # per open element: is its content left out?
        self._hidden = 0
        self._in_code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        lang = dict(attrs).get("lang") or ""
        hidden = tag in NOT_PROSE or (tag != "html" and bool(lang) and not lang.startswith("nl"))
        self._open.append(hidden)
        self._hidden += hidden
        self._in_code += tag == "code"

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self._open:
            return
        self._hidden -= self._open.pop()
        self._in_code -= tag == "code" and self._in_code > 0

    def handle_data(self, data: str) -> None:
        if not data.strip():
            return
        if not self._hidden:
            self.parts.append(data.strip())
        elif self._in_code:
            self.code.append(data.strip())


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    # Fingerprints are checked in code too; they come last so no word runs across the seam.
    return "\n".join([*parser.parts, *(HEX_MARK + part for part in parser.code)])


HEX_MARK = "\x00code:"
URL = re.compile(r"https?://\S+")


def offences(text: str, user_data: Iterable[str]) -> list[str]:
    """The English words and raw codes in ``text``, after the user's own data is taken out."""
    prose, _mark, code = text.partition(HEX_MARK)
    text = prose
    for value in sorted(user_data, key=len, reverse=True):
        text = text.replace(value, " ")
        if len(value) > 24:  # shown shortened ("Pesticide spraying near the vil…")
            text = re.sub(re.escape(value[:20]) + r"[^\n…]*…", " ", text)
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    text = URL.sub(" ", text)  # an address is not prose
    found = [
        f"{label}: {match.group(0)!r}"
        for label, pattern in RAW_PATTERNS.items()
        for match in pattern.finditer(text)
    ]
    words = {word for word in re.findall(r"[A-Za-z']+", text) if word.lower() in ENGLISH_WORDS}
    found += [f"hex digest: {match.group(0)!r}" for match in RAW_PATTERNS["hex digest"].finditer(code)]
    return found + [f"English: {word!r}" for word in sorted(words)]


#: A file of legal values an administrator loads (two proposals waiting for a second administrator).
LEGAL_VALUES = (
    "rule_id,name,value,valid_from,valid_until,act,article,oj_reference,url,note,override_verified\n"
    'eu-cmr,annex_i.A3,22 000,,,Gedelegeerde Verordening (EU) 2020/1588,Bijlage,"PB L 360, 30.10.2020",'
    "https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj,,\n"
    'eu-cmr,annex_i.B5,1000,,,Gedelegeerde Verordening (EU) 2020/1588,Bijlage,"PB L 360, 30.10.2020",'
    "https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj,,\n"
)


# --- the fixture ---------------------------------------------------------------------------------
@dataclass
class World:
    owner: Any
    organisations: list[Any]
    values: dict[str, Any]
    user_data: set[str]


def _seed(tmp_path: Path) -> World:
    from imvo.web.accounts.models import User
    from imvo.web.covenants.actions import share_population
    from imvo.web.covenants.demo import seed_covenant
    from imvo.web.grievances.demo import seed_grievances
    from imvo.web.grievances.models import GrievanceMechanism
    from imvo.web.jobs.queue import run_pending_jobs_now
    from imvo.web.monitoring.demo import seed_monitoring
    from imvo.web.obligations import legal_actions
    from imvo.web.obligations.demo import seed_obligations
    from imvo.web.obligations.models import LegalValueChange
    from imvo.web.organisations.models import ApiToken, Invitation, Membership, Organisation
    from imvo.web.register import actions as register_actions
    from imvo.web.register.demo import seed_register
    from imvo.web.register.management.commands.seed_demo import seed_demo_organisation

    company, owner, _password = seed_demo_organisation()
    seed_register(company)
    seed_grievances(company)
    seed_obligations(company)
    monitor = seed_monitoring(owner=owner, company_organisation=company)
    covenant = seed_covenant(owner)
    run_pending_jobs_now()
    with translation.override("nl"):  # a Dutch company publishes its report in Dutch
        report = register_actions.publish_report(owner, company, "Verslag gepaste zorgvuldigheid")
    owner.is_staff = True  # the legal-values pages are for the installation's administrators
    owner.save(update_fields=["is_staff"])
    _invitation, invitation_token = Invitation.issue(company, "nieuw@example.org", "viewer", owner)
    ApiToken.issue(company, "Koppeling boekhouding", "viewer", owner)
    share_population(owner, monitor, covenant)
    values_file = tmp_path / "wettelijke-waarden.csv"
    values_file.write_text(LEGAL_VALUES, encoding="utf-8")
    legal_actions.load_file(owner, values_file)
    second_administrator = User.objects.create_user_with_email(
        "beheer@example.org", "x" * 20, first_name="Beheer", is_staff=True
    )
    legal_actions.approve(second_administrator, LegalValueChange.objects.get(name="annex_i.B5"))
    member_companies = [
        membership.organisation
        for membership in Membership.objects.filter(user=owner).select_related("organisation")
        if membership.organisation not in {company, monitor, covenant}
    ]
    mechanism = GrievanceMechanism.objects.filter(organisation=company).first()
    values = {
        "mechanism": mechanism.slug if mechanism else "",
        "covenant": covenant.slug,
        "public_id": report.public_id,
        "token": invitation_token,
        "uidb64": urlsafe_base64_encode(force_bytes(owner.pk)),
        "password_token": default_token_generator.make_token(owner),
    }
    return World(
        owner=owner,
        organisations=[company, monitor, covenant, *member_companies[:1]],
        values=values,
        user_data=_user_data(Organisation, User),
    )


#: (model, field) whose values people typed or uploaded; the demo's complaints are in English, as a
#: worker abroad may write them.
USER_DATA_FIELDS = (
    ("organisations.Organisation", "name"),
    ("accounts.User", "email"),
    ("accounts.User", "first_name"),
    ("register.Supplier", "name"),
    ("register.Supplier", "product"),
    ("register.Risk", "description"),
    # A risk entered by hand (or from a grievance) keeps its author's words; a found risk's are ours.
    ("register.Risk", "title", {"source": "manual"}),
    ("register.Risk", "evidence", {"source": "manual"}),
    ("monitoring.MonitoredCompany", "name"),
    ("monitoring.Disclosure", "original_name"),
    ("grievances.GrievanceMechanism", "name"),
    ("grievances.GrievanceMechanism", "introduction"),
    ("grievances.GrievanceCase", "subject"),
    ("grievances.GrievanceCase", "description"),
    ("grievances.GrievanceCase", "desired_outcome"),
    ("grievances.GrievanceCase", "admissibility_reasons"),
    ("grievances.GrievanceCase", "public_statement"),
    ("grievances.CaseMessage", "body"),
    ("grievances.PhaseTransition", "reason"),
    ("grievances.RemedyAction", "description"),
)


def _user_data(organisation_model: Any, user_model: Any) -> set[str]:
    """What people typed or uploaded (:data:`USER_DATA_FIELDS`), line by line."""
    from django.apps import apps

    data: set[str] = set()
    for label, field, *where in USER_DATA_FIELDS:
        model = apps.get_model(label)
        for value in model._default_manager.filter(**(where[0] if where else {})).values_list(
            field, flat=True
        ):
            data |= {line.strip() for line in str(value or "").splitlines() if len(line.strip()) > 2}
    return data


def _object_value(converter: str, name: str, organisation: Any) -> Any:
    model = _model_for(name)
    if model is None:
        return None
    scope = _organisation_filter(model, organisation)
    if scope is None:
        return None
    instance = model._default_manager.filter(**scope).order_by("pk").first()
    if instance is None:
        return None
    if converter == "int":
        return instance.pk
    for field in model._meta.concrete_fields:
        if name.removesuffix("_id") in field.name or field.name == name:
            return getattr(instance, field.name)
    return instance.pk


def _urls(route: Route, world: World) -> Iterator[list[str]]:
    """Candidate URLs of the route, one list per organisation of the fixture (each list is tried
    until one answers, so a page that exists for several kinds of organisation is read for each)."""
    if not route.organisation_scoped:
        values = {**world.values, **_global_objects()}
        if route.name == "accounts:password_reset_confirm":
            values["token"] = values["password_token"]
        if all(values.get(name) not in (None, "") for _converter, name in route.kwargs):
            yield [route.url(values)]
        return
    for organisation in world.organisations:
        yield list(_urls_in(route, organisation, world))


def _urls_in(route: Route, organisation: Any, world: World) -> Iterator[str]:
    # A member's page may name an object of the covenant it belongs to: the parameters are filled
    # with the objects of the organisation itself first, then with those of the others.
    for owner_of_objects in [organisation, *(o for o in world.organisations if o != organisation)]:
        values = {"org": organisation.slug}
        for converter, name in route.kwargs:
            if name != "org":
                values[name] = _object_value(converter, name, owner_of_objects)
        if all(value is not None for value in values.values()):
            yield route.url(values)
        if len(route.kwargs) == 1:
            return


def _global_objects() -> dict[str, Any]:
    from imvo.web.obligations.models import LegalValueBatch, LegalValueChange

    change = LegalValueChange.objects.order_by("pk").first()
    batch = LegalValueBatch.objects.order_by("pk").first()
    return {"change_id": change.pk if change else None, "batch_id": batch.pk if batch else None}


def _client(route: Route, world: World) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    public = route.template.startswith(("g/", "r/", "covenants/")) or route.name in {
        "accounts:login",
        "accounts:password_reset",
        "accounts:password_reset_done",
        "accounts:password_reset_confirm",
        "accounts:password_reset_complete",
        "accounts:accept_invitation",
        "accounts:login_verify",
    }
    if not public:
        client.force_login(world.owner)
    return client


@dataclass
class Walk:
    read: list[str]
    problems: list[str]
    unreached: list[str]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("/") and not href.startswith("//"):
            self.hrefs.append(href)


def _linked_urls(route: Route, pages: list[str]) -> Iterator[str]:
    """Links on the pages read so far that lead to ``route`` (for pages that need a query string)."""
    for html in pages:
        links = Links()
        links.feed(html)
        for href in links.hrefs:
            try:
                match = resolve(href.split("?")[0])
            except Resolver404:
                continue
            if match.view_name == route.name:
                yield href


def walk_in_dutch(world: World) -> Walk:
    walk = Walk([], [], [])
    pages: list[str] = []
    routes = [
        route
        for route in all_routes()
        if route.name not in SKIPPED and not route.template.startswith(API_PREFIX)
    ]
    for route in routes:
        reached = [_read_route(route, urls, world, walk, pages) for urls in _urls(route, world)]
        # Pages that need a query string (which legal value to change) are reached by a link.
        if not any(reached) and not _read_route(route, _linked_urls(route, pages), world, walk, pages):
            walk.unreached.append(route.name)
    return walk


def _read_route(route: Route, urls: Iterable[str], world: World, walk: Walk, pages: list[str]) -> bool:
    for url in urls:
        response = _client(route, world).get(url, follow=True)
        if response.status_code == 405:
            return True  # a form target (POST only): its form is read on its page
        if response.status_code != 200:
            continue
        content_type = response.get("Content-Type", "")
        if "text/html" not in content_type:
            return True  # a file download (CSV, XLSX, PDF, JSON) is not a page
        html = response.content.decode()
        pages.append(html)
        walk.read.append(url)
        walk.problems += [f"{url}: {offence}" for offence in offences(visible_text(html), world.user_data)]
        return True
    return False


@pytest.fixture
def world(tmp_path: Path, settings: Any) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return _seed(tmp_path)


def test_every_page_reads_in_dutch(world):
    walk = walk_in_dutch(world)
    assert len(walk.read) > 80, walk.read
    assert not walk.unreached, "no object to show: " + ", ".join(walk.unreached)
    assert not walk.problems, "\n".join(walk.problems)
    _assert_goods_and_evidence_in_dutch(world)


def _assert_goods_and_evidence_in_dutch(world: World) -> None:
    """The words the check cannot know are English: a found risk names its good and its source in
    Dutch (the stored title and evidence stay English, for exports)."""
    from imvo.core.products.good_names import good_name
    from imvo.web.register.models import Risk, RiskSource

    risk = Risk.objects.filter(source=RiskSource.SCAN, good="Cocoa", country="CI").order_by("pk").first()
    assert risk is not None
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    client.force_login(world.owner)
    page = visible_text(client.get(f"/o/{risk.organisation.slug}/risks/{risk.pk}/").content.decode())
    assert "Cacao" in page
    assert "Ivoorkust" in page
    assert "Cocoa" not in page.replace("Cocoa|", "")  # the source's record id keeps ILAB's name
    assert good_name(risk.good, "nl") == "Cacao"


def test_the_check_notices_english_words_and_raw_codes():
    text = visible_text(
        "<p>De risico's</p><script>var the = 1;</script><p>Save</p><td>unmatched_country</td>"
        "<td>['metals', 'electronics']</td><td>RemedyAction object (1)</td><td>True</td>"
        f"<td>{'ab12' * 10}</td><p title='the attribute'>Leverancier Acme Cocoa Traders</p>"
    )
    found = offences(text, {"Acme Cocoa Traders"})
    assert "English: 'Save'" in found
    assert "snake_case: 'unmatched_country'" in found
    assert any(item.startswith("list repr") for item in found)
    assert any(item.startswith("object repr") for item in found)
    assert "Python value: 'True'" in found
    assert any(item.startswith("hex digest") for item in found)
    assert offences("Omzet € 20,000,000; 7.5% kinderarbeid", set()) == [
        "English number: '20,000,000'",
        "English number: '7.5%'",
    ]
    assert offences("Omzet € 20.000.000; 7,5% kinderarbeid", set()) == []
    code = visible_text("<p>Regels</p><code>annex_i.A3 54d4452af61e374d</code>")
    assert offences(code, set()) == ["hex digest: '54d4452af61e374d'"]
    assert not [item for item in found if "the" in item.lower() and "English" in item]
    assert offences("De risico's van de leverancier zijn in 2025 beoordeeld.", set()) == []


# --- the catalogues ------------------------------------------------------------------------------
WEB = Path(imvo.web.__file__).parent
CATALOGUES = sorted(WEB.glob("**/locale/nl/LC_MESSAGES/django.po"))


def _entries(path: Path) -> Iterator[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) of each entry; plural forms count as one entry with all their forms."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        if any(line.startswith("#~") for line in lines):
            continue
        msgid, msgstrs, current = "", [], None
        for line in lines:
            if line.startswith("msgid "):
                current = "msgid"
                msgid = line[6:].strip().strip('"')
            elif line.startswith("msgid_plural"):
                current = "plural"
            elif line.startswith("msgstr"):
                current = "msgstr"
                msgstrs.append(line.split(" ", 1)[1].strip().strip('"'))
            elif line.startswith('"') and current == "msgid":
                msgid += line.strip('"')
            elif line.startswith('"') and current == "msgstr":
                msgstrs[-1] += line.strip('"')
        if msgid:
            yield msgid, "|".join(msgstrs) if all(msgstrs) else "", fuzzy


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(WEB)))
def test_every_dutch_catalogue_is_complete(catalogue):
    problems = [
        f"{'fuzzy' if fuzzy else 'empty'}: {msgid}"
        for msgid, msgstr, fuzzy in _entries(catalogue)
        if fuzzy or not msgstr
    ]
    assert problems == []


def test_every_app_has_a_dutch_catalogue():
    assert {path.parts[-5] for path in CATALOGUES} >= {
        "web",
        "register",
        "grievances",
        "obligations",
        "monitoring",
        "covenants",
    }


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(WEB)))
def test_makemessages_finds_nothing_new(catalogue, tmp_path):
    """makemessages, run on a copy of the app, finds no string its catalogue lacks."""
    app = catalogue.parents[3]
    copy = tmp_path / app.name
    shutil.copytree(app, copy, ignore=_other_catalogues if app == WEB else None)
    subprocess.run(  # noqa: S603 - Django's own command on a copy of our own files
        [sys.executable, "-m", "django", "makemessages", "-l", "nl", "--no-obsolete", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "imvo.web.settings"},
    )
    before = {msgid for msgid, _msgstr, _fuzzy in _entries(catalogue)}
    after = {msgid for msgid, _msgstr, _fuzzy in _entries(copy / "locale/nl/LC_MESSAGES/django.po")}
    assert sorted(after - before) == []


def _other_catalogues(directory: str, names: list[str]) -> list[str]:
    """The platform catalogue holds the strings of the apps without a catalogue of their own."""
    own = {path.parents[3].name for path in CATALOGUES if path.parents[3] != WEB}
    return [name for name in names if Path(directory) == WEB and name in own or name == "migrations"]
