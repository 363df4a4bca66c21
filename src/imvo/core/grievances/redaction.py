"""Redaction of personal data in free text: for exports, published statements and erasure.

E-mail addresses, telephone numbers, IBANs and the names given are replaced by a marker. Automatic
redaction is a safety net, not a guarantee: handlers still review a statement before publishing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

REDACTED = "[…]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
# Seven or more digits, optionally with a leading + and separators: phone numbers, ID numbers.
_PHONE = re.compile(r"(?<![\w])\+?\d(?:[\s().-]?\d){6,}(?![\w])")


def redact(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with e-mail addresses, IBANs, telephone numbers and each of ``names`` replaced."""
    result = _EMAIL.sub(REDACTED, text)
    result = _IBAN.sub(REDACTED, result)
    result = _PHONE.sub(REDACTED, result)
    # Longest names first, so "Maria Lopez" goes before "Maria" leaves "Lopez" behind.
    parts: set[str] = set()
    for name in names:
        name = name.strip()
        if len(name) < 2:
            continue
        parts.add(name)
        parts.update(word for word in name.split() if len(word) >= 3)
    for part in sorted(parts, key=len, reverse=True):
        result = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", REDACTED, result, flags=re.IGNORECASE)
    return result
