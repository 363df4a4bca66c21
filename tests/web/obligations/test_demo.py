"""The demo seed for "Voorbeeld Import B.V."."""

from __future__ import annotations

import pytest
from django.utils import timezone

from imvo.web.obligations import queries
from imvo.web.obligations.demo import seed_obligations
from imvo.web.obligations.models import ImportLine, ObligationProfile, ObligationSnapshot, Tender
from imvo.web.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_demo_seed_gives_decided_obligations_and_is_idempotent():
    organisation = Organisation.objects.create(name="Voorbeeld Import B.V.", slug="voorbeeld-import")
    seed_obligations(organisation)
    seed_obligations(organisation)
    assert ObligationProfile.objects.filter(organisation=organisation).count() == 1
    assert ImportLine.objects.filter(organisation=organisation).count() == 6
    assert Tender.objects.filter(organisation=organisation).count() == 1
    assert ObligationSnapshot.objects.filter(organisation=organisation).count() == 1
    result = queries.evaluate_organisation(organisation, timezone.localdate()).result
    statuses = {outcome.rule_id: outcome.status for outcome in result.outcomes}
    assert statuses["eu-cmr"] == "applies"  # 5 000 kg of tin ore in 2024: at the Annex I threshold
    assert statuses["de-lksg"] == "does_not_apply"
    assert statuses["nl-imvo-support-check"] == "applies"
    # The conflict-minerals page shows the three kinds of threshold side by side.
    cmr = result.outcome("eu-cmr").details["line_years"]
    assert {row["threshold_basis"] for row in cmr} == {"verified", "provisional", "unknown"}
