"""Reading a covenant: its settings and records, which members count, and the members' shared registers.

Who counts ("a contributing member"): a party of kind company, linked to its organisation on the
platform, that has not left, and whose organisation's consent to this covenant is in force. Every
figure, list and assessment from a register reads :func:`contributing_members`; a member that leaves or
revokes its consent drops out of all of them at once (``docs/covenants.md``, "Consent").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from imvo.web.covenants.models import (
    Covenant,
    Criterion,
    DocumentRequest,
    Improvement,
    Meeting,
    MeetingDocument,
    MemberAssessment,
    MemberConsent,
    MonitorShare,
    Party,
    PartyKind,
    Project,
    RulingLink,
)
from imvo.web.organisations.models import Organisation


def require_covenant(organisation: Organisation) -> None:
    """Http404 unless ``organisation`` is a covenant: its workspace does not exist for other kinds."""
    if organisation.kind != "covenant":
        raise Http404("Not a covenant.")


def require_company(organisation: Organisation) -> None:
    if organisation.kind != "company":
        raise Http404("Not a company.")


def covenant_of(organisation: Organisation) -> Covenant:
    """The covenant's settings; unsaved defaults until the secretariat saves them."""
    return Covenant.objects.filter(organisation=organisation).first() or Covenant(organisation=organisation)


def criteria(organisation: Organisation) -> QuerySet[Criterion]:
    return Criterion.objects.filter(organisation=organisation)


def parties(organisation: Organisation) -> QuerySet[Party]:
    return Party.objects.filter(organisation=organisation).select_related("member")


def party(organisation: Organisation, party_id: int) -> Party:
    found = parties(organisation).filter(pk=party_id).first()
    if found is None:
        raise Http404("No such party.")
    return found


def projects(organisation: Organisation) -> QuerySet[Project]:
    return Project.objects.filter(organisation=organisation).prefetch_related("results")


def project(organisation: Organisation, project_id: int) -> Project:
    found = Project.objects.filter(organisation=organisation, pk=project_id).first()
    if found is None:
        raise Http404("No such project.")
    return found


def current(today: dt.date | None = None) -> Q:
    """Parties that have joined and not left on ``today``."""
    today = today or timezone.localdate()
    return Q(joined_on__lte=today) & (Q(left_on__isnull=True) | Q(left_on__gt=today))


def consents_in_force(covenant: Organisation) -> QuerySet[MemberConsent]:
    return MemberConsent.objects.filter(covenant=covenant, revoked_at__isnull=True)


def contributing_members(covenant: Organisation, **consent_flags: bool) -> QuerySet[Party]:
    """Current member companies whose consent is in force (with the given flags, e.g.
    ``publish_locations=True``); register sharing is always required."""
    consenting = consents_in_force(covenant).filter(share_register=True, **consent_flags)
    return (
        Party.objects.filter(current(), organisation=covenant, kind=PartyKind.COMPANY)
        .filter(member__isnull=False, member__in=consenting.values("organisation"))
        .select_related("member")
    )


def consent_of(company: Organisation, covenant: Organisation) -> MemberConsent | None:
    return consents_in_force(covenant).filter(organisation=company).first()


def assessments(organisation: Organisation) -> QuerySet[MemberAssessment]:
    return MemberAssessment.objects.filter(organisation=organisation).select_related("party")


def assessment(organisation: Organisation, assessment_id: int) -> MemberAssessment:
    found = assessments(organisation).filter(pk=assessment_id).first()
    if found is None:
        raise Http404("No such assessment.")
    return found


def improvements(assessment_: MemberAssessment) -> QuerySet[Improvement]:
    return Improvement.objects.filter(organisation=assessment_.organisation, assessment=assessment_)


# --- the member company's side --------------------------------------------------------------------
def consents_given(company: Organisation) -> QuerySet[MemberConsent]:
    return MemberConsent.objects.filter(organisation=company).select_related("covenant")


def consent_given(company: Organisation, consent_id: int) -> MemberConsent:
    found = consents_given(company).filter(pk=consent_id).first()
    if found is None:
        raise Http404("No such consent.")
    return found


def memberships_of(company: Organisation) -> QuerySet[Party]:
    """The covenants the company is a party of (linked by the secretariat after its consent)."""
    return Party.objects.filter(member=company, kind=PartyKind.COMPANY).select_related("organisation")


def membership_of(company: Organisation, party_id: int) -> Party:
    found = memberships_of(company).filter(pk=party_id).first()
    if found is None:
        raise Http404("No such covenant membership.")
    return found


def own_assessment(company: Organisation, assessment_id: int) -> MemberAssessment:
    found = (
        MemberAssessment.objects.filter(
            party__member=company, party__kind=PartyKind.COMPANY, pk=assessment_id
        )
        .select_related("party", "organisation")
        .first()
    )
    if found is None:
        raise Http404("No such assessment.")
    return found


# --- steering group -------------------------------------------------------------------------------
def meetings(organisation: Organisation) -> QuerySet[Meeting]:
    return Meeting.objects.filter(organisation=organisation).prefetch_related("documents")


def meeting(organisation: Organisation, meeting_id: int) -> Meeting:
    found = Meeting.objects.filter(organisation=organisation, pk=meeting_id).first()
    if found is None:
        raise Http404("No such meeting.")
    return found


def document(organisation: Organisation, document_id: int) -> MeetingDocument:
    found = MeetingDocument.objects.filter(organisation=organisation, pk=document_id).first()
    if found is None:
        raise Http404("No such document.")
    return found


def document_requests(organisation: Organisation) -> QuerySet[DocumentRequest]:
    return DocumentRequest.objects.filter(organisation=organisation).select_related("party")


def document_request(organisation: Organisation, request_id: int) -> DocumentRequest:
    found = document_requests(organisation).filter(pk=request_id).first()
    if found is None:
        raise Http404("No such request.")
    return found


def rulings(organisation: Organisation) -> QuerySet[RulingLink]:
    return RulingLink.objects.filter(organisation=organisation).select_related("case", "party", "assessment")


def published_covenant(slug: str) -> Organisation:
    """The covenant with this short name, for its public page; Http404 for anything else."""
    found = Organisation.objects.filter(slug=slug, kind="covenant").first()
    if found is None:
        raise Http404("No such covenant.")
    return found


def committee_cases(organisation: Organisation) -> QuerySet[Any]:
    """The decided cases of the covenant's own committee (none without a committee)."""
    from imvo.web.grievances.models import GrievanceCase

    committee_id = covenant_of(organisation).committee_id
    if committee_id is None:
        return GrievanceCase.objects.none()
    return GrievanceCase.objects.filter(organisation=organisation, mechanism_id=committee_id).exclude(
        outcome=""
    )


def improvement(organisation: Organisation, improvement_id: int) -> Improvement:
    found = Improvement.objects.filter(organisation=organisation, pk=improvement_id).first()
    if found is None:
        raise Http404("No such improvement.")
    return found


def population_shares(monitor: Organisation) -> QuerySet[MonitorShare]:
    return MonitorShare.objects.filter(organisation=monitor).select_related("covenant")


def population_share(monitor: Organisation, share_id: int) -> MonitorShare:
    found = population_shares(monitor).filter(pk=share_id).first()
    if found is None:
        raise Http404("No such share.")
    return found
