"""The organisation's data version moves with every write to its data, whatever path wrote it, and
the pages kept under it (overview, register) never show data older than what was committed.

Runs on SQLite here and on PostgreSQL in ``scripts/test-postgres`` (two kinds of triggers). Every
write commits on its own (``transaction=True``), as the site's do: the version moves per committed
transaction, and pages are kept only outside a transaction."""

from __future__ import annotations

import threading
import zlib
from typing import Any

import pytest
from django.apps import apps
from django.core.cache import caches
from django.db import connection, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from imvo.web.organisations import data_version as versions
from imvo.web.organisations.access import Access
from imvo.web.organisations.models import Membership, Organisation
from imvo.web.organisations.page_cache import CACHE_ALIAS, part_key
from imvo.web.register import actions
from imvo.web.register.models import Risk, Supplier

pytestmark = pytest.mark.django_db(transaction=True)


def version(organisation: Organisation) -> int:
    return versions.data_version(organisation.pk)


def tables_with_triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'imvo_dv_%'"
            )
        else:
            cursor.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgname LIKE 'imvo_dv_%'"
            )
        return {row[0] for row in cursor.fetchall()}


def test_every_table_of_the_project_is_watched_unless_it_holds_no_organisation_data() -> None:
    watched = tables_with_triggers()
    for model in apps.get_models():
        if not model.__module__.startswith("imvo.") or model._meta.label in versions.NOT_ORGANISATION_DATA:
            continue
        assert model._meta.db_table in watched, f"{model._meta.label} has no data-version trigger"


def test_every_way_of_writing_moves_the_version_of_that_organisation_only(
    acme: Organisation, other_organisation: Organisation
) -> None:
    others = version(other_organisation)
    writes = {
        "bulk_create": lambda: Supplier.objects.bulk_create(
            [Supplier(organisation=acme, key=f"k{n}", name=f"S {n}") for n in range(50)]
        ),
        "save": lambda: actions.create_manual_risk(None, acme, {"title": "Bribery", "salience": 40}),
        "QuerySet.update": lambda: Supplier.objects.filter(organisation=acme).update(name="Renamed"),
        "raw SQL": lambda: connection.cursor().execute(
            "UPDATE register_risk SET title = 'Bribes' WHERE organisation_id = %s", [acme.pk]
        ),
        "delete": lambda: Supplier.objects.filter(organisation=acme, key="k1").delete(),
    }
    for how, write in writes.items():
        before = version(acme)
        write()
        assert version(acme) > before, how
    assert version(other_organisation) == others


def test_nothing_written_or_a_rolled_back_write_leaves_the_version(acme: Organisation) -> None:
    Supplier.objects.create(organisation=acme, key="k", name="Kept")
    before = version(acme)
    assert Supplier.objects.filter(organisation=acme, name="Nobody").update(name="x") == 0

    def rename_then_fail() -> None:
        with transaction.atomic():
            Supplier.objects.filter(organisation=acme).update(name="Gone")
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        rename_then_fail()
    assert version(acme) == before


def test_a_row_naming_two_organisations_moves_both(acme: Organisation, alice: Any) -> None:
    from imvo.web.monitoring.models import RegisterSharingConsent

    monitor = Organisation.objects.create(name="Ministry", slug="ministry", kind="monitor")
    before = version(acme), version(monitor)
    RegisterSharingConsent.objects.create(organisation=acme, monitor=monitor, granted_by=alice)
    assert version(acme) > before[0]
    assert version(monitor) > before[1]


def test_a_row_reached_through_its_parent_moves_the_parents_organisation(
    acme: Organisation, other_organisation: Organisation, alice: Any
) -> None:
    from imvo.web.grievances import actions as grievances

    mechanism = grievances.create_mechanism(
        alice, acme, {"name": "Klachten", "slug": "acme-klachten", "handler_email": "h@acme.example"}
    )
    grievances.submit_complaint(
        mechanism,
        {"subject": "Unpaid overtime", "description": "Weeks of it.", "anonymous": True},
        language="en",
    )
    assert versions.Watched("grievances_phasetransition", ("case_id",), "grievances_grievancecase") in (
        versions.watched_tables()
    )
    before, others = version(acme), version(other_organisation)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE grievances_phasetransition SET reason = reason")
        assert cursor.rowcount > 0
    assert version(acme) > before
    assert version(other_organisation) == others


