"""The public due-diligence report (OECD step 5), built from the register.

``build_report_content`` gathers what may be published into plain JSON: confidential risks,
measures, engagements and remediation records are left out, and so are supplier names (commercially
sensitive; the report speaks of goods, countries and themes). The content is frozen in a
``PublishedReport`` together with its HTML and PDF renderings, so a published version never changes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from imvo.core import pdf
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
    RiskSource,
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


def _risk_title(row: Mapping[str, Any], language: str) -> str:
    """A found risk's heading in the report's language; a risk entered by hand keeps its title."""
    if row["source"] != RiskSource.SCAN or not row["theme"]:
        return str(row["title"])
    from imvo.core.risk.headings import risk_heading

    return risk_heading(
        row["theme"], row["good"], row["country"], row["input_good"], row["input_country"], language
    )


def _risk_section(organisation: Organisation, language: str) -> dict[str, Any]:
    public_risks = Risk.objects.filter(organisation=organisation, confidential=False)
    top_risks = list(
        public_risks.exclude(status=RiskStatus.CLOSED)
        .values(
            "id",
            "title",
            "source",
            "theme",
            "area",
            "country",
            "good",
            "input_good",
            "input_country",
            "salience",
            "status",
        )
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
                "title": _risk_title(row, language),
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


def _scan_coverage_section(organisation: Organisation) -> dict[str, Any]:
    """What the last merged scan looked at, and where the public open risks are (country x theme):
    a reader must see that no finding is not proof of no risk."""
    from imvo.web.register import queries

    last_scan = queries.latest_completed_scan(organisation)
    open_public_risks = Risk.objects.filter(organisation=organisation, confidential=False).exclude(
        status=RiskStatus.CLOSED
    )
    return {
        "coverage": (last_scan.summary or {}).get("coverage") if last_scan else None,
        "heat_map": queries.country_theme_heat_map(open_public_risks),
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
        **_scan_coverage_section(organisation),
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


def _day(value: str | None, language: str) -> str:
    """A stored ISO date, or the local day of a stored ISO timestamp, as the reader writes it."""
    if not value:
        return "–"
    if "T" in value:
        return pdf.format_date(timezone.localdate(dt.datetime.fromisoformat(value)), language)
    return pdf.format_date(dt.date.fromisoformat(value), language)


def _count(value: int, language: str) -> str:
    return pdf.format_number(value, language)


def _count_bars(title: str, rows: list[dict[str, Any]], key: str, language: str) -> pdf.Block:
    return pdf.bar_chart(
        title, [pdf.Bar(str(row[key]), row["count"], _count(row["count"], language)) for row in rows]
    )


def _pdf_since_previous(content: dict[str, Any], language: str) -> list[pdf.Section]:
    since = content.get("since_previous")
    if not since:
        return []
    text = _(
        "Since version %(version)s (%(date)s): %(closed)s risks closed, %(new)s new, "
        "%(completed)s measures completed."
    ) % {
        "version": since["version"],
        "date": _day(since["published_at"], language),
        "closed": _count(since["risks_closed"], language),
        "new": _count(since["risks_new"], language),
        "completed": _count(since["measures_completed"], language),
    }
    return [pdf.Section(_("Since the previous report"), [pdf.paragraph(text)])]


def _pdf_policy(policy: dict[str, Any] | None, language: str) -> pdf.Section:
    if policy is None:
        return pdf.Section(_("Step 1: Policy"), [pdf.paragraph(_("No policy has been recorded."))])
    items = [_("adopted: %(date)s") % {"date": _day(policy["adopted_on"], language)}]
    if policy["board_approved_on"]:
        items.append(_("Board approval: %(date)s") % {"date": _day(policy["board_approved_on"], language)})
    if policy["endorses_oecd_guidelines"]:
        items.append(
            _("Endorses the OECD Guidelines for Multinational Enterprises on Responsible Business Conduct.")
        )
    if policy["endorses_ungps"]:
        items.append(_("Endorses the UN Guiding Principles on Business and Human Rights."))
    if policy["responsible_officer"]:
        items.append(_("Responsible officer: %(name)s") % {"name": policy["responsible_officer"]})
    if policy["document_url"]:
        items.append(policy["document_url"])
    blocks = [pdf.paragraph(policy["title"]), pdf.bullet_list(items)]
    if policy["management_system"]:
        blocks.append(pdf.paragraph(policy["management_system"]))
    return pdf.Section(_("Step 1: Policy"), blocks)


def _pdf_risks(content: dict[str, Any], language: str) -> pdf.Section:
    risks = content["risks"]
    total = _("Risks in the register: %(count)s") % {"count": _count(risks["total"], language)}
    blocks = [pdf.paragraph(total)]
    if risks["by_theme"]:
        blocks.append(_count_bars(_("Risks by theme"), risks["by_theme"], "theme", language))
    if risks["by_area"]:
        blocks.append(_count_bars(_("Risks by area"), risks["by_area"], "area", language))
    if risks["by_status"]:
        blocks.append(_count_bars(_("Risks by status"), risks["by_status"], "status", language))
    blocks.append(pdf.subheading(_("Most salient risks")))
    salient = [
        pdf.ListItem(
            _("%(title)s (%(area)s; salience %(salience)s; %(status)s)")
            % {
                "title": row["title"],
                "area": row["area"],
                "salience": "–" if row["salience"] is None else _count(row["salience"], language),
                "status": row["status"],
            },
            [f"{m['kind']}: {m['description']} ({m['status']})" for m in row["measures"]],
        )
        for row in risks["most_salient"]
    ]
    blocks.append(pdf.bullet_list(salient) if salient else pdf.paragraph(_("None recorded.")))
    blocks += _pdf_where_and_what_was_looked_at(content, language)
    return pdf.Section(_("Step 2: Identified risks"), blocks)


def _pdf_where_and_what_was_looked_at(content: dict[str, Any], language: str) -> list[pdf.Block]:
    """The country x theme map as rows (a dozen theme columns do not fit A4) and the scan's coverage."""
    blocks: list[pdf.Block] = []
    located = [
        [
            f"{row['name_nl' if language == 'nl' else 'name_en']} ({row['country']})",
            theme_label(cell["theme"], language),
            _count(cell["findings"], language),
            "–" if cell["max_salience"] is None else _count(cell["max_salience"], language),
        ]
        for row in (content.get("heat_map") or {}).get("rows", [])
        for cell in row["cells"]
        if cell["findings"]
    ]
    if located:
        blocks.append(pdf.subheading(_("Where the risks are: findings per country and theme")))
        columns = [_("Country"), _("Theme"), _("Findings"), _("Highest salience")]
        blocks.append(pdf.table(columns, located, numeric=[2, 3]))
    if coverage := content.get("coverage"):
        blocks.append(pdf.subheading(_("What this scan looked at")))
        blocks.append(
            pdf.paragraph(
                _(
                    "No finding is not proof of no risk: a scan only sees what its datasets list, for the "
                    "themes they cover. Themes without an open dataset were not assessed."
                )
            )
        )
        rows = [
            [
                theme_label(theme["theme"], language),
                ", ".join(theme["datasets"]) if theme["covered"] else _("not assessed: no open dataset yet"),
                _count(theme["findings"], language) if theme["covered"] else "–",
            ]
            for theme in coverage["themes"]
        ]
        blocks.append(pdf.table([_("Theme"), _("Datasets"), _("Findings")], rows, numeric=[2]))
        editions = [f"{d['id']}: {d['title']} ({d['edition']})" for d in coverage.get("datasets", [])]
        if editions:
            blocks.append(pdf.bullet_list(editions))
    return blocks


