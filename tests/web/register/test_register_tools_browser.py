"""The register tools and the column-mapping upload in headless Chromium, in English and Dutch, at
desktop width and at 390 px (a phone). Screenshots go to ``var/screenshots/register-*.png``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser import (
    SCREENSHOTS,
    BackgroundJobWorker,
    browser_available,
    chromium_session,
    click_and_wait_for_new_page,
    wait_for,
)
from tests.web.register.test_register_tools import tools_register  # noqa: F401 (a fixture)
from tests.web.register.test_upload_mapping import ODD_HEADERS_CSV

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = 390
TEXT = {
    "en": {"count": "4 risks", "grouped": "Grouped per supplier", "columns": "Which column"},
    "nl": {"count": "4 risico's", "grouped": "Gegroepeerd per leverancier", "columns": "Welke kolom"},
}


@pytest.fixture
def browser() -> Iterator[Any]:
    if not browser_available():
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    yield from chromium_session()


@pytest.fixture
def media(tmp_path: Path, settings: Any) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return Path(settings.MEDIA_ROOT)


def _sign_in(browser: Any, base_url: str, user: Any, language: str) -> None:
    from django.test import Client

    client = Client()
    client.force_login(user)
    browser.get(base_url + "/accounts/login/")
    browser.add_cookie({"name": "sessionid", "value": client.cookies["sessionid"].value, "path": "/"})
    browser.add_cookie({"name": "django_language", "value": language, "path": "/"})


def _shot(browser: Any, name: str, width: int) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(width, 800)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, max(800, min(int(height) + 150, 6000)))
    browser.save_screenshot(str(SCREENSHOTS / f"register-{name}.png"))


def _fits(browser: Any) -> bool:
    """Nothing sticks out sideways: wide tables scroll inside their own box, the page does not."""
    return bool(
        browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    )


def _main(browser: Any) -> str:
    from selenium.webdriver.common.by import By

    return str(browser.find_element(By.TAG_NAME, "main").text)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_filter_sort_group_and_export_the_register(
    language: str,
    browser: Any,
    live_server: Any,
    alice: Any,
    tools_register: dict[str, Any],  # noqa: F811
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    text = TEXT[language]
    _sign_in(browser, live_server.url, alice, language)
    browser.set_window_size(1280, 1000)
    browser.get(live_server.url + "/o/acme/risks/")
    wait_for(browser, lambda d: text["count"] in _main(d))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    _shot(browser, f"list-{language}-desktop", 1280)

    # Filtering by theme replaces the results (htmx) and keeps the filter in the address.
    Select(browser.find_element(By.ID, "id_theme")).select_by_value("forced_labour")
    wait_for(
        browser, lambda d: "theme=forced_labour" in d.current_url and "Child labour in cocoa" not in _main(d)
    )
    assert "Forced labour in cocoa" in _main(browser)
    # Sorting by a column heading keeps the filter; ascending salience puts the least salient first.
    heading = browser.find_element(By.CSS_SELECTOR, "table.register-table thead th:first-child a")
    click_and_wait_for_new_page(browser, heading)
    assert "sort=salience" in browser.current_url
    assert "theme=forced_labour" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "table.register-table tbody tr")
    assert rows[0].text.find("-2+3 cotton") >= 0
    # The export link downloads the filtered view (fetched by the browser, with its session).
    link = browser.find_element(By.CSS_SELECTOR, ".register-export a[href*='export.csv']")
    exported = browser.execute_async_script(
        "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);", link.get_attribute("href")
    )
    lines = exported.strip().splitlines()
    assert len(lines) == 4  # the header and the three forced-labour risks
    assert "'-2+3 cotton" in lines[1]
    # The heat map links to the risks of one cell.
    cell = browser.find_element(By.CSS_SELECTOR, ".ls-map__grid a[href*='likelihood=2']")
    click_and_wait_for_new_page(browser, cell)
    assert "Forced labour in cocoa" in _main(browser)
    assert "Forced labour in bricks" not in _main(browser)

    browser.get(live_server.url + "/o/acme/risks/by-supplier/")
    wait_for(browser, lambda d: text["grouped"] in _main(d))
    assert _main(browser).index("Cacao Coop") < _main(browser).index("Brick Works")
    _shot(browser, f"by-supplier-{language}-desktop", 1280)

    for page, name in (("/o/acme/risks/", "list"), ("/o/acme/risks/by-supplier/", "by-supplier")):
        browser.set_window_size(PHONE, 900)
        browser.get(live_server.url + page)
        wait_for(browser, lambda d: d.execute_script("return document.readyState") == "complete")
        assert _fits(browser), name
        _shot(browser, f"{name}-{language}-phone", PHONE)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_upload_a_list_with_unknown_headers_and_choose_its_columns(
    language: str, browser: Any, live_server: Any, dave: Any, media: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from imvo.web.register.models import Scan, ScanStatus, Supplier

    worker = BackgroundJobWorker(media, tmp_path / "runjobs.log")
    try:
        path = tmp_path / "leveranciers.csv"
        path.write_text(ODD_HEADERS_CSV, encoding="utf-8")
        _sign_in(browser, live_server.url, dave, language)
        browser.set_window_size(1280, 1000)
        browser.get(live_server.url + "/o/acme/scans/")
        browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))
        click_and_wait_for_new_page(
            browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
        )
        assert "/columns/" in browser.current_url
        assert TEXT[language]["columns"] in _main(browser)
        assert "Wat wij kopen" in _main(browser)
        assert "cocoa beans" in _main(browser)
        assert "--map" not in browser.page_source
        _shot(browser, f"mapping-{language}-desktop", 1280)
        browser.set_window_size(PHONE, 900)
        assert _fits(browser)
        _shot(browser, f"mapping-{language}-phone", PHONE)

        for field, index in (("supplier", "0"), ("country", "1"), ("product", "2"), ("spend", "3")):
            Select(browser.find_element(By.ID, f"id_{field}")).select_by_value(index)
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.column-map button"))
        assert "/scans/" in browser.current_url
        assert "/columns/" not in browser.current_url
        worker.run_queued_jobs()
        scan = Scan.objects.get(organisation__slug="acme")
        assert scan.status == ScanStatus.DONE, scan.error
        assert Supplier.objects.filter(organisation__slug="acme", name="Cacao Coop", country="CI").exists()
    finally:
        worker.stop()
