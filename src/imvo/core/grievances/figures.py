"""Effectiveness figures of a grievance mechanism (UN Guiding Principles, principle 31).

The input is one :class:`CaseFacts` per case, with no personal data; the output is counts by theme,
country and outcome, the time spent per phase against its deadline, remedy delivered and
satisfaction. :func:`bar_chart_svg` draws a table's counts as an accessible SVG without inline styles
(the site's Content-Security-Policy forbids them) and :func:`figures_rows` gives the same numbers as
spreadsheet rows with formula-like text neutralised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median
from xml.sax.saxutils import escape, quoteattr

from imvo.core.export import neutralise_formula
from imvo.core.grievances.phases import OPEN_PHASES, Phase


@dataclass(frozen=True)
class PhaseSpell:
    phase: Phase
    days: float
    deadline_days: int | None


@dataclass(frozen=True)
class CaseFacts:
    theme: str
    country: str
    outcome: str  # "" while open
    spells: tuple[PhaseSpell, ...] = ()
    remedies_planned: int = 0
    remedies_delivered: int = 0
    satisfaction: int | None = None  # 1 (very unsatisfied) … 5 (very satisfied)


@dataclass(frozen=True)
class PhaseTime:
    phase: Phase
    spells: int
    median_days: float | None
    within_deadline: int

    @property
    def share_within_deadline(self) -> float | None:
        return None if self.spells == 0 else self.within_deadline / self.spells


@dataclass(frozen=True)
class EffectivenessFigures:
    cases: int
    by_theme: list[tuple[str, int]]
    by_country: list[tuple[str, int]]
    by_outcome: list[tuple[str, int]]
    phase_times: list[PhaseTime]
    remedies_planned: int
    remedies_delivered: int
    satisfaction_answers: int
    satisfaction_mean: float | None
    notes: list[str] = field(default_factory=list)


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def effectiveness_figures(cases: Iterable[CaseFacts]) -> EffectivenessFigures:
    facts = list(cases)
    spells_by_phase: dict[Phase, list[PhaseSpell]] = {phase: [] for phase in OPEN_PHASES}
    for case in facts:
        for spell in case.spells:
            if spell.phase in spells_by_phase:
                spells_by_phase[spell.phase].append(spell)
    phase_times = []
    for phase, spells in spells_by_phase.items():
        within = sum(
            1 for spell in spells if spell.deadline_days is None or spell.days <= spell.deadline_days
        )
        phase_times.append(
            PhaseTime(
                phase=phase,
                spells=len(spells),
                median_days=round(median(spell.days for spell in spells), 1) if spells else None,
                within_deadline=within,
            )
        )
    answers = [case.satisfaction for case in facts if case.satisfaction is not None]
    return EffectivenessFigures(
        cases=len(facts),
        by_theme=_ranked(Counter(case.theme or "—" for case in facts)),
        by_country=_ranked(Counter(case.country or "—" for case in facts)),
        by_outcome=_ranked(Counter(case.outcome for case in facts if case.outcome)),
        phase_times=phase_times,
        remedies_planned=sum(case.remedies_planned for case in facts),
        remedies_delivered=sum(case.remedies_delivered for case in facts),
        satisfaction_answers=len(answers),
        satisfaction_mean=round(sum(answers) / len(answers), 2) if answers else None,
    )


def bar_chart_svg(title: str, rows: Sequence[tuple[str, float]], *, width: int = 480) -> str:
    """A horizontal bar chart; the title and a text alternative make it readable without sight."""
    bar_height, gap, label_width = 22, 6, 170
    height = max(1, len(rows)) * (bar_height + gap) + gap
    largest = max((value for _label, value in rows), default=0) or 1
    usable = width - label_width - 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value) in enumerate(rows):
        y = gap + index * (bar_height + gap)
        bar = max(1, round(usable * value / largest)) if value else 0
        shown = f"{value:g}"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 16}" text-anchor="end" font-size="13" '
            f'fill="#222">{escape(label[:28])}</text>'
            f'<rect x="{label_width}" y="{y}" width="{bar}" height="{bar_height}" fill="#1f5f8b">'
            f"<title>{escape(label)}: {shown}</title></rect>"
            f'<text x="{label_width + bar + 6}" y="{y + 16}" font-size="13" fill="#222">{shown}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def figures_rows(figures: EffectivenessFigures, phase_labels: dict[Phase, str]) -> list[list[str]]:
    """The figures as ``[section, item, value, …]`` rows for CSV or XLSX, safe for spreadsheets."""
    rows: list[list[str]] = [["section", "item", "value", "detail"]]
    rows.append(["cases", "total", str(figures.cases), ""])
    for section, pairs in (
        ("theme", figures.by_theme),
        ("country", figures.by_country),
        ("outcome", figures.by_outcome),
    ):
        rows.extend([section, label, str(count), ""] for label, count in pairs)
    for time in figures.phase_times:
        rows.append(
            [
                "phase",
                phase_labels.get(time.phase, time.phase.value),
                "" if time.median_days is None else f"{time.median_days:g}",
                f"{time.within_deadline}/{time.spells} within deadline",
            ]
        )
    rows.append(["remedy", "planned", str(figures.remedies_planned), ""])
    rows.append(["remedy", "delivered", str(figures.remedies_delivered), ""])
    rows.append(
        [
            "satisfaction",
            "mean (1-5)",
            "" if figures.satisfaction_mean is None else f"{figures.satisfaction_mean:g}",
            f"{figures.satisfaction_answers} answers",
        ]
    )
    return [[neutralise_formula(cell) for cell in row] for row in rows]
