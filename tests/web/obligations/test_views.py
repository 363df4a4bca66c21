"""The workspace pages: "Your obligations", the legal facts, imports, history, legal basis, declaration."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imvo.core.obligations import load_ruleset
from imvo.web.audit.models import AuditEvent
from imvo.web.obligations import actions
from imvo.web.obligations.models import (
    ImportLine,
    ImportUpload,
    ObligationProfile,
    ObligationSnapshot,
    Tender,
)
from tests.web.obligations.conftest import IMPORTS_CSV, xlsx_bytes

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: object) -> str:
    return reverse(f"obligations:{name}", kwargs={"org": "acme", **kwargs})


PROFILE_POST = {
    "country": "NL",
    "employees": "320",
    "employees_in_germany": "",
    "temp_workers_in_germany_over_six_months": "",
    "has_german_branch": "false",
    "net_turnover_worldwide_eur": "85000000",
    "net_turnover_eu_eur": "",
    "balance_sheet_total_eur": "",
    "sectors": "metals, electronics",
    "sells_to_dutch_end_users": "true",
    "applies_for_government_support": "unknown",
    "financial_year_end": "12-31",
    "no_mineral_imports": "unknown",
    "child_labour_reasonable_suspicion": "unknown",
    "child_labour_action_plan_date": "",
}


def test_an_empty_profile_cannot_decide_and_links_to_the_missing_facts(alice, client_for):
    response = client_for(alice).get(url("overview"))
    assert response.status_code == 200
    page = response.content.decode()
    # No fact known: LkSG needs the country, CMR the imports; both link to where they are supplied.
    assert f'href="{url("profile_edit")}#id_country"' in page
    assert f'href="{url("imports")}"' in page
    assert "Cannot decide — fact needed: country of registration" in page
    outcomes = {o.rule_id: o.status for o in response.context["result"].outcomes}
    assert outcomes["de-lksg"] == "cannot_decide"
    assert outcomes["eu-cmr"] == "cannot_decide"
    assert not ObligationSnapshot.objects.exists()  # reading never stores


def test_an_editor_saves_facts_unknown_stays_unknown_and_it_is_audited(acme, dave, client_for):
    response = client_for(dave).post(url("profile_edit"), PROFILE_POST)
    assert response.status_code == 302
    profile = ObligationProfile.objects.get(organisation=acme)
    assert profile.country == "NL"
    assert profile.employees == 320
    assert profile.has_german_branch is False
    assert profile.applies_for_government_support is None  # "unknown", not False
    assert profile.employees_in_germany is None  # empty, not 0
    assert profile.sectors == ["metals", "electronics"]
    event = AuditEvent.objects.get(organisation=acme, object_type="obligationprofile")
    assert event.actor == dave
    assert event.changes["employees"] == [None, 320]
    # Saving facts records a versioned evaluation.
    snapshot = ObligationSnapshot.objects.get(organisation=acme)
    assert snapshot.result["outcome" + "s"][0]["rule_id"]
    assert snapshot.ruleset_version == load_ruleset().version


def test_with_the_facts_lksg_does_not_apply_and_says_why(acme, alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    result = client.get(url("overview")).context["result"]
    lksg = result.outcome("de-lksg")
    assert lksg.status == "does_not_apply"
    assert "registered in NL without a German branch" in lksg.reasons[0]


@pytest.mark.parametrize("year_end", ["31-12", "02-30", "12/31"])
def test_an_invalid_financial_year_end_is_refused(alice, client_for, year_end):
    response = client_for(alice).post(url("profile_edit"), {**PROFILE_POST, "financial_year_end": year_end})
    assert response.status_code == 400
    assert not ObligationProfile.objects.exists()


@pytest.mark.parametrize("persona", ["bob", "carol"])
def test_read_only_roles_see_the_facts_but_cannot_change_them(persona, personas, client_for):
    client = client_for(personas[persona])
    assert client.get(url("profile")).status_code == 200
    assert client.post(url("profile_edit"), PROFILE_POST).status_code == 403
    assert client.post(url("evaluate")).status_code == 403
    upload = SimpleUploadedFile("imports.csv", IMPORTS_CSV.encode(), content_type="text/csv")
    assert client.post(url("imports_upload"), {"file": upload}).status_code == 403
    assert not ObligationProfile.objects.exists()
    assert not ImportUpload.objects.exists()
    assert "Edit the legal facts" not in client.get(url("profile")).content.decode()
    assert "Record this evaluation" not in client.get(url("overview")).content.decode()


def test_another_organisation_sees_nothing(alice, charlie, client_for):
    client_for(alice).post(url("profile_edit"), PROFILE_POST)
    client = client_for(charlie)
    for name in ("overview", "profile", "imports", "history", "declaration", "result_json"):
        assert client.get(url(name)).status_code == 404, name


def test_uploading_csv_imports_decides_the_conflict_minerals_regulation(acme, alice, client_for):
    client = client_for(alice)
    upload = SimpleUploadedFile("imports.csv", IMPORTS_CSV.encode(), content_type="text/csv")
    response = client.post(url("imports_upload"), {"file": upload})
    assert response.status_code == 302
    assert ImportLine.objects.filter(organisation=acme).count() == 3
    assert AuditEvent.objects.filter(organisation=acme, action="upload").exists()
    page = client.get(url("overview"))
    cmr = page.context["result"].outcome("eu-cmr")
    assert cmr.status == "applies"
    # 3000 + 2000 kg of tin ore in 2024 is exactly the 5 000 kg threshold of Annex I line A1.
    assert any("5000 kg imported, exactly at the threshold" in reason for reason in cmr.reasons)
    assert "Art. 4 Regulation (EU) 2017/821" in page.content.decode()


def test_a_bad_import_file_lists_every_row_problem_and_stores_nothing(alice, client_for):
    bad = "year,cn_code,quantity_kg,country_of_origin\n2024,2609 00 00,lots,CD\n20x4,abc,10,RW\n"
    upload = SimpleUploadedFile("imports.csv", bad.encode(), content_type="text/csv")
    response = client_for(alice).post(url("imports_upload"), {"file": upload})
    assert response.status_code == 400
    problems = {(p.line, p.column) for p in response.context["problems"]}
    assert {(2, "quantity_kg"), (3, "year"), (3, "cn_code")} <= problems
    assert "is not a mass" in response.content.decode()
    assert not ImportUpload.objects.exists()


def test_an_xlsx_import_file_is_read_with_spreadsheet_line_numbers(acme, alice, client_for):
    content = xlsx_bytes(
        [
            ["year", "cn_code", "quantity_kg", "country_of_origin"],
            [2024, "2609 00 00", 5000, "CD"],
            [],
            [2025, 26090000, "nope", "BO"],
        ]
    )
    upload = SimpleUploadedFile("imports.xlsx", content)
    response = client_for(alice).post(url("imports_upload"), {"file": upload})
    assert response.status_code == 400
    assert [(p.line, p.column) for p in response.context["problems"]] == [(4, "quantity_kg")]
    fixed = xlsx_bytes(
        [["year", "cn_code", "quantity_kg", "country_of_origin"], [2024, "2609 00 00", 5000.0, "CD"]]
    )
    response = client_for(alice).post(url("imports_upload"), {"file": SimpleUploadedFile("i.xlsx", fixed)})
    assert response.status_code == 302
    line = ImportLine.objects.get(organisation=acme)
    assert (line.line, line.year, line.cn_code, line.quantity_kg) == (2, 2024, "26090000", 5000)


def test_obligations_link_to_the_register_records_that_meet_them_or_say_missing(acme, alice, client_for):
    from imvo.web.register import actions as register_actions

    client = client_for(alice)
    client.post(url("profile_edit"), {**PROFILE_POST, "applies_for_government_support": "true"})
    page = client.get(url("overview")).content.decode()
    assert "missing: Explicit endorsement of the OECD Guidelines" in page
    register_actions.create_policy(alice, acme, {"title": "RBC policy", "endorses_oecd_guidelines": True})
    page = client.get(url("overview")).content.decode()
    assert "✓ Explicit endorsement of the OECD Guidelines" in page
    assert reverse("register:policy", kwargs={"org": "acme"}) in page
    assert reverse("register:measures", kwargs={"org": "acme"}) in page


def test_history_shows_what_changed_between_evaluations(acme, alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    client.post(url("profile_edit"), {**PROFILE_POST, "applies_for_government_support": "true"})
    assert ObligationSnapshot.objects.filter(organisation=acme).count() == 2
    page = client.get(url("history")).content.decode()
    assert "Your facts changed" in page
    assert "nl-imvo-support-check: Cannot decide → Applies" in page
    # Recording again without a change adds nothing.
    client.post(url("evaluate"))
    assert ObligationSnapshot.objects.filter(organisation=acme).count() == 2


def test_a_change_of_law_gives_a_new_version(acme, alice):
    first, created = actions.record_snapshot(alice, acme, dt.date(2026, 1, 1))
    assert created
    ObligationSnapshot.objects.filter(pk=first.pk).update(ruleset_version="older-law")
    second, created = actions.record_snapshot(alice, acme, dt.date(2026, 1, 1))
    assert created
    assert second.pk != first.pk


def test_the_legal_basis_lists_every_rule_with_its_sources(alice, client_for):
    page = client_for(alice).get(url("legal_basis")).content.decode()
    for rule in load_ruleset().rules:
        assert f'id="{rule.id}"' in page
        assert rule.url in page
    assert "Annex I" in page


def test_the_draft_declaration_downloads_with_the_register_gaps(alice, client_for):
    response = client_for(alice).get(url("declaration") + "?as_of=2026-06-01")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/markdown")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert "Acme B.V." in text
    assert "ONTBREEKT / MISSING" in text


def test_the_page_speaks_dutch(alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    response = client.get(url("overview"), HTTP_ACCEPT_LANGUAGE="nl")
    page = response.content.decode()
    assert "Uw verplichtingen" in page
    wzk = load_ruleset().rule("nl-wzk")
    assert wzk.obligations[0].nl in page
    assert wzk.obligations[0].en not in page


def test_the_overview_costs_a_fixed_number_of_queries(acme, alice, client_for, django_assert_max_num_queries):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    upload = SimpleUploadedFile("imports.csv", IMPORTS_CSV.encode(), content_type="text/csv")
    client.post(url("imports_upload"), {"file": upload})
    # The register's facts are one aggregate query per table (ten), whatever the register's size.
    with django_assert_max_num_queries(24):
        assert client.get(url("overview")).status_code == 200


def test_a_central_government_tender_above_the_threshold_triggers_the_isv(acme, dave, client_for):
    client = client_for(dave)
    assert client.get(url("overview")).context["result"].outcome("nl-isv").status == "cannot_decide"
    tender = {
        "name": "Catering Rijk",
        "category": "Consumptieve dienstverlening (catering, grondstoffenmanagement en afvalzorg)",
        "estimated_value_eur": "250000",
        "contracting_authority": "central_government",
        "tender_date": "2026-03-01",
    }
    assert client.post(url("tender_create"), tender).status_code == 302
    isv = client.get(url("overview")).context["result"].outcome("nl-isv")
    assert isv.status == "applies"
    assert "at or above the EU threshold of EUR 140000" in isv.reasons[0]
    tender_id = Tender.objects.get(organisation=acme).pk
    assert client.post(url("tender_delete", tender_id=tender_id)).status_code == 302
    assert client.get(url("overview")).context["result"].outcome("nl-isv").status == "cannot_decide"
    assert AuditEvent.objects.filter(organisation=acme, object_type="tender", action="delete").exists()


def test_deadline_notes_are_translated():
    from django.utils import translation

    from imvo.web.obligations.presentation import deadline_note_text

    with translation.override("nl"):
        assert deadline_note_text("every year") == "elk jaar"
        assert deadline_note_text("6 months after commencement (2027-01-01)") == (
            "6 maanden na inwerkingtreding (2027-01-01)"
        )
        assert deadline_note_text("something new") == "something new"


def _wzk_outlook(page: str, start: str) -> str:
    """The Wzk's outlook note and its sources as a Dutch page shows them (from the card or section)."""
    section = page[page.index(start) :]
    section = section[section.index('class="outlook"') :]
    return section[: section.index("</details>")]


