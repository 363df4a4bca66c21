"""Reporting periods: the register as of a period end, and the published report's comparison with the
previous version (real scans, real database)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from imvo.web.register import actions, queries
from imvo.web.register.models import MeasureStatus, PublishedReport, Risk, RiskStatus
from tests.web.register.test_rescan import FULL_LIST, WITHOUT_BRICKS, apply, upload


def test_the_register_as_of_a_period_end_shows_what_was_known_judged_and_done_then(
    alice: Any, acme: Any, client_for: Any
) -> None:
    upload(alice, acme, WITHOUT_BRICKS)
    cocoa = Risk.objects.filter(organisation=acme, supplier__name="Cacao Coop").order_by("pk").first()
    assert cocoa is not None
    measure = actions.add_measure(
        alice, acme, cocoa, {"kind": "prevent", "description": "Audit", "owner": "QA"}
    )
    period_end = timezone.now()
    known_then = Risk.objects.filter(organisation=acme).count()

    # After the period: a new supplier's risks, a judgement, a completed measure, a closed risk.
    apply(alice, acme, upload(alice, acme, FULL_LIST), "replace")
    actions.judge_severity(alice, acme, cocoa, {"severity": 4, "rationale": "Field visit"})
    actions.update_measure(alice, acme, measure, {"status": MeasureStatus.DONE})
    actions.update_risk(alice, acme, cocoa, {"status": RiskStatus.CLOSED})

    then = {risk.pk: risk for risk in queries.register_as_of(acme, period_end)}
    assert len(then) == known_then < Risk.objects.filter(organisation=acme).count()
    assert then[cocoa.pk].status_then == RiskStatus.OPEN
    assert not then[cocoa.pk].judged_then
    assert (then[cocoa.pk].measures_then, then[cocoa.pk].measures_done_then) == (1, 0)
    now = {risk.pk: risk for risk in queries.register_as_of(acme, timezone.now())}
    assert now[cocoa.pk].status_then == RiskStatus.CLOSED
    assert now[cocoa.pk].judged_then
    assert now[cocoa.pk].measures_done_then == 1
    summary = queries.register_summary_as_of(acme, period_end)
    assert summary["known"] == known_then
    assert summary["closed"] == summary["judged"] == summary["measures_done"] == 0
    assert summary["measures"] == summary["with_measures"] == 1

    page = client_for(alice).get(
        reverse("register:register_as_of", kwargs={"org": "acme"}), {"date": timezone.localdate().isoformat()}
    )
    assert page.status_code == 200
    assert "What was known, judged and done by the end of that day" in page.content.decode()
    future = client_for(alice).get(
        reverse("register:register_as_of", kwargs={"org": "acme"}), {"date": "2999-01-01"}
    )
    assert "Choose today or a date in the past." in future.content.decode()


def test_the_report_compares_with_the_previous_version_and_stands_with_its_own_publication(
    alice: Any, acme: Any
) -> None:
    upload(alice, acme, FULL_LIST)
    first = actions.publish_report(alice, acme, "Report 2026")
    assert first.content["since_previous"] is None
    step5 = next(step for step in first.content["maturity"] if step["step"] == 5)
    assert step5["level"] >= 1  # the report being published counts: step 5 is no longer "not started"

    risk = Risk.objects.filter(organisation=acme).order_by("pk").first()
    assert risk is not None
    measure = actions.add_measure(
        alice, acme, risk, {"kind": "prevent", "description": "Audit", "owner": "QA"}
    )
    actions.update_measure(alice, acme, measure, {"status": MeasureStatus.DONE})
    actions.add_measure(alice, acme, risk, {"kind": "mitigate", "description": "Open", "owner": "QA"})
    apply(alice, acme, upload(alice, acme, WITHOUT_BRICKS), "replace")
    closed = Risk.objects.filter(organisation=acme, status=RiskStatus.CLOSED).count()
    assert closed > 0
    actions.create_manual_risk(alice, acme, {"title": "Overtime at the warehouse", "area": "own_operations"})
    actions.create_manual_risk(
        alice, acme, {"title": "Secret", "area": "own_operations", "confidential": True}
    )  # confidential: stays out of the counts

    second = actions.publish_report(alice, acme, "Report 2027")
    since = second.content["since_previous"]
    assert since["version"] == first.version
    assert (since["risks_closed"], since["risks_new"], since["measures_completed"]) == (closed, 1, 1)
    assert "Since the previous report" in second.html
    assert f"{closed} risks closed" in second.html
    # The first version is as it was published.
    assert PublishedReport.objects.get(pk=first.pk).content["since_previous"] is None
