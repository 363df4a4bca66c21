"""The covenant workspace (organisations of kind "covenant") and the member companies' covenant page."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations.roles import MANAGING_ROLES


class CovenantsConfig(AppConfig):
    name = "imvo.web.covenants"
    label = "covenants"
    verbose_name = _("Covenants")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: the organisation's sections in base.html.
    nav_sections = (
        (_("Covenant"), "covenants:overview", None, ("covenant",)),
        (_("Assessments"), "covenants:assessments", None, ("covenant",)),
        (_("Risk picture"), "covenants:picture", None, ("covenant",)),
        (_("Production locations"), "covenants:locations", None, ("covenant",)),
        (_("Steering group"), "covenants:meetings", None, ("covenant",)),
        (_("Evaluation"), "covenants:evaluation", None, ("covenant",)),
        (_("Covenants"), "covenants:member_home", None, ("company",)),
        (_("Sharing with covenants"), "covenants:population_shares", tuple(MANAGING_ROLES), ("monitor",)),
    )
