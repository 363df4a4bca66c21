from __future__ import annotations

from typing import Any

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
        from django.db.models.signals import post_migrate

        from imvo.web.organisations import signals

        signals.connect()
        # After every migrate (once, when all apps' tables exist): the data versions' triggers.
        post_migrate.connect(_install_data_version_triggers, sender=self, dispatch_uid="imvo-data-versions")


def _install_data_version_triggers(sender: AppConfig, using: str, **kwargs: Any) -> None:
    from django.db import connections

    from imvo.web.organisations.data_version import install_triggers

    install_triggers(connections[using])
