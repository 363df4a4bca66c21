"""The acceptance path of the workspace in headless Chromium.

Sign in with a password (and with a TOTP code), upload the example supplier list, watch the scan's htmx
progress until the background worker has finished, read the register (most salient first), judge a
risk's severity, add measures, publish the report and read it anonymously without the confidential
items. Every step is saved as ``var/screenshots/workspace-*.png``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from tests.web.browser import REPO, click_and_wait_for_new_page, screenshot, wait_for
from tests.web.conftest import PERSONA_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

SUPPLIER_FILE = REPO / "examples" / "leveranciers.csv"
CONFIDENTIAL_RISK = "Unsafe night shifts at the Tilburg depot"
CONFIDENTIAL_MEASURE = "Confidential settlement with the supplier's owner"
PUBLIC_MEASURE = "Independent child-labour audit at the cooperative"


def _sign_in_with_password(browser: Any, base_url: str, email: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(base_url + "/accounts/login/")
    wait_for(browser, lambda d: d.find_element(By.ID, "id_email"))
    browser.find_element(By.ID, "id_email").send_keys(email)
    browser.find_element(By.ID, "id_password").send_keys(PERSONA_PASSWORD)
    click_and_wait_for_new_page(
        browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
    )


def _submit(browser: Any, form_selector: str = "main form") -> None:
    """Submit a form and wait until the next page has replaced this one."""
    from selenium.webdriver.common.by import By

    button = browser.find_element(By.CSS_SELECTOR, f"{form_selector} button[type=submit]")
    click_and_wait_for_new_page(browser, button)


def _main_text(browser: Any) -> str:
    from selenium.webdriver.common.by import By

    return str(browser.find_element(By.TAG_NAME, "main").text)


def test_sign_in_with_a_password_and_a_totp_code(browser: Any, live_server: Any, alice: Any) -> None:
    import pyotp
    from selenium.webdriver.common.by import By

    from imvo.web.accounts.models import User

    secret = pyotp.random_base32()
    User.objects.filter(pk=alice.pk).update(totp_enabled=True, totp_secret=secret, totp_last_counter=0)

    _sign_in_with_password(browser, live_server.url, "alice@example.org")
    # The password alone does not sign in: the second step asks for the code.
    wait_for(browser, lambda d: "/accounts/login/verify/" in d.current_url)
    code_field = wait_for(browser, lambda d: d.find_element(By.ID, "id_code"))
    screenshot(browser, "0-totp")
    browser.get(live_server.url + "/o/acme/")
    wait_for(browser, lambda d: "/accounts/login/" in d.current_url)  # still signed out

    _sign_in_with_password(browser, live_server.url, "alice@example.org")
    code_field = wait_for(browser, lambda d: d.find_element(By.ID, "id_code"))
    code_field.send_keys(pyotp.TOTP(secret).now())
    _submit(browser)
    browser.get(live_server.url + "/o/acme/")
    wait_for(browser, lambda d: d.current_url.rstrip("/").endswith("/o/acme"))
    assert "Acme" in browser.find_element(By.TAG_NAME, "body").text


def test_sign_in_upload_scan_edit_the_register_and_publish_the_report(
    browser: Any, live_server: Any, job_worker: Any, alice: Any
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from imvo.web.register.models import RISK_ORDER, Risk, Scan, ScanStatus

    base = live_server.url
    org = f"{base}/o/acme"

    # 1. Sign in with the password form.
    _sign_in_with_password(browser, base, "alice@example.org")
    wait_for(browser, lambda d: "/accounts/login/" not in d.current_url)
    browser.get(org + "/")
    wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "h1"))
    screenshot(browser, "1-where-are-we")

    # 2. Upload the example supplier list (cp1252, semicolons) in the browser.
    browser.get(org + "/scans/")
    browser.find_element(By.ID, "id_file").send_keys(str(SUPPLIER_FILE))
    screenshot(browser, "2-upload")
    _submit(browser, "main form[enctype='multipart/form-data']")
    wait_for(browser, lambda d: re.search(r"/scans/\d+/$", d.current_url))
    scan = Scan.objects.get(organisation__slug="acme")
    status = wait_for(browser, lambda d: d.find_element(By.ID, "scan-status"))
    assert status.get_attribute("hx-get"), "a queued scan polls for its progress"
    assert browser.find_elements(By.CSS_SELECTOR, "#scan-status progress")
    # A marker on the page: if it survives, the page was updated by htmx, not reloaded.
    browser.execute_script("window.imvoE2eMarker = 'still the same page';")
    screenshot(browser, "3-scan-queued")

    # 3. The worker scans the file; the progress bar is replaced by the result without a reload.
    job_worker.run_queued_jobs()
    scan.refresh_from_db()
    assert scan.status == ScanStatus.DONE, f"{scan.error}\n{job_worker.log()}"
    if job_worker.mode == "subprocess":  # PostgreSQL: the separate runjobs process did the work
        done_line = f"job {scan.job_id} scan_suppliers: done"
        assert done_line in job_worker.wait_for_log_line(done_line)
    done = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#scan-status .status--done"))
    assert f"{scan.rows} rows read" in done[0].text
    assert browser.execute_script("return window.imvoE2eMarker") == "still the same page"
    assert not browser.find_element(By.ID, "scan-status").get_attribute("hx-get"), "polling stops"
    assert scan.rows == 45
    assert scan.risks_count > 0
    screenshot(browser, "4-scan-done")

    # 4. The register has filled, most salient first.
    click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "Open the risk register"))
    wait_for(browser, lambda d: d.current_url.endswith("/risks/"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#risk-table table.register-table tbody tr")
    # The salience cell reads "93 very high": the number and its band's name.
    saliences = [int(row.find_element(By.TAG_NAME, "td").text.split()[0]) for row in rows]
    assert len(saliences) >= 3
    assert saliences == sorted(saliences, reverse=True)
    top = Risk.objects.filter(organisation__slug="acme").order_by(*RISK_ORDER).first()
    assert top is not None
    with translation.override("en"):
        assert rows[0].find_element(By.TAG_NAME, "a").text == top.heading
    assert top.supplier is not None
    assert top.supplier.name in rows[0].text
    screenshot(browser, "5-register")

    # 5. Judge the most salient risk's severity, with the reason.
    click_and_wait_for_new_page(browser, rows[0].find_element(By.TAG_NAME, "a"))
    wait_for(browser, lambda d: f"/risks/{top.pk}/" in d.current_url)
    Select(browser.find_element(By.ID, "id_severity")).select_by_value("5")
    Select(browser.find_element(By.ID, "id_scale")).select_by_value("5")
    Select(browser.find_element(By.ID, "id_scope")).select_by_value("4")
    Select(browser.find_element(By.ID, "id_irremediability")).select_by_value("5")
    browser.find_element(By.ID, "id_rationale").send_keys("Children work on the plantations (ILAB 2024).")
    _submit(browser, f"form[action$='/risks/{top.pk}/judge/']")
    judged = _main_text(browser)
    assert "Children work on the plantations (ILAB 2024)." in judged
    assert "by Alice" in judged
    top.refresh_from_db()
    assert top.severity == 92  # (5 + 4 + 5 - 3) / 12 * 100, rounded
    screenshot(browser, "6-judged")

    # 6. Add a public and a confidential measure.
    for description, confidential in ((PUBLIC_MEASURE, False), (CONFIDENTIAL_MEASURE, True)):
        browser.get(f"{org}/risks/{top.pk}/")
        click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "Add a measure"))
        wait_for(browser, lambda d: d.current_url.endswith("/measures/new/"))
        Select(browser.find_element(By.ID, "id_kind")).select_by_value("prevent")
        browser.find_element(By.ID, "id_description").send_keys(description)
        browser.find_element(By.ID, "id_owner").send_keys("Sustainability officer")
        Select(browser.find_element(By.ID, "id_status")).select_by_value("in_progress")
        browser.find_element(By.ID, "id_cost").send_keys("2500")
        if confidential:
            browser.find_element(By.ID, "id_confidential").click()
        if not confidential:
            screenshot(browser, "7-measure-form")
        _submit(browser)
    browser.get(f"{org}/risks/{top.pk}/")
    measures_text = _main_text(browser)
    assert PUBLIC_MEASURE in measures_text
    assert CONFIDENTIAL_MEASURE in measures_text
    screenshot(browser, "8-risk-with-measures")

    # 7. A manual, confidential risk for the own operations.
    browser.get(f"{org}/risks/new/")
    browser.find_element(By.ID, "id_title").send_keys(CONFIDENTIAL_RISK)
    Select(browser.find_element(By.ID, "id_area")).select_by_value("own_operations")
    browser.find_element(By.ID, "id_country").send_keys("NL")
    Select(browser.find_element(By.ID, "id_severity_level")).select_by_value("4")
    Select(browser.find_element(By.ID, "id_likelihood_level")).select_by_value("4")
    browser.find_element(By.ID, "id_confidential").click()
    _submit(browser)
    assert Risk.objects.get(title=CONFIDENTIAL_RISK).confidential

    # 8. Publish the report.
    browser.get(f"{org}/reports/")
    title = browser.find_element(By.ID, "id_title")
    title.clear()  # the form suggests a title; ours replaces it
    title.send_keys("Due-diligence report 2026")
    browser.find_element(By.ID, "id_confirm").click()
    _submit(browser, "form[action$='/reports/publish/']")
    browser.get(f"{org}/reports/")
    link = wait_for(browser, lambda d: d.find_element(By.LINK_TEXT, "HTML"))
    public_url = link.get_attribute("href")
    assert re.search(r"/r/[^/]+/$", public_url)
    screenshot(browser, "9-published")

    # 9. The public report, read anonymously: the public measure is there, confidential items are not.
    browser.delete_all_cookies()
    browser.get(public_url)
    wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "h1"))
    public_text = str(browser.find_element(By.TAG_NAME, "body").text)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Due-diligence report 2026"
    assert PUBLIC_MEASURE in public_text
    assert CONFIDENTIAL_MEASURE not in public_text
    assert CONFIDENTIAL_RISK not in public_text
    supplier_names = {risk.supplier.name for risk in Risk.objects.filter(supplier__isnull=False)}
    assert supplier_names
    assert not [name for name in supplier_names if name in public_text]
    assert "Sign out" not in public_text
    screenshot(browser, "10-public-report")
    browser.get(f"{org}/risks/")
    wait_for(browser, lambda d: "/accounts/login/" in d.current_url)  # anonymous: no register


def test_the_example_file_is_the_one_the_brief_describes() -> None:
    """Guards the fixture: the browser test relies on a cp1252, semicolon-separated file."""
    raw = Path(SUPPLIER_FILE).read_bytes()
    text = raw.decode("cp1252")
    assert text.splitlines()[0].count(";") == 6
    assert "Coöperatie".encode("cp1252") in raw
