from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class JobsConfig(AppConfig):
    name = "imvo.web.jobs"
    label = "jobs"

    def ready(self) -> None:
        # Each app registers its handlers in its own ``jobs.py`` (e.g. imvo.web.register.jobs), and
        # how its jobs read on the jobs page in ``job_display.py`` (see imvo.web.jobs.presentation).
        autodiscover_modules("jobs")
        autodiscover_modules("job_display")
