"""Background jobs on the database.

``from imvo.web.jobs import enqueue, job_handler, run_pending_jobs_now`` (lazy, see ``queue``).
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {"enqueue", "job_handler", "run_pending_jobs_now", "JobProgress", "JobLost", "Worker"}


def __getattr__(name: str) -> Any:
    # Lazy, because importing models while Django reads INSTALLED_APPS would fail.
    if name in _EXPORTS:
        from imvo.web.jobs import queue

        return getattr(queue, name)
    raise AttributeError(name)
