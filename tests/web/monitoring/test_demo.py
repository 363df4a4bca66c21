"""The demo monitor organisation: its round's figures follow from its assessments."""

from __future__ import annotations

import pytest

from imvo.web.monitoring import queries
from imvo.web.monitoring.demo import seed_monitoring
from imvo.web.monitoring.models import CompanyAssessment, MonitoredCompany

pytestmark = pytest.mark.django_db


def test_seed_monitoring(alice):
    monitor = seed_monitoring(owner=alice)
    assert monitor.kind == "monitor"
    assert seed_monitoring(owner=alice) == monitor  # idempotent
    figures = queries.figures(monitor)
    headline = figures.headline("2021")
    in_scope = MonitoredCompany.objects.filter(organisation=monitor, in_scope=True).count()
    assert headline.denominator == CompanyAssessment.objects.filter(organisation=monitor).count() == in_scope
    endorsing = CompanyAssessment.objects.filter(organisation=monitor, endorses=True)
    assert headline.numerator == endorsing.count() == 4
    assert set(headline.assessment_ids) == {str(pk) for pk in endorsing.values_list("pk", flat=True)}
    assert headline.low is not None  # a sample of the 600 large companies
    assert [p.round for p in figures.reference_series] == ["2017", "2019"]
    nap = {f.group: f.numerator for f in figures.select("nap", "2021")}
    assert nap["compliant"] == 2


def test_seed_monitoring_with_a_consenting_platform_company(alice, acme):
    from imvo.web.monitoring.models import RegisterSharingConsent
    from imvo.web.register.models import Policy

    # Endorsement is the OECD Guidelines on the current policy (imvo.core.register.facts): the UNGPs
    # alone cover human rights only.
    Policy.objects.create(organisation=acme, title="RBC policy", endorses_oecd_guidelines=True)
    monitor = seed_monitoring(owner=alice, company_organisation=acme)
    assert RegisterSharingConsent.objects.filter(organisation=acme, monitor=monitor, revoked_at=None).exists()
    shared = CompanyAssessment.objects.get(organisation=monitor, company__platform_organisation=acme)
    assert shared.source == "register"
    assert shared.endorses
    assert queries.figures(monitor).headline("2021").numerator == 5
