"""Assessing a platform company from its own due-diligence register — only with its recorded consent.

The register (``imvo.web.register``) is read through its query functions; each criterion of the text
engine gets a verdict and plain-text evidence naming the register records it rests on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from imvo.core.monitoring.criteria_sets import FOUND, NOT_FOUND, PLANNED
from imvo.core.register.facts import (
    RegisterFacts,
    endorses_oecd_guidelines,
    names_grievance_channel,
    names_training,
)
from imvo.web.organisations.models import Organisation


def has_consent(company: Organisation, monitor: Organisation) -> bool:
    from imvo.web.monitoring.models import RegisterSharingConsent

    return RegisterSharingConsent.objects.filter(
        organisation=company, monitor=monitor, revoked_at__isnull=True
    ).exists()


Note = Callable[[str, str, str], None]


def _policy_verdicts(facts: RegisterFacts, note: Note) -> None:
    policy = facts.policy
    if policy is None:
        return
    if endorses_oecd_guidelines(facts):
        note("oecd_endorsement", FOUND, f"Policy “{policy.title}” endorses the OECD Guidelines.")
    if policy.responsible_officer:
        note("internal_accountability", FOUND, f"Responsible officer: {policy.responsible_officer}.")
    if names_training(facts):
        note("training", FOUND, "The policy's management system names training.")
    if names_grievance_channel(facts):
        note("grievance_mechanism", FOUND, "The policy's management system names a grievance channel.")


def _work_verdicts(facts: RegisterFacts, note: Note) -> None:
    if facts.risks:
        note("risk_assessment", FOUND, f"{facts.risks} risks identified and assessed in the register.")
    if facts.measures.active:
        note("supplier_certification", FOUND, f"{facts.measures.active} measures in progress or done.")
    elif facts.measures.planned:
        note("supplier_certification", PLANNED, "Measures are planned.")
    if facts.follow_ups.audits_done:
        note("supplier_audits", FOUND, f"{facts.follow_ups.audits_done} audits or site visits done.")
    elif facts.follow_ups.audits:
        note("supplier_audits", PLANNED, "Audits or site visits are planned.")
    if facts.remediations.total:
        note("remediation", FOUND, f"{facts.remediations.total} remediation records.")
    if facts.last_report_at is not None:
        note("public_reporting", FOUND, "A due-diligence report is published on the platform.")


def verdicts_from_register(company: Organisation) -> tuple[dict[str, str], dict[str, list[dict[str, Any]]]]:
    """Verdicts per criterion and the evidence, from the facts of the company's register (the same
    facts and definitions as the company's own dashboard, :mod:`imvo.core.register.facts`).

    The caller must have checked consent (:func:`has_consent`); this function only reads.
    """
    from imvo.core.assessment import CRITERION_IDS
    from imvo.web.register.facts import register_facts

    verdicts: dict[str, str] = {}
    evidence: dict[str, list[dict[str, Any]]] = {}

    def note(criterion: str, verdict: str, text: str) -> None:
        verdicts[criterion] = verdict
        evidence.setdefault(criterion, []).append({"snippet": text, "page": None, "polarity": "register"})

    facts = register_facts(company)
    _policy_verdicts(facts, note)
    _work_verdicts(facts, note)
    for criterion in CRITERION_IDS:
        verdicts.setdefault(criterion, NOT_FOUND)
    return verdicts, evidence
