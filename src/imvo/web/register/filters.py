"""The register's filters (django-filter): what the risk list, its heat map and its exports show.

One :class:`RiskFilterSet` reads the query string for every view of the register (the list, the view
per supplier, the likelihood × severity heat map and the CSV/XLSX export), so they always agree.
Choices that depend on the register (countries, goods) are read from the organisation's own risks.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

import django_filters  # type: ignore[import-untyped]
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from imvo.core.countries import country_codes, country_name
from imvo.core.register.facts import CANCELLED
from imvo.core.risk.themes import THEMES, theme_label
from imvo.web.register import scales
from imvo.web.register.facts import due_follow_up_filter, overdue_follow_up_filter
from imvo.web.register.models import (
    FollowUp,
    FollowUpKind,
    Measure,
    Risk,
    RiskArea,
    RiskStatus,
    SeverityJudgement,
    Supplier,
    good_shown,
)
from imvo.web.register.queries import facets

#: The default view: the risks still to be dealt with (open and being addressed).
CURRENT = ""
ALL_STATUSES = "all"
SEARCH_MAX = 100


def language_code() -> str:
    return "nl" if (get_language() or "en").startswith("nl") else "en"


def country_label(code: str) -> str:
    try:
        return country_name(code, language_code())
    except (KeyError, ValueError):
        return code


def status_choices() -> list[tuple[str, Any]]:
    return [*RiskStatus.choices, (ALL_STATUSES, _("All, closed included"))]


def theme_choices() -> list[tuple[str, str]]:
    language = language_code()
    return sorted(((theme.id, theme_label(theme.id, language)) for theme in THEMES), key=lambda c: c[1])


#: The names of the salience bands (:data:`imvo.web.register.scales.SALIENCE_BAND_LEVELS`).
BAND_NAMES = {1: _("low"), 2: _("medium"), 3: _("high"), 4: _("very high")}


def band_choices() -> list[tuple[str, Any]]:
    return [(str(band), BAND_NAMES[band]) for band in scales.SALIENCE_BAND_LEVELS]


def band_name(band: int | None) -> str:
    return str(BAND_NAMES[band]) if band is not None else ""


YES_NO = [("yes", _("yes")), ("no", _("no"))]
LEVELS = [(str(level), str(level)) for level in range(1, 6)]


def _fold(text: str) -> str:
    """Case and accents do not count when searching ("cote" finds "Côte d'Ivoire")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@functools.cache
