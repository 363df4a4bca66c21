"""Translatable labels for the core's ids (criteria, steps, NAP classes, segments, instruments)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from imvo.core.monitoring.sectors import sector_name

CRITERION_LABELS: dict[str, Promise] = {
    "oecd_endorsement": _("Explicit endorsement of the OECD Guidelines / UNGPs"),
    "risk_assessment": _("Risk assessment or supply-chain verification"),
    "supplier_audits": _("Supplier audits"),
    "supplier_certification": _("Supplier certification or contractual commitments"),
    "internal_accountability": _("Internal accountability"),
    "training": _("Training"),
    "grievance_mechanism": _("Grievance mechanism"),
    "remediation": _("Remediation"),
    "public_reporting": _("Public reporting"),
}

#: Keys of imvo.core.monitoring.CRITERIA_SETS (the sets themselves live in the core only).
CRITERIA_SET_LABELS: dict[str, Promise] = {
    "endorsement": _("Explicit endorsement of the OECD Guidelines / UNGPs"),
    "oecd_steps": _("Evidence for each of the six OECD due-diligence steps"),
    "german_nap": _("German NAP five core elements"),
}

VERDICT_LABELS: dict[str, Promise] = {
    "found": _("Found"),
    "planned": _("Planned"),
    "explicitly_not_done": _("Explicitly not done"),
    "not_found": _("Not found"),
    "explained": _("Explained (comply-or-explain)"),
}

STEP_LABELS: dict[str, Promise] = {
    "1": _("1. Embed responsible business conduct in policies and management systems"),
    "2": _("2. Identify and assess adverse impacts"),
    "3": _("3. Cease, prevent or mitigate adverse impacts"),
    "4": _("4. Track implementation and results"),
    "5": _("5. Communicate how impacts are addressed"),
    "6": _("6. Provide for or cooperate in remediation"),
}

MEASURE_LABELS: dict[str, Promise] = {
    "endorsement": _("Explicit endorsement"),
    "step": _("OECD steps among endorsers"),
    "endorsement_by_sector": _("Endorsement by sector"),
    "endorsement_by_size": _("Endorsement by size class (employees)"),
    "segment": _("Maturity segments"),
    "nap": _("German NAP classification"),
}

NAP_LABELS: dict[str, Promise] = {
    "compliant": _("Compliant"),
    "on_a_good_path": _("On a good path"),
    "with_implementation_plan": _("With implementation plan"),
    "not_compliant": _("Not compliant"),
}

SEGMENT_LABELS: dict[str, Promise] = {
    "frontrunners": _("Frontrunners"),
    "peloton": _("Peloton"),
    "laggards": _("Laggards"),
}

INSTRUMENT_LABELS: dict[str, Promise] = {
    "inform": _("Inform"),
    "facilitate": _("Facilitate"),
    "incentivise": _("Incentivise"),
    "set_conditions": _("Set conditions"),
    "oblige": _("Oblige"),
}

NAP_ELEMENT_LABELS: dict[str, Promise] = {
    "policy_statement": _("Policy statement"),
    "risk_procedure": _("Procedure to identify adverse impacts"),
    "measures_with_effectiveness_checks": _("Measures and tracking of their effectiveness"),
    "reporting": _("Reporting"),
    "grievance_mechanism": _("Grievance mechanism"),
}

STATUS_LABELS: dict[str, Promise] = {
    "met": _("Met"),
    "explained": _("Explained"),
    "partial": _("Partial"),
    "planned": _("Planned"),
    "not_met": _("Not met"),
}


SIZE_AND_SECTOR_LABELS: dict[str, Promise] = {
    "up to 500": _("up to 500"),
    "501-999": _("501-999"),
    "1,000-4,999": _("1,000-4,999"),
    "5,000 and more": _("5,000 and more"),
    "unknown": _("unknown"),
}


def language_code() -> str:
    """The request's language as the core's data knows it (``nl`` or ``en``)."""
    return "nl" if (get_language() or "en").startswith("nl") else "en"


def size_label(size: str) -> str:
    return str(SIZE_AND_SECTOR_LABELS.get(size, size))


def sector_label(code: str) -> str:
    """An SBI code by its sector name in the request's language, e.g. "Groothandel (46)"."""
    if not code or code == "unknown":
        return str(SIZE_AND_SECTOR_LABELS["unknown"])
    return sector_name(code, language_code())


def group_label(measure: str, group: str) -> str:
    if measure == "step":
        return str(STEP_LABELS.get(group, group))
    if measure == "nap":
        return str(NAP_LABELS.get(group, group))
    if measure == "segment":
        return str(SEGMENT_LABELS.get(group, group))
    if measure == "endorsement":
        return str(_("All assessed companies"))
    if measure == "endorsement_by_sector":
        return sector_label(group)
    return size_label(group)
