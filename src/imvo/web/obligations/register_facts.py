"""The adapter from the due-diligence register (app ``register``) to the engine's register facts.

The rules name register facts by key (``oecd_endorsement``, ``risk_analysis_date``, ``measures_count``,
``child_labour_reasonable_suspicion``, ``child_labour_action_plan_date``). Each key is derived here from
the register's records, with links to the records that show it, so "Your obligations" can point to the
evidence or say what is missing. A fact the register does not show is ``None`` (unknown), never False.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from imvo.core.risk.themes import THEMES
from imvo.web.obligations.models import ObligationProfile
from imvo.web.organisations.models import Organisation

REGISTER_APP = "imvo.web.register"
#: The register's themes about children (the scan's "child_labour" and "forced_child_labour"; a
#: grievance about child labour creates a risk with the theme "child_labour").
CHILD_LABOUR_THEMES = frozenset(theme.id for theme in THEMES if theme.concerns_children)


@dataclass(frozen=True)
class EvidenceLink:
    label: str
    url: str


@dataclass(frozen=True)
class RegisterFacts:
    values: dict[str, Any] = field(default_factory=dict)
    links: dict[str, list[EvidenceLink]] = field(default_factory=dict)
    """Per register key: where the user sees (or records) the fact."""


def register_facts(organisation: Organisation, profile: ObligationProfile | None) -> RegisterFacts:
    """The register keys the rules read, with the register records behind each."""
    values: dict[str, Any] = {}
    links: dict[str, list[EvidenceLink]] = {}
    slug = organisation.slug
    if apps.is_installed(REGISTER_APP):
        _from_register(organisation, values, links)
    profile_url = reverse("obligations:profile_edit", kwargs={"org": slug})
    suspicion = profile.child_labour_reasonable_suspicion if profile is not None else None
    plan_date = profile.child_labour_action_plan_date if profile is not None else None
    values["child_labour_reasonable_suspicion"] = suspicion
    values["child_labour_action_plan_date"] = plan_date.isoformat() if plan_date else None
    for key in ("child_labour_reasonable_suspicion", "child_labour_action_plan_date"):
        links[key] = [EvidenceLink(_("Legal facts"), f"{profile_url}#id_{key}")]
    return RegisterFacts(values, links)


def _from_register(
    organisation: Organisation, values: dict[str, Any], links: dict[str, list[EvidenceLink]]
) -> None:
    from imvo.web.register.models import Measure, MeasureStatus, Policy, Scan, ScanStatus, SeverityJudgement

    slug = organisation.slug

    def url(name: str, **kwargs: Any) -> str:
        return reverse(f"register:{name}", kwargs={"org": slug, **kwargs})

    endorsing = (
        Policy.objects.filter(organisation=organisation, endorses_oecd_guidelines=True)
        .order_by("-adopted_on", "-id")
        .first()
    )
    # Only an explicit endorsement counts (RVO's IMVO check); its absence is "not shown", not "no".
    values["oecd_endorsement"] = True if endorsing is not None else None
    links["oecd_endorsement"] = (
        [EvidenceLink(endorsing.title, url("policy"))]
        if endorsing
        else [EvidenceLink(_("Policy"), url("policy"))]
    )

    last_scan = (
        Scan.objects.filter(organisation=organisation, status=ScanStatus.DONE, finished_at__isnull=False)
        .order_by("-finished_at", "-id")
        .first()
    )
    last_judgement = SeverityJudgement.objects.filter(organisation=organisation).aggregate(
        latest=Max("created_at")
    )["latest"]
    # The risk analysis is the latest completed supplier scan or recorded severity judgement.
    days: list[date] = []
    if last_scan is not None and last_scan.finished_at is not None:
        days.append(last_scan.finished_at.date())
    if last_judgement is not None:
        days.append(last_judgement.date())
    values["risk_analysis_date"] = max(days).isoformat() if days else None
    risk_links = [EvidenceLink(_("Risks"), url("risks"))]
    if last_scan is not None:
        risk_links.insert(0, EvidenceLink(str(last_scan), url("scan_detail", scan_id=last_scan.pk)))
    else:
        risk_links.append(EvidenceLink(_("Scans"), url("scans")))
    links["risk_analysis_date"] = risk_links

    values["measures_count"] = (
        Measure.objects.filter(organisation=organisation).exclude(status=MeasureStatus.CANCELLED).count()
    )
    links["measures_count"] = [EvidenceLink(_("Measures"), url("measures"))]


def open_child_labour_risks(organisation: Organisation) -> int:
    """How many child-labour risks in the organisation's register are not closed.

    While there are any, the organisation cannot declare "no reasonable suspicion of child labour".
    """
    if not apps.is_installed(REGISTER_APP):
        return 0
    from imvo.web.register.models import Risk, RiskStatus

    return (
        Risk.objects.filter(organisation=organisation, theme__in=CHILD_LABOUR_THEMES)
        .exclude(status=RiskStatus.CLOSED)
        .count()
    )
