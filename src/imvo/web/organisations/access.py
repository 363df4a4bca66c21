"""Who may see and change what inside an organisation.

Every organisation-scoped view is wrapped in :func:`organisation_view`. A person who is not a member
gets 404, never 403, so the existence of another organisation's records is not revealed. A member
whose role is too low gets 403. The view receives the organisation and the membership explicitly, as
an :class:`Access` value, right after the request.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase

from imvo.web.organisations.models import Membership, Organisation
from imvo.web.organisations.roles import (
    AUDIT_TRAIL_ROLES,
    Role,
    may_edit,
    may_manage,
    may_see_audit_trail,
    roles_at_least,
)

__all__ = [
    "AUDIT_TRAIL_ROLES",
    "Access",
    "access_of",
    "get_membership",
    "organisation_view",
    "organisations_of",
]


@dataclass(frozen=True)
class Access:
    """The organisation a page belongs to and the visitor's membership of it."""

    organisation: Organisation
    membership: Membership

    @property
    def role(self) -> str:
        return self.membership.role

    @property
    def can_edit(self) -> bool:
        return may_edit(self.role)

    @property
    def is_owner(self) -> bool:
        return may_manage(self.role)

    @property
    def may_see_audit_trail(self) -> bool:
        return may_see_audit_trail(self.role)


# The Access is also kept on the request, for the context processor (base.html's navigation) only;
# views take it as their argument.
_REQUEST_ATTRIBUTE = "_imvo_access"


def access_of(request: HttpRequest) -> Access | None:
    """The Access that :func:`organisation_view` granted for this request, if any."""
    access = getattr(request, _REQUEST_ATTRIBUTE, None)
    return access if isinstance(access, Access) else None


def get_membership(user: Any, org_slug: str) -> Membership:
    """The user's membership of the organisation with this slug; Http404 for anyone else."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise Http404("No such organisation.")
    try:
        return Membership.objects.select_related("organisation", "user").get(
            user=user, organisation__slug=org_slug
        )
    except Membership.DoesNotExist:
        raise Http404("No such organisation.") from None


def organisations_of(user: Any) -> list[Organisation]:
    """The organisations the user belongs to, by name."""
    if user is None or not user.is_authenticated:
        return []
    return list(Organisation.objects.filter(memberships__user=user).order_by("name"))


ViewFunction = Callable[..., HttpResponseBase]


def organisation_view(
    min_role: str = Role.VIEWER, roles: Collection[str] | None = None
) -> Callable[[ViewFunction], ViewFunction]:
    """Decorate a view whose URL has ``<slug:org>``; it is called as ``view(request, access, ...)``.

    Anonymous users are sent to the login page, non-members get 404, members ranked below
    ``min_role`` (or outside ``roles`` when given) get 403. The ``org`` URL kwarg is still passed on
    to the view (it is what ``reverse()`` takes).
    """
    allowed = frozenset(roles) if roles is not None else roles_at_least(min_role)
    if not allowed:
        raise ValueError(f"No role may open this view (min_role={min_role!r}, roles={roles!r}).")

    def decorate(view: ViewFunction) -> ViewFunction:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = get_membership(request.user, kwargs["org"])
            if membership.role not in allowed:
                raise PermissionDenied
            access = Access(membership.organisation, membership)
            setattr(request, _REQUEST_ATTRIBUTE, access)
            return view(request, access, *args, **kwargs)

        return wrapper

    return decorate
