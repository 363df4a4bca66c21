"""Finding 5 of issue 17: keeping a complainant out of their own case.

The attack: read a reference off the public statements page, send five wrong codes, and the case was
locked for 30 minutes, again and again. Now references are never published, a case is never
locked (the guessing *client* is), and nothing in the answer tells whether a reference exists.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from imvo.core.grievances import new_case_reference
from imvo.web.grievances import actions
from imvo.web.grievances.models import GrievanceCase

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
COMPLAINANT = "198.51.100.14"
UNKNOWN_REFERENCE = new_case_reference()  # well formed (its check symbol matches), but no case has it


@pytest.fixture
def mechanism(acme: Any, alice: Any) -> Any:
    return actions.create_mechanism(alice, acme, {"name": "Acme complaints", "slug": "acme-klachten"})


@pytest.fixture
def case_and_code(mechanism: Any) -> tuple[Any, str]:
    return actions.submit_complaint(
        mechanism,
        {"subject": "Unpaid overtime", "description": "Overtime is not paid.", "theme": "wages"},
        language="en",
    )


def _follow(mechanism: Any, reference: str, code: str, address: str) -> Any:
    return Client(REMOTE_ADDR=address).post(
        f"/g/{mechanism.slug}/follow/", {"reference": reference, "access_code": code}
    )


def test_fifty_wrong_guesses_never_keep_the_complainant_out(mechanism, case_and_code):
    case, code = case_and_code
    statuses = [_follow(mechanism, case.reference, f"WRONG-{n}", ATTACKER).status_code for n in range(50)]
    # The guessing address is limited (20 failed codes an hour) ...
    assert statuses[: actions.MAX_FAILED_CODES_PER_CLIENT] == [403] * actions.MAX_FAILED_CODES_PER_CLIENT
    assert set(statuses[actions.MAX_FAILED_CODES_PER_CLIENT :]) == {429}
    # ... the case is not: the complainant, elsewhere, gets in at once.
    client = Client(REMOTE_ADDR=COMPLAINANT)
    response = client.post(f"/g/{mechanism.slug}/follow/", {"reference": case.reference, "access_code": code})
    assert response.status_code == 302
    assert client.get(f"/g/{mechanism.slug}/case/").status_code == 200


def test_the_right_code_opens_the_case_even_while_it_is_being_guessed_at(mechanism, case_and_code):
    case, code = case_and_code
    for number in range(30):
        _follow(mechanism, case.reference, "WRONG", f"192.0.2.{number}")  # many addresses, 1 guess each
    assert _follow(mechanism, case.reference, code, COMPLAINANT).status_code == 302


def test_the_throttled_answer_does_not_say_whether_the_reference_exists(mechanism, case_and_code):
    case, _code = case_and_code
    for _ in range(actions.MAX_FAILED_CODES_PER_CLIENT):
        _follow(mechanism, UNKNOWN_REFERENCE, "WRONG", ATTACKER)
    known = _follow(mechanism, case.reference, "WRONG", ATTACKER)
    unknown = _follow(mechanism, UNKNOWN_REFERENCE, "WRONG", ATTACKER)
    assert known.status_code == unknown.status_code == 429
    assert known.context["error"] == unknown.context["error"]
    assert "reference" not in known.context["error"]


def test_a_wrong_code_and_an_unknown_reference_take_the_same_path(mechanism, case_and_code, monkeypatch):
    case, _code = case_and_code
    compared: list[str] = []
    original = actions.access_code_matches

    def counting(code: str, fingerprint: str) -> bool:
        compared.append(fingerprint)
        return original(code, fingerprint)

    monkeypatch.setattr(actions, "access_code_matches", counting)
    with CaptureQueriesContext(connection) as known_queries:
        known = actions.open_case_with_code(mechanism, case.reference, "WRONG")
    with CaptureQueriesContext(connection) as unknown_queries:
        unknown = actions.open_case_with_code(mechanism, UNKNOWN_REFERENCE, "WRONG")
    assert known.case is None
    assert unknown.case is None
    # One lookup each, one constant-time comparison each (a dummy fingerprint for the unknown one),
    # and no write that only a real case would get.
    assert len(known_queries) == len(unknown_queries) == 1
    assert len(compared) == 2
    assert compared[1] == actions.DUMMY_CODE_HASH
    answers = [
        _follow(mechanism, ref, "WRONG", f"192.0.2.{n}")
        for n, ref in enumerate([case.reference, UNKNOWN_REFERENCE])
    ]
    assert answers[0].status_code == answers[1].status_code == 403
    assert answers[0].context["error"] == answers[1].context["error"]


def test_wrong_codes_change_nothing_on_the_case(mechanism, case_and_code):
    case, _code = case_and_code
    before = GrievanceCase.objects.filter(pk=case.pk).values().get()
    for _ in range(10):
        _follow(mechanism, case.reference, "WRONG", ATTACKER)
    assert GrievanceCase.objects.filter(pk=case.pk).values().get() == before


def test_the_statements_page_publishes_no_reference(mechanism, case_and_code, alice):
    from imvo.core.grievances import Phase

    case, _code = case_and_code
    for phase in (Phase.INITIAL_ASSESSMENT, Phase.GOOD_OFFICES, Phase.OUTCOME):
        actions.move_case(alice, case, phase, "On.")
    actions.record_outcome(
        alice, case, outcome="final_statement", statement="Overtime will be paid.", substantiated=True
    )
    actions.publish_statement(alice, case)
    case.refresh_from_db()
    page = Client().get(f"/g/{mechanism.slug}/statements/").content.decode()
    assert "Overtime will be paid." in page
    assert case.reference not in page
    assert case.reference.replace("-", "") not in page.replace("-", "")
    # Statements are addressed by a random id of their own.
    assert len(case.statement_id) >= 16
    assert f'id="s-{case.statement_id}"' in page
