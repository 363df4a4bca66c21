"""The conflict-minerals page for an importer, and provisional answers on "Your obligations"."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.web.obligations.test_views import PROFILE_POST, url

pytestmark = pytest.mark.django_db

# Tin ore on a verified line (A1, 5 000 kg), gold ore on a provisional one (A4, 4 000 000 kg reported by
# the EPMF), tantalum ore on a line whose threshold nobody reported (A3), in two calendar years.
IMPORTS = (
    "year,cn_code,quantity_kg,country_of_origin,taric_subdivision\n"
    "2024,2609 00 00,5000,CD,\n"
    "2025,2609 00 00,4999,BO,\n"
    "2025,2616 90 00,4000000,GH,10\n"
    "2025,2615 90 00,10,CD,10\n"
)


@pytest.fixture
def importer(acme, alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    upload = SimpleUploadedFile("imports.csv", IMPORTS.encode(), content_type="text/csv")
    assert client.post(url("imports_upload"), {"file": upload}).status_code == 302
    return client


def row(page: str, year: int, line: str) -> str:
    start = page.index(f'id="line-{year}-{line}"')
    return page[start : page.index("</tr>", start)]


def test_each_year_and_line_shows_kilograms_threshold_and_its_basis(importer):
    page = importer.get(url("cmr") + "?as_of=2026-11-25").content.decode()
    a1_2024 = row(page, 2024, "A1")
    assert 'data-status="applies" data-basis="verified"' in a1_2024
    assert "5000" in a1_2024
    a4 = row(page, 2025, "A4")
    assert 'data-status="probably_applies" data-basis="provisional"' in a4
    assert "basis-badge--provisional" in a4
    assert "status-badge--probably_applies" in a4
    assert "the European Precious Metals Federation (EPMF)" in a4
    a3 = row(page, 2025, "A3")
    assert 'data-status="cannot_decide" data-basis="unknown"' in a3
    assert "missing value: Annex I volume threshold of line A3" in a3
    assert 'data-status="does_not_apply" data-basis="verified"' in row(page, 2025, "A1")
    # The rule applies: 2024's tin ore is at a verified threshold.
    assert 'id="verdict" data-status="applies"' in page


def test_the_page_lists_articles_4_to_7_and_the_article_7_outline_per_year(importer):
    page = importer.get(url("cmr") + "?as_of=2026-11-25").content.decode()
    for article in ("Art. 4", "Art. 5", "Art. 6", "Art. 7"):
        assert f"<strong>{article} Regulation (EU) 2017/821</strong>" in page
    assert 'id="outline-2024"' in page
    assert 'id="outline-2025"' in page  # probably in scope on gold ore: the outline says so
    assert "probably: threshold of 4000000 kg reported by" in page
    assert "Third-party audits (Art. 6)" in page


def test_the_page_speaks_dutch(importer):
    page = importer.get(url("cmr") + "?as_of=2026-11-25", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Conflictmineralen: uw invoer tegenover de drempels van bijlage I" in page
    assert "Waarschijnlijk van toepassing (voorlopig)" in page
    assert "Gouderts en de concentraten daarvan" in page
    assert "Audits door derden (art. 6)" in page
    assert "Tin ores and concentrates" not in page


def test_without_imports_the_page_says_so(alice, client_for):
    page = client_for(alice).get(url("cmr")).content.decode()
    assert "No import records: the Conflict Minerals Regulation cannot be decided." in page


def test_the_overview_shows_provisional_answers_apart_from_verified_ones(importer):
    page = importer.get(url("overview") + "?as_of=2026-11-25").content.decode()
    # 320 employees: the CSDDD probably does not apply, on thresholds not yet checked against the OJ.
    assert 'id="group-probably_does_not_apply"' in page
    assert "Probably does not apply (provisional)" in page
    csddd = page[page.index('id="rule-eu-csddd"') :]
    csddd = csddd[: csddd.index("</article>")]
    assert 'data-status="probably_does_not_apply"' in csddd
    assert "Provisional: this answer rests on a legal value that secondary sources report" in csddd
    assert "basis-badge--provisional" in csddd
    assert "LexisNexis" in csddd
    dutch = importer.get(url("overview") + "?as_of=2026-11-25", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Waarschijnlijk niet van toepassing (voorlopig)" in dutch
    assert "nog niet getoetst aan het Publicatieblad van de EU" in dutch


def test_the_legal_basis_lists_every_value_with_its_basis(alice, client_for):
    page = client_for(alice).get(url("legal_basis")).content.decode()
    for basis in ("verified", "provisional", "unknown"):
        assert f"basis-badge--{basis}" in page
    assert "reported by LexisNexis, Reclaim Finance" in page
    assert "Consumptieve dienstverlening (catering, grondstoffenmanagement en afvalzorg)" in page
    assert "Connectiviteit (dataverbindingen, 4G/5G)" in page
    assert "a broader Dutch law on responsible business conduct" in page
    assert 'id="annex-A4"' in page
