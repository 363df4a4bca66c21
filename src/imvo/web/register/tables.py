"""The register's table (django-tables2): its columns, their headings and how each sorts; the rows are
written out by ``register/tables/risks.html`` (per-cell rendering would cost more than the queries)."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables  # type: ignore[import-untyped]
from django.db.models import F, QuerySet
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django_tables2.data import TableQuerysetData  # type: ignore[import-untyped]

from imvo.web.register import scales
from imvo.web.register.filters import band_name
from imvo.web.register.models import Risk


def salience_badge(salience: int | None) -> SafeString:
    """The salience with its band's colour and name (the colour is never the only signal)."""
    band = scales.salience_band(salience)
    if band is None:
        return mark_safe('<span class="band band--none">—</span>')  # noqa: S308 (a constant)
    return format_html(
        '<span class="band band--{}">{} <small>{}</small></span>', band, salience, band_name(band)
    )


class PageFirstData(TableQuerysetData):
    """A page of the register read in two steps: the ids of the page sorted and sliced first, then
    the rows of those ids with their supplier and counts. Sorting a whole register moves only narrow
    rows, joined to the suppliers only when the sort or a filter needs it; the join to the supplier
    and the counts run for the rows of the page only (with 100 000 suppliers, joining first cost
    more than everything else on the page)."""

    def __getitem__(self, key: int | slice) -> Any:
        if not isinstance(key, slice):
            return self.data[key]
        ids = list(self.data.values_list("pk", flat=True)[key])
        rows = self.data.order_by().in_bulk(ids)
        return [rows[pk] for pk in ids]


class RiskTable(tables.Table):
    salience = tables.Column(verbose_name=_("Salience"), attrs={"td": {"class": "num"}})
    title = tables.Column(verbose_name=_("Risk"))
    supplier = tables.Column(
        verbose_name=_("Supplier"), accessor="supplier__name", order_by=("supplier__name", "id"), default="—"
    )
    country = tables.Column(verbose_name=_("Country"), default="—")
    good = tables.Column(verbose_name=_("Good"), default="—")
    theme = tables.Column(verbose_name=_("Theme"), default="—")
    status = tables.Column(verbose_name=_("Status"))
    judged = tables.Column(verbose_name=_("Judged"))
    measure_count = tables.Column(verbose_name=_("Measures"), attrs={"td": {"class": "num"}})

    class Meta:
        model = Risk
        fields: tuple[str, ...] = ()
        sequence = (
            "salience",
            "title",
            "supplier",
            "country",
            "good",
            "theme",
            "status",
            "judged",
            "measure_count",
        )
        attrs = {"class": "register-table"}
        empty_text = _("No risks match.")
        orderable = True

    def __init__(self, data: QuerySet[Risk], *args: Any, organisation_slug: str, **kwargs: Any) -> None:
        super().__init__(PageFirstData(data), *args, **kwargs)
        self.organisation_slug = organisation_slug

    def order_salience(self, queryset: QuerySet[Risk], is_descending: bool) -> tuple[QuerySet[Risk], bool]:
        salience = (
            F("salience").desc(nulls_last=True) if is_descending else F("salience").asc(nulls_last=True)
        )
        return queryset.order_by(salience, F("priority").asc(nulls_last=True), "id"), True
