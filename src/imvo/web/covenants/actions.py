"""Every write of the covenant workspace and of the member companies' covenant page, audit-logged.

The secretariat's writes are recorded on the covenant's trail; a member company's (its consent, its
submission, its production locations) on the company's trail, and a submission on both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imvo.core.covenants import MINIMUM_MEMBERS_PER_CELL
from imvo.core.register import maturity as maturity_rules
from imvo.web.audit import AuditAction, create_audited, record_audit_event, update_audited
from imvo.web.covenants import queries
from imvo.web.covenants.models import (
    AssessmentReview,
    AssessmentSource,
    AssessmentStatus,
    Covenant,
    Criterion,
    DocumentRequest,
    DocumentStatus,
    Improvement,
    LocationDetail,
    Meeting,
    MeetingDocument,
    MemberAssessment,
    MemberConsent,
    MonitorShare,
    Party,
    PartyKind,
    Project,
    ProjectResult,
    RulingLink,
    Verdict,
    WithholdingReason,
)
from imvo.web.organisations.models import Organisation
from imvo.web.register.facts import register_facts
from imvo.web.register.models import Supplier

OECD_STEPS = range(1, 7)


# --- the covenant's settings, criteria, parties, projects -----------------------------------------
@transaction.atomic
def setup_covenant(actor: Any, organisation: Organisation) -> Covenant:
    """The covenant's settings row and, the first time, the six OECD steps as its criteria."""
    queries.require_covenant(organisation)
    covenant = Covenant.objects.filter(organisation=organisation).first()
    if covenant is not None:
        return covenant
    covenant = Covenant.objects.create(organisation=organisation)
    record_audit_event(actor, organisation, AuditAction.CREATE, covenant, {})
    if not Criterion.objects.filter(organisation=organisation).exists():
        for step in OECD_STEPS:
            create_audited(actor, organisation, Criterion, {"position": step, "step": step})
    return covenant


def update_covenant(actor: Any, organisation: Organisation, fields: Mapping[str, Any]) -> Covenant:
    covenant = setup_covenant(actor, organisation)
    if fields.get("minimum_members", MINIMUM_MEMBERS_PER_CELL) < MINIMUM_MEMBERS_PER_CELL:
        raise ValidationError(_("A figure needs at least 3 members."))
    starts_on, ends_on = fields.get("starts_on"), fields.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError(_("The end date lies before the start date."))
    return update_audited(actor, organisation, covenant, fields)


def add_criterion(actor: Any, organisation: Organisation, title: str, description: str) -> Criterion:
    setup_covenant(actor, organisation)
    position = queries.criteria(organisation).count() + 1
    fields = {"position": position, "title": title.strip(), "description": description.strip()}
    return create_audited(actor, organisation, Criterion, fields)


def add_party(actor: Any, organisation: Organisation, fields: Mapping[str, Any]) -> Party:
    setup_covenant(actor, organisation)
    return create_audited(actor, organisation, Party, dict(fields))


def link_party(actor: Any, organisation: Organisation, party: Party, platform_slug: str) -> Party:
    """Say which platform organisation a member company is: only one that consented to this covenant.

    An organisation that does not exist and one that has not consented get the same answer from one
    query, so the form cannot be used to probe other organisations' short names."""
    consenting = queries.consents_in_force(organisation).values("organisation")
    company = Organisation.objects.filter(slug=platform_slug, kind="company", pk__in=consenting).first()
    if company is None or party.kind != PartyKind.COMPANY:
        raise ValidationError(
            _(
                "No company with that short name has given this covenant its consent. A member links up "
                "by giving consent under “Covenants” in its own workspace."
            )
        )
    if queries.parties(organisation).filter(member=company).exclude(pk=party.pk).exists():
        raise ValidationError(_("Another party is linked to this organisation already."))
    return update_audited(actor, organisation, party, {"member": company})


def party_leaves(actor: Any, organisation: Organisation, party: Party, left_on: dt.date) -> Party:
    if left_on < party.joined_on:
        raise ValidationError(_("A party cannot leave before it joined."))
    return update_audited(actor, organisation, party, {"left_on": left_on})


def add_project(actor: Any, organisation: Organisation, fields: Mapping[str, Any]) -> Project:
    setup_covenant(actor, organisation)
    return create_audited(actor, organisation, Project, dict(fields))


