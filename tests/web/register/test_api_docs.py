"""The API reference page: every endpoint of the schema, served locally, in both languages, under the
Content-Security-Policy, and linked from the API-tokens page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from imvo.web.register.api_docs import ENDPOINT_TEXTS, PREFIX
from tests.web.browser import browser_available, chromium_session, screenshot

pytestmark = pytest.mark.django_db

URL = "/api-reference/"


def operations(client: Any) -> list[tuple[str, str]]:
    schema = client.get("/api/v1/openapi.json").json()
    return [(method.upper(), path) for path, ops in schema["paths"].items() for method in ops]


def test_every_endpoint_is_documented_with_an_example(client_for: Any) -> None:
    client = client_for(None)
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.content.decode()
    found = operations(client)
    assert len(found) >= 27
    for method, path in found:
        assert f"<code>{method} {path}</code>" in body
        # Every endpoint says what it does in words of its own (translated), not the schema's English.
        assert f"{method} {path.removeprefix(PREFIX)}" in ENDPOINT_TEXTS
    assert body.count("Authorization: Bearer $IMVO_TOKEN") == len(found)
    assert "curl -X PATCH" in body
    assert "-d &#x27;{…}&#x27;" in body
    # The response fields of a paginated list, with their types in words.
    suppliers = body.split('id="get-suppliers"', 1)[1].split("</section>", 1)[0]
    assert "Fields of each item" in suppliers
    assert "<code>supplier_number</code></th><td>text</td>" in suppliers
    assert (
        "<code>scan_id</code></th><td>in the query string</td><td>whole number</td><td>no</td>" in suppliers
    )


def test_dutch_page(client_for: Any) -> None:
    body = client_for(None).get(URL, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "API-naslag" in body
    assert "Velden van elk item" in body
    assert "geheel getal" in body
    assert "in de querystring" in body
    assert "Eén klachtzaak, zonder iets over de klager." in body
    for english in ("Fields of each item", "whole number", "in the query string", "Example:", "One scan."):
        assert english not in body


def test_served_locally_under_the_content_security_policy(client_for: Any) -> None:
    response = client_for(None).get(URL)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    body = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", body)  # no inline script
    assert " style=" not in body
    assert "<style" not in body
    external = set(re.findall(r'(?:src|href)="(https?://[^"]+)"', body))
    assert not {url for url in external if "cdn" in url or "jsdelivr" in url or "unpkg" in url}
    assert client_for(None).post(URL).status_code == 405


def test_linked_from_the_api_tokens_page(acme: Any, alice: Any, client_for: Any) -> None:
    body = client_for(alice).get("/o/acme/api-tokens/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert f'href="{URL}"' in body
    assert "API-naslag: elk endpoint, de velden en een voorbeeld" in body


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not browser_available(), reason="chromium and chromedriver are needed")
def test_reference_in_the_browser(live_server: Any) -> None:
    from selenium.webdriver.common.by import By

    session = chromium_session(window_size="1280,1600")
    browser = next(session)
    try:
        browser.get(live_server.url + "/accounts/login/")
        browser.add_cookie({"name": "django_language", "value": "nl", "path": "/"})
        browser.get(live_server.url + URL)
        assert browser.find_element(By.TAG_NAME, "h1").text == "API-naslag"
        browser.find_element(By.CSS_SELECTOR, "a[href='#get-grievances-cases']").click()
        section = browser.find_element(By.ID, "get-grievances-cases").find_element(By.XPATH, "..")
        assert "nooit wie de klacht indiende" in section.text
        screenshot(browser, "api-reference-nl")
    finally:
        session.close()
