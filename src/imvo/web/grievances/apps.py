"""The grievance mechanism and access to remedy (OECD due diligence step 6)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrievancesConfig(AppConfig):
    name = "imvo.web.grievances"
    label = "grievances"
    verbose_name = _("Grievance mechanism")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: one section in the organisation's navigation.
    nav_sections = ((_("Grievances"), "grievances:overview"),)
