"""A bounded property-based run of the API against its own OpenAPI schema (schemathesis).

Every operation gets a few generated requests with an editing token of an organisation that has a
small register; the checks are: no server error, responses match the documented schema and content
type. Bounded (max_examples) so the run stays within seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from imvo.web.organisations.models import ApiToken


@pytest.fixture
def api_schema(register: dict[str, Any], acme: Any, alice: Any) -> Iterator[Any]:
    from django.core import signals
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    # Requests go through the real WSGI handler, whose request signals would close the test's database
    # connection (and its open transaction) on PostgreSQL; Django's test client detaches them the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def writer_token(acme: Any, alice: Any) -> str:
    _token, secret = ApiToken.issue(acme, "schemathesis", "editor", alice)
    return secret


EXAMPLES_PER_OPERATION = 12


# schemathesis' pytest plugin (``from_fixture``) does not run under pytest 9, so the operations are
# driven with hypothesis directly: the same strategies and checks, one bounded run per operation.
def test_api_conforms_to_its_schema(api_schema: Any, writer_token: str) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 8
    headers = {"Authorization": f"Bearer {writer_token}"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def exercise(case: Any) -> None:
            case.call_and_validate(
                headers=headers,
                checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
            )

        exercise()
