"""Every write to the register, named by what it does; each one records an audit event.

Views, the API, the scan job and the demo call these functions and never save register models
themselves, so the audit trail is complete by construction. Each function checks that the records it
touches belong to ``organisation`` (a wrong organisation is a programming error: ``ValueError``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from imvo.web.audit.records import check_owner, create_audited, update_audited
from imvo.web.audit.trail import record_audit_event
from imvo.web.audit.vocabulary import AuditAction
from imvo.web.jobs.queue import enqueue
from imvo.web.organisations.models import Organisation
from imvo.web.register import scales
from imvo.web.register.bulk_writes import insert_rows, update_rows
from imvo.web.register.models import (
    CloseReason,
    FollowUp,
    Indicator,
    Measure,
    MergeMode,
    Policy,
    PublishedReport,
    RemediationRecord,
    Risk,
    RiskArea,
    RiskEvent,
    RiskEventKind,
    RiskSource,
    RiskStatus,
    Scan,
    ScanStatus,
    SeverityJudgement,
    StakeholderEngagement,
    Supplier,
    SupplierUpload,
)

SCAN_JOB_KIND = "scan_suppliers"
APPLY_JOB_KIND = "apply_scan"
#: Rows per INSERT/UPDATE when a scan is applied: memory and statement size stay bounded.
WRITE_BATCH = 1000


# --- Step 1 ---------------------------------------------------------------------------------------
def create_policy(actor: Any, organisation: Organisation, fields: Mapping[str, Any]) -> Policy:
    policy: Policy = create_audited(actor, organisation, Policy, fields)
    return policy


def update_policy(
    actor: Any, organisation: Organisation, policy: Policy, fields: Mapping[str, Any]
) -> Policy:
    updated: Policy = update_audited(actor, organisation, policy, fields)
    return updated


# --- Step 2 ---------------------------------------------------------------------------------------
@transaction.atomic
def upload_and_scan_supplier_list(actor: Any, organisation: Organisation, upload: UploadedFile) -> Scan:
    """Store an uploaded supplier list and queue its scan (run by the ``scan_suppliers`` job)."""
    return start_scan(actor, organisation, store_supplier_list(actor, organisation, upload))


@transaction.atomic
def store_supplier_list(actor: Any, organisation: Organisation, upload: UploadedFile) -> SupplierUpload:
    """Keep an uploaded list (its scan is started here or, once its columns are chosen, later)."""
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
        AuditAction.UPLOAD,
        supplier_upload,
        {"file": supplier_upload.original_name, "size": upload.size},
    )
    return supplier_upload


@transaction.atomic
def start_scan(actor: Any, organisation: Organisation, supplier_upload: SupplierUpload) -> Scan:
    check_owner(organisation, supplier_upload)
    scan = Scan.objects.create(
        organisation=organisation,
        upload=supplier_upload,
        started_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    scan.job = enqueue(SCAN_JOB_KIND, organisation, {"scan_id": scan.pk})
    scan.save(update_fields=["job"])
    record_audit_event(actor, organisation, AuditAction.START_SCAN, scan, {"upload": supplier_upload.pk})
    return scan


def mark_scan_running(scan: Scan) -> None:
    Scan.objects.filter(pk=scan.pk).update(status=ScanStatus.RUNNING)


def shown_to_user(scan: Scan, text: str) -> str:
    """``text`` with the upload's stored name and the server's paths replaced by the file's own name."""
    from imvo.web.security import public_error_text

    upload = scan.upload
    names = {upload.file.name or "": upload.original_name}
    with contextlib.suppress(NotImplementedError, ValueError):  # storages without local paths
        names[upload.file.path] = upload.original_name
    return public_error_text(text, names)


def shown_problems(scan: Scan, problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            **problem,
            "file": scan.upload.original_name,
            "message": shown_to_user(scan, str(problem.get("message", ""))),
        }
        for problem in problems
    ]


