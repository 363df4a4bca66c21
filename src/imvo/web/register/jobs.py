"""The scan jobs: ``scan_suppliers`` reads an uploaded list with the core and previews its merge into
the register; ``apply_scan`` merges it once a person has confirmed (see ``docs/register.md``).

The first list of an organisation has nothing to merge with and is applied at once. Both jobs run
the core scan on the stored file (it is deterministic for one reference-data edition), so no staged
copy of a large list is kept between the preview and the merge; applying checks that the plan is
still the one previewed (:class:`imvo.web.register.actions.PreviewOutdated`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import JobProgress, fence, job_handler
from imvo.web.register import actions, rescan
from imvo.web.register.models import Scan, ScanStatus, Supplier

MAX_SPEND = Decimal("99999999999999")  # fits DecimalField(max_digits=16, decimal_places=2)

#: The problem code of a list refused because a reviewed merge of it would hold SQLite's write lock
#: too long (issue 17, finding 7); :func:`imvo.web.register.job_display.scan_problem_text` words it.
SQLITE_MERGE_TOO_LARGE = "sqlite_merge_too_large"


def sqlite_merge_limit() -> int | None:
    """Rows of a list (and suppliers of the register) a reviewed merge may have on SQLite, where it
    holds the database's only write lock for its one transaction; None on other databases."""
    if connection.vendor != "sqlite":
        return None
    return int(getattr(settings, "IMVO_SQLITE_MAX_MERGE_ROWS", 10_000))


def spend_amount(value: float | None) -> Decimal | None:
    """The amount as the register stores it; None when there is none or it does not fit (a scan
    refuses such a list before anything is written, see ``_stage``)."""
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
        "code": getattr(problem, "code", ""),
        "params": dict(getattr(problem, "params", None) or {}),
    }


def _scan(job: Job, progress: JobProgress | None) -> Any:
    """The core scan of the scan's stored file; a file with problems fails the scan (nothing is
    written) with every problem listed."""
    from imvo.core.scan import scan_file
    from imvo.core.suppliers import InputError
    from imvo.web.upload_limits import file_limits

    scan = Scan.objects.select_related("upload", "organisation").get(
        pk=job.payload["scan_id"], organisation=job.organisation
    )

    def report_progress(done: int, total: int | None) -> None:
        if progress is not None:
            progress(done, max(total or 0, done))

    try:
        # The install's limits: size, unpacked size and rows (IMVO_MAX_UPLOAD_ROWS), checked while
        # reading, before anything is staged for the register (issue 17, finding 1).
        return scan, scan_file(scan.upload.file.path, progress=report_progress, limits=file_limits())
    except InputError as error:
        problems = [_problem_dict(problem) for problem in error.problems]
        actions.fail_scan(scan, str(error), problems)
        first = actions.shown_to_user(scan, str(error.problems[0] if error.problems else error))
        raise RuntimeError(
            f"The supplier list has {len(problems)} problem(s); nothing was added to the register. "
            f"First: {first}"
        ) from None
    except Exception as error:
        actions.fail_scan(scan, str(error) or error.__class__.__name__, [])
        raise


def _refuse(scan: Scan, message: str, problems: list[dict[str, Any]]) -> None:
    actions.fail_scan(scan, message, problems)
    raise RuntimeError(f"{message} Nothing was added to the register.")


def _refuse_merge_too_large_for_sqlite(scan: Scan, rows: int) -> None:
    """Fail the scan when merging it on SQLite would block the site for too long (nothing written)."""
    limit = sqlite_merge_limit()
    if limit is None:
        return
    suppliers = Supplier.objects.filter(
        organisation_id=scan.organisation_id, removed_scan_id__isnull=True
    ).count()
    if max(rows, suppliers) <= limit:
        return
    message = (
        f"The list is too large for the SQLite database of this installation: it has {rows} rows and "
        f"the register {suppliers} suppliers; a reviewed merge on SQLite takes at most {limit} of "
        "either. PostgreSQL handles larger lists; the site's administrator can change the limit with "
        "the setting IMVO_SQLITE_MAX_MERGE_ROWS."
    )
    problem = {
        "file": scan.upload.original_name,
        "line": None,
        "column": None,
        "message": message,
        "accepted": f"at most {limit} rows in the list and suppliers in the register",
        "severity": "error",
        "code": SQLITE_MERGE_TOO_LARGE,
        "params": {"rows": rows, "suppliers": suppliers, "limit": limit},
    }
    _refuse(scan, message, [problem])


def _stage(scan: Scan, result: Any) -> rescan.StagedList:
    staged = rescan.stage(result)
    if not staged.suppliers:
        _refuse(scan, "The file has no supplier rows.", [])
    if staged.too_long:
        problems = [
            {
                "file": scan.upload.original_name,
                "line": None,
                "column": item["column"],
                "message": f"row {item['input_row']}: longer than {item['limit']} characters",
                "accepted": f"at most {item['limit']} characters",
                "severity": "error",
            }
            for item in staged.too_long
        ]
        _refuse(scan, f"{len(problems)} cell(s) are too long for the register.", problems)
    if too_large := [s for s in staged.suppliers if s.spend is not None and spend_amount(s.spend) is None]:
        # Never stored as "no spend": a total the register cannot hold is refused with its rows.
        problems = [
            {
                "file": scan.upload.original_name,
                "line": None,
                "column": "spend",
                "message": f"rows {', '.join(map(str, supplier.input_rows[:20]))}: {supplier.name} spends "
                f"{supplier.spend:,.2f} in total, more than the register can hold",
                "accepted": f"a total of at most {MAX_SPEND:,} per supplier",
                "severity": "error",
            }
            for supplier in too_large
        ]
        _refuse(scan, f"{len(problems)} supplier(s) have a spend the register cannot hold.", problems)
    return staged


