"""Register data for the demo organisation: a policy, a scanned supplier list and a year of work.

Called by G1's ``seed_demo`` command. Everything is written through ``actions`` (so the demo's audit
trail looks like real use) and the supplier list is scanned by the real job, in-process.
The list (``demo_suppliers.csv``) is the project's example file ``examples/leveranciers.csv``:
Dutch headers, Windows-1252, semicolons and Dutch amounts, as a Dutch importer's ERP exports it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from imvo.web.jobs.queue import run_pending_jobs_now
from imvo.web.organisations.models import Membership, Organisation, Role
from imvo.web.register import actions
from imvo.web.register.models import RISK_ORDER, Policy, Risk, RiskSource, Scan, ScanStatus

DEMO_SUPPLIER_LIST = Path(__file__).with_name("demo_suppliers.csv")


def seed_register(organisation: Organisation) -> Scan | None:
    """Fill the register of ``organisation`` once; a second call leaves it as it is."""
    if Policy.objects.filter(organisation=organisation).exists():
        return Scan.objects.filter(organisation=organisation).first()
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.OWNER).select_related("user").first()
    )
    owner = membership.user if membership is not None else None
    today = timezone.localdate()
    _seed_policy(owner, organisation, today)
    scan = _scan_the_example_list(owner, organisation)
    top_risks = _top_risks(organisation)
    if scan.status == ScanStatus.DONE and top_risks:
        _seed_work_on_top_risks(owner, organisation, top_risks, today)
    _seed_own_operations(owner, organisation, top_risks, today)
    _queue_next_year_list(owner, organisation)
    return scan


def _seed_policy(owner: Any, organisation: Organisation, today: dt.date) -> None:
    actions.create_policy(
        owner,
        organisation,
        {
            "title": "Beleid maatschappelijk verantwoord ondernemen",
            "document_url": "https://example.org/voorbeeld-import/mvo-beleid.pdf",
            "adopted_on": today - dt.timedelta(days=400),
            "board_approved_on": today - dt.timedelta(days=390),
            "endorses_oecd_guidelines": True,
            "endorses_ungps": True,
            "endorsed_on": today - dt.timedelta(days=390),
            "endorsement_evidence_url": "",
            "responsible_officer": "Inkoopdirecteur",
            "management_system": "Gedragscode voor leveranciers in elk inkoopcontract; "
            "jaarlijkse training inkopers.",
        },
    )


def _scan_the_example_list(owner: Any, organisation: Organisation) -> Scan:
    upload = SimpleUploadedFile("leveranciers.csv", DEMO_SUPPLIER_LIST.read_bytes(), content_type="text/csv")
    scan = actions.upload_and_scan_supplier_list(owner, organisation, upload)
    run_pending_jobs_now()
    scan.refresh_from_db()
    return scan


def _top_risks(organisation: Organisation) -> list[Risk]:
    scan_risks = Risk.objects.filter(organisation=organisation, source=RiskSource.SCAN).order_by(*RISK_ORDER)
    # The demo's story is about cocoa (the judgement and measure texts below); fall back to the top risk.
    cocoa = scan_risks.filter(good__icontains="cocoa").first()
    top_risks = list(scan_risks[:3])
    if cocoa is not None and cocoa not in top_risks:
        top_risks = [cocoa, *top_risks[:2]]
    elif cocoa is not None:
        top_risks = [cocoa, *(risk for risk in top_risks if risk != cocoa)]
    return top_risks


def _seed_work_on_top_risks(
    owner: Any, organisation: Organisation, top_risks: list[Risk], today: dt.date
) -> None:
    first = top_risks[0]
    actions.judge_severity(
        owner,
        organisation,
        first,
        {
            "severity": 5,
            "scale": 5,
            "scope": 4,
            "irremediability": 4,
            "rationale": "ILAB-lijst en NGO-rapporten: kinderarbeid in de cacaoteelt; onomkeerbare schade.",
        },
    )
    measure = actions.add_measure(
        owner,
        organisation,
        first,
        {
            "kind": "use_leverage",
            "description": "Eis van de coöperatie een systeem voor monitoring en herstel van "
            "kinderarbeid (CLMRS) en deel de kosten.",
            "owner": "Inkoopdirecteur",
            "due_on": today + dt.timedelta(days=90),
            "status": "in_progress",
            "cost": Decimal("25000.00"),
        },
    )
    indicator = actions.add_indicator(
        owner,
        organisation,
        measure,
        {"name": "Huishoudens gedekt door CLMRS", "target": "100", "unit": "%"},
    )
    actions.record_follow_up(
        owner,
        organisation,
        measure,
        {
            "kind": "kpi",
            "indicator": indicator,
            "planned_on": today - dt.timedelta(days=30),
            "done_on": today - dt.timedelta(days=28),
            "value": "45",
            "result": "45% van de huishoudens gedekt.",
        },
    )
    actions.record_follow_up(
        owner, organisation, measure, {"kind": "visit", "planned_on": today - dt.timedelta(days=5)}
    )
    for risk in top_risks[1:]:
        actions.add_measure(
            owner,
            organisation,
            risk,
            {
                "kind": "prevent",
                "description": "Vraag herkomstgegevens en een audit door derden op.",
                "owner": "Inkoper",
                "due_on": today - dt.timedelta(days=10),
                "status": "planned",
            },
        )


def _seed_own_operations(
    owner: Any, organisation: Organisation, top_risks: list[Risk], today: dt.date
) -> None:
    own = actions.create_manual_risk(
        owner,
        organisation,
        {
            "title": "Overwerk en uitzendkrachten in het eigen magazijn",
            "area": "own_operations",
            "country": "NL",
            "likelihood": 50,
            "severity": 25,
            "salience": 30,
        },
    )
    actions.record_remediation(
        owner,
        organisation,
        own,
        {
            "description": "Niet-uitbetaald overwerk alsnog uitbetaald aan 12 uitzendkrachten.",
            "affected": "Uitzendkrachten magazijn",
            "provided_on": today - dt.timedelta(days=60),
            "status": "provided",
            "confidential": False,
        },
    )
    actions.log_stakeholder_engagement(
        owner,
        organisation,
        {
            "held_on": today - dt.timedelta(days=120),
            "stakeholder": "Landelijke vakbond en ngo voor cacaoboeren",
            "method": "Rondetafelgesprek",
            "summary": "Risico's in de cacaoketen en verwachtingen van leefbaar inkomen.",
            "outcome": "Afspraak om het CLMRS samen te evalueren.",
            "risk": top_risks[0] if top_risks else None,
        },
    )


def _queue_next_year_list(owner: Any, organisation: Organisation) -> None:
    # A year later, the next list: one supplier gone, one new. It waits on the scans page for the
    # owner to review what merging it would change.
    next_list = SimpleUploadedFile("leveranciers-volgend-jaar.csv", next_year_list(), content_type="text/csv")
    actions.upload_and_scan_supplier_list(owner, organisation, next_list)
    run_pending_jobs_now()


#: The demo's second list: the brick works left, a palm-oil mill joined (the example's own format).
DEMO_LEAVING = "Bhaktapur Brick Works"
DEMO_JOINING = "L-1046;Sumatra Palm Oil Mill;Indonesië;ruwe palmolie;1511 10;410.000,00;2\r\n"


def next_year_list() -> bytes:
    lines = DEMO_SUPPLIER_LIST.read_bytes().decode("cp1252").splitlines(keepends=True)
    kept = [line for line in lines if DEMO_LEAVING not in line]
    return ("".join(kept) + DEMO_JOINING).encode("cp1252")
