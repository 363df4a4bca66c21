"""Issue 17, finding 2 (fair claiming): one organisation's backlog must not starve another's job.

Workers claim the oldest job of the organisation whose work started least recently, and an
organisation that already has a job running waits while another organisation's job is queued.
"""

from __future__ import annotations

from typing import Any

import pytest

from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import Worker, enqueue, job_handler, run_pending_jobs_now
from imvo.web.organisations.models import Organisation


@job_handler("abuse_fair_noop")
def noop(job: Any, progress: Any) -> dict[str, Any]:
    return {}


@pytest.fixture
def bravo(db: None) -> Any:
    return Organisation.objects.create(name="Bravo B.V.", slug="bravo", kind="company")


@pytest.mark.django_db
def test_a_job_queued_behind_another_organisations_backlog_runs_second_not_sixth(
    acme: Any, bravo: Any
) -> None:
    backlog = [enqueue("abuse_fair_noop", acme) for _ in range(5)]
    late = enqueue("abuse_fair_noop", bravo)
    order = [job.pk for job in run_pending_jobs_now()]
    assert order == [backlog[0].pk, late.pk, *[job.pk for job in backlog[1:]]]


@pytest.mark.django_db
def test_two_organisations_take_turns(acme: Any, bravo: Any) -> None:
    a = [enqueue("abuse_fair_noop", acme) for _ in range(3)]
    b = [enqueue("abuse_fair_noop", bravo) for _ in range(3)]
    order = [job.organisation.slug for job in run_pending_jobs_now()]
    assert order == ["acme", "bravo", "acme", "bravo", "acme", "bravo"]
    assert {job.pk for job in a + b} == set(Job.objects.filter(status="done").values_list("pk", flat=True))


@pytest.mark.django_db
def test_an_organisation_with_a_running_job_waits_while_another_organisation_has_one_queued(
    acme: Any, bravo: Any
) -> None:
    running = enqueue("abuse_fair_noop", acme)
    older = enqueue("abuse_fair_noop", acme)
    newer = enqueue("abuse_fair_noop", bravo)
    assert Worker("busy").try_claim(running.pk)  # e.g. a long hostile job on another worker
    # Bravo has never had work, but even the tie-break by age would pick Acme's older job.
    Job.objects.filter(pk=newer.pk).update(created_at=older.created_at)
    claimed = Worker("free").claim_next()
    assert claimed is not None
    assert claimed.pk == newer.pk
    # With nobody else waiting, Acme's second job may run beside its first.
    claimed = Worker("free").claim_next()
    assert claimed is not None
    assert claimed.pk == older.pk


@pytest.mark.django_db
def test_claiming_stays_a_handful_of_queries_with_many_organisations(
    acme: Any, django_assert_max_num_queries: Any
) -> None:
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Org {number}", slug=f"org-{number}", kind="company") for number in range(50)]
    )
    Job.objects.bulk_create(
        [Job(organisation=org, kind="abuse_fair_noop") for org in organisations for _ in range(3)]
    )
    # Independent of the number of organisations and jobs (savepoints of the test transaction included).
    with django_assert_max_num_queries(10):
        assert Worker("w").claim_next() is not None
