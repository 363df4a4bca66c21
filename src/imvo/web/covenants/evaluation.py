"""Figures for the covenant's evaluation and for reading assessments: members over time, levels per
OECD step, verdicts per criterion, projects and results, complaints received, handled and upheld.

Levels are the register's own (``imvo.core.register.maturity`` over ``register_facts``), as stored in
each submission's snapshot; nothing here redefines them.

Members who left (``docs/covenants.md`` section 7): the levels per step come from the members' registers
and count only the current member companies, so a member that leaves drops out of them at once. The
figures per year (members over time, criteria met per year, assessments approved) count a member for the
years it was one: at the end of the year, and for this year today (:func:`member_in`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.utils import timezone

from imvo.web.covenants import queries
from imvo.web.covenants.comparison import comparison
from imvo.web.covenants.labels import criterion_label, level_label
from imvo.web.covenants.models import (
    AssessmentStatus,
    Criterion,
    MemberAssessment,
    Party,
    PartyKind,
    ProjectResult,
    Verdict,
)
from imvo.web.organisations.models import Organisation
from imvo.web.register.maturity import LEVEL_LABELS, TITLES

VERDICT_LABELS = dict(Verdict.choices)


def snapshot_levels(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    levels = snapshot.get("levels") or {}
    return [
        {
            "step": step,
            "title": TITLES[step],
            "level": levels[str(step)],
            "label": level_label(levels[str(step)]),
        }
        for step in sorted(TITLES)
        if str(step) in levels
    ]


def verdict_rows(criteria: Iterable[Criterion], verdicts: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for criterion in criteria:
        entry = verdicts.get(str(criterion.pk))
        if entry:
            rows.append(
                {
                    "label": criterion_label(criterion),
                    "verdict": VERDICT_LABELS.get(entry["verdict"], entry["verdict"]),
                    "reason": entry["reason"],
                }
            )
    return rows


def member_in(party: Party, year: int, today: dt.date | None = None) -> bool:
    """Whether ``party`` was a member at the end of ``year`` (for this year: today)."""
    moment = min(dt.date(year, 12, 31), today or timezone.localdate())
    return party.joined_on <= moment and (party.left_on is None or party.left_on > moment)


def progress_per_member(organisation: Organisation) -> dict[str, Any]:
    """Per member company, per year: how many criteria were met (approved assessments only), for the
    years it was a member; the totals count only those."""
    years = sorted(set(queries.assessments(organisation).values_list("year", flat=True)))
    today = timezone.localdate()
    rows: list[dict[str, Any]] = []
    for party in queries.parties(organisation).filter(kind=PartyKind.COMPANY).prefetch_related("assessments"):
        by_year = {a.year: a for a in party.assessments.all()}
        cells: list[dict[str, Any]] = []
        for year in years:
            found = by_year.get(year)
            if (
                found is None
                or found.status != AssessmentStatus.APPROVED
                or not member_in(party, year, today)
            ):
                cells.append({"year": year, "met": None, "total": None, "assessment": found})
            else:
                met = sum(1 for entry in found.verdicts.values() if entry["verdict"] == Verdict.MET)
                cells.append({"year": year, "met": met, "total": len(found.verdicts), "assessment": found})
        rows.append({"party": party, "cells": cells})
    totals = []
    for index, year in enumerate(years):
        counted = [row["cells"][index] for row in rows if row["cells"][index]["met"] is not None]
        met = sum(cell["met"] for cell in counted)
        total = sum(cell["total"] for cell in counted)
        totals.append({"year": year, "met": met if counted else None, "total": total})
    return {"years": years, "rows": rows, "totals": totals}


def _members_over_time(organisation: Organisation) -> list[dict[str, int]]:
    """Member companies at the end of each year (this year: today), from the first joining up to this
    year."""
    companies = list(queries.parties(organisation).filter(kind=PartyKind.COMPANY))
    if not companies:
        return []
    today = timezone.localdate()
    first = min(p.joined_on.year for p in companies)
    return [
        {"year": year, "members": sum(1 for p in companies if member_in(p, year, today))}
        for year in range(first, today.year + 1)
    ]


def _levels_per_step(assessments: list[MemberAssessment], year: int) -> list[dict[str, Any]]:
    snapshots = [a.snapshot for a in assessments if a.year == year and a.snapshot.get("levels")]
    rows = []
    for step in sorted(TITLES):
        counts = Counter(snapshot["levels"].get(str(step), 0) for snapshot in snapshots)
        total = len(snapshots)
        shares = [
            {
                "label": LEVEL_LABELS[level],
                "count": counts[level],
                "share": counts[level] / total if total else 0,
            }
            for level in sorted(LEVEL_LABELS)
        ]
        rows.append({"step": step, "title": TITLES[step], "shares": shares})
    return rows


def _complaints(organisation: Organisation) -> dict[str, int] | None:
    covenant = queries.covenant_of(organisation)
    if covenant.committee_id is None:
        return None
    from imvo.web.grievances.models import GrievanceCase, Outcome

    cases = GrievanceCase.objects.filter(organisation=organisation, mechanism_id=covenant.committee_id)
    return {
        "received": cases.count(),
        "handled": cases.filter(Q(closed_at__isnull=False) | ~Q(outcome="")).count(),
        "upheld": cases.filter(outcome=Outcome.DECISION_UPHELD).count(),
    }


def figures(organisation: Organisation) -> dict[str, Any]:
    today = timezone.localdate()
    assessments = list(queries.assessments(organisation).filter(party__kind=PartyKind.COMPANY))
    # The levels come from the members' registers: current member companies only.
    current = [a for a in assessments if member_in(a.party, today.year, today)]
    latest = max((a.year for a in current), default=None)
    approved = [
        a for a in assessments if a.status == AssessmentStatus.APPROVED and member_in(a.party, a.year, today)
    ]
    return {
        "members_over_time": _members_over_time(organisation),
        "latest_year": latest,
        "levels": _levels_per_step(current, latest) if latest else [],
        "projects": queries.projects(organisation).count(),
        "results": ProjectResult.objects.filter(organisation=organisation).count(),
        "complaints": _complaints(organisation),
        "assessed": len(approved),
        "comparison": comparison(organisation),
    }
