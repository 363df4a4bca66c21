"""A Dutch page has no English on it: the legal-value form's problems and an import file's problems."""

from __future__ import annotations

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imvo.core.obligations.messages import problem_text
from imvo.web.obligations import legal_actions
from imvo.web.obligations.models import LegalValueChange
from tests.web.obligations.test_legal_values import CITATION, admin, propose_url
from tests.web.obligations.test_views import url

pytestmark = pytest.mark.django_db

ISV = ("nl-isv", "central_government_supplies_services_threshold_eur")


def _errors(response) -> str:
    """The form's messages as the page shows them."""
    page = html.unescape(response.content.decode())
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S))


def test_the_legal_value_form_says_what_is_wrong_in_dutch(client_for):
    client = client_for(admin("ann"))
    client.cookies["django_language"] = "nl"
    verified = client.post(propose_url("eu-cmr", "annex_i.A1"), {"value": "6000", **CITATION})
    assert verified.status_code == 400
    errors = _errors(verified)
    assert "vervangt de waarde die imvo als geverifieerd meelevert (5000; " in errors
    assert "zet “Ik weet" in errors
    assert "op ja" in errors
    assert "replaces the value shipped as verified" not in errors
    assert "override_verified" not in errors  # the field is named by its label
    not_a_number = client.post(propose_url("eu-cmr", "annex_i.A3"), {"value": "veel", **CITATION})
    assert "'veel' is geen geheel getal boven 0 (5000)" in _errors(not_a_number)
    reversed_period = client.post(
        propose_url(*ISV),
        {"value": "140000", "valid_from": "2027-01-01", "valid_until": "2026-01-01", **CITATION},
    )
    errors = _errors(reversed_period)
    assert "ligt vóór “Geldig vanaf”" in errors
    assert "is before" not in errors
    assert "valid_from" not in errors
    assert not LegalValueChange.objects.exists()


def test_the_legal_value_form_still_speaks_english_in_english(client_for):
    client = client_for(admin("ann"))
    client.cookies["django_language"] = "en"
    response = client.post(propose_url("eu-cmr", "annex_i.A3"), {"value": "lots", **CITATION})
    assert "'lots' is not a whole number above 0 (5000)" in _errors(response)


def test_an_import_file_with_problems_is_listed_in_dutch(alice, client_for):
    client = client_for(alice)
    client.cookies["django_language"] = "nl"
    bad = (
        "year,cn_code,quantity_kg,country_of_origin,taric_subdivision\n"
        "2024,2609 00 00,veel,CD,\n"
        "20x4,abc,10,Congo,1\n"
    )
    upload = SimpleUploadedFile("imports.csv", bad.encode(), content_type="text/csv")
    response = client.post(url("imports_upload"), {"file": upload})
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    for dutch in (
        "'veel' is geen massa ≥ 0 in kg",
        "'20x4' is geen kalenderjaar",
        "'abc' is geen GN-code (2 tot 10 cijfers, in paren)",
        "'Congo' is geen ISO-landcode",
        "'1' is geen getal van twee cijfers",
    ):
        assert dutch in page
    for english in ("is not a", "is not two digits", "is not an ISO code"):
        assert english not in page
    assert "Het bestand heeft 5 problemen; er is niets opgeslagen." in page


def test_an_implausible_mass_and_a_long_cn_code_are_dutch_too(alice, client_for):
    client = client_for(alice)
    client.cookies["django_language"] = "nl"
    huge = "year,cn_code,quantity_kg,country_of_origin\n2025,2609 00 00,10000000000000000,CD\n"
    upload = SimpleUploadedFile("imports.csv", huge.encode(), content_type="text/csv")
    page = html.unescape(client.post(url("imports_upload"), {"file": upload}).content.decode())
    assert "10000000000000000 kg is onwaarschijnlijk groot" in page
    assert "Het bestand heeft 1 probleem; er is niets opgeslagen." in page
    assert "implausibly" not in page
    long_code = "year,cn_code,quantity_kg,country_of_origin\n2025," + "26 09 00 00" + " " * 40 + "00,10,CD\n"
    upload = SimpleUploadedFile("imports.csv", long_code.encode(), content_type="text/csv")
    page = html.unescape(client.post(url("imports_upload"), {"file": upload}).content.decode())
    assert "is langer dan" in page
    assert "is longer than" not in page


def test_a_file_row_already_waiting_is_coded_for_a_dutch_screen(tmp_path):
    ann = admin("ann")
    header = "rule_id,name,value,valid_from,valid_until,act,article,oj_reference,url\n"
    row = 'eu-cmr,annex_i.A3,1000,,,Regulation,Annex,"OJ L 360",https://eur-lex.europa.eu/x\n'
    path = tmp_path / "values.csv"
    path.write_text(header + row, encoding="utf-8")
    first = legal_actions.load_file(ann, path)
    with pytest.raises(legal_actions.LegalValuesError) as caught:
        legal_actions.load_file(ann, path)
    (waiting,) = caught.value.problems
    change = first.proposed[0].pk
    assert waiting.message == f"a change of this value is already waiting for approval (change {change})"
    assert problem_text(waiting, "nl")[0] == (
        f"een wijziging van deze waarde wacht al op goedkeuring (wijziging {change})"
    )