def test_the_wzk_outlook_reads_in_dutch_with_its_sources(alice, client_for):
    """A broader Dutch IMVO law is announced; the Wzk's entry into force awaits EU and national decisions."""
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    outlook = load_ruleset().rule("nl-wzk").outlook
    assert "bredere Nederlandse IMVO-wet aangekondigd" in outlook["nl"]
    assert "wacht op Europese (de CSDDD en de omzetting daarvan) en nationale besluiten" in outlook["nl"]
    overview = html.unescape(client.get(url("overview"), HTTP_ACCEPT_LANGUAGE="nl").content.decode())
    basis = html.unescape(client.get(url("legal_basis"), HTTP_ACCEPT_LANGUAGE="nl").content.decode())
    for page, start in ((overview, 'id="rule-nl-wzk"'), (basis, "Wet zorgplicht kinderarbeid")):
        note = _wzk_outlook(page, start)
        assert note.startswith('class="outlook"><strong>Vooruitblik:</strong>')
        assert outlook["nl"] in note
        assert outlook["en"] not in page  # the English note is not on the Dutch page
        assert "<summary>Bronnen</summary>" in note
        assert len(outlook["sources"]) >= 3
        for source in outlook["sources"]:
            assert f'<li lang="en">{source}</li>' in note  # a quoted English source is marked as such
        assert "Kamerstuk 35 761" in note
