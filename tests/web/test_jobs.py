"""The database job queue: enqueue, claim, run, fail, reclaim after a crash, and concurrency."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse
from django.utils import timezone

from imvo.web.jobs import enqueue, job_handler, run_pending_jobs_now
from imvo.web.jobs.models import Job
from imvo.web.jobs.queue import Worker


@job_handler("test_count_to")
def count_to(job, progress):
    total = int(job.payload["n"])
    for done in range(1, total + 1):
        progress(done, total)
    return {"counted": total}


@job_handler("test_explode")
def explode(job, progress):
    raise ValueError("The supplier file has no country column.")


@pytest.mark.django_db
def test_enqueue_then_run_stores_the_result_and_progress(acme):
    job = enqueue("test_count_to", acme, {"n": 7})
    assert job.status == "queued"
    [finished] = run_pending_jobs_now()
    assert finished.pk == job.pk
    job.refresh_from_db()
    assert job.status == "done"
    assert job.result == {"counted": 7}
    assert (job.progress_done, job.progress_total) == (7, 7)
    assert job.attempts == 1
    assert job.locked_by == ""
    assert job.finished_at is not None


@pytest.mark.django_db
def test_unknown_kind_is_refused_at_enqueue_time(acme):
    with pytest.raises(LookupError):
        enqueue("no_such_kind", acme, {})


@pytest.mark.django_db
def test_a_failing_handler_marks_the_job_failed_with_a_readable_error(acme):
    job = enqueue("test_explode", acme, {})
    run_pending_jobs_now()
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error == "The supplier file has no country column."
    assert "ValueError" in job.result["traceback"]


@pytest.mark.django_db
def test_jobs_run_oldest_first(acme):
    first = enqueue("test_count_to", acme, {"n": 1})
    second = enqueue("test_count_to", acme, {"n": 1})
    finished = run_pending_jobs_now()
    assert [job.pk for job in finished] == [first.pk, second.pk]


@pytest.mark.django_db
def test_a_claimed_job_cannot_be_claimed_by_a_second_worker(acme):
    job = enqueue("test_count_to", acme, {"n": 1})
    first, second = Worker("worker-a"), Worker("worker-b")
    # Both saw the job as a candidate; only one conditional update wins.
    assert first.try_claim(job.pk) is True
    assert second.try_claim(job.pk) is False
    job.refresh_from_db()
    assert job.locked_by == "worker-a"
    assert second.claim_next() is None


@pytest.mark.django_db
def test_a_stale_job_of_a_dead_worker_is_reclaimed_and_finished(acme, settings):
    job = enqueue("test_count_to", acme, {"n": 3})
    assert Worker("dead-worker").try_claim(job.pk)
    # The dead worker's claim ages past the limit.
    Job.objects.filter(pk=job.pk).update(
        locked_at=timezone.now() - timedelta(seconds=settings.IMVO_JOB_STALE_AFTER_SECONDS + 5)
    )
    finished = Worker("rescuer").run_once()
    assert finished is not None
    assert finished.pk == job.pk
    assert finished.status == "done"
    assert finished.attempts == 2


@pytest.mark.django_db
def test_a_fresh_claim_is_not_stolen(acme):
    job = enqueue("test_count_to", acme, {"n": 3})
    assert Worker("busy-worker").try_claim(job.pk)
    assert Worker("other").run_once() is None


@pytest.mark.django_db
def test_a_job_that_keeps_killing_workers_is_given_up(acme, settings):
    job = enqueue("test_count_to", acme, {"n": 1})
    Job.objects.filter(pk=job.pk).update(
        status="running",
        attempts=settings.IMVO_JOB_MAX_ATTEMPTS,
        locked_by="dead",
        locked_at=timezone.now() - timedelta(seconds=settings.IMVO_JOB_STALE_AFTER_SECONDS + 5),
    )
    assert Worker("rescuer").run_once() is None
    job.refresh_from_db()
    assert job.status == "failed"
    assert "interrupted" in job.error


@pytest.mark.django_db
def test_a_worker_whose_job_was_reclaimed_stops_writing_to_it(acme):
    job = enqueue("test_count_to", acme, {"n": 2})
    slow = Worker("slow")
    assert slow.try_claim(job.pk)
    # Meanwhile another worker took the job over (the slow one was presumed dead).
    Job.objects.filter(pk=job.pk).update(locked_by="rescuer")
    slow.run(Job.objects.get(pk=job.pk))
    job.refresh_from_db()
    assert job.status == "running"
    assert job.locked_by == "rescuer"


@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_run_every_job_exactly_once(acme):
    if connection.vendor == "sqlite":
        # The in-memory shared-cache test database raises "table is locked" instead of waiting;
        # SQLite concurrency is covered with separate processes on a file database below.
        pytest.skip("threads need a server database; see the multi-process test for SQLite")
    jobs = [enqueue("test_count_to", acme, {"n": 1}) for _ in range(12)]
    claims: dict[str, list[int]] = {}
    errors: list[BaseException] = []

    def work(name: str) -> None:
        worker = Worker(name)
        mine: list[int] = []
        try:
            while (job := worker.run_once()) is not None:
                mine.append(job.pk)
        except BaseException as error:  # reported below; a thread must not swallow it
            errors.append(error)
        finally:
            claims[name] = mine
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    claimed = [pk for mine in claims.values() for pk in mine]
    assert sorted(claimed) == sorted(job.pk for job in jobs)  # each job once, none twice
    assert set(Job.objects.values_list("status", flat=True)) == {"done"}
    assert set(Job.objects.values_list("attempts", flat=True)) == {1}


WORKER_PROCESS = """
import sys, time, django
django.setup()
from imvo.web.jobs.queue import Worker, job_handler

