"""The ``scan_suppliers`` job: runs the core scan on an uploaded list and fills the register in bulk.

The core (:func:`imvo.core.scan.scan_file`) does the reading, matching and scoring; this handler only
turns its findings into ``Supplier`` and ``Risk`` rows with ``bulk_create`` in batches, so a
100 k-row list costs a few hundred INSERTs rather than 100 k. A new scan supersedes the findings of
earlier scans that nobody has worked on yet (no judgement, measure or remediation attached); risks
with recorded work stay in the register.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef

from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import JobProgress, job_handler
from imvo.web.register import actions
from imvo.web.register.models import (
    Measure,
    RemediationRecord,
    Risk,
    RiskArea,
    RiskSource,
    Scan,
    ScanStatus,
    SeverityJudgement,
    Supplier,
)

BATCH_SIZE = 2000
MAX_SPEND = Decimal("99999999999999")  # fits DecimalField(max_digits=16, decimal_places=2)


def theme_label(theme_id: str, language: str = "en") -> str:
    from imvo.core.risk.themes import THEMES

    for theme in THEMES:
        if theme.id == theme_id:
            return theme.label_nl if language == "nl" else theme.label_en
    return theme_id.replace("_", " ").capitalize()


def _spend(value: float | None) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    return amount if abs(amount) <= MAX_SPEND else None


def _problem_dict(problem: Any) -> dict[str, Any]:
    return {
        "file": getattr(problem, "file", ""),
        "line": getattr(problem, "line", None),
        "column": getattr(problem, "column", None),
        "message": getattr(problem, "message", str(problem)),
        "accepted": getattr(problem, "accepted", None),
        "severity": getattr(problem, "severity", "error"),
    }


def supersede_unworked_scan_risks(scan: Scan) -> int:
    """Delete earlier scans' risks that carry no recorded work; returns how many went."""
    worked = (
        Exists(SeverityJudgement.objects.filter(risk=OuterRef("pk")))
        | Exists(Measure.objects.filter(risk=OuterRef("pk")))
        | Exists(RemediationRecord.objects.filter(risk=OuterRef("pk")))
    )
    stale = (
        Risk.objects.filter(organisation_id=scan.organisation_id, source=RiskSource.SCAN)
        .exclude(scan=scan)
        .exclude(worked)
    )
    deleted, _ = Risk.objects.filter(pk__in=list(stale.values_list("pk", flat=True))).delete()
    return deleted


@job_handler(actions.SCAN_JOB_KIND)
def scan_suppliers(job: Job, progress: JobProgress) -> dict[str, Any]:
    from imvo.core.scan import scan_file
    from imvo.core.suppliers import InputError

    scan = Scan.objects.select_related("upload", "organisation").get(
        pk=job.payload["scan_id"], organisation=job.organisation
    )
    if scan.status == ScanStatus.DONE:  # a reclaimed job whose first run finished: nothing to redo
        return {"scan_id": scan.pk, "already_done": True}
    actions.mark_scan_running(scan)

    def report_progress(done: int, total: int | None) -> None:
        # The core reports rows read; the register writing below is the last part of the bar.
        progress(done, max(total or 0, done))

    try:
        result = scan_file(scan.upload.file.path, progress=report_progress)
    except InputError as error:
        problems = [_problem_dict(problem) for problem in error.problems]
        actions.fail_scan(scan, str(error), problems)
        raise RuntimeError(
            f"The supplier list has {len(problems)} problem(s); nothing was added to the register. "
            f"First: {error.problems[0] if error.problems else error}"
        ) from None
    except Exception as error:
        actions.fail_scan(scan, str(error) or error.__class__.__name__, [])
        raise
    with result, transaction.atomic():
        Supplier.objects.filter(scan=scan).delete()  # a retried job starts clean
        Risk.objects.filter(scan=scan).delete()
        suppliers_by_row: dict[int, Supplier] = {}
        pending: list[Risk] = []
        risks = 0
        for finding in result.iter_findings():
            supplier = suppliers_by_row.get(finding.input_row)
            if supplier is None:
                supplier = Supplier(
                    organisation_id=scan.organisation_id,
                    scan=scan,
                    input_row=finding.input_row,
                    name=(finding.supplier or "?")[:300],
                    country=finding.country[:2],
                    product=finding.product[:300],
                    hs_code=finding.hs_code[:12],
                    tier=finding.tier[:40],
                    spend=_spend(finding.spend),
                    scan_status=finding.status[:32],
                )
                suppliers_by_row[finding.input_row] = supplier
            if finding.theme == "none":
                continue
            pending.append(
                Risk(
                    organisation_id=scan.organisation_id,
                    source=RiskSource.SCAN,
                    area=RiskArea.SUPPLY_CHAIN,
                    scan=scan,
                    supplier=supplier,
                    title=f"{theme_label(finding.theme)}: {finding.good or finding.product} "
                    f"({finding.country or '?'})"[:300],
                    theme=finding.theme[:64],
                    country=finding.country[:2],
                    good=finding.good[:200],
                    likelihood=finding.likelihood,
                    severity=finding.severity,
                    salience=finding.salience,
                    priority=finding.priority,
                    evidence=finding.evidence,
                    source_url=finding.source_url[:500],
                    dataset=finding.dataset[:100],
                    edition=finding.edition[:40],
                    record_id=finding.record_id[:100],
                )
            )
        # Suppliers first (the risks point at them); bulk_create sets primary keys on both backends.
        supplier_rows = list(suppliers_by_row.values())
        Supplier.objects.bulk_create(supplier_rows, batch_size=BATCH_SIZE)
        for start in range(0, len(pending), BATCH_SIZE):
            batch = pending[start : start + BATCH_SIZE]
            for risk in batch:
                risk.supplier_id = risk.supplier.pk if risk.supplier is not None else None
            Risk.objects.bulk_create(batch, batch_size=BATCH_SIZE)
            risks += len(batch)
        superseded = supersede_unworked_scan_risks(scan)
        summary = result.summary
        actions.complete_scan(
            scan,
            rows=result.source.rows,
            suppliers=len(supplier_rows),
            risks=risks,
            summary={
                "input_rows": summary.input_rows,
                "rows_by_status": summary.rows_by_status,
                "findings_by_theme": summary.findings_by_theme,
                "rows_with_findings": summary.rows_with_findings,
                "columns": dict(result.source.columns),
            },
            warnings=[_problem_dict(warning) for warning in result.warnings[:200]],
            superseded_risks=superseded,
        )
    return {"scan_id": scan.pk, "suppliers": len(supplier_rows), "risks": risks}
