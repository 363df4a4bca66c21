"""The ``assess_disclosures`` job: the text engine over a round's uploaded disclosures.

Resumable: each disclosure records ``assessed_at`` as soon as it is done, so a job restarted after a
crash (the worker reclaims stale jobs) continues with the disclosures not yet assessed. Every write
is fenced (:func:`imvo.web.jobs.queue.fence`): a worker whose job was taken over writes nothing more,
so no disclosure is assessed twice at once and no company's assessment is stored by two workers.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import JobProgress, fence, job_handler
from imvo.web.monitoring import actions
from imvo.web.monitoring.models import Disclosure, MonitoredCompany, MonitoringRound

#: Companies whose assessments are stored per transaction: short transactions keep SQLite usable.
MERGE_BATCH = 200


@job_handler(actions.ASSESS_JOB, label=_("Assessing disclosures"))
def assess_disclosures(job: Job, progress: JobProgress) -> dict[str, Any]:
    monitoring_round = MonitoringRound.objects.get(pk=job.payload["round_id"], organisation=job.organisation)
    disclosures = Disclosure.objects.filter(monitoring_round=monitoring_round)
    total = disclosures.count()
    done = disclosures.filter(assessed_at__isnull=False).count()
    progress(done, total)
    failed: list[str] = []
    touched: set[int] = set()
    for disclosure in disclosures.filter(assessed_at__isnull=True).order_by("pk"):
        # Per file: a file over its time or memory budget, or one that breaks the reader, is recorded
        # as unreadable with the reason and the round goes on (issue 17, findings 2 and 4).
        disclosure.result, disclosure.error = actions.read_disclosure(disclosure)
        if disclosure.error:
            failed.append(disclosure.original_name)
        disclosure.assessed_at = timezone.now()
        with transaction.atomic():  # one short transaction per disclosure
            fence(job)
            # Only while the file is the one read: it may have been removed or replaced meanwhile.
            Disclosure.objects.filter(pk=disclosure.pk, file=disclosure.file.name).update(
                result=disclosure.result, error=disclosure.error, assessed_at=disclosure.assessed_at
            )
        if disclosure.company_id is not None:
            touched.add(disclosure.company_id)
        done += 1
        progress(done, total)
    # Every company with a disclosure in the round, not only those of this run: a job resumed after a
    # crash must also merge what the crashed run assessed.
    touched |= set(disclosures.filter(company__isnull=False).values_list("company_id", flat=True))
    companies = list(MonitoredCompany.objects.filter(pk__in=touched).order_by("pk"))
    for start in range(0, len(companies), MERGE_BATCH):
        with transaction.atomic():
            fence(job)
            for company in companies[start : start + MERGE_BATCH]:
                actions.reassess_company_from_disclosures(monitoring_round, company)
        progress(done, total)  # the time budget covers the merge too
    unmatched = disclosures.filter(company__isnull=True).count()
    return {"assessed": total, "companies": len(touched), "unreadable": failed, "unmatched": unmatched}
