"""Grievance cases as read-only JSON (``/api/v1/grievances/…``), for the token's organisation only.

A case is given by its handling: phase, deadlines, theme, country, outcome, the register records it
is linked to and the remedies' kinds and dates. Never anything from or about the complainant: no
name, e-mail, telephone, organisation, subject, description, desired outcome, language, messages,
attachments or case reference (half of the complainant's key to the case), and no remedy text. A
public statement is given once published (it is published redacted). Added to the API by
:class:`imvo.web.grievances.apps.GrievancesConfig`.
"""

# No ``from __future__ import annotations`` here: django-ninja builds its pydantic models from the
# annotations at import time and cannot resolve them when they are strings.

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Path, Query, Router, Schema
from ninja.pagination import paginate

from imvo.web.grievances import queries
from imvo.web.grievances.models import CasePhase
from imvo.web.organisations.roles import Role
from imvo.web.register.api_base import MAX_ID, BoundedPagination, Problem, require_role, token_of

router = Router(tags=["grievances"])


class MechanismOut(Schema):
    id: int
    name: str
    variant: str
    is_open: bool
    case_count: int


class RemedyOut(Schema):
    id: int
    kind: str
    due_on: dt.date | None
    completed_on: dt.date | None


class CaseOut(Schema):
    id: int
    mechanism_id: int
    phase: str
    phase_started_at: dt.datetime
    received_at: dt.datetime
    closed_at: dt.datetime | None
    deadline: dt.datetime | None
    days_overdue: int
    theme: str
    country: str
    admissible: bool | None
    outcome: str
    substantiated: bool | None
    public_statement: str
    supplier_id: int | None
    risk_id: int | None
    measure_id: int | None
    remedies: list[RemedyOut]

    @staticmethod
    def resolve_public_statement(case: Any) -> str:
        return case.public_statement if case.statement_published_at else ""

    @staticmethod
    def resolve_remedies(case: Any) -> list[Any]:
        return list(case.remedies.all())


@router.get("/grievances/mechanisms", response=list[MechanismOut])
@paginate(BoundedPagination)
def list_mechanisms(request: HttpRequest) -> Any:
    return queries.mechanisms_of(token_of(request).organisation).order_by("name", "id")


@router.get("/grievances/cases", response={200: list[CaseOut], 403: Problem})
@paginate(BoundedPagination)
def list_cases(
    request: HttpRequest,
    phase: Literal["open"] | CasePhase | None = None,
    mechanism_id: int | None = Query(None, ge=1, le=MAX_ID),
) -> Any:
    """The cases, newest first; ``phase=open`` for every case not closed (editors' and owners' tokens,
    as in the web)."""
    organisation = require_role(request, Role.EDITOR).organisation
    cases = queries.cases_of(organisation, phase=phase or "", mechanism_id=mechanism_id)
    return cases.prefetch_related("remedies")


@router.get("/grievances/cases/{case_id}", response={200: CaseOut, 403: Problem, 404: Problem})
def get_case(request: HttpRequest, case_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.case_of(require_role(request, Role.EDITOR).organisation, case_id)
