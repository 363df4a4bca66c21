"""End to end in headless Chromium: import, upload disclosures, follow a chart to its evidence."""

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
from tests.web.monitoring.conftest import ENDORSING, POPULATION_CSV, SILENT

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not browser_available(), reason="chromium and chromedriver are needed"),
]


@pytest.fixture
def browser() -> Iterator[Any]:
    yield from chromium_session(window_size="1280,2000", implicit_wait=5)


def _submit(driver: Any, xpath: str) -> None:
    """Click a form's button and wait until the next page has replaced this one."""
    from selenium.webdriver.common.by import By

    click_and_wait_for_new_page(driver, driver.find_element(By.XPATH, xpath))


def test_a_monitor_runs_a_round_and_follows_a_figure_to_its_evidence(
    browser, live_server, monitor, alice, tmp_path
):
    from selenium.webdriver.common.by import By

    from imvo.web.jobs.queue import run_pending_jobs_now

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    population = tmp_path / "population.csv"
    population.write_text(POPULATION_CSV, encoding="utf-8")
    endorsing = tmp_path / "12345678_statement.txt"
    endorsing.write_text(ENDORSING, encoding="utf-8")
    silent = tmp_path / "33333333_annual-report.txt"
    silent.write_text(SILENT, encoding="utf-8")
    sign_in_with_session(browser, live_server, alice)
    base = f"{live_server.url}/o/ministry/monitoring/"

    browser.get(base)
    browser.find_element(By.ID, "id_file").send_keys(str(population))
    _submit(browser, "//form[contains(@action,'population/import')]//button")
    assert "Acme B.V." in browser.page_source
    browser.get(base)
    browser.find_element(By.ID, "id_name").send_keys("2021")
    _submit(browser, "//form[contains(@action,'rounds/new')]//button")
    assert "Round 2021" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.ID, "id_files").send_keys(f"{endorsing}\n{silent}")
    _submit(browser, "//form[contains(@action,'disclosures')]//button")
    assert browser.find_elements(By.CSS_SELECTOR, ".job-progress")
    run_pending_jobs_now()
    browser.refresh()
    browser.save_screenshot(str(SCREENSHOTS / "monitoring-round.png"))
    assert (
        "Acme B.V."
        in browser.find_element(By.ID, "assessments").find_element(By.XPATH, "following::table").text
    )

    browser.get(base + "dashboard/")
    browser.save_screenshot(str(SCREENSHOTS / "monitoring-dashboard.png"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "figure.chart svg")) >= 5
    # Every figure links to the assessments behind it: follow the "step 4" row of the steps table.
    link = browser.find_element(By.CSS_SELECTOR, "a[href*='measure=step'][href*='group=4']")
    click_and_wait_for_new_page(browser, link)
    assert "The assessments behind the figure" in browser.page_source
    table = browser.find_element(By.ID, "assessments").find_element(By.XPATH, "following::table").text
    assert "Acme B.V." in table
    assert "Zuivel Groot" not in table
    browser.save_screenshot(str(SCREENSHOTS / "monitoring-evidence.png"))


def test_the_demo_dashboard_in_dutch(browser, live_server, alice):
    from selenium.webdriver.common.by import By

    from imvo.web.monitoring.demo import DEMO_SLUG, seed_monitoring

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    seed_monitoring(owner=alice)
    sign_in_with_session(browser, live_server, alice)
    browser.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": "nl", "path": "/"})
    browser.get(f"{live_server.url}/o/{DEMO_SLUG}/monitoring/dashboard/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Monitoringdashboard"
    trajectory = browser.find_element(By.CSS_SELECTOR, "figure.chart svg")
    drawn = trajectory.get_attribute("innerHTML")
    assert "referentiereeks" in drawn  # the words inside the charts are translated too
    assert "doel 90 %" in drawn
    assert "2017" in drawn
    browser.save_screenshot(str(SCREENSHOTS / "monitoring-demo-dashboard.png"))