def fail_scan(scan: Scan, error: str, problems: list[dict[str, Any]]) -> None:
    """A scan that could not run: every input problem is kept for the scan page; nothing else is written."""
    error = shown_to_user(scan, error)
    Scan.objects.filter(pk=scan.pk).update(
        status=ScanStatus.FAILED,
        error=error[:4000],
        problems=shown_problems(scan, problems),
        finished_at=timezone.now(),
    )
    record_audit_event(None, scan.organisation, AuditAction.FAIL_SCAN, scan, {"error": error[:500]})


def ready_scan(
    scan: Scan, *, rows: int, summary: dict[str, Any], warnings: list[dict[str, Any]], preview: dict[str, Any]
) -> None:
    """The scan is read; its preview waits for a person to choose how to merge and confirm."""
    Scan.objects.filter(pk=scan.pk).update(
        status=ScanStatus.READY,
        rows=rows,
        suppliers_count=preview["suppliers_in_file"],
        risks_count=0,
        summary=summary,
        problems=shown_problems(scan, warnings),
        preview=preview,
        error="",
        finished_at=timezone.now(),
    )
    record_audit_event(None, scan.organisation, AuditAction.PREVIEW_SCAN, scan, {"rows": rows})


def request_apply_scan(actor: Any, organisation: Organisation, scan: Scan, mode: str) -> bool:
    """Queue the merge of a reviewed scan; False when it is no longer waiting (applied, discarded,
    or already queued by someone else: a double click queues one merge)."""
    check_owner(organisation, scan)
    with transaction.atomic():
        claimed = Scan.objects.filter(pk=scan.pk, status=ScanStatus.READY).update(
            status=ScanStatus.APPLYING, mode=mode, applied_by=actor if _is_person(actor) else None
        )
        if not claimed:
            return False
        job = enqueue(APPLY_JOB_KIND, organisation, {"scan_id": scan.pk, "mode": mode})
        Scan.objects.filter(pk=scan.pk).update(job=job)
        record_audit_event(actor, organisation, AuditAction.CONFIRM_SCAN, scan, {"mode": mode})
    return True


def discard_scan(actor: Any, organisation: Organisation, scan: Scan) -> bool:
    check_owner(organisation, scan)
    discarded = Scan.objects.filter(pk=scan.pk, status=ScanStatus.READY).update(status=ScanStatus.DISCARDED)
    if discarded:
        record_audit_event(actor, organisation, AuditAction.DISCARD_SCAN, scan, {})
    return bool(discarded)


