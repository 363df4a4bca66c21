"""Finding 9 of issue 17, the access part: probing, tokens outliving their maker, consent revoked.

- Any editor of a monitor could probe other organisations' short names through the monitoring link
  form ("no such organisation" vs "linked"); now a non-existing organisation and one that has not
  consented get the same answer, and only a consenting company is linked.
- API tokens outlived the member who made them; now they end with the membership (or the role
  that made them possible).
- Revoking register-sharing consent left the monitor's earlier evidence, including counts of
  confidential risks; now it is deleted (docs/monitoring.md).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from imvo.web.monitoring import actions as monitoring
from imvo.web.monitoring.models import (
    AssessmentSource,
    CompanyAssessment,
    MonitoredCompany,
    RegisterSharingConsent,
)
from imvo.web.organisations.models import ApiToken, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def monitor(dave: Any) -> Any:
    """A monitor organisation; dave (an editor at Acme) is its editor too."""
    from imvo.web.organisations.models import Organisation

    organisation = Organisation.objects.create(name="Ministry Monitor", slug="ministry", kind="monitor")
    Membership.objects.create(user=dave, organisation=organisation, role="editor")
    return organisation


@pytest.fixture
def company(monitor: Any) -> Any:
    return MonitoredCompany.objects.create(organisation=monitor, name="Other B.V.")


def _link(client: Client, company: Any, slug: str) -> str:
    response = client.post(
        f"/o/ministry/monitoring/companies/{company.pk}/link/", {"platform_slug": slug}, follow=True
    )
    assert response.status_code == 200
    return " ".join(str(message) for message in response.context["messages"])


# --- the link form -----------------------------------------------------------------------------------
def test_the_link_form_answers_the_same_for_existing_and_unknown_organisations(
    monitor, company, dave, other_organisation, client_for
):
    client = client_for(dave)
    existing = _link(client, company, other_organisation.slug)  # exists, has not consented
    unknown = _link(client, company, "no-such-organisation")
    assert existing == unknown
    assert other_organisation.name not in existing
    company.refresh_from_db()
    assert company.platform_organisation is None


def test_only_a_consenting_company_is_linked(monitor, company, dave, charlie, other_organisation, client_for):
    monitoring.grant_register_consent(charlie, other_organisation, monitor)
    message = _link(client_for(dave), company, other_organisation.slug)
    assert "linked" in message
    company.refresh_from_db()
    assert company.platform_organisation == other_organisation


# --- consent revoked ---------------------------------------------------------------------------------
def test_revoking_consent_deletes_the_evidence_taken_from_the_register(
    monitor, company, dave, charlie, other_organisation, client_for
):
    from imvo.web.register import actions as register_actions

    register_actions.create_manual_risk(
        charlie,
        other_organisation,
        {"title": "Secret child-labour risk", "theme": "child_labour", "country": "IN", "confidential": True},
    )
    consent = monitoring.grant_register_consent(charlie, other_organisation, monitor)
    monitoring.link_platform_organisation(dave, monitor, company, other_organisation.slug)
    first = monitoring.create_round(dave, monitor, "2024")
    assert monitoring.assess_from_registers(dave, monitor, first) == 1
    derived = CompanyAssessment.objects.get(company=company)
    assert derived.evidence["risk_assessment"]  # "1 risks identified …": it counts the confidential risk
    # An assessment from a public disclosure is the monitor's own work and stays.
    second = monitoring.create_round(dave, monitor, "2025")
    public = CompanyAssessment.objects.create(
        organisation=monitor,
        monitoring_round=second,
        company=company,
        source=AssessmentSource.DISCLOSURE,
        verdicts={"oecd_endorsement": "found"},
    )
    response = client_for(charlie).post(f"/o/other/monitoring/sharing/{consent.pk}/revoke/")
    assert response.status_code == 302
    assert list(CompanyAssessment.objects.all()) == [public]
    company.refresh_from_db()
    assert company.platform_organisation is None
    assert RegisterSharingConsent.objects.get(pk=consent.pk).revoked_at is not None
    # The monitor's audit trail says what was removed, without the register's content.
    from imvo.web.audit.models import AuditEvent

    event = AuditEvent.objects.get(organisation=monitor, action="remove_register_evidence")
    assert event.changes == {"reason": "consent revoked", "assessments_removed": 1}


# --- API tokens -------------------------------------------------------------------------------------
def _api(secret: str) -> int:
    return Client().get("/api/v1/risks", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code


def test_a_removed_members_tokens_stop_working(acme, alice, dave, client_for):
    Membership.objects.filter(user=dave, organisation=acme).update(role="owner")
    _token, secret = ApiToken.issue(acme, "ERP export", "editor", dave)
    assert _api(secret) == 200
    membership = Membership.objects.get(user=dave, organisation=acme)
    assert client_for(alice).post(f"/o/acme/members/{membership.pk}/remove/").status_code == 302
    assert _api(secret) == 401
    assert ApiToken.objects.get().revoked_at is not None


def test_a_demoted_members_write_tokens_stop_working_and_read_tokens_stay(acme, alice, dave, client_for):
    Membership.objects.filter(user=dave, organisation=acme).update(role="owner")
    _token, writer = ApiToken.issue(acme, "sync", "editor", dave)
    _token, reader = ApiToken.issue(acme, "BI", "viewer", dave)
    membership = Membership.objects.get(user=dave, organisation=acme)
    client_for(alice).post(f"/o/acme/members/{membership.pk}/role/", {"role": "viewer"})
    assert _api(writer) == 401
    assert _api(reader) == 200


def test_tokens_end_however_the_membership_ends(acme, alice, dave):
    Membership.objects.filter(user=dave, organisation=acme).update(role="owner")
    _token, by_delete = ApiToken.issue(acme, "one", "viewer", dave)
    _token, by_alice = ApiToken.issue(acme, "two", "viewer", alice)
    dave.delete()  # the membership goes with the user; created_by becomes NULL afterwards
    assert _api(by_delete) == 401
    assert _api(by_alice) == 200
    # A membership removed without signals (a bulk delete) is caught when the token is used.
    Membership.objects.filter(user=alice, organisation=acme)._raw_delete(using="default")
    assert _api(by_alice) == 401


def test_a_deactivated_makers_tokens_stop_working(acme, alice):
    _token, secret = ApiToken.issue(acme, "one", "viewer", alice)
    alice.is_active = False
    alice.save()
    assert _api(secret) == 401
