"""In Chromium at phone width: a complaint filed in Bengali, followed in Bengali; pages fit 390 px.

Screenshots of the intake and follow-up pages in French, Bengali and Chinese, at 390 px and at desktop
width, go to var/screenshots/ (and IMVO_SCREENSHOTS_DIR when set). Needs Debian's chromium.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser import (
    SCREENSHOTS,
    browser_available,
    chromium_session,
    click_and_wait_for_new_page,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = 390


@pytest.fixture
def phone() -> Iterator[Any]:
    if not browser_available():
        pytest.skip("chromium and chromedriver are not installed")
    yield from chromium_session(f"{PHONE},900", implicit_wait=15)


def _fits(driver: Any) -> None:
    """Nothing is wider than the window: no sideways scrolling on a phone."""
    width = driver.execute_script("return document.documentElement.clientWidth")
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width, f"the page is {scroll} px wide in a {width} px window"


def _shot(driver: Any, name: str) -> None:
    folders = [
        SCREENSHOTS,
        *([Path(os.environ["IMVO_SCREENSHOTS_DIR"])] if "IMVO_SCREENSHOTS_DIR" in os.environ else []),
    ]
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, 800)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, max(800, min(int(height) + 150, 5000)))
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(folder / f"grievances-{name}.png"))


def test_a_complaint_filed_and_followed_in_bengali_on_a_phone(
    phone: Any, live_server: Any, mechanism: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from imvo.web.grievances.languages import PUBLIC_LANGUAGES
    from imvo.web.grievances.models import GrievanceCase

    mechanism.languages = [code for code, _name in PUBLIC_LANGUAGES]
    mechanism.save()
    driver = phone
    # The complainant arrives in English and picks Bengali in the page's own menu.
    driver.get(f"{live_server.url}/g/{mechanism.slug}/")
    menu = driver.find_element(By.CSS_SELECTOR, "nav.public-languages")
    assert [link.text for link in menu.find_elements(By.TAG_NAME, "a")] == [n for _c, n in PUBLIC_LANGUAGES]
    click_and_wait_for_new_page(driver, menu.find_element(By.CSS_SELECTOR, "a[lang=bn]"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "bn"
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("অভিযোগ করুন")
    _fits(driver)
    driver.find_element(By.ID, "id_subject").send_keys("ওভারটাইমের মজুরি দেওয়া হয় না")
    driver.find_element(By.ID, "id_description").send_keys("আমরা সপ্তাহে ৭০ ঘণ্টা কাজ করি।")
    Select(driver.find_element(By.ID, "id_theme")).select_by_value("wages")
    country = Select(driver.find_element(By.ID, "id_country"))
    country.select_by_value("BD")
    assert country.first_selected_option.text == "বাংলাদেশ"
    # The file picker speaks Bengali (not the browser's "Choose Files") and lists the chosen file.
    picker = driver.find_element(By.CSS_SELECTOR, ".file-picker")
    assert picker.find_element(By.CLASS_NAME, "file-picker__button").text == "ফাইল বেছে নিন"
    assert picker.find_element(By.CLASS_NAME, "file-picker__names").text == "কোনো ফাইল বেছে নেওয়া হয়নি"
    evidence = tmp_path / "payslip.pdf"
    evidence.write_bytes(b"%PDF-1.4\n%%EOF\n")
    driver.find_element(By.ID, "id_attachments").send_keys(str(evidence))
    assert picker.find_element(By.CLASS_NAME, "file-picker__names").text == "payslip.pdf"
    if not driver.find_element(By.ID, "id_anonymous").is_selected():
        driver.find_element(By.ID, "id_anonymous").click()
    click_and_wait_for_new_page(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "ধন্যবাদ: আমরা আপনার অভিযোগ পেয়েছি"
    _fits(driver)
    reference = driver.find_element(By.ID, "case-reference").text
    code = driver.find_element(By.ID, "access-code").text
    filed = GrievanceCase.objects.get(reference=reference)
    assert filed.language == "bn"
    assert [attachment.original_name for attachment in filed.attachments.all()] == ["payslip.pdf"]

    # Back later: the follow-up link keeps the language; the case page opens in the case's.
    click_and_wait_for_new_page(driver, driver.find_element(By.CSS_SELECTOR, "main a[href*='/follow/']"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "bn"
    driver.find_element(By.ID, "id_reference").send_keys(reference)
    driver.find_element(By.ID, "id_access_code").send_keys(code)
    click_and_wait_for_new_page(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.find_element(By.ID, "case-phase").text == "গৃহীত"
    _fits(driver)
    _shot(driver, "bn-case-390")


@pytest.mark.parametrize("language", ["fr", "bn", "zh-hans"])
def test_screenshots_of_intake_and_follow_up(
    phone: Any, live_server: Any, mechanism: Any, language: Any
) -> None:
    from selenium.webdriver.common.by import By

    from imvo.web.grievances import actions
    from imvo.web.grievances.languages import PUBLIC_LANGUAGES

    mechanism.languages = [code for code, _name in PUBLIC_LANGUAGES]
    mechanism.save()
    case, code = actions.submit_complaint(
        mechanism,
        {"subject": "Overtime", "description": "Unpaid.", "theme": "wages", "country": "BD"},
        language=language,
    )
    driver = phone
    for width in (PHONE, 1280):
        driver.set_window_size(width, 900)
        driver.get(f"{live_server.url}/g/{mechanism.slug}/?lang={language}")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
        _fits(driver)
        _shot(driver, f"{language}-intake-{width}")
        driver.get(f"{live_server.url}/g/{mechanism.slug}/follow/?lang={language}")
        driver.find_element(By.ID, "id_reference").send_keys(case.reference)
        driver.find_element(By.ID, "id_access_code").send_keys(code)
        click_and_wait_for_new_page(
            driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
        )
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
        _fits(driver)
        _shot(driver, f"{language}-case-{width}")
        driver.delete_all_cookies()
