"""A register that lives for years: re-scans merge into it and never lose work (real scans, real DB)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imvo.web.audit.models import AuditEvent
from imvo.web.grievances.models import GrievanceCase
from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.register import actions
from imvo.web.register.models import (
    CloseReason,
    Measure,
    Risk,
    RiskEvent,
    RiskEventKind,
    RiskSource,
    RiskStatus,
    Scan,
    ScanStatus,
    Supplier,
)

FULL_LIST = (
    "supplier,country,product,spend\n"
    "Cacao Coop,Ivory Coast,cocoa beans,125000\n"
    "Brick Works,India,bricks,8000\n"
    "Textiel BV,Nederland,cotton t-shirts,4300\n"
)
WITHOUT_BRICKS = (
    "supplier,country,product,spend\n"
    "Cacao Coop,Ivory Coast,cocoa beans,125000\n"
    "Textiel BV,Nederland,cotton t-shirts,4300\n"
)
NEW_SUPPLIER = "supplier,country,product\nMalawi Leaf Ltd,Malawi,tobacco\n"


def upload(actor: Any, organisation: Any, text: str, name: str = "suppliers.csv") -> Scan:
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    scan = actions.upload_and_scan_supplier_list(actor, organisation, file)
    run_pending_jobs_now()
    scan.refresh_from_db()
    return scan


def apply(actor: Any, organisation: Any, scan: Scan, mode: str) -> Scan:
    assert actions.request_apply_scan(actor, organisation, scan, mode)
    run_pending_jobs_now()
    scan.refresh_from_db()
    return scan


def scan_risks(organisation: Any) -> dict[int, tuple[str, str, str, str]]:
    return {
        risk.pk: (risk.supplier.name, risk.good, risk.theme, risk.status)
        for risk in Risk.objects.filter(organisation=organisation, source=RiskSource.SCAN).select_related(
            "supplier"
        )
    }


@pytest.fixture
def worked_register(alice: Any, acme: Any) -> dict[str, Any]:
    """The first list applied, and work on a bricks risk: a judgement, a measure, a grievance link."""
    first = upload(alice, acme, FULL_LIST)
    assert first.status == ScanStatus.DONE, first.error  # the first list has nothing to merge with
    bricks = Risk.objects.filter(organisation=acme, supplier__name="Brick Works").order_by("pk").first()
    assert bricks is not None
    actions.judge_severity(
        alice,
        acme,
        bricks,
        {"severity": 4, "scale": 4, "scope": 4, "irremediability": 4, "rationale": "Debt bondage"},
    )
    measure = actions.add_measure(
        alice, acme, bricks, {"kind": "use_leverage", "description": "Audit", "owner": "Buyer"}
    )
    return {"first": first, "bricks": bricks, "measure": measure}


def test_the_same_file_twice_changes_nothing(worked_register: dict[str, Any], alice: Any, acme: Any) -> None:
    before = scan_risks(acme)
    suppliers_before = list(Supplier.objects.filter(organisation=acme).values_list("pk", "name"))
    second = upload(alice, acme, FULL_LIST)
    assert second.status == ScanStatus.READY  # a later list waits for review
    assert Risk.objects.filter(organisation=acme).count() == len(before)  # nothing written by the preview
    for mode in ("replace", "add"):
        counts = second.preview["modes"][mode]["counts"]
        assert not second.preview["modes"][mode]["changes_anything"]
        assert counts["risks_new"] == counts["risks_closed"] == counts["suppliers_new"] == 0
        assert counts["risks_unchanged"] == len(before)
    apply(alice, acme, second, "replace")
    assert second.status == ScanStatus.DONE
    assert scan_risks(acme) == before
    assert list(Supplier.objects.filter(organisation=acme).values_list("pk", "name")) == suppliers_before
    bricks = Risk.objects.get(pk=worked_register["bricks"].pk)
    assert bricks.judgements.count() == 1
    assert bricks.measures.count() == 1
    assert bricks.last_scan_id == second.pk
    assert not RiskEvent.objects.filter(scan=second).exists()


def test_a_supplier_removed_closes_exactly_its_risks_and_keeps_their_work(
    worked_register: dict[str, Any], alice: Any, acme: Any
) -> None:
    bricks_ids = set(
        Risk.objects.filter(organisation=acme, supplier__name="Brick Works").values_list("pk", flat=True)
    )
    others = set(scan_risks(acme)) - bricks_ids
    scan = upload(alice, acme, WITHOUT_BRICKS)
    preview = scan.preview["modes"]["replace"]
    assert (
        preview["counts"]["risks_closed"]
        == preview["counts"]["risks_closed_supplier_removed"]
        == len(bricks_ids)
    )
    assert preview["counts"]["suppliers_removed"] == 1
    assert preview["suppliers_removed"] == ["Brick Works"]
    # Adding instead would leave Brick Works alone.
    assert scan.preview["modes"]["add"]["counts"]["risks_closed"] == 0
    apply(alice, acme, scan, "replace")
    assert scan.applied == preview["counts"]
    closed = Risk.objects.filter(organisation=acme, status=RiskStatus.CLOSED)
    assert set(closed.values_list("pk", flat=True)) == bricks_ids
    assert set(closed.values_list("closed_reason", flat=True)) == {CloseReason.SUPPLIER_REMOVED}
    assert all(status != RiskStatus.CLOSED for pk, (*_, status) in scan_risks(acme).items() if pk in others)
    measure = Measure.objects.get(pk=worked_register["measure"].pk)
    assert measure.risk_id == worked_register["bricks"].pk
    assert Risk.objects.get(pk=worked_register["bricks"].pk).judgements.count() == 1
    supplier = Supplier.objects.get(organisation=acme, name="Brick Works")
    assert supplier.removed_scan_id == scan.pk
    assert AuditEvent.objects.filter(organisation=acme, action="apply_scan", object_id=str(scan.pk)).exists()


def test_a_new_supplier_adds_only_its_risks(worked_register: dict[str, Any], alice: Any, acme: Any) -> None:
    before = scan_risks(acme)
    scan = upload(alice, acme, NEW_SUPPLIER)
    added = scan.preview["modes"]["add"]["counts"]
    assert added["suppliers_new"] == 1
    assert added["risks_new"] > 0
    assert added["risks_closed"] == added["suppliers_removed"] == 0
    apply(alice, acme, scan, "add")
    after = scan_risks(acme)
    assert {pk: after[pk] for pk in before} == before
    new = {pk: row for pk, row in after.items() if pk not in before}
    assert len(new) == added["risks_new"]
    assert {row[0] for row in new.values()} == {"Malawi Leaf Ltd"}
    assert Supplier.objects.filter(organisation=acme, removed_scan__isnull=True).count() == 4


def test_a_risk_closed_and_found_again_reopens_with_its_history(
    worked_register: dict[str, Any], alice: Any, acme: Any, client_for: Any
) -> None:
    bricks = worked_register["bricks"]
    apply(alice, acme, upload(alice, acme, WITHOUT_BRICKS), "replace")
    assert Risk.objects.get(pk=bricks.pk).status == RiskStatus.CLOSED
    again = upload(alice, acme, FULL_LIST)
    counts = again.preview["modes"]["replace"]["counts"]
    assert counts["risks_reopened"] >= 1
    assert counts["risks_new"] == 0
    assert counts["suppliers_new"] == 0
    apply(alice, acme, again, "replace")
    bricks.refresh_from_db()
    assert bricks.status == RiskStatus.OPEN
    assert bricks.closed_reason == ""
    assert Supplier.objects.get(organisation=acme, name="Brick Works").removed_scan is None
    history = list(RiskEvent.objects.filter(risk=bricks).values_list("kind", flat=True))
    assert history == [RiskEventKind.FOUND, RiskEventKind.CLOSED, RiskEventKind.REOPENED]
    page = client_for(alice).get(
        reverse("register:risk_detail", kwargs={"org": "acme", "risk_id": bricks.pk})
    )
    text = page.content.decode()
    assert "History across scans" in text
    assert "Supplier no longer in the list" in text
    assert "found again and reopened" in text
    assert bricks.measures.count() == 1


def test_a_person_closing_a_risk_is_not_undone_by_a_scan(
    worked_register: dict[str, Any], alice: Any, acme: Any
) -> None:
    bricks = worked_register["bricks"]
    actions.update_risk(alice, acme, bricks, {"status": RiskStatus.CLOSED})
    bricks.refresh_from_db()
    assert bricks.closed_reason == CloseReason.BY_PERSON
    scan = apply(alice, acme, upload(alice, acme, FULL_LIST), "replace")
    assert scan.applied["risks_kept_closed"] == 1
    bricks.refresh_from_db()
    assert bricks.status == RiskStatus.CLOSED
    actions.reopen_risk(alice, acme, bricks)
    bricks.refresh_from_db()
    assert bricks.status == RiskStatus.OPEN
    assert bricks.closed_reason == ""


def test_a_judged_severity_survives_a_rescan(worked_register: dict[str, Any], alice: Any, acme: Any) -> None:
    bricks = Risk.objects.get(pk=worked_register["bricks"].pk)
    judged = bricks.severity
    Risk.objects.filter(pk=bricks.pk).update(likelihood=1, evidence="older evidence", edition="2020")
    scan = upload(alice, acme, FULL_LIST)
    [changed] = scan.preview["modes"]["replace"]["samples"]["changed"]
    assert set(changed["changes"]) == {"likelihood", "evidence", "edition"}  # severity is the person's
    apply(alice, acme, scan, "replace")
    bricks.refresh_from_db()
    assert bricks.severity == judged
    assert bricks.edition != "2020"
    [change] = RiskEvent.objects.filter(risk=bricks, kind=RiskEventKind.CHANGED)
    assert change.changes["edition"][0] == "2020"


@pytest.mark.parametrize("mode", ["replace", "add"])
def test_the_preview_counts_equal_what_applying_does(
    worked_register: dict[str, Any], alice: Any, acme: Any, mode: str
) -> None:
    scan = upload(
        alice,
        acme,
        WITHOUT_BRICKS.replace("Textiel BV,Nederland,cotton t-shirts,4300\n", "")
        + "Malawi Leaf Ltd,Malawi,tobacco,9000\n",
    )
    promised = scan.preview["modes"][mode]["counts"]
    before = Risk.objects.filter(organisation=acme).count()
    apply(alice, acme, scan, mode)
    assert scan.applied == promised
    assert Risk.objects.filter(organisation=acme).count() == before + promised["risks_new"]
    assert (
        Risk.objects.filter(
            organisation=acme, status=RiskStatus.CLOSED, closed_reason__in=[r.value for r in CloseReason]
        )
        .exclude(closed_reason=CloseReason.BY_PERSON)
        .count()
        == promised["risks_closed"]
    )
    assert (
        Supplier.objects.filter(organisation=acme, removed_scan=scan).count() == promised["suppliers_removed"]
    )
    assert RiskEvent.objects.filter(scan=scan, kind=RiskEventKind.FOUND).count() == promised["risks_new"]


def test_two_people_applying_lists_at_once_never_duplicate(
    worked_register: dict[str, Any], alice: Any, dave: Any, acme: Any
) -> None:
    first = upload(alice, acme, NEW_SUPPLIER)
    second = upload(dave, acme, NEW_SUPPLIER)
    assert actions.request_apply_scan(alice, acme, first, "add")
    assert not actions.request_apply_scan(alice, acme, first, "add")  # a double click queues one merge
    assert actions.request_apply_scan(dave, acme, second, "add")  # both confirmed before either ran
    run_pending_jobs_now()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == ScanStatus.DONE
    # The second preview rested on a register that has changed: it is shown again, not applied.
    assert second.status == ScanStatus.READY
    assert second.preview["renewed"]
    assert second.preview["modes"]["add"]["counts"]["risks_new"] == 0
    apply(dave, acme, second, "add")
    assert Supplier.objects.filter(organisation=acme, name="Malawi Leaf Ltd").count() == 1
    keys = list(Risk.objects.filter(organisation=acme, source=RiskSource.SCAN).values_list("key", flat=True))
    assert len(keys) == len(set(keys))


def test_supplier_numbers_are_identities_and_duplicates_are_reported(alice: Any, acme: Any) -> None:
    numbered = (
        "Leveranciersnummer;Naam leverancier;Land;Product\n"
        "0001001;Cacao Coop B.V.;Ivoorkust;cacaobonen\n"
        "1002;Brick Works;India;bricks\n"
        "1002;Brick Works;India;bricks\n"
        "1003;Textiel BV;Nederland;t-shirts\n"
        "1003;Textile Company;Nederland;t-shirts\n"
    )
    first = upload(alice, acme, numbered)
    assert first.status == ScanStatus.DONE, first.error
    assert Supplier.objects.filter(organisation=acme).count() == 3
    kinds = {(d["kind"], tuple(d["input_rows"])) for d in first.preview["duplicates"]}
    assert ("same_product", (2, 3)) in kinds
    assert ("number_names", (4, 5)) in kinds
    # Renamed, zero-padded differently: the same supplier, its risks unchanged.
    renamed = numbered.replace("0001001;Cacao Coop B.V.", "1001;CACAO COOP")
    again = upload(alice, acme, renamed)
    counts = again.preview["modes"]["replace"]["counts"]
    assert counts["suppliers_new"] == 0
    assert counts["risks_new"] == 0
    assert counts["risks_closed"] == 0
    page = client_page(alice, again)
    assert "appear more than once in the file" in page


def client_page(user: Any, scan: Scan) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.get(
        reverse("register:scan_detail", kwargs={"org": "acme", "scan_id": scan.pk})
    ).content.decode()


def test_the_preview_page_offers_both_merges_and_a_grievance_link_survives(
    worked_register: dict[str, Any], alice: Any, acme: Any, client_for: Any
) -> None:
    from imvo.web.grievances.models import GrievanceMechanism

    bricks = worked_register["bricks"]
    mechanism = GrievanceMechanism.objects.create(organisation=acme, name="Meldpunt", slug="meldpunt")
    case = GrievanceCase.objects.create(
        organisation=acme,
        mechanism=mechanism,
        reference="TEST-0001",
        subject="Debt bondage at the kiln",
        description="Workers cannot leave.",
        risk=bricks,
        supplier=bricks.supplier,
    )
    scan = upload(alice, acme, WITHOUT_BRICKS)
    client = client_for(alice)
    page = client.get(
        reverse("register:scan_detail", kwargs={"org": "acme", "scan_id": scan.pk})
    ).content.decode()
    assert "Confirm: replace the supplier list" in page
    assert "Confirm: add these suppliers" in page
    assert "Brick Works" in page  # leaving the list, named before anything is done
    response = client.post(
        reverse("register:scan_apply", kwargs={"org": "acme", "scan_id": scan.pk}), {"mode": "replace"}
    )
    assert response.status_code == 302
    run_pending_jobs_now()
    case.refresh_from_db()
    assert case.risk_id == bricks.pk
    assert case.supplier_id == bricks.supplier_id
    assert GrievanceCase.objects.filter(organisation=acme).count() == 1


def test_viewers_cannot_confirm_or_discard(
    worked_register: dict[str, Any], alice: Any, bob: Any, acme: Any, client_for: Any
) -> None:
    scan = upload(alice, acme, NEW_SUPPLIER)
    client = client_for(bob)
    kwargs = {"org": "acme", "scan_id": scan.pk}
    assert client.post(reverse("register:scan_apply", kwargs=kwargs), {"mode": "add"}).status_code == 403
    assert client.post(reverse("register:scan_discard", kwargs=kwargs)).status_code == 403
    assert "Confirm:" not in client.get(reverse("register:scan_detail", kwargs=kwargs)).content.decode()
    scan.refresh_from_db()
    assert scan.status == ScanStatus.READY


def test_a_discarded_list_changes_nothing(worked_register: dict[str, Any], alice: Any, acme: Any) -> None:
    before = scan_risks(acme)
    scan = upload(alice, acme, WITHOUT_BRICKS)
    assert actions.discard_scan(alice, acme, scan)
    assert not actions.request_apply_scan(alice, acme, scan, "replace")
    run_pending_jobs_now()
    assert scan_risks(acme) == before


def test_upload_page_answers_get_with_the_form(dave: Any, client_for: Any) -> None:
    response = client_for(dave).get(reverse("register:scan_upload", kwargs={"org": "acme"}))
    assert response.status_code == 302
    assert response["Location"] == reverse("register:scans", kwargs={"org": "acme"})


def test_every_reference_value_a_risk_cites_fits_its_column() -> None:
    """A finding's citation is stored whole (PostgreSQL refuses what SQLite would keep): every value
    the reference data can put in a risk fits the column that holds it."""
    from imvo.core import refdata
    from imvo.core.risk.themes import THEMES, theme_label

    def limit(name: str) -> int:
        max_length = Risk._meta.get_field(name).max_length
        assert max_length is not None
        return max_length

    data = refdata.load()
    values = {
        "record_id": [listing.record_id for listing in data.listings],
        "good": [listing.good for listing in data.listings],
        "source_url": [listing.source_url for listing in data.listings]
        + [p.source_url for p in data.profiles if getattr(p, "source_url", None)],
        "dataset": [dataset.id for dataset in refdata.manifest()],
        "edition": [dataset.edition for dataset in refdata.manifest()],
        "theme": [theme.id for theme in THEMES],
        "title": [
            actions.risk_title(theme.id, listing.good, listing.alpha2)
            for theme in THEMES
            for listing in data.listings
        ],
    }
    assert len(values["record_id"]) > 100
    too_long = {name: [v for v in found if len(v) > limit(name)] for name, found in values.items()}
    assert too_long == {name: [] for name in values}
    assert all(len(theme_label(theme.id, "nl")) < 100 for theme in THEMES)


@pytest.mark.django_db(transaction=True)
def test_two_workers_merging_at_the_same_moment_never_duplicate(alice: Any, acme: Any, tmp_path: Any) -> None:
    """Two merges of lists previewed on the same register, run in two threads at once (PostgreSQL:
    row locks and the unique identities decide; SQLite's test database cannot share threads)."""
    import threading

    from django.db import close_old_connections, connection

    from imvo.core.scan import scan_file
    from imvo.web.register import rescan

    if connection.vendor == "sqlite":
        pytest.skip("threads need a server database; the interleaved confirmations above run on SQLite")
    upload(alice, acme, FULL_LIST)
    first, second = upload(alice, acme, NEW_SUPPLIER), upload(alice, acme, NEW_SUPPLIER)
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def merge(scan: Scan) -> None:
        try:
            with scan_file(scan.upload.file.path) as result:
                staged = rescan.stage(result)
                expected = {**scan.preview, "counts": scan.preview["modes"]["add"]["counts"]}
                barrier.wait(timeout=30)
                actions.apply_scan_plan(scan, "add", staged, actor=None, expected=expected)
            outcomes.append("applied")
        except actions.PreviewOutdated:
            outcomes.append("outdated")
        except BaseException as error:  # reported below; a thread must not swallow it
            outcomes.append(repr(error))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=merge, args=(scan,)) for scan in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(outcomes) == ["applied", "outdated"]
    assert Supplier.objects.filter(organisation=acme, name="Malawi Leaf Ltd").count() == 1
    keys = list(Risk.objects.filter(organisation=acme, source=RiskSource.SCAN).values_list("key", flat=True))
    assert len(keys) == len(set(keys))


def test_a_spend_the_register_cannot_hold_is_refused_not_dropped(alice: Any, acme: Any) -> None:
    huge = "supplier,country,product,spend\nCacao Coop,Ivory Coast,cocoa beans,900000000000000\n"
    scan = upload(alice, acme, huge)
    assert scan.status == ScanStatus.FAILED
    assert "more than the register can hold" in scan.problems[0]["message"]
    assert not Supplier.objects.filter(organisation=acme).exists()
