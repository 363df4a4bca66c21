"""The obligations on the company's overview (:mod:`imvo.web.register.overview`): how many laws apply
today and the next date among them (an obligation's deadline, or a law coming into force).

The verdicts are the obligations engine's, evaluated as the obligations page evaluates them.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from imvo.core.register.facts import RegisterFacts
from imvo.web.obligations import queries
from imvo.web.obligations.summary import at_a_glance
from imvo.web.organisations.access import Access
from imvo.web.register.overview import Action, Contribution, Tile, Urgency, day

APPLYING = ("applies", "probably_applies")
#: A date within this many days becomes a next action.
DUE_SOON = dt.timedelta(days=90)


def _dates_ahead(evaluation: queries.Evaluation, org: str, today: dt.date) -> list[tuple[dt.date, str]]:
    """The timeline's events from today on, earliest first, of the laws that apply or are coming (one
    that the engine cannot decide yet is left to the obligations page, which says "if it applies")."""
    events = at_a_glance(evaluation, org, today).events
    return [
        (event.day, f"{event.law}: {event.text}")
        for event in events
        if not event.past and not event.conditional
    ]


def contribution(access: Access, facts: RegisterFacts) -> Contribution:
    today = timezone.localdate()
    evaluation = queries.evaluate_organisation(access.organisation, today, register_state=facts)
    applying = sum(1 for outcome in evaluation.result.outcomes if outcome.status in APPLYING)
    dates = _dates_ahead(evaluation, access.organisation.slug, today)
    url = reverse("obligations:overview", kwargs={"org": access.organisation.slug})
    note = _("Next date %(date)s") % {"date": day(dates[0][0])} if dates else _("No dates ahead.")
    tile = Tile("obligations", _("Obligations that apply"), url, applying, note=note)
    actions = tuple(
        Action(_("%(what)s — by %(date)s") % {"what": what, "date": day(due_on)}, url, Urgency.DUE, due_on)
        for due_on, what in dates[:1]
        if due_on <= today + DUE_SOON
    )
    return Contribution((tile,), actions)
