"""The company's home: key figures linking to the records behind them, the six steps, next actions.

Every figure about the register comes from its one definition: the register facts
(:func:`imvo.web.register.facts.register_facts`: measures, overdue, follow-ups, reports), the six
steps' levels (:func:`imvo.web.register.maturity.assess` over the same facts), the salience bands
(:mod:`imvo.web.register.scales`) and what the register's filters call judged. The rest are a few
aggregate queries, so the page costs the same with 100 or 100 000 suppliers.

Apps above the register (complaints, obligations) add their tiles and actions through
:func:`add_overview_contribution`, registered in their ``AppConfig.ready()``: the register imports
none of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imvo.core.register import maturity as rules
from imvo.core.register.facts import RegisterFacts
from imvo.web.organisations.access import Access
from imvo.web.organisations.sections import GROUPS
from imvo.web.register import maturity, queries, scales
from imvo.web.register.facts import (
    due_follow_up_filter,
    overdue_follow_up_filter,
    overdue_measure_filter,
    register_facts,
)
from imvo.web.register.filters import BAND_NAMES
from imvo.web.register.models import (
    FollowUp,
    Measure,
    Risk,
    RiskStatus,
    Scan,
    ScanStatus,
    SeverityJudgement,
)

#: The next best actions shown: a short list to start from, not a to-do list.
MAX_ACTIONS = 5
#: Follow-ups planned within this many days count as due.
#: A report due within this many days becomes a next action.
REPORT_DUE_SOON = dt.timedelta(days=60)


class Urgency(IntEnum):
    """The order of the next actions: what is late, then what falls due, then what builds maturity."""

    OVERDUE = 0
    DUE = 1
    TO_DO = 2


@dataclass(frozen=True)
class TilePart:
    """One link inside a tile (a salience band of the risks)."""

    label: str | Promise
    count: int
    url: str
    band: int | None = None


@dataclass(frozen=True)
class Tile:
    key: str
    label: str | Promise
    url: str
    #: The figure shown large; None when the tile shows ``text`` instead.
    count: int | None = None
    text: str = ""
    note: str = ""
    #: Something needs attention (the note says what).
    alert: bool = False
    parts: tuple[TilePart, ...] = ()


@dataclass(frozen=True)
class Action:
    text: str
    url: str
    urgency: Urgency
    #: The date it is (or was) due; earlier first within one urgency.
    due_on: dt.date | None = None


@dataclass(frozen=True)
class Contribution:
    tiles: tuple[Tile, ...] = ()
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class StepLine:
    """One of the six steps on one line: its short name (as the navigation names it) and its level."""

    name: str | Promise
    maturity: maturity.StepMaturity


@dataclass
class Overview:
    tiles: list[Tile]
    actions: list[Action]
    steps: list[StepLine]


#: A provider reads the member's access and the register facts already read for the page.
Provider = Callable[[Access, RegisterFacts], Contribution]
#: Tiles and actions of the apps above the register, by app (e.g. ``grievances``, ``obligations``).
OVERVIEW_CONTRIBUTIONS: dict[str, Provider] = {}


def add_overview_contribution(key: str, provider: Provider) -> None:
    OVERVIEW_CONTRIBUTIONS[key] = provider


def day(value: dt.date) -> str:
    """A date in the reader's language and format (``3 mei 2026``, ``May 3, 2026``)."""
    return date_format(value)


def number(value: int) -> str:
    """A count in the reader's format (``12.345``, ``12,345``)."""
    return number_format(value, force_grouping=True)


def _url(name: str, access: Access, **kwargs: int) -> str:
    return reverse(f"register:{name}", kwargs={"org": access.organisation.slug, **kwargs})


def _risks_url(access: Access, **filters: str) -> str:
    return _url("risks", access) + ("?" + urlencode(filters) if filters else "")


