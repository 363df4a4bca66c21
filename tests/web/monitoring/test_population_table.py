"""The population page: a filterable, sortable, paginated table with sector names, and its CSV export."""

from __future__ import annotations

import csv
import io

import pytest

from imvo.web.monitoring.models import MonitoredCompany, RegisterSharingConsent
from tests.web.browser import (
    browser_available,
    chromium_session,
    screenshot,
    sign_in_with_session,
    wait_for,
)

pytestmark = pytest.mark.django_db

URL = "/o/ministry/monitoring/population/"
EXPORT = "/o/ministry/monitoring/population/export.csv"


@pytest.fixture
def population(monitor, acme, other_organisation):
    rows = [
        # name, registration number, sector code, employees, in scope, platform organisation
        ("Acme B.V.", "12345678", "46.39", 1200, True, acme),
        ("Zuivel Groot N.V.", "33333333", "1051", 700, True, None),
        ("Tiny B.V.", "44444444", "4639", 20, False, None),
        ("Autohandel Oost", "55555555", "4511", None, True, other_organisation),
        ("=HYPERLINK(evil)", "66666666", "ZZ9", 3000, True, None),
    ]
    companies = {
        name: MonitoredCompany.objects.create(
            organisation=monitor,
            name=name,
            registration_number=number,
            sector_code=sector,
            employees=employees,
            in_scope=in_scope,
            platform_organisation=platform,
        )
        for name, number, sector, employees, in_scope, platform in rows
    }
    companies["Acme B.V."].assets = 30_000_000
    companies["Acme B.V."].save()
    RegisterSharingConsent.objects.create(organisation=acme, monitor=monitor)
    revoked = RegisterSharingConsent.objects.create(organisation=other_organisation, monitor=monitor)
    revoked.revoked_at = revoked.granted_at
    revoked.save()
    # Another monitor's population is never shown.
    from imvo.web.organisations.models import Organisation

    elsewhere = Organisation.objects.create(name="Other Monitor", slug="elsewhere", kind="monitor")
    MonitoredCompany.objects.create(organisation=elsewhere, name="Hidden Elsewhere", sector_code="4639")
    return companies


def names_in(response) -> list[str]:
    body = response.content.decode().split('<div id="population-table">', 1)[1]
    return [
        name
        for name in ("Acme B.V.", "Zuivel Groot", "Tiny B.V.", "Autohandel Oost", "HYPERLINK")
        if name in body
    ]