def _summary(result: Any) -> dict[str, Any]:
    summary = result.summary
    return {
        "input_rows": summary.input_rows,
        "rows_by_status": summary.rows_by_status,
        "findings_by_theme": summary.findings_by_theme,
        "rows_with_findings": summary.rows_with_findings,
        "columns": dict(result.source.columns),
        # What the scan looked at, and its findings per country and theme (issue 12): the scan page
        # and the report say which themes and datasets were covered.
        "coverage": result.coverage.as_dict(),
        "heat_map": result.heat_map().as_dict(),
    }


def _scan_stopped(job: Job, message: str) -> None:
    """The worker stopped a scan job from outside (its budget, a crash, too many attempts): what a
    first fill had written is removed, and the scan says why. The job is failed by now, so no other
    worker writes for it."""
    scan = Scan.objects.filter(pk=job.payload.get("scan_id"), organisation=job.organisation).first()
    if scan is not None and scan.status == ScanStatus.APPLYING:
        actions.undo_first_fill(scan)
        scan.status = ScanStatus.RUNNING
    if scan is not None and scan.status in (ScanStatus.QUEUED, ScanStatus.RUNNING):
        actions.fail_scan(scan, message, [])


def _apply_stopped(job: Job, message: str) -> None:
    """The merge ran in one transaction, so a stopped merge wrote nothing: back to review."""
    scan = Scan.objects.filter(pk=job.payload.get("scan_id"), organisation=job.organisation).first()
    if scan is not None and scan.status == ScanStatus.APPLYING:
        actions.return_to_review(scan, message)


@job_handler(actions.SCAN_JOB_KIND, on_stopped=_scan_stopped, label=_("Scanning a supplier list"))
def scan_suppliers(job: Job, progress: JobProgress) -> dict[str, Any]:
    scan = Scan.objects.get(pk=job.payload["scan_id"], organisation=job.organisation)
    if scan.status == ScanStatus.APPLYING:  # a first fill whose worker stopped: start it again, clean
        actions.undo_first_fill(scan, partial(fence, job))
        scan.status = ScanStatus.RUNNING
    if scan.status not in (ScanStatus.QUEUED, ScanStatus.RUNNING):  # a reclaimed job that had finished
        return {"scan_id": scan.pk, "already_done": True}
    actions.mark_scan_running(scan)
    scan, result = _scan(job, progress)
    with result:
        try:
            return _preview_or_apply_first(job, scan, result)
        except Exception as error:
            # Whatever failed, the register is untouched (one transaction, or a first fill that
            # removed what it wrote) and the scan says why.
            if Scan.objects.filter(pk=scan.pk, status=ScanStatus.RUNNING).exists():
                actions.fail_scan(scan, str(error) or error.__class__.__name__, [])
            raise


def _preview_or_apply_first(job: Job, scan: Scan, result: Any) -> dict[str, Any]:
    staged = _stage(scan, result)
    warnings = [_problem_dict(warning) for warning in result.warnings[:200]]
    if rescan.register_is_empty(scan.organisation_id):
        Scan.objects.filter(pk=scan.pk).update(
            rows=result.source.rows,
            suppliers_count=len(staged.suppliers),
            summary=_summary(result),
            problems=actions.shown_problems(scan, warnings),
            preview=rescan.full_preview(staged, scan.organisation_id),
        )
        if actions.claim_first_fill(scan, partial(fence, job)):
            counts = actions.fill_empty_register(
                scan, staged, actor=scan.started_by, fence=partial(fence, job)
            )
            return {"scan_id": scan.pk, "applied": counts}
        # Another list filled the register meanwhile: this one is previewed against it.
    _refuse_merge_too_large_for_sqlite(scan, result.source.rows)
    preview = rescan.full_preview(staged, scan.organisation_id)
    with transaction.atomic():  # short: the preview is computed; one preview, by the job's owner
        fence(job)
        actions.ready_scan(
            scan, rows=result.source.rows, summary=_summary(result), warnings=warnings, preview=preview
        )
    return {"scan_id": scan.pk, "preview": True}


@job_handler(actions.APPLY_JOB_KIND, on_stopped=_apply_stopped, label=_("Merging a scan into the register"))
def apply_scan(job: Job, progress: JobProgress) -> dict[str, Any]:
    scan = Scan.objects.get(pk=job.payload["scan_id"], organisation=job.organisation)
    if scan.status != ScanStatus.APPLYING:  # applied already, or sent back to review
        return {"scan_id": scan.pk, "already_done": scan.status == ScanStatus.DONE}
    mode = job.payload["mode"]
    scan, result = _scan(job, progress)
    with result:
        # Previewed under a higher limit, or the register grew meanwhile: refused before any write.
        _refuse_merge_too_large_for_sqlite(scan, result.source.rows)
        staged = rescan.stage(result)
        try:
            counts = actions.apply_scan_plan(
                scan,
                mode,
                staged,
                actor=scan.applied_by,
                expected={**scan.preview, "counts": scan.preview["modes"][mode]["counts"]},
                fence=partial(fence, job),
            )
        except actions.PreviewOutdated:
            preview = rescan.full_preview(staged, scan.organisation_id)
            with transaction.atomic():
                fence(job)
                actions.renew_preview(scan, preview)
            return {"scan_id": scan.pk, "preview_renewed": True}
        except Exception as error:
            # The merge ran in one transaction, so nothing of it was written: back to review.
            actions.return_to_review(scan, str(error) or error.__class__.__name__)
            raise
    return {"scan_id": scan.pk, "applied": counts}
