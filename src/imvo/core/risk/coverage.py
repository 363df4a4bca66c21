"""What a scan looked at, and where its findings are: the coverage statement and the heat map.

A scan checks every theme of :data:`imvo.core.risk.themes.THEMES` against the datasets that drive it.
:func:`coverage` says, theme by theme, which datasets (edition, known gaps) were used and how many
findings they gave, names the themes no open dataset covers yet, and carries the caveat that a row
without a finding is not a row without risk. :func:`heat_map` counts findings per country and theme.
Both are plain data (ids, codes, numbers) with ``as_dict()`` for JSON, so the register and the report
show them in their reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from imvo.core import refdata
from imvo.core.risk.datasets_shown import GAPS
from imvo.core.risk.themes import THEMES

#: Known gaps of a dataset, by dataset id: what a reader must know before trusting an empty cell
#: (English; :func:`imvo.core.risk.datasets_shown.dataset_gap` in the reader's language).
DATASET_GAPS: Mapping[str, str] = {dataset: gap["en"] for dataset, gap in GAPS.items()}
#: The caveat every scan result carries, as a message id and its English text.
CAVEAT_ID = "coverage.caveat"
CAVEAT_EN = (
    "No finding is not proof of no risk: a scan only sees what its datasets list, for the themes they "
    "cover. Themes without an open dataset were not assessed."
)


@dataclass(frozen=True, slots=True)
class DatasetUse:
    id: str
    title: str
    edition: str
    gap: str


@dataclass(frozen=True, slots=True)
class ThemeCoverage:
    theme: str
    covered: bool
    datasets: tuple[DatasetUse, ...]
    findings: int


@dataclass(frozen=True, slots=True)
class Coverage:
    themes: tuple[ThemeCoverage, ...]
    caveat_id: str = CAVEAT_ID
    caveat: str = CAVEAT_EN

    @property
    def covered(self) -> tuple[str, ...]:
        return tuple(t.theme for t in self.themes if t.covered)

    @property
    def not_covered(self) -> tuple[str, ...]:
        return tuple(t.theme for t in self.themes if not t.covered)

    @property
    def datasets(self) -> tuple[DatasetUse, ...]:
        """Every dataset used, once, in theme order."""
        seen: dict[str, DatasetUse] = {}
        for theme in self.themes:
            for dataset in theme.datasets:
                seen.setdefault(dataset.id, dataset)
        return tuple(seen.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "themes": [
                {
                    "theme": t.theme,
                    "covered": t.covered,
                    "datasets": [d.id for d in t.datasets],
                    "findings": t.findings,
                }
                for t in self.themes
            ],
            "datasets": [
                {"id": d.id, "title": d.title, "edition": d.edition, "gap": d.gap} for d in self.datasets
            ],
            "not_covered": list(self.not_covered),
            "caveat_id": self.caveat_id,
            "caveat": self.caveat,
        }


def coverage(findings_by_theme: Mapping[str, int]) -> Coverage:
    """The coverage statement of a scan that found ``findings_by_theme``."""
    manifest = {dataset.id: dataset for dataset in refdata.manifest()}
    themes = []
    for theme in THEMES:
        uses = tuple(
            DatasetUse(d, manifest[d].title, manifest[d].edition, DATASET_GAPS.get(d, ""))
            for d in theme.datasets
            if d in manifest
        )
        themes.append(ThemeCoverage(theme.id, bool(uses), uses, int(findings_by_theme.get(theme.id, 0))))
    return Coverage(tuple(themes))


@dataclass(frozen=True, slots=True)
class HeatCell:
    findings: int
    max_salience: int

    @property
    def level(self) -> int:
        """0–4, for the colour of the cell (4 = most salient)."""
        if not self.findings:
            return 0
        return min(4, 1 + self.max_salience // 25)


EMPTY_CELL = HeatCell(0, 0)


@dataclass(frozen=True, slots=True)
class HeatMap:
    """Findings per country (rows, most salient first) and theme (columns, in theme order)."""

    countries: tuple[str, ...]
    themes: tuple[str, ...]
    cells: Mapping[tuple[str, str], HeatCell]

    def cell(self, country: str, theme: str) -> HeatCell:
        return self.cells.get((country, theme), EMPTY_CELL)

    def as_dict(self) -> dict[str, Any]:
        """Rows for a template: codes, display names in English and Dutch, and one cell per theme."""
        from imvo.core.countries import country_name

        def name(code: str, language: str) -> str:
            try:
                return country_name(code, language)
            except (KeyError, ValueError):
                return code

        return {
            "themes": list(self.themes),
            "rows": [
                {
                    "country": country,
                    "name_en": name(country, "en"),
                    "name_nl": name(country, "nl"),
                    "cells": [
                        {
                            "theme": theme,
                            "findings": self.cell(country, theme).findings,
                            "max_salience": self.cell(country, theme).max_salience,
                            "level": self.cell(country, theme).level,
                        }
                        for theme in self.themes
                    ],
                }
                for country in self.countries
            ],
        }


def heat_map(rows: Iterable[tuple[str, str, int, int | None]]) -> HeatMap:
    """A heat map from (country, theme, number of findings, highest salience) rows; themes without a
    dataset are left out (they have no findings to show), rows without a country or theme too."""
    cells: dict[tuple[str, str], HeatCell] = {}
    for country, theme, count, salience in rows:
        if not country or not theme or theme == "none" or not count:
            continue
        previous = cells.get((country, theme), EMPTY_CELL)
        cells[(country, theme)] = HeatCell(
            previous.findings + int(count), max(previous.max_salience, int(salience or 0))
        )
    top: dict[str, int] = {}
    for (country, _theme), cell in cells.items():
        top[country] = max(top.get(country, 0), cell.max_salience)
    countries = tuple(sorted(top, key=lambda c: (-top[c], c)))
    themes = tuple(theme.id for theme in THEMES if theme.covered)
    return HeatMap(countries, themes, cells)


def heat_map_of_risks(risks: Iterable[tuple[str, str, int | None]]) -> HeatMap:
    """A heat map from one (country, theme, salience) row per risk, as a register holds them."""
    return heat_map((country, theme, 1, salience) for country, theme, salience in risks)
