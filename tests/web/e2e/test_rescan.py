"""A year later, in headless Chromium: the same list again changes nothing; a list without one supplier
is previewed, confirmed, and closes that supplier's risk with its measure kept.

Screenshots: ``var/screenshots/workspace-rescan-*.png`` (desktop, and the preview at 390 px).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser import REPO, click_and_wait_for_new_page, screenshot, sign_in_with_session, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

SUPPLIER_FILE = REPO / "examples" / "leveranciers.csv"
REMOVED_SUPPLIER = "Bhaktapur Brick Works"
MEASURE = "Joint audit of the kilns with the brick-makers' union"


def _upload(browser: Any, org: str, path: Path, job_worker: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(org + "/scans/")
    browser.find_element(By.ID, "id_file").send_keys(str(path))
    button = browser.find_element(
        By.CSS_SELECTOR, "main form[enctype='multipart/form-data'] button[type=submit]"
    )
    click_and_wait_for_new_page(browser, button)
    wait_for(browser, lambda d: re.search(r"/scans/\d+/$", d.current_url))
    job_worker.run_queued_jobs()


def _preview_count(browser: Any, mode: str, name: str) -> int:
    from selenium.webdriver.common.by import By

    cell = browser.find_element(
        By.CSS_SELECTOR, f"form.merge-choice:has(input[value='{mode}']) td[data-count='{name}']"
    )
    return int(cell.text)


def _confirm(browser: Any, mode: str, job_worker: Any) -> None:
    from selenium.webdriver.common.by import By

    button = browser.find_element(By.CSS_SELECTOR, f"form.merge-choice:has(input[value='{mode}']) button")
    click_and_wait_for_new_page(browser, button)
    job_worker.run_queued_jobs()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#scan-status table.counts caption"))


def test_upload_judge_rescan_and_find_the_closed_risk_with_its_measure(
    browser: Any, live_server: Any, job_worker: Any, alice: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from imvo.web.register.models import Risk, RiskStatus

    org = f"{live_server.url}/o/acme"
    sign_in_with_session(browser, live_server, alice)

    # The first list fills the register directly.
    _upload(browser, org, SUPPLIER_FILE, job_worker)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#scan-status .status--done"))
    risk = Risk.objects.filter(organisation__slug="acme", supplier__name=REMOVED_SUPPLIER).first()
    assert risk is not None

    # Judge it and add a measure, in the browser.
    browser.get(f"{org}/risks/{risk.pk}/")
    for field, value in (
        ("id_severity", "4"),
        ("id_scale", "4"),
        ("id_scope", "4"),
        ("id_irremediability", "4"),
    ):
        Select(browser.find_element(By.ID, field)).select_by_value(value)
    browser.find_element(By.ID, "id_rationale").send_keys("Bonded labour at the kilns")
    click_and_wait_for_new_page(
        browser, browser.find_element(By.CSS_SELECTOR, f"form[action$='/risks/{risk.pk}/judge/'] button")
    )
    click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "Add a measure"))
    Select(browser.find_element(By.ID, "id_kind")).select_by_value("use_leverage")
    browser.find_element(By.ID, "id_description").send_keys(MEASURE)
    browser.find_element(By.ID, "id_owner").send_keys("Buyer")
    click_and_wait_for_new_page(
        browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
    )
    risks_before = Risk.objects.filter(organisation__slug="acme").count()

    # The same list again: the preview says there is nothing to change; confirming changes nothing.
    _upload(browser, org, SUPPLIER_FILE, job_worker)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "form.merge-choice"))
    assert (
        "No changes: the register already matches this list."
        in browser.find_element(By.TAG_NAME, "main").text
    )
    screenshot(browser, "rescan-1-no-changes")
    _confirm(browser, "replace", job_worker)
    assert Risk.objects.filter(organisation__slug="acme").count() == risks_before

    # A list without the brick works: previewed with its consequences, then confirmed.
    lines = SUPPLIER_FILE.read_bytes().decode("cp1252").splitlines(keepends=True)
    shorter = tmp_path / "leveranciers-2027.csv"
    shorter.write_bytes("".join(line for line in lines if REMOVED_SUPPLIER not in line).encode("cp1252"))
    _upload(browser, org, shorter, job_worker)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "form.merge-choice"))
    assert _preview_count(browser, "replace", "suppliers_removed") == 1
    closing = _preview_count(browser, "replace", "risks_closed")
    assert closing >= 1
    assert _preview_count(browser, "add", "risks_closed") == 0
    browser.find_element(By.CSS_SELECTOR, "form.merge-choice:has(input[value='replace']) summary").click()
    assert REMOVED_SUPPLIER in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "rescan-2-preview")
    browser.set_window_size(390, 844)
    screenshot(browser, "rescan-2-preview-phone")
    browser.set_window_size(1280, 1800)
    _confirm(browser, "replace", job_worker)
    assert Risk.objects.filter(organisation__slug="acme", status=RiskStatus.CLOSED).count() == closing

    # The closed risk, with its reason, its measure and its history.
    browser.get(f"{org}/risks/{risk.pk}/")
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "Closed" in text
    assert "Supplier no longer in the list" in text
    assert MEASURE in text
    assert "History across scans" in text
    screenshot(browser, "rescan-3-closed-risk")
