"""The effectiveness figures as a PDF in the reader's language: aggregate only, like the CSV and XLSX."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from imvo.core import pdf
from imvo.core.countries import country_name
from imvo.core.grievances import Phase
from imvo.core.grievances.figures import EffectivenessFigures
from imvo.web.grievances.models import GrievanceMechanism
from imvo.web.organisations.models import Organisation

AGGREGATE_ONLY = gettext_lazy(
    "Aggregate figures only (UN Guiding Principles, principle 31): no case can be identified from them."
)


def _country(code: str, language: str) -> str:
    try:
        return country_name(code, language)
    except KeyError:
        return code  # "—" for no country, or a code the reference data does not know


def _count_bars(title: str, rows: list[tuple[str, int]], language: str) -> pdf.Block:
    return pdf.bar_chart(
        title, [pdf.Bar(label, count, pdf.format_number(count, language)) for label, count in rows]
    )


def _summary(figures: EffectivenessFigures, language: str) -> pdf.Section:
    satisfaction = (
        "—"
        if figures.satisfaction_mean is None
        else f"{pdf.format_number(figures.satisfaction_mean, language, 1)} ({figures.satisfaction_answers})"
    )
    rows = [
        [_("Cases received"), pdf.format_number(figures.cases, language)],
        [_("Remedies delivered / planned"), f"{figures.remedies_delivered} / {figures.remedies_planned}"],
        [_("Complainant satisfaction (1–5)"), satisfaction],
    ]
    return pdf.Section(
        _("Effectiveness"),
        [
            pdf.paragraph(str(AGGREGATE_ONLY)),
            pdf.table(["", ""], rows, numeric=[1]),
        ],
    )


def _phase_times(figures: EffectivenessFigures, phase_labels: dict[Phase, str], language: str) -> pdf.Section:
    def days(value: float | None) -> str:
        return "—" if value is None else pdf.format_number(value, language, 1)

    rows = [
        [phase_labels[time.phase], str(time.spells), days(time.median_days), str(time.within_deadline)]
        for time in figures.phase_times
    ]
    bars = [
        pdf.Bar(phase_labels[time.phase], time.median_days or 0, days(time.median_days))
        for time in figures.phase_times
    ]
    return pdf.Section(
        _("Time per phase against the indicative deadline"),
        [
            pdf.table(
                [_("Phase"), _("Cases"), _("Median days"), _("Within deadline")], rows, numeric=[1, 2, 3]
            ),
            pdf.bar_chart(_("Median days per phase"), bars),
        ],
    )


def figures_pdf(
    organisation: Organisation,
    mechanism: GrievanceMechanism | None,
    figures: EffectivenessFigures,
    phase_labels: dict[Phase, str],
) -> bytes:
    from imvo.web.grievances import queries

    language = "nl" if (get_language() or "en").startswith("nl") else "en"
    countries = [(_country(code, language), count) for code, count in figures.by_country]
    sections = [
        _summary(figures, language),
        _phase_times(figures, phase_labels, language),
        pdf.Section(_("Outcomes"), [_count_bars("", figures.by_outcome, language)]),
        pdf.Section(_("Cases by theme"), [_count_bars("", figures.by_theme, language)]),
        pdf.Section(_("Cases by country"), [_count_bars("", countries, language)]),
    ]
    period = queries.received_period(organisation, mechanism)
    title = _("Grievance mechanism and remedy")
    return pdf.render_pdf(
        pdf.PdfDocument(
            language=language,
            title=f"{title}: {mechanism.name}" if mechanism else title,
            organisation=organisation.name,
            period=" – ".join(pdf.format_date(day, language) for day in period) if period else "",
            date=timezone.localdate(),
            sections=sections,
        )
    )
