"""Every write to organisations, memberships, invitations and API tokens; each one audited."""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from imvo.web.audit.trail import record_audit_event
from imvo.web.audit.vocabulary import AuditAction
from imvo.web.organisations.models import ApiToken, Invitation, Membership, Organisation
from imvo.web.organisations.roles import Role
from imvo.web.site import absolute_reverse


class LastOwnerError(Exception):
    """The change would leave the organisation without an owner."""


def invite_member(inviter: Any, organisation: Organisation, email: str, role: str) -> Invitation:
    """Issue an invitation and e-mail its link (the clear-text token is only ever in that e-mail)."""
    email = email.strip().lower()
    with transaction.atomic():
        invitation, token = Invitation.issue(organisation, email, role, inviter)
        record_audit_event(
            inviter, organisation, AuditAction.INVITE, invitation, {"email": email, "role": invitation.role}
        )
    link = absolute_reverse("accounts:accept_invitation", token=token)
    body = render_to_string(
        "organisations/invitation_email.txt",
        {"organisation": organisation, "invitation": invitation, "link": link, "inviter": inviter},
    )
    send_mail(_("Invitation to %(name)s on imvo") % {"name": organisation.name}, body, None, [email])
    return invitation


def revoke_invitation(actor: Any, organisation: Organisation, invitation: Invitation) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record_audit_event(actor, organisation, AuditAction.REVOKE, invitation, {"email": invitation.email})


def _owner_count(organisation_id: int) -> int:
    return Membership.objects.filter(organisation_id=organisation_id, role=Role.OWNER).count()


def _revoke_tokens(
    actor: Any, organisation: Organisation, membership: Membership, role: str | None, reason: str
) -> int:
    """A member's API tokens end with the membership, or when the new role may not hold them."""
    revoked = ApiToken.revoke_for_member(organisation.pk, membership.user_id, role)
    for token in revoked:
        record_audit_event(
            actor, organisation, AuditAction.REVOKE, token, {"name": token.name, "reason": reason}
        )
    return len(revoked)


def change_role(actor: Any, organisation: Organisation, membership: Membership, new_role: str) -> int:
    """Give the member ``new_role``; returns how many of the member's API tokens were revoked.

    Raises :class:`LastOwnerError` rather than demote the organisation's last owner.
    """
    with transaction.atomic():
        if membership.role == Role.OWNER and new_role != Role.OWNER and _owner_count(organisation.pk) <= 1:
            raise LastOwnerError
        old_role = membership.role
        revoked = _revoke_tokens(actor, organisation, membership, new_role, "role changed")
        membership.role = new_role
        membership.save(update_fields=["role"])
        record_audit_event(
            actor, organisation, AuditAction.CHANGE_ROLE, membership, {"role": [old_role, new_role]}
        )
    return revoked


def remove_member(actor: Any, organisation: Organisation, membership: Membership) -> int:
    """End the membership; returns how many of the member's API tokens were revoked.

    Raises :class:`LastOwnerError` rather than remove the organisation's last owner.
    """
    with transaction.atomic():
        if membership.role == Role.OWNER and _owner_count(organisation.pk) <= 1:
            raise LastOwnerError
        record_audit_event(
            actor,
            organisation,
            AuditAction.REMOVE,
            membership,
            {"email": membership.user.email, "role": membership.role},
        )
        revoked = _revoke_tokens(actor, organisation, membership, None, "membership ended")
        membership.delete()
    return revoked


def create_api_token(actor: Any, organisation: Organisation, name: str, role: str) -> tuple[ApiToken, str]:
    """Issue a token; returns it with the clear-text secret, shown once."""
    with transaction.atomic():
        token, secret = ApiToken.issue(organisation, name, role, actor)
        record_audit_event(
            actor, organisation, AuditAction.CREATE, token, {"name": token.name, "role": token.role}
        )
    return token, secret


def revoke_api_token(actor: Any, organisation: Organisation, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_audit_event(actor, organisation, AuditAction.REVOKE, token, {"name": token.name})
