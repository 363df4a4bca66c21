"""Step 6 on the company's overview (:mod:`imvo.web.register.overview`): the open complaints, their next
deadline and the cases whose phase is due, each linked to its case.

Deadlines are the cases' own (:attr:`imvo.web.grievances.models.GrievanceCase.deadline`, the core's
phase rules with the mechanism's terms). Open complaints are few, so they are read as rows.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imvo.core.register.facts import RegisterFacts
from imvo.web.grievances import queries
from imvo.web.grievances.models import CasePhase, GrievanceCase
from imvo.web.organisations.access import Access
from imvo.web.register.overview import Action, Contribution, Tile, Urgency, day, number

#: A case whose phase falls due within this many days becomes a next action.
DUE_SOON = dt.timedelta(days=7)
#: At most this many complaints among the next actions (the list stays short).
MAX_CASE_ACTIONS = 3


def _case_action(access: Access, case: GrievanceCase, due_on: dt.date, today: dt.date) -> Action:
    values = {"reference": case.reference, "date": day(due_on), "phase": case.get_phase_display()}
    if case.phase == CasePhase.RECEIVED:
        text = _("Complaint %(reference)s must be acknowledged by %(date)s") % values
    else:
        text = _("Complaint %(reference)s: “%(phase)s” is due by %(date)s") % values
    url = reverse("grievances:case", kwargs={"org": access.organisation.slug, "case_id": case.pk})
    return Action(text, url, Urgency.OVERDUE if due_on < today else Urgency.DUE, due_on)


def _without_channel(access: Access) -> Contribution:
    """No mechanism yet: those affected in the chain have nowhere to complain (UNGP 29 and 31)."""
    org = {"org": access.organisation.slug}
    tile = Tile(
        "complaints",
        _("Open complaints"),
        reverse("grievances:overview", kwargs=org),
        text=_("No channel yet"),
        note=_("Nobody can file a complaint with you yet."),
        alert=True,
    )
    if not access.is_owner:  # owners set up mechanisms
        return Contribution((tile,))
    url = reverse("grievances:mechanism_new", kwargs=org)
    text = _("Open a complaint channel for people in your supply chain")
    return Contribution((tile,), (Action(text, url, Urgency.TO_DO),))


def contribution(access: Access, _facts: RegisterFacts) -> Contribution:
    if not queries.mechanisms_of(access.organisation).exists():
        return _without_channel(access)
    org = access.organisation.slug
    today = timezone.localdate()
    cases = list(queries.cases_of(access.organisation, phase="open"))
    deadlines = sorted(
        ((timezone.localdate(case.deadline), case) for case in cases if case.deadline is not None),
        key=lambda pair: (pair[0], pair[1].pk),
    )
    late = sum(1 for due_on, _case in deadlines if due_on < today)
    if late:
        note = ngettext("%(count)s past its deadline", "%(count)s past their deadline", late) % {
            "count": number(late)
        }
    elif deadlines:
        note = _("Next deadline %(date)s") % {"date": day(deadlines[0][0])}
    else:
        note = _("No deadline ahead.")
    # The case list is for those who handle complaints; readers see the aggregate figures.
    url = reverse("grievances:cases" if access.can_edit else "grievances:overview", kwargs={"org": org})
    if access.can_edit:
        url += "?phase=open"
    tile = Tile("complaints", _("Open complaints"), url, len(cases), note=note, alert=late > 0)
    if not access.can_edit:
        return Contribution((tile,))
    actions = tuple(
        _case_action(access, case, due_on, today)
        for due_on, case in deadlines[:MAX_CASE_ACTIONS]
        if due_on <= today + DUE_SOON
    )
    return Contribution((tile,), actions)
