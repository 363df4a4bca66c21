"""What an app declares to appear in the organisation's navigation, and the navigation's groups.

A company's navigation follows the six OECD due-diligence steps, so people find a page by the step
they are working on; a monitor's and a covenant's have groups of their own. Apps list their
:class:`NavSection` values in their AppConfig's ``nav_sections`` (read by
:mod:`imvo.web.organisations.navigation`).

No model imports: AppConfigs read this module before the models are loaded.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

HOME = "home"
POLICY = "policy"
RISKS = "risks"
MEASURES = "measures"
TRACKING = "tracking"
REPORTING = "reporting"
REMEDY = "remedy"
OBLIGATIONS = "obligations"
MONITORING = "monitoring"
COVENANT = "covenant"
ORGANISATION = "organisation"

#: The groups in the order shown: (key, step number or None, heading). The home group has no heading.
GROUPS: tuple[tuple[str, int | None, Promise | str], ...] = (
    (HOME, None, ""),
    (POLICY, 1, _("Policy")),
    (RISKS, 2, _("Risks")),
    (MEASURES, 3, _("Measures")),
    (TRACKING, 4, _("Tracking")),
    (REPORTING, 5, _("Reporting")),
    (REMEDY, 6, _("Remedy")),
    (OBLIGATIONS, None, _("Obligations")),
    (MONITORING, None, _("Monitoring")),
    (COVENANT, None, _("Covenant")),
    (ORGANISATION, None, _("Organisation")),
)


@dataclass(frozen=True)
class NavSection:
    label: Promise | str
    #: A URL pattern name taking only ``org``.
    url_name: str
    #: One of :data:`GROUPS`' keys.
    group: str
    #: Only members with one of these roles see it (None: everyone).
    roles: Collection[str] | None = None
    #: Only organisations of these kinds (company, monitor, covenant) show it (None: every kind).
    kinds: Collection[str] | None = None
    #: Within its group, sections come by this number, then in the apps' order.
    position: int = 0