def _is_person(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


@transaction.atomic
def create_manual_risk(actor: Any, organisation: Organisation, fields: Mapping[str, Any]) -> Risk:
    risk: Risk = create_audited(actor, organisation, Risk, {**fields, "source": RiskSource.MANUAL})
    RiskEvent.objects.create(
        organisation=organisation, risk=risk, kind=RiskEventKind.FOUND, status=risk.status
    )
    return risk


def update_risk(actor: Any, organisation: Organisation, risk: Risk, fields: Mapping[str, Any]) -> Risk:
    """A person closing a risk closes it for good (a later scan does not reopen it); reopening
    clears the reason."""
    fields = dict(fields)
    before, status = risk.status, fields.get("status", risk.status)
    if status == before:
        updated: Risk = update_audited(actor, organisation, risk, fields)
        return updated
    kind = RiskEventKind.STATUS
    if status == RiskStatus.CLOSED:
        fields.update(closed_reason=CloseReason.BY_PERSON, closed_detail="", closed_at=timezone.now())
        kind = RiskEventKind.CLOSED
    elif before == RiskStatus.CLOSED:
        fields.update(closed_reason="", closed_detail="", closed_at=None)
        kind = RiskEventKind.REOPENED
    with transaction.atomic():
        updated = update_audited(actor, organisation, risk, fields)
        RiskEvent.objects.create(
            organisation=organisation,
            risk=risk,
            kind=kind,
            status=status,
            reason=CloseReason.BY_PERSON if kind == RiskEventKind.CLOSED else "",
            changes={"status": [before, status]},
        )
    return updated


def reopen_risk(actor: Any, organisation: Organisation, risk: Risk) -> Risk:
    return update_risk(actor, organisation, risk, {"status": RiskStatus.OPEN})


@transaction.atomic
def judge_severity(
    actor: Any, organisation: Organisation, risk: Risk, fields: Mapping[str, Any]
) -> SeverityJudgement:
    """Record who judged how severe ``risk`` is and why (1–5 scales).

    The risk takes the judged severity on the register's 0–100 scale (from the UNGP components when all
    three are given, else from the overall level) and its salience is recomputed.
    """
    check_owner(organisation, risk)
    judgement: SeverityJudgement = create_audited(
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
    engagement: StakeholderEngagement = create_audited(actor, organisation, StakeholderEngagement, fields)
    return engagement


def update_stakeholder_engagement(
    actor: Any, organisation: Organisation, engagement: StakeholderEngagement, fields: Mapping[str, Any]
) -> StakeholderEngagement:
    updated: StakeholderEngagement = update_audited(actor, organisation, engagement, fields)
    return updated


# --- Step 3 ---------------------------------------------------------------------------------------
def add_measure(
    actor: Any, organisation: Organisation, risk: Risk, fields: Mapping[str, Any], *, via: str | None = None
) -> Measure:
    """``via`` names the channel when there is no person, e.g. the API token, for the audit trail."""
    measure: Measure = create_audited(actor, organisation, Measure, {**fields, "risk": risk}, via)
    return measure


def update_measure(
    actor: Any,
    organisation: Organisation,
    measure: Measure,
    fields: Mapping[str, Any],
    *,
    via: str | None = None,
) -> Measure:
    updated: Measure = update_audited(actor, organisation, measure, fields, via)
    return updated


# --- Step 4 ---------------------------------------------------------------------------------------
def add_indicator(
    actor: Any, organisation: Organisation, measure: Measure, fields: Mapping[str, Any]
) -> Indicator:
    indicator: Indicator = create_audited(actor, organisation, Indicator, {**fields, "measure": measure})
    return indicator


def record_follow_up(
    actor: Any, organisation: Organisation, measure: Measure, fields: Mapping[str, Any]
) -> FollowUp:
    follow_up: FollowUp = create_audited(actor, organisation, FollowUp, {**fields, "measure": measure})
    return follow_up


def update_follow_up(
    actor: Any, organisation: Organisation, follow_up: FollowUp, fields: Mapping[str, Any]
) -> FollowUp:
    updated: FollowUp = update_audited(actor, organisation, follow_up, fields)
    return updated


# --- Step 6 ---------------------------------------------------------------------------------------
def record_remediation(
    actor: Any, organisation: Organisation, risk: Risk, fields: Mapping[str, Any]
) -> RemediationRecord:
    remediation: RemediationRecord = create_audited(
        actor, organisation, RemediationRecord, {**fields, "risk": risk}
    )
    return remediation


def update_remediation(
    actor: Any, organisation: Organisation, remediation: RemediationRecord, fields: Mapping[str, Any]
) -> RemediationRecord:
    updated: RemediationRecord = update_audited(actor, organisation, remediation, fields)
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
        actor, organisation, AuditAction.PUBLISH, report, {"version": version, "public_id": report.public_id}
    )
    return report


# --- Step 2: applying a scan to the register ------------------------------------------------------
class PreviewOutdated(Exception):
    """The register changed after the preview was computed; the scan shows a fresh preview instead."""


def risk_title(theme: str, good: str, country: str) -> str:
    from imvo.core.risk.themes import theme_label

    return f"{theme_label(theme)}: {good} ({country or '?'})"


def apply_scan_plan(
    scan: Scan,
    mode: str,
    staged: Any,
    *,
    actor: Any,
    expected: Mapping[str, Any] | None,
    fence: Callable[[], None] | None = None,
) -> dict[str, int]:
    """Merge the scanned list ``staged`` into the register as :func:`imvo.core.register.merge.plan_merge`
    plans it, in one transaction: suppliers and risks keep their rows (and so every judgement,
    measure, follow-up, grievance link and audit entry); gone risks close with their reason.

    ``expected`` is what the preview promised (its ``based_on`` and ``counts``): when the register
    has changed since, nothing is written and :class:`PreviewOutdated` is raised. Organisation-wide
    lock plus the unique identities make two merges at once impossible to duplicate.

    ``fence`` (from a job: :func:`imvo.web.jobs.queue.fence`) runs first in the transaction and
    raises when the job's claim was taken over, so a worker presumed dead writes nothing.
    """
    from imvo.core.register.merge import MergeMode
    from imvo.web.register import rescan

    organisation = scan.organisation
    # Planning reads the whole register: done before the lock, and again under it only when the
    # register was written meanwhile, so the merge holds the database for its writes alone.
    version = _register_version(organisation.pk)
    plan = rescan.plan(staged, organisation.pk, MergeMode(mode))
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        if fence is not None:
            fence()
        if Scan.objects.filter(pk=scan.pk, status=ScanStatus.DONE).exists():
            return dict(Scan.objects.get(pk=scan.pk).applied)  # applied already (a reclaimed job)
        if _first_fill_running(organisation.pk):
            raise PreviewOutdated  # the register is still being filled by the first list
        if _register_version(organisation.pk) != version:
            plan = rescan.plan(staged, organisation.pk, MergeMode(mode))
        counts = plan.counts()
        if expected is not None and (
            expected.get("based_on") != rescan.last_applied_scan_id(organisation.pk)
            or expected.get("counts") != counts
        ):
            raise PreviewOutdated
        now = timezone.now()
        supplier_ids, suppliers_as_they_were = _write_suppliers(scan, plan)
        risks_as_they_were = _write_risks(scan, plan, supplier_ids, now)
        _mark_applied(scan, mode, counts, len(plan.risks))
        record_audit_event(actor, organisation, AuditAction.APPLY_SCAN, scan, {"mode": mode, **counts})
    _mark_seen(scan, suppliers_as_they_were, risks_as_they_were, fence)
    return counts


def _mark_seen(scan: Scan, suppliers: list[int], risks: list[int], fence: Callable[[], None] | None) -> None:
    """Record ``scan`` as the last one that listed the suppliers and found the risks that it left as
    they were, after the merge, one short transaction per batch: on SQLite the merge's own
    transaction holds the write lock for the changes alone. Only bookkeeping is late here (which
    scan saw a row last); a merge stopped before it is complete in everything else."""

    def in_batches(ids: list[int], mark: Callable[[list[int]], object]) -> None:
        for start in range(0, len(ids), WRITE_BATCH):
            with transaction.atomic():
                if fence is not None:
                    fence()
                mark(ids[start : start + WRITE_BATCH])

    in_batches(suppliers, lambda ids: Supplier.objects.filter(pk__in=ids).update(scan_id=scan.pk))
    in_batches(risks, lambda ids: Risk.objects.filter(pk__in=ids).update(last_scan_id=scan.pk))


def _register_version(organisation_id: int) -> tuple[int | None, int | None]:
    """Changes whenever the register is written: every write records an audit event with it
    (see the module's docstring), and an applied scan changes the last applied scan."""
    from django.db.models import Max

    from imvo.web.audit.models import AuditEvent
    from imvo.web.register import rescan

    latest = AuditEvent.objects.filter(organisation_id=organisation_id).aggregate(latest=Max("id"))["latest"]
    return latest, rescan.last_applied_scan_id(organisation_id)


def _first_fill_running(organisation_id: int) -> bool:
    return Scan.objects.filter(
        organisation_id=organisation_id, status=ScanStatus.APPLYING, job__kind=SCAN_JOB_KIND
    ).exists()


#: Suppliers per transaction (with their risks and history) when the first list fills an empty
#: register: each commit lets go of SQLite's write lock, so sign-ins and other organisations'
#: writes wait for one chunk, not for the whole list (issue 17, finding 7).
FILL_CHUNK = 1000


def claim_first_fill(scan: Scan, fence: Callable[[], None] | None) -> bool:
    """Mark ``scan`` as the list that fills its organisation's empty register; False when the
    register is not empty or another list is filling it (then this list is previewed instead)."""
    from imvo.web.register import rescan

    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=scan.organisation_id).first()
        if fence is not None:
            fence()
        filling = Scan.objects.filter(organisation_id=scan.organisation_id, status=ScanStatus.APPLYING)
        if not rescan.register_is_empty(scan.organisation_id) or filling.exclude(pk=scan.pk).exists():
            return False
        Scan.objects.filter(pk=scan.pk).update(status=ScanStatus.APPLYING, mode=MergeMode.REPLACE)
    return True


