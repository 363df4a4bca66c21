"""Every main page of the demo, as a new user sees it: Dutch and English, desktop and a 390 px phone.

Each page is photographed to ``var/screenshots/pages/`` (look at them before resolving a UI issue) and
must fit the phone: no horizontal scrolling of the page itself (wide tables scroll in their own box).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tests.web.browser import SCREENSHOTS, sign_in_with_session, start_chromium, wait_for

WIDTHS = {"desktop": 1280, "phone": 390}
LANGUAGES = ("nl", "en")


def _company_pages(slug: str) -> list[tuple[str, str]]:
    from imvo.web.grievances.models import GrievanceCase
    from imvo.web.register.models import Measure, Risk, Scan

    risk = Risk.objects.filter(organisation__slug=slug).order_by("-salience", "id").first()
    measure = Measure.objects.filter(organisation__slug=slug).order_by("id").first()
    scan = Scan.objects.filter(organisation__slug=slug).order_by("-id").first()
    case = GrievanceCase.objects.filter(mechanism__organisation__slug=slug).order_by("id").first()
    assert risk is not None, "the demo seeds a register"
    assert measure is not None, "the demo seeds a measure"
    assert scan is not None, "the demo seeds a scan"
    assert case is not None, "the demo seeds a complaint"
    org = {"org": slug}
    pages = [
        (name, reverse(f"register:{name}", kwargs=org))
        for name in (
            "progress",
            "policy",
            "scans",
            "suppliers",
            "risks",
            "risks_by_supplier",
            "measures",
            "follow_ups",
        )
    ]
    pages += [
        ("scan", reverse("register:scan_detail", kwargs={**org, "scan_id": scan.pk})),
        ("risk", reverse("register:risk_detail", kwargs={**org, "risk_id": risk.pk})),
        ("measure", reverse("register:measure_detail", kwargs={**org, "measure_id": measure.pk})),
        ("stakeholders", reverse("register:stakeholders", kwargs=org)),
        ("remediation", reverse("register:remediation", kwargs=org)),
        ("reports", reverse("register:reports", kwargs=org)),
        ("report-preview", reverse("register:report_preview", kwargs=org)),
        ("obligations", reverse("obligations:overview", kwargs=org)),
        ("conflict-minerals", reverse("obligations:cmr", kwargs=org)),
        ("grievances", reverse("grievances:overview", kwargs=org)),
        ("cases", reverse("grievances:cases", kwargs=org)),
        ("case", reverse("grievances:case", kwargs={**org, "case_id": case.pk})),
        ("members", reverse("organisations:members", kwargs=org)),
        ("api-tokens", reverse("organisations:api_tokens", kwargs=org)),
        ("audit", reverse("organisations:audit_trail", kwargs=org)),
        ("intake", reverse("grievances:intake", kwargs={"mechanism": case.mechanism.slug})),
    ]
    return pages


def _monitor_pages(slug: str) -> list[tuple[str, str]]:
    org = {"org": slug}
    return [
        (f"monitor-{name}", reverse(f"monitoring:{name}", kwargs=org))
        for name in ("overview", "population", "dashboard", "consents")
    ]


def _covenant_pages(slug: str) -> list[tuple[str, str]]:
    org = {"org": slug}
    return [
        (f"covenant-{name}", reverse(f"covenants:{name}", kwargs=org))
        for name in ("overview", "assessments", "picture", "locations", "evaluation", "meetings")
    ]


def _photograph(driver: Any, target: Path) -> None:
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, 800)  # shrink first: scrollHeight is never less than the viewport
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, max(800, min(int(height) + 150, 6000)))
    target.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(target))


def _walk(driver: Any, base: str, pages: list[tuple[str, str]], label: Callable[[str], str]) -> list[str]:
    from selenium.webdriver.common.by import By

    overflowing = []
    for name, path in pages:
        driver.get(base + path)
        wait_for(driver, lambda d: d.find_elements(By.TAG_NAME, "h1"))
        _photograph(driver, SCREENSHOTS / "pages" / f"{label(name)}.png")
        excess = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        if excess > 1:
            overflowing.append(f"{label(name)} ({path}): {excess} px too wide")
    return overflowing


def test_every_main_page_in_both_languages_fits_a_phone(
    live_server: Any, transactional_db: None, e2e_media_root: Path
) -> None:
    from tests.web.browser import browser_available

    if not browser_available():
        pytest.skip("chromium and chromedriver are not installed (scripts/install-browser)")
    from imvo.demo import seed_data
    from imvo.web.accounts.models import User
    from imvo.web.covenants.demo import DEMO_SLUG

    company, monitor, email, _password = seed_data()
    pages = _company_pages(company) + _monitor_pages(monitor) + _covenant_pages(DEMO_SLUG)
    overflowing: list[str] = []
    for device, width in WIDTHS.items():
        driver, profile = start_chromium(f"{width},900")
        driver.set_window_size(width, 900)  # Chromium opens a window at least 500 px wide: narrow it now
        try:
            assert driver.execute_script("return window.innerWidth") == width
            sign_in_with_session(driver, live_server, User.objects.get(email=email))
            for language in LANGUAGES:
                driver.add_cookie({"name": "django_language", "value": language, "path": "/"})
                overflowing += _walk(
                    driver, live_server.url, pages, lambda name, d=device, lang=language: f"{lang}-{d}-{name}"
                )
        finally:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)
    assert not overflowing, "pages wider than the screen:\n" + "\n".join(overflowing)
