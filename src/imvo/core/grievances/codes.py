"""Case references and secret access codes.

A case reference is public (it appears in e-mails) but must not be guessable or enumerable: it is 60
random bits in Crockford base32 with a check symbol, so typing errors are caught before a lookup. The
access code is the complainant's only key to the case: 160 random bits (more than the 128 required),
shown once, stored as a SHA-256 digest (the code is random, so no key stretching is needed) and
compared in constant time. Repeated wrong codes lock the case for a while.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# The five extra symbols of Crockford's mod-37 check character.
CHECK_SYMBOLS = CROCKFORD + "*~$=U"
REFERENCE_SYMBOLS = 12  # 60 bits
ACCESS_CODE_BITS = 160
_ACCESS_CODE_SYMBOLS = ACCESS_CODE_BITS // 5
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def normalise_code(text: str) -> str:
    """Upper case without spaces or hyphens, with Crockford's look-alikes (O, I, L) mapped to digits."""
    return "".join(text.split()).replace("-", "").upper().translate(_CONFUSABLE)


def _random_symbols(count: int) -> str:
    return "".join(secrets.choice(CROCKFORD) for _ in range(count))


def _value(symbols: str) -> int:
    value = 0
    for symbol in symbols:
        value = value * 32 + CROCKFORD.index(symbol)
    return value


def check_symbol(symbols: str) -> str:
    return CHECK_SYMBOLS[_value(symbols) % 37]


def _grouped(symbols: str, size: int = 4) -> str:
    return "-".join(symbols[i : i + size] for i in range(0, len(symbols), size))


def new_case_reference() -> str:
    """E.g. ``K7Q2-9MZD-4HXA-P``: twelve random symbols and a check symbol."""
    body = _random_symbols(REFERENCE_SYMBOLS)
    return _grouped(body) + "-" + check_symbol(body)


def is_valid_reference(text: str) -> bool:
    """True when ``text`` is well formed and its check symbol matches (says nothing about existence)."""
    symbols = normalise_code(text)
    if len(symbols) != REFERENCE_SYMBOLS + 1:
        return False
    body, check = symbols[:-1], symbols[-1]
    if any(symbol not in CROCKFORD for symbol in body):
        return False
    return check_symbol(body) == check


def canonical_reference(text: str) -> str:
    """The stored form of a reference typed in any case or grouping."""
    symbols = normalise_code(text)
    return _grouped(symbols[:-1]) + "-" + symbols[-1]


def new_access_code() -> str:
    """160 random bits as eight groups of four base32 symbols."""
    return _grouped(_random_symbols(_ACCESS_CODE_SYMBOLS))


def hash_access_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("ascii", "replace")).hexdigest()


def access_code_matches(candidate: str, stored_hash: str) -> bool:
    """Constant-time comparison of the candidate's digest with the stored digest."""
    return hmac.compare_digest(hash_access_code(candidate), stored_hash)


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_for: timedelta = timedelta(minutes=30)


def register_failed_attempt(
    failures: int, now: datetime, policy: LockoutPolicy = LockoutPolicy()
) -> tuple[int, datetime | None]:
    """The failure count and lock expiry after one more wrong code.

    Reaching ``max_failures`` locks the case for ``lock_for`` and restarts the count, so every further
    series of wrong codes locks it again.
    """
    failures += 1
    if failures >= policy.max_failures:
        return 0, now + policy.lock_for
    return failures, None


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until
