"""Your obligations: which laws apply to the organisation, why, and what they require."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations.sections import OBLIGATIONS, NavSection


class ObligationsConfig(AppConfig):
    name = "imvo.web.obligations"
    label = "obligations"
    verbose_name = _("Obligations")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: the organisation's sections in base.html.
    nav_sections = (
        NavSection(_("Your obligations"), "obligations:overview", OBLIGATIONS, kinds=("company",)),
    )

    def ready(self) -> None:
        # The laws that apply and their next dates on the company's overview.
        from imvo.web.obligations.overview import contribution
        from imvo.web.register.overview import add_overview_contribution

        add_overview_contribution("obligations", contribution)
        # The evaluation in the JSON API (/api/v1/obligations).
        from imvo.web.obligations.api import router
        from imvo.web.register.api import api

        api.add_router("", router)
