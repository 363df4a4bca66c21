"""Issue 17, finding 7: SQLite under a reviewed merge. A changed 300 000-row list merged into a
300 000-supplier register held SQLite's only write lock for 71 s in one transaction, so sign-ins
failed with "database is locked" after the 20 s busy timeout.

On SQLite a reviewed merge is refused when the list has more rows, or the register more suppliers,
than ``IMVO_SQLITE_MAX_MERGE_ROWS`` (lowered here to 3): the scan fails with a message in the reader's
language that points to PostgreSQL, and nothing is written. The first list (written in short
transactions) is not limited, and PostgreSQL, where writers lock rows, never is.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import translation

from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.register import actions, jobs
from imvo.web.register.models import Risk, Scan, ScanStatus, Supplier
from imvo.web.register.templatetags.register_labels import problem_accepted, problem_message

FIRST_LIST = (
    "supplier,country,product\n"
    "Cacao Coop,Ivory Coast,cocoa beans\n"
    "Brick Works,India,bricks\n"
    "Textiel BV,Nederland,cotton t-shirts\n"
    "Malawi Leaf Ltd,Malawi,tobacco\n"
)
CHANGED_LIST = (
    "supplier,country,product\n"
    "Cacao Coop,Ghana,cocoa beans\n"
    "Brick Works,India,bricks\n"
    "Coffee Farm,Brazil,coffee\n"
    "Tea Estate,India,tea\n"
)


def upload(actor: Any, organisation: Any, text: str) -> Scan:
    file = SimpleUploadedFile("suppliers.csv", text.encode("utf-8"), content_type="text/csv")
    scan = actions.upload_and_scan_supplier_list(actor, organisation, file)
    run_pending_jobs_now()
    scan.refresh_from_db()
    return scan


def register_of(organisation: Any) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    return (
        set(
            Supplier.objects.filter(organisation=organisation).values_list(
                "pk", "name", "country", "removed_scan_id"
            )
        ),
        set(Risk.objects.filter(organisation=organisation).values_list("pk", "status", "closed_reason")),
    )


def test_a_reviewed_merge_over_the_limit_is_refused_on_sqlite_only(
    alice: Any, acme: Any, settings: Any
) -> None:
    settings.IMVO_SQLITE_MAX_MERGE_ROWS = 3
    on_sqlite = connection.vendor == "sqlite"
    assert jobs.sqlite_merge_limit() == (3 if on_sqlite else None)
    first = upload(alice, acme, FIRST_LIST)  # the first list fills in short transactions: not limited
    assert first.status == ScanStatus.DONE, first.error
    before = register_of(acme)
    scan = upload(alice, acme, CHANGED_LIST)
    if not on_sqlite:  # PostgreSQL: the limit does not apply
        assert scan.status == ScanStatus.READY, scan.error
        return
    assert scan.status == ScanStatus.FAILED
    assert register_of(acme) == before
    [problem] = scan.problems
    assert problem["code"] == jobs.SQLITE_MERGE_TOO_LARGE
    assert problem["params"] == {"rows": 4, "suppliers": 4, "limit": 3}
    assert "PostgreSQL" in scan.error
    assert "IMVO_SQLITE_MAX_MERGE_ROWS" in scan.error
    with translation.override("nl"):
        message, accepted = problem_message(problem), problem_accepted(problem)
    assert message.startswith("De lijst is te groot voor de SQLite-database van deze installatie")
    assert "4 regels" in message
    assert "4 leveranciers" in message
    assert "PostgreSQL" in message
    assert accepted == "hoogstens 3 regels in de lijst en leveranciers in het register"
    with translation.override("en"):
        assert problem_message(problem).startswith("The list is too large for the SQLite database")


def test_a_merge_within_the_limit_goes_on_and_a_lowered_limit_is_checked_again_when_confirmed(
    alice: Any, acme: Any, settings: Any
) -> None:
    settings.IMVO_SQLITE_MAX_MERGE_ROWS = 4
    assert upload(alice, acme, FIRST_LIST).status == ScanStatus.DONE
    scan = upload(alice, acme, CHANGED_LIST)
    assert scan.status == ScanStatus.READY, scan.error  # 4 rows, 4 suppliers: at the limit, not over
    before = register_of(acme)
    settings.IMVO_SQLITE_MAX_MERGE_ROWS = 3  # lowered between the preview and the confirmation
    assert actions.request_apply_scan(alice, acme, scan, "replace")
    run_pending_jobs_now()
    scan.refresh_from_db()
    if connection.vendor != "sqlite":
        assert scan.status == ScanStatus.DONE, scan.error
        return
    assert scan.status == ScanStatus.FAILED
    assert [problem["code"] for problem in scan.problems] == [jobs.SQLITE_MERGE_TOO_LARGE]
    assert register_of(acme) == before


def test_the_refusal_writes_its_numbers_as_the_reader_does() -> None:
    problem = {
        "code": jobs.SQLITE_MERGE_TOO_LARGE,
        "params": {"rows": 10001, "suppliers": 45, "limit": 10000},
        "message": "",
        "accepted": "",
    }
    with translation.override("nl"):
        assert "10.001 regels" in problem_message(problem)
        assert (
            problem_accepted(problem) == "hoogstens 10.000 regels in de lijst en leveranciers in het register"
        )
    with translation.override("en"):
        assert "10,001 rows" in problem_message(problem)
