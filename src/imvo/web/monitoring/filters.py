"""The population's filters (django-filter): what the population table and its CSV export show.

One :class:`PopulationFilterSet` reads the query string for the table and the export, so they always
agree. The sector choices are the SBI divisions (or sections) the population's own codes belong to,
named in the request's language.
"""

from __future__ import annotations

from typing import Any

import django_filters  # type: ignore[import-untyped]
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from imvo.core.monitoring.population import SIZE_CLASSES, UNKNOWN_SIZE
from imvo.core.monitoring.sectors import divisions_in_use
from imvo.web.monitoring.labels import language_code, size_label
from imvo.web.monitoring.models import MonitoredCompany
from imvo.web.monitoring.queries import in_sector_group, shares_register_with
from imvo.web.organisations.models import Organisation

SEARCH_MAX = 100
YES_NO = [("yes", _("yes")), ("no", _("no"))]


def size_choices() -> list[tuple[str, str]]:
    return [(label, size_label(label)) for label, _low, _high in SIZE_CLASSES] + [
        (UNKNOWN_SIZE, size_label(UNKNOWN_SIZE))
    ]


def size_condition(size: str) -> Q:
    """The companies of one size class (by employees), as :func:`imvo.core.monitoring.size_class` counts."""
    if size == UNKNOWN_SIZE:
        return Q(employees__isnull=True)
    for label, low, high in SIZE_CLASSES:
        if label == size:
            condition = Q(employees__gte=low)
            return condition & Q(employees__lte=high) if high is not None else condition
    return Q(pk__in=[])


class PopulationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or registration number"), method="filter_search")
    sector = django_filters.ChoiceFilter(label=_("Sector"), empty_label=_("All"), method="filter_sector")
    size = django_filters.ChoiceFilter(
        label=_("Size class (employees)"), empty_label=_("All"), method="filter_size"
    )
    in_scope = django_filters.ChoiceFilter(
        label=_("Meets the size criteria"), choices=YES_NO, empty_label=_("All"), method="filter_in_scope"
    )
    linked = django_filters.ChoiceFilter(
        label=_("On the platform"), choices=YES_NO, empty_label=_("All"), method="filter_linked"
    )
    shared = django_filters.ChoiceFilter(
        label=_("Shares its register with you"), choices=YES_NO, empty_label=_("All"), method="filter_shared"
    )

    class Meta:
        model = MonitoredCompany
        fields: list[str] = []

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet[MonitoredCompany] | None = None,
        *,
        organisation: Organisation,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, queryset=queryset, **kwargs)
        self.organisation = organisation
        language = language_code()
        codes = list(self.queryset.exclude(sector_code="").values_list("sector_code", flat=True).distinct())
        self.filters["sector"].extra["choices"] = [
            (sector.code, f"{sector.name(language)} ({sector.code})") for sector in divisions_in_use(codes)
        ]
        self.filters["size"].extra["choices"] = size_choices()

    def filter_search(
        self, queryset: QuerySet[MonitoredCompany], name: str, value: str
    ) -> QuerySet[MonitoredCompany]:
        term = value.strip()[:SEARCH_MAX]
        if not term:
            return queryset
        return queryset.filter(Q(name__icontains=term) | Q(registration_number__icontains=term))

    def filter_sector(
        self, queryset: QuerySet[MonitoredCompany], name: str, value: str
    ) -> QuerySet[MonitoredCompany]:
        return queryset.filter(in_sector_group(self.organisation, value))

    def filter_size(
        self, queryset: QuerySet[MonitoredCompany], name: str, value: str
    ) -> QuerySet[MonitoredCompany]:
        return queryset.filter(size_condition(value))

    def filter_in_scope(
        self, queryset: QuerySet[MonitoredCompany], name: str, value: str
    ) -> QuerySet[MonitoredCompany]:
        return queryset.filter(in_scope=value == "yes")

    def filter_linked(
        self, queryset: QuerySet[MonitoredCompany], name: str, value: str
    ) -> QuerySet[MonitoredCompany]:
        return queryset.filter(platform_organisation__isnull=value != "yes")

    def filter_shared(
        self, queryset: QuerySet[MonitoredCompany], name: str, value: str
    ) -> QuerySet[MonitoredCompany]:
        shared = shares_register_with(self.organisation)
        return queryset.filter(shared) if value == "yes" else queryset.exclude(shared)
