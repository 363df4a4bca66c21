"""Redacting a member company's name from a published ruling.

The grievance module's :func:`imvo.core.grievances.redact` also blanks every word of a name of three or
more letters, which suits a person's name ("Maria Lopez" mentioned as "Lopez") but not a company's:
"Kleding Een B.V." would blank every "een" and "kleding" in a Dutch ruling of a textile covenant. A
member's name is therefore redacted here as a whole: the full name, and the name without its legal
form ("Kleding Een"), in any case and spacing. A name without its legal form that is a single word of
fewer than four letters is too common a word to blank everywhere; only the full name is then redacted.
Automatic redaction stays a safety net: the committee reviews a ruling before publishing it.
"""

from __future__ import annotations

import re

from imvo.core.grievances import REDACTED

#: Legal forms at the end of a company name (Dutch, Belgian, English, German, French, ...).
_LEGAL = (
    r"(?:b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|c\.?v\.?|ltd\.?|limited|plc|llc|inc\.?|corp\.?|co\.?"
    r"|gmbh|ag|s\.?a\.?|s\.?a\.?s\.?|s\.?r\.?l\.?|bvba|sprl)"
)
_LEGAL_FORM = re.compile(r"[\s,]+" + _LEGAL + r"$", re.IGNORECASE)
_SHORT = 4


def _pattern(phrase: str) -> str:
    """The phrase as whole words, any spacing, with or without a legal form after it."""
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    return r"(?<!\w)" + words + r"(?:[\s,]+" + _LEGAL + r")?(?!\w)"


def company_names(name: str) -> list[str]:
    """The forms of a company's name to redact, longest first."""
    full = " ".join(name.split())
    if len(full) < 2:
        return []
    forms = [full]
    core = _LEGAL_FORM.sub("", full).strip(" ,")
    if core and core.casefold() != full.casefold() and (" " in core or len(core) >= _SHORT):
        forms.append(core)
    return forms


def redact_company(text: str, name: str) -> str:
    """``text`` with the company's name (with or without its legal form) replaced, and nothing else."""
    for form in company_names(name):
        text = re.sub(_pattern(form), REDACTED, text, flags=re.IGNORECASE)
    return text
