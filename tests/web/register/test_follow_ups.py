"""Step 4's own page: every follow-up, filtered by when it is due, linked to its measure."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from imvo.web.register import actions


def url(**query: str) -> str:
    base = reverse("register:follow_ups", kwargs={"org": "acme"})
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _plan(register: dict[str, Any], alice: Any, acme: Any, days_from_today: int, done: bool = False) -> Any:
    today = timezone.localdate()
    fields: dict[str, Any] = {"kind": "visit", "planned_on": today + dt.timedelta(days=days_from_today)}
    if done:
        fields["done_on"] = today
    return actions.record_follow_up(alice, acme, register["measure"], fields)


def test_the_page_lists_follow_ups_by_when_they_are_due(
    register: dict[str, Any], alice: Any, bob: Any, acme: Any, client_for: Any
) -> None:
    late = _plan(register, alice, acme, -3)
    soon = _plan(register, alice, acme, 10)
    done = _plan(register, alice, acme, -20, done=True)
    later = register["follow_up"]  # planned in 2030

    def shown(page: str) -> set[int]:
        return {pk for pk in (late.pk, soon.pk, done.pk, later.pk) if f'data-follow-up="{pk}"' in page}

    client = client_for(bob)  # a viewer reads step 4 too
    assert shown(client.get(url()).content.decode()) == {late.pk, soon.pk, done.pk, later.pk}
    assert shown(client.get(url(when="due")).content.decode()) == {late.pk, soon.pk}
    assert shown(client.get(url(when="overdue")).content.decode()) == {late.pk}
    assert shown(client.get(url(when="done")).content.decode()) == {done.pk}
    page = client.get(url(when="due")).content.decode()
    measure_id = register["measure"].pk
    measure_page = reverse("register:measure_detail", kwargs={"org": "acme", "measure_id": measure_id})
    assert measure_page in page


def test_the_overview_tile_counts_what_its_link_shows(
    register: dict[str, Any], alice: Any, acme: Any, client_for: Any
) -> None:
    _plan(register, alice, acme, -3)
    _plan(register, alice, acme, 10)
    overview = client_for(alice).get(reverse("register:progress", kwargs={"org": "acme"})).content.decode()
    assert url(when="due").replace("&", "&amp;") in overview
    assert "2 follow-ups" in client_for(alice).get(url(when="due")).content.decode()


def test_another_organisation_sees_nothing(register: dict[str, Any], charlie: Any, client_for: Any) -> None:
    assert client_for(charlie).get(url()).status_code == 404
