"""Login throttling: failed attempts are counted per account and per IP address in the database."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from imvo.web.accounts.models import FailedLogin


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 -- a placeholder, not a bind address


def _window_start() -> datetime:
    return timezone.now() - timedelta(seconds=settings.IMVO_LOGIN_WINDOW_SECONDS)


def is_throttled(username: str, ip_address: str) -> bool:
    """True when this account or this address failed too often within the window."""
    since = _window_start()
    recent = FailedLogin.objects.filter(created_at__gte=since)
    if recent.filter(username=username.lower()).count() >= settings.IMVO_LOGIN_MAX_FAILURES_PER_ACCOUNT:
        return True
    return recent.filter(ip_address=ip_address).count() >= settings.IMVO_LOGIN_MAX_FAILURES_PER_IP


def record_failure(username: str, ip_address: str) -> None:
    FailedLogin.objects.create(username=username.lower()[:254], ip_address=ip_address)
    # Old rows serve no purpose; pruning here keeps the table small without a cron job.
    FailedLogin.objects.filter(created_at__lt=_window_start() - timedelta(days=1)).delete()


def clear_failures(username: str) -> None:
    FailedLogin.objects.filter(username=username.lower()).delete()
