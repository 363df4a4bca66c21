"""File limits now live in :mod:`imvo.core.tabular.limits`; re-exported for old imports."""

from __future__ import annotations

from imvo.core.tabular.limits import (
    DEFAULT_LIMITS,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_RATIO,
    DEFAULT_MAX_UNPACKED_BYTES,
    MAX_EXPANSION,
    RATIO_GRACE_BYTES,
    FileLimits,
    change_hint,
    check_workbook_size,
    too_many_rows,
)

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_RATIO",
    "DEFAULT_MAX_UNPACKED_BYTES",
    "MAX_EXPANSION",
    "RATIO_GRACE_BYTES",
    "FileLimits",
    "change_hint",
    "check_workbook_size",
    "too_many_rows",
]
