"""Who is the client, and login throttling.

:func:`client_ip` is the one place that decides a request's client address; every rate limit
(sign-in, the public grievance pages) uses it. Behind a reverse proxy the TCP peer (``REMOTE_ADDR``)
is the proxy, so without help every visitor would share one address and one limit. Only when
``IMVO_TRUSTED_PROXIES`` names the proxy is ``X-Forwarded-For`` read, from the right: the right-most
address that is not a trusted proxy is the client. Everything left of it was written by the client
and is ignored.

Sign-in attempts are throttled atomically: an attempt is *reserved* (written as a failure) under a
row lock before the password is checked and released again when the password was right, so N
parallel guesses against a limit of 5 get at most 5 password checks.
"""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from imvo.web.accounts.models import FailedLogin, ThrottleLock

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
UNKNOWN_CLIENT = "0.0.0.0"  # noqa: S104 -- a placeholder address, not a bind address


@lru_cache(maxsize=8)
def _parse_networks(entries: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def trusted_proxies() -> tuple[IPNetwork, ...]:
    """The networks of ``IMVO_TRUSTED_PROXIES`` (a list or a comma-separated string; empty: none)."""
    configured = getattr(settings, "IMVO_TRUSTED_PROXIES", ())
    entries = configured.split(",") if isinstance(configured, str) else configured
    return _parse_networks(tuple(str(entry) for entry in entries))


def _address(text: str) -> IPAddress | None:
    """An address from a header value: ``203.0.113.9``, ``[2001:db8::1]:443``, ``203.0.113.9:443``."""
    text = text.strip().strip('"')
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # IPv4 with a port; a bare IPv6 address has several colons
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_trusted(address: IPAddress, proxies: Iterable[IPNetwork]) -> bool:
    return any(address.version == network.version and address in network for network in proxies)


def client_ip(request: HttpRequest) -> str:
    """The client's address: ``REMOTE_ADDR``, or behind a trusted proxy the right-most untrusted
    address of ``X-Forwarded-For``."""
    remote = _address(request.META.get("REMOTE_ADDR") or "")
    if remote is None:
        return UNKNOWN_CLIENT
    proxies = trusted_proxies()
    if not proxies or not _is_trusted(remote, proxies):
        return str(remote)
    client = remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed(forwarded.split(",") if forwarded else []):
        address = _address(hop)
        if address is None:
            # Only a client writes garbage here (a proxy appends the peer it saw): stop at the last
            # trusted hop, so a forged chain cannot choose its own address.
            break
        client = address
        if not _is_trusted(address, proxies):
            break
    return str(client)


def rate_limit_key(ip_address: str) -> str:
    """What a rate limit counts: the IPv4 address, or the /64 network of an IPv6 address (one
    subscriber gets a whole /64, so counting single IPv6 addresses would let it rotate freely)."""
    try:
        address = ipaddress.ip_address(ip_address)
    except ValueError:
        return ip_address
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def _window_start() -> datetime:
    return timezone.now() - timedelta(seconds=settings.IMVO_LOGIN_WINDOW_SECONDS)


def _lock_keys(keys: list[str]) -> None:
    """Take the row locks of ``keys`` (inside the caller's transaction), creating missing rows.

    On PostgreSQL ``SELECT … FOR UPDATE`` makes concurrent attempts on the same account or address
    wait for each other; SQLite runs every write transaction alone (``transaction_mode`` IMMEDIATE),
    which serialises them just the same.
    """
    digests = sorted({hashlib.sha256(key.encode()).hexdigest() for key in keys})
    for _round in range(3):  # a row pruned between create and lock is created again
        ThrottleLock.objects.bulk_create(
            [ThrottleLock(key=digest) for digest in digests], ignore_conflicts=True
        )
        locked = list(ThrottleLock.objects.select_for_update().filter(key__in=digests).order_by("key"))
        if len(locked) == len(digests):
            return
    raise RuntimeError("Could not lock the sign-in throttle.")  # pragma: no cover


def _over_limit(username: str, ip_key: str) -> bool:
    recent = FailedLogin.objects.filter(created_at__gte=_window_start())
    if recent.filter(username=username).count() >= settings.IMVO_LOGIN_MAX_FAILURES_PER_ACCOUNT:
        return True
    return recent.filter(ip_address=ip_key).count() >= settings.IMVO_LOGIN_MAX_FAILURES_PER_IP


def reserve_attempt(username: str, ip_address: str) -> int | None:
    """Reserve one sign-in attempt for this account from this address, or None when throttled.

    The reservation is stored as a failure straight away, in the same transaction that counted the
    earlier ones under a lock, so parallel requests cannot all pass the count before any of them
    is recorded. Call :func:`release_attempt` when the check succeeded.
    """
    username = username.lower()[:254]
    ip_key = rate_limit_key(ip_address)
    with transaction.atomic():
        _lock_keys([f"account:{username}", f"ip:{ip_key}"])
        if _over_limit(username, ip_key):
            return None
        attempt = FailedLogin.objects.create(username=username, ip_address=ip_key)
    # Old rows serve no purpose; pruning here keeps the tables small without a cron job.
    day_ago = _window_start() - timedelta(days=1)
    FailedLogin.objects.filter(created_at__lt=day_ago).delete()
    ThrottleLock.objects.filter(created_at__lt=day_ago).delete()
    return attempt.pk


def release_attempt(attempt: int) -> None:
    """The reserved attempt succeeded: it is not a failure."""
    FailedLogin.objects.filter(pk=attempt).delete()


def is_throttled(username: str, ip_address: str) -> bool:
    """True when this account or this address failed too often within the window (read only)."""
    return _over_limit(username.lower()[:254], rate_limit_key(ip_address))


def clear_failures(username: str) -> None:
    FailedLogin.objects.filter(username=username.lower()).delete()
