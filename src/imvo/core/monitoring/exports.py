"""Writing a round's figures: JSON, CSV, XLSX, a self-contained HTML page with SVG charts, a PDF summary
(typeset by :mod:`imvo.core.pdf`).

CSV and XLSX cells that a spreadsheet would run as formulas are neutralised (sector codes and group
names come from user files).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from imvo.core import pdf
from imvo.core.export import neutralise_formula
from imvo.core.monitoring.charts import Bar, bar_chart, trajectory_chart
from imvo.core.monitoring.criteria_sets import NAP_CLASS_LABELS, SEGMENT_INSTRUMENTS, NapClass, Segment
from imvo.core.monitoring.figures import Figure, MonitoringFigures, step_label
from imvo.core.monitoring.sectors import sector_name

EXPORT_FORMATS = (".json", ".csv", ".xlsx", ".html", ".pdf")
TABLE_HEADER = (
    "round",
    "measure",
    "group",
    "numerator",
    "denominator",
    "share",
    "low",
    "high",
    "assessments",
)
MEASURE_LABELS = {
    "endorsement": "Explicit endorsement of the OECD Guidelines / UNGPs",
    "step": "OECD step evidenced (among endorsers)",
    "endorsement_by_sector": "Endorsement by sector",
    "endorsement_by_size": "Endorsement by size class (employees)",
    "segment": "Maturity segment",
    "nap": "German NAP classification",
}

FigureLink = Callable[[Figure], str | None]


def group_label(figure: Figure) -> str:
    if figure.measure == "step":
        return step_label(figure.group)
    if figure.measure == "nap":
        return NAP_CLASS_LABELS.get(NapClass(figure.group), figure.group)
    if figure.measure == "segment":
        return figure.group.capitalize()
    if figure.measure == "endorsement_by_sector":
        return sector_name(figure.group, "en")
    return figure.group


def table_rows(figures: MonitoringFigures) -> list[list[str | int | float | None]]:
    rows: list[list[str | int | float | None]] = []
    for figure in figures.figures:
        rows.append(
            [
                figure.round,
                figure.measure,
                group_label(figure),
                figure.numerator,
                figure.denominator,
                round(figure.share, 4),
                None if figure.low is None else round(figure.low, 4),
                None if figure.high is None else round(figure.high, 4),
                " ".join(figure.assessment_ids),
            ]
        )
    return rows


def figures_csv(figures: MonitoringFigures) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TABLE_HEADER)
    for row in table_rows(figures):
        writer.writerow([neutralise_formula(cell) if isinstance(cell, str) else cell for cell in row])
    return buffer.getvalue()


def figures_xlsx(figures: MonitoringFigures) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "figures"
    sheet.append(list(TABLE_HEADER))
    for row in table_rows(figures):
        sheet.append([neutralise_formula(cell) if isinstance(cell, str) else cell for cell in row])
    reference = workbook.create_sheet("reference series")
    reference.append(["round", "share", "source"])
    for point in figures.reference_series:
        reference.append([point.round, point.share, neutralise_formula(point.source)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def charts_for_round(
    figures: MonitoringFigures, round_name: str, link: FigureLink | None = None
) -> dict[str, str]:
    """The dashboard's SVG charts for one round, by name."""

    def bars(measure: str) -> list[Bar]:
        return [
            Bar(
                label=group_label(figure),
                share=figure.share,
                detail=f"({figure.numerator}/{figure.denominator})",
                low=figure.low,
                high=figure.high,
                href=link(figure) if link else None,
            )
            for figure in figures.select(measure, round_name)
        ]

    # A round that does not report a criteria set has no figures for its measures: no empty charts.
    headline = figures.select("endorsement")
    charts: dict[str, str] = {}
    if headline:
        charts["trajectory"] = trajectory_chart(
            "Explicit endorsement of the OECD Guidelines against the target",
            headline,
            figures.reference_series,
            figures.target,
            link,
        )
    wanted: tuple[tuple[str, str, str, float | None, int], ...] = (
        ("endorsement", "endorsement", f"Endorsement {round_name}", figures.target, 230),
        ("steps", "step", f"Six OECD steps among endorsers, {round_name}", None, 330),
        ("sector", "endorsement_by_sector", f"Endorsement by sector, {round_name}", None, 230),
        ("size", "endorsement_by_size", f"Endorsement by size class, {round_name}", None, 230),
        ("segments", "segment", f"Maturity segments, {round_name}", None, 230),
        ("nap", "nap", f"German NAP classification, {round_name}", None, 300),
    )
    for name, measure, title, target, label_width in wanted:
        measure_bars = bars(measure)
        if measure_bars:
            charts[name] = bar_chart(title, measure_bars, target=target, label_width=label_width)
    return charts


def instruments_text(segment_name: str) -> str:
    return ", ".join(key.replace("_", " ") for key in SEGMENT_INSTRUMENTS[Segment(segment_name)])


