"""Demo data: a monitor organisation with a synthetic population, disclosures written for the demo,
and a round whose figures follow from its assessments.

``seed_monitoring()`` is idempotent per slug: calling it again returns the existing organisation.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from imvo.core.monitoring import DUTCH_IMVO_SIZE_CRITERIA, DUTCH_REFERENCE_SERIES, PopulationCompany
from imvo.web.jobs.queue import Worker
from imvo.web.monitoring import actions
from imvo.web.monitoring.models import MonitoredCompany, MonitoringRound, ReferencePoint
from imvo.web.organisations.models import Membership, Organisation

DEMO_SLUG = "imvo-monitor-demo"
DEMO_NAME = "IMVO Monitor (demo)"
DISCLOSURES = Path(__file__).resolve().parent / "demo_disclosures"
#: The companies the demo disclosures were written for (registration numbers in the file names).
NAMED_COMPANIES = (
    ("Polderstaal N.V.", "90000001", "2410", 2400),
    ("Northsea Foods B.V.", "90000002", "1020", 1300),
    ("Rheinland Textil GmbH", "90000003", "1413", 760),
    ("Dutch Harbour Logistics B.V.", "90000004", "4941", 3100),
    ("Agri Delta Coöperatie U.A.", "90000005", "0111", 950),
    ("Lowlands Electronics N.V.", "90000006", "2611", 6200),
)
SYNTHETIC_COMPANIES = 34
SECTORS = ("1051", "1089", "2011", "2222", "2829", "4639", "4690", "4711", "5210", "6419")
DEMO_ROUND = "2021"
DEMO_POPULATION_SIZE = 600  # the Dutch large-company population the demo round samples from


def _population(seed: int = 2021) -> list[dict[str, Any]]:
    rng = random.Random(seed)  # noqa: S311  (synthetic demo data, not security)
    rows = [
        {
            "name": name,
            "registration_number": number,
            "sector_code": sector,
            "employees": employees,
            "assets": float(rng.randint(25, 900)) * 1e6,
            "turnover": float(rng.randint(45, 2500)) * 1e6,
            "website": "",
        }
        for name, number, sector, employees in NAMED_COMPANIES
    ]
    stems = (
        "Holland",
        "Delta",
        "Kempen",
        "Veluwe",
        "Twente",
        "Zeeland",
        "Brabant",
        "Noord",
        "Maas",
        "IJssel",
    )
    kinds = ("Metaal", "Voeding", "Chemie", "Handel", "Bouw", "Logistiek", "Textiel", "Energie")
    for index in range(SYNTHETIC_COMPANIES):
        rows.append(
            {
                "name": f"{stems[index % len(stems)]} {kinds[index % len(kinds)]} {index + 1} B.V.",
                "registration_number": f"9100{index:04d}",
                "sector_code": rng.choice(SECTORS),
                "employees": rng.choice((320, 540, 780, 1200, 2600, 5400, 12000)),
                "assets": float(rng.randint(10, 600)) * 1e6,
                "turnover": float(rng.randint(30, 1800)) * 1e6,
                "website": "",
            }
        )
    return rows


def seed_monitoring(
    owner: Any = None, company_organisation: Organisation | None = None, slug: str = DEMO_SLUG
) -> Organisation:
    """Create the demo monitor organisation (``owner`` becomes its owner when given).

    When ``company_organisation`` (a platform company with a register) is given, it is added to the
    population, its consent to share the register is recorded, and it is assessed from its register.
    """
    existing = Organisation.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        monitor = Organisation.objects.create(name=DEMO_NAME, slug=slug, kind="monitor")
        if owner is not None:
            Membership.objects.create(user=owner, organisation=monitor, role="owner")
        companies = []
        for row in _population():
            core = PopulationCompany(**row)
            companies.append(
                MonitoredCompany(
                    organisation=monitor, in_scope=DUTCH_IMVO_SIZE_CRITERIA.includes(core), **row
                )
            )
        MonitoredCompany.objects.bulk_create(companies)
        for point in DUTCH_REFERENCE_SERIES:
            ReferencePoint.objects.create(
                organisation=monitor, round_name=point.round, share=point.share, source=point.source
            )
        monitoring_round = actions.create_round(
            owner, monitor, DEMO_ROUND, population_size=DEMO_POPULATION_SIZE
        )
        if company_organisation is not None:
            MonitoredCompany.objects.create(
                organisation=monitor,
                name=company_organisation.name,
                sector_code="4690",
                employees=800,
                assets=30e6,
                turnover=60e6,
                platform_organisation=company_organisation,
            )
            actions.grant_register_consent(None, company_organisation, monitor)
            actions.assess_from_registers(owner, monitor, monitoring_round)
        uploads = [
            SimpleUploadedFile(path.name, path.read_bytes())
            for path in sorted(DISCLOSURES.iterdir())
            if path.suffix in {".txt", ".html"}
        ]
        job = actions.upload_disclosures(owner, monitor, monitoring_round, uploads)
    _run_job(job.pk)
    actions.complete_round(owner, monitor, MonitoringRound.objects.get(pk=monitoring_round.pk))
    return monitor


def _run_job(job_id: int) -> None:
    """Run the demo's own assessment job now, leaving other queued jobs to the worker."""
    worker = Worker("demo")
    if worker.try_claim(job_id):
        from imvo.web.jobs.models import Job

        worker.run(Job.objects.get(pk=job_id))
