"""End to end in headless Chromium: a member submits its plan, the secretariat assesses it with four
eyes, the member reads its assessment; members consent to publish, the list is published and read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.browser import (
    browser_available,
    chromium_session,
    click_and_wait_for_new_page,
    sign_in_with_session,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not browser_available(), reason="chromium and chromedriver are needed"),
]


@pytest.fixture
def browser() -> Iterator[Any]:
    yield from chromium_session(window_size="1280,2000", implicit_wait=5)


def _as(driver: Any, live_server: Any, user: Any) -> None:
    driver.delete_all_cookies()
    sign_in_with_session(driver, live_server, user)


def _submit(driver: Any, xpath: str) -> None:
    from selenium.webdriver.common.by import By

    click_and_wait_for_new_page(driver, driver.find_element(By.XPATH, xpath))


def _open_details(driver: Any, summary_text: str) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.XPATH, f"//summary[contains(., '{summary_text}')]").click()


def test_a_members_assessment_from_submission_to_reading_it(
    browser, live_server, covenant, members, alice, dave
):
    from selenium.webdriver.common.by import By

    member = members[0]
    _as(browser, live_server, member["owner"])
    browser.get(f"{live_server.url}/o/kleding-1/covenants/")
    _open_details(browser, "Submit this year")
    _submit(browser, "//form[contains(@action,'/submit/')]//button")
    assert "Your plan is submitted" in browser.page_source

    _as(browser, live_server, alice)
    browser.get(f"{live_server.url}/o/convenant/covenant/assessments/")
    _submit(browser, "//a[contains(., 'Kleding Een B.V.')]")
    for area in browser.find_elements(By.XPATH, "//textarea[starts-with(@name,'reason_')]"):
        area.send_keys("Shown in the shared register.")
    browser.find_element(By.NAME, "improvement_1").send_keys("Publish a due-diligence report")
    browser.execute_script("document.getElementsByName('due_1')[0].value = '2026-06-30';")
    _submit(browser, "//form[contains(@action,'/propose/')]//button")
    assert "a second person must now approve it" in browser.page_source
    assert "Another person must approve your assessment." in browser.page_source
    assessment_url = browser.current_url

    _as(browser, live_server, dave)
    browser.get(assessment_url)
    browser.find_element(By.XPATH, "//input[@value='approve']").click()
    browser.find_element(By.NAME, "reason").send_keys("Agreed.")
    _submit(browser, "//form[contains(@action,'/decide/')]//button")
    assert "The decision is recorded." in browser.page_source

    _as(browser, live_server, member["owner"])
    browser.get(f"{live_server.url}/o/kleding-1/covenants/")
    _submit(
        browser,
        "//td/a[normalize-space()='2026' or normalize-space()='2025' or contains(@href,'assessments')]",
    )
    page = browser.page_source
    assert "Shown in the shared register." in page
    assert "Publish a due-diligence report" in page


def test_members_consent_and_the_secretariat_publishes_the_location_list(
    browser, live_server, covenant, members, alice
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from imvo.web.covenants import actions, queries
    from imvo.web.register.models import Supplier

    for other in members[1:3]:  # two more members publish through the actions
        company = other["company"]
        flags = {"share_register": True, "publish_locations": True}
        actions.update_consent(other["owner"], queries.consent_of(company, covenant), flags)
        for supplier in Supplier.objects.filter(organisation=company):
            actions.describe_location(other["owner"], company, supplier, {"address": "Street 1"})

    member = members[0]
    _as(browser, live_server, member["owner"])
    browser.get(f"{live_server.url}/o/kleding-1/covenants/")
    browser.find_element(By.XPATH, "//input[contains(@name,'publish_locations')]").click()
    _submit(browser, "//form[contains(@action,'/consent/')]//button[contains(., 'Save my choices')]")
    assert "Your consent is changed." in browser.page_source
    browser.get(f"{live_server.url}/o/kleding-1/covenants/locations/")
    Select(browser.find_element(By.NAME, "supplier")).select_by_visible_text("Solo Sewing Ltd")
    browser.find_element(By.NAME, "address").send_keys("12 Harbour Road, Hai Phong")
    _submit(browser, "//main//form//button")
    assert "The production location is saved." in browser.page_source

    _as(browser, live_server, alice)
    browser.get(f"{live_server.url}/o/convenant/covenant/locations/")
    _submit(browser, "//form[contains(@action,'locations/publish')]//button")
    assert "The production-location list is published." in browser.page_source

    browser.delete_all_cookies()
    browser.get(f"{live_server.url}/covenants/convenant/locations/")
    page = browser.page_source
    assert "12 Harbour Road, Hai Phong" in page
    assert "Kleding Een B.V." not in page
    assert browser.find_element(By.LINK_TEXT, "CSV").get_attribute("href").endswith("locations.csv")
