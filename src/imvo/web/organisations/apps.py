from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations.roles import AUDIT_TRAIL_ROLES, MANAGING_ROLES
from imvo.web.organisations.sections import ORGANISATION, NavSection


class OrganisationsConfig(AppConfig):
    name = "imvo.web.organisations"
    label = "organisations"
    verbose_name = _("Organisations")
    # Read by imvo.web.organisations.navigation: the organisation's settings, in a group of their own.
    nav_sections = (
        NavSection(_("Members"), "organisations:members", ORGANISATION),
        NavSection(_("API tokens"), "organisations:api_tokens", ORGANISATION, roles=MANAGING_ROLES),
        NavSection(_("Background jobs"), "jobs:list", ORGANISATION),
        NavSection(_("Audit trail"), "organisations:audit_trail", ORGANISATION, roles=AUDIT_TRAIL_ROLES),
    )

    def ready(self) -> None:
        from imvo.web.organisations import signals

        signals.connect()
