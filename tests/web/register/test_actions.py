from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from pypdf import PdfReader

from imvo.web.audit.models import AuditEvent
from imvo.web.register import actions
from imvo.web.register.models import PublishedReport, Risk


def test_every_write_records_an_audit_event(register: dict[str, Any], acme: Any) -> None:
    recorded = set(AuditEvent.objects.filter(organisation=acme).values_list("object_type", "action"))
    for object_type in (
        "risk",
        "severityjudgement",
        "measure",
        "indicator",
        "followup",
        "remediationrecord",
        "stakeholderengagement",
        "policy",
    ):
        assert (object_type, "create") in recorded
    # The judgement changed the risk's severity: that is an update with old and new values.
    update = AuditEvent.objects.get(organisation=acme, object_type="risk", action="update")
    # Components 3, 2, 2 → (7 - 3) / 12 → 33; salience 0.6 × 33 + 0.4 × 50 → 40.
    assert update.changes == {"severity": [50, 33], "salience": [50, 40]}


def test_update_records_only_changed_fields(register: dict[str, Any], acme: Any, dave: Any) -> None:
    measure = register["measure"]
    actions.update_measure(dave, acme, measure, {"status": "done", "owner": "HR"})
    event = AuditEvent.objects.filter(organisation=acme, object_type="measure", action="update").get()
    assert event.changes == {"status": ["in_progress", "done"]}
    assert event.actor == dave


def test_a_record_of_another_organisation_is_refused(
    register: dict[str, Any], other_organisation: Any, charlie: Any
) -> None:
    with pytest.raises(ValueError, match="another organisation"):
        actions.add_measure(
            charlie, other_organisation, register["risk"], {"kind": "cease", "description": "x", "owner": "y"}
        )
    with pytest.raises(ValueError, match="another organisation"):
        actions.update_risk(charlie, other_organisation, register["risk"], {"status": "closed"})


def test_severity_judgement_sets_severity_and_salience_on_the_core_scale(acme: Any, alice: Any) -> None:
    risk = actions.create_manual_risk(alice, acme, {"title": "t", "likelihood": 100})
    actions.judge_severity(alice, acme, risk, {"severity": 5, "rationale": "grave"})
    risk.refresh_from_db()
    assert (risk.severity, risk.salience) == (100, 100)
    actions.judge_severity(
        alice,
        acme,
        risk,
        {"severity": 5, "scale": 1, "scope": 1, "irremediability": 1, "rationale": "components decide"},
    )
    risk.refresh_from_db()
    assert (risk.severity, risk.salience) == (0, 40)
    assert risk.judgements.count() == 2


def test_published_versions_are_numbered_and_immutable(
    register: dict[str, Any], acme: Any, alice: Any
) -> None:
    first = actions.publish_report(alice, acme, "Report 2025")
    second = actions.publish_report(alice, acme, "Report 2025 (corrected)")
    assert (first.version, second.version) == (1, 2)
    assert first.public_id != second.public_id
    assert bytes(first.pdf).startswith(b"%PDF-")
    first.title = "changed"
    with pytest.raises(ValueError, match="immutable"):
        first.save()
    assert PublishedReport.objects.get(pk=first.pk).title == "Report 2025"


def test_confidential_records_stay_out_of_the_report(register: dict[str, Any], acme: Any, alice: Any) -> None:
    actions.create_manual_risk(alice, acme, {"title": "Secret smelter issue", "confidential": True})
    actions.update_remediation(alice, acme, register["remediation"], {"confidential": True})
    actions.log_stakeholder_engagement(
        alice,
        acme,
        {
            "held_on": dt.date(2025, 5, 1),
            "stakeholder": "Whistle-blower",
            "summary": "s",
            "confidential": True,
        },
    )
    report = actions.publish_report(alice, acme, "Public report")
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(report.pdf))).pages)
    assert "Excessive overtime at the Rotterdam warehouse" in pdf_text
    assert "Secret smelter issue" not in pdf_text
    for text in ("Secret smelter issue", "Overtime paid at 150%", "Whistle-blower"):
        assert text not in report.html
        assert text not in str(report.content)
    assert "Excessive overtime at the Rotterdam warehouse" in report.html
    assert "Works council" in report.html
    assert Risk.objects.filter(organisation=acme).count() == 2
