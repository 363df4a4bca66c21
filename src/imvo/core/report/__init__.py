"""The self-contained HTML report of a scan: no CDN, no script, one file to mail to management."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from typing import Any

import jinja2

from imvo import __version__
from imvo.core import refdata
from imvo.core.countries import country_name
from imvo.core.risk import parameters
from imvo.core.risk.coverage import EMPTY_CELL, HeatCell
from imvo.core.risk.themes import THEME_BY_ID, THEMES
from imvo.core.scan import ScanResult

__all__ = ["HeatCell", "render_report"]

TOP_FINDINGS = 50
LISTED_ROWS_LIMIT = 500


def _environment() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(
        lambda name: resources.files("imvo.core.report").joinpath(name).read_text(encoding="utf-8")
    )
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)


def _heat_map(result: ScanResult) -> tuple[list[str], dict[str, dict[str, HeatCell]]]:
    heat = result.heat_map()
    cells: dict[str, dict[str, HeatCell]] = {}
    for (country, theme), cell in heat.cells.items():
        cells.setdefault(country, {})[theme] = cell
    return list(heat.countries), cells


def _name(alpha2: str) -> str:
    try:
        return country_name(alpha2)
    except (KeyError, ValueError):
        return alpha2


def render_report(result: ScanResult, *, generated_at: datetime | None = None) -> str:
    countries, cells = _heat_map(result)
    coverage = result.coverage
    context: dict[str, Any] = {
        "version": __version__,
        "generated_at": (generated_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        "source": result.source,
        "summary": result.summary,
        "themes": THEMES,
        "heat_themes": [theme for theme in THEMES if theme.covered],
        "theme_by_id": THEME_BY_ID,
        "coverage": coverage,
        "countries": countries,
        "cells": cells,
        "empty_cell": EMPTY_CELL,
        "country_names": {alpha2: _name(alpha2) for alpha2 in countries},
        "top": list(result.iter_findings("theme <> 'none'", TOP_FINDINGS)),
        "review": list(result.iter_findings("status = 'needs_review'", LISTED_ROWS_LIMIT)),
        "unmatched": list(
            result.iter_findings("status IN ('unmatched_country', 'unmatched_product')", LISTED_ROWS_LIMIT)
        ),
        "limit": LISTED_ROWS_LIMIT,
        "datasets": refdata.manifest(),
        "parameters": parameters,
        "warnings": result.warnings,
    }
    return _environment().get_template("report.html.j2").render(context)
