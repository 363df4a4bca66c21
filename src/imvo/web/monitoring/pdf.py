"""The monitoring summary PDF in the reader's language (the core typesets it, these are its words)."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from imvo.core.monitoring import SEGMENT_INSTRUMENTS, Figure, MonitoringFigures, Segment
from imvo.core.monitoring.exports import SummaryWords, figures_pdf
from imvo.web.monitoring.labels import INSTRUMENT_LABELS, MEASURE_LABELS, group_label


def _instruments(segment: str) -> str:
    return ", ".join(str(INSTRUMENT_LABELS[key]) for key in SEGMENT_INSTRUMENTS[Segment(segment)])


def summary_words() -> SummaryWords:
    def figure_label(figure: Figure) -> str:
        return group_label(figure.measure, figure.group)

    return SummaryWords(
        language="nl" if (get_language() or "en").startswith("nl") else "en",
        headline_section=_("Explicit endorsement of the OECD Guidelines"),
        headline=_(
            "{round}: {share} of {companies} companies endorse the OECD Guidelines{interval}; "
            "target {target}."
        ),
        interval=_(" (95% interval {low}–{high})"),
        by_round=_("Endorsement by round"),
        reference_section=_("Reference series"),
        reference=_("Reference {round}: {share} ({source})"),
        group=_("Group"),
        share=_("Share"),
        companies=_("Companies"),
        instruments=_("Instruments"),
        measures={key: str(label) for key, label in MEASURE_LABELS.items()},
        group_label=figure_label,
        instruments_text=_instruments,
    )


def monitoring_pdf(figures: MonitoringFigures, title: str, organisation: str) -> bytes:
    return figures_pdf(figures, title, organisation=organisation, words=summary_words())
