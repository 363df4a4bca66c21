"""Assessing a platform company from its own due-diligence register — only with its recorded consent.

The register (``imvo.web.register``) is read through its query functions; each criterion of the text
engine gets a verdict and plain-text evidence naming the register records it rests on.
"""

from __future__ import annotations

import re
from typing import Any

from django.apps import apps
from django.utils import timezone

from imvo.core.monitoring.criteria_sets import FOUND, NOT_FOUND, PLANNED
from imvo.web.organisations.models import Organisation

_TRAINING = re.compile(r"\b(?:training|trainingen|schulung\w*|opleiding\w*)\b", re.IGNORECASE)
_GRIEVANCE = re.compile(
    r"\b(?:grievance|complaints?|whistleblow\w*|klacht\w*|beschwerde\w*|hinweisgeber\w*|meldpunt)\b",
    re.IGNORECASE,
)


def register_available() -> bool:
    return apps.is_installed("imvo.web.register")


def has_consent(company: Organisation, monitor: Organisation) -> bool:
    from imvo.web.monitoring.models import RegisterSharingConsent

    return RegisterSharingConsent.objects.filter(
        organisation=company, monitor=monitor, revoked_at__isnull=True
    ).exists()


def verdicts_from_register(company: Organisation) -> tuple[dict[str, str], dict[str, list[dict[str, Any]]]]:
    """Verdicts per criterion and the evidence, from what the company's register holds.

    The caller must have checked consent (:func:`has_consent`); this function only reads.
    """
    from imvo.web.register import queries
    from imvo.web.register.models import FollowUp, FollowUpKind, MeasureStatus

    verdicts: dict[str, str] = {}
    evidence: dict[str, list[dict[str, Any]]] = {}

    def note(criterion: str, verdict: str, text: str) -> None:
        verdicts[criterion] = verdict
        evidence.setdefault(criterion, []).append({"snippet": text, "page": None, "polarity": "register"})

    policy = queries.policies(company).first()
    if policy is not None:
        if policy.endorses_oecd_guidelines or policy.endorses_ungps:
            note("oecd_endorsement", FOUND, f"Policy “{policy.title}” endorses the OECD Guidelines / UNGPs.")
        if policy.responsible_officer:
            note("internal_accountability", FOUND, f"Responsible officer: {policy.responsible_officer}.")
        if _TRAINING.search(policy.management_system):
            note("training", FOUND, "The policy's management system names training.")
        if _GRIEVANCE.search(policy.management_system):
            note("grievance_mechanism", FOUND, "The policy's management system names a grievance channel.")
    risks = queries.risks(company).count()
    if risks:
        note("risk_assessment", FOUND, f"{risks} risks identified and assessed in the register.")
    measures = queries.measures(company)
    active = measures.filter(status__in=[MeasureStatus.IN_PROGRESS, MeasureStatus.DONE]).count()
    if active:
        note("supplier_certification", FOUND, f"{active} measures in progress or done.")
    elif measures.filter(status=MeasureStatus.PLANNED).exists():
        note("supplier_certification", PLANNED, "Measures are planned.")
    follow_ups = FollowUp.objects.filter(
        organisation=company, kind__in=[FollowUpKind.AUDIT, FollowUpKind.VISIT]
    )
    done = follow_ups.filter(done_on__isnull=False, done_on__lte=timezone.localdate()).count()
    if done:
        note("supplier_audits", FOUND, f"{done} audits or site visits done.")
    elif follow_ups.exists():
        note("supplier_audits", PLANNED, "Audits or site visits are planned.")
    remediations = queries.remediations(company).count()
    if remediations:
        note("remediation", FOUND, f"{remediations} remediation records.")
    if queries.published_reports(company).exists():
        note("public_reporting", FOUND, "A due-diligence report is published on the platform.")
    from imvo.core.assessment import CRITERION_IDS

    for criterion in CRITERION_IDS:
        verdicts.setdefault(criterion, NOT_FOUND)
    return verdicts, evidence