def add_result(
    actor: Any, organisation: Organisation, project: Project, recorded_on: dt.date, description: str
) -> ProjectResult:
    fields = {"project": project, "recorded_on": recorded_on, "description": description.strip()}
    return create_audited(actor, organisation, ProjectResult, fields)


def publish_locations(actor: Any, organisation: Organisation, publish: bool) -> Covenant:
    covenant = setup_covenant(actor, organisation)
    when = timezone.now() if publish else None
    covenant.locations_published_at = when
    covenant.save(update_fields=["locations_published_at"])
    record_audit_event(actor, organisation, AuditAction.PUBLISH, covenant, {"locations_published": publish})
    return covenant


# --- consent (given by the member company) --------------------------------------------------------
CONSENT_FLAGS = ("share_register", "publish_locations", "named_on_list", "joint_action")


def _checked_flags(flags: Mapping[str, bool]) -> dict[str, bool]:
    cleaned = {name: bool(flags.get(name, False)) for name in CONSENT_FLAGS}
    if cleaned["named_on_list"] and not cleaned["publish_locations"]:
        raise ValidationError(_("Your name can only be shown next to locations you publish."))
    if not cleaned["share_register"] and (cleaned["publish_locations"] or cleaned["joint_action"]):
        raise ValidationError(_("Publishing locations and joint action need your register to be shared."))
    return cleaned


def grant_consent(
    actor: Any, company: Organisation, covenant: Organisation, flags: Mapping[str, bool]
) -> MemberConsent:
    if company.kind != "company" or covenant.kind != "covenant":
        raise ValidationError(_("Consent can only be given by a company to a covenant."))
    cleaned = _checked_flags(flags)
    existing = queries.consent_of(company, covenant)
    if existing is not None:
        return update_consent(actor, existing, cleaned)
    consent = MemberConsent.objects.create(
        organisation=company, covenant=covenant, granted_by=actor, **cleaned
    )
    record_audit_event(
        actor, company, AuditAction.GRANT_CONSENT, consent, {"covenant": covenant.slug, **cleaned}
    )
    return consent


def update_consent(actor: Any, consent: MemberConsent, flags: Mapping[str, bool]) -> MemberConsent:
    if consent.revoked_at is not None:
        raise ValidationError(_("This consent was revoked; give a new one."))
    return update_audited(actor, consent.organisation, consent, _checked_flags(flags))


@transaction.atomic
def revoke_consent(actor: Any, consent: MemberConsent) -> MemberConsent:
    """Revoke: the member drops out of every figure and list from now on (they are computed from the
    consents in force), and what the covenant took from its register — the register snapshot of its
    submissions — is erased. Assessments from uploaded documents and the verdicts stay."""
    if consent.revoked_at is not None:
        return consent
    consent.revoked_at = timezone.now()
    consent.save(update_fields=["revoked_at"])
    taken = MemberAssessment.objects.filter(
        organisation=consent.covenant, party__member=consent.organisation, source=AssessmentSource.REGISTER
    ).exclude(snapshot={})
    erased = taken.update(snapshot={})
    record_audit_event(
        actor,
        consent.organisation,
        AuditAction.REVOKE_CONSENT,
        consent,
        {"covenant": consent.covenant.slug, "register_snapshots_erased": erased},
    )
    if erased:
        record_audit_event(
            None,
            consent.covenant,
            AuditAction.REMOVE_REGISTER_EVIDENCE,
            object_type="memberconsent",
            object_id=consent.pk,
            changes={"reason": "consent revoked", "register_snapshots_erased": erased},
        )
    return consent


# --- the member's submission ----------------------------------------------------------------------
def register_snapshot(company: Organisation) -> dict[str, Any]:
    """The company's register as the assessment reads it: the level per OECD step and key counts, by
    the same rules and facts as its own "Where are we" page."""
    facts = register_facts(company)
    levels = {str(step.step): step.level for step in maturity_rules.assess(facts)}
    return {
        "levels": levels,
        "risks": facts.risks,
        "measures_active": facts.measures.active,
        "measures_overdue": facts.measures.overdue,
        "report_published": facts.last_report_at is not None,
    }