def figures_html(figures: MonitoringFigures, title: str = "Monitoring figures") -> str:
    latest = figures.rounds[-1] if figures.rounds else ""
    sections = [f"<h1>{escape(title)}</h1>"]
    if latest:
        headline = figures.headline(latest)
        if headline is not None:
            interval = (
                f" (95 % interval {headline.low * 100:.0f}-{headline.high * 100:.0f} %)"
                if headline.low is not None and headline.high is not None
                else ""
            )
            sections.append(
                f"<p>{escape(latest)}: {headline.share * 100:.0f} % of {headline.denominator} "
                "assessed companies "
                f"explicitly endorse the OECD Guidelines{interval}; target {figures.target * 100:.0f} %.</p>"
            )
        for chart in charts_for_round(figures, latest).values():
            sections.append(f"<figure>{chart}</figure>")
    rows = "".join(
        "<tr>"
        + "".join(f"<td>{escape('' if cell is None else str(cell))}</td>" for cell in row[:8])
        + "</tr>"
        for row in table_rows(figures)
    )
    header = "".join(f"<th scope='col'>{escape(name)}</th>" for name in TABLE_HEADER[:8])
    sections.append(f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>")
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>body{{font-family:system-ui,sans-serif;margin:2rem;}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style></head><body>"
        + "".join(sections)
        + "</body></html>"
    )


@dataclass(frozen=True)
class SummaryWords:
    """The monitoring PDF's words, so a caller can translate them (English by default)."""

    language: str = "en"
    headline_section: str = "Explicit endorsement of the OECD Guidelines"
    headline: str = (
        "{round}: {share} of {companies} companies endorse the OECD Guidelines{interval}; target {target}."
    )
    interval: str = " (95% interval {low}–{high})"
    by_round: str = "Endorsement by round"
    reference_section: str = "Reference series"
    reference: str = "Reference {round}: {share} ({source})"
    group: str = "Group"
    share: str = "Share"
    companies: str = "Companies"
    instruments: str = "Instruments"
    measures: dict[str, str] = field(default_factory=lambda: dict(MEASURE_LABELS))
    group_label: Callable[[Figure], str] = group_label
    instruments_text: Callable[[str], str] = instruments_text


def _percent(share: float, words: SummaryWords) -> str:
    return pdf.format_percent(share, words.language)


def _headline_section(figures: MonitoringFigures, words: SummaryWords) -> pdf.Section:
    blocks: list[pdf.Block] = []
    bars: list[pdf.Bar] = []
    for round_name in figures.rounds:
        headline = figures.headline(round_name)
        if headline is None:
            continue
        interval = (
            words.interval.format(low=_percent(headline.low, words), high=_percent(headline.high, words))
            if headline.low is not None and headline.high is not None
            else ""
        )
        blocks.append(
            pdf.paragraph(
                words.headline.format(
                    round=round_name,
                    share=_percent(headline.share, words),
                    companies=pdf.format_number(headline.denominator, words.language),
                    interval=interval,
                    target=_percent(figures.target, words),
                )
            )
        )
        bars.append(pdf.Bar(round_name, headline.share, _percent(headline.share, words)))
    if bars:
        blocks.append(pdf.bar_chart(words.by_round, bars, maximum=1.0))
    return pdf.Section(words.headline_section, blocks)


def _measure_section(
    figures: MonitoringFigures, measure: str, round_name: str, words: SummaryWords
) -> pdf.Section:
    selected = figures.select(measure, round_name)
    columns = [words.group, words.share, words.companies]
    if measure == "segment":
        columns.append(words.instruments)
    rows = []
    for figure in selected:
        row = [
            words.group_label(figure),
            _percent(figure.share, words),
            f"{figure.numerator}/{figure.denominator}",
        ]
        if measure == "segment":
            row.append(words.instruments_text(figure.group))
        rows.append(row)
    bars = [
        pdf.Bar(words.group_label(figure), figure.share, _percent(figure.share, words)) for figure in selected
    ]
    title = f"{words.measures[measure]} ({round_name})"
    chart = pdf.bar_chart("", bars, maximum=1.0)  # the section's heading names it
    return pdf.Section(title, [chart, pdf.table(columns, rows, numeric=[1, 2])])


def figures_pdf(
    figures: MonitoringFigures,
    title: str = "Monitoring summary",
    *,
    organisation: str = "",
    words: SummaryWords | None = None,
    date: dt.date | None = None,
) -> bytes:
    """The headline per round, the reference series, and the latest round's figures per measure."""
    words = words or SummaryWords()
    sections = [_headline_section(figures, words)]
    if figures.reference_series:
        references = [
            words.reference.format(round=point.round, share=_percent(point.share, words), source=point.source)
            for point in figures.reference_series
        ]
        sections.append(pdf.Section(words.reference_section, [pdf.bullet_list(references)]))
    for round_name in figures.rounds[-1:]:
        for measure in ("step", "segment", "nap", "endorsement_by_size", "endorsement_by_sector"):
            if figures.select(measure, round_name):  # else a criteria set the round does not report
                sections.append(_measure_section(figures, measure, round_name, words))
    rounds = figures.rounds
    document = pdf.PdfDocument(
        language=words.language,
        title=title,
        organisation=organisation,
        period=f"{rounds[0]}–{rounds[-1]}" if len(rounds) > 1 else "".join(rounds),
        date=date or dt.datetime.now(dt.UTC).date(),
        sections=sections,
    )
    return pdf.render_pdf(document)


def write_figures(figures: MonitoringFigures, destination: str | Path) -> Path:
    """Write in the format named by the file's extension (one of :data:`EXPORT_FORMATS`)."""
    path = Path(destination)
    suffix = path.suffix.lower()
    if suffix == ".json":
        path.write_text(json.dumps(figures.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
    elif suffix == ".csv":
        path.write_text(figures_csv(figures), encoding="utf-8")
    elif suffix == ".xlsx":
        path.write_bytes(figures_xlsx(figures))
    elif suffix == ".html":
        path.write_text(figures_html(figures), encoding="utf-8")
    elif suffix == ".pdf":
        path.write_bytes(figures_pdf(figures))
    else:
        raise ValueError(f"unknown export format {suffix!r}; use one of {', '.join(EXPORT_FORMATS)}")
    return path
