"""The effectiveness figures as PDF: aggregate only, in the reader's language, every script."""

from __future__ import annotations

from typing import Any

from imvo.core.grievances import Phase
from imvo.web.grievances import actions
from tests.pdf_reading import page_texts

MECHANISM_NAME = "Acme 申诉渠道 অভিযোগ কেন্দ্র"


def _dutch(client: Any) -> Any:
    client.cookies["django_language"] = "nl"
    return client


def test_the_figures_pdf_is_aggregate_and_in_dutch(named_case, alice, bob, client_for):
    case, _code = named_case
    actions.move_case(alice, case, Phase.INITIAL_ASSESSMENT, "Assessing")
    response = _dutch(client_for(bob)).get("/o/acme/grievances/figures.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="grievance-figures-acme-')
    pages = page_texts(response.content)
    text = " ".join(pages)
    assert pages[0].startswith("Klachtenmechanisme en herstel")
    assert "Acme B.V." in pages[0]
    assert pages[1].startswith("Inhoud")
    for heading in ("Doeltreffendheid", "Zaken per thema", "Zaken per land", "Uitkomsten"):
        assert heading in pages[1]
    assert "India" in text  # the country's name, not its code
    assert pages[-1].endswith(f"pagina {len(pages)} van {len(pages)}")
    for private in ("Maria", "98765", "maria@example.org", case.reference, "Dismissed after joining"):
        assert private not in text
    for english in ("Contents", "Cases by theme", "page 2 of"):
        assert english not in text


def test_one_mechanism_named_in_any_script(acme, alice, bob, client_for):
    mechanism = actions.create_mechanism(
        alice, acme, {"name": MECHANISM_NAME, "slug": "acme-bd", "handler_email": "h@acme.example"}
    )
    response = client_for(bob).get(f"/o/acme/grievances/figures.pdf?mechanism={mechanism.pk}")
    pages = page_texts(response.content)
    assert "".join(f"Grievance mechanism and remedy: {MECHANISM_NAME}".split()) in "".join(pages[0].split())
    assert pages[1].startswith("Contents")
    assert "\ufffd" not in " ".join(pages)


def test_the_overview_links_to_the_pdf(acme, bob, client_for):
    page = client_for(bob).get("/o/acme/grievances/").content.decode()
    assert "/o/acme/grievances/figures.pdf" in page
