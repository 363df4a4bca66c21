"""The organisation's obligations as read-only JSON (``/api/v1/obligations``): which laws apply on a
date, why, what they require and which facts are missing, as the obligations page evaluates them.
Added to the API by :class:`imvo.web.obligations.apps.ObligationsConfig`.
"""

# No ``from __future__ import annotations`` here: django-ninja builds its pydantic models from the
# annotations at import time and cannot resolve them when they are strings.

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from imvo.web.obligations import queries
from imvo.web.register.api_base import token_of

router = Router(tags=["obligations"])


class ObligationsOut(Schema):
    format: str
    as_of: dt.date
    ruleset_version: str
    facts_hash: str
    # One object per rule, as ``imvo.core.obligations.RuleOutcome.to_dict`` writes it (rule_id, title
    # in en/nl, status, reasons, missing facts, obligations with their citations): docs/obligations.md.
    outcomes: list[dict[str, Any]]


@router.get("/obligations", response=ObligationsOut)
def get_obligations(request: HttpRequest, as_of: dt.date | None = None) -> Any:
    """The evaluation on ``as_of`` (today when left out) under the installation's rule set."""
    organisation = token_of(request).organisation
    return queries.evaluate_organisation(organisation, as_of or timezone.localdate()).result.to_dict()
