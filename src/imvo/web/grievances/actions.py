"""Every write to grievance data, named by what it does.

Handler actions record an audit event (organisation audit trail) and, for phase changes, a
:class:`PhaseTransition` with who, when and why. Public actions (submitting, replying, following a
case) are rate limited by the views and never reveal whether a reference exists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from imvo.core.grievances import (
    Phase,
    access_code_matches,
    allowed_transitions,
    hash_access_code,
    is_valid_reference,
    new_access_code,
    new_case_reference,
    redact,
)
from imvo.core.grievances.codes import canonical_reference
from imvo.web.accounts.throttle import rate_limit_key
from imvo.web.audit.records import update_audited
from imvo.web.audit.trail import record_audit_event
from imvo.web.audit.vocabulary import AuditAction
from imvo.web.grievances import notifications
from imvo.web.grievances.languages import offered as offered_languages
from imvo.web.grievances.models import (
    AccessKind,
    CaseAccess,
    CaseMessage,
    CasePhase,
    GrievanceAttachment,
    GrievanceCase,
    GrievanceMechanism,
    IdentityGrant,
    MessageAuthor,
    Outcome,
    PhaseTransition,
    PublicAttempt,
    RemedyAction,
)
from imvo.web.organisations.models import Organisation

RATE_WINDOW = dt.timedelta(hours=1)
# Limits per client (address, or IPv6 /64) and hour; a *case* is never locked, so nobody can keep a
# complainant out of their own case by guessing codes for it (issue 17, finding 5).
MAX_SUBMISSIONS_PER_CLIENT: int = getattr(settings, "IMVO_GRIEVANCE_SUBMISSIONS_PER_HOUR", 5)
MAX_FAILED_CODES_PER_CLIENT: int = getattr(settings, "IMVO_GRIEVANCE_FAILED_CODES_PER_HOUR", 20)
MAX_REPLIES_PER_CLIENT: int = getattr(settings, "IMVO_GRIEVANCE_REPLIES_PER_HOUR", 20)


COMMITTEE_DECISIONS = frozenset({Outcome.DECISION_UPHELD, Outcome.DECISION_REJECTED})
#: What a company (NCP-style) mechanism concludes with: an agreement or a final statement (OECD
#: Procedural Guidance). "Not admissible" follows from the initial assessment and "withdrawn" from
#: closing the case; neither is recorded as an outcome by hand.
COMPANY_OUTCOMES = (Outcome.AGREEMENT, Outcome.FINAL_STATEMENT)
COMMITTEE_OUTCOMES = (Outcome.DECISION_UPHELD, Outcome.DECISION_REJECTED)


class CaseAction(StrEnum):
    """What a handler does on a case; each phase allows only its own (:data:`PHASE_ACTIONS`)."""

    MOVE = "move"
    MESSAGE = "message"
    LINK = "link"
    OUTCOME = "outcome"
    REMEDY = "remedy"
    COMPLETE_REMEDY = "complete_remedy"
    PUBLISH = "publish"


_ADVANCE = frozenset({CaseAction.MOVE, CaseAction.MESSAGE})
_CONCLUDE = frozenset(
    {CaseAction.OUTCOME, CaseAction.REMEDY, CaseAction.COMPLETE_REMEDY, CaseAction.PUBLISH, CaseAction.LINK}
)
#: The actions of each phase. A received complaint is acknowledged (moved on to the assessment); the
#: assessment decides admissibility and names the supplier or risk concerned; dialogue investigates
#: and links the risks; the outcome and follow-up phases record the outcome and remedies and publish
#: the statement. Messages belong to every phase, since a complainant may write at any time; after
#: closing, a remedy can still be recorded as delivered and a written statement still published.
PHASE_ACTIONS: dict[Phase, frozenset[CaseAction]] = {
    Phase.RECEIVED: _ADVANCE,
    Phase.INITIAL_ASSESSMENT: _ADVANCE | {CaseAction.LINK},
    Phase.GOOD_OFFICES: _ADVANCE | {CaseAction.LINK},
    Phase.OUTCOME: _ADVANCE | _CONCLUDE,
    Phase.FOLLOW_UP: _ADVANCE | _CONCLUDE,
    Phase.CLOSED: frozenset({CaseAction.MESSAGE, CaseAction.COMPLETE_REMEDY, CaseAction.PUBLISH}),
}
#: The phases in which an outcome is recorded (and corrected during follow-up) and remedies are agreed.
OUTCOME_PHASES = frozenset(phase for phase, done in PHASE_ACTIONS.items() if CaseAction.OUTCOME in done)
REMEDY_PHASES = frozenset(phase for phase, done in PHASE_ACTIONS.items() if CaseAction.REMEDY in done)
#: Fields that would identify an anonymous complainant (the e-mail address only carries news).
IDENTITY_FIELDS = ("complainant_name", "complainant_organisation", "complainant_phone")


#: Compared against when a reference is unknown: the same work as a real comparison.
DUMMY_CODE_HASH = hash_access_code(new_access_code())


class TransitionError(ValueError):
    """A phase change the procedure does not allow."""


def _label(actor: Any) -> str:
    return (
        actor.get_username() if actor is not None and getattr(actor, "is_authenticated", False) else "system"
    )


# --- mechanisms and permissions -------------------------------------------------------------------
def create_mechanism(actor: Any, organisation: Organisation, fields: Mapping[str, Any]) -> GrievanceMechanism:
    mechanism = GrievanceMechanism.objects.create(organisation=organisation, **fields)
    record_audit_event(actor, organisation, AuditAction.CREATE, mechanism, {"name": mechanism.name})
    return mechanism


def update_mechanism(
    actor: Any, mechanism: GrievanceMechanism, fields: Mapping[str, Any]
) -> GrievanceMechanism:
    updated: GrievanceMechanism = update_audited(actor, mechanism.organisation, mechanism, fields)
    return updated


def grant_identity_access(actor: Any, organisation: Organisation, user: Any) -> IdentityGrant:
    grant, _created = IdentityGrant.objects.get_or_create(
        organisation=organisation, user=user, defaults={"granted_by": actor}
    )
    record_audit_event(
        actor, organisation, AuditAction.GRANT_IDENTITY_ACCESS, grant, {"user": user.get_username()}
    )
    return grant


def revoke_identity_access(actor: Any, grant: IdentityGrant) -> None:
    organisation = grant.organisation
    record_audit_event(
        actor, organisation, AuditAction.REVOKE_IDENTITY_ACCESS, grant, {"user": grant.user.get_username()}
    )
    grant.delete()


def log_case_access(user: Any, organisation: Organisation, case: GrievanceCase | None, kind: str) -> None:
    CaseAccess.objects.create(
        organisation=organisation, case=case, user=user, user_label=_label(user), kind=kind
    )


# --- public intake --------------------------------------------------------------------------------
def client_hash(ip_address: str) -> str:
    """Rate limits count per client without storing its address (an IPv6 client by its /64)."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{rate_limit_key(ip_address)}".encode()).hexdigest()


