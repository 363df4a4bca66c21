"""How supplier-scan jobs read on the jobs page (see :mod:`imvo.web.jobs.presentation`).

A scan job is shown as its scan, "Scan #12: leveranciers.csv", linking to the scan's page: the scan's
number is the one people see everywhere else, and the file is named as it was uploaded, never by the
random name it is stored under.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from imvo.core.tabular.messages import problem_text
from imvo.web.jobs.models import Job, JobStatus
from imvo.web.jobs.presentation import JobDisplay, failure_reason, input_rejected_message, job_presenter
from imvo.web.register import actions
from imvo.web.register.models import Scan, ScanStatus

#: The jobs page lists this many problems; the scan's page lists all of them.
PROBLEMS_SHOWN = 10


def scan_problem_text(problem: Mapping[str, Any]) -> tuple[str, str]:
    """``(message, accepted)`` of a stored scan problem in the active language: the register's own
    refusals here, the readers' problems as :func:`imvo.core.tabular.messages.problem_text` words them."""
    from imvo.web.register.jobs import SQLITE_MERGE_TOO_LARGE
    from imvo.web.register.overview import number

    params = problem.get("params")
    if problem.get("code") == SQLITE_MERGE_TOO_LARGE and isinstance(params, Mapping):
        try:
            values = {name: number(int(params[name])) for name in ("rows", "suppliers", "limit")}
        except (KeyError, TypeError, ValueError):
            return str(problem.get("message") or ""), str(problem.get("accepted") or "")
        return (
            _(
                "The list is too large for the SQLite database of this installation: it has %(rows)s rows "
                "and the register %(suppliers)s suppliers; a reviewed merge on SQLite takes at most "
                "%(limit)s of either. PostgreSQL handles larger lists; the site's administrator can "
                "change the limit with the setting IMVO_SQLITE_MAX_MERGE_ROWS."
            )
            % values,
            _("at most %(limit)s rows in the list and suppliers in the register") % values,
        )
    return problem_text(problem, (get_language() or "en")[:2])


def problem_line(problem: dict[str, Any]) -> str:
    """One input problem without the file (the stored name means nothing to anyone)."""
    where = []
    if problem.get("line") is not None:
        where.append(_("line %(line)s") % {"line": problem["line"]})
    if problem.get("column"):
        where.append(_("column '%(column)s'") % {"column": problem["column"]})
    text, accepted = scan_problem_text(problem)
    if where:
        text = f"{', '.join(where)}: {text}"
    if accepted:
        text += " (" + _("accepted: %(accepted)s") % {"accepted": accepted} + ")"
    return text


def _without_stored_name(text: str, scan: Scan) -> str:
    stored = scan.upload.file.name or ""
    if not stored:
        return text
    candidates = [stored, os.path.basename(stored)]
    with contextlib.suppress(NotImplementedError, ValueError):  # storages without local paths
        candidates.insert(0, scan.upload.file.path)
    for name in candidates:
        text = text.replace(name, scan.upload.original_name)
    return text


def present_scan_jobs(jobs: list[Job]) -> dict[int, JobDisplay]:
    """Jobs working on a scan (reading it, applying it) are shown as the scan."""
    scan_ids = {job.payload.get("scan_id") for job in jobs if isinstance(job.payload, dict)}
    scans = {
        scan.pk: scan
        for scan in Scan.objects.filter(pk__in=[pk for pk in scan_ids if isinstance(pk, int)]).select_related(
            "upload", "organisation"
        )
    }
    displays = {}
    for job in jobs:
        scan_id = job.payload.get("scan_id") if isinstance(job.payload, dict) else None
        scan = scans.get(scan_id) if isinstance(scan_id, int) else None
        if scan is None or scan.organisation_id != job.organisation_id:
            continue
        org = scan.organisation.slug
        names = {"number": scan.pk, "name": scan.upload.original_name}
        if job.kind == actions.APPLY_JOB_KIND:
            title = _("Applying scan #%(number)s: %(name)s") % names
        else:
            title = _("Scan #%(number)s: %(name)s") % names
        url = reverse("register:scan_detail", kwargs={"org": org, "scan_id": scan.pk})
        new_upload_url = reverse("register:scans", kwargs={"org": org})
        failed = job.status == JobStatus.FAILED
        flagged = bool(isinstance(job.result, dict) and job.result.get("input_rejected"))
        if failed and (flagged or (scan.status == ScanStatus.FAILED and scan.problems)):
            # The file's content was rejected: the same file fails the same way.
            errors = [problem for problem in scan.problems if problem.get("severity", "error") == "error"]
            shown = errors or list(scan.problems)
            displays[job.pk] = JobDisplay(
                title=title,
                url=url,
                error=input_rejected_message(len(shown))
                if shown
                else _without_stored_name(failure_reason(job), scan),
                input_problems=tuple(problem_line(problem) for problem in shown[:PROBLEMS_SHOWN]),
                more_problems=max(0, len(shown) - PROBLEMS_SHOWN),
                input_rejected=True,
                retryable=False,
                new_upload_url=new_upload_url,
            )
            continue
        # Once the scan has recorded its own outcome, running its job again changes nothing (the
        # handlers leave a finished or failed scan alone); a new upload starts a new scan. A job that
        # failed while its scan was still under way (a worker that kept stopping) can run again.
        settled = scan.status in (ScanStatus.FAILED, ScanStatus.DONE)
        displays[job.pk] = JobDisplay(
            title=title,
            url=url,
            error=_without_stored_name(failure_reason(job), scan),
            retryable=not settled,
            new_upload_url=new_upload_url if failed and settled else "",
            note=_("The changes wait for your review: open the scan to merge or discard the list.")
            if scan.status == ScanStatus.READY and job.kind == actions.SCAN_JOB_KIND
            else "",
        )
    return displays


job_presenter(actions.SCAN_JOB_KIND)(present_scan_jobs)
job_presenter(actions.APPLY_JOB_KIND)(present_scan_jobs)
