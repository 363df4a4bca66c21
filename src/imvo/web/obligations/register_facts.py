"""The adapter from the due-diligence register (app ``register``) to the engine's register facts.

The rules name register facts by key (``oecd_endorsement``, ``risk_analysis_date``, ``measures_count``,
``child_labour_reasonable_suspicion``, ``child_labour_action_plan_date``). Each key is derived here from
the register's records, with links to the records that show it, so "Your obligations" can point to the
evidence or say what is missing. A fact the register does not show is ``None`` (unknown), never False.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from imvo.core.register.facts import RegisterFacts as RegisterState
from imvo.core.register.facts import endorses_oecd_guidelines, risk_analysis_date
from imvo.web.obligations.models import ObligationProfile
from imvo.web.organisations.models import Organisation
from imvo.web.register.facts import open_child_labour_risks
from imvo.web.register.facts import register_facts as read_register

__all__ = ["EvidenceLink", "RegisterFacts", "open_child_labour_risks", "register_facts"]


@dataclass(frozen=True)
class EvidenceLink:
    label: str
    url: str


@dataclass(frozen=True)
class RegisterFacts:
    values: dict[str, Any] = field(default_factory=dict)
    links: dict[str, list[EvidenceLink]] = field(default_factory=dict)
    """Per register key: where the user sees (or records) the fact."""


def register_facts(
    organisation: Organisation, profile: ObligationProfile | None, *, state: RegisterState | None = None
) -> RegisterFacts:
    """The register keys the rules read, with the register records behind each. ``state``: the
    register's facts when the caller has read them already."""
    values: dict[str, Any] = {}
    links: dict[str, list[EvidenceLink]] = {}
    slug = organisation.slug
    _from_register(organisation, values, links, state or read_register(organisation))
    profile_url = reverse("obligations:profile_edit", kwargs={"org": slug})
    suspicion = profile.child_labour_reasonable_suspicion if profile is not None else None
    plan_date = profile.child_labour_action_plan_date if profile is not None else None
    values["child_labour_reasonable_suspicion"] = suspicion
    values["child_labour_action_plan_date"] = plan_date.isoformat() if plan_date else None
    for key in ("child_labour_reasonable_suspicion", "child_labour_action_plan_date"):
        links[key] = [EvidenceLink(_("Legal facts"), f"{profile_url}#id_{key}")]
    return RegisterFacts(values, links)


def _from_register(
    organisation: Organisation,
    values: dict[str, Any],
    links: dict[str, list[EvidenceLink]],
    facts: RegisterState,
) -> None:
    from imvo.web.register.models import Scan, ScanStatus

    slug = organisation.slug

    def url(name: str, **kwargs: Any) -> str:
        return reverse(f"register:{name}", kwargs={"org": slug, **kwargs})

    # Only an explicit endorsement counts (RVO's IMVO check); its absence is "not shown", not "no".
    endorses = endorses_oecd_guidelines(facts)
    values["oecd_endorsement"] = True if endorses else None
    links["oecd_endorsement"] = [
        EvidenceLink(facts.policy.title if endorses and facts.policy else _("Policy"), url("policy"))
    ]

    analysed_on = risk_analysis_date(facts)
    values["risk_analysis_date"] = analysed_on.isoformat() if analysed_on else None
    last_list = (
        Scan.objects.filter(organisation=organisation, status=ScanStatus.DONE)
        .order_by("-applied_at", "-id")
        .first()
    )
    risk_links = [EvidenceLink(_("Risks"), url("risks"))]
    if last_list is not None:
        risk_links.insert(0, EvidenceLink(str(last_list), url("scan_detail", scan_id=last_list.pk)))
    else:
        risk_links.append(EvidenceLink(_("Scans"), url("scans")))
    links["risk_analysis_date"] = risk_links

    values["measures_count"] = facts.measures.total
    links["measures_count"] = [EvidenceLink(_("Measures"), url("measures"))]
