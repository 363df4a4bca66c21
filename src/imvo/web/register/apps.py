"""The due-diligence register: the six OECD steps with their evidence."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations import sections
from imvo.web.organisations.sections import NavSection


class RegisterConfig(AppConfig):
    name = "imvo.web.register"
    label = "register"
    verbose_name = _("Due-diligence register")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: the organisation's sections in base.html.
    nav_sections = tuple(
        NavSection(label, url_name, group, kinds=("company",))
        for label, url_name, group in (
            (_("Overview"), "register:progress", sections.HOME),
            (_("Policy"), "register:policy", sections.POLICY),
            (_("Scans"), "register:scans", sections.RISKS),
            (_("Risk register"), "register:risks", sections.RISKS),
            (_("Suppliers"), "register:suppliers", sections.RISKS),
            (_("Stakeholders"), "register:stakeholders", sections.RISKS),
            (_("Measures"), "register:measures", sections.MEASURES),
            (_("Follow-ups"), "register:follow_ups", sections.TRACKING),
            (_("Report"), "register:reports", sections.REPORTING),
            (_("Remediation"), "register:remediation", sections.REMEDY),
        )
    )

    def ready(self) -> None:
        # Registers the scan_suppliers handler with the job queue.
        from imvo.web.register import jobs  # noqa: F401
