"""The Wzk declaration draft and "no reasonable suspicion" while the register has open child-labour risks."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from imvo.core.obligations.declaration import draft_wzk_declaration
from imvo.core.obligations.facts import CompanyProfile
from imvo.web.obligations.models import ObligationProfile
from imvo.web.obligations.register_facts import open_child_labour_risks
from imvo.web.register.facts import CHILD_LABOUR_THEMES

pytestmark = pytest.mark.django_db

NO_SUSPICION = "Uit het onderzoek is geen redelijk vermoeden van kinderarbeid gebleken."


def url(name: str) -> str:
    return reverse(f"obligations:{name}", kwargs={"org": "acme"})


def _risk(acme: Any, alice: Any, theme: str, status: str = "open") -> Any:
    from imvo.web.register import actions as register_actions

    return register_actions.create_manual_risk(
        alice, acme, {"title": f"{theme} at a supplier", "theme": theme, "status": status}
    )


def _profile_post(suspicion: str) -> dict[str, str]:
    return {
        "country": "NL",
        "sells_to_dutch_end_users": "true",
        "child_labour_reasonable_suspicion": suspicion,
    }


def test_only_open_child_labour_risks_count(acme, alice, other_organisation, charlie):
    assert {"child_labour", "forced_child_labour"} == CHILD_LABOUR_THEMES
    assert open_child_labour_risks(acme) == 0
    _risk(acme, alice, "forced_labour")
    _risk(acme, alice, "child_labour", status="closed")
    _risk(other_organisation, charlie, "child_labour")
    assert open_child_labour_risks(acme) == 0
    _risk(acme, alice, "child_labour")
    _risk(acme, alice, "forced_child_labour", status="addressed")
    assert open_child_labour_risks(acme) == 2


def test_no_reasonable_suspicion_is_refused_while_child_labour_risks_are_open(acme, alice, client_for):
    risk = _risk(acme, alice, "child_labour")
    client = client_for(alice)
    page = client.get(url("profile_edit")).content.decode()
    assert 'id="child-labour-warning"' in page
    response = client.post(url("profile_edit"), _profile_post("false"))
    assert response.status_code == 400
    assert "“no reasonable suspicion” cannot be declared" in response.content.decode()
    assert not ObligationProfile.objects.filter(organisation=acme).exists()
    # "Yes" (a suspicion exists) and "Unknown" remain possible.
    assert client.post(url("profile_edit"), _profile_post("true")).status_code == 302
    # Once the risk is closed, "no reasonable suspicion" can be declared.
    from imvo.web.register import actions as register_actions

    register_actions.update_risk(alice, acme, risk, {"status": "closed"})
    assert client.post(url("profile_edit"), _profile_post("false")).status_code == 302
    assert ObligationProfile.objects.get(organisation=acme).child_labour_reasonable_suspicion is False


def test_the_refusal_is_in_dutch(acme, alice, client_for):
    _risk(acme, alice, "child_labour")
    response = client_for(alice).post(url("profile_edit"), _profile_post("false"), HTTP_ACCEPT_LANGUAGE="nl")
    page = response.content.decode()
    assert "“geen redelijk vermoeden” kan niet worden verklaard" in page
    assert "Uw register heeft 1 open risico op kinderarbeid" in page


def test_the_draft_declaration_warns_and_refuses_no_suspicion_stored_before_the_risk(acme, alice, client_for):
    client = client_for(alice)
    assert client.post(url("profile_edit"), _profile_post("false")).status_code == 302
    text = client.get(url("declaration") + "?as_of=2026-06-01").content.decode()
    assert NO_SUSPICION in text
    assert "LET OP / WARNING" not in text
    _risk(acme, alice, "child_labour")
    text = client.get(url("declaration") + "?as_of=2026-06-01").content.decode()
    assert "LET OP / WARNING" in text
    assert "1 open risico('s) op kinderarbeid" in text
    assert NO_SUSPICION not in text
    assert "The investigation found no reasonable suspicion" not in text
    assert "uitkomst onderzoek redelijk vermoeden" in text  # shown as missing instead
    overview = client.get(url("overview")).content.decode()
    assert 'id="child-labour-warning"' in overview


def test_the_core_draft_keeps_a_declared_suspicion_and_warns():
    profile = CompanyProfile(name="Acme B.V.")
    register = {"child_labour_reasonable_suspicion": True, "child_labour_action_plan_date": "2026-01-05"}
    text = draft_wzk_declaration(profile, register, date(2026, 6, 1), open_child_labour_risks=2)
    assert "LET OP / WARNING" in text
    assert "Er bestaat een redelijk vermoeden van kinderarbeid" in text
    assert "LET OP" not in draft_wzk_declaration(profile, register, date(2026, 6, 1))
