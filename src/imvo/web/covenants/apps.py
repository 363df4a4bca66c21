"""The covenant workspace (organisations of kind "covenant") and the member companies' covenant page."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations import sections
from imvo.web.organisations.roles import MANAGING_ROLES
from imvo.web.organisations.sections import NavSection


class CovenantsConfig(AppConfig):
    name = "imvo.web.covenants"
    label = "covenants"
    verbose_name = _("Covenants")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: the organisation's sections in base.html.
    nav_sections = (
        NavSection(_("Covenant"), "covenants:overview", sections.HOME, kinds=("covenant",)),
        *(
            NavSection(label, url_name, sections.COVENANT, kinds=("covenant",))
            for label, url_name in (
                (_("Assessments"), "covenants:assessments"),
                (_("Risk picture"), "covenants:picture"),
                (_("Production locations"), "covenants:locations"),
                (_("Steering group"), "covenants:meetings"),
                (_("Evaluation"), "covenants:evaluation"),
                # The committee is a grievance mechanism of the covenant's own (docs/covenants.md).
                (_("Complaints and disputes committee"), "grievances:overview"),
            )
        ),
        NavSection(
            _("Covenants"), "covenants:member_home", sections.REPORTING, kinds=("company",), position=2
        ),
        NavSection(
            _("Sharing with covenants"),
            "covenants:population_shares",
            sections.MONITORING,
            roles=MANAGING_ROLES,
            kinds=("monitor",),
        ),
    )