def _risk_counts(access: Access) -> dict[str, int]:
    """The current risks (the register's default view: not closed) in one query: in total, per
    salience band and not yet judged (as the register's ``judged`` filter reads it)."""
    bands = {}
    for band in scales.SALIENCE_BAND_LEVELS:
        low, high = scales.salience_band_range(band)
        bands[f"band_{band}"] = Count("id", filter=Q(salience__gte=low, salience__lte=high))
    judged = Exists(SeverityJudgement.objects.filter(risk=OuterRef("pk")))
    current = Risk.objects.filter(organisation=access.organisation).exclude(status=RiskStatus.CLOSED)
    return current.aggregate(total=Count("id"), not_judged=Count("id", filter=~Q(judged)), **bands)


def _risk_tiles(access: Access, counts: dict[str, int]) -> list[Tile]:
    parts = tuple(
        TilePart(BAND_NAMES[band], counts[f"band_{band}"], _risks_url(access, band=str(band)), band)
        for band in reversed(scales.SALIENCE_BAND_LEVELS)
    )
    not_judged = counts["not_judged"]
    return [
        Tile("risks", _("Open risks by salience"), _risks_url(access), counts["total"], parts=parts),
        Tile(
            "not-judged",
            _("Risks not yet judged"),
            _risks_url(access, judged="no"),
            not_judged,
            note=_("Judge their severity, most salient first.")
            if not_judged
            else _("Every open risk is judged."),
            alert=not_judged > 0,
        ),
    ]


def _measure_tiles(access: Access, facts: RegisterFacts, today: dt.date) -> list[Tile]:
    overdue = facts.measures.overdue
    open_measures = facts.measures.planned + facts.measures.in_progress
    due_soon = FollowUp.objects.filter(due_follow_up_filter(today), organisation=access.organisation).count()
    late = facts.follow_ups.overdue
    return [
        Tile(
            "measures",
            _("Open measures"),
            _url("measures", access),
            open_measures,
            note=ngettext("%(count)s overdue", "%(count)s overdue", overdue) % {"count": number(overdue)}
            if overdue
            else _("None overdue."),
            alert=overdue > 0,
        ),
        Tile(
            "follow-ups",
            _("Follow-ups due"),
            _url("follow_ups", access) + "?when=due",
            due_soon,
            note=ngettext("%(count)s overdue", "%(count)s overdue", late) % {"count": number(late)}
            if late
            else _("Within the next 30 days; none overdue."),
            alert=late > 0,
        ),
    ]


def _scan_tile(access: Access) -> tuple[Tile, Action | None]:
    scan = Scan.objects.filter(organisation=access.organisation).order_by("-created_at", "-id").first()
    if scan is None:
        tile = Tile(
            "scan",
            _("Last scan"),
            _url("scans", access),
            text=_("None yet"),
            note=_("Upload your supplier list."),
        )
        return tile, None
    when = timezone.localdate(scan.applied_at or scan.finished_at or scan.created_at)
    tile = Tile(
        "scan",
        _("Last scan"),
        _url("scan_detail", access, scan_id=scan.pk),
        text=_("Scan #%(number)s") % {"number": scan.pk},
        note=f"{scan.get_status_display()} · {day(when)}",
        alert=scan.status in (ScanStatus.READY, ScanStatus.FAILED),
    )
    action = None
    if scan.status == ScanStatus.READY:
        text = _("Scan #%(number)s is ready: review it and merge it into the register") % {"number": scan.pk}
        action = Action(text, tile.url, Urgency.DUE, when)
    return tile, action


def next_report_due(facts: RegisterFacts) -> dt.date | None:
    """When the report stops being current (step 5's rule); None when none was ever published."""
    if facts.last_report_at is None:
        return None
    return timezone.localdate(facts.last_report_at) + rules.CURRENT_WITHIN


def _report_tile(access: Access, facts: RegisterFacts, today: dt.date) -> tuple[Tile, Action | None]:
    url = _url("reports", access)
    due = next_report_due(facts)
    if due is None:
        tile = Tile("report", _("Next report"), url, text=_("Not yet published"), alert=facts.risks > 0)
        action = (
            Action(_("Publish your first due-diligence report"), url, Urgency.TO_DO) if facts.risks else None
        )
        return tile, action
    published = timezone.localdate(facts.last_report_at) if facts.last_report_at else due
    tile = Tile(
        "report",
        _("Next report due"),
        url,
        text=day(due),
        note=_("Last published on %(date)s") % {"date": day(published)},
        alert=due <= today,
    )
    action = None
    if due <= today + REPORT_DUE_SOON:
        urgency = Urgency.OVERDUE if due < today else Urgency.DUE
        action = Action(
            _("Publish this year's report (due %(date)s)") % {"date": day(due)}, url, urgency, due
        )
    return tile, action


