"""The demo covenant "Convenant Duurzame Kleding en Textiel (demo)": five member companies that share
their registers, a published production-location list, a steering-group meeting with a redacted minute,
and a ruling of the complaints and disputes committee linked to a member's assessment.

Everything is written through :mod:`imvo.web.covenants.actions` (and the grievance actions), so the
demo's records are on the audit trail like anyone's. Idempotent: a second call returns the covenant.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.db import transaction

from imvo.core.register.identity import supplier_name_key
from imvo.web.accounts.models import User
from imvo.web.covenants import actions, queries
from imvo.web.grievances import actions as grievance_actions
from imvo.web.grievances.models import GrievanceMechanism, MechanismVariant, Outcome
from imvo.web.organisations.models import Membership, Organisation
from imvo.web.register.models import Risk, Supplier

DEMO_SLUG = "convenant-kleding-demo"
DEMO_NAME = "Convenant Duurzame Kleding en Textiel (demo)"
SECOND_ASSESSOR = "secretariaat@example.org"

#: name → (country, product, address, workers band, members 1-based)
LOCATIONS: dict[str, tuple[str, str, str, str, tuple[int, ...]]] = {
    "Dhaka Knit Composite Ltd": (
        "BD",
        "gebreide kleding",
        "Plot 12, Gazipur, Dhaka",
        "1001-5000",
        (1, 2, 3, 4),
    ),
    "Chittagong Denim Mills": (
        "BD",
        "denimstof",
        "Kalurghat Industrial Area, Chattogram",
        "251-1000",
        (1, 2, 5),
    ),
    "Anatolia Cotton Spinning": (
        "TR",
        "katoengaren",
        "Organize Sanayi Bolgesi 4, Denizli",
        "251-1000",
        (2, 3, 5),
    ),
    "Tiruppur Dyeing Works": (
        "IN",
        "geverfde stof",
        "SIDCO Industrial Estate, Tiruppur",
        "51-250",
        (1, 3, 4),
    ),
    "Saigon Sewing Co": (
        "VN",
        "geweven kleding",
        "Tan Thuan Export Zone, Ho Chi Minh City",
        "1001-5000",
        (4,),
    ),
    "Lahore Leather Trims": (
        "PK",
        "lederen fournituren",
        "Kot Lakhpat Industrial Area, Lahore",
        "1-50",
        (5,),
    ),
}
RISKS = [
    ("Lonen onder een leefbaar loon", "living_wage", "BD", "gebreide kleding"),
    ("Vakbondswerk gehinderd bij spinnerijen", "freedom_of_association", "TR", "katoengaren"),
    ("Onveilige gebouwen", "occupational_health_and_safety", "BD", "gebreide kleding"),
]
MINUTES = (
    "De stuurgroep besprak de voortgang van het project leefbaar loon in Bangladesh. Drie leden doen mee "
    "aan het gezamenlijke loonkloofonderzoek bij Dhaka Knit Composite.\n\n"
    "Een lid noemde de inkoopprijs per stuk die het betaalt en zijn geplande volume "
    "voor het volgende seizoen.\n\n"
    "Een deelnemer vond het standpunt van de vakbond onrealistisch.\n\n"
    "Besluit: het secretariaat laat in 2026 een loonkloofonderzoek doen bij de gedeelde leveranciers."
)
RULING = (
    "De commissie acht de klacht over het ontslag van vakbondsvertegenwoordigers bij een leverancier van "
    "een lid-bedrijf gegrond. Het lid is gehouden zijn invloed te gebruiken voor herplaatsing en daarover "
    "te rapporteren in zijn volgende beoordeling."
)


def _member(number: int, owner: Any) -> Organisation:
    company = Organisation.objects.create(name=f"Demo Kleding {number} B.V.", slug=f"demo-kleding-{number}")
    Membership.objects.create(user=owner, organisation=company, role="owner")
    for name, (country, product, _address, _band, members) in LOCATIONS.items():
        if number in members:
            key = supplier_name_key(name, country)
            Supplier.objects.create(
                organisation=company, name=name, country=country, product=product, key=key, name_key=key
            )
    for title, theme, country, good in RISKS[: 1 + number % 3]:
        Risk.objects.create(organisation=company, title=title, theme=theme, country=country, good=good)
    return company


def _second_assessor(covenant: Organisation) -> Any:
    user = User.objects.filter(email=SECOND_ASSESSOR).first()
    if user is None:
        user = User.objects.create_user_with_email(SECOND_ASSESSOR, secrets.token_urlsafe(24))
    Membership.objects.get_or_create(user=user, organisation=covenant, defaults={"role": "editor"})
    return user


def _members(covenant: Organisation, owner: Any) -> list[Any]:
    parties = []
    for number in range(1, 6):
        company = _member(number, owner)
        flags = {"share_register": True, "publish_locations": True, "named_on_list": number == 1}
        actions.grant_consent(owner, company, covenant, flags)
        party = actions.add_party(
            owner,
            covenant,
            {"kind": "company", "name": company.name, "joined_on": dt.date(2023 + number % 2, 1, 1)},
        )
        parties.append(actions.link_party(owner, covenant, party, company.slug))
        for supplier in Supplier.objects.filter(organisation=company):
            _country, _product, address, band, _members = LOCATIONS[supplier.name]
            fields = {"address": address, "sector": "Apparel", "workers_band": band}
            actions.describe_location(owner, company, supplier, fields)
    for kind, name in [
        ("union", "FNV (demo)"),
        ("ngo", "Schone Kleren Campagne (demo)"),
        ("government", "Ministerie (demo)"),
    ]:
        actions.add_party(owner, covenant, {"kind": kind, "name": name, "joined_on": dt.date(2023, 1, 1)})
    return parties


def _assessment(covenant: Organisation, owner: Any, second: Any, party: Any) -> Any:
    assessment = actions.submit_plan(owner, party.member, party, 2025)
    verdicts = {
        str(c.pk): {
            "verdict": "partly" if c.step in {3, 6} else "met",
            "reason": "Aangetoond in het gedeelde register.",
        }
        for c in queries.criteria(covenant)
    }
    improvements = [
        {
            "description": "Plan maatregelen tegen de loonkloof bij de gedeelde leveranciers",
            "due_on": dt.date(2026, 6, 30),
        }
    ]
    actions.propose_assessment(second, assessment, verdicts, improvements)
    actions.decide_assessment(owner, assessment, True, "Eens met de eerste beoordelaar.")
    return assessment


def _steering(covenant: Organisation, owner: Any, second: Any) -> None:
    meeting = actions.add_meeting(owner, covenant, dt.date(2025, 11, 12), "Stuurgroep 4 (demo)")
    actions.add_document(
        owner,
        covenant,
        meeting,
        {"kind": "agenda", "title": "Agenda", "text": "1. Project leefbaar loon\n\n2. Plan van aanpak 2026"},
    )
    minutes = actions.add_document(
        owner, covenant, meeting, {"kind": "minutes", "title": "Verslag", "text": MINUTES}
    )
    actions.propose_redaction(second, minutes, {2: "competition", 3: "personal"})
    actions.approve_redaction(owner, minutes, True)
    party = queries.parties(covenant).filter(kind="ngo").first()
    if party is not None:
        logged = actions.log_request(
            owner,
            covenant,
            {
                "party": party,
                "request": "Het verslag van vergadering 4",
                "requested_on": dt.date(2025, 11, 20),
            },
        )
        actions.answer_request(
            owner,
            covenant,
            logged,
            "De gepubliceerde, geanonimiseerde versie toegestuurd.",
            dt.date(2025, 11, 24),
        )


def _committee(covenant: Organisation, owner: Any, party: Any, assessment: Any) -> None:
    from imvo.core.grievances import Phase

    mechanism = GrievanceMechanism.objects.create(
        organisation=covenant,
        slug=f"{DEMO_SLUG}-commissie"[:40],
        name="Geschillen- en klachtencommissie (demo)",
        variant=MechanismVariant.COMMITTEE,
    )
    actions.update_covenant(owner, covenant, {"committee": mechanism})
    fields = {
        "subject": "Ontslag van vakbondsvertegenwoordigers",
        "description": "Twee vakbondsvertegenwoordigers zijn na een staking ontslagen.",
        "theme": "freedom_of_association",
        "country": "TR",
        "anonymous": True,
    }
    case, _code = grievance_actions.submit_complaint(mechanism, fields, language="en")
    for phase in (Phase.INITIAL_ASSESSMENT, Phase.GOOD_OFFICES, Phase.OUTCOME):
        grievance_actions.move_case(owner, case, phase, "Demo: volgende fase.")
    grievance_actions.record_outcome(
        owner, case, outcome=Outcome.DECISION_UPHELD, statement=RULING, substantiated=None
    )
    actions.link_ruling(owner, covenant, case, party, assessment)


def seed_covenant(owner: Any, slug: str = DEMO_SLUG) -> Organisation:
    """Create the demo covenant; ``owner`` becomes its owner and the owner of the five members."""
    existing = Organisation.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        covenant = Organisation.objects.create(name=DEMO_NAME, slug=slug, kind="covenant")
        Membership.objects.create(user=owner, organisation=covenant, role="owner")
        second = _second_assessor(covenant)
        fields = {
            "sector": "Kleding en textiel",
            "starts_on": dt.date(2023, 1, 1),
            "ends_on": dt.date(2027, 12, 31),
        }
        actions.update_covenant(owner, covenant, fields)
        actions.add_project(
            owner, covenant, {"title": "Leefbaar loon in Bangladesh", "starts_on": dt.date(2024, 3, 1)}
        )
        project = queries.projects(covenant).get()
        actions.add_result(
            owner,
            covenant,
            project,
            dt.date(2025, 9, 1),
            "Loonkloofonderzoek bij twee gedeelde leveranciers.",
        )
        parties = _members(covenant, owner)
        actions.publish_locations(owner, covenant, True)
        assessment = _assessment(covenant, owner, second, parties[0])
        _steering(covenant, owner, second)
        _committee(covenant, owner, parties[0], assessment)
    return covenant