def test_sectors_are_named_in_the_readers_language(population, bob, client_for):
    client = client_for(bob)
    dutch = client.get(URL, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Groothandel (46)" in dutch
    assert "Vervaardiging van voedingsmiddelen (10)" in dutch
    assert "Handel in en reparatie van auto&#x27;s, motorfietsen en aanhangers (45)" in dutch
    assert "ZZ9" in dutch  # a code the SBI does not know is shown as given, never hidden
    assert "Hidden Elsewhere" not in dutch
    assert ">30.000.000<" in dutch  # Dutch number format; an unknown amount is a dash
    english = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Wholesale trade (46)" in english
    assert "Manufacture of food products (10)" in english


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "46"}, ["Acme B.V.", "Tiny B.V."]),
        ({"sector": "10"}, ["Zuivel Groot"]),
        ({"size": "up to 500"}, ["Tiny B.V."]),
        ({"size": "unknown"}, ["Autohandel Oost"]),
        ({"size": "1,000-4,999"}, ["Acme B.V.", "HYPERLINK"]),
        ({"in_scope": "no"}, ["Tiny B.V."]),
        ({"linked": "yes"}, ["Acme B.V.", "Autohandel Oost"]),
        ({"linked": "no"}, ["Zuivel Groot", "Tiny B.V.", "HYPERLINK"]),
        ({"shared": "yes"}, ["Acme B.V."]),  # the other consent is revoked
        ({"q": "zuivel"}, ["Zuivel Groot"]),
        ({"q": "4444"}, ["Tiny B.V."]),
        ({"sector": "46", "size": "up to 500"}, ["Tiny B.V."]),
    ],
)
def test_filters(population, bob, client_for, query, expected):
    response = client_for(bob).get(URL, query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert sorted(names_in(response)) == sorted(expected)


def test_sector_choices_are_the_populations_divisions(population, bob, client_for):
    body = client_for(bob).get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<option value="46">Wholesale trade (46)</option>' in body
    assert '<option value="10">Manufacture of food products (10)</option>' in body
    assert '<option value="01">' not in body  # no company in agriculture


def test_sortable_columns(population, bob, client_for):
    client = client_for(bob)
    ascending = names_in_order(client.get(URL, {"sort": "employees"}))
    assert ascending == ["Tiny B.V.", "Zuivel Groot", "Acme B.V.", "HYPERLINK", "Autohandel Oost"]
    descending = names_in_order(client.get(URL, {"sort": "-employees"}))
    # Unknown numbers of employees sort last both ways.
    assert descending == ["HYPERLINK", "Acme B.V.", "Zuivel Groot", "Tiny B.V.", "Autohandel Oost"]
    by_name = names_in_order(client.get(URL, {"sort": "-name"}))
    assert by_name[0] == "Zuivel Groot"


def names_in_order(response) -> list[str]:
    body = response.content.decode().split('<div id="population-table">', 1)[1]
    names = ("Acme B.V.", "Zuivel Groot", "Tiny B.V.", "Autohandel Oost", "HYPERLINK")
    return sorted((name for name in names if name in body), key=body.index)


def test_paginated(monitor, bob, client_for):
    MonitoredCompany.objects.bulk_create(
        MonitoredCompany(organisation=monitor, name=f"Company {number:03d}") for number in range(120)
    )
    client = client_for(bob)
    first = client.get(URL).content.decode()
    assert "Company 000" in first
    assert "Company 050" not in first
    assert "120 companies" in first
    third = client.get(URL, {"page": 3}).content.decode()
    assert "Company 119" in third
    assert "Company 000" not in third


def test_htmx_request_gets_only_the_table(population, bob, client_for):
    response = client_for(bob).get(URL, {"sector": "10"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="population-table">')
    assert "<html" not in body
    assert names_in(response) == ["Zuivel Groot"]


def test_csv_export_of_the_filtered_view(population, bob, client_for):
    response = client_for(bob).get(EXPORT, {"sector": "46", "sort": "name"}, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Naam", "Registratienummer", "Sectorcode", "Sector"]
    assert [row[0] for row in rows[1:]] == ["Acme B.V.", "Tiny B.V."]
    acme = rows[1]
    assert acme[2:4] == ["46.39", "Groothandel (46)"]
    assert acme[-3:-1] == ["Acme B.V.", "ja"]  # linked to Acme on the platform, which shares


def test_csv_export_neutralises_formulas(population, bob, client_for):
    rows = list(csv.reader(io.StringIO(client_for(bob).get(EXPORT, {"q": "HYPERLINK"}).content.decode())))
    assert rows[1][0] == "'=HYPERLINK(evil)"


def test_other_organisations_cannot_read_the_population(population, charlie, client_for):
    assert client_for(charlie).get(URL).status_code in (403, 404)
    assert client_for(charlie).get(EXPORT).status_code in (403, 404)


def test_dashboard_counts_and_names_sectors_by_division(population, monitor, alice, client_for):
    from imvo.web.monitoring import actions
    from imvo.web.monitoring.models import CompanyAssessment

    monitoring_round = actions.create_round(alice, monitor, "2023")
    for name, endorses in (("Acme B.V.", True), ("Zuivel Groot N.V.", False), ("Autohandel Oost", True)):
        CompanyAssessment.objects.create(
            organisation=monitor,
            monitoring_round=monitoring_round,
            company=population[name],
            source="none",
            endorses=endorses,
        )
    client = client_for(alice)
    dutch = client.get("/o/ministry/monitoring/dashboard/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Groothandel (46)" in dutch
    assert "Vervaardiging van voedingsmiddelen (10)" in dutch
    assert ">4639<" not in dutch
    assert ">46.39<" not in dutch
    # The figure's link lists exactly the companies it counts: "46.39" and "4639" are one sector.
    behind = client.get(
        f"/o/ministry/monitoring/rounds/{monitoring_round.pk}/",
        {"measure": "endorsement_by_sector", "group": "46"},
    ).content.decode()
    assert "Acme B.V." in behind.split('id="assessments"', 1)[-1]
    assert "Autohandel Oost" not in behind.split('id="assessments"', 1)[-1]


def table_text(driver) -> str:
    # Read in one script call: htmx may swap the table between finding an element and reading it.
    return driver.execute_script("return document.getElementById('population-table').innerText")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not browser_available(), reason="chromium and chromedriver are needed")
def test_filtering_in_the_browser_in_dutch(population, bob, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser = next(browser_session := chromium_session(window_size="1280,1600"))
    try:
        sign_in_with_session(browser, live_server, bob)
        browser.add_cookie({"name": "django_language", "value": "nl", "path": "/"})
        browser.get(live_server.url + URL)
        assert "5 bedrijven" in table_text(browser)
        # Choosing a sector replaces only the table (htmx, allowed by the CSP) and keeps the filter
        # in the address, so the view can be bookmarked and exported.
        Select(browser.find_element(By.ID, "id_sector")).select_by_visible_text("Groothandel (46)")
        wait_for(browser, lambda driver: "2 bedrijven" in table_text(driver))
        table = table_text(browser)
        assert "Tiny B.V." in table
        assert "Zuivel Groot" not in table
        assert "sector=46" in browser.current_url
        export = browser.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
        assert "sector=46" in export
        screenshot(browser, "monitoring-population-nl")
    finally:
        browser_session.close()


def test_long_sector_names_are_shortened_in_charts_but_keep_their_code():
    from imvo.web.monitoring.dashboard import CHART_LABEL_CHARS, chart_label

    long_name = "Productie en distributie van en handel in elektriciteit, gas, stoom en gekoelde lucht (35)"
    short = chart_label(long_name)
    assert len(short) == CHART_LABEL_CHARS
    assert short.startswith("Productie en distributie")
    assert short.endswith("… (35)")
    assert chart_label("Groothandel (46)") == "Groothandel (46)"
