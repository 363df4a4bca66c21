"""Demo data: a grievance mechanism with a few cases in different phases."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from imvo.core.grievances import Phase
from imvo.web.grievances import actions
from imvo.web.grievances.languages import PUBLIC_LANGUAGES
from imvo.web.grievances.models import GrievanceMechanism, MechanismVariant, Outcome, RemedyKind
from imvo.web.organisations.models import Membership, Organisation, Role

DEMO_CASES: list[dict[str, Any]] = [
    {
        "fields": {
            "subject": "Overtime without pay at the sewing unit",
            "description": "Since March we work 70 hours a week and overtime is not paid.",
            "theme": "wages",
            "country": "BD",
            "anonymous": True,
        },
        "age_days": 3,
        "path": [],
    },
    {
        "fields": {
            "subject": "Union members dismissed after meeting",
            "description": "Three workers who joined the union were dismissed the next day.",
            "theme": "freedom_of_association",
            "country": "IN",
            "anonymous": False,
            "complainant_name": "Asha Devi",
            "complainant_organisation": "Garment Workers Union",
            "complainant_email": "asha.devi@example.org",
        },
        "age_days": 120,
        "path": [(Phase.INITIAL_ASSESSMENT, 10), (Phase.GOOD_OFFICES, 80)],
    },
    {
        "fields": {
            "subject": "Pesticide spraying near the village school",
            "description": "Children fell ill after spraying next to the school.",
            "theme": "health_safety",
            "country": "KE",
            "anonymous": True,
        },
        "age_days": 300,
        "path": [
            (Phase.INITIAL_ASSESSMENT, 12),
            (Phase.GOOD_OFFICES, 70),
            (Phase.OUTCOME, 200),
            (Phase.FOLLOW_UP, 240),
        ],
        "outcome": Outcome.AGREEMENT,
        "statement": "The parties agreed on a spraying-free zone and medical costs are reimbursed.",
        "remedies": [
            (RemedyKind.COMPENSATION, "Medical costs reimbursed", True),
            (RemedyKind.PROCESS_CHANGE, "Spraying-free zone of 500 m", False),
        ],
        "satisfaction": 4,
    },
    {
        "fields": {
            "subject": "Question about a product label",
            "description": "The label does not say where the product was made.",
            "theme": "other",
            "country": "NL",
            "anonymous": True,
        },
        "age_days": 60,
        "path": [(Phase.INITIAL_ASSESSMENT, 5), (Phase.CLOSED, 30)],
        "reason": "Not admissible: the question concerns consumer information, not an adverse impact.",
    },
]


@transaction.atomic
def seed_grievances(organisation: Organisation) -> GrievanceMechanism:
    """Give ``organisation`` a mechanism with four cases: new, in dialogue, in follow-up, closed."""
    mechanism, created = GrievanceMechanism.objects.get_or_create(
        organisation=organisation,
        slug=f"{organisation.slug}-klachten"[:40],
        defaults={
            "name": f"{organisation.name} grievance mechanism",
            "variant": MechanismVariant.NCP,
            "introduction": "Workers, communities, unions and NGOs can raise concerns "
            "about our supply chain here.",
            "introduction_language": "en",
            # The demo shows every language a mechanism can offer (an owner chooses for a real one).
            "languages": [code for code, _name in PUBLIC_LANGUAGES],
        },
    )
    if not created and mechanism.cases.exists():
        return mechanism
    owner_membership = (
        Membership.objects.filter(organisation=organisation, role=Role.OWNER).select_related("user").first()
    )
    handler = owner_membership.user if owner_membership is not None else None
    if handler is not None:
        actions.grant_identity_access(handler, organisation, handler)
    now = timezone.now()
    for spec in DEMO_CASES:
        received = now - timedelta(days=spec["age_days"])
        case, _code = actions.submit_complaint(mechanism, spec["fields"], language="en")
        case.received_at = case.phase_started_at = received
        case.save(update_fields=["received_at", "phase_started_at"])
        case.transitions.update(created_at=received)
        for phase, day in spec["path"]:
            reason = spec.get("reason", "") if phase is Phase.CLOSED else ""
            actions.move_case(
                handler,
                case,
                phase,
                reason or "Demo: volgende fase.",
                now=received + timedelta(days=day),
            )
        if "outcome" in spec:
            actions.record_outcome(
                handler, case, outcome=spec["outcome"], statement=spec["statement"], substantiated=True
            )
            actions.publish_statement(handler, case)
            for kind, description, delivered in spec["remedies"]:
                remedy = actions.add_remedy(handler, case, {"kind": kind, "description": description})
                if delivered:
                    actions.complete_remedy(handler, remedy, timezone.localdate())
            actions.record_satisfaction(case, spec["satisfaction"])
    return mechanism