def _folded_country_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every country code with its code, English and Dutch name folded for searching (read once)."""
    return tuple(
        (code, tuple(_fold(name) for name in (code, country_name(code, "en"), country_name(code, "nl"))))
        for code in country_codes()
    )


def _matching_codes(term: str) -> list[str]:
    """Countries whose Dutch or English name (or code) contains ``term``: search in both languages."""
    folded = _fold(term)
    return [code for code, names in _folded_country_names() if any(folded in name for name in names)]


def _matching_themes(term: str) -> list[str]:
    folded = _fold(term)
    return [
        theme.id for theme in THEMES if folded in _fold(theme.label_en) or folded in _fold(theme.label_nl)
    ]


def search_filter(term: str) -> Q:
    """Title, supplier, good, and country and theme names in Dutch and English."""
    # The supplier as a subquery, not a join: PostgreSQL then finds the matching names in their
    # trigram index (migration 0009) instead of joining every supplier to filter after the join.
    suppliers = Supplier.objects.filter(name__icontains=term).values("pk")
    condition = Q(title__icontains=term) | Q(supplier__in=suppliers) | Q(good__icontains=term)
    if codes := _matching_codes(term):
        condition |= Q(country__in=codes)
    if themes := _matching_themes(term):
        condition |= Q(theme__in=themes)
    if goods := _matching_goods(term):
        condition |= Q(good__in=goods)
    return condition


def _matching_goods(term: str) -> list[str]:
    """The goods (stored in English) whose Dutch name contains ``term`` ("cacao" finds Cocoa)."""
    import unicodedata

    from imvo.core.products.good_names import translated_goods

    folded = term.casefold()
    names = [english for english, dutch in translated_goods()["nl"].items() if folded in dutch.casefold()]
    # ILAB writes some names decomposed ("Açaí"): match the stored spelling either way.
    return sorted({form for name in names for form in (name, unicodedata.normalize("NFD", name))})


def _active_measure() -> Exists:
    """The risk (``OuterRef("pk")``) has a measure that was not cancelled (as the register facts count)."""
    return Exists(Measure.objects.filter(risk=OuterRef("pk")).exclude(status=CANCELLED))


class RiskFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        empty_label=_("Current (open and being addressed)"),
        method="filter_status",
    )
    area = django_filters.ChoiceFilter(label=_("Area"), choices=RiskArea.choices, empty_label=_("All"))
    theme = django_filters.ChoiceFilter(label=_("Theme"), empty_label=_("All"))
    country = django_filters.ChoiceFilter(label=_("Country"), empty_label=_("All"))
    good = django_filters.ChoiceFilter(label=_("Good"), empty_label=_("All"))
    supplier = django_filters.NumberFilter(field_name="supplier_id", widget=forms.HiddenInput)
    supplier_name = django_filters.CharFilter(
        label=_("Supplier"), field_name="supplier__name", lookup_expr="icontains"
    )
    band = django_filters.ChoiceFilter(label=_("Salience"), empty_label=_("All"), method="filter_band")
    judged = django_filters.ChoiceFilter(
        label=_("Judged"), choices=YES_NO, empty_label=_("All"), method="filter_judged"
    )
    measure = django_filters.ChoiceFilter(
        label=_("With a measure"), choices=YES_NO, empty_label=_("All"), method="filter_measure"
    )
    likelihood = django_filters.ChoiceFilter(
        label=_("Likelihood"), choices=LEVELS, empty_label=_("All"), method="filter_level"
    )
    severity = django_filters.ChoiceFilter(
        label=_("Severity"), choices=LEVELS, empty_label=_("All"), method="filter_level"
    )

    class Meta:
        model = Risk
        fields: list[str] = []

    def __init__(self, data: Any = None, queryset: QuerySet[Risk] | None = None, **kwargs: Any) -> None:
        super().__init__(data, queryset=queryset, **kwargs)
        # Choices as lists, made in the request's language (the template counts them).
        self.filters["status"].extra["choices"] = status_choices()
        self.filters["theme"].extra["choices"] = theme_choices()
        self.filters["band"].extra["choices"] = band_choices()
        countries, goods = facets(self.queryset)
        self.filters["country"].extra["choices"] = sorted(
            ((code, country_label(code)) for code in countries), key=lambda c: c[1]
        )
        self.filters["good"].extra["choices"] = sorted(
            ((good, good_shown(good)) for good in goods), key=lambda c: c[1]
        )

    def filter_search(self, queryset: QuerySet[Risk], name: str, value: str) -> QuerySet[Risk]:
        term = value.strip()[:SEARCH_MAX]
        return queryset.filter(search_filter(term)) if term else queryset

    def filter_status(self, queryset: QuerySet[Risk], name: str, value: str) -> QuerySet[Risk]:
        return queryset if value == ALL_STATUSES else queryset.filter(status=value)

    def filter_band(self, queryset: QuerySet[Risk], name: str, value: str) -> QuerySet[Risk]:
        low, high = scales.salience_band_range(int(value))
        return queryset.filter(salience__gte=low, salience__lte=high)

    def filter_judged(self, queryset: QuerySet[Risk], name: str, value: str) -> QuerySet[Risk]:
        judged = Exists(SeverityJudgement.objects.filter(risk=OuterRef("pk")))
        return queryset.filter(judged) if value == "yes" else queryset.exclude(judged)

    def filter_measure(self, queryset: QuerySet[Risk], name: str, value: str) -> QuerySet[Risk]:
        return queryset.filter(_active_measure()) if value == "yes" else queryset.exclude(_active_measure())

    def filter_level(self, queryset: QuerySet[Risk], name: str, value: str) -> QuerySet[Risk]:
        low, high = scales.level_range(int(value))
        return queryset.filter(**{f"{name}__gte": low, f"{name}__lte": high})

    def filter_queryset(self, queryset: QuerySet[Risk]) -> QuerySet[Risk]:
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.exclude(status=RiskStatus.CLOSED)  # the default: what is still to do
        return super().filter_queryset(queryset)


class FollowUpFilterSet(django_filters.FilterSet):
    """Step 4's list: which follow-ups to carry out (due: within 30 days or overdue), which are late,
    which were done; by kind. "Due" and "overdue" are the register's one definitions
    (:mod:`imvo.web.register.facts`)."""

    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[
            ("due", _("due (within 30 days or overdue)")),
            ("overdue", _("overdue")),
            ("done", _("done")),
        ],
        empty_label=_("All"),
        method="filter_when",
    )
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=FollowUpKind.choices, empty_label=_("All"))

    class Meta:
        model = FollowUp
        fields: list[str] = []

    def filter_when(self, queryset: QuerySet[FollowUp], name: str, value: str) -> QuerySet[FollowUp]:
        today = timezone.localdate()
        if value == "due":
            return queryset.filter(due_follow_up_filter(today))
        if value == "overdue":
            return queryset.filter(overdue_follow_up_filter(today))
        return queryset.filter(done_on__isnull=False)
