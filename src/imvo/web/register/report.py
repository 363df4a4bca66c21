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

from imvo.core.risk.themes import theme_label
from imvo.web.organisations.models import Organisation
from imvo.web.register import maturity
from imvo.web.register.facts import overdue_follow_up_filter
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


def _policy_section(organisation: Organisation) -> dict[str, Any] | None:
    policy = Policy.objects.filter(organisation=organisation).order_by("-adopted_on", "-id").first()
    if policy is None:
        return None
    return {
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
    }


def _counts(rows: Any, field: str) -> dict[str, int]:
    return dict(rows.values_list(field).annotate(n=Count("id")).values_list(field, "n"))


def _public_measures(organisation: Organisation) -> Any:
    return Measure.objects.filter(organisation=organisation, confidential=False, risk__confidential=False)


def _measures_of_top_risks(
    organisation: Organisation, risk_ids: list[int]
) -> dict[int, list[dict[str, Any]]]:
    kinds = dict(MeasureKind.choices)
    statuses = dict(MeasureStatus.choices)
    measures_for: dict[int, list[dict[str, Any]]] = {}
    for row in (
        _public_measures(organisation)
        .filter(risk_id__in=risk_ids)
        .values("risk_id", "kind", "description", "status", "due_on")
        .order_by("risk_id", "id")
    ):
        measures_for.setdefault(row["risk_id"], []).append(
            {
                "kind": str(kinds.get(row["kind"], row["kind"])),
                "description": row["description"],
                "status": str(statuses.get(row["status"], row["status"])),
                "due_on": _date(row["due_on"]),
            }
        )
    return measures_for


def _risk_section(organisation: Organisation, language: str) -> dict[str, Any]:
    public_risks = Risk.objects.filter(organisation=organisation, confidential=False)
    top_risks = list(
        public_risks.exclude(status=RiskStatus.CLOSED)
        .values("id", "title", "theme", "area", "country", "good", "salience", "status")
        .order_by(*RISK_ORDER)[:TOP_RISKS_IN_REPORT]
    )
    themes = Counter(_counts(public_risks.exclude(theme=""), "theme"))
    areas = _counts(public_risks, "area")
    statuses = _counts(public_risks, "status")
    area_labels = dict(RiskArea.choices)
    risk_statuses = dict(RiskStatus.choices)
    measures_for = _measures_of_top_risks(organisation, [row["id"] for row in top_risks])
    return {
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
    }


def _measure_section(organisation: Organisation) -> dict[str, Any]:
    public_measures = _public_measures(organisation)
    kinds = dict(MeasureKind.choices)
    statuses = dict(MeasureStatus.choices)
    by_kind = _counts(public_measures, "kind")
    by_status = _counts(public_measures, "status")
    return {
        "total": sum(by_status.values()),
        "by_kind": [{"kind": str(kinds.get(k, k)), "count": n} for k, n in sorted(by_kind.items())],
        "by_status": [{"status": str(statuses.get(s, s)), "count": n} for s, n in sorted(by_status.items())],
    }


def _tracking_section(organisation: Organisation) -> dict[str, int]:
    counts: dict[str, int] = FollowUp.objects.filter(measure__in=_public_measures(organisation)).aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(done_on__isnull=False)),
        overdue=Count("id", filter=overdue_follow_up_filter(timezone.localdate())),
    )
    return counts


def _engagement_section(organisation: Organisation) -> list[dict[str, Any]]:
    return [
        {
            "held_on": _date(row["held_on"]),
            "stakeholder": row["stakeholder"],
            "method": row["method"],
            "outcome": row["outcome"],
        }
        for row in StakeholderEngagement.objects.filter(organisation=organisation, confidential=False)
        .values("held_on", "stakeholder", "method", "outcome")
        .order_by("-held_on")[:50]
    ]


def _remediation_section(organisation: Organisation) -> list[dict[str, Any]]:
    statuses = dict(RemediationStatus.choices)
    return [
        {
            "description": row["description"],
            "status": str(statuses.get(row["status"], row["status"])),
            "provided_on": _date(row["provided_on"]),
        }
        for row in RemediationRecord.objects.filter(
            organisation=organisation, confidential=False, risk__confidential=False
        )
        .values("description", "status", "provided_on")
        .order_by("-created_at")[:50]
    ]


