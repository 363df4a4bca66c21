"""The roles a member holds in an organisation, their one ranking, and every permission derived from it.

viewer < reviewer < editor < owner. A reviewer is an external auditor: read-only like a viewer, and
in addition may read the audit trail (which owners, at the top of the ranking, may read as well).
Everything that asks "may this role edit / manage / read the trail / hold this token" asks here.

No model imports: AppConfigs (navigation sections) read these sets before the models are loaded.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")
    REVIEWER = "reviewer", _("Reviewer")


RANKING: tuple[str, ...] = (Role.VIEWER, Role.REVIEWER, Role.EDITOR, Role.OWNER)


def rank(role: str) -> int:
    """The role's place in :data:`RANKING`; an unknown role ranks below every real one."""
    try:
        return RANKING.index(role)
    except ValueError:
        return -1


def roles_at_least(minimum: str) -> frozenset[str]:
    """Every role ranked at or above ``minimum``."""
    return frozenset(role for role in RANKING if rank(role) >= rank(minimum))


def is_at_least(role: str, minimum: str) -> bool:
    return rank(role) >= 0 and rank(role) >= rank(minimum)


EDITING_ROLES = roles_at_least(Role.EDITOR)
MANAGING_ROLES = roles_at_least(Role.OWNER)
READ_ONLY_ROLES = frozenset(RANKING) - EDITING_ROLES
# The one exception to "higher rank may do more": the trail is for those who answer for the
# organisation (owners) and for its external auditor (reviewer), not for day-to-day editors.
AUDIT_TRAIL_ROLES = MANAGING_ROLES | {Role.REVIEWER}


def may_edit(role: str) -> bool:
    return role in EDITING_ROLES


def may_manage(role: str) -> bool:
    return role in MANAGING_ROLES


def may_see_audit_trail(role: str) -> bool:
    return role in AUDIT_TRAIL_ROLES
