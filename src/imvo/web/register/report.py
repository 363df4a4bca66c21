"""The public due-diligence report (OECD step 5), built from the register.

``build_report_content`` gathers what may be published into plain JSON: confidential risks,
measures, engagements and remediation records are left out, and so are supplier names (commercially
sensitive; the report speaks of goods, countries and themes). The content is frozen in a
``PublishedReport`` together with its HTML and PDF renderings, so a published version never changes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from imvo.web.organisations.models import Organisation
from imvo.web.register import maturity
from imvo.web.register.jobs import theme_label
from imvo.web.register.models import (
    RISK_ORDER,
    FollowUp,
    Measure,
    MeasureKind,
    MeasureStatus,
    Policy,
    PublishedReport,
    RemediationRecord,
    RemediationStatus,
    Risk,
    RiskArea,
    RiskStatus,
    StakeholderEngagement,
)

TOP_RISKS_IN_REPORT = 25


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


#: Aggregate figures that apps above the register add to the public report, under their key in the
#: content (``grievances``: step 6's complaint figures). Each app registers its provider in its
#: ``AppConfig.ready()``, so the register imports none of them.
REPORT_FIGURES: dict[str, Callable[[Organisation], dict[str, int] | None]] = {}


def add_report_figures(key: str, provider: Callable[[Organisation], dict[str, int] | None]) -> None:
    REPORT_FIGURES[key] = provider


def _since_previous(
    organisation: Organisation, version: int, published_at: dt.datetime
) -> dict[str, Any] | None:
    """The period since the previous published version: risks new and closed, measures completed."""
    from imvo.web.register.queries import changes_between

    previous = (
        PublishedReport.objects.filter(organisation=organisation, version__lt=version)
        .order_by("-version")
        .values("version", "published_at")
        .first()
    )
    if previous is None:
        return None
    return {
        "version": previous["version"],
        "published_at": previous["published_at"].isoformat(),
        **changes_between(organisation, previous["published_at"], published_at),
    }


def build_report_content(
    organisation: Organisation, *, title: str, version: int, published_at: dt.datetime
) -> dict[str, Any]:
    language = "nl" if (get_language() or "en").startswith("nl") else "en"
    policy = Policy.objects.filter(organisation=organisation).order_by("-adopted_on", "-id").first()
    public_risks = Risk.objects.filter(organisation=organisation, confidential=False)
    top_risks = list(
        public_risks.exclude(status=RiskStatus.CLOSED)
        .annotate(public_measures=Count("measures", filter=Q(measures__confidential=False)))
        .values("id", "title", "theme", "area", "country", "good", "salience", "status", "public_measures")
        .order_by(*RISK_ORDER)[:TOP_RISKS_IN_REPORT]
    )
    themes = Counter(
        dict(
            public_risks.exclude(theme="")
            .values_list("theme")
            .annotate(n=Count("id"))
            .values_list("theme", "n")
        )
    )
    areas = dict(public_risks.values_list("area").annotate(n=Count("id")).values_list("area", "n"))
    statuses = dict(public_risks.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    public_measures = Measure.objects.filter(
        organisation=organisation, confidential=False, risk__confidential=False
    )
    measures_by_kind = dict(
        public_measures.values_list("kind").annotate(n=Count("id")).values_list("kind", "n")
    )
    measures_by_status = dict(
        public_measures.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    measure_rows = list(
        public_measures.filter(risk_id__in=[row["id"] for row in top_risks])
        .values("risk_id", "kind", "description", "status", "due_on")
        .order_by("risk_id", "id")
    )
    today = timezone.localdate()
    follow_ups = FollowUp.objects.filter(measure__in=public_measures).aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(done_on__isnull=False)),
        overdue=Count("id", filter=Q(done_on__isnull=True, planned_on__lt=today)),
    )
    engagements = list(
        StakeholderEngagement.objects.filter(organisation=organisation, confidential=False)
        .values("held_on", "stakeholder", "method", "outcome")
        .order_by("-held_on")[:50]
    )
    remediations = list(
        RemediationRecord.objects.filter(
            organisation=organisation, confidential=False, risk__confidential=False
        )
        .values("description", "status", "provided_on")
        .order_by("-created_at")[:50]
    )
    kinds = dict(MeasureKind.choices)
    measure_statuses = dict(MeasureStatus.choices)
    risk_statuses = dict(RiskStatus.choices)
    area_labels = dict(RiskArea.choices)
    remedy_statuses = dict(RemediationStatus.choices)
    measures_for: dict[int, list[dict[str, Any]]] = {}
    for row in measure_rows:
        measures_for.setdefault(row["risk_id"], []).append(
            {
                "kind": str(kinds.get(row["kind"], row["kind"])),
                "description": row["description"],
                "status": str(measure_statuses.get(row["status"], row["status"])),
                "due_on": _date(row["due_on"]),
            }
        )
    return {
        "format": 1,
        "language": language,
        "organisation": organisation.name,
        "title": title,
        "version": version,
        "published_at": published_at.isoformat(),
        "policy": None
        if policy is None
        else {
            "title": policy.title,
            "document_url": policy.document_url,
            "adopted_on": _date(policy.adopted_on),
            "board_approved_on": _date(policy.board_approved_on),
            "endorses_oecd_guidelines": policy.endorses_oecd_guidelines,
            "endorses_ungps": policy.endorses_ungps,
            "endorsed_on": _date(policy.endorsed_on),
            "endorsement_evidence_url": policy.endorsement_evidence_url,
            "responsible_officer": policy.responsible_officer,
            "management_system": policy.management_system,
        },
        "risks": {
            "total": sum(statuses.values()),
            "by_theme": [{"theme": theme_label(t, language), "count": n} for t, n in themes.most_common()],
            "by_area": [{"area": str(area_labels.get(a, a)), "count": n} for a, n in sorted(areas.items())],
            "by_status": [
                {"status": str(risk_statuses.get(s, s)), "count": n} for s, n in sorted(statuses.items())
            ],
            "most_salient": [
                {
                    "title": row["title"],
                    "theme": theme_label(row["theme"], language) if row["theme"] else "",
                    "area": str(area_labels.get(row["area"], row["area"])),
                    "country": row["country"],
                    "salience": row["salience"],
                    "status": str(risk_statuses.get(row["status"], row["status"])),
                    "measures": measures_for.get(row["id"], []),
                }
                for row in top_risks
            ],
        },
        "measures": {
            "total": sum(measures_by_status.values()),
            "by_kind": [
                {"kind": str(kinds.get(k, k)), "count": n} for k, n in sorted(measures_by_kind.items())
            ],
            "by_status": [
                {"status": str(measure_statuses.get(s, s)), "count": n}
                for s, n in sorted(measures_by_status.items())
            ],
        },
        "tracking": follow_ups,
        "engagements": [
            {
                "held_on": _date(row["held_on"]),
                "stakeholder": row["stakeholder"],
                "method": row["method"],
                "outcome": row["outcome"],
            }
            for row in engagements
        ],
        "remediation": [
            {
                "description": row["description"],
                "status": str(remedy_statuses.get(row["status"], row["status"])),
                "provided_on": _date(row["provided_on"]),
            }
            for row in remediations
        ],
        "grievances": None,
        **{key: provider(organisation) for key, provider in REPORT_FIGURES.items()},
        "since_previous": _since_previous(organisation, version, published_at),
        "maturity": [
            {
                "step": step.number,
                "title": str(step.title),
                "level": step.level,
                "level_label": str(step.level_label),
            }
            for step in maturity.assess(organisation, publishing_at=published_at)
        ],
    }


def render_report_html(content: dict[str, Any]) -> str:
    return render_to_string("register/report_public_body.html", {"report": content})


_PDF_REPLACEMENTS = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "€": "EUR ",
        "•": "-",
        "\u00a0": " ",
    }
)


def _pdf_text(value: Any) -> str:
    # The PDF uses a built-in font (no font file to ship); it covers Latin-1, which Dutch and English need.
    text = "" if value is None else str(value)
    return text.translate(_PDF_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")


def render_report_pdf(content: dict[str, Any]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime.fromisoformat(content["published_at"]))
    pdf.set_title(_pdf_text(content["title"]))
    pdf.set_author(_pdf_text(content["organisation"]))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()

    def heading(text: str, size: int = 13) -> None:
        pdf.set_font("helvetica", "B", size)
        pdf.multi_cell(0, 8, _pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 10)

    def line(text: str) -> None:
        pdf.multi_cell(0, 5, _pdf_text(text), new_x="LMARGIN", new_y="NEXT")

    heading(content["title"], 16)
    line(f"{content['organisation']} - {_('version')} {content['version']} - {content['published_at'][:10]}")
    pdf.ln(3)
    if since := content.get("since_previous"):
        heading(_("Since the previous report"))
        line(
            _(
                "Since version %(version)s (%(date)s): %(closed)s risks closed, %(new)s new, "
                "%(completed)s measures completed."
            )
            % {
                "version": since["version"],
                "date": since["published_at"][:10],
                "closed": since["risks_closed"],
                "new": since["risks_new"],
                "completed": since["measures_completed"],
            }
        )
    heading(_("Step 1: Policy"))
    policy = content["policy"]
    if policy is None:
        line(_("No policy has been recorded."))
    else:
        line(f"{policy['title']} ({_('adopted')}: {policy['adopted_on'] or '-'})")
        if policy["board_approved_on"]:
            line(f"{_('Board approval')}: {policy['board_approved_on']}")
        if policy["endorses_oecd_guidelines"]:
            line(
                _(
                    "Endorses the OECD Guidelines for Multinational Enterprises "
                    "on Responsible Business Conduct."
                )
            )
        if policy["endorses_ungps"]:
            line(_("Endorses the UN Guiding Principles on Business and Human Rights."))
        if policy["responsible_officer"]:
            line(f"{_('Responsible officer')}: {policy['responsible_officer']}")
        if policy["document_url"]:
            line(policy["document_url"])
    pdf.ln(2)
    heading(_("Step 2: Identified risks"))
    risks = content["risks"]
    line(f"{_('Risks in the register')}: {risks['total']}")
    for row in risks["by_theme"]:
        line(f"  {row['theme']}: {row['count']}")
    heading(_("Most salient risks"), 11)
    for row in risks["most_salient"]:
        line(f"- {row['title']} [{row['area']}; {_('salience')} {row['salience'] or '-'}; {row['status']}]")
        for measure in row["measures"]:
            line(f"     {measure['kind']}: {measure['description']} ({measure['status']})")
    pdf.ln(2)
    heading(_("Step 3: Measures"))
    line(f"{_('Measures')}: {content['measures']['total']}")
    for row in content["measures"]["by_kind"]:
        line(f"  {row['kind']}: {row['count']}")
    heading(_("Step 4: Tracking"))
    tracking = content["tracking"]
    line(
        _("%(done)s of %(total)s follow-ups carried out; %(overdue)s overdue.")
        % {"done": tracking["done"], "total": tracking["total"], "overdue": tracking["overdue"]}
    )
    heading(_("Stakeholder engagement"))
    for row in content["engagements"]:
        line(f"- {row['held_on']}: {row['stakeholder']} ({row['method']}) {row['outcome']}")
    if not content["engagements"]:
        line(_("None recorded."))
    heading(_("Step 6: Remediation"))
    for row in content["remediation"]:
        line(f"- {row['description']} ({row['status']})")
    if not content["remediation"]:
        line(_("None recorded."))
    if grievances := content.get("grievances"):
        line(
            _(
                "Grievance mechanism: %(received)s complaints received, %(open)s open, "
                "%(substantiated)s substantiated; %(delivered)s of %(planned)s remedy actions delivered."
            )
            % {
                "received": grievances["cases_received"],
                "open": grievances["cases_open"],
                "substantiated": grievances["cases_substantiated"],
                "delivered": grievances["remedies_delivered"],
                "planned": grievances["remedies_planned"],
            }
        )
    heading(_("Where we stand"))
    for row in content["maturity"]:
        line(f"{row['step']}. {row['title']}: {row['level_label']}")
    return bytes(pdf.output())
