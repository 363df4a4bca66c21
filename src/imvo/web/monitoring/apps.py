"""The monitoring workspace for organisations of kind "monitor"."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations.roles import MANAGING_ROLES


class MonitoringConfig(AppConfig):
    name = "imvo.web.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: the organisation's sections in base.html.
    nav_sections = (
        (_("Monitoring"), "monitoring:overview", None, ("monitor",)),
        (_("Register sharing"), "monitoring:consents", tuple(MANAGING_ROLES), ("company",)),
    )

    def ready(self) -> None:
        # Registers the assess_disclosures handler with the job queue.
        from imvo.web.monitoring import jobs  # noqa: F401
