"""The rest of the register as read-only JSON: policies, severity judgements, indicators, follow-ups,
stakeholder engagements, remediation records and published reports (``/api/v1/…``).

Every list and every record is scoped to the token's organisation (another organisation's id is a
404, never its data) and every list is paginated like the rest of the API. Added to the API by
:mod:`imvo.web.register.api`.
"""

# No ``from __future__ import annotations`` here: django-ninja builds its pydantic models from the
# annotations at import time and cannot resolve them when they are strings.

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Schema
from ninja.pagination import paginate

from imvo.web.register import queries
from imvo.web.register.api_base import MAX_ID, BoundedPagination, Problem, token_of
from imvo.web.register.models import FollowUp, Indicator, SeverityJudgement
from imvo.web.site import absolute_reverse

router = Router()


class PolicyOut(Schema):
    id: int
    title: str
    document_url: str
    document_name: str
    adopted_on: dt.date | None
    board_approved_on: dt.date | None
    endorses_oecd_guidelines: bool
    endorses_ungps: bool
    endorsed_on: dt.date | None
    endorsement_evidence_url: str
    responsible_officer: str
    management_system: str
    updated_at: dt.datetime


class JudgementOut(Schema):
    id: int
    risk_id: int
    severity: int
    scale: int | None
    scope: int | None
    irremediability: int | None
    rationale: str
    created_at: dt.datetime


class IndicatorOut(Schema):
    id: int
    measure_id: int
    name: str
    target: str
    unit: str


class FollowUpOut(Schema):
    id: int
    measure_id: int
    indicator_id: int | None
    kind: str
    planned_on: dt.date
    done_on: dt.date | None
    value: str
    result: str
    is_overdue: bool


class EngagementOut(Schema):
    id: int
    risk_id: int | None
    held_on: dt.date
    stakeholder: str
    method: str
    summary: str
    outcome: str
    confidential: bool


class RemediationOut(Schema):
    id: int
    risk_id: int
    description: str
    affected: str
    provided_on: dt.date | None
    status: str
    confidential: bool


class ReportOut(Schema):
    id: int
    version: int
    title: str
    published_at: dt.datetime
    url: str
    pdf_url: str

    @staticmethod
    def resolve_url(report: Any) -> str:
        return absolute_reverse("register:public_report", public_id=report.public_id)

    @staticmethod
    def resolve_pdf_url(report: Any) -> str:
        return absolute_reverse("register:public_report_pdf", public_id=report.public_id)


@router.get("/policies", response=list[PolicyOut], tags=["policies"])
@paginate(BoundedPagination)
def list_policies(request: HttpRequest) -> Any:
    """Step 1: the policies, most recently adopted first."""
    return queries.policies(token_of(request).organisation)


@router.get("/policies/{policy_id}", response={200: PolicyOut, 404: Problem}, tags=["policies"])
def get_policy(request: HttpRequest, policy_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.policy(token_of(request).organisation, policy_id)


@router.get("/judgements", response=list[JudgementOut], tags=["risks"])
@paginate(BoundedPagination)
def list_judgements(request: HttpRequest, risk_id: int | None = Query(None, ge=1, le=MAX_ID)) -> Any:
    """Step 2: the recorded severity judgements (the evidence for a risk's severity), of one risk
    with ``risk_id``."""
    judgements = SeverityJudgement.objects.filter(organisation=token_of(request).organisation)
    if risk_id is not None:
        judgements = judgements.filter(risk_id=risk_id)
    return judgements.order_by("-created_at", "-id")


@router.get("/indicators", response=list[IndicatorOut], tags=["tracking"])
@paginate(BoundedPagination)
def list_indicators(request: HttpRequest, measure_id: int | None = Query(None, ge=1, le=MAX_ID)) -> Any:
    """Step 4: the indicators that track the measures (of one measure with ``measure_id``)."""
    indicators = Indicator.objects.filter(organisation=token_of(request).organisation)
    if measure_id is not None:
        indicators = indicators.filter(measure_id=measure_id)
    return indicators.order_by("measure_id", "id")


@router.get("/follow-ups", response=list[FollowUpOut], tags=["tracking"])
@paginate(BoundedPagination)
def list_follow_ups(request: HttpRequest, measure_id: int | None = Query(None, ge=1, le=MAX_ID)) -> Any:
    """Step 4: audits, visits and KPI measurements, planned and done, soonest first."""
    follow_ups = FollowUp.objects.filter(organisation=token_of(request).organisation)
    if measure_id is not None:
        follow_ups = follow_ups.filter(measure_id=measure_id)
    return follow_ups.order_by("planned_on", "id")


@router.get("/follow-ups/{follow_up_id}", response={200: FollowUpOut, 404: Problem}, tags=["tracking"])
def get_follow_up(request: HttpRequest, follow_up_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.follow_up(token_of(request).organisation, follow_up_id)


@router.get("/engagements", response=list[EngagementOut], tags=["stakeholders"])
@paginate(BoundedPagination)
def list_engagements(request: HttpRequest) -> Any:
    """Stakeholder engagements (who was consulted, when, what was discussed and the outcome)."""
    return queries.engagements(token_of(request).organisation).order_by("-held_on", "-id")


@router.get(
    "/engagements/{engagement_id}", response={200: EngagementOut, 404: Problem}, tags=["stakeholders"]
)
def get_engagement(request: HttpRequest, engagement_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.engagement(token_of(request).organisation, engagement_id)


@router.get("/remediation", response=list[RemediationOut], tags=["remediation"])
@paginate(BoundedPagination)
def list_remediation(request: HttpRequest) -> Any:
    """Step 6: remediation provided for the register's risks."""
    return queries.remediations(token_of(request).organisation).order_by("-created_at", "-id")


@router.get(
    "/remediation/{remediation_id}", response={200: RemediationOut, 404: Problem}, tags=["remediation"]
)
def get_remediation(request: HttpRequest, remediation_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    return queries.remediation(token_of(request).organisation, remediation_id)


@router.get("/reports", response=list[ReportOut], tags=["reports"])
@paginate(BoundedPagination)
def list_reports(request: HttpRequest) -> Any:
    """Step 5: the published versions of the public report, newest first, with their addresses."""
    return queries.published_reports(token_of(request).organisation).order_by("-version", "-id")


@router.get("/reports/{int:version}", response={200: ReportOut, 404: Problem}, tags=["reports"])
def get_report(request: HttpRequest, version: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    """One published version of the report (versions are numbered 1, 2, … per organisation)."""
    return get_object_or_404(queries.published_reports(token_of(request).organisation), version=version)
