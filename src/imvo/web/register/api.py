"""The JSON API (``/api/v1/``): suppliers, scans, risks and measures of one organisation.

Authentication is a bearer token issued per organisation (``organisations.ApiToken``); every query is
scoped to the token's organisation, and writes need a token with an editing role. The OpenAPI schema
is at ``/api/v1/openapi.json``; the interactive docs page is off because it loads assets from a CDN.
"""

# No ``from __future__ import annotations`` here: django-ninja builds its pydantic models from the
# functions' annotations at import time and cannot resolve them when they are strings.

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Path, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status
from ninja.security import HttpBearer
from pydantic import Field

from imvo.web.organisations.models import ApiToken
from imvo.web.organisations.roles import may_edit
from imvo.web.register import actions, queries
from imvo.web.register.models import MeasureKind, MeasureStatus, RiskArea, RiskStatus, Supplier


class OrganisationToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        if len(token) > 200:
            return None
        return ApiToken.authenticate(token)


api = NinjaAPI(
    title="imvo register API",
    version="1",
    description="Suppliers, scans, risks and measures of the organisation that issued the bearer token.",
    auth=OrganisationToken(),
    urls_namespace="api",
    docs_url=None,
)


def _token(request: HttpRequest) -> ApiToken:
    # Ninja sets ``request.auth`` to what OrganisationToken.authenticate returned.
    token = getattr(request, "auth", None)
    if not isinstance(token, ApiToken):
        raise HttpError(401, "Unauthorized")
    return token


def _via(token: ApiToken) -> str:
    # The audit trail names the token (its name and public prefix, never the secret).
    return f"API token {token.name} ({token.prefix}…)"


def _require_edit(request: HttpRequest) -> ApiToken:
    token = _token(request)
    if not may_edit(token.role):
        raise HttpError(403, "This token may only read.")
    return token


#: Database ids are 64-bit; larger numbers in a URL are refused (422) rather than overflowing the driver.
MAX_ID = 2**62
MAX_OFFSET = 10_000_000


class BoundedPagination(LimitOffsetPagination):
    """limit/offset with upper bounds, so no request can ask the database for an overflowing OFFSET."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=500, **kwargs)


class Problem(Schema):
    detail: str


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
    organisation = _token(request).organisation
    if scan_id is None:
        return queries.suppliers(organisation).order_by("name", "id")
    scan = queries.scan(organisation, scan_id)
    return Supplier.objects.filter(organisation=organisation, scan=scan).order_by("input_row", "id")


@api.get("/scans", response=list[ScanOut], tags=["scans"])
@paginate(BoundedPagination)
def list_scans(request: HttpRequest) -> Any:
    return queries.scans(_token(request).organisation)


@api.get("/scans/{scan_id}", response={200: ScanOut, 404: Problem}, tags=["scans"])
def get_scan(request: HttpRequest, scan_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.scan(_token(request).organisation, scan_id)


@api.get("/risks", response=list[RiskOut], tags=["risks"])
@paginate(BoundedPagination)
def list_risks(request: HttpRequest, status: RiskStatus | None = None, area: RiskArea | None = None) -> Any:
    """The risk register, most salient first."""
    risk_filter = queries.RiskFilter(status=status or queries.ALL_STATUSES, area=area or "")
    return queries.risks(_token(request).organisation, risk_filter)


@api.get("/risks/{risk_id}", response={200: RiskOut, 404: Problem}, tags=["risks"])
def get_risk(request: HttpRequest, risk_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.risk(_token(request).organisation, risk_id)


@api.get("/measures", response=list[MeasureOut], tags=["measures"])
@paginate(BoundedPagination)
def list_measures(request: HttpRequest) -> Any:
    return queries.measures(_token(request).organisation)


@api.get("/measures/{measure_id}", response={200: MeasureOut, 404: Problem}, tags=["measures"])
def get_measure(request: HttpRequest, measure_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.measure(_token(request).organisation, measure_id)


@api.post(
    "/risks/{risk_id}/measures", response={201: MeasureOut, 403: Problem, 404: Problem}, tags=["measures"]
)
def create_measure(
    request: HttpRequest, payload: MeasureIn, risk_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    token = _require_edit(request)
    risk = queries.risk(token.organisation, risk_id)
    measure = actions.add_measure(None, token.organisation, risk, payload.dict(), via=_via(token))
    return Status(201, measure)


@api.patch(
    "/measures/{measure_id}", response={200: MeasureOut, 403: Problem, 404: Problem}, tags=["measures"]
)
def update_measure(
    request: HttpRequest, payload: MeasurePatch, measure_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    token = _require_edit(request)
    measure = get_object_or_404(queries.measures(token.organisation), pk=measure_id)
    changes = payload.dict(exclude_unset=True)
    for required in ("description", "owner", "status"):
        if required in changes and changes[required] is None:
            del changes[required]
    return actions.update_measure(None, token.organisation, measure, changes, via=_via(token))