def _pdf_measures_and_tracking(content: dict[str, Any], language: str) -> list[pdf.Section]:
    measures = content["measures"]
    blocks = [pdf.paragraph(_("Measures: %(count)s") % {"count": _count(measures["total"], language)})]
    if measures["by_kind"]:
        blocks.append(_count_bars(_("Measures by kind"), measures["by_kind"], "kind", language))
    if measures["by_status"]:
        blocks.append(_count_bars(_("Measures by status"), measures["by_status"], "status", language))
    tracking = content["tracking"]
    followed = _("%(done)s of %(total)s follow-ups carried out; %(overdue)s overdue.") % {
        "done": _count(tracking["done"], language),
        "total": _count(tracking["total"], language),
        "overdue": _count(tracking["overdue"], language),
    }
    return [
        pdf.Section(_("Step 3: Measures"), blocks),
        pdf.Section(_("Step 4: Tracking"), [pdf.paragraph(followed)]),
    ]


def _pdf_engagements(content: dict[str, Any], language: str) -> pdf.Section:
    if not content["engagements"]:
        return pdf.Section(_("Stakeholder engagement"), [pdf.paragraph(_("None recorded."))])
    rows = [
        [_day(row["held_on"], language), row["stakeholder"], row["method"], row["outcome"]]
        for row in content["engagements"]
    ]
    columns = [_("Date"), _("Stakeholder"), _("Method"), _("Outcome")]
    return pdf.Section(_("Stakeholder engagement"), [pdf.table(columns, rows)])


