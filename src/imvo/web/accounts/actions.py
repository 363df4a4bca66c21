"""Writes to accounts: joining by invitation, signing up, switching the second factor on and off.

Joining an organisation is audited in that organisation's trail; the second factor belongs to no
organisation, so switching it is not.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from imvo.web.accounts.models import User
from imvo.web.audit.trail import record_audit_event
from imvo.web.audit.vocabulary import AuditAction
from imvo.web.organisations.models import Invitation, Membership


def accept_invitation(invitation: Invitation, user: User) -> None:
    """Make ``user`` a member with the invitation's role; an invitation is accepted only once."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_open:
            return
        membership, created = Membership.objects.get_or_create(
            user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
        )
        if not created and membership.role != invitation.role:
            membership.role = invitation.role
            membership.save(update_fields=["role"])
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
        record_audit_event(
            user,
            invitation.organisation,
            AuditAction.JOIN,
            membership,
            {"role": invitation.role, "email": user.email},
        )


def sign_up_by_invitation(invitation: Invitation, password: str, first_name: str, last_name: str) -> User:
    """Create the invited person's account and accept the invitation with it, together or not at all."""
    with transaction.atomic():
        user = User.objects.create_user_with_email(
            invitation.email, password, first_name=first_name, last_name=last_name
        )
        accept_invitation(invitation, user)
    return user


def enable_two_factor(user: User, secret: str, counter: int) -> None:
    """Switch the second factor on with a confirmed secret; ``counter`` is the code already used."""
    User.objects.filter(pk=user.pk).update(totp_enabled=True, totp_secret=secret, totp_last_counter=counter)


def disable_two_factor(user: User) -> None:
    User.objects.filter(pk=user.pk).update(totp_enabled=False, totp_secret="")
