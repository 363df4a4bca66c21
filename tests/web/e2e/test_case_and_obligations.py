"""The obligations page (summary and timeline first) and the phase-driven grievance case page in
headless Chromium, in English and Dutch, at desktop width and at 390 px (a phone) without
horizontal scrolling. Screenshots: ``var/screenshots/workspace-obligations-*.png`` and
``workspace-case-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.web.browser import browser_available, chromium_session, screenshot, sign_in_with_session, wait_for
from tests.web.obligations.test_views import PROFILE_POST

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not browser_available(), reason="chromium and chromedriver are needed"),
]

WIDTHS = {"desktop": 1280, "phone": 390}
LARGE_COMPANY = {**PROFILE_POST, "employees": "20000", "net_turnover_worldwide_eur": "3000000000"}
TIN_ORE = "year,cn_code,quantity_kg,country_of_origin\n2025,2609 00 00,6000,CD\n"
#: Words of the English page that must not be left on the Dutch one.
ENGLISH = ("At a glance", "Applies?", "From when", "What is missing", "Timeline", "Acknowledge", "Deadline")


@pytest.fixture(params=list(WIDTHS))
def sized_browser(request: Any) -> Iterator[tuple[str, Any]]:
    for driver in chromium_session():
        # Set after start: a window opened narrower than 500 px is widened by Chromium, a resize is not.
        driver.set_window_size(WIDTHS[request.param], 900)
        yield request.param, driver


@pytest.fixture
def workspace(acme: Any, alice: Any, tmp_path: Any, settings: Any) -> Any:
    """Acme with legal facts, tin-ore imports, and a named complaint in the outcome phase."""
    from imvo.core.grievances import Phase
    from imvo.web.grievances import actions as grievance_actions

    settings.MEDIA_ROOT = tmp_path / "media"
    client = Client()
    client.force_login(alice)
    assert client.post("/o/acme/obligations/profile/edit/", LARGE_COMPANY).status_code == 302
    upload = SimpleUploadedFile("imports.csv", TIN_ORE.encode(), content_type="text/csv")
    assert client.post("/o/acme/obligations/imports/upload/", {"file": upload}).status_code == 302
    mechanism = grievance_actions.create_mechanism(
        alice, acme, {"name": "Acme klachtenregeling", "slug": "acme-k"}
    )
    case, _code = grievance_actions.submit_complaint(
        mechanism,
        {
            "subject": "Ontslagen na lidmaatschap van de vakbond",
            "description": "I, Maria Lopez, was dismissed after joining the union.",
            "theme": "freedom_of_association",
            "country": "IN",
            "anonymous": False,
            "complainant_name": "Maria Lopez",
            "complainant_email": "maria@example.org",
        },
        language="en",
    )
    for phase in (Phase.INITIAL_ASSESSMENT, Phase.GOOD_OFFICES, Phase.OUTCOME):
        grievance_actions.move_case(alice, case, phase, f"Moved on to {phase.value}.")
    return case


def _fits(driver: Any) -> bool:
    return bool(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))


def _top(driver: Any, element_id: str) -> float:
    return float(
        driver.execute_script(f"return document.getElementById('{element_id}').getBoundingClientRect().top")
    )


@pytest.mark.parametrize("language", ["en", "nl"])
def test_obligations_and_case_pages_in_both_languages_and_widths(
    sized_browser, live_server, alice, workspace, language
):
    from selenium.webdriver.common.by import By

    width, browser = sized_browser
    sign_in_with_session(browser, live_server, alice)
    assert browser.execute_script("return window.innerWidth") == WIDTHS[width]
    browser.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "path": "/"})

    browser.get(f"{live_server.url}/o/acme/obligations/?as_of=2026-12-02")
    wait_for(browser, lambda d: d.find_element(By.ID, "obligations-summary"))
    assert (
        _top(browser, "obligations-summary")
        < _top(browser, "obligations-timeline")
        < _top(browser, "rule-eu-cmr")
    )
    upcoming = browser.find_element(By.CSS_SELECTOR, "#obligations-timeline .oblg-event--next")
    assert upcoming.get_attribute("data-rule") == "eu-csddd"
    assert ("26 juli 2029" if language == "nl" else "26 July 2029") in upcoming.text
    past = browser.find_elements(By.CSS_SELECTOR, "#obligations-timeline .oblg-event--past")
    assert len(past) == 3
    assert past[0].value_of_css_property("color") != upcoming.value_of_css_property("color")
    glance = browser.find_element(By.CSS_SELECTOR, ".oblg-glance").text
    if language == "nl":
        assert "In één oogopslag" in glance
        assert not [word for word in ENGLISH if word in glance]
    assert _fits(browser), "the obligations page scrolls sideways"
    screenshot(browser, f"obligations-{language}-{width}")

    browser.get(f"{live_server.url}/o/acme/grievances/cases/{workspace.pk}/")
    wait_for(browser, lambda d: d.find_element(By.ID, "case-phases"))
    current = browser.find_element(By.CSS_SELECTOR, "#case-phases [aria-current='step']")
    assert current.get_attribute("data-phase") == "outcome"
    assert _top(browser, "case-phases") < _top(browser, "case-now") < _top(browser, "case-log")
    now = browser.find_element(By.ID, "case-now")
    assert now.find_element(By.ID, "outcome-form").is_displayed()
    assert now.find_element(By.ID, "remedy-form").is_displayed()
    assert [
        form.get_attribute("data-to-phase") for form in now.find_elements(By.CSS_SELECTOR, "form.gcase-move")
    ] == [
        "follow_up",
        "closed",
    ]
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Maria" not in page  # identity protection as before: alice has no grant
    if language == "nl":
        assert "Uitkomst" in current.text
        assert not [word for word in ENGLISH if word in page]
    assert _fits(browser), "the case page scrolls sideways"
    screenshot(browser, f"case-{language}-{width}")
