"""Members compared with the non-member population of a monitor that shares it (issue 15, point 7).

With a monitor's consent in force (:class:`~imvo.web.covenants.models.MonitorShare`), the covenant sees
two aggregates of the monitor's latest round, on the monitor's own measures: the covenant's current
member companies that the monitor assessed, and the other companies of its population in scope. A
group is shown only with at least the covenant's minimum number of companies, so no figure is about one
company. The monitor's figures come from its assessments (``endorses`` and the steps evidenced), the same
columns its own dashboard aggregates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from imvo.web.covenants import queries
from imvo.web.covenants.models import MonitorShare, PartyKind
from imvo.web.monitoring.models import CompanyAssessment, MonitoringRound
from imvo.web.organisations.models import Organisation
from imvo.web.register.maturity import TITLES


@dataclass
class Group:
    companies: int
    shown: bool
    endorses: float = 0.0
    steps: dict[int, float] | None = None


def _group(rows: list[dict[str, Any]], minimum: int) -> Group:
    count = len(rows)
    if count < minimum:
        return Group(count, shown=False)
    steps = {step: sum(1 for row in rows if row["steps"] >> (step - 1) & 1) / count for step in TITLES}
    return Group(count, shown=True, endorses=sum(1 for row in rows if row["endorses"]) / count, steps=steps)


def comparison(covenant: Organisation) -> dict[str, Any] | None:
    """The comparison with the latest round of the monitor sharing its population; None without one."""
    share = MonitorShare.objects.filter(covenant=covenant, revoked_at__isnull=True).select_related(
        "organisation"
    )
    shared = share.first()
    if shared is None:
        return None
    monitor = shared.organisation
    latest = MonitoringRound.objects.filter(organisation=monitor).order_by("-name", "-id").first()
    if latest is None:
        return {"monitor": monitor, "round": None}
    members = set(
        queries.parties(covenant)
        .filter(queries.current(), kind=PartyKind.COMPANY, member__isnull=False)
        .values_list("member_id", flat=True)
    )
    rows: list[dict[str, Any]] = [
        dict(row)
        for row in CompanyAssessment.objects.filter(organisation=monitor, monitoring_round=latest).values(
            "endorses", "steps", "company__platform_organisation_id", "company__in_scope"
        )
    ]
    minimum = queries.covenant_of(covenant).minimum_members
    inside = [row for row in rows if row["company__platform_organisation_id"] in members]
    outside = [
        row
        for row in rows
        if row["company__platform_organisation_id"] not in members and row["company__in_scope"]
    ]
    member_group, other_group = _group(inside, minimum), _group(outside, minimum)
    lines: list[dict[str, Any]] = [
        {"label": None, "members": member_group.endorses, "others": other_group.endorses}
    ]
    for step, title in TITLES.items():
        lines.append(
            {
                "label": title,
                "step": step,
                "members": (member_group.steps or {}).get(step, 0.0),
                "others": (other_group.steps or {}).get(step, 0.0),
            }
        )
    return {
        "monitor": monitor,
        "round": latest,
        "members": member_group,
        "others": other_group,
        "lines": lines,
    }