def _check_submission(party: Party, year: int) -> None:
    if party.left_on is not None and party.left_on <= timezone.localdate():
        raise ValidationError(_("Your company has left this covenant."))
    existing = MemberAssessment.objects.filter(party=party, year=year).first()
    if existing is not None and existing.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(_("The assessment of this year has started; it cannot be replaced."))


@transaction.atomic
def submit_plan(
    actor: Any, company: Organisation, party: Party, year: int, document: UploadedFile[Any] | None = None
) -> MemberAssessment:
    """The member submits its plan for ``year``: from its register (needs its consent) or a document.
    A submission not yet assessed is replaced."""
    if party.member_id != company.pk:
        raise PermissionDenied
    _check_submission(party, year)
    covenant = party.organisation
    values: dict[str, Any] = {"submitted_by": actor, "status": AssessmentStatus.SUBMITTED}
    if document is None:
        consent = queries.consent_of(company, covenant)
        if consent is None or not consent.share_register:
            raise ValidationError(
                _("Give the covenant consent to read your register first, or upload a document.")
            )
        values.update(source=AssessmentSource.REGISTER, snapshot=register_snapshot(company), document="")
        values["document_name"] = ""
    else:
        values.update(source=AssessmentSource.DOCUMENT, snapshot={}, document_name=document.name or "")
    assessment, _created = MemberAssessment.objects.update_or_create(
        organisation=covenant, party=party, year=year, defaults=values
    )
    if document is not None:
        assessment.document.save(document.name or "plan.pdf", document, save=True)
    changes = {"covenant": covenant.slug, "year": year, "source": assessment.source}
    record_audit_event(actor, company, AuditAction.UPLOAD, assessment, changes)
    record_audit_event(actor, covenant, AuditAction.UPLOAD, assessment, {"member": party.name, "year": year})
    return assessment


