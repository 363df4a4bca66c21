"""The company's overview in headless Chromium, in English and Dutch, at desktop width and on a 390 px
phone: the key figures are there, a band's tile leads to the register filtered to as many risks, the
navigation is grouped by the six steps and folds into a menu on the phone, and nothing scrolls
sideways. Screenshots: ``var/screenshots/workspace-overview-*.png``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.web.browser import click_and_wait_for_new_page, screenshot, sign_in_with_session, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

PHONE, DESKTOP = 390, 1280
TEXT = {
    "en": {"title": "Overview", "risks": "{count} risks", "menu": "Menu", "step": "Risks"},
    "nl": {"title": "Overzicht", "risks": "{count} risico's", "menu": "Menu", "step": "Risico's"},
}
TILES = (
    "suppliers",
    "risks",
    "not-judged",
    "measures",
    "follow-ups",
    "complaints",
    "obligations",
    "scan",
    "report",
)


@pytest.fixture
def company(acme: Any, alice: Any) -> Any:
    """Risks in three salience bands, suppliers, an overdue measure and an open complaint."""
    from imvo.web.grievances import actions as grievances
    from imvo.web.register import actions, scales
    from imvo.web.register.models import Supplier

    Supplier.objects.bulk_create(
        [Supplier(organisation=acme, key=f"s{n}", name=f"Supplier {n}", country="IN") for n in range(1500)]
    )
    for band, count in ((4, 3), (3, 5), (1, 2)):
        low, _high = scales.salience_band_range(band)
        for n in range(count):
            risk = actions.create_manual_risk(
                alice,
                acme,
                {"title": f"Band {band} risk {n}", "likelihood": 60, "severity": 60, "salience": low},
            )
    actions.add_measure(
        alice,
        acme,
        risk,
        {
            "kind": "prevent",
            "description": "Audit the brick kiln",
            "owner": "Buyer",
            "due_on": dt.date(2026, 1, 5),
        },
    )
    mechanism = grievances.create_mechanism(
        alice, acme, {"name": "Acme complaints", "slug": "acme-complaints"}
    )
    grievances.submit_complaint(
        mechanism, {"subject": "Unpaid wages", "description": "Unpaid.", "anonymous": True}
    )
    return acme


def _open(browser: Any, url: str, width: int, title: str) -> None:
    from selenium.webdriver.common.by import By

    browser.set_window_size(width, 900)
    browser.get(url)
    wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "h1").text == title)


def _fits(browser: Any) -> bool:
    return bool(
        browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    )


def _tiles_are_visible(browser: Any) -> None:
    from selenium.webdriver.common.by import By

    for key in TILES:
        tile = browser.find_element(By.CSS_SELECTOR, f'[data-tile="{key}"]')
        assert tile.is_displayed(), key


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_overview_on_a_desktop_and_a_phone(
    language: str, browser: Any, live_server: Any, alice: Any, company: Any
) -> None:
    from selenium.webdriver.common.by import By

    text = TEXT[language]
    sign_in_with_session(browser, live_server, alice)
    browser.add_cookie({"name": "django_language", "value": language, "path": "/"})
    home = live_server.url + "/o/acme/"

    # Desktop: the tiles, the six steps beside them, the navigation open with its step groups.
    _open(browser, home, DESKTOP, text["title"])
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    _tiles_are_visible(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, ".steps > li")) == 6
    risks_group = browser.find_element(By.ID, "nav-group-risks")
    assert risks_group.is_displayed()
    assert text["step"].upper() in risks_group.text.upper()
    suppliers = browser.find_element(By.CSS_SELECTOR, '[data-tile="suppliers"] .tile__figure').text
    assert suppliers == ("1,500" if language == "en" else "1.500")
    assert _fits(browser)
    screenshot(browser, f"overview-{language}-desktop")

    # The very-high band's tile leads to the register filtered to exactly its risks.
    band = browser.find_element(By.CSS_SELECTOR, '[data-tile="risks"] a[data-band="4"]')
    count = int(band.find_element(By.TAG_NAME, "strong").text)
    assert count == 3
    click_and_wait_for_new_page(browser, band)
    assert "band=4" in browser.current_url
    main = browser.find_element(By.TAG_NAME, "main").text
    assert text["risks"].format(count=count) in main
    assert "Band 4 risk 0" in main
    assert "Band 3 risk 0" not in main

    # Phone: one column, the menu folded until asked for, nothing wider than the screen.
    _open(browser, home, PHONE, text["title"])
    _tiles_are_visible(browser)
    assert _fits(browser)
    menu = browser.find_element(By.CSS_SELECTOR, ".org-nav__menu")
    assert menu.get_attribute("open") is None
    assert not browser.find_element(By.ID, "nav-group-risks").is_displayed()
    screenshot(browser, f"overview-{language}-phone")
    toggle = browser.find_element(By.CSS_SELECTOR, ".org-nav__toggle")
    assert toggle.text == text["menu"]
    toggle.click()
    wait_for(browser, lambda d: d.find_element(By.ID, "nav-group-risks").is_displayed())
    assert _fits(browser)
    screenshot(browser, f"overview-{language}-phone-menu")
