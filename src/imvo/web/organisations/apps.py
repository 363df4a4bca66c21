from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations.roles import AUDIT_TRAIL_ROLES


class OrganisationsConfig(AppConfig):
    name = "imvo.web.organisations"
    label = "organisations"
    verbose_name = _("Organisations")
    # Shown after the register's sections (apps are listed in INSTALLED_APPS order, register last);
    # see imvo.web.organisations.navigation.
    nav_sections = [
        (_("Members"), "organisations:members"),
        (_("Background jobs"), "jobs:list"),
        (_("Audit trail"), "organisations:audit_trail", AUDIT_TRAIL_ROLES),
    ]

    def ready(self) -> None:
        from imvo.web.organisations import signals

        signals.connect()
