"""The monitoring workspace for organisations of kind "monitor"."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations import sections
from imvo.web.organisations.roles import MANAGING_ROLES
from imvo.web.organisations.sections import NavSection


class MonitoringConfig(AppConfig):
    name = "imvo.web.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: the organisation's sections in base.html.
    nav_sections = (
        NavSection(_("Monitoring"), "monitoring:overview", sections.HOME, kinds=("monitor",)),
        NavSection(
            _("Register sharing"),
            "monitoring:consents",
            sections.REPORTING,
            roles=MANAGING_ROLES,
            kinds=("company",),
            position=1,
        ),
    )

    def ready(self) -> None:
        # Registers the assess_disclosures handler with the job queue.
        from imvo.web.monitoring import jobs  # noqa: F401

        # The population, rounds and figures in the JSON API (/api/v1/monitoring/).
        from imvo.web.monitoring.api import router
        from imvo.web.register.api import api

        api.add_router("", router)