def _late_work(access: Access, facts: RegisterFacts, today: dt.date) -> list[Action]:
    """The measure and the follow-up that have been overdue longest, each linked to its measure."""
    actions = []
    rows = Measure.objects.filter(overdue_measure_filter(today), organisation=access.organisation)
    if facts.measures.overdue and (late := rows.order_by("due_on", "id").first()) and late.due_on:
        text = _("Measure “%(measure)s” is overdue since %(date)s") % {
            "measure": _short(late.description),
            "date": day(late.due_on),
        }
        actions.append(
            Action(text, _url("measure_detail", access, measure_id=late.pk), Urgency.OVERDUE, late.due_on)
        )
    follow_ups = FollowUp.objects.filter(overdue_follow_up_filter(today), organisation=access.organisation)
    if facts.follow_ups.overdue and (
        follow_up := follow_ups.select_related("measure").order_by("planned_on", "id").first()
    ):
        text = _("%(kind)s for “%(measure)s” was planned for %(date)s") % {
            "kind": follow_up.get_kind_display(),
            "measure": _short(follow_up.measure.description),
            "date": day(follow_up.planned_on),
        }
        url = _url("measure_detail", access, measure_id=follow_up.measure_id)
        actions.append(Action(text, url, Urgency.OVERDUE, follow_up.planned_on))
    return actions


def _short(text: str, length: int = 60) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    return first_line if len(first_line) <= length else first_line[: length - 1].rstrip() + "…"


def _maturity_actions(steps: list[maturity.StepMaturity]) -> list[Action]:
    """The open rules of the least mature steps first: each step's first next action."""
    ordered = sorted(
        (step for step in steps if step.next_actions), key=lambda step: (step.level, step.number)
    )
    return [
        Action(str(step.next_actions[0].text), step.next_actions[0].url, Urgency.TO_DO) for step in ordered
    ]


def _ordered(actions: list[Action]) -> list[Action]:
    unique: dict[str, Action] = {}
    for action in sorted(actions, key=lambda a: (a.urgency, a.due_on or dt.date.max)):
        unique.setdefault(action.text, action)
    return list(unique.values())[:MAX_ACTIONS]


def build_overview(access: Access) -> Overview:
    """The tiles, the next best actions and the six steps of ``access``'s organisation."""
    organisation = access.organisation
    today = timezone.localdate()
    facts = register_facts(organisation)
    steps = maturity.assess(organisation, facts=facts)
    counts = _risk_counts(access)
    suppliers = queries.suppliers(organisation).count()
    scan_tile, scan_action = _scan_tile(access)
    report_tile, report_action = _report_tile(access, facts, today)
    tiles = [
        Tile(
            "suppliers",
            _("Suppliers"),
            _url("suppliers", access),
            suppliers,
            note=_("On your supplier list."),
        ),
        *_risk_tiles(access, counts),
        *_measure_tiles(access, facts, today),
    ]
    actions = _late_work(access, facts, today)
    for provider in OVERVIEW_CONTRIBUTIONS.values():
        contribution = provider(access, facts)
        tiles.extend(contribution.tiles)
        actions.extend(contribution.actions)
    # Within one urgency, in the order of the steps: judging risks (2) before reporting (5).
    if counts["not_judged"]:
        text = ngettext(
            "Judge %(count)s risk not yet judged",
            "Judge %(count)s risks not yet judged",
            counts["not_judged"],
        ) % {"count": number(counts["not_judged"])}
        actions.append(Action(text, _risks_url(access, judged="no"), Urgency.TO_DO))
    actions.extend(action for action in (scan_action, report_action) if action is not None)
    actions.extend(_maturity_actions(steps))
    names = {step: name for _key, step, name in GROUPS if step is not None}
    lines = [StepLine(names[step.number], step) for step in steps]
    return Overview([*tiles, scan_tile, report_tile], _ordered(actions), lines)
