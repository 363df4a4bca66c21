"""The due-diligence register: the six OECD steps with their evidence."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "imvo.web.register"
    label = "register"
    verbose_name = _("Due-diligence register")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: the organisation's sections in base.html.
    nav_organisation_kinds = ("company",)
    nav_sections = (
        (_("Where are we"), "register:progress"),
        (_("Policy"), "register:policy"),
        (_("Scans"), "register:scans"),
        (_("Suppliers"), "register:suppliers"),
        (_("Risks"), "register:risks"),
        (_("Stakeholders"), "register:stakeholders"),
        (_("Measures"), "register:measures"),
        (_("Remediation"), "register:remediation"),
        (_("Report"), "register:reports"),
    )

    def ready(self) -> None:
        # Registers the scan_suppliers handler with the job queue.
        from imvo.web.register import jobs  # noqa: F401