# --- four-eyes assessment -------------------------------------------------------------------------
def _clean_verdicts(organisation: Organisation, verdicts: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    ids = {str(pk) for pk in queries.criteria(organisation).values_list("pk", flat=True)}
    cleaned: dict[str, Any] = {}
    for criterion, entry in verdicts.items():
        if criterion not in ids or entry.get("verdict") not in Verdict.values:
            raise ValidationError(_("Unknown criterion or verdict."))
        reason = (entry.get("reason") or "").strip()
        if not reason:
            raise ValidationError(_("Give a reason for every verdict."))
        cleaned[criterion] = {"verdict": entry["verdict"], "reason": reason}
    if set(cleaned) != ids:
        raise ValidationError(_("Give a verdict on every criterion."))
    return cleaned


def _clean_improvements(improvements: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    cleaned = []
    for item in improvements:
        description = (item.get("description") or "").strip()
        due_on = item.get("due_on")
        if description and not isinstance(due_on, dt.date):
            raise ValidationError(_("Every agreed improvement needs a deadline."))
        if description and isinstance(due_on, dt.date):
            cleaned.append({"description": description, "due_on": due_on.isoformat()})
    return cleaned


def propose_assessment(
    actor: Any,
    assessment: MemberAssessment,
    verdicts: Mapping[str, Mapping[str, str]],
    improvements: Sequence[Mapping[str, Any]],
) -> AssessmentReview:
    """First pair of eyes: a verdict with reasons per criterion and the improvements to agree."""
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(_("This assessment is not waiting for a first assessor."))
    organisation = assessment.organisation
    with transaction.atomic():
        review = AssessmentReview.objects.create(
            organisation=organisation,
            assessment=assessment,
            reviewer=actor,
            kind="propose",
            verdicts=_clean_verdicts(organisation, verdicts),
            improvements=_clean_improvements(improvements),
        )
        assessment.status = AssessmentStatus.AWAITING_SECOND
        assessment.save(update_fields=["status"])
        changes = {"verdicts": review.verdicts, "improvements": review.improvements}
        record_audit_event(actor, organisation, AuditAction.PROPOSE_REVIEW, assessment, changes)
    return review


def pending_proposal(assessment: MemberAssessment) -> AssessmentReview | None:
    return assessment.reviews.filter(kind="propose").order_by("-created_at", "-id").first()


def decide_assessment(
    actor: Any, assessment: MemberAssessment, approve: bool, reason: str
) -> AssessmentReview:
    """Second pair of eyes: another person approves (the member then sees it) or sends it back."""
    if assessment.status != AssessmentStatus.AWAITING_SECOND:
        raise ValidationError(_("This assessment is not waiting for a second assessor."))
    proposal = pending_proposal(assessment)
    if proposal is None:
        raise ValidationError(_("There is no proposal to decide on."))
    if proposal.reviewer_id == actor.pk:
        raise PermissionDenied(
            _("The second assessment must be done by another person (four-eyes principle).")
        )
    if not reason.strip():
        raise ValidationError(_("Give a reason for the decision."))
    organisation = assessment.organisation
    with transaction.atomic():
        review = AssessmentReview.objects.create(
            organisation=organisation,
            assessment=assessment,
            reviewer=actor,
            kind="approve" if approve else "reject",
            reason=reason.strip(),
        )
        if approve:
            assessment.verdicts = proposal.verdicts
            assessment.status = AssessmentStatus.APPROVED
            assessment.assessed_at = timezone.now()
            for item in proposal.improvements:
                Improvement.objects.create(
                    organisation=organisation,
                    assessment=assessment,
                    description=item["description"],
                    due_on=dt.date.fromisoformat(item["due_on"]),
                )
        else:
            assessment.status = AssessmentStatus.SUBMITTED
        assessment.save(update_fields=["verdicts", "status", "assessed_at"])
        if approve:
            record_audit_event(
                actor, organisation, AuditAction.APPROVE_REVIEW, assessment, {"reason": review.reason}
            )
        else:
            record_audit_event(
                actor, organisation, AuditAction.REJECT_REVIEW, assessment, {"reason": review.reason}
            )
    return review


def complete_improvement(
    actor: Any, organisation: Organisation, improvement: Improvement, done_on: dt.date
) -> Improvement:
    return update_audited(actor, organisation, improvement, {"done_on": done_on})


# --- production locations (described by the member company) ---------------------------------------
def describe_location(
    actor: Any, company: Organisation, supplier: Supplier, fields: Mapping[str, Any]
) -> LocationDetail:
    if supplier.organisation_id != company.pk:
        raise PermissionDenied
    existing = LocationDetail.objects.filter(organisation=company, supplier=supplier).first()
    if existing is not None:
        return update_audited(actor, company, existing, dict(fields))
    return create_audited(actor, company, LocationDetail, {"supplier": supplier, **fields})


# --- steering group -------------------------------------------------------------------------------
def add_meeting(actor: Any, organisation: Organisation, held_on: dt.date, title: str) -> Meeting:
    queries.require_covenant(organisation)
    return create_audited(actor, organisation, Meeting, {"held_on": held_on, "title": title.strip()})


def add_document(
    actor: Any, organisation: Organisation, meeting: Meeting, fields: Mapping[str, Any]
) -> MeetingDocument:
    """A draft document. The trail records its kind, title and length, not its text: the text may
    hold what must never be published, and the trail is read more widely than the draft."""
    document = MeetingDocument.objects.create(organisation=organisation, meeting=meeting, **fields)
    changes = {
        "meeting": meeting.pk,
        "kind": document.kind,
        "title": document.title,
        "characters": len(document.text),
    }
    record_audit_event(actor, organisation, AuditAction.CREATE, document, changes)
    return document


def passages(text: str) -> list[str]:
    """A document's passages: its paragraphs, separated by empty lines."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def propose_redaction(actor: Any, document: MeetingDocument, withheld: Mapping[int, str]) -> MeetingDocument:
    """First pair of eyes: mark the passages to withhold, each with its reason."""
    if document.status == DocumentStatus.PUBLISHED:
        raise ValidationError(_("This document is published already."))
    count = len(passages(document.text))
    marks = []
    for number, reason in sorted(withheld.items()):
        if not 1 <= number <= count or reason not in WithholdingReason.values:
            raise ValidationError(_("Unknown passage or reason."))
        marks.append({"passage": number, "reason": reason})
    fields = {"withheld": marks, "status": DocumentStatus.AWAITING_SECOND, "proposed_by": actor}
    document = update_audited(actor, document.organisation, document, fields)
    record_audit_event(
        actor, document.organisation, AuditAction.PROPOSE_REVIEW, document, {"withheld": marks}
    )
    return document


def published_text(document: MeetingDocument) -> str:
    """The document with each withheld passage replaced by a placeholder naming the reason's code."""
    reasons = {mark["passage"]: mark["reason"] for mark in document.withheld}
    parts = [
        f"[{reasons[number]}]" if number in reasons else passage
        for number, passage in enumerate(passages(document.text), start=1)
    ]
    return "\n\n".join(parts)


def approve_redaction(actor: Any, document: MeetingDocument, approve: bool) -> MeetingDocument:
    """Second pair of eyes: another person approves (the redacted text is published) or sends it back."""
    if document.status != DocumentStatus.AWAITING_SECOND:
        raise ValidationError(_("This document is not waiting for approval."))
    if document.proposed_by_id == actor.pk:
        raise PermissionDenied(_("Another person must approve the redaction (four-eyes principle)."))
    organisation = document.organisation
    with transaction.atomic():
        if not approve:
            record_audit_event(actor, organisation, AuditAction.REJECT_REVIEW, document, {})
            return update_audited(actor, organisation, document, {"status": DocumentStatus.DRAFT})
        document.published_text = published_text(document)
        document.published_at = timezone.now()
        document.approved_by = actor
        document.status = DocumentStatus.PUBLISHED
        document.save()
        record_audit_event(actor, organisation, AuditAction.APPROVE_REVIEW, document, {})
        record_audit_event(
            actor, organisation, AuditAction.PUBLISH, document, {"withheld": document.withheld}
        )
    return document


def log_request(actor: Any, organisation: Organisation, fields: Mapping[str, Any]) -> DocumentRequest:
    return create_audited(actor, organisation, DocumentRequest, dict(fields))


def request_document(actor: Any, company: Organisation, party: Party, request: str) -> DocumentRequest:
    """A member company asks its covenant for a document; logged on both trails."""
    if party.member_id != company.pk:
        raise PermissionDenied
    if not request.strip():
        raise ValidationError(_("Say which document you ask for."))
    logged = DocumentRequest.objects.create(
        organisation=party.organisation,
        party=party,
        request=request.strip(),
        requested_on=timezone.localdate(),
    )
    changes = {"covenant": party.organisation.slug, "request": logged.request}
    record_audit_event(actor, company, AuditAction.CREATE, logged, changes)
    record_audit_event(
        actor,
        party.organisation,
        AuditAction.CREATE,
        logged,
        {"party": party.name, "request": logged.request},
    )
    return logged


def answer_request(
    actor: Any, organisation: Organisation, request: DocumentRequest, answer: str, answered_on: dt.date
) -> DocumentRequest:
    if request.answered_on is not None:
        raise ValidationError(_("This request has been answered."))
    fields = {"answer": answer.strip(), "answered_on": answered_on}
    return update_audited(actor, organisation, request, fields)


# --- the complaints and disputes committee ----------------------------------------------------------
def link_ruling(
    actor: Any, organisation: Organisation, case: Any, party: Party, assessment: MemberAssessment | None
) -> RulingLink:
    covenant = queries.covenant_of(organisation)
    if covenant.committee_id is None or case.mechanism_id != covenant.committee_id:
        raise ValidationError(_("Only a case of the covenant's own committee can be linked."))
    if assessment is not None and assessment.party_id != party.pk:
        raise ValidationError(_("The assessment is of another member."))
    return create_audited(
        actor, organisation, RulingLink, {"case": case, "party": party, "assessment": assessment}
    )


# --- a monitor shares its population (given by the monitor organisation) ----------------------------
def share_population(actor: Any, monitor: Organisation, covenant: Organisation) -> MonitorShare:
    if monitor.kind != "monitor" or covenant.kind != "covenant":
        raise ValidationError(_("Only a monitor can share its population, and only with a covenant."))
    existing = MonitorShare.objects.filter(
        organisation=monitor, covenant=covenant, revoked_at__isnull=True
    ).first()
    if existing is not None:
        return existing
    share = MonitorShare.objects.create(organisation=monitor, covenant=covenant, granted_by=actor)
    record_audit_event(actor, monitor, AuditAction.GRANT_CONSENT, share, {"covenant": covenant.slug})
    return share


def stop_sharing_population(actor: Any, share: MonitorShare) -> MonitorShare:
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        record_audit_event(
            actor, share.organisation, AuditAction.REVOKE_CONSENT, share, {"covenant": share.covenant.slug}
        )
    return share
