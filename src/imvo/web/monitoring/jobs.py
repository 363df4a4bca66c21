"""The ``assess_disclosures`` job: the text engine over a round's uploaded disclosures.

Resumable: each disclosure records ``assessed_at`` as soon as it is done, so a job restarted after a
crash (the worker reclaims stale jobs) continues with the disclosures not yet assessed.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from imvo.core.assessment import DisclosureError, assess_file
from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import JobProgress, job_handler
from imvo.web.monitoring import actions
from imvo.web.monitoring.models import Disclosure, MonitoredCompany, MonitoringRound


@job_handler(actions.ASSESS_JOB)
def assess_disclosures(job: Job, progress: JobProgress) -> dict[str, Any]:
    monitoring_round = MonitoringRound.objects.get(pk=job.payload["round_id"], organisation=job.organisation)
    disclosures = Disclosure.objects.filter(monitoring_round=monitoring_round)
    total = disclosures.count()
    done = disclosures.filter(assessed_at__isnull=False).count()
    progress(done, total)
    failed: list[str] = []
    touched: set[int] = set()
    for disclosure in disclosures.filter(assessed_at__isnull=True).order_by("pk"):
        try:
            result = assess_file(disclosure.file.path)
        except DisclosureError as error:
            disclosure.error = str(error)[:2000]
            failed.append(disclosure.original_name)
        else:
            payload = result.to_dict()
            payload["source"] = disclosure.original_name
            disclosure.result = payload
            disclosure.error = ""
        disclosure.assessed_at = timezone.now()
        disclosure.save(update_fields=["result", "error", "assessed_at"])
        if disclosure.company_id is not None:
            touched.add(disclosure.company_id)
        done += 1
        progress(done, total)
    # Every company with a disclosure in the round, not only those of this run: a job resumed after a
    # crash must also merge what the crashed run assessed.
    touched |= set(disclosures.filter(company__isnull=False).values_list("company_id", flat=True))
    for company in MonitoredCompany.objects.filter(pk__in=touched):
        actions.reassess_company_from_disclosures(monitoring_round, company)
    unmatched = disclosures.filter(company__isnull=True).count()
    return {"assessed": total, "companies": len(touched), "unreadable": failed, "unmatched": unmatched}
