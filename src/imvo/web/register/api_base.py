"""What every part of the JSON API shares: the bearer-token authentication, the token of a request,
the bounded pagination, id limits and the problem schema.

The register's API (:mod:`imvo.web.register.api`) and the routers the feature apps add to it
(grievances, obligations, monitoring) read requests the same way through these.
"""

# No ``from __future__ import annotations`` here: django-ninja builds its pydantic models from the
# annotations at import time and cannot resolve them when they are strings.

from typing import Any

from django.http import HttpRequest
from ninja import Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination
from ninja.security import HttpBearer
from pydantic import Field

from imvo.web.organisations.models import ApiToken
from imvo.web.organisations.roles import is_at_least, may_edit

#: Database ids are 64-bit; larger numbers in a URL are refused (422) rather than overflowing the driver.
MAX_ID = 2**62
MAX_OFFSET = 10_000_000


class OrganisationToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        if len(token) > 200:
            return None
        return ApiToken.authenticate(token)


def token_of(request: HttpRequest) -> ApiToken:
    """The request's token; every query of every endpoint is scoped to ``token_of(request).organisation``."""
    # Ninja sets ``request.auth`` to what OrganisationToken.authenticate returned.
    token = getattr(request, "auth", None)
    if not isinstance(token, ApiToken):
        raise HttpError(401, "Unauthorized")
    return token


def via(token: ApiToken) -> str:
    # The audit trail names the token (its name and public prefix, never the secret).
    return f"API token {token.name} ({token.prefix}…)"


def require_role(request: HttpRequest, minimum: str) -> ApiToken:
    """The request's token if its role is at least ``minimum``: what the same role may read in the web
    (grievance cases, for example, are for editors and owners), else 403."""
    token = token_of(request)
    if not is_at_least(token.role, minimum):
        raise HttpError(403, "This token's role may not read this.")
    return token


def require_edit(request: HttpRequest) -> ApiToken:
    token = token_of(request)
    if not may_edit(token.role):
        raise HttpError(403, "This token may only read.")
    return token


class BoundedPagination(LimitOffsetPagination):
    """limit/offset with upper bounds, so no request can ask the database for an overflowing OFFSET."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=500, **kwargs)


class Problem(Schema):
    detail: str
