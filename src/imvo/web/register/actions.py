"""Every write to the register, named by what it does; each one records an audit event.

Views, the API, the scan job and the demo call these functions and never save register models
themselves, so the audit trail is complete by construction. Each function checks that the records it
touches belong to ``organisation`` (a wrong organisation is a programming error: ``ValueError``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone

from imvo.web.audit.trail import field_changes, record_audit_event
from imvo.web.jobs.queue import enqueue
from imvo.web.organisations.models import Organisation
from imvo.web.register import scales
from imvo.web.register.models import (
    FollowUp,
    Indicator,
    Measure,
    Policy,
    PublishedReport,
    RemediationRecord,
    Risk,
    RiskSource,
    Scan,
    ScanStatus,
    SeverityJudgement,
    StakeholderEngagement,
    SupplierUpload,
)

SCAN_JOB_KIND = "scan_suppliers"


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, File):  # an upload or a stored file: its name, never its content
        return value.name
    return value


def _snapshot(obj: models.Model, names: list[str]) -> dict[str, Any]:
    return {name: _jsonable(getattr(obj, name)) for name in names}


def _check_owner(organisation: Organisation, *records: models.Model | None) -> None:
    for record in records:
        if record is not None and record.organisation_id != organisation.pk:  # type: ignore[attr-defined]
            raise ValueError(f"{record._meta.label} {record.pk} belongs to another organisation.")


def _create(
    actor: Any,
    organisation: Organisation,
    model: type[models.Model],
    fields: Mapping[str, Any],
    via: str | None = None,
) -> Any:
    _check_owner(
        organisation,
        *(
            value
            for value in fields.values()
            if isinstance(value, models.Model) and hasattr(value, "organisation_id")
        ),
    )
    record = model(organisation=organisation, **fields)
    record.save()
    changes = {k: _jsonable(v) for k, v in fields.items()}
    if via:
        changes["via"] = via
    record_audit_event(actor, organisation, "create", record, changes)
    return record


def _update(
    actor: Any, organisation: Organisation, record: Any, fields: Mapping[str, Any], via: str | None = None
) -> Any:
    _check_owner(organisation, record)
    _check_owner(
        organisation,
        *(
            value
            for value in fields.values()
            if isinstance(value, models.Model) and hasattr(value, "organisation_id")
        ),
    )
    before = _snapshot(record, list(fields))
    for name, value in fields.items():
        setattr(record, name, value)
    record.save()
    changes: dict[str, Any] = field_changes(before, _snapshot(record, list(fields)))
    if changes:
        if via:
            changes["via"] = via
        record_audit_event(actor, organisation, "update", record, changes)
    return record


# --- Step 1 ---------------------------------------------------------------------------------------
def create_policy(actor: Any, organisation: Organisation, fields: Mapping[str, Any]) -> Policy:
    policy: Policy = _create(actor, organisation, Policy, fields)
    return policy


def update_policy(
    actor: Any, organisation: Organisation, policy: Policy, fields: Mapping[str, Any]
) -> Policy:
    updated: Policy = _update(actor, organisation, policy, fields)
    return updated


# --- Step 2 ---------------------------------------------------------------------------------------
@transaction.atomic
def upload_and_scan_supplier_list(actor: Any, organisation: Organisation, upload: UploadedFile) -> Scan:
    """Store an uploaded supplier list and queue its scan (run by the ``scan_suppliers`` job)."""
    supplier_upload = SupplierUpload(
        organisation=organisation,
        original_name=(upload.name or "suppliers")[:255],
        size=upload.size or 0,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    supplier_upload.file.save(upload.name or "suppliers.csv", upload, save=False)
    supplier_upload.save()
    record_audit_event(
        actor,
        organisation,
        "upload",
        supplier_upload,
        {"file": supplier_upload.original_name, "size": upload.size},
    )
    return start_scan(actor, organisation, supplier_upload)


@transaction.atomic
def start_scan(actor: Any, organisation: Organisation, supplier_upload: SupplierUpload) -> Scan:
    _check_owner(organisation, supplier_upload)
    scan = Scan.objects.create(
        organisation=organisation,
        upload=supplier_upload,
        started_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    scan.job = enqueue(SCAN_JOB_KIND, organisation, {"scan_id": scan.pk})
    scan.save(update_fields=["job"])
    record_audit_event(actor, organisation, "start_scan", scan, {"upload": supplier_upload.pk})
    return scan


def mark_scan_running(scan: Scan) -> None:
    Scan.objects.filter(pk=scan.pk).update(status=ScanStatus.RUNNING)


def fail_scan(scan: Scan, error: str, problems: list[dict[str, Any]]) -> None:
    """A scan that could not run: every input problem is kept for the scan page; nothing else is written."""
    Scan.objects.filter(pk=scan.pk).update(
        status=ScanStatus.FAILED, error=error[:4000], problems=problems, finished_at=timezone.now()
    )
    record_audit_event(None, scan.organisation, "fail_scan", scan, {"error": error[:500]})


def complete_scan(
    scan: Scan,
    *,
    rows: int,
    suppliers: int,
    risks: int,
    summary: dict[str, Any],
    warnings: list[dict[str, Any]],
    superseded_risks: int,
) -> None:
    Scan.objects.filter(pk=scan.pk).update(
        status=ScanStatus.DONE,
        rows=rows,
        suppliers_count=suppliers,
        risks_count=risks,
        summary=summary,
        problems=warnings,
        error="",
        finished_at=timezone.now(),
    )
    record_audit_event(
        None,
        scan.organisation,
        "complete_scan",
        scan,
        {"rows": rows, "suppliers": suppliers, "risks": risks, "superseded_risks": superseded_risks},
    )


def create_manual_risk(actor: Any, organisation: Organisation, fields: Mapping[str, Any]) -> Risk:
    risk: Risk = _create(actor, organisation, Risk, {**fields, "source": RiskSource.MANUAL})
    return risk


def update_risk(actor: Any, organisation: Organisation, risk: Risk, fields: Mapping[str, Any]) -> Risk:
    updated: Risk = _update(actor, organisation, risk, fields)
    return updated


@transaction.atomic
def judge_severity(
    actor: Any, organisation: Organisation, risk: Risk, fields: Mapping[str, Any]
) -> SeverityJudgement:
    """Record who judged how severe ``risk`` is and why (1–5 scales).

    The risk takes the judged severity on the register's 0–100 scale (from the UNGP components when all
    three are given, else from the overall level) and its salience is recomputed.
    """
    _check_owner(organisation, risk)
    judgement: SeverityJudgement = _create(
        actor,
        organisation,
        SeverityJudgement,
        {**fields, "risk": risk, "judged_by": actor if getattr(actor, "is_authenticated", False) else None},
    )
    if judgement.scale and judgement.scope and judgement.irremediability:
        severity = scales.severity_from_components(
            judgement.scale, judgement.scope, judgement.irremediability
        )
    else:
        severity = scales.level_to_percent(judgement.severity)
    update_risk(
        actor,
        organisation,
        risk,
        {"severity": severity, "salience": scales.salience(risk.likelihood, severity)},
    )
    return judgement


def log_stakeholder_engagement(
    actor: Any, organisation: Organisation, fields: Mapping[str, Any]
) -> StakeholderEngagement:
    engagement: StakeholderEngagement = _create(actor, organisation, StakeholderEngagement, fields)
    return engagement


def update_stakeholder_engagement(
    actor: Any, organisation: Organisation, engagement: StakeholderEngagement, fields: Mapping[str, Any]
) -> StakeholderEngagement:
    updated: StakeholderEngagement = _update(actor, organisation, engagement, fields)
    return updated


# --- Step 3 ---------------------------------------------------------------------------------------
def add_measure(
    actor: Any, organisation: Organisation, risk: Risk, fields: Mapping[str, Any], *, via: str | None = None
) -> Measure:
    """``via`` names the channel when there is no person, e.g. the API token, for the audit trail."""
    measure: Measure = _create(actor, organisation, Measure, {**fields, "risk": risk}, via)
    return measure


def update_measure(
    actor: Any,
    organisation: Organisation,
    measure: Measure,
    fields: Mapping[str, Any],
    *,
    via: str | None = None,
) -> Measure:
    updated: Measure = _update(actor, organisation, measure, fields, via)
    return updated


# --- Step 4 ---------------------------------------------------------------------------------------
def add_indicator(
    actor: Any, organisation: Organisation, measure: Measure, fields: Mapping[str, Any]
) -> Indicator:
    indicator: Indicator = _create(actor, organisation, Indicator, {**fields, "measure": measure})
    return indicator


def record_follow_up(
    actor: Any, organisation: Organisation, measure: Measure, fields: Mapping[str, Any]
) -> FollowUp:
    follow_up: FollowUp = _create(actor, organisation, FollowUp, {**fields, "measure": measure})
    return follow_up


def update_follow_up(
    actor: Any, organisation: Organisation, follow_up: FollowUp, fields: Mapping[str, Any]
) -> FollowUp:
    updated: FollowUp = _update(actor, organisation, follow_up, fields)
    return updated


# --- Step 6 ---------------------------------------------------------------------------------------
def record_remediation(
    actor: Any, organisation: Organisation, risk: Risk, fields: Mapping[str, Any]
) -> RemediationRecord:
    remediation: RemediationRecord = _create(actor, organisation, RemediationRecord, {**fields, "risk": risk})
    return remediation


def update_remediation(
    actor: Any, organisation: Organisation, remediation: RemediationRecord, fields: Mapping[str, Any]
) -> RemediationRecord:
    updated: RemediationRecord = _update(actor, organisation, remediation, fields)
    return updated


# --- Step 5 ---------------------------------------------------------------------------------------
@transaction.atomic
def publish_report(actor: Any, organisation: Organisation, title: str) -> PublishedReport:
    """Freeze the public report as the next immutable version (confidential records left out)."""
    from imvo.web.register.report import build_report_content, render_report_html, render_report_pdf

    # Locking the organisation row serialises concurrent publications, so versions stay unique.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    last = PublishedReport.objects.filter(organisation=organisation).order_by("-version").first()
    version = 1 if last is None else last.version + 1
    published_at = timezone.now()
    content = build_report_content(organisation, title=title, version=version, published_at=published_at)
    html = render_report_html(content)
    pdf = render_report_pdf(content)
    report = PublishedReport.objects.create(
        organisation=organisation,
        version=version,
        title=title,
        published_at=published_at,
        published_by=actor if getattr(actor, "is_authenticated", False) else None,
        content=content,
        html=html,
        pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
    record_audit_event(
        actor, organisation, "publish", report, {"version": version, "public_id": report.public_id}
    )
    return report
