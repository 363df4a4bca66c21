"""Input problems now live in :mod:`imvo.core.tabular.problems`; re-exported for old imports."""

from __future__ import annotations

from imvo.core.tabular.problems import (
    COLUMN_CHARS_SHOWN,
    MAX_CELL_CHARS,
    MAX_PROBLEMS,
    InputError,
    InputProblem,
    ProblemLog,
    Severity,
    summarise,
)

__all__ = [
    "COLUMN_CHARS_SHOWN",
    "MAX_CELL_CHARS",
    "MAX_PROBLEMS",
    "InputError",
    "InputProblem",
    "ProblemLog",
    "Severity",
    "summarise",
]
