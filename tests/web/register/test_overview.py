"""The company's overview (/o/<org>/): key figures that lead to the records behind them, the six steps
and the next best actions, in both languages, at a fixed cost."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from imvo.web.register import actions, scales
from imvo.web.register.models import Risk, Supplier

pytestmark = pytest.mark.django_db


def home(org: str = "acme") -> str:
    return reverse("register:progress", kwargs={"org": org})


class _Tiles(HTMLParser):
    """The tiles of a page: key → {"url", "figure", "bands": {band: (url, count)}}."""

    def __init__(self) -> None:
        super().__init__()
        self.tiles: dict[str, dict[str, Any]] = {}
        self._tile: dict[str, Any] | None = None
        self._capture: str | None = None
        self._band: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "li" and "tile" in classes:
            self._tile = {"url": "", "figure": "", "bands": {}, "alert": "tile--alert" in classes}
            self.tiles[str(attributes["data-tile"])] = self._tile
        elif self._tile is not None and tag == "a" and "tile__link" in classes:
            self._tile["url"] = attributes["href"]
        elif self._tile is not None and tag == "a" and attributes.get("data-band"):
            self._band = (str(attributes["data-band"]), str(attributes["href"]))
        elif self._tile is not None and tag == "span" and "tile__figure" in classes:
            self._capture = "figure"
        elif self._band is not None and tag == "strong":
            self._capture = "band"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("span", "strong"):
            self._capture = None
        if tag == "a":
            self._band = None

    def handle_data(self, data: str) -> None:
        if self._tile is None or self._capture is None:
            return
        if self._capture == "figure":
            self._tile["figure"] += data.strip()
        elif self._band is not None:
            self._tile["bands"][self._band[0]] = (self._band[1], data.strip())


def tiles_of(page: str) -> dict[str, dict[str, Any]]:
    parser = _Tiles()
    parser.feed(page)
    return parser.tiles


def _risk(org: Any, salience: int, title: str, **fields: Any) -> Risk:
    return actions.create_manual_risk(
        None, org, {"title": title, "likelihood": 50, "severity": 50, "salience": salience, **fields}
    )


@pytest.fixture
def banded(acme: Any, alice: Any) -> dict[int, list[Risk]]:
    """Risks in every salience band (band n gets n risks), one closed and one judged."""
    risks: dict[int, list[Risk]] = {}
    for band in scales.SALIENCE_BAND_LEVELS:
        low, _high = scales.salience_band_range(band)
        risks[band] = [_risk(acme, low, f"Band {band} risk {n}") for n in range(band)]
    _risk(acme, 99, "A closed risk", status="closed")
    actions.judge_severity(alice, acme, risks[4][0], {"severity": 4, "rationale": "Seen on a visit"})
    # A judgement rescores the risk; keep it in its band, so each band holds as many risks as its number.
    Risk.objects.filter(pk=risks[4][0].pk).update(salience=scales.salience_band_range(4)[0])
    return risks


def test_each_band_tile_leads_to_the_register_filtered_to_that_many_risks(
    banded: dict[int, list[Risk]], alice: Any, client_for: Any
) -> None:
    client = client_for(alice)
    tiles = tiles_of(client.get(home()).content.decode())
    risks = tiles["risks"]
    assert risks["figure"] == "10"  # 1 + 2 + 3 + 4 open risks; the closed one is not counted
    assert set(risks["bands"]) == {"1", "2", "3", "4"}
    for band, (url, count) in risks["bands"].items():
        assert f"band={band}" in url
        assert int(count) == len(banded[int(band)])
        listed = client.get(url.replace("&amp;", "&"))
        assert listed.context["page"].paginator.count == int(count)
    everything = client.get(risks["url"])
    assert everything.context["page"].paginator.count == 10


def test_the_not_judged_tile_and_action_lead_to_the_risks_still_to_judge(
    banded: dict[int, list[Risk]], alice: Any, client_for: Any
) -> None:
    client = client_for(alice)
    response = client.get(home())
    tile = tiles_of(response.content.decode())["not-judged"]
    assert tile["figure"] == "9"
    assert tile["alert"]
    assert client.get(tile["url"]).context["page"].paginator.count == 9
    texts = [action.text for action in response.context["overview"].actions]
    assert "Judge 9 risks not yet judged" in texts


def test_suppliers_on_the_list_are_counted_and_removed_ones_are_not(
    acme: Any, alice: Any, client_for: Any
) -> None:
    Supplier.objects.bulk_create(
        [Supplier(organisation=acme, key=f"k{n}", name=f"Supplier {n}") for n in range(1234)]
    )
    gone = Supplier.objects.filter(organisation=acme).first()
    assert gone is not None
    Supplier.objects.filter(pk=gone.pk).update(removed_scan_id=None, name="Gone")
    english = tiles_of(client_for(alice).get(home()).content.decode())
    assert english["suppliers"]["figure"] == "1,234"
    assert english["suppliers"]["url"] == reverse("register:suppliers", kwargs={"org": "acme"})
    dutch = tiles_of(client_for(alice).get(home(), HTTP_ACCEPT_LANGUAGE="nl").content.decode())
    assert dutch["suppliers"]["figure"] == "1.234"


def test_an_overdue_measure_is_named_with_its_date_and_linked(acme: Any, alice: Any, client_for: Any) -> None:
    risk = _risk(acme, 80, "Child labour at the cocoa cooperative")
    late = actions.add_measure(
        alice,
        acme,
        risk,
        {
            "kind": "prevent",
            "description": "Audit the cooperative",
            "owner": "Buyer",
            "due_on": dt.date(2026, 5, 3),
        },
    )
    actions.add_measure(
        alice,
        acme,
        risk,
        {"kind": "mitigate", "description": "Later work", "owner": "Buyer", "due_on": dt.date(2099, 1, 1)},
    )
    client = client_for(alice)
    response = client.get(home())
    tiles = tiles_of(response.content.decode())
    assert tiles["measures"]["figure"] == "2"
    assert tiles["measures"]["alert"]
    first = response.context["overview"].actions[0]
    assert first.text == "Measure “Audit the cooperative” is overdue since May 3, 2026"
    assert first.url == reverse("register:measure_detail", kwargs={"org": "acme", "measure_id": late.pk})
    dutch = client.get(home(), HTTP_ACCEPT_LANGUAGE="nl")
    assert (
        dutch.context["overview"].actions[0].text
        == "Maatregel “Audit the cooperative” is te laat sinds 3 mei 2026"
    )


def test_follow_ups_due_count_those_planned_within_a_month(
    register: dict[str, Any], acme: Any, alice: Any, client_for: Any
) -> None:
    today = timezone.localdate()
    measure = register["measure"]
    actions.record_follow_up(
        alice, acme, measure, {"kind": "audit", "planned_on": today - dt.timedelta(days=3)}
    )
    actions.record_follow_up(
        alice, acme, measure, {"kind": "visit", "planned_on": today + dt.timedelta(days=10)}
    )
    response = client_for(alice).get(home())
    tile = tiles_of(response.content.decode())["follow-ups"]
    assert tile["figure"] == "2"
    assert tile["alert"]
    overdue = [a for a in response.context["overview"].actions if a.text.startswith("Audit for")]
    assert overdue
    assert overdue[0].url.endswith(f"/measures/{measure.pk}/")


def test_the_six_steps_are_shown_with_the_levels_of_the_one_maturity_rule_set(
    register: dict[str, Any], acme: Any, alice: Any, client_for: Any
) -> None:
    from imvo.web.register import maturity

    response = client_for(alice).get(home())
    page = response.content.decode()
    expected = maturity.assess(acme)
    lines = response.context["overview"].steps
    assert [line.maturity.level for line in lines] == [step.level for step in expected]
    assert [str(line.name) for line in lines] == [
        "Policy",
        "Risks",
        "Measures",
        "Tracking",
        "Reporting",
        "Remedy",
    ]
    for step in expected:
        assert f'id="step-{step.number}"' in page
        assert f'<meter min="0" max="3" value="{step.level}"' in page


def test_a_report_published_long_ago_makes_the_next_report_overdue(
    register: dict[str, Any], acme: Any, alice: Any, client_for: Any
) -> None:
    from imvo.web.register.models import PublishedReport

    actions.publish_report(alice, acme, "Report 2025")
    long_ago = timezone.now() - dt.timedelta(days=400)
    PublishedReport.objects.filter(organisation=acme).update(published_at=long_ago)
    response = client_for(alice).get(home())
    tile = tiles_of(response.content.decode())["report"]
    assert tile["alert"]
    due = timezone.localdate(long_ago) + dt.timedelta(days=365)
    with translation.override("en"):
        assert tile["figure"] == date_format(due)  # e.g. "Oct. 28, 2026"
    dutch = tiles_of(client_for(alice).get(home(), HTTP_ACCEPT_LANGUAGE="nl").content.decode())["report"]
    with translation.override("nl"):
        assert dutch["figure"] == date_format(due) == f"{due.day} {date_format(due, 'F')} {due.year}"
    report_actions = [a for a in response.context["overview"].actions if a.url.endswith("/reports/")]
    assert report_actions
    assert report_actions[0].text.startswith("Publish this year's report")


def test_open_complaints_and_their_deadline_come_from_the_grievance_mechanism(
    acme: Any, alice: Any, bob: Any, client_for: Any
) -> None:
    from imvo.web.grievances import actions as grievance_actions
    from imvo.web.grievances.models import GrievanceCase

    mechanism = grievance_actions.create_mechanism(alice, acme, {"name": "Acme line", "slug": "acme-line"})
    case, _code = grievance_actions.submit_complaint(
        mechanism, {"subject": "Unpaid wages", "description": "Three months unpaid.", "anonymous": True}
    )
    GrievanceCase.objects.filter(pk=case.pk).update(phase_started_at=timezone.now() - dt.timedelta(days=20))
    response = client_for(alice).get(home())
    tile = tiles_of(response.content.decode())["complaints"]
    assert tile["figure"] == "1"
    assert tile["alert"]
    assert tile["url"] == reverse("grievances:cases", kwargs={"org": "acme"}) + "?phase=open"
    first = response.context["overview"].actions[0]
    assert first.text.startswith(f"Complaint {case.reference} must be acknowledged by ")
    assert first.url == reverse("grievances:case", kwargs={"org": "acme", "case_id": case.pk})
    # A viewer may not open cases: the tile leads to the figures, no case is listed.
    as_viewer = client_for(bob).get(home())
    viewer_tile = tiles_of(as_viewer.content.decode())["complaints"]
    assert viewer_tile["url"] == reverse("grievances:overview", kwargs={"org": "acme"})
    assert not [a for a in as_viewer.context["overview"].actions if case.reference in a.text]


def test_every_tile_is_there_and_the_page_is_dutch_in_dutch(
    register: dict[str, Any], alice: Any, client_for: Any
) -> None:
    response = client_for(alice).get(home(), HTTP_ACCEPT_LANGUAGE="nl")
    page = response.content.decode()
    assert set(tiles_of(page)) == {
        "suppliers",
        "risks",
        "not-judged",
        "measures",
        "follow-ups",
        "complaints",
        "obligations",
        "scan",
        "report",
    }
    for dutch in ("Overzicht", "Beste volgende acties", "Kerncijfers", "De zes stappen", "Leveranciers"):
        assert dutch in page
    for english in ("Next best actions", "Key figures", "Open measures", "Last scan", "Suppliers<"):
        assert english not in page


def test_the_overview_costs_a_fixed_number_of_queries(
    acme: Any, alice: Any, client_for: Any, django_assert_max_num_queries: Any, settings: Any
) -> None:
    settings.IMVO_PAGE_CACHE_SECONDS = 0  # what rendering it costs, every time
    client = client_for(alice)
    for n in range(5):
        _risk(acme, 20 * n, f"Risk {n}")
    client.get(home())
    with django_assert_max_num_queries(40) as small:
        client.get(home())
    for n in range(200):
        _risk(acme, n % 100, f"More {n}")
    Supplier.objects.bulk_create(
        [Supplier(organisation=acme, key=f"s{n}", name=f"S {n}") for n in range(300)]
    )
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(home()).status_code == 200


def test_monitors_and_covenants_keep_their_own_home(acme: Any, alice: Any, client_for: Any) -> None:
    acme.kind = "monitor"
    acme.save(update_fields=["kind"])
    response = client_for(alice).get(home())
    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:overview", kwargs={"org": "acme"})


def _groups(slug: str, role: str, kind: str) -> dict[str, list[str]]:
    from imvo.web.organisations.navigation import grouped, organisation_sections

    return {
        group["key"]: [section["url_name"] for section in group["sections"]]
        for group in grouped(organisation_sections(slug, role, kind))
    }


def test_a_companys_navigation_follows_the_six_steps(acme: Any) -> None:
    groups = _groups("acme", "owner", "company")
    assert list(groups) == [
        "home",
        "policy",
        "risks",
        "measures",
        "tracking",
        "reporting",
        "remedy",
        "obligations",
        "organisation",
    ]
    assert groups["home"] == ["register:progress"]
    assert groups["risks"] == [
        "register:scans",
        "register:risks",
        "register:suppliers",
        "register:stakeholders",
    ]
    assert groups["remedy"] == ["grievances:overview", "register:remediation"]
    assert groups["reporting"][0] == "register:reports"
    assert groups["organisation"] == [
        "organisations:members",
        "organisations:api_tokens",
        "jobs:list",
        "organisations:audit_trail",
    ]
    # A viewer is not offered the pages only owners may open.
    viewer = _groups("acme", "viewer", "company")
    assert viewer["organisation"] == ["organisations:members", "jobs:list"]
    assert "monitoring:consents" not in viewer["reporting"]


def test_a_monitor_and_a_covenant_see_only_their_own_work(acme: Any) -> None:
    monitor = _groups("acme", "owner", "monitor")
    assert set(monitor) == {"home", "monitoring", "organisation"}
    assert monitor["home"] == ["monitoring:overview"]
    covenant = _groups("acme", "owner", "covenant")
    assert set(covenant) == {"home", "covenant", "organisation"}
    assert covenant["home"] == ["covenants:overview"]
    assert "grievances:overview" in covenant["covenant"]  # its complaints and disputes committee


def test_the_grouped_navigation_is_rendered_with_step_numbers_in_both_languages(
    acme: Any, alice: Any, client_for: Any
) -> None:
    page = client_for(alice).get(reverse("register:suppliers", kwargs={"org": "acme"})).content.decode()
    assert 'id="nav-group-risks"' in page
    assert '<span class="visually-hidden">Step </span>2</span> Risks' in page
    assert 'href="/o/acme/suppliers/" aria-current="page">Suppliers<' in page
    dutch = client_for(alice).get(home(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert '<span class="visually-hidden">Stap </span>2</span> Risico&#x27;s' in dutch
    assert ">Menu</summary>" in dutch


def test_without_a_complaint_channel_the_owner_is_asked_to_open_one(
    acme: Any, alice: Any, bob: Any, client_for: Any
) -> None:
    response = client_for(alice).get(home())
    tile = tiles_of(response.content.decode())["complaints"]
    assert tile["alert"]
    assert tile["figure"] == "No channel yet"
    channel = reverse("grievances:mechanism_new", kwargs={"org": "acme"})
    assert channel in [action.url for action in response.context["overview"].actions]
    as_viewer = client_for(bob).get(home())
    assert channel not in [action.url for action in as_viewer.context["overview"].actions]
