"""The filtered register as CSV or XLSX, in the reader's language.

Text cells a spreadsheet would run as a formula get a leading apostrophe
(:func:`imvo.core.export.neutralise_formula`, the OWASP advice on CSV injection); numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from imvo.core.export import XLSX_MAX_ROWS, neutralise_formula

__all__ = ["XLSX_MAX_ROWS", "as_csv", "as_xlsx", "export", "header", "risk_rows"]
from imvo.core.risk.themes import theme_label
from imvo.web.register import scales
from imvo.web.register.filters import band_name, country_label, language_code
from imvo.web.register.models import Risk

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def header() -> list[str]:
    return [
        _("Salience"),
        _("Salience band"),
        _("Risk"),
        _("Supplier"),
        _("Supplier number"),
        _("Country code"),
        _("Country"),
        _("Good"),
        _("Theme"),
        _("Area"),
        _("Status"),
        _("Likelihood (1–5)"),
        _("Severity (1–5)"),
        _("Judged"),
        _("Measures"),
        _("Confidential"),
    ]


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def risk_rows(risks: QuerySet[Risk]) -> Iterator[list[Any]]:
    """One row per risk, in the order and filter of ``risks`` (the list's queryset)."""
    language = language_code()
    for risk in risks.iterator(chunk_size=2000):
        supplier = risk.supplier
        yield [
            risk.salience,
            band_name(scales.salience_band(risk.salience)),
            str(risk),  # the heading in the reader's language where the model builds one
            supplier.name if supplier else "",
            supplier.supplier_number if supplier else "",
            risk.country,
            country_label(risk.country) if risk.country else "",
            risk.good,
            theme_label(risk.theme, language) if risk.theme else "",
            risk.get_area_display(),
            risk.get_status_display(),
            scales.percent_to_level(risk.likelihood),
            scales.percent_to_level(risk.severity),
            _yes_no(bool(getattr(risk, "judged", False))),
            getattr(risk, "measure_count", 0),
            _yes_no(risk.confidential),
        ]


def _safe(row: Iterable[Any]) -> list[Any]:
    return [neutralise_formula(cell) if isinstance(cell, str) else cell for cell in row]


def as_csv(rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_safe(header()))
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in _safe(row)])
    # A byte-order mark: spreadsheet programs then read the accents as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(rows: Iterable[list[Any]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Risks")[:31])
    sheet.append(_safe(header()))
    for row in rows:
        sheet.append(_safe(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export(risks: QuerySet[Risk], file_format: str) -> bytes:
    rows = risk_rows(risks)
    return as_xlsx(rows) if file_format == "xlsx" else as_csv(rows)
