"""End to end in a real browser: an anonymous complaint, followed with its access code, handled.

Needs Debian's chromium and chromedriver (/usr/bin); skipped when they are absent.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser import click_and_wait_for_new_page, sign_in_with_session

pytestmark = pytest.mark.django_db(transaction=True)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOTS = Path("var/screenshots")


@pytest.fixture
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("chromium and chromedriver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="imvo-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,1600",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(15)  # a busy 2-core CI machine can be slow to serve the first page
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _shot(driver: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"grievances-{name}.png"))


def test_file_anonymously_follow_with_the_code_and_handle_through_the_phases(
    browser, live_server, mechanism, alice
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from imvo.web.grievances.models import GrievanceCase

    # 1. An anonymous visitor files a complaint.
    browser.get(f"{live_server.url}/g/{mechanism.slug}/")
    browser.find_element(By.ID, "id_subject").send_keys("Unpaid overtime")
    browser.find_element(By.ID, "id_description").send_keys("We work 70 hours a week without overtime pay.")
    Select(browser.find_element(By.ID, "id_theme")).select_by_value("wages")
    Select(browser.find_element(By.ID, "id_country")).select_by_value("BD")
    anonymous = browser.find_element(By.ID, "id_anonymous")
    if not anonymous.is_selected():
        anonymous.click()
    _shot(browser, "1-intake")
    click_and_wait_for_new_page(
        browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
    )
    reference = browser.find_element(By.ID, "case-reference").text
    code = browser.find_element(By.ID, "access-code").text
    _shot(browser, "2-received")
    case = GrievanceCase.objects.get(reference=reference)
    assert case.anonymous

    # 2. The complainant follows the case with the reference and the access code.
    browser.delete_all_cookies()
    browser.get(f"{live_server.url}/g/{mechanism.slug}/follow/")
    browser.find_element(By.ID, "id_reference").send_keys(reference)
    browser.find_element(By.ID, "id_access_code").send_keys(code)
    click_and_wait_for_new_page(
        browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
    )
    assert browser.find_element(By.ID, "case-phase").text == "Received"
    _shot(browser, "3-follow")
    complainant_cookies = browser.get_cookies()

    # 3. A handler moves the case through the phases.
    browser.delete_all_cookies()
    sign_in_with_session(browser, live_server, alice)
    for phase, reason in [
        ("initial_assessment", "Acknowledged."),
        ("good_offices", "Admissible."),
        ("outcome", "Dialogue concluded."),
    ]:
        browser.get(f"{live_server.url}/o/acme/grievances/cases/{case.pk}/")
        # Only the current phase's moves are offered, each with its own reason field.
        browser.find_element(By.ID, f"move-{phase}-reason").send_keys(reason)
        button = browser.find_element(By.CSS_SELECTOR, f"form.gcase-move[data-to-phase='{phase}'] button")
        click_and_wait_for_new_page(browser, button)  # the page after the redirect
        case.refresh_from_db()
        assert case.phase == phase
    assert "Admissible." in browser.find_element(By.ID, "case-log").text
    _shot(browser, "4-handler")

    # 4. The complainant sees the new phase.
    browser.delete_all_cookies()
    browser.get(f"{live_server.url}/g/{mechanism.slug}/follow/")
    for cookie in complainant_cookies:
        browser.add_cookie({"name": cookie["name"], "value": cookie["value"]})
    browser.get(f"{live_server.url}/g/{mechanism.slug}/case/")
    assert browser.find_element(By.ID, "case-phase").text == "Outcome"
    _shot(browser, "5-complainant-sees-outcome")
