"""API tokens end with the membership of the member who made them, however the membership ends.

The members pages revoke (and audit) first; these handlers catch every other path: a user deleted,
a membership deleted or demoted by a command or the admin. They only revoke, never write audit
events: during a cascade the organisation itself may be on its way out.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save, pre_delete


def _membership_ends(sender: Any, instance: Any, **kwargs: Any) -> None:
    from imvo.web.organisations.models import ApiToken

    # pre_delete: after deletion the tokens' created_by would already be cleared (SET_NULL).
    ApiToken.revoke_for_member(instance.organisation_id, instance.user_id, None)


def _membership_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    from imvo.web.organisations.models import ApiToken

    if not created:
        ApiToken.revoke_for_member(instance.organisation_id, instance.user_id, instance.role)


def connect() -> None:
    from imvo.web.organisations.models import Membership

    pre_delete.connect(_membership_ends, sender=Membership, dispatch_uid="imvo-tokens-membership-ends")
    post_save.connect(_membership_saved, sender=Membership, dispatch_uid="imvo-tokens-membership-saved")
