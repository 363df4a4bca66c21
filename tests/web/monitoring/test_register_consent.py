"""A platform company is assessed from its register only with its recorded, unrevoked consent."""

from __future__ import annotations

import pytest

from imvo.web.monitoring import actions
from imvo.web.monitoring.models import CompanyAssessment, MonitoredCompany, RegisterSharingConsent

pytestmark = pytest.mark.django_db


def test_register_is_read_only_with_consent(monitor, acme, alice, bob, client_for):
    from imvo.web.register.models import Policy

    Policy.objects.create(
        organisation=acme, title="RBC policy", endorses_oecd_guidelines=True, responsible_officer="CFO"
    )
    company = MonitoredCompany.objects.create(
        organisation=monitor, name="Acme B.V.", platform_organisation=acme
    )
    monitoring_round = actions.create_round(alice, monitor, "2023")
    assert actions.assess_from_registers(alice, monitor, monitoring_round) == 0
    assert not CompanyAssessment.objects.exists()
    # Only Acme's owner can give consent; a viewer cannot.
    assert (
        client_for(bob).post("/o/acme/monitoring/sharing/grant/", {"monitor": monitor.pk}).status_code == 403
    )
    assert (
        client_for(alice).post("/o/acme/monitoring/sharing/grant/", {"monitor": monitor.pk}).status_code
        == 302
    )
    consent = RegisterSharingConsent.objects.get(organisation=acme, monitor=monitor)
    assert actions.assess_from_registers(alice, monitor, monitoring_round) == 1
    assessment = CompanyAssessment.objects.get(company=company)
    assert assessment.source == "register"
    assert assessment.verdicts["oecd_endorsement"] == "found"
    assert assessment.verdicts["internal_accountability"] == "found"
    assert "RBC policy" in assessment.evidence["oecd_endorsement"][0]["snippet"]
    client_for(alice).post(f"/o/acme/monitoring/sharing/{consent.pk}/revoke/")
    other_round = actions.create_round(alice, monitor, "2025")
    assert actions.assess_from_registers(alice, monitor, other_round) == 0


def test_consent_only_to_monitors(acme, alice, other_organisation):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.grant_register_consent(alice, acme, other_organisation)
