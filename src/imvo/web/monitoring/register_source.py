"""Assessing a platform company from its own due-diligence register — only with its recorded consent.

The register (``imvo.web.register``) is read through its query functions; each criterion of the text
engine gets a verdict and evidence naming the register records it rests on. The evidence is stored as
a message (an English msgid with ``%(name)s`` placeholders) and its values besides the English text,
so the assessment page shows it in the reader's language (:func:`evidence_text`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext, gettext_noop

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


Note = Callable[..., None]


def _policy_verdicts(facts: RegisterFacts, note: Note) -> None:
    policy = facts.policy
    if policy is None:
        return
    if endorses_oecd_guidelines(facts):
        note(
            "oecd_endorsement",
            FOUND,
            gettext_noop("Policy “%(title)s” endorses the OECD Guidelines."),
            title=policy.title,
        )
    if policy.responsible_officer:
        note(
            "internal_accountability",
            FOUND,
            gettext_noop("Responsible officer: %(officer)s."),
            officer=policy.responsible_officer,
        )
    if names_training(facts):
        note("training", FOUND, gettext_noop("The policy's management system names training."))
    if names_grievance_channel(facts):
        note(
            "grievance_mechanism",
            FOUND,
            gettext_noop("The policy's management system names a grievance channel."),
        )


def _work_verdicts(facts: RegisterFacts, note: Note) -> None:
    if facts.risks:
        note(
            "risk_assessment",
            FOUND,
            gettext_noop("%(count)s risks identified and assessed in the register."),
            count=facts.risks,
        )
    if facts.measures.active:
        note(
            "supplier_certification",
            FOUND,
            gettext_noop("%(count)s measures in progress or done."),
            count=facts.measures.active,
        )
    elif facts.measures.planned:
        note("supplier_certification", PLANNED, gettext_noop("Measures are planned."))
    if facts.follow_ups.audits_done:
        note(
            "supplier_audits",
            FOUND,
            gettext_noop("%(count)s audits or site visits done."),
            count=facts.follow_ups.audits_done,
        )
    elif facts.follow_ups.audits:
        note("supplier_audits", PLANNED, gettext_noop("Audits or site visits are planned."))
    if facts.remediations.total:
        note(
            "remediation",
            FOUND,
            gettext_noop("%(count)s remediation records."),
            count=facts.remediations.total,
        )
    if facts.last_report_at is not None:
        note("public_reporting", FOUND, gettext_noop("A due-diligence report is published on the platform."))


def evidence_text(citation: Mapping[str, Any]) -> str:
    """A piece of evidence in the reader's language: a register message translated, a quotation from a
    disclosure as quoted."""
    msgid = citation.get("message")
    if isinstance(msgid, str) and msgid:
        try:
            return gettext(msgid) % dict(citation.get("params") or {})
        except (KeyError, TypeError, ValueError):
            pass
    return str(citation.get("snippet", ""))


def verdicts_from_register(company: Organisation) -> tuple[dict[str, str], dict[str, list[dict[str, Any]]]]:
    """Verdicts per criterion and the evidence, from the facts of the company's register (the same
    facts and definitions as the company's own dashboard, :mod:`imvo.core.register.facts`).

    The caller must have checked consent (:func:`has_consent`); this function only reads.
    """
    from imvo.core.assessment import CRITERION_IDS
    from imvo.web.register.facts import register_facts

    verdicts: dict[str, str] = {}
    evidence: dict[str, list[dict[str, Any]]] = {}

    def note(criterion: str, verdict: str, msgid: str, **params: Any) -> None:
        verdicts[criterion] = verdict
        evidence.setdefault(criterion, []).append(
            {
                "snippet": msgid % params,
                "message": msgid,
                "params": params,
                "page": None,
                "polarity": "register",
            }
        )

    facts = register_facts(company)
    _policy_verdicts(facts, note)
    _work_verdicts(facts, note)
    for criterion in CRITERION_IDS:
        verdicts.setdefault(criterion, NOT_FOUND)
    return verdicts, evidence