@job_handler("slow_echo")
def slow_echo(job, progress):
    time.sleep(0.02)
    progress(1, 1)
    return {"worker": job.locked_by}

worker = Worker(sys.argv[1])
while worker.run_once() is not None:
    pass
"""


def _file_database_env(tmp_path):
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
        "IMVO_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "imvo.web.settings",
    }


@pytest.fixture(scope="module")
def migrated_sqlite_template(tmp_path_factory):
    """One migrated SQLite file per module; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("migrated")
    subprocess.run(
        [sys.executable, "-m", "imvo.web.manage", "migrate", "--no-input", "-v", "0"],
        env=_file_database_env(folder),
        check=True,
        timeout=120,
    )
    return folder / "jobs.sqlite3"


@pytest.fixture
def file_database_env(tmp_path, migrated_sqlite_template):
    shutil.copyfile(migrated_sqlite_template, tmp_path / "jobs.sqlite3")
    return _file_database_env(tmp_path)


def _python(env, code, *args):
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, text=True, timeout=120
    )


def test_worker_processes_sharing_a_sqlite_file_never_run_a_job_twice(file_database_env):
    env = file_database_env
    _python(
        env,
        "import django; django.setup()\n"
        "from imvo.web.organisations.models import Organisation\n"
        "from imvo.web.jobs.models import Job\n"
        "org = Organisation.objects.create(name='Acme B.V.', slug='acme')\n"
        "Job.objects.bulk_create([Job(organisation=org, kind='slow_echo') for _ in range(30)])\n",
    )
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER_PROCESS, f"p{number}"], env=env) for number in range(3)
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0, 0]
    summary = _python(
        env,
        "import django, json; django.setup()\n"
        "from imvo.web.jobs.models import Job\n"
        "print(json.dumps([[j.status, j.attempts, j.result.get('worker')] for j in Job.objects.all()]))\n",
    )
    rows = json.loads(summary.stdout)
    assert len(rows) == 30
    assert {(status, attempts) for status, attempts, _worker in rows} == {("done", 1)}
    assert {worker for _status, _attempts, worker in rows} <= {"p0", "p1", "p2"}


def test_runjobs_command_processes_the_queue_and_exits_with_once(file_database_env):
    """The real worker command in a subprocess against a file-based SQLite database."""
    env = file_database_env
    manage = [sys.executable, "-m", "imvo.web.manage"]
    script = (
        "import django; django.setup()\n"
        "from imvo.web.organisations.models import Organisation\n"
        "from imvo.web.jobs.models import Job\n"
        "org = Organisation.objects.create(name='Acme B.V.', slug='acme')\n"
        "Job.objects.create(organisation=org, kind='no_handler_here')\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    result = subprocess.run(
        [*manage, "runjobs", "--once", "--worker-id", "cli"],
        env=env,
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    )
    assert "job 1 no_handler_here: failed" in result.stdout
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup()\n"
            "from imvo.web.jobs.models import Job\n"
            "job = Job.objects.get()\n"
            "print(job.status, job.attempts, job.error)\n",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.stdout.startswith("failed 1 No job handler is registered")


@pytest.mark.django_db
def test_progress_partial_polls_while_running_and_stops_when_done(acme, bob, client_for):
    job = enqueue("test_count_to", acme, {"n": 4})
    url = reverse("jobs:progress", kwargs={"org": "acme", "job_id": job.pk})
    client = client_for(bob)
    waiting = client.get(url)
    assert waiting.status_code == 200
    assert b'hx-trigger="every 1s"' in waiting.content
    Job.objects.filter(pk=job.pk).update(status="running", progress_done=1, progress_total=4)
    running = client.get(url)
    assert b'value="25"' in running.content
    Job.objects.filter(pk=job.pk).update(status="queued")
    run_pending_jobs_now()
    done = client.get(url)
    assert b"hx-trigger" not in done.content
    assert b"Finished" in done.content


@pytest.mark.django_db
def test_progress_partial_shows_the_error_of_a_failed_job(acme, bob, client_for):
    job = enqueue("test_explode", acme, {})
    run_pending_jobs_now()
    response = client_for(bob).get(reverse("jobs:progress", kwargs={"org": "acme", "job_id": job.pk}))
    assert b"The supplier file has no country column." in response.content


