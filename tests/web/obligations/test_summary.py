"""The top of "Your obligations": one row per law, then the dated events in date order."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.web.obligations.test_views import PROFILE_POST, url

pytestmark = pytest.mark.django_db

LARGE_COMPANY = {**PROFILE_POST, "employees": "20000", "net_turnover_worldwide_eur": "3000000000"}
TANTALUM_ORE = "year,cn_code,quantity_kg,country_of_origin,taric_subdivision\n2025,2615 90 00,1500,CD,10\n"
TIN_ORE = "year,cn_code,quantity_kg,country_of_origin\n2025,2609 00 00,6000,CD\n"


def _page(client, as_of: str = "2026-12-02", language: str = "en") -> str:
    with translation.override(language):
        response = client.get(url("overview") + f"?as_of={as_of}", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def _section(page: str, start: str, end: str) -> str:
    return page.split(start, 1)[1].split(end, 1)[0]


def _upload(client, text: str) -> None:
    upload = SimpleUploadedFile("imports.csv", text.encode(), content_type="text/csv")
    assert client.post(url("imports_upload"), {"file": upload}).status_code == 302


def test_the_summary_comes_before_the_detail_with_a_row_per_evaluated_law(alice, client_for):
    page = _page(client_for(alice))
    table = _section(page, 'id="obligations-summary"', "</table>")
    rows = re.findall(r'<tr id="summary-([a-z-]+)" data-status="([a-z_]+)"', table)
    assert [rule for rule, _status in rows] == [
        "de-lksg",
        "eu-cmr",
        "eu-csddd",
        "nl-imvo-support-check",
        "nl-isv",
        "nl-wzk",
    ]
    assert (
        page.index('id="obligations-summary"')
        < page.index('id="obligations-timeline')
        < page.index('id="rule-de-lksg"')
    )
    # Company facts the engine needs link to the profile form; the imports to their page.
    lksg = _section(table, 'id="summary-de-lksg"', "</tr>")
    assert f'href="{url("profile_edit")}#id_country"' in lksg
    assert "Fill in: country of registration" in lksg
    assert f'href="{url("imports")}"' in _section(table, 'id="summary-eu-cmr"', "</tr>")
    # Undecided laws still show their dates, marked as mattering only if the law applies.
    lksg_event = _section(page, 'data-rule="de-lksg"', "</li>")
    assert "2023-01-01" in lksg_event
    assert "if the law applies to you" in lksg_event


def test_a_missing_legal_value_is_never_asked_of_the_user(alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    _upload(client, TANTALUM_ORE)
    page = _page(client)
    cmr = _section(page, 'id="summary-eu-cmr"', "</tr>")
    assert "Cannot decide" in cmr
    assert "Not yet verified by the operator of this installation: Annex I volume threshold of line A3" in cmr
    assert "/legal-values/" not in cmr
    assert not re.search(r"\b(supply|enter) (it|them|the value|legal values)\b", page, re.IGNORECASE)
    assert "you do not need to supply" not in page


def test_the_timeline_is_in_date_order_with_past_events_greyed_and_the_next_one_highlighted(
    alice, client_for
):
    client = client_for(alice)
    client.post(url("profile_edit"), LARGE_COMPANY)
    _upload(client, TIN_ORE)
    page = _page(client)
    timeline = _section(page, 'id="obligations-timeline"', "</ol>")
    days = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})"', timeline)
    assert days == sorted(days)
    assert days == ["2021-01-01", "2024-07-25", "2025-01-01", "2029-07-26"]
    items = re.findall(r'<li class="oblg-event([^"]*)"[^>]*>\s*<time datetime="([\d-]+)"', timeline)
    assert [(day, "--past" in classes, "--next" in classes) for classes, day in items] == [
        ("2021-01-01", True, False),
        ("2024-07-25", True, False),
        ("2025-01-01", True, False),
        ("2029-07-26", False, True),
    ]
    upcoming = _section(timeline, 'aria-current="date"', "</li>")
    assert "Corporate Sustainability Due Diligence" in upcoming
    assert "provisional" in upcoming
    csddd = _section(page, 'id="summary-eu-csddd"', "</tr>")
    assert "26 July 2029" in csddd
    assert (
        "Only reported by secondary sources, not yet verified by the operator of this installation" in csddd
    )
    assert "application date" in csddd
    # A law that does not apply has no date to show; one awaiting a decree has none known yet.
    assert 'data-status="does_not_apply"' in page.split('id="summary-de-lksg"', 1)[1][:40]
    assert "no date known" not in _section(page, 'id="summary-de-lksg"', "</tr>")
    assert "no date known" in _section(page, 'id="summary-nl-wzk"', "</tr>")
    # Seen from an earlier evaluation date, the directive's entry into force is still to come.
    earlier = _section(_page(client, as_of="2024-07-01"), 'id="obligations-timeline"', "</ol>")
    assert re.search(r'oblg-event--next"[^>]*>\s*<time datetime="2024-07-25"', earlier)


def test_the_summary_and_timeline_are_dutch_with_dutch_dates(alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), LARGE_COMPANY)
    page = _page(client, language="nl")
    glance = _section(page, 'class="oblg-glance"', "</section>")
    assert "26 juli 2029" in glance
    assert "Tijdlijn" in glance
    for english in ("July", "Applies?", "From when", "What is missing", "Timeline", "Fill in", "Next"):
        assert english not in glance, english
