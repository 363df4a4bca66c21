"""Writing a round's figures: JSON, CSV, XLSX, a self-contained HTML page with SVG charts, a PDF summary.

CSV and XLSX cells that a spreadsheet would run as formulas are neutralised (sector codes and group
names come from user files).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from html import escape
from pathlib import Path

from imvo.core.export import neutralise_formula
from imvo.core.monitoring.charts import Bar, bar_chart, trajectory_chart
from imvo.core.monitoring.criteria_sets import NAP_CLASS_LABELS, SEGMENT_INSTRUMENTS, NapClass, Segment
from imvo.core.monitoring.figures import Figure, MonitoringFigures, step_label

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


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def figures_pdf(figures: MonitoringFigures, title: str = "Monitoring summary") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for round_name in figures.rounds:
        headline = figures.headline(round_name)
        if headline is None:
            continue
        interval = (
            f" (95% interval {headline.low * 100:.0f}-{headline.high * 100:.0f}%)"
            if headline.low is not None and headline.high is not None
            else ""
        )
        pdf.multi_cell(
            0,
            6,
            _latin1(
                f"{round_name}: {headline.share * 100:.0f}% of {headline.denominator} companies "
                "endorse the OECD "
                f"Guidelines{interval}; target {figures.target * 100:.0f}%."
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    for point in figures.reference_series:
        pdf.multi_cell(
            0,
            6,
            _latin1(f"Reference {point.round}: {point.share * 100:.0f}% ({point.source})"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    for round_name in figures.rounds[-1:]:
        for measure in ("step", "segment", "nap", "endorsement_by_size", "endorsement_by_sector"):
            if not figures.select(measure, round_name):
                continue  # a criteria set the round does not report
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11)
            pdf.cell(
                0, 7, _latin1(f"{MEASURE_LABELS[measure]} ({round_name})"), new_x="LMARGIN", new_y="NEXT"
            )
            pdf.set_font("Helvetica", size=9)
            for figure in figures.select(measure, round_name):
                extra = f"; instruments: {instruments_text(figure.group)}" if measure == "segment" else ""
                pdf.multi_cell(
                    0,
                    5,
                    _latin1(
                        f"{group_label(figure)}: {figure.share * 100:.0f}% "
                        f"({figure.numerator}/{figure.denominator}){extra}"
                    ),
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
    return bytes(pdf.output())


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