def fill_empty_register(
    scan: Scan, staged: Any, *, actor: Any, fence: Callable[[], None] | None = None
) -> dict[str, int]:
    """Write the first list of an organisation (claimed by :func:`claim_first_fill`) into its empty
    register, :data:`FILL_CHUNK` suppliers per transaction, each transaction fenced.

    Between commits the register shows the suppliers written so far, and the scan is "being
    applied". A fill that fails removes what it wrote (:func:`undo_first_fill`); a fill whose worker
    lost the job writes nothing more and leaves the clean-up to the worker that took it over.
    """
    from imvo.core.register.merge import MergeMode as PlanMode
    from imvo.web.jobs.queue import JobLost
    from imvo.web.register import rescan

    plan = rescan.plan(staged, scan.organisation_id, PlanMode.REPLACE)
    counts = plan.counts()
    risks_of: dict[str, list[Any]] = {}
    for item in plan.risks:
        risks_of.setdefault(item.found.supplier_key, []).append(item.found)
    try:
        last_supplier = last_risk = 0
        for start in range(0, len(plan.suppliers), FILL_CHUNK):
            chunk = plan.suppliers[start : start + FILL_CHUNK]
            last_supplier, last_risk = _fill_chunk(scan, chunk, risks_of, (last_supplier, last_risk), fence)
        with transaction.atomic():
            if fence is not None:
                fence()
            _mark_applied(scan, MergeMode.REPLACE.value, counts, len(plan.risks))
            record_audit_event(
                actor,
                scan.organisation,
                AuditAction.APPLY_SCAN,
                scan,
                {"mode": MergeMode.REPLACE.value, **counts},
            )
    except JobLost:
        raise
    except BaseException:
        undo_first_fill(scan, fence)
        raise
    return counts