def _recent(client: str, kind: str, *, failed_only: bool = False) -> int:
    attempts = PublicAttempt.objects.filter(
        client_hash=client, kind=kind, created_at__gte=timezone.now() - RATE_WINDOW
    )
    if failed_only:
        attempts = attempts.filter(succeeded=False)
    return attempts.count()


def submission_allowed(client: str) -> bool:
    return _recent(client, "submit") < MAX_SUBMISSIONS_PER_CLIENT


def code_attempt_allowed(client: str) -> bool:
    return _recent(client, "code", failed_only=True) < MAX_FAILED_CODES_PER_CLIENT


def reply_allowed(client: str) -> bool:
    return _recent(client, "reply") < MAX_REPLIES_PER_CLIENT


def record_public_attempt(client: str, kind: str, succeeded: bool) -> None:
    PublicAttempt.objects.create(client_hash=client, kind=kind, succeeded=succeeded)


def check_text_lengths(model: type[Any], values: Mapping[str, Any]) -> None:
    """Refuse free text longer than its field allows (the forms say so first; this guards every
    other caller, since a database ``text`` column would keep megabytes)."""
    for name, value in values.items():
        limit = getattr(model._meta.get_field(name), "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            raise ValueError(f"{model.__name__}.{name} is longer than {limit} characters.")


def _store_attachment(case: GrievanceCase, upload: UploadedFile[Any]) -> GrievanceAttachment:
    # The forms refuse names and types that do not fit (never cut); this only guards other callers.
    attachment = GrievanceAttachment(
        case=case,
        original_name=upload.name or "file",
        content_type=upload.content_type or "",
        size=upload.size or 0,
    )
    for name in ("original_name", "content_type"):
        limit = getattr(GrievanceAttachment._meta.get_field(name), "max_length", None) or 0
        if len(getattr(attachment, name)) > limit:
            raise ValueError(f"The attachment's {name} is longer than {limit} characters.")
    attachment.file.save(upload.name or "file", upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def submit_complaint(
    mechanism: GrievanceMechanism,
    fields: Mapping[str, Any],
    attachments: Iterable[UploadedFile[Any]] = (),
    language: str = "",
) -> tuple[GrievanceCase, str]:
    """File a complaint; returns the case and its access code (in clear text only here, shown once)."""
    code = new_access_code()
    values = dict(fields)
    if values.get("anonymous", True) and any(str(values.get(name) or "").strip() for name in IDENTITY_FIELDS):
        # The form asks the complainant to choose; a typed name is never dropped silently.
        raise ValueError("An anonymous complaint carries no name, organisation or telephone number.")
    check_text_lengths(GrievanceCase, values)
    for _attempt in range(5):  # a reference collision is astronomically rare; retry rather than fail
        try:
            with transaction.atomic():
                case = GrievanceCase.objects.create(
                    organisation=mechanism.organisation,
                    mechanism=mechanism,
                    reference=new_case_reference(),
                    access_code_hash=hash_access_code(code),
                    language=language[:8],
                    **values,
                )
            break
        except IntegrityError:
            continue
    else:  # pragma: no cover
        raise RuntimeError("Could not allocate a case reference.")
    PhaseTransition.objects.create(
        case=case,
        from_phase="",
        to_phase=Phase.RECEIVED,
        actor_label="complainant",
        reason=_("Complaint submitted."),
    )
    for upload in attachments:
        _store_attachment(case, upload)
    notifications.notify_handlers_of_new_case(case)
    notifications.notify_complainant(
        case,
        gettext_lazy("We received your complaint with reference %(reference)s."),
        reference=case.reference,
    )
    return case, code


@dataclass(frozen=True)
class FollowResult:
    case: GrievanceCase | None


def open_case_with_code(mechanism: GrievanceMechanism, reference: str, code: str) -> FollowResult:
    """The case for a reference and access code, or nothing.

    An unknown reference and a wrong code take the same path: one lookup, one constant-time
    comparison (against a dummy fingerprint when there is no case) and no write, so neither the
    answer nor its timing says whether the reference exists. Wrong codes are counted per *client*
    by the caller (:func:`code_attempt_allowed`), never per case: the right code always opens the
    case, however many wrong guesses came from elsewhere.
    """
    case = None
    if is_valid_reference(reference):
        case = GrievanceCase.objects.filter(
            mechanism=mechanism, reference=canonical_reference(reference)
        ).first()
    fingerprint = case.access_code_hash if case is not None else DUMMY_CODE_HASH
    matches = access_code_matches(code, fingerprint)
    return FollowResult(case if case is not None and matches else None)


@transaction.atomic
def add_complainant_reply(
    case: GrievanceCase, body: str, attachments: Iterable[UploadedFile[Any]] = ()
) -> CaseMessage:
    check_text_lengths(CaseMessage, {"body": body})
    message = CaseMessage.objects.create(case=case, author_kind=MessageAuthor.COMPLAINANT, body=body)
    for upload in attachments:
        _store_attachment(case, upload)
    notifications.notify_handlers_of_reply(case)
    return message


def set_case_language(case: GrievanceCase, language: str) -> None:
    """The complainant's choice of language for their case page and e-mails (one the mechanism offers)."""
    if language not in offered_languages(case.mechanism):
        raise ValueError(f"The mechanism does not offer the language {language!r}.")
    GrievanceCase.objects.filter(pk=case.pk).update(language=language)
    case.language = language


def record_satisfaction(case: GrievanceCase, score: int) -> None:
    if not 1 <= score <= 5:
        raise ValueError("Satisfaction is scored 1 to 5.")
    GrievanceCase.objects.filter(pk=case.pk).update(satisfaction=score)


# --- handling -------------------------------------------------------------------------------------
@transaction.atomic
def post_update(
    actor: Any, case: GrievanceCase, body: str, *, visible_to_complainant: bool = False
) -> CaseMessage:
    """A handler's message: internal unless the handler deliberately shows it to the complainant."""
    check_text_lengths(CaseMessage, {"body": body})
    message = CaseMessage.objects.create(
        case=case,
        author_kind=MessageAuthor.HANDLER,
        author=actor,
        body=body,
        visible_to_complainant=visible_to_complainant,
    )
    record_audit_event(
        actor, case.organisation, AuditAction.POST_UPDATE, case, {"visible": visible_to_complainant}
    )
    if visible_to_complainant:
        notifications.notify_complainant(case, gettext_lazy("There is an update in your case."))
    return message


@transaction.atomic
def move_case(
    actor: Any,
    case: GrievanceCase,
    to_phase: Phase,
    reason: str,
    *,
    outcome: str = "",
    now: dt.datetime | None = None,
) -> PhaseTransition:
    """Move ``case`` to ``to_phase``, logging who, when and why.

    Leaving the initial assessment decides admissibility: on to good offices means admissible,
    straight to closed means not admissible (the reason is kept as the published reasons).
    """
    if not reason.strip():
        raise TransitionError(_("Give a reason for the change."))
    current = case.phase_enum
    if to_phase not in allowed_transitions(current):
        raise TransitionError(_("A case cannot move from this phase to that one."))
    when = now or timezone.now()
    if current is Phase.INITIAL_ASSESSMENT:
        case.admissible = to_phase is not Phase.CLOSED
        case.admissibility_reasons = reason
        if not case.admissible and not outcome:
            outcome = Outcome.NOT_ADMISSIBLE
    if outcome:
        case.outcome = outcome
    if to_phase is Phase.CLOSED:
        case.closed_at = when
        if not case.outcome:
            case.outcome = Outcome.WITHDRAWN
    case.phase = to_phase
    case.phase_started_at = when
    case.save()
    transition = PhaseTransition.objects.create(
        case=case,
        from_phase=current,
        to_phase=to_phase,
        actor=actor,
        actor_label=_label(actor),
        reason=reason,
        created_at=when,
    )
    record_audit_event(
        actor,
        case.organisation,
        AuditAction.MOVE_CASE,
        case,
        {"phase": [current.value, to_phase.value], "reason": reason},
    )
    notifications.notify_complainant(
        case, gettext_lazy("Your case moved to the phase: %(phase)s."), phase=CasePhase(case.phase).label
    )
    return transition


def recordable_outcomes(mechanism: GrievanceMechanism) -> tuple[Outcome, ...]:
    """The outcomes a handler may record for a case of ``mechanism``."""
    return COMMITTEE_OUTCOMES if mechanism.is_committee else COMPANY_OUTCOMES


def allows(case: GrievanceCase, action: CaseAction) -> bool:
    """Whether ``action`` belongs to the case's current phase."""
    return action in PHASE_ACTIONS[case.phase_enum]


def _refuse_outside_phase(case: GrievanceCase, action: CaseAction) -> None:
    if not allows(case, action):
        raise TransitionError(
            _("This is not done in the current phase of the case: %(phase)s.")
            % {"phase": CasePhase(case.phase).label}
        )


def outcome_applies(case: GrievanceCase) -> bool:
    return case.phase_enum in OUTCOME_PHASES


def remedy_applies(case: GrievanceCase) -> bool:
    return case.phase_enum in REMEDY_PHASES


def record_outcome(
    actor: Any, case: GrievanceCase, *, outcome: str, statement: str, substantiated: bool | None
) -> GrievanceCase:
    """Record the outcome; a committee's decision is binding and published at once (redacted)."""
    committee = case.mechanism.is_committee
    if outcome in COMMITTEE_DECISIONS and not committee:
        raise TransitionError(_("Only a complaints committee takes binding decisions."))
    if committee and outcome not in COMMITTEE_OUTCOMES:
        raise TransitionError(_("A complaints committee decides: choose upheld or rejected."))
    if not committee and outcome not in COMPANY_OUTCOMES:
        raise TransitionError(_("A company mechanism concludes with an agreement or a final statement."))
    if not outcome_applies(case):
        raise TransitionError(
            _("An outcome is recorded in the outcome or follow-up phase; move the case there first.")
        )
    changes = {"outcome": [case.outcome, outcome], "substantiated": [case.substantiated, substantiated]}
    case.outcome = outcome
    case.public_statement = statement
    case.substantiated = substantiated
    case.save(update_fields=["outcome", "public_statement", "substantiated"])
    record_audit_event(actor, case.organisation, AuditAction.RECORD_OUTCOME, case, changes)
    if substantiated:
        raise_risk_for_case(actor, case)
    if (
        committee
        and outcome in COMMITTEE_DECISIONS
        and statement.strip()
        and case.statement_published_at is None
    ):
        publish_statement(actor, case)
    return case


def new_statement_id() -> str:
    """A published statement's public address: random, never derived from the case reference."""
    return secrets.token_urlsafe(12)


def redacted_statement(case: GrievanceCase) -> str:
    names = [case.complainant_name, case.complainant_organisation]
    return redact(case.public_statement, names)


def publish_statement(actor: Any, case: GrievanceCase) -> GrievanceCase:
    """Publish the (redacted) statement, assessment reasons or committee decision."""
    _refuse_outside_phase(case, CaseAction.PUBLISH)
    if not case.public_statement.strip():
        raise TransitionError(_("Write the statement before publishing it."))
    case.statement_published_at = timezone.now()
    if not case.statement_id:
        case.statement_id = new_statement_id()
    case.save(update_fields=["statement_published_at", "statement_id"])
    record_audit_event(actor, case.organisation, AuditAction.PUBLISH_STATEMENT, case, {})
    return case


def link_to_register(
    actor: Any, case: GrievanceCase, *, supplier: Any, risk: Any, measure: Any
) -> GrievanceCase:
    for record in (supplier, risk, measure):
        if record is not None and record.organisation_id != case.organisation_id:
            raise ValueError("A case links only to its own organisation's register.")
    _refuse_outside_phase(case, CaseAction.LINK)
    case.supplier, case.risk, case.measure = supplier, risk, measure
    case.save(update_fields=["supplier", "risk", "measure"])
    record_audit_event(
        actor,
        case.organisation,
        AuditAction.LINK_REGISTER,
        case,
        {
            "supplier": getattr(supplier, "pk", None),
            "risk": getattr(risk, "pk", None),
            "measure": getattr(measure, "pk", None),
        },
    )
    return case


def raise_risk_for_case(actor: Any, case: GrievanceCase) -> Any:
    """A substantiated case raises the linked risk (reopened, evidence added) or creates one.

    Uses the register's own actions, so the register's audit trail shows the change.
    """
    from imvo.web.register import actions as register_actions
    from imvo.web.register.models import RiskStatus

    evidence = _("Substantiated grievance %(reference)s.") % {"reference": case.reference}
    if case.risk is not None:
        risk = case.risk
        fields: dict[str, Any] = {"status": RiskStatus.OPEN}
        if evidence not in risk.evidence:
            fields["evidence"] = (risk.evidence + "\n" + evidence).strip()
        return register_actions.update_risk(actor, case.organisation, risk, fields)
    risk = register_actions.create_manual_risk(
        actor,
        case.organisation,
        {
            # Fits the risk's 300 characters: a 200-character subject grows by at most a third when
            # two-letter names become the three-character marker.
            "title": redact(f"{case.reference}: {case.subject}", [case.complainant_name]),
            "theme": case.theme,
            "country": case.country,
            "supplier": case.supplier,
            "evidence": evidence,
            "confidential": True,
        },
    )
    case.risk = risk
    case.save(update_fields=["risk"])
    return risk


def add_remedy(actor: Any, case: GrievanceCase, fields: Mapping[str, Any]) -> RemedyAction:
    if not remedy_applies(case):
        raise TransitionError(
            _("A remedy is agreed in the outcome or follow-up phase; move the case there first.")
        )
    remedy = RemedyAction.objects.create(case=case, **fields)
    record_audit_event(actor, case.organisation, AuditAction.ADD_REMEDY, remedy, {"kind": remedy.kind})
    return remedy


@transaction.atomic
def complete_remedy(actor: Any, remedy: RemedyAction, delivered_on: dt.date) -> RemedyAction:
    """Mark a remedy delivered; with a linked risk it also becomes a step-6 remediation record."""
    case = remedy.case
    _refuse_outside_phase(case, CaseAction.COMPLETE_REMEDY)
    remedy.completed_on = delivered_on
    if case.risk is not None and remedy.remediation_record_id is None:
        from imvo.web.register import actions as register_actions
        from imvo.web.register.models import RemediationStatus

        record = register_actions.record_remediation(
            actor,
            case.organisation,
            case.risk,
            {
                "description": f"{remedy.get_kind_display()} ({case.reference})",
                "provided_on": delivered_on,
                "status": RemediationStatus.PROVIDED,
                "confidential": True,
            },
        )
        remedy.remediation_record_id = record.pk
    remedy.save()
    record_audit_event(
        actor, case.organisation, AuditAction.COMPLETE_REMEDY, remedy, {"completed_on": delivered_on}
    )
    notifications.notify_complainant(case, gettext_lazy("A remedy in your case was recorded as delivered."))
    return remedy


# --- retention ------------------------------------------------------------------------------------
@transaction.atomic
def erase_personal_data(actor: Any, case: GrievanceCase) -> GrievanceCase:
    """Remove identity, contact details, attachments and names in texts; keep the anonymised case."""
    names = [case.complainant_name, case.complainant_organisation]
    for attachment in case.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    for message in case.messages.all():
        message.body = redact(message.body, names)
        message.save(update_fields=["body"])
    case.description = redact(case.description, names)
    case.desired_outcome = redact(case.desired_outcome, names)
    case.subject = redact(case.subject, names)
    case.public_statement = redact(case.public_statement, names)
    case.complainant_name = case.complainant_email = case.complainant_phone = (
        case.complainant_organisation
    ) = ""
    case.anonymous = True
    case.personal_data_erased_at = timezone.now()
    case.save()
    record_audit_event(actor, case.organisation, AuditAction.ERASE_PERSONAL_DATA, case, {})
    return case


def erase_expired_personal_data(now: dt.datetime | None = None) -> int:
    """Erase personal data of every closed case past its mechanism's retention period."""
    now = now or timezone.now()
    erased = 0
    candidates = GrievanceCase.objects.filter(
        closed_at__isnull=False, personal_data_erased_at__isnull=True
    ).select_related("mechanism", "organisation")
    for case in candidates:
        if (
            case.closed_at is not None
            and case.closed_at + dt.timedelta(days=case.mechanism.retention_days) <= now
        ):
            erase_personal_data(None, case)
            erased += 1
    # Rate-limit counters are only needed for an hour; keep a day, then forget the clients.
    PublicAttempt.objects.filter(created_at__lt=now - dt.timedelta(days=1)).delete()
    return erased


def send_deadline_reminders(now: dt.datetime | None = None) -> int:
    """Mail each mechanism's handlers the list of its overdue cases; returns how many were listed."""
    now = now or timezone.now()
    listed = 0
    for mechanism in GrievanceMechanism.objects.all():
        overdue = [
            case.reference
            for case in mechanism.cases.exclude(phase=Phase.CLOSED)
            if case.deadline is not None and case.deadline < now
        ]
        if overdue:
            notifications.notify_handlers_of_overdue(mechanism, overdue)
            listed += len(overdue)
    return listed


__all__ = ["AccessKind", "TransitionError"]