def test_legal_values_and_users_move_every_organisations_version(
    acme: Organisation, other_organisation: Organisation, alice: Any
) -> None:
    from imvo.web.obligations.models import LegalValueBatch

    before = version(acme), version(other_organisation)
    LegalValueBatch.objects.create(file_name="values.csv", rows=1)
    middle = version(acme), version(other_organisation)
    assert middle[0] > before[0]
    assert middle[1] > before[1]
    type(alice).objects.filter(pk=alice.pk).update(first_name="Alicia")
    assert version(acme) > middle[0]
    assert version(other_organisation) > middle[1]


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="concurrent connections: PostgreSQL")
def test_a_reader_sees_the_new_version_exactly_when_the_write_commits(acme: Organisation) -> None:
    Supplier.objects.create(organisation=acme, key="k", name="Before")
    before = version(acme)
    written, finish = threading.Event(), threading.Event()

    def writer() -> None:
        try:
            with transaction.atomic():
                Supplier.objects.filter(organisation=acme).update(name="After")
                written.set()
                finish.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    assert written.wait(10)
    assert version(acme) == before  # not committed: neither the data nor the version
    assert Supplier.objects.get(organisation=acme).name == "Before"
    finish.set()
    thread.join()
    assert version(acme) > before
    assert Supplier.objects.get(organisation=acme).name == "After"


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="one ledger row per transaction: PostgreSQL")
def test_compacting_the_ledger_keeps_every_version(
    acme: Organisation, other_organisation: Organisation, monkeypatch: Any
) -> None:
    monkeypatch.setattr(versions, "COMPACT_ABOVE_ROWS", 3)
    for n in range(6):  # six transactions: six ledger rows
        Supplier.objects.create(organisation=acme, key=f"k{n}", name=f"S {n}")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {versions.LEDGER} WHERE scope = %s", [acme.pk])
        rows = cursor.fetchone()[0]
    assert rows >= 6
    before = version(acme), version(other_organisation)
    assert versions.compact() >= rows - 1
    assert (version(acme), version(other_organisation)) == before
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {versions.LEDGER} WHERE scope = %s", [acme.pk])
        assert cursor.fetchone()[0] == 1
    Supplier.objects.create(organisation=acme, key="after", name="After")
    assert version(acme) > before[0]


def test_a_long_run_of_single_row_statements_in_one_transaction_costs_linear_time(acme: Organisation) -> None:
    """A trigger that updated its transaction's ledger row per statement grew the row's version
    chain with each statement (PostgreSQL): 20 000 single-row inserts took 6.5 s instead of 1."""
    from imvo.web.register.bulk_writes import update_rows

    suppliers = Supplier.objects.bulk_create(
        [Supplier(organisation=acme, key=f"k{n}", name=f"S {n}") for n in range(4000)]
    )
    before = version(acme)
    with transaction.atomic():
        rows = [{"pk": supplier.pk, "name": f"Renamed {n}"} for n, supplier in enumerate(suppliers)]
        assert update_rows(Supplier, ["name"], rows) == 4000  # one UPDATE statement per row
    assert version(acme) > before
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT max(weight) FROM {versions.LEDGER} WHERE scope = %s", [acme.pk])
            assert cursor.fetchone()[0] == 1  # one row per transaction, never updated