def _fill_chunk(
    scan: Scan,
    chunk: Any,
    risks_of: Mapping[str, list[Any]],
    written: tuple[int, int],
    fence: Callable[[], None] | None,
) -> tuple[int, int]:
    """Insert one chunk's suppliers, their risks and the risks' "found" history in one fenced
    transaction. ``written`` and the result are the highest supplier and risk ids written so far
    (ids grow within one fill, which is written in order)."""
    with transaction.atomic():
        if fence is not None:
            fence()
        return _insert_chunk(scan, chunk, risks_of, *written)


def _insert_chunk(
    scan: Scan, chunk: Any, risks_of: Mapping[str, list[Any]], last_supplier: int, last_risk: int
) -> tuple[int, int]:
    insert_rows(Supplier, ({"first_scan_id": scan.pk, **_supplier_row(scan, m.listed)} for m in chunk))
    ids = dict(
        Supplier.objects.filter(
            organisation_id=scan.organisation_id, first_scan_id=scan.pk, pk__gt=last_supplier
        ).values_list("key", "pk")
    )
    found = (finding for match in chunk for finding in risks_of.get(match.listed.key, ()))
    insert_rows(Risk, (_new_risk(scan, finding, ids[finding.supplier_key]) for finding in found))
    risk_ids = list(
        Risk.objects.filter(organisation_id=scan.organisation_id, scan_id=scan.pk, pk__gt=last_risk)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    insert_rows(
        RiskEvent,
        (
            {
                "organisation_id": scan.organisation_id,
                "risk_id": risk_id,
                "scan_id": scan.pk,
                "kind": RiskEventKind.FOUND,
                "status": RiskStatus.OPEN,
                "created_at": now,
            }
            for risk_id in risk_ids
        ),
    )
    return max(ids.values(), default=last_supplier), max(risk_ids, default=last_risk)


def undo_first_fill(scan: Scan, fence: Callable[[], None] | None = None) -> None:
    """Remove what an unfinished first fill wrote (its suppliers, risks and their history), in short
    transactions, and set the scan back to running. ``fence`` keeps a worker that lost the job from
    removing what the worker that took it over writes."""
    scoped = {"organisation_id": scan.organisation_id}
    for model, written_by in ((RiskEvent, "scan_id"), (Risk, "scan_id"), (Supplier, "first_scan_id")):
        while True:
            with transaction.atomic():
                if fence is not None:
                    fence()
                ids = list(
                    model.objects.filter(**scoped, **{written_by: scan.pk}).values_list("pk", flat=True)[
                        :FILL_CHUNK
                    ]
                )
                if not ids:
                    break
                model.objects.filter(pk__in=ids).delete()
    Scan.objects.filter(pk=scan.pk, status=ScanStatus.APPLYING).update(status=ScanStatus.RUNNING, mode="")


def _mark_applied(scan: Scan, mode: str, counts: Mapping[str, int], risks: int) -> None:
    now = timezone.now()
    Scan.objects.filter(pk=scan.pk).update(
        status=ScanStatus.DONE,
        mode=mode,
        applied=dict(counts),
        applied_at=now,
        risks_count=risks,
        finished_at=Coalesce("finished_at", Value(now)),
    )


def _supplier_row(scan: Scan, listed: Any) -> dict[str, Any]:
    from imvo.web.register.jobs import spend_amount

    return {
        "organisation_id": scan.organisation_id,
        "key": listed.key,
        "number_key": listed.number_key,
        "name_key": listed.name_key,
        "supplier_number": listed.supplier_number,
        "name": listed.name,
        "country": listed.country,
        "product": listed.product,
        "hs_code": listed.hs_code,
        "tier": listed.tier,
        "spend": spend_amount(listed.spend),
        "scan_status": listed.status,
        "input_row": listed.input_rows[0],
        "scan_id": scan.pk,
        "removed_scan_id": None,
    }


#: The supplier columns a scan writes on a supplier it lists again (all but the organisation).
_SUPPLIER_UPDATE_FIELDS = [
    "key", "number_key", "name_key", "supplier_number", "name", "country", "product", "hs_code",
    "tier", "spend", "scan_status", "input_row", "scan_id", "removed_scan_id",
]  # fmt: skip


#: What a supplier's row says about it (all but the scan that last listed it).
_SUPPLIER_COMPARED_FIELDS = [name for name in _SUPPLIER_UPDATE_FIELDS if name != "scan_id"]


def _stored_suppliers(organisation_id: int) -> dict[int, tuple[Any, ...]]:
    return {
        pk: tuple(values)
        for pk, *values in Supplier.objects.filter(organisation_id=organisation_id)
        .values_list("pk", *_SUPPLIER_COMPARED_FIELDS)
        .iterator(chunk_size=WRITE_BATCH)
    }


def _write_suppliers(scan: Scan, plan: Any) -> tuple[dict[str, int], list[int]]:
    """Upsert the listed suppliers; mark the ones a replacing list no longer names. Returns the
    supplier id of each listed supplier's key, and the ids of those listed again as they were."""
    listed_again = [m for m in plan.suppliers if m.known_ref is not None]
    stored = _stored_suppliers(scan.organisation_id) if listed_again else {}
    rows = ({"pk": m.known_ref, **_supplier_row(scan, m.listed)} for m in listed_again)
    changed, unchanged = [], []
    for row in rows:
        if stored.get(row["pk"]) == tuple(row[name] for name in _SUPPLIER_COMPARED_FIELDS):
            unchanged.append(row["pk"])
        else:
            changed.append(row)
    update_rows(Supplier, _SUPPLIER_UPDATE_FIELDS, changed)
    ids: dict[str, int] = {m.listed.key: m.known_ref for m in listed_again}
    new = (m for m in plan.suppliers if m.known_ref is None)
    if insert_rows(Supplier, ({"first_scan_id": scan.pk, **_supplier_row(scan, m.listed)} for m in new)):
        # A supplier is first listed by one scan only (applied once, under the organisation lock).
        ids.update(
            Supplier.objects.filter(organisation_id=scan.organisation_id, first_scan_id=scan.pk)
            .values_list("key", "pk")
            .iterator(chunk_size=WRITE_BATCH)
        )
    removed = list(plan.removed_suppliers)
    for start in range(0, len(removed), WRITE_BATCH):
        Supplier.objects.filter(pk__in=removed[start : start + WRITE_BATCH]).update(removed_scan_id=scan.pk)
    return ids, unchanged


#: The risk columns a scan writes on a risk it finds again.
_SCAN_UPDATE_FIELDS = [
    "severity", "salience", "likelihood", "evidence", "source_url", "dataset", "edition",
    "record_id", "input_good", "input_country", "evidence_data", "priority", "title", "last_scan_id",
]  # fmt: skip
_REOPEN_FIELDS = [*_SCAN_UPDATE_FIELDS, "status", "closed_reason", "closed_detail", "closed_at"]


def _scan_fields(scan: Scan, found: Any) -> dict[str, Any]:
    return {
        "likelihood": found.likelihood,
        "evidence": found.evidence,
        "source_url": found.source_url,
        "dataset": found.dataset,
        "edition": found.edition,
        "record_id": found.record_id,
        "input_good": found.input_good,
        "input_country": found.input_country,
        "evidence_data": found.evidence_data,
        "priority": found.priority,
        "title": risk_title(found.theme, found.good or found.product, found.country),
        "last_scan_id": scan.pk,
    }


def _new_risk(scan: Scan, found: Any, supplier_id: int) -> dict[str, Any]:
    from imvo.core.register.identity import risk_key

    return {
        "organisation_id": scan.organisation_id,
        "source": RiskSource.SCAN.value,
        "area": RiskArea.SUPPLY_CHAIN.value,
        "scan_id": scan.pk,
        "supplier_id": supplier_id,
        "key": risk_key(str(supplier_id), found.good, found.country, found.theme),
        "theme": found.theme,
        "country": found.country,
        "good": found.good,
        "severity": found.severity,
        "salience": found.salience,
        **_scan_fields(scan, found),
    }


def _found_again(scan: Scan, item: Any) -> dict[str, Any]:
    """A known risk with the new scan's data; a judged severity stays, salience follows likelihood."""
    found = item.found
    if item.known.judged:
        severity = item.known.severity
        salience = scales.salience(found.likelihood, severity)
    else:
        severity, salience = found.severity, found.salience
    return {"pk": item.known.ref, "severity": severity, "salience": salience, **_scan_fields(scan, found)}


def _write_risks(scan: Scan, plan: Any, supplier_ids: Mapping[str, int], now: dt.datetime) -> list[int]:
    """Write the plan's risks and their history; returns the ids of the risks found as they were."""
    from imvo.core.register.merge import RiskOutcome

    history: list[dict[str, Any]] = []

    def change(risk_id: int, kind: str, **fields: Any) -> None:
        history.append(
            {
                "organisation_id": scan.organisation_id,
                "risk_id": risk_id,
                "scan_id": scan.pk,
                "kind": kind,
                "created_at": now,
                **fields,
            }
        )

    changed: list[dict[str, Any]] = []
    reopened: list[dict[str, Any]] = []
    for item in plan.risks:
        if item.known is None or item.outcome == RiskOutcome.UNCHANGED:
            continue
        risk = _found_again(scan, item)
        if item.outcome == RiskOutcome.REOPENED:
            risk.update(status=RiskStatus.OPEN.value, closed_reason="", closed_detail="", closed_at=None)
            change(
                item.known.ref,
                RiskEventKind.REOPENED,
                changes=_history_changes(item.changes),
                status=RiskStatus.OPEN,
            )
            reopened.append(risk)
            continue
        if item.outcome == RiskOutcome.CHANGED:
            change(item.known.ref, RiskEventKind.CHANGED, changes=_history_changes(item.changes))
        changed.append(risk)  # changed, or kept closed by a person with the scan's data refreshed

    new = (
        _new_risk(scan, item.found, supplier_ids[item.found.supplier_key])
        for item in plan.risks
        if item.known is None
    )
    if insert_rows(Risk, new):
        for risk_id in (
            Risk.objects.filter(organisation_id=scan.organisation_id, scan_id=scan.pk)
            .values_list("pk", flat=True)
            .iterator(chunk_size=WRITE_BATCH)
        ):
            change(risk_id, RiskEventKind.FOUND, status=RiskStatus.OPEN)
    update_rows(Risk, _SCAN_UPDATE_FIELDS, changed)
    update_rows(Risk, _REOPEN_FIELDS, reopened)
    _close_gone_risks(scan, plan, now, change)
    insert_rows(RiskEvent, history)
    return [item.known.ref for item in plan.risks if item.outcome == RiskOutcome.UNCHANGED]


def _close_gone_risks(scan: Scan, plan: Any, now: dt.datetime, change: Any) -> None:
    by_reason: dict[tuple[str, str], list[int]] = {}
    for closure in plan.closures:
        by_reason.setdefault((closure.reason.value, closure.edition), []).append(closure.known.ref)
        change(
            closure.known.ref,
            RiskEventKind.CLOSED,
            reason=closure.reason.value,
            detail=closure.edition,
            status=RiskStatus.CLOSED,
        )
    for (reason, detail), refs in by_reason.items():
        for start in range(0, len(refs), WRITE_BATCH):
            Risk.objects.filter(pk__in=refs[start : start + WRITE_BATCH]).update(
                status=RiskStatus.CLOSED, closed_reason=reason, closed_detail=detail, closed_at=now
            )


def _history_changes(changes: Mapping[str, tuple[Any, Any]]) -> dict[str, list[Any]]:
    return {name: [old, new] for name, (old, new) in changes.items()}


def renew_preview(scan: Scan, preview: dict[str, Any]) -> None:
    """The register changed between preview and confirmation: back to review, with the new preview."""
    Scan.objects.filter(pk=scan.pk, status=ScanStatus.APPLYING).update(
        status=ScanStatus.READY, preview={**preview, "renewed": True}, mode=""
    )
    record_audit_event(None, scan.organisation, AuditAction.PREVIEW_SCAN, scan, {"renewed": True})


def return_to_review(scan: Scan, error: str) -> None:
    """Merging failed (and was rolled back): the list waits for review again, with the error shown."""
    Scan.objects.filter(pk=scan.pk, status=ScanStatus.APPLYING).update(
        status=ScanStatus.READY, mode="", error=error[:4000]
    )
    record_audit_event(None, scan.organisation, AuditAction.FAIL_SCAN, scan, {"error": error[:500]})
