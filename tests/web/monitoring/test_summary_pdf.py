"""The monitoring summary PDF in the reader's language."""

from __future__ import annotations

from imvo.web.monitoring import actions
from imvo.web.monitoring.models import MonitoredCompany
from tests.pdf_reading import page_texts
from tests.web.monitoring.test_workflow import imported


def test_the_summary_pdf_in_dutch(monitor, alice, bob, client_for):
    monitoring_round = imported(monitor, alice)
    company = MonitoredCompany.objects.get(registration_number="12345678")
    actions.store_assessment(monitoring_round, company, "disclosure", {"oecd_endorsement": "found"}, {})
    client = client_for(bob)
    client.cookies["django_language"] = "nl"
    response = client.get("/o/ministry/monitoring/dashboard/export.pdf")
    assert response.status_code == 200
    pages = page_texts(response.content)
    text = " ".join(pages)
    assert "Ministry Monitor" in pages[0]
    assert "Periode 2021" in pages[0]
    assert pages[1].startswith("Inhoud")
    assert "Expliciete onderschrijving van de OESO-richtlijnen" in pages[1]
    assert "bedrijven onderschrijft de OESO-richtlijnen" in text
    assert "Onderschrijving per ronde" in text
    assert pages[-1].endswith(f"pagina {len(pages)} van {len(pages)}")
    for english in ("Contents", "companies endorse", "Reference series", "page 2 of"):
        assert english not in text
