"""Input problems as values: what is wrong, where, and what would be accepted instead."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

#: A broken file can produce one problem per row; past this many the reader keeps counting but
#: stores only a final "and N more" entry, so a million bad rows cannot exhaust memory.
MAX_PROBLEMS = 1000
#: Longest cell accepted in a used column; real names and descriptions stay far below it, so a
#: longer one is nearly always a missing closing quote that swallowed the following lines.
MAX_CELL_CHARS = 32 * 1024
#: A problem names its column by the header, cut to this many characters: a 32 kB header repeated by
#: a thousand row problems would make a 32 MB error page (issue 17, finding 9).
COLUMN_CHARS_SHOWN = 60


@dataclass(frozen=True)
class InputProblem:
    """One thing wrong with an input file, precise enough for a user to find and fix it."""

    file: str
    line: int | None
    column: str | None
    message: str
    accepted: str | None = None
    severity: Severity = "error"
    #: The message as a code and its data, for screens in other languages (imvo.core.tabular.messages);
    #: ``message`` and ``accepted`` stay the English text the command line prints.
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.column is not None and len(self.column) > COLUMN_CHARS_SHOWN:
            object.__setattr__(self, "column", self.column[: COLUMN_CHARS_SHOWN - 1] + "…")

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        text = f"{', '.join(where)}: {self.message}"
        if self.accepted:
            text += f" (accepted: {self.accepted})"
        if self.severity == "warning":
            text = f"warning: {text}"
        return text


class InputError(Exception):
    """Raised when an input cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        self.problems: list[InputProblem] = list(problems)
        super().__init__(summarise(self.problems))


def summarise(problems: Sequence[InputProblem]) -> str:
    if not problems:
        return "no problems"
    errors = sum(1 for problem in problems if problem.severity == "error")
    head = str(problems[0])
    if len(problems) == 1:
        return head
    return f"{head} (and {len(problems) - 1} more; {errors} errors in total)"


class ProblemLog:
    """Collects row problems up to :data:`MAX_PROBLEMS`, then only counts the rest."""

    def __init__(self, file: str, limit: int = MAX_PROBLEMS) -> None:
        self.file = file
        self.limit = limit
        self.problems: list[InputProblem] = []
        self.overflow = 0

    def add(
        self,
        line: int | None,
        column: str | None,
        message: str,
        accepted: str | None = None,
        severity: Severity = "error",
        *,
        code: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> None:
        if len(self.problems) < self.limit:
            self.problems.append(
                InputProblem(self.file, line, column, message, accepted, severity, code, params or {})
            )
        else:
            self.overflow += 1

    def finished(self) -> list[InputProblem]:
        """The stored problems plus, when some were only counted, one entry saying how many."""
        if not self.overflow:
            return list(self.problems)
        more = InputProblem(
            self.file,
            None,
            None,
            f"and {self.overflow} more problems not listed (only the first {self.limit} are shown)",
            "fix the problems above first; the rest are often the same mistake",
        )
        return [*self.problems, more]
