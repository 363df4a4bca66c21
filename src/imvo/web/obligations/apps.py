"""Your obligations: which laws apply to the organisation, why, and what they require."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObligationsConfig(AppConfig):
    name = "imvo.web.obligations"
    label = "obligations"
    verbose_name = _("Obligations")
    default_auto_field = "django.db.models.BigAutoField"

    # Read by imvo.web.organisations.navigation: the organisation's sections in base.html.
    nav_organisation_kinds = ("company",)
    nav_sections = ((_("Your obligations"), "obligations:overview"),)
