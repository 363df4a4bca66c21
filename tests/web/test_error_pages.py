"""With DEBUG off (production and the demo): the site's own translated error pages, static files and
the favicon still served."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def debug_off(settings):
    settings.DEBUG = False


def test_an_unknown_address_shows_the_sites_own_404_page():
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Page not found</h1>" in page
    assert 'class="site-header"' in page  # the site's layout, not Django's technical page
    assert "URLconf" not in page
    assert "urlpatterns" not in page
    assert "accounts/" not in page.split("<main")[1].split("href")[0]


def test_the_404_page_is_translated(alice, client_for):
    response = client_for(alice).get("/o/acme/no-such-section/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 404
    assert "<h1>Pagina niet gevonden</h1>" in response.content.decode()


def test_a_stranger_to_an_organisation_gets_the_same_404(charlie, client_for):
    response = client_for(charlie).get("/o/acme/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_a_role_too_low_gets_the_sites_403_page(bob, client_for):
    response = client_for(bob).get("/o/acme/api-tokens/")
    assert response.status_code == 403
    assert b"<h1>Not allowed</h1>" in response.content


def test_a_server_error_shows_the_sites_500_page():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("nl"):
        page = render_to_string("500.html")
    assert "Er ging iets mis" in page
    assert "Traceback" not in page


def test_static_files_are_served_without_debug():
    response = Client().get("/static/css/imvo.css")
    assert response.status_code == 200
    assert b".changes" in b"".join(response.streaming_content)


def test_the_favicon_is_served_and_linked(alice, client_for):
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    svg = Client().get("/static/favicon.svg")
    assert svg.status_code == 200
    page = client_for(alice).get("/o/acme/members/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    assert '<link rel="icon" href="/favicon.ico"' in page


def test_the_demo_runs_with_debug_off_for_its_own_hosts(monkeypatch):
    from imvo import demo

    for name in ("IMVO_DEBUG", "IMVO_ALLOWED_HOSTS", "IMVO_SITE_URL", "IMVO_VAR_DIR"):
        monkeypatch.delenv(name, raising=False)
    demo.configure_environment("127.0.0.1:8000")
    import os

    assert os.environ["IMVO_DEBUG"] == "0"
    assert os.environ["IMVO_ALLOWED_HOSTS"].split(",") == ["127.0.0.1", "localhost"]
    assert os.environ["IMVO_SITE_URL"] == "http://127.0.0.1:8000"
