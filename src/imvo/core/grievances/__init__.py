"""The grievance mechanism's pure logic: phases and deadlines, case references and access codes,
redaction and effectiveness figures. No Django here: the web app and the CLI share it."""

from __future__ import annotations

from imvo.core.grievances.codes import (
    ACCESS_CODE_BITS,
    LockoutPolicy,
    access_code_matches,
    hash_access_code,
    is_valid_reference,
    new_access_code,
    new_case_reference,
    normalise_code,
    register_failed_attempt,
)
from imvo.core.grievances.phases import (
    DEFAULT_DEADLINE_DAYS,
    OPEN_PHASES,
    Phase,
    Variant,
    allowed_transitions,
    days_overdue,
    deadline_for,
    is_overdue,
)
from imvo.core.grievances.redaction import REDACTED, redact

__all__ = [
    "ACCESS_CODE_BITS",
    "DEFAULT_DEADLINE_DAYS",
    "OPEN_PHASES",
    "REDACTED",
    "LockoutPolicy",
    "Phase",
    "Variant",
    "access_code_matches",
    "allowed_transitions",
    "days_overdue",
    "deadline_for",
    "hash_access_code",
    "is_overdue",
    "is_valid_reference",
    "new_access_code",
    "new_case_reference",
    "normalise_code",
    "redact",
    "register_failed_attempt",
]
