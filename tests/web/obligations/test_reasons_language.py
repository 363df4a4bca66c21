"""The reasons on "Your obligations" follow the request's language; old snapshots still show."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imvo.web.obligations import queries
from imvo.web.obligations.models import ObligationSnapshot
from tests.web.obligations.conftest import IMPORTS_CSV
from tests.web.obligations.test_views import PROFILE_POST, url

pytestmark = pytest.mark.django_db

LKSG_NL = (
    "gevestigd in NL zonder Duitse nevenvestiging: § 1(1) LkSG vereist een zetel of nevenvestiging in "
    "Duitsland"
)
LKSG_EN = "registered in NL without a German branch: § 1(1) LkSG needs a seat or branch in Germany"


def test_a_dutch_page_shows_dutch_reasons_and_status_notes(alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    upload = SimpleUploadedFile("imports.csv", IMPORTS_CSV.encode(), content_type="text/csv")
    client.post(url("imports_upload"), {"file": upload})
    page = client.get(url("overview"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert LKSG_NL in page
    assert LKSG_EN not in page
    assert "de wet is aangenomen (Stb. 2019, 401) maar niet in werking" in page
    assert "Aangenomen, niet in werking: de wet treedt in werking" in page  # the rule's status note
    # The CMR table's per-year verdict: 3000 + 2000 kg of tin ore in 2024 is exactly the threshold.
    assert "5000 kg ingevoerd, precies gelijk aan de drempel van 5000 kg" in page
    assert "elk jaar" in page  # the Art. 7 annual report's deadline note


def test_an_english_page_shows_english_reasons(alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    page = client.get(url("overview"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert LKSG_EN in page
    assert LKSG_NL not in page


def test_a_snapshot_stored_before_reasons_were_coded_still_compares(acme, alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    snapshot = ObligationSnapshot.objects.get(organisation=acme)
    for outcome in snapshot.result["outcomes"]:
        outcome.pop("explanations")
        outcome.pop("legal_status_nl")
    snapshot.save()
    for language in ("nl", "en"):
        assert client.get(url("history"), HTTP_ACCEPT_LANGUAGE=language).status_code == 200
        assert client.get(url("overview"), HTTP_ACCEPT_LANGUAGE=language).status_code == 200
    # The old snapshot compares with today's coded result: the reasons' form is not a change.
    current = queries.evaluate_organisation(acme, snapshot.as_of).result
    assert queries.changes_since_last_snapshot(acme, current) == []


def test_the_dutch_legal_basis_page_shows_dutch_status_notes(alice, client_for):
    page = client_for(alice).get(url("legal_basis"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "In werking sinds 1 januari 2023" in page
    assert "In force since 1 January 2023" not in page
