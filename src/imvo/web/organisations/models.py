"""Organisations, their members and roles, invitations and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations.roles import Role as Role  # re-exported: Role lived here first
from imvo.web.organisations.roles import may_edit, may_manage, roles_at_least


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    MONITOR = "monitor", _("Monitor")
    COVENANT = "covenant", _("Covenant")


# A token acts with a role, but people choose (and read) what it may do: read, or read and write.
TOKEN_ACCESS_CHOICES: list[tuple[str, Any]] = [
    (Role.VIEWER, _("Read only")),
    (Role.EDITOR, _("Read and write")),
]


def hash_token(token: str) -> str:
    """Tokens are stored as SHA-256 digests: a database leak does not leak usable tokens."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=OrganisationKind.choices, default="company")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_user_org"),
        ]
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"

    @property
    def can_edit(self) -> bool:
        return may_edit(self.role)

    @property
    def is_owner(self) -> bool:
        return may_manage(self.role)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> InvitationQuerySet:
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An e-mailed link that lets one person join one organisation with one role."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation} ({self.role})"

    @classmethod
    def issue(
        cls, organisation: Organisation, email: str, role: str, invited_by: Any
    ) -> tuple[Invitation, str]:
        """Create an invitation; returns it with the clear-text token (shown or mailed once)."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            organisation=organisation,
            email=email.strip().lower(),
            role=role,
            token_hash=hash_token(token),
            invited_by=invited_by,
            expires_at=timezone.now() + timedelta(days=settings.IMVO_INVITATION_VALID_DAYS),
        )
        return invitation, token

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class ApiToken(models.Model):
    """A bearer token for the JSON API, bound to one organisation and acting with one role."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)  # shown in lists so owners can tell tokens apart
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def access_label(self) -> str:
        """ "Read only" or "Read and write": what the token may do, not the role it acts with."""
        return str(dict(TOKEN_ACCESS_CHOICES).get(self.role, self.get_role_display()))

    @classmethod
    def issue(
        cls,
        organisation: Organisation,
        name: str,
        role: str = Role.VIEWER,
        created_by: Any = None,
    ) -> tuple[ApiToken, str]:
        """Create a token; returns it with the clear-text secret, which is never stored."""
        secret = "imvo_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            organisation=organisation,
            name=name,
            token_hash=hash_token(secret),
            prefix=secret[:12],
            role=role,
            created_by=created_by,
        )
        return token, secret

    @classmethod
    def authenticate(cls, secret: str) -> ApiToken | None:
        """The live token for a clear-text secret, or None; records when it was last used.

        A token lives no longer than its maker's membership: tokens are revoked when the membership
        ends or its role drops below what the token does (:meth:`revoke_for_member`), and a token
        whose maker is no longer an active member with such a role is refused (and revoked) here
        too, whatever path removed the membership.
        """
        token = (
            cls.objects.select_related("organisation")
            .filter(token_hash=hash_token(secret), revoked_at__isnull=True)
            .first()
        )
        if token is None:
            return None
        if token.created_by_id is not None and not Membership.objects.filter(
            user_id=token.created_by_id,
            user__is_active=True,
            organisation_id=token.organisation_id,
            role__in=roles_a_token_needs(token.role),
        ):
            cls.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token

    @classmethod
    def revoke_for_member(cls, organisation_id: int, user_id: int, role: str | None) -> list[ApiToken]:
        """Revoke the live tokens ``user_id`` made in the organisation that its new ``role`` may not
        hold (``None``: the membership ended, so all of them); returns the tokens revoked."""
        tokens = list(
            cls.objects.filter(
                organisation_id=organisation_id, created_by_id=user_id, revoked_at__isnull=True
            )
        )
        revoked: list[ApiToken] = [
            token for token in tokens if role is None or role not in roles_a_token_needs(token.role)
        ]
        if revoked:
            cls.objects.filter(pk__in=[token.pk for token in revoked]).update(revoked_at=timezone.now())
        return revoked


def roles_a_token_needs(token_role: str) -> frozenset[str]:
    """The membership roles whose holder may keep a token acting with ``token_role``: a token never
    does more than its maker's role."""
    return roles_at_least(token_role)


class DataVersionLedger(models.Model):
    """The ledger behind an organisation's data version (:mod:`imvo.web.organisations.data_version`).

    Written only by database triggers. ``scope`` is an organisation's id, or 0 for data every
    organisation's pages read (legal values, users). On PostgreSQL one row per scope and writing
    transaction (``txid``), compacted now and then into one row whose ``weight`` is the sum; on
    SQLite one row per scope whose weight counts the rows written.
    """

    scope = models.BigIntegerField()
    txid = models.BigIntegerField(default=0)
    weight = models.BigIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "txid"], name="one_data_change_per_scope_and_transaction"
            )
        ]
