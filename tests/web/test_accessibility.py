"""Structural accessibility checks on every page the walker reaches (WCAG 2.1: 1.3.1, 2.4.1, 3.1.1,
3.3.2): a page language, a skip link to the main content, one h1, and a label for every form field.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.web.test_permissions import all_routes, world  # noqa: F401  (fixture reused)

pytestmark = pytest.mark.django_db

LABELLED_BY_TYPE = {"hidden", "submit", "button", "reset", "image"}


class PageStructure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.html_lang = ""
        self.ids: set[str] = set()
        self.label_targets: set[str] = set()
        self.fields: list[dict[str, str]] = []
        self.h1_count = 0
        self.skip_link_target = ""
        self._label_depth = 0
        self.fields_inside_labels = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "html":
            self.html_lang = attributes.get("lang", "")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "a" and "skip-link" in attributes.get("class", ""):
            self.skip_link_target = attributes.get("href", "")
        elif tag == "label":
            self._label_depth += 1
            if attributes.get("for"):
                self.label_targets.add(attributes["for"])
        elif tag in {"input", "select", "textarea"}:
            if tag == "input" and attributes.get("type", "text") in LABELLED_BY_TYPE:
                return
            if self._label_depth:
                self.fields_inside_labels += 1
                return
            self.fields.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._label_depth:
            self._label_depth -= 1


def unlabelled_fields(page: PageStructure) -> list[str]:
    return [
        field.get("name", "?")
        for field in page.fields
        if field.get("id") not in page.label_targets and not field.get("aria-label")
    ]


def _check(html: str, url: str) -> list[str]:
    page = PageStructure()
    page.feed(html)
    problems = []
    if page.html_lang not in {"nl", "en"}:
        problems.append("no page language")
    if page.skip_link_target.lstrip("#") not in page.ids:
        problems.append("skip link does not reach the content")
    if page.h1_count != 1:
        problems.append(f"{page.h1_count} h1 headings")
    if missing := unlabelled_fields(page):
        problems.append(f"fields without a label: {missing}")
    return [f"{url}: {problem}" for problem in problems]


def test_every_organisation_page_is_structurally_accessible(world, client_for):  # noqa: F811
    client = client_for(world["alice"])
    problems: list[str] = []
    checked = 0
    for route in world["routes"]:
        if not route.organisation_scoped:
            continue
        response = client.get(world["urls"][route])
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        content = response.content.decode()
        if "<html" not in content:
            continue  # htmx fragments are checked as part of their pages
        checked += 1
        problems += _check(content, world["urls"][route])
    assert checked >= 5
    assert problems == []


@pytest.mark.parametrize(
    "url",
    ["/accounts/login/", "/accounts/password/reset/"],
)
def test_public_account_pages_are_structurally_accessible(client, url):
    assert _check(client.get(url).content.decode(), url) == []


def test_the_checker_notices_an_unlabelled_field():
    html = (
        '<html lang="en"><a class="skip-link" href="#c">s</a><main id="c"><h1>x</h1><input name="q"></main>'
    )
    assert _check(html, "/x") == ["/x: fields without a label: ['q']"]
