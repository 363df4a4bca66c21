"""The dashboard's charts and tables, with translated labels; every figure links to its assessments."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from imvo.core.monitoring import (
    SEGMENT_INSTRUMENTS,
    Bar,
    ChartWords,
    Figure,
    MonitoringFigures,
    Segment,
    bar_chart,
    trajectory_chart,
)
from imvo.web.monitoring.labels import INSTRUMENT_LABELS, MEASURE_LABELS, group_label

MEASURES = ("endorsement", "step", "endorsement_by_sector", "endorsement_by_size", "segment", "nap")
#: Measures whose group labels are long (step texts, SBI sector names): a wider label column.
WIDE_LABELS = ("step", "endorsement_by_sector")
CHART_LABEL_CHARS = 70


def chart_label(label: str) -> str:
    """``label`` short enough for the chart's label column; the table below the chart keeps it whole.

    A sector's code stays visible: "Productie en distributie van en handel in … (35)".
    """
    if len(label) <= CHART_LABEL_CHARS:
        return label
    name, separator, code = label.rpartition(" (")
    suffix = separator + code if separator and code.endswith(")") else ""
    text = name if suffix else label
    return text[: CHART_LABEL_CHARS - len(suffix) - 1].rstrip(" ,;") + "…" + suffix


@dataclass(frozen=True)
class FigureRow:
    label: str
    figure: Figure
    url: str
    instruments: str = ""

    @property
    def percent(self) -> float:
        return self.figure.share * 100


def figure_url(org: str, round_ids: dict[str, int], figure: Figure) -> str:
    round_id = round_ids.get(figure.round)
    if round_id is None:
        return ""
    base = reverse("monitoring:round", kwargs={"org": org, "round_id": round_id})
    return f"{base}?{urlencode({'measure': figure.measure, 'group': figure.group})}#assessments"


def chart_words() -> ChartWords:
    return ChartWords(
        target=_("target"),
        measured=_("measured"),
        reference=_("reference"),
        reference_series=_("reference series"),
        of=_("of"),
    )


def build(
    org: str,
    figures: MonitoringFigures,
    round_name: str,
    round_ids: dict[str, int],
    measures: Collection[str] = MEASURES,
) -> dict[str, Any]:
    """Charts and tables of ``round_name``, only for ``measures`` (those of the criteria sets the
    round reports)."""

    def link(figure: Figure) -> str | None:
        return figure_url(org, round_ids, figure) or None

    tables: list[dict[str, Any]] = []
    charts: list[str] = []
    headline = figures.select("endorsement")
    if "endorsement" in measures and headline:
        charts.append(
            trajectory_chart(
                _("Explicit endorsement of the OECD Guidelines against the target"),
                headline,
                figures.reference_series,
                figures.target,
                link,
                words=chart_words(),
            )
        )
    for measure in (m for m in MEASURES if m in measures):
        rows = []
        bars = []
        for figure in figures.select(measure, round_name):
            label = group_label(measure, figure.group)
            instruments = ""
            if measure == "segment":
                instruments = ", ".join(
                    str(INSTRUMENT_LABELS[key]) for key in SEGMENT_INSTRUMENTS[Segment(figure.group)]
                )
            rows.append(FigureRow(label, figure, link(figure) or "", instruments))
            bars.append(
                Bar(
                    chart_label(label),
                    figure.share,
                    f"({figure.numerator}/{figure.denominator})",
                    figure.low,
                    figure.high,
                    link(figure),
                )
            )
        title = f"{MEASURE_LABELS[measure]} {round_name}"
        if bars:
            charts.append(
                bar_chart(
                    title,
                    bars,
                    target=figures.target if measure == "endorsement" else None,
                    label_width=480 if measure in WIDE_LABELS else 230,
                    width=860 if measure in WIDE_LABELS else 720,
                    words=chart_words(),
                )
            )
        tables.append({"measure": measure, "title": title, "rows": rows})
    return {"charts": charts, "tables": tables, "headline": figures.headline(round_name)}