@pytest.mark.django_db
def test_another_organisations_job_is_a_404(acme, charlie, other_organisation, client_for):
    job = enqueue("test_count_to", acme, {"n": 1})
    client = client_for(charlie)
    # Charlie asks for Acme's job through his own organisation's URL: still not found.
    own_url = reverse("jobs:progress", kwargs={"org": "other", "job_id": job.pk})
    assert client.get(own_url).status_code == 404


@pytest.mark.django_db
def test_job_list_has_a_bounded_number_of_queries(acme, bob, client_for, django_assert_max_num_queries):
    for _ in range(15):
        enqueue("test_count_to", acme, {"n": 1})
    client = client_for(bob)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("jobs:list", kwargs={"org": "acme"}))
    assert response.status_code == 200
    assert response.content.count(b"job-progress") == 15


def test_runjobs_stops_cleanly_on_sigterm(file_database_env):
    env = file_database_env
    worker = subprocess.Popen(
        [sys.executable, "-m", "imvo.web.manage", "runjobs", "--sleep", "0.1", "--worker-id", "idle"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None
    assert "worker idle started" in worker.stdout.readline()
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0
    assert "stopped after 0 job(s)" in worker.stdout.read()


def test_migrations_match_the_models(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "imvo.web.manage", "makemigrations", "--check", "--dry-run"],
        env=_file_database_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db(transaction=True)
def test_worker_processes_sharing_postgresql_never_run_a_job_twice(acme):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgresql://...)")
    settings_dict = connection.settings_dict
    credentials = f"{settings_dict['USER']}:{settings_dict['PASSWORD'] or ''}"
    server = f"{settings_dict['HOST'] or 'localhost'}:{settings_dict['PORT'] or 5432}"
    url = f"postgresql://{credentials}@{server}/{settings_dict['NAME']}"
    Job.objects.bulk_create([Job(organisation=acme, kind="slow_echo") for _ in range(30)])
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "imvo.web.settings"}
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER_PROCESS, f"pg{number}"], env=env)
        for number in range(3)
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0, 0]
    rows = list(Job.objects.values_list("status", "attempts", "result"))
    assert len(rows) == 30
    assert {(status, attempts) for status, attempts, _result in rows} == {("done", 1)}
    assert {result["worker"] for _status, _attempts, result in rows} <= {"pg0", "pg1", "pg2"}


@pytest.mark.django_db
def test_an_editor_can_queue_a_failed_job_again_and_it_is_audited(acme, dave, bob, client_for):
    from imvo.web.audit.models import AuditEvent

    job = enqueue("test_explode", acme, {})
    run_pending_jobs_now()
    url = reverse("jobs:retry", kwargs={"org": "acme", "job_id": job.pk})
    assert client_for(bob).post(url).status_code == 403
    listing = client_for(dave).get(reverse("jobs:list", kwargs={"org": "acme"}))
    assert url.encode() in listing.content
    assert client_for(dave).post(url).status_code == 302
    job.refresh_from_db()
    assert (job.status, job.error, job.attempts) == ("queued", "", 0)
    event = AuditEvent.objects.get(action="retry")
    assert event.changes == {"error": "The supplier file has no country column."}
    # Only failed jobs can be retried.
    assert client_for(dave).post(url).status_code == 404


@job_handler("test_rejects_its_input")
def rejects_its_input(job, progress):
    from imvo.core.suppliers import InputError, InputProblem

    try:
        raise InputError([InputProblem("stored-3f9a.csv", 2, "country", "unknown country 'Atlantis'")])
    except InputError:
        # As handlers do: a readable message, the input error only in the chain.
        raise RuntimeError("The list has 1 problem; nothing was added.") from None


@pytest.mark.django_db
def test_a_job_whose_input_was_rejected_is_not_offered_again(acme, dave, client_for):
    job = enqueue("test_rejects_its_input", acme, {})
    run_pending_jobs_now()
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.result["input_rejected"] is True
    client = client_for(dave)
    retry = reverse("jobs:retry", kwargs={"org": "acme", "job_id": job.pk})
    listing = client.get(reverse("jobs:list", kwargs={"org": "acme"})).content.decode()
    assert "The list has 1 problem" in listing
    assert "Trying again would fail the same way" in listing
    assert retry not in listing
    assert client.post(retry).status_code == 302
    job.refresh_from_db()
    assert job.status == "failed"  # not queued again


@pytest.mark.django_db
def test_a_transient_failure_is_still_offered_again(acme, dave, client_for):
    job = enqueue("test_explode", acme, {})
    run_pending_jobs_now()
    job.refresh_from_db()
    assert "input_rejected" not in job.result
    listing = client_for(dave).get(reverse("jobs:list", kwargs={"org": "acme"})).content.decode()
    assert "Try again" in listing
    assert f"Test explode #{job.pk}" in listing
