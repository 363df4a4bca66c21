"""Optional TOTP second factor (RFC 6238, 30-second steps, 6 digits) with pyotp."""

from __future__ import annotations

import time

import pyotp

from imvo.web.accounts.models import User

ISSUER = "imvo"
VALID_WINDOW = 1  # accept the previous and next 30-second step: phones' clocks drift


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def matching_counter(secret: str, code: str, at: float | None = None) -> int | None:
    """The time-step counter that ``code`` is valid for, or None."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = time.time() if at is None else at
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        moment = now + offset * totp.interval
        if pyotp.utils.strings_equal(totp.at(moment), code):
            return int(moment // totp.interval)
    return None


def verify_and_consume(user: User, code: str, at: float | None = None) -> bool:
    """Check a login code; each code works once (a replayed code is refused)."""
    counter = matching_counter(user.totp_secret, code, at)
    if counter is None or counter <= user.totp_last_counter:
        return False
    updated = User.objects.filter(pk=user.pk, totp_last_counter__lt=counter).update(totp_last_counter=counter)
    user.totp_last_counter = counter
    return updated == 1
