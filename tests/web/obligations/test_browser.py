"""End to end in headless Chromium: fill in the legal facts, upload imports, read "Your obligations"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings

from tests.web.browser import (
    SCREENSHOTS,
    browser_available,
    chromium_session,
    click_and_wait_for_new_page,
    sign_in_with_session,
)
from tests.web.obligations.conftest import IMPORTS_CSV

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not browser_available(), reason="chromium and chromedriver are needed"),
]


@pytest.fixture
def browser() -> Iterator[Any]:
    yield from chromium_session(window_size="1280,2000", implicit_wait=5)


def test_an_owner_fills_in_facts_uploads_imports_and_reads_the_obligations(
    browser, live_server, alice, tmp_path
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    sign_in_with_session(browser, live_server, alice)
    base = f"{live_server.url}/o/acme/obligations/"

    browser.get(base + "profile/edit/")
    Select(browser.find_element(By.ID, "id_country")).select_by_value("NL")
    browser.find_element(By.ID, "id_employees").send_keys("320")
    Select(browser.find_element(By.ID, "id_has_german_branch")).select_by_value("false")
    Select(browser.find_element(By.ID, "id_sells_to_dutch_end_users")).select_by_value("true")
    click_and_wait_for_new_page(
        browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
    )
    assert browser.current_url == base

    imports = tmp_path / "imports.csv"
    imports.write_text(IMPORTS_CSV, encoding="utf-8")
    browser.get(base + "imports/upload/")
    browser.find_element(By.ID, "id_file").send_keys(str(imports))
    click_and_wait_for_new_page(
        browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
    )
    assert browser.current_url == base + "imports/"
    assert "3000" in browser.find_element(By.TAG_NAME, "main").text

    browser.get(base)
    applies = browser.find_element(By.ID, "group-applies").find_element(By.XPATH, "..")
    assert "EU Conflict Minerals Regulation" in applies.text
    assert "Art. 4 Regulation (EU) 2017/821" in applies.text
    lksg = browser.find_element(By.ID, "rule-de-lksg")
    assert lksg.get_attribute("data-status") == "does_not_apply"
    browser.save_screenshot(str(SCREENSHOTS / "obligations-overview.png"))

    # "Cannot decide" links to the profile field it needs.
    csddd = browser.find_element(By.ID, "rule-eu-csddd")
    assert csddd.get_attribute("data-status") == "cannot_decide"
    browser.get(base + "history/")
    assert "Your facts changed" in browser.find_element(By.TAG_NAME, "main").text
    browser.save_screenshot(str(SCREENSHOTS / "obligations-history.png"))

    browser.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": "nl", "path": "/"})
    browser.get(base)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Uw verplichtingen"
    browser.save_screenshot(str(SCREENSHOTS / "obligations-overview-nl.png"))
