"""The published report's PDF as a reader gets it: published in Dutch in the browser, downloaded from
the public page by the browser itself, page 1 (the cover) and page 3 (the first section) rendered with
PDFium and saved as ``var/screenshots/report-pdf-page-*.png``."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.pdf_reading import A4_RATIO, page_texts, render_page_png
from tests.web.browser import SCREENSHOTS, click_and_wait_for_new_page, sign_in_with_session, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

BENGALI_RISK = "চা বাগানে শ্রমিকদের মজুরি বকেয়া"
CHINESE_RISK = "工厂拖欠工人工资"
TITLE = "MVO-verantwoording 2026"

FETCH_AS_BASE64 = """
const done = arguments[arguments.length - 1];
fetch(arguments[0]).then(r => r.arrayBuffer()).then(buffer => {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  done(btoa(binary));
}).catch(error => done("error: " + error));
"""


def _publish_in_dutch(browser: Any, live_server: Any, alice: Any) -> str:
    """Publish through the reports page in Dutch; returns the public page's address."""
    from selenium.webdriver.common.by import By

    sign_in_with_session(browser, live_server, alice)
    browser.add_cookie({"name": "django_language", "value": "nl", "path": "/"})
    browser.get(f"{live_server.url}/o/acme/reports/")
    title = wait_for(browser, lambda d: d.find_element(By.ID, "id_title"))
    title.clear()
    title.send_keys(TITLE)
    browser.find_element(By.ID, "id_confirm").click()
    button = browser.find_element(By.CSS_SELECTOR, "form[action$='/reports/publish/'] button[type=submit]")
    click_and_wait_for_new_page(browser, button)
    browser.get(f"{live_server.url}/o/acme/reports/")
    return str(wait_for(browser, lambda d: d.find_element(By.LINK_TEXT, "HTML")).get_attribute("href"))


def test_the_published_report_pdf_renders_as_real_a4_pages(
    browser: Any, live_server: Any, alice: Any, acme: Any
) -> None:
    from selenium.webdriver.common.by import By

    from imvo.web.register import actions

    for title in (BENGALI_RISK, CHINESE_RISK, "Kinderarbeid bij de cacaoteelt"):
        actions.create_manual_risk(
            alice, acme, {"title": title, "area": "supply_chain", "country": "BD", "salience": 70}
        )
    public_url = _publish_in_dutch(browser, live_server, alice)

    browser.delete_all_cookies()  # the PDF is public: read it as an anonymous visitor
    browser.get(public_url)
    link = wait_for(browser, lambda d: d.find_element(By.CSS_SELECTOR, "a[href$='/report.pdf']"))
    encoded = browser.execute_async_script(FETCH_AS_BASE64, link.get_attribute("href"))
    assert not encoded.startswith("error"), encoded
    pdf = base64.b64decode(encoded)
    assert pdf.startswith(b"%PDF-")

    pages = page_texts(pdf)
    assert TITLE in pages[0]
    assert pages[1].startswith("Inhoud")
    assert CHINESE_RISK in " ".join(pages)
    assert pages[-1].endswith(f"pagina {len(pages)} van {len(pages)}")
    for number in (1, 3):
        width, height, dark = render_page_png(pdf, number, SCREENSHOTS / f"report-pdf-page-{number}.png")
        assert abs(height / width - A4_RATIO) < 0.01  # an A4 page
        assert dark > 0.002  # drawn text and bars, not a blank page
