"""The population table (django-tables2): its columns, their headings and how each sorts; the rows are
written out by ``monitoring/tables/population.html`` (with the link form for editors), and the same
columns make the CSV export of the filtered view."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import django_tables2 as tables  # type: ignore[import-untyped]
from django.db.models import F, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from imvo.core.export import neutralise_formula
from imvo.core.monitoring.population import size_class
from imvo.web.monitoring.labels import sector_label, size_label
from imvo.web.monitoring.models import MonitoredCompany


class PopulationTable(tables.Table):
    name = tables.Column(verbose_name=gettext_lazy("Name"))
    registration_number = tables.Column(verbose_name=gettext_lazy("Registration number"))
    sector = tables.Column(
        verbose_name=gettext_lazy("Sector"), accessor="sector_code", order_by=("sector_code", "name")
    )
    employees = tables.Column(verbose_name=gettext_lazy("Employees"), attrs={"td": {"class": "num"}})
    assets = tables.Column(verbose_name=gettext_lazy("Balance-sheet total"), attrs={"td": {"class": "num"}})
    turnover = tables.Column(verbose_name=gettext_lazy("Turnover"), attrs={"td": {"class": "num"}})
    in_scope = tables.Column(verbose_name=gettext_lazy("Meets the size criteria"))
    platform = tables.Column(
        verbose_name=gettext_lazy("On the platform"),
        accessor="platform_organisation__name",
        order_by=("platform_organisation__name", "name"),
    )
    shares_register = tables.Column(verbose_name=gettext_lazy("Shares its register"))

    class Meta:
        model = MonitoredCompany
        fields: tuple[str, ...] = ()
        sequence = (
            "name",
            "registration_number",
            "sector",
            "employees",
            "assets",
            "turnover",
            "in_scope",
            "platform",
            "shares_register",
        )
        attrs = {"class": "register-table"}
        empty_text = gettext_lazy("No companies match.")
        orderable = True

    # Unknown figures sort last in both directions, on every database.
    def order_employees(self, queryset: QuerySet[MonitoredCompany], is_descending: bool) -> Ordered:
        return _nulls_last(queryset, "employees", is_descending)

    def order_assets(self, queryset: QuerySet[MonitoredCompany], is_descending: bool) -> Ordered:
        return _nulls_last(queryset, "assets", is_descending)

    def order_turnover(self, queryset: QuerySet[MonitoredCompany], is_descending: bool) -> Ordered:
        return _nulls_last(queryset, "turnover", is_descending)


Ordered = tuple["QuerySet[MonitoredCompany]", bool]


def _nulls_last(queryset: QuerySet[MonitoredCompany], field: str, is_descending: bool) -> Ordered:
    order = F(field).desc(nulls_last=True) if is_descending else F(field).asc(nulls_last=True)
    return queryset.order_by(order, "name", "id"), True


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def population_csv(companies: Iterable[MonitoredCompany]) -> str:
    """The rows as CSV in the request's language: names for sectors, size classes and yes/no.

    Text cells a spreadsheet would run as formulas are neutralised (names come from uploaded files).
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Name"),
            _("Registration number"),
            _("Sector code"),
            _("Sector"),
            _("Employees"),
            _("Size class (employees)"),
            _("Balance-sheet total"),
            _("Turnover"),
            _("Meets the size criteria"),
            _("On the platform"),
            _("Shares its register"),
            _("Website"),
        ]
    )
    for company in companies:
        platform = company.platform_organisation
        row = [
            company.name,
            company.registration_number,
            company.sector_code,
            sector_label(company.sector_code) if company.sector_code else "",
            company.employees,
            size_label(size_class(company.employees)),
            company.assets,
            company.turnover,
            _yes_no(company.in_scope),
            platform.name if platform is not None else "",
            _yes_no(getattr(company, "shares_register", False)),
            company.website,
        ]
        writer.writerow(
            [
                "" if cell is None else neutralise_formula(cell) if isinstance(cell, str) else cell
                for cell in row
            ]
        )
    return out.getvalue()
