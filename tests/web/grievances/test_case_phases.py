"""The handler's case page follows the case's phase: a phase bar, the phase's deadline, and only the
actions of the current phase, which the server also refuses outside their phase."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone, translation

from imvo.core.grievances import Phase
from imvo.web.audit.models import AuditEvent
from imvo.web.grievances import actions
from imvo.web.grievances.models import GrievanceCase

pytestmark = pytest.mark.django_db

ROUTE = {
    Phase.INITIAL_ASSESSMENT: (Phase.INITIAL_ASSESSMENT,),
    Phase.GOOD_OFFICES: (Phase.INITIAL_ASSESSMENT, Phase.GOOD_OFFICES),
    Phase.OUTCOME: (Phase.INITIAL_ASSESSMENT, Phase.GOOD_OFFICES, Phase.OUTCOME),
    Phase.FOLLOW_UP: (Phase.INITIAL_ASSESSMENT, Phase.GOOD_OFFICES, Phase.OUTCOME, Phase.FOLLOW_UP),
}


def _case_url(case: Any, suffix: str = "") -> str:
    return f"/o/acme/grievances/cases/{case.pk}/{suffix}"


def _move_to(actor: Any, case: Any, phase: Phase) -> Any:
    for step in ROUTE.get(phase, ()):
        actions.move_case(actor, case, step, f"On to {step.value}.")
    return case


def _page(client: Any, case: Any, language: str = "en") -> str:
    with translation.override(language):
        response = client.get(_case_url(case), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def _states(page: str) -> dict[str, str]:
    return dict(re.findall(r'data-phase="([a-z_]+)" data-state="([a-z]+)"', page))


def _moves(page: str) -> list[str]:
    return re.findall(r'class="gcase-move" data-to-phase="([a-z_]+)"', page)


def test_the_phase_bar_marks_done_current_next_and_later(named_case, alice, client_for):
    case, _code = named_case
    client = client_for(alice)
    assert _states(_page(client, case)) == {
        "received": "current",
        "initial_assessment": "next",
        "good_offices": "upcoming",
        "outcome": "upcoming",
        "follow_up": "upcoming",
        "closed": "upcoming",
    }
    _move_to(alice, case, Phase.GOOD_OFFICES)
    assert _states(_page(client, case)) == {
        "received": "done",
        "initial_assessment": "done",
        "good_offices": "current",
        "outcome": "next",
        "follow_up": "upcoming",
        "closed": "upcoming",
    }


def test_a_case_closed_as_not_admissible_shows_the_phases_it_skipped(named_case, alice, client_for):
    case, _code = named_case
    _move_to(alice, case, Phase.INITIAL_ASSESSMENT)
    actions.move_case(alice, case, Phase.CLOSED, "No link to our business.")
    page = _page(client_for(alice), case)
    assert _states(page) == {
        "received": "done",
        "initial_assessment": "done",
        "good_offices": "skipped",
        "outcome": "skipped",
        "follow_up": "skipped",
        "closed": "current",
    }
    assert _moves(page) == []
    assert "No link to our business." in page  # the reasons stay in the history


@pytest.mark.parametrize(
    ("phase", "present", "absent", "moves"),
    [
        (
            Phase.RECEIVED,
            ["message-form"],
            ["outcome-form", "remedy-form", "link-form"],
            ["initial_assessment", "closed"],
        ),
        (
            Phase.INITIAL_ASSESSMENT,
            ["message-form", "link-form"],
            ["outcome-form", "remedy-form"],
            ["good_offices", "closed"],
        ),
        (Phase.GOOD_OFFICES, ["link-form"], ["outcome-form", "remedy-form"], ["outcome", "closed"]),
        (Phase.OUTCOME, ["outcome-form", "remedy-form", "link-form"], [], ["follow_up", "closed"]),
        (Phase.FOLLOW_UP, ["outcome-form", "remedy-form"], [], ["closed"]),
    ],
)
def test_only_the_actions_of_the_current_phase_are_offered(
    named_case, alice, client_for, phase, present, absent, moves
):
    case, _code = named_case
    _move_to(alice, case, phase)
    page = _page(client_for(alice), case)
    now = page.split('id="case-now"', 1)[1].split("</section>", 1)[0]
    for form in present:
        assert f'id="{form}"' in now, form
    for form in absent:
        assert f'id="{form}"' not in page, form
    assert _moves(now) == moves


def test_received_asks_to_acknowledge_and_tucks_withdrawal_away(named_case, alice, client_for):
    case, _code = named_case
    page = _page(client_for(alice), case)
    assert ">Acknowledge and start the initial assessment</button>" in page
    withdrawal = page.split('<details class="gcase-action"', 1)[1].split("</details>", 1)[0]
    assert "Close the case (withdrawn)" in withdrawal
    assert 'data-to-phase="closed"' in withdrawal


def test_the_current_phase_deadline_is_shown_and_flagged_when_overdue(named_case, alice, client_for):
    case, _code = named_case
    started = timezone.now() - timedelta(days=20)
    GrievanceCase.objects.filter(pk=case.pk).update(phase_started_at=started)
    page = _page(client_for(alice), case)
    deadline = page.split('id="case-deadline"', 1)[1].split("</p>", 1)[0]
    # The page shows the install's local date (Europe/Amsterdam), which is a day ahead of UTC late at night.
    assert f'datetime="{timezone.localtime(started + timedelta(days=14)):%Y-%m-%d}"' in deadline
    assert "overdue by 6 days" in deadline


def test_linking_is_refused_outside_its_phases(named_case, alice, client_for):
    from imvo.web.register import actions as register_actions

    case, _code = named_case
    risk = register_actions.create_manual_risk(alice, case.organisation, {"title": "Union busting"})
    client = client_for(alice)
    response = client.post(_case_url(case, "link/"), {"risk": risk.pk}, follow=True)
    assert "not done in the current phase" in response.content.decode()
    case.refresh_from_db()
    assert case.risk is None
    assert not AuditEvent.objects.filter(action="link_register").exists()
    _move_to(alice, case, Phase.GOOD_OFFICES)
    client.post(_case_url(case, "link/"), {"risk": risk.pk})
    case.refresh_from_db()
    assert case.risk == risk
    actions.move_case(alice, case, Phase.CLOSED, "Withdrawn.")
    with pytest.raises(actions.TransitionError):
        actions.link_to_register(alice, case, supplier=None, risk=None, measure=None)


def test_a_closed_case_takes_no_move_but_a_remedy_can_still_be_delivered(named_case, alice, client_for):
    case, _code = named_case
    _move_to(alice, case, Phase.OUTCOME)
    remedy = actions.add_remedy(alice, case, {"kind": "apology", "description": "A letter"})
    actions.move_case(alice, case, Phase.CLOSED, "Agreement reached.")
    client = client_for(alice)
    client.post(_case_url(case, "move/"), {"to_phase": "follow_up", "reason": "Reopen"})
    case.refresh_from_db()
    assert case.phase == "closed"
    page = _page(client, case)
    assert "Mark delivered" in page.split('id="case-now"', 1)[1].split("</section>", 1)[0]
    client.post(f"/o/acme/grievances/remedies/{remedy.pk}/complete/")
    remedy.refresh_from_db()
    assert remedy.is_delivered


def test_the_page_keeps_identity_protection(named_case, dave, client_for):
    case, _code = named_case
    page = _page(client_for(dave), case)
    assert "Maria" not in page
    assert "maria@example.org" not in page
    assert "identity-hidden" in page


def test_the_case_page_in_dutch_has_dutch_phases_actions_and_dates(named_case, alice, client_for):
    case, _code = named_case
    GrievanceCase.objects.filter(pk=case.pk).update(phase_started_at=timezone.now().replace(month=1, day=10))
    page = _page(client_for(alice), case, "nl")
    now = page.split('id="case-now"', 1)[1].split("</section>", 1)[0]
    assert "januari" in now
    for english in (
        "Acknowledge",
        "Deadline",
        "Reason",
        "Write to the complainant",
        "withdrawn",
        "current phase",
    ):
        assert english not in page, english
    bar = page.split('id="case-phases"', 1)[1].split("</ol>", 1)[0]
    assert "Eerste beoordeling" in bar