def _pdf_remediation(content: dict[str, Any], language: str) -> pdf.Section:
    remedies = [f"{row['description']} ({row['status']})" for row in content["remediation"]]
    blocks = [pdf.bullet_list(remedies) if remedies else pdf.paragraph(_("None recorded."))]
    if grievances := content.get("grievances"):
        blocks.append(
            pdf.paragraph(
                _(
                    "Grievance mechanism: %(received)s complaints received, %(open)s open, "
                    "%(substantiated)s substantiated; %(delivered)s of %(planned)s remedy actions delivered."
                )
                % {
                    key: _count(grievances[field], language)
                    for key, field in (
                        ("received", "cases_received"),
                        ("open", "cases_open"),
                        ("substantiated", "cases_substantiated"),
                        ("delivered", "remedies_delivered"),
                        ("planned", "remedies_planned"),
                    )
                }
            )
        )
    forms = [f"{form['label']}: {form['url']}" for form in content.get("complaint_forms") or []]
    if forms:
        blocks.append(pdf.bullet_list(forms))
    return pdf.Section(_("Step 6: Remediation"), blocks)


def _pdf_maturity(content: dict[str, Any]) -> pdf.Section:
    rows = [[str(row["step"]), row["title"], row["level_label"]] for row in content["maturity"]]
    return pdf.Section(_("Where we stand"), [pdf.table(["#", _("Step"), _("Level")], rows, numeric=[0])])


def report_pdf_document(content: dict[str, Any]) -> pdf.PdfDocument:
    """The published content as a PDF document in the report's own language."""
    language = content.get("language", "en")
    published = timezone.localdate(dt.datetime.fromisoformat(content["published_at"]))
    since = content.get("since_previous")
    with translation.override(language):
        sections = [
            *_pdf_since_previous(content, language),
            _pdf_policy(content["policy"], language),
            _pdf_risks(content, language),
            *_pdf_measures_and_tracking(content, language),
            _pdf_engagements(content, language),
            _pdf_remediation(content, language),
            _pdf_maturity(content),
        ]
        subtitle = _("version %(number)s") % {"number": content["version"]}
        published_on = _day(content["published_at"], language)
        if since:
            period = f"{_day(since['published_at'], language)} – {published_on}"
        else:
            period = _("up to %(date)s") % {"date": published_on}
    return pdf.PdfDocument(
        language=language,
        title=content["title"],
        subtitle=subtitle,
        organisation=content["organisation"],
        period=period,
        date=published,
        sections=sections,
    )


def render_report_pdf(content: dict[str, Any]) -> bytes:
    return pdf.render_pdf(
        report_pdf_document(content), timestamp=dt.datetime.fromisoformat(content["published_at"])
    )
