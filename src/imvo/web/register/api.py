"""The JSON API (``/api/v1/``): the workspace of one organisation, read by a bearer token.

Authentication is a bearer token issued per organisation (``organisations.ApiToken``); every query is
scoped to the token's organisation, and writes (measures only) need a token with an editing role.
Suppliers, scans, risks and measures are here; the rest of the register is in
:mod:`imvo.web.register.api_records`, and grievances, obligations and monitoring add their routers
from their AppConfig. The OpenAPI schema is at ``/api/v1/openapi.json``; ninja's own docs page is off
(it loads scripts the Content-Security-Policy forbids): :mod:`imvo.web.register.api_docs` renders the
reference on the server instead.
"""

# No ``from __future__ import annotations`` here: django-ninja builds its pydantic models from the
# functions' annotations at import time and cannot resolve them when they are strings.

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Path, Query, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import Field

from imvo.web.register import actions, queries
from imvo.web.register.api_base import (
    MAX_ID,
    BoundedPagination,
    OrganisationToken,
    Problem,
    require_edit,
    token_of,
    via,
)
from imvo.web.register.api_records import router as records_router
from imvo.web.register.models import MeasureKind, MeasureStatus, RiskArea, RiskStatus, Supplier

api = NinjaAPI(
    title="imvo register API",
    version="1",
    description="Suppliers, scans, risks and measures of the organisation that issued the bearer token.",
    auth=OrganisationToken(),
    urls_namespace="api",
    docs_url=None,
)


class SupplierOut(Schema):
    id: int
    supplier_number: str
    scan_id: int | None
    input_row: int | None
    name: str
    country: str
    product: str
    hs_code: str
    tier: str
    spend: Decimal | None
    scan_status: str


class ScanOut(Schema):
    id: int
    status: str
    file_name: str = Field(validation_alias="upload.original_name")
    created_at: dt.datetime
    finished_at: dt.datetime | None
    rows: int
    suppliers_count: int
    risks_count: int
    error: str


class RiskOut(Schema):
    id: int
    source: str
    area: str
    title: str
    theme: str
    description: str
    country: str
    good: str
    supplier_id: int | None
    scan_id: int | None
    likelihood: int | None
    severity: int | None
    salience: int | None
    priority: int | None
    evidence: str
    source_url: str
    dataset: str
    edition: str
    status: str
    confidential: bool


class MeasureOut(Schema):
    id: int
    risk_id: int
    kind: str
    description: str
    owner: str
    due_on: dt.date | None
    status: str
    cost: Decimal | None
    confidential: bool
    is_overdue: bool


class MeasureIn(Schema):
    kind: MeasureKind
    description: str = Field(min_length=1, max_length=5000)
    owner: str = Field(min_length=1, max_length=200)
    due_on: dt.date | None = None
    status: MeasureStatus = MeasureStatus.PLANNED
    cost: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)
    confidential: bool = False


class MeasurePatch(Schema):
    description: str | None = Field(default=None, min_length=1, max_length=5000)
    owner: str | None = Field(default=None, min_length=1, max_length=200)
    due_on: dt.date | None = None
    status: MeasureStatus | None = None
    cost: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)


@api.get("/suppliers", response=list[SupplierOut], tags=["suppliers"])
@paginate(BoundedPagination)
def list_suppliers(request: HttpRequest, scan_id: int | None = Query(None, ge=1, le=MAX_ID)) -> Any:
    """The suppliers on the list now (or those that ``scan_id``, the last list naming them, listed)."""
    organisation = token_of(request).organisation
    if scan_id is None:
        return queries.suppliers(organisation).order_by("name", "id")
    scan = queries.scan(organisation, scan_id)
    return Supplier.objects.filter(organisation=organisation, scan=scan).order_by("input_row", "id")


@api.get("/scans", response=list[ScanOut], tags=["scans"])
@paginate(BoundedPagination)
def list_scans(request: HttpRequest) -> Any:
    return queries.scans(token_of(request).organisation)


@api.get("/scans/{scan_id}", response={200: ScanOut, 404: Problem}, tags=["scans"])
def get_scan(request: HttpRequest, scan_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.scan(token_of(request).organisation, scan_id)


@api.get("/risks", response=list[RiskOut], tags=["risks"])
@paginate(BoundedPagination)
def list_risks(request: HttpRequest, status: RiskStatus | None = None, area: RiskArea | None = None) -> Any:
    """The risk register, most salient first."""
    risk_filter = queries.RiskFilter(status=status or queries.ALL_STATUSES, area=area or "")
    return queries.risks(token_of(request).organisation, risk_filter)


@api.get("/risks/{risk_id}", response={200: RiskOut, 404: Problem}, tags=["risks"])
def get_risk(request: HttpRequest, risk_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.risk(token_of(request).organisation, risk_id)


@api.get("/measures", response=list[MeasureOut], tags=["measures"])
@paginate(BoundedPagination)
def list_measures(request: HttpRequest) -> Any:
    return queries.measures(token_of(request).organisation)


@api.get("/measures/{measure_id}", response={200: MeasureOut, 404: Problem}, tags=["measures"])
def get_measure(request: HttpRequest, measure_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.measure(token_of(request).organisation, measure_id)


@api.post(
    "/risks/{risk_id}/measures", response={201: MeasureOut, 403: Problem, 404: Problem}, tags=["measures"]
)
def create_measure(
    request: HttpRequest, payload: MeasureIn, risk_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    token = require_edit(request)
    risk = queries.risk(token.organisation, risk_id)
    measure = actions.add_measure(None, token.organisation, risk, payload.dict(), via=via(token))
    return Status(201, measure)


@api.patch(
    "/measures/{measure_id}", response={200: MeasureOut, 403: Problem, 404: Problem}, tags=["measures"]
)
def update_measure(
    request: HttpRequest, payload: MeasurePatch, measure_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    token = require_edit(request)
    measure = get_object_or_404(queries.measures(token.organisation), pk=measure_id)
    changes = payload.dict(exclude_unset=True)
    for required in ("description", "owner", "status"):
        if required in changes and changes[required] is None:
            del changes[required]
    return actions.update_measure(None, token.organisation, measure, changes, via=via(token))


# The rest of the register, read-only; the feature apps add their own routers from their AppConfig
# (the register may not import them).
api.add_router("", records_router)
