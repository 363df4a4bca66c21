"""Accounts: the user (e-mail is the login name), failed-login records for throttling, TOTP."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImvoUserManager(UserManager["User"]):
    def create_user_with_email(self, email: str, password: str | None, **extra: object) -> User:
        """Create a user whose username is the normalised e-mail address."""
        email = self.normalize_email(email).lower()
        return self.create_user(username=email, email=email, password=password, **extra)


class User(AbstractUser):
    """A person. ``username`` holds the lower-cased e-mail address, so login is by e-mail."""

    email = models.EmailField(_("e-mail address"), unique=True)
    totp_secret = models.CharField(_("TOTP secret"), max_length=64, blank=True, default="")
    totp_enabled = models.BooleanField(_("two-factor authentication"), default=False)
    totp_last_counter = models.BigIntegerField(default=0)  # refuses replay of an already-used code

    objects: ClassVar[ImvoUserManager] = ImvoUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        full_name = self.get_full_name()
        return full_name or self.email


class FailedLogin(models.Model):
    """One failed password attempt; counted per account and per IP address over a sliding window."""

    username = models.CharField(max_length=254, db_index=True)
    ip_address = models.GenericIPAddressField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["username", "created_at"], name="failedlogin_user_time"),
            models.Index(fields=["ip_address", "created_at"], name="failedlogin_ip_time"),
        ]


class ThrottleLock(models.Model):
    """A row to lock while counting and recording a sign-in attempt (one per account and address).

    ``key`` is a SHA-256 digest of ``account:<e-mail>`` or ``ip:<address>``; the row holds nothing
    else. ``SELECT … FOR UPDATE`` on it serialises concurrent attempts on the same account or address.
    """

    key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
