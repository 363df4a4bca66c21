"""Legal values set by the installation's administrators: four eyes, audited, versioned, never silent."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imvo.core.obligations import load_ruleset
from imvo.web.obligations import legal_actions, legal_queries, queries
from imvo.web.obligations.models import LegalValueChange, LegalValueEvent, ObligationSnapshot
from tests.web.conftest import PERSONA_PASSWORD
from tests.web.obligations.test_views import PROFILE_POST, url

pytestmark = pytest.mark.django_db

TANTALUM_ORE = "year,cn_code,quantity_kg,country_of_origin,taric_subdivision\n2025,2615 90 00,1500,CD,10\n"
CITATION = {
    "act": "Commission Delegated Regulation (EU) 2020/1588",
    "article": "Annex",
    "oj_reference": "OJ L 360, 30.10.2020, p. 1–3",
    "url": "https://eur-lex.europa.eu/eli/reg_del/2020/1588/oj",
}
AS_OF = dt.date(2026, 11, 25)


def admin(name: str, **flags: bool):
    from imvo.web.accounts.models import User

    return User.objects.create_user_with_email(
        f"{name}@example.org", PERSONA_PASSWORD, first_name=name.capitalize(), is_staff=True, **flags
    )


@pytest.fixture
def ann(db):
    return admin("ann")


@pytest.fixture
def ben(db):
    return admin("ben", is_superuser=True)


def propose_url(rule_id: str, name: str) -> str:
    return reverse("obligations:legal_value_propose") + f"?rule={rule_id}&name={name}"


def upload_tantalum(client):
    upload = SimpleUploadedFile("imports.csv", TANTALUM_ORE.encode(), content_type="text/csv")
    assert client.post(url("imports_upload"), {"file": upload}).status_code == 302


def cmr_status(organisation) -> str:
    return queries.evaluate_organisation(organisation, AS_OF).result.outcome("eu-cmr").status


def test_only_installation_administrators_open_the_pages(alice, ann, client_for):
    page = reverse("obligations:legal_values")
    anonymous = client_for(None).get(page)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))
    assert client_for(alice).get(page).status_code == 403  # an organisation's owner is not one
    assert client_for(alice).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "1"}).status_code == 403
    assert client_for(ann).get(page).status_code == 200
    assert not LegalValueChange.objects.exists()


def test_a_value_takes_effect_only_when_a_second_administrator_approves_it(acme, alice, ann, ben, client_for):
    upload_tantalum(client_for(alice))
    shipped = load_ruleset().version
    assert cmr_status(acme) == "cannot_decide"  # the threshold of Annex I line A3 is unknown

    response = client_for(ann).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "1000", **CITATION})
    change = LegalValueChange.objects.get()
    assert response.status_code == 302
    assert change.state == "pending"
    assert legal_queries.effective_ruleset().version == shipped  # not yet in effect
    assert cmr_status(acme) == "cannot_decide"

    # The proposer cannot approve it: four eyes.
    client_for(ann).post(reverse("obligations:legal_value_approve", args=[change.pk]))
    change.refresh_from_db()
    assert change.state == "pending"
    with pytest.raises(legal_actions.LegalValueRefused):
        legal_actions.approve(ann, change)
    # The page shows the second administrator what approving changes, before anything is stored.
    page = client_for(ben).get(reverse("obligations:legal_value_change", args=[change.pk]))
    assert "Acme B.V." in page.content.decode()
    assert "eu-cmr: Cannot decide → Applies" in page.content.decode()

    client_for(ben).post(reverse("obligations:legal_value_approve", args=[change.pk]))
    change.refresh_from_db()
    assert change.state == "approved"
    assert (change.proposed_by, change.decided_by) == (ann, ben)
    effective = legal_queries.effective_ruleset()
    assert effective.version != shipped
    assert (change.ruleset_before, change.ruleset_after) == (shipped, effective.version)
    assert cmr_status(acme) == "applies"
    # Results before and after, kept with the change: the rule's status and the verdict per year and line.
    (acme_impact,) = change.impact["organisations"]
    changes = {(c["rule_id"], c["obligation_id"], c["old"], c["new"]) for c in acme_impact["changes"]}
    assert ("eu-cmr", None, "cannot_decide", "applies") in changes
    assert ("eu-cmr", "2025 A3", "cannot_decide", "applies") in changes
    page = client_for(ben).get(reverse("obligations:legal_value_change", args=[change.pk])).content.decode()
    assert "eu-cmr / 2025 A3: Cannot decide → Applies" in page


def test_every_step_is_in_the_installation_audit_trail(acme, alice, ann, ben, client_for):
    client_for(ann).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "1000", **CITATION})
    change = legal_actions.approve(ben, LegalValueChange.objects.get(), AS_OF)
    events = list(LegalValueEvent.objects.order_by("id"))
    assert [(e.action, e.actor) for e in events] == [
        ("propose_legal_value", ann),
        ("approve_legal_value", ben),
    ]
    assert events[0].details["citation"]["oj_reference"] == "OJ L 360, 30.10.2020, p. 1–3"
    assert events[1].details["ruleset_after"] == change.ruleset_after
    assert events[1].action_label == "approved a legal value (second pair of eyes)"
    with pytest.raises(PermissionError):
        events[0].save()  # append-only
    trail = client_for(ann).get(reverse("obligations:legal_values")).content.decode()
    assert "approved a legal value (second pair of eyes)" in trail


def test_rejecting_needs_a_reason_and_only_the_proposer_withdraws(ann, ben, client_for):
    client_for(ann).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "1000", **CITATION})
    change = LegalValueChange.objects.get()
    with pytest.raises(legal_actions.LegalValueRefused):
        legal_actions.reject(ben, change, "  ")
    with pytest.raises(legal_actions.LegalValueRefused):
        legal_actions.withdraw(ben, change)
    legal_actions.reject(ben, change, "The OJ says 22 000 kg, not 1 000.")
    change.refresh_from_db()
    assert (change.state, change.decision_reason) == ("rejected", "The OJ says 22 000 kg, not 1 000.")
    client_for(ann).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "22000", **CITATION})
    second = LegalValueChange.objects.get(state="pending")
    legal_actions.withdraw(ann, second)
    assert LegalValueEvent.objects.filter(action="reject_legal_value", actor=ben).exists()
    assert LegalValueEvent.objects.filter(action="withdraw_legal_value", actor=ann).exists()
    assert legal_queries.effective_ruleset().version == load_ruleset().version


def test_only_one_proposal_per_value_waits_at_a_time(ann, ben, client_for):
    client_for(ann).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "1000", **CITATION})
    response = client_for(ben).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "2000", **CITATION})
    assert response.status_code == 400
    assert "already waiting for approval" in response.content.decode()


def test_a_form_without_a_citation_or_with_a_bad_value_is_refused(ann, client_for):
    response = client_for(ann).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "lots"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"value", "act", "article", "oj_reference", "url"} <= set(errors)
    assert not LegalValueChange.objects.exists()


def test_overriding_a_verified_value_must_be_confirmed_and_shows_on_every_result(
    acme, alice, ann, ben, client_for
):
    client_for(alice).post(url("profile_edit"), PROFILE_POST)
    tin = "year,cn_code,quantity_kg,country_of_origin\n2025,2609 00 00,5500,CD\n"
    client_for(alice).post(
        url("imports_upload"), {"file": SimpleUploadedFile("i.csv", tin.encode(), content_type="text/csv")}
    )
    assert cmr_status(acme) == "applies"  # 5 500 kg of tin ore, verified threshold 5 000 kg
    refused = client_for(ann).post(propose_url("eu-cmr", "annex_i.A1"), {"value": "6000", **CITATION})
    assert refused.status_code == 400
    assert "override_verified" in refused.context["form"].errors
    client_for(ann).post(
        propose_url("eu-cmr", "annex_i.A1"), {"value": "6000", "override_verified": "on", **CITATION}
    )
    legal_actions.approve(ben, LegalValueChange.objects.get(), AS_OF)
    assert cmr_status(acme) == "does_not_apply"
    overview = client_for(alice).get(url("overview")).content.decode()
    assert "Override" in overview
    assert (
        "replaced the verified Annex I volume threshold of line A1 shipped with imvo (5,000 kg) by 6,000 kg"
        in (overview)
    )
    assert (
        "overrides the verified value 5,000 kg" in client_for(alice).get(url("legal_basis")).content.decode()
    )
    cmr_page = client_for(alice).get(url("cmr")).content.decode()
    assert 'data-basis="operator"' in cmr_page
    assert "overriding the verified threshold of 5000 kg shipped with imvo" in cmr_page
    exported = json.loads(client_for(alice).get(url("result_json")).content)
    cmr = next(o for o in exported["outcomes"] if o["rule_id"] == "eu-cmr")
    assert cmr["values_used"][0]["overrides_verified"] is True


def test_history_shows_the_change_of_law_with_the_value_and_the_difference(acme, alice, ann, ben, client_for):
    client = client_for(alice)
    upload_tantalum(client)  # records an evaluation under the shipped rules
    assert ObligationSnapshot.objects.filter(organisation=acme).count() == 1
    client_for(ann).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "1000", **CITATION})
    legal_actions.approve(ben, LegalValueChange.objects.get(), AS_OF)
    overview = client.get(url("overview")).content.decode()
    assert "The law changed" in overview
    assert "legal values set by the administrators: Annex I volume threshold of line A3: 1,000 kg" in overview
    assert "eu-cmr: Cannot decide → Applies" in overview
    client.post(url("evaluate"))
    history = client.get(url("history")).content.decode()
    assert "Annex I volume threshold of line A3: 1,000 kg (OJ L 360, 30.10.2020, p. 1–3)" in history


def test_returning_to_the_shipped_value_also_takes_two_administrators(ann, ben, client_for):
    client_for(ann).post(propose_url("eu-cmr", "annex_i.A3"), {"value": "1000", **CITATION})
    legal_actions.approve(ben, LegalValueChange.objects.get(), AS_OF)
    revert_url = reverse("obligations:legal_value_revert") + "?rule=eu-cmr&name=annex_i.A3"
    assert client_for(ben).post(revert_url, {"note": "Entered too early."}).status_code == 302
    revert = LegalValueChange.objects.get(state="pending")
    assert revert.kind == "revert"
    assert legal_queries.effective_ruleset().version != load_ruleset().version
    legal_actions.approve(ann, revert, AS_OF)
    assert legal_queries.effective_ruleset().version == load_ruleset().version
    assert LegalValueChange.objects.get(kind="set").state == "superseded"


def test_an_organisation_user_is_never_asked_to_supply_a_legal_value(acme, alice, client_for):
    client = client_for(alice)
    client.post(url("profile_edit"), PROFILE_POST)
    upload_tantalum(client)
    page = client.get(url("overview")).content.decode()
    assert "Cannot decide — legal value not known: Annex I volume threshold of line A3." in page
    legal_value_items = page.split('<ul class="missing-values">')[1].split("</ul>")[0]
    assert "not yet verified by the operator of this installation" in legal_value_items
    assert "supply" not in legal_value_items
    assert "fill it in</a>" not in legal_value_items
    assert "legal value not confirmed" not in page


def test_the_form_names_the_values_unit_in_the_users_language(ann, client_for):
    client = client_for(ann)
    page = propose_url("de-lksg", "employees_in_germany_minimum")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    dutch = client.get(page).content.decode()
    assert "eenheid: werknemers" in dutch
    assert "employees</p>" not in dutch
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "unit: employees" in client.get(page).content.decode()
