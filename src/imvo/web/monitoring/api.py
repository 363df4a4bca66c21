"""The monitoring workspace as read-only JSON (``/api/v1/monitoring/…``): the population with sector
names, the rounds and the figures, for the token's (monitor) organisation only. Added to the API by
:class:`imvo.web.monitoring.apps.MonitoringConfig`.
"""

# No ``from __future__ import annotations`` here: django-ninja builds its pydantic models from the
# annotations at import time and cannot resolve them when they are strings.

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from imvo.core.monitoring.sectors import sector_of
from imvo.web.monitoring import queries
from imvo.web.register.api_base import BoundedPagination, token_of

router = Router(tags=["monitoring"])


class CompanyOut(Schema):
    id: int
    name: str
    registration_number: str
    sector_code: str
    sector_name_nl: str
    sector_name_en: str
    employees: int | None
    assets: float | None
    turnover: float | None
    website: str
    in_scope: bool
    platform_organisation: str | None
    shares_register: bool

    @staticmethod
    def resolve_sector_name_nl(company: Any) -> str:
        sector = sector_of(company.sector_code)
        return sector.name("nl") if sector is not None else ""

    @staticmethod
    def resolve_sector_name_en(company: Any) -> str:
        sector = sector_of(company.sector_code)
        return sector.name("en") if sector is not None else ""

    @staticmethod
    def resolve_platform_organisation(company: Any) -> str | None:
        platform = company.platform_organisation
        return platform.slug if platform is not None else None


class RoundOut(Schema):
    id: int
    name: str
    population_size: int | None
    target: float
    criteria_sets: list[str]
    created_at: dt.datetime
    assessed: int
    to_review: int


class FiguresOut(Schema):
    target: float
    rounds: list[str]
    sampled_rounds: list[str]
    reference_series: list[dict[str, Any]]
    # One object per round, measure and group: numerator, denominator, share, 95 % interval.
    figures: list[dict[str, Any]]


@router.get("/monitoring/companies", response=list[CompanyOut])
@paginate(BoundedPagination)
def list_companies(request: HttpRequest) -> Any:
    """The monitored population, by name, with each sector code's SBI name in Dutch and English."""
    return queries.population(token_of(request).organisation)


@router.get("/monitoring/rounds", response=list[RoundOut])
@paginate(BoundedPagination)
def list_rounds(request: HttpRequest) -> Any:
    return queries.rounds(token_of(request).organisation)


@router.get("/monitoring/figures", response=FiguresOut)
def get_figures(request: HttpRequest) -> Any:
    """Every round's figures, as the dashboard and its exports show them."""
    return queries.figures(token_of(request).organisation).to_dict()