# --- The pages kept under the version -------------------------------------------------------------
def risks_url(**query: str) -> str:
    url = reverse("register:risks", kwargs={"org": "acme"})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_register_shows_a_change_made_behind_the_actions_back(
    acme: Organisation, alice: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    risk = actions.create_manual_risk(None, acme, {"title": "Excessive overtime", "salience": 60})
    client = client_for(alice)
    assert "Excessive overtime" in client.get(risks_url(q="overtime")).content.decode()
    with django_assert_max_num_queries(5):  # kept: session, user, membership, version
        assert "Excessive overtime" in client.get(risks_url(q="overtime")).content.decode()
    # No audit event, no updated_at: QuerySet.update() as a bulk path or a script would write it.
    Risk.objects.filter(pk=risk.pk).update(title="Excessive overtime at the dyeing plant")
    assert "dyeing plant" in client.get(risks_url(q="overtime")).content.decode()


def test_the_overview_shows_suppliers_added_in_bulk(acme: Organisation, alice: Any, client_for: Any) -> None:
    from tests.web.register.test_overview import home, tiles_of

    client = client_for(alice)
    assert tiles_of(client.get(home()).content.decode())["suppliers"]["figure"] == "0"
    Supplier.objects.bulk_create([Supplier(organisation=acme, key=f"k{n}", name=f"S {n}") for n in range(7)])
    assert tiles_of(client.get(home()).content.decode())["suppliers"]["figure"] == "7"


def test_kept_pages_depend_on_role_language_and_organisation(
    acme: Organisation,
    other_organisation: Organisation,
    alice: Any,
    bob: Any,
    charlie: Any,
    client_for: Any,
) -> None:
    actions.create_manual_risk(None, acme, {"title": "Acme's own risk", "salience": 60})
    add_risk = reverse("register:risk_create", kwargs={"org": "acme"})
    owner_page = client_for(alice).get(risks_url()).content.decode()
    viewer_page = client_for(bob).get(risks_url()).content.decode()
    assert add_risk in owner_page
    assert add_risk not in viewer_page  # a viewer may not add: not the owner's kept page
    dutch = client_for(bob).get(risks_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Risicoregister" in dutch
    assert "Risk register" not in dutch
    other = client_for(charlie).get(reverse("register:risks", kwargs={"org": "other"})).content.decode()
    assert "Acme's own risk" not in other


@pytest.mark.django_db(transaction=False)
def test_nothing_is_kept_from_inside_a_transaction(acme: Organisation, alice: Any, client_for: Any) -> None:
    # The test runs inside a transaction that is rolled back at its end, as any write may be.
    actions.create_manual_risk(None, acme, {"title": "Uncommitted risk", "salience": 80})
    assert "Uncommitted risk" in client_for(alice).get(risks_url()).content.decode()
    membership = Membership.objects.get(user=alice, organisation=acme)
    with translation.override("en"):
        key = part_key(Access(acme, membership), "risks", "page?")
    assert caches[CACHE_ALIAS].get(key) is None


def test_a_kept_part_holds_nothing_of_the_visitor(acme: Organisation, alice: Any, client_for: Any) -> None:
    actions.create_manual_risk(None, acme, {"title": "Child labour at a mica mine", "salience": 80})
    response = client_for(alice).get(risks_url())
    assert "csrfmiddlewaretoken" in response.content.decode()  # the page has forms (sign out) ...
    request = RequestFactory().get(risks_url())
    membership = Membership.objects.get(user=alice, organisation=acme)
    with translation.override("en"):
        key = part_key(Access(acme, membership), "risks", f"page?{request.GET.urlencode()}")
    kept = zlib.decompress(caches[CACHE_ALIAS].get(key)).decode()
    assert "mica mine" in kept
    # ... the kept part none: no token, no session, no name of who rendered it.
    assert "csrfmiddlewaretoken" not in kept
    assert alice.email not in kept
    assert "Alice" not in kept


def test_the_per_supplier_view_answers_an_htmx_filter_with_its_results(
    acme: Organisation, alice: Any, client_for: Any
) -> None:
    supplier = Supplier.objects.create(organisation=acme, key="k", name="Mica Traders", country="IN")
    actions.create_manual_risk(None, acme, {"title": "Child labour", "salience": 80, "supplier": supplier})
    url = reverse("register:risks_by_supplier", kwargs={"org": "acme"})
    response = client_for(alice).get(url, {"country": "IN"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.startswith('<div id="supplier-groups">')
    assert "Mica Traders" in page
