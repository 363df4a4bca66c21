"""The grievance mechanism and access to remedy (OECD due diligence step 6)."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrievancesConfig(AppConfig):
    name = "imvo.web.grievances"
    label = "grievances"
    verbose_name = _("Grievance mechanism")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: one section in the organisation's navigation.
    nav_sections = ((_("Grievances"), "grievances:overview"),)

    def ready(self) -> None:
        from imvo.web.grievances.queries import remedy_summary
        from imvo.web.register.report import add_report_figures

        def figures(organisation: Any) -> dict[str, int] | None:
            """Step 6 in the public report: aggregate figures only, never a case."""
            summary = remedy_summary(organisation)
            return summary if summary["cases_received"] else None

        add_report_figures("grievances", figures)