def build_report_content(
    organisation: Organisation, *, title: str, version: int, published_at: dt.datetime
) -> dict[str, Any]:
    """What the public report says, as plain JSON (frozen with the published version)."""
    language = "nl" if (get_language() or "en").startswith("nl") else "en"
    return {
        "format": 1,
        "language": language,
        "organisation": organisation.name,
        "title": title,
        "version": version,
        "published_at": published_at.isoformat(),
        "policy": _policy_section(organisation),
        "risks": _risk_section(organisation, language),
        "measures": _measure_section(organisation),
        "tracking": _tracking_section(organisation),
        "engagements": _engagement_section(organisation),
        "remediation": _remediation_section(organisation),
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


class _PdfWriter:
    """The report's PDF, section by section, in a built-in font (Latin-1: Dutch and English)."""

    def __init__(self, content: dict[str, Any]) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(format="A4")
        self.pdf.set_creation_date(dt.datetime.fromisoformat(content["published_at"]))
        self.pdf.set_title(_pdf_text(content["title"]))
        self.pdf.set_author(_pdf_text(content["organisation"]))
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.pdf.add_page()

    def heading(self, text: str, size: int = 13) -> None:
        self.pdf.set_font("helvetica", "B", size)
        self.pdf.multi_cell(0, 8, _pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_font("helvetica", "", 10)

    def line(self, text: str) -> None:
        self.pdf.multi_cell(0, 5, _pdf_text(text), new_x="LMARGIN", new_y="NEXT")

    def space(self, height: float) -> None:
        self.pdf.ln(height)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _pdf_opening(pdf: _PdfWriter, content: dict[str, Any]) -> None:
    pdf.heading(content["title"], 16)
    pdf.line(
        f"{content['organisation']} - {_('version')} {content['version']} - {content['published_at'][:10]}"
    )
    pdf.space(3)
    if since := content.get("since_previous"):
        pdf.heading(_("Since the previous report"))
        pdf.line(
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


def _pdf_policy(pdf: _PdfWriter, policy: dict[str, Any] | None) -> None:
    pdf.heading(_("Step 1: Policy"))
    if policy is None:
        pdf.line(_("No policy has been recorded."))
        return
    pdf.line(f"{policy['title']} ({_('adopted')}: {policy['adopted_on'] or '-'})")
    if policy["board_approved_on"]:
        pdf.line(f"{_('Board approval')}: {policy['board_approved_on']}")
    if policy["endorses_oecd_guidelines"]:
        pdf.line(
            _("Endorses the OECD Guidelines for Multinational Enterprises on Responsible Business Conduct.")
        )
    if policy["endorses_ungps"]:
        pdf.line(_("Endorses the UN Guiding Principles on Business and Human Rights."))
    if policy["responsible_officer"]:
        pdf.line(f"{_('Responsible officer')}: {policy['responsible_officer']}")
    if policy["document_url"]:
        pdf.line(policy["document_url"])


def _pdf_risks_and_measures(pdf: _PdfWriter, content: dict[str, Any]) -> None:
    pdf.space(2)
    pdf.heading(_("Step 2: Identified risks"))
    risks = content["risks"]
    pdf.line(f"{_('Risks in the register')}: {risks['total']}")
    for row in risks["by_theme"]:
        pdf.line(f"  {row['theme']}: {row['count']}")
    pdf.heading(_("Most salient risks"), 11)
    for row in risks["most_salient"]:
        pdf.line(
            f"- {row['title']} [{row['area']}; {_('salience')} {row['salience'] or '-'}; {row['status']}]"
        )
        for measure in row["measures"]:
            pdf.line(f"     {measure['kind']}: {measure['description']} ({measure['status']})")
    pdf.space(2)
    pdf.heading(_("Step 3: Measures"))
    pdf.line(f"{_('Measures')}: {content['measures']['total']}")
    for row in content["measures"]["by_kind"]:
        pdf.line(f"  {row['kind']}: {row['count']}")
    pdf.heading(_("Step 4: Tracking"))
    tracking = content["tracking"]
    pdf.line(
        _("%(done)s of %(total)s follow-ups carried out; %(overdue)s overdue.")
        % {"done": tracking["done"], "total": tracking["total"], "overdue": tracking["overdue"]}
    )


def _pdf_engagement_and_remedy(pdf: _PdfWriter, content: dict[str, Any]) -> None:
    pdf.heading(_("Stakeholder engagement"))
    for row in content["engagements"]:
        pdf.line(f"- {row['held_on']}: {row['stakeholder']} ({row['method']}) {row['outcome']}")
    if not content["engagements"]:
        pdf.line(_("None recorded."))
    pdf.heading(_("Step 6: Remediation"))
    for row in content["remediation"]:
        pdf.line(f"- {row['description']} ({row['status']})")
    if not content["remediation"]:
        pdf.line(_("None recorded."))
    if grievances := content.get("grievances"):
        pdf.line(
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


def render_report_pdf(content: dict[str, Any]) -> bytes:
    pdf = _PdfWriter(content)
    _pdf_opening(pdf, content)
    _pdf_policy(pdf, content["policy"])
    _pdf_risks_and_measures(pdf, content)
    _pdf_engagement_and_remedy(pdf, content)
    pdf.heading(_("Where we stand"))
    for row in content["maturity"]:
        pdf.line(f"{row['step']}. {row['title']}: {row['level_label']}")
    return pdf.output()
