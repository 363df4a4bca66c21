"""In Chromium: provisional answers look different from verified ones, on a desktop and a 390 px phone,
in Dutch and English; the administrators' pages work the same.

Screenshots go to ``$IMVO_SCREENSHOTS`` (default ``var/screenshots``) as ``legal-<page>-<lang>-<width>.png``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.web.browser import SCREENSHOTS, browser_available, chromium_session, sign_in_with_session
from tests.web.obligations.test_cmr_page import IMPORTS
from tests.web.obligations.test_legal_values import CITATION, admin
from tests.web.obligations.test_views import PROFILE_POST, url

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not browser_available(), reason="chromium and chromedriver are needed"),
]

TARGET = Path(os.environ.get("IMVO_SCREENSHOTS", str(SCREENSHOTS)))
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture
def browser() -> Iterator[Any]:
    yield from chromium_session(window_size="1280,1600")


def shoot(driver: Any, name: str) -> Path:
    """The whole page at the window's width."""
    TARGET.mkdir(parents=True, exist_ok=True)
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, 800)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, max(800, min(int(height) + 150, 9000)))
    path = TARGET / f"legal-{name}.png"
    driver.save_screenshot(str(path))
    return path


def overflow(driver: Any) -> int:
    """How far the page is wider than the window (0: no sideways scrolling of the page itself)."""
    return int(driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth"))


def style(driver: Any, selector: str, prop: str) -> str:
    element = driver.find_element("css selector", selector)
    return str(driver.execute_script(f"return getComputedStyle(arguments[0]).{prop}", element))


def test_provisional_verified_and_unknown_look_different_everywhere(
    browser, live_server, acme, alice, client_for
):
    from imvo.web.obligations import legal_actions
    from imvo.web.obligations.models import LegalValueChange

    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    upload = SimpleUploadedFile("imports.csv", IMPORTS.encode(), content_type="text/csv")
    client.post(url("imports_upload"), {"file": upload})
    ann, ben = admin("ann"), admin("ben")
    propose = reverse("obligations:legal_value_propose") + "?rule=eu-cmr&name=annex_i.B5"
    client_for(ann).post(propose, {"value": "1000", **CITATION})
    legal_actions.approve(ben, LegalValueChange.objects.get())
    client_for(ann).post(
        reverse("obligations:legal_value_propose") + "?rule=eu-cmr&name=annex_i.A3",
        {"value": "22000", **CITATION},
    )
    waiting = LegalValueChange.objects.get(state="pending")

    pages = {
        "overview": url("overview") + "?as_of=2026-11-25",
        "cmr": url("cmr") + "?as_of=2026-11-25",
        "legal-basis": url("legal_basis"),
    }
    admin_pages = {
        "admin": reverse("obligations:legal_values"),
        "admin-change": reverse("obligations:legal_value_change", args=[waiting.pk]),
        "admin-propose": reverse("obligations:legal_value_propose") + "?rule=eu-cmr&name=annex_i.A1",
    }
    for user, to_visit in ((alice, pages), (ben, admin_pages)):
        browser.delete_all_cookies()
        sign_in_with_session(browser, live_server, user)
        for language in ("en", "nl"):
            browser.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "path": "/"})
            for size, width in WIDTHS.items():
                browser.set_window_size(width, 1200)
                for name, address in to_visit.items():
                    browser.get(live_server.url + address)
                    assert browser.find_element("tag name", "h1").text
                    shoot(browser, f"{name}-{language}-{size}")
                    assert overflow(browser) <= 1, (name, language, size)

    browser.delete_all_cookies()
    sign_in_with_session(browser, live_server, alice)
    browser.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "path": "/"})
    browser.set_window_size(1280, 1200)
    browser.get(live_server.url + pages["cmr"])
    provisional = style(browser, "#line-2025-A4 .basis-badge", "borderTopStyle")
    verified = style(browser, "#line-2025-A1 .basis-badge", "borderTopStyle")
    unknown = style(browser, "#line-2025-A3 .basis-badge", "borderTopStyle")
    assert (provisional, verified, unknown) == ("dashed", "solid", "dotted")
    assert style(browser, "#line-2025-A4 .status-badge", "borderTopStyle") == "dashed"
    assert style(browser, "#line-2024-A1 .status-badge", "borderTopStyle") == "solid"
