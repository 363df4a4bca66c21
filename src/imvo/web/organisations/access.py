"""Who may see and change what inside an organisation.

Every organisation-scoped view is wrapped in :func:`organisation_view`. A person who is not a member
gets 404, never 403, so the existence of another organisation's records is not revealed. A member
whose role is too low gets 403.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any, Literal

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase

from imvo.web.organisations.models import Membership, Organisation, Role

ROLE_CAN_EDIT = {"owner", "editor"}
ROLE_CAN_MANAGE = {"owner"}
ROLE_CAN_SEE_AUDIT_TRAIL = {"owner", "reviewer"}
READ_ONLY_ROLES = {"viewer", "reviewer"}

MinRole = Literal["viewer", "editor", "owner"]
ROLES_AT_LEAST: dict[str, frozenset[str]] = {
    "viewer": frozenset({Role.VIEWER, Role.REVIEWER, Role.EDITOR, Role.OWNER}),
    "editor": frozenset({Role.EDITOR, Role.OWNER}),
    "owner": frozenset({Role.OWNER}),
}


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
    min_role: MinRole = "viewer", roles: Collection[str] | None = None
) -> Callable[[ViewFunction], ViewFunction]:
    """Decorate a view whose URL has ``<slug:org>``.

    Sets ``request.organisation`` and ``request.membership``; anonymous users are sent to the
    login page, non-members get 404, members below ``min_role`` (or outside ``roles`` when given)
    get 403. The ``org`` URL kwarg is still passed on to the view.
    """
    allowed = frozenset(roles) if roles is not None else ROLES_AT_LEAST[min_role]

    def decorate(view: ViewFunction) -> ViewFunction:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = get_membership(request.user, kwargs["org"])
            if membership.role not in allowed:
                raise PermissionDenied
            request.organisation = membership.organisation  # type: ignore[attr-defined]
            request.membership = membership  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
