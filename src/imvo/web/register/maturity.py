"""Where are we: the maturity of each OECD due-diligence step, derived from the register.

Nobody ticks a box: each level is a rule over what the register holds. The rules are documented for
users in ``docs/maturity.md``; keep the two in step. Levels per step:

0 not started · 1 started · 2 established · 3 embedded

Each step also returns the *next best action*: the first rule of the next level that is not met.
The whole assessment costs a fixed number of aggregate queries, whatever the register's size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from imvo.web.organisations.models import Organisation
from imvo.web.register.models import (
    RISK_ORDER,
    FollowUp,
    Indicator,
    Measure,
    MeasureStatus,
    Policy,
    PublishedReport,
    RemediationRecord,
    RemediationStatus,
    Risk,
    RiskSource,
    RiskStatus,
    Scan,
    ScanStatus,
    SeverityJudgement,
    StakeholderEngagement,
)

LEVEL_LABELS = {
    0: _("Not started"),
    1: _("Started"),
    2: _("Established"),
    3: _("Embedded"),
}
#: The most salient open risks must be judged and addressed first (OECD: prioritise by severity).
TOP_RISKS = 10
#: Engagement and reporting older than this no longer count as current.
CURRENT_WITHIN = timedelta(days=365)


@dataclass(frozen=True)
class NextAction:
    text: str | Promise
    url: str


@dataclass
class StepMaturity:
    number: int
    title: str | Promise
    level: int
    met: list[str | Promise] = field(default_factory=list)
    next_actions: list[NextAction] = field(default_factory=list)

    @property
    def level_label(self) -> str | Promise:
        return LEVEL_LABELS[self.level]


def _level(
    conditions: list[list[tuple[bool, str | Promise, NextAction]]],
) -> tuple[int, list[str | Promise], list[NextAction]]:
    """The highest level whose conditions (and all lower levels') hold; the next level's unmet actions."""
    level = 0
    met: list[str | Promise] = []
    for requirements in conditions:
        if all(ok for ok, _text, _action in requirements):
            level += 1
            met.extend(text for _ok, text, _action in requirements)
            continue
        return level, met, [action for ok, _text, action in requirements if not ok]
    return level, met, []


def assess(organisation: Organisation, *, publishing_at: dt.datetime | None = None) -> list[StepMaturity]:
    """The six steps with their level, the rules met and the next best actions.

    ``publishing_at``: the report being published at that moment counts as published (the report
    states where the organisation stands *with* that publication, not the moment before it)."""
    org = organisation
    slug = org.slug
    today = timezone.localdate()
    now = timezone.now()

    def url(name: str) -> str:
        return reverse(f"register:{name}", kwargs={"org": slug})

    # --- Step 1
    policy = Policy.objects.filter(organisation=org).order_by("-adopted_on", "-id").first()
    step1 = _level(
        [
            [
                (
                    policy is not None,
                    _("An RBC policy is recorded."),
                    NextAction(_("Record your RBC policy."), url("policy")),
                )
            ],
            [
                (
                    bool(policy and policy.adopted_on),
                    _("The policy has an adoption date."),
                    NextAction(_("Record when the policy was adopted."), url("policy")),
                ),
                (
                    bool(policy and policy.board_approved_on),
                    _("The board approved the policy."),
                    NextAction(_("Have the board approve the policy and record the date."), url("policy")),
                ),
                (
                    bool(policy and policy.responsible_officer),
                    _("A responsible officer is named."),
                    NextAction(_("Name the officer responsible for due diligence."), url("policy")),
                ),
            ],
            [
                (
                    bool(policy and policy.endorses_oecd_guidelines and policy.endorses_ungps),
                    _("The OECD Guidelines and the UNGPs are endorsed explicitly."),
                    NextAction(
                        _("Endorse the OECD Guidelines and the UN Guiding Principles explicitly."),
                        url("policy"),
                    ),
                ),
                (
                    bool(policy and policy.endorsement_evidence_url),
                    _("The endorsement is public."),
                    NextAction(_("Link the public evidence of the endorsement."), url("policy")),
                ),
                (
                    bool(policy and policy.management_system.strip()),
                    _("Management-system elements are described."),
                    NextAction(
                        _("Describe the management system: roles, procedures, training, contracts."),
                        url("policy"),
                    ),
                ),
            ],
        ]
    )

    # --- Step 2
    # Only "is there any" matters here: EXISTS stops at the first row, whatever the register's size.
    risk_counts = {
        "total": int(Risk.objects.filter(organisation=org).exists()),
        "manual": int(Risk.objects.filter(organisation=org, source=RiskSource.MANUAL).exists()),
        "judged": int(SeverityJudgement.objects.filter(organisation=org).exists()),
    }
    scans_done = Scan.objects.filter(organisation=org, status=ScanStatus.DONE).exists()
    top_open = list(
        Risk.objects.filter(organisation=org)
        .exclude(status=RiskStatus.CLOSED)
        .annotate(
            judged=Exists(SeverityJudgement.objects.filter(risk=OuterRef("pk"))),
            addressed=Exists(
                Measure.objects.filter(risk=OuterRef("pk")).exclude(status=MeasureStatus.CANCELLED)
            ),
        )
        .order_by(*RISK_ORDER)
        .values("judged", "addressed")[:TOP_RISKS]
    )
    recent_engagement = StakeholderEngagement.objects.filter(
        organisation=org, held_on__gte=today - CURRENT_WITHIN
    ).exists()
    step2 = _level(
        [
            [
                (
                    scans_done or risk_counts["total"] > 0,
                    _("Risks are identified (a scan or manual risks)."),
                    NextAction(_("Upload your supplier list and scan it."), url("scans")),
                )
            ],
            [
                (
                    scans_done,
                    _("The supplier list has been scanned."),
                    NextAction(_("Upload your supplier list and scan it."), url("scans")),
                ),
                (
                    risk_counts["judged"] > 0,
                    _("Severity judgements are recorded."),
                    NextAction(
                        _("Judge the severity of your most salient risks, with reasons."), url("risks")
                    ),
                ),
            ],
            [
                (
                    bool(top_open) and all(row["judged"] for row in top_open),
                    _("The most salient open risks all have a severity judgement."),
                    NextAction(_("Judge the severity of each of your ten most salient risks."), url("risks")),
                ),
                (
                    risk_counts["manual"] > 0,
                    _("Own operations and downstream risks are considered."),
                    NextAction(_("Add risks in your own operations and downstream."), url("risk_create")),
                ),
                (
                    recent_engagement,
                    _("Stakeholders were engaged in the past year."),
                    NextAction(_("Talk to affected stakeholders and log it."), url("stakeholders")),
                ),
            ],
        ]
    )

    # --- Step 3
    measure_counts = Measure.objects.filter(organisation=org).aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(status=MeasureStatus.DONE)),
        overdue=Count(
            "id", filter=Q(status__in=[MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS], due_on__lt=today)
        ),
    )
    step3 = _level(
        [
            [
                (
                    measure_counts["total"] > 0,
                    _("Measures are planned."),
                    NextAction(_("Plan a measure for your most salient risk."), url("risks")),
                )
            ],
            [
                (
                    bool(top_open) and all(row["addressed"] for row in top_open),
                    _("Each of the most salient open risks has a measure."),
                    NextAction(_("Plan measures for each of your ten most salient risks."), url("risks")),
                )
            ],
            [
                (
                    measure_counts["done"] > 0,
                    _("Measures have been carried out."),
                    NextAction(_("Carry out a measure and mark it done."), url("measures")),
                ),
                (
                    measure_counts["overdue"] == 0,
                    _("No measure is overdue."),
                    NextAction(_("Deal with the overdue measures."), url("measures")),
                ),
            ],
        ]
    )

    # --- Step 4
    follow_up_counts = FollowUp.objects.filter(organisation=org).aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(done_on__isnull=False)),
        overdue=Count("id", filter=Q(done_on__isnull=True, planned_on__lt=today)),
    )
    indicator_count = Indicator.objects.filter(organisation=org).count()
    active_without_indicator = (
        Measure.objects.filter(organisation=org, status__in=[MeasureStatus.IN_PROGRESS, MeasureStatus.DONE])
        .exclude(Exists(Indicator.objects.filter(measure=OuterRef("pk"))))
        .exists()
    )
    step4 = _level(
        [
            [
                (
                    indicator_count + follow_up_counts["total"] > 0,
                    _("Tracking has started (indicators or follow-ups)."),
                    NextAction(_("Define an indicator or plan a follow-up for a measure."), url("measures")),
                )
            ],
            [
                (
                    follow_up_counts["done"] > 0,
                    _("Follow-ups have been carried out."),
                    NextAction(
                        _("Record the result of an audit, visit or KPI measurement."), url("measures")
                    ),
                )
            ],
            [
                (
                    not active_without_indicator,
                    _("Every measure under way has an indicator."),
                    NextAction(_("Give every measure under way an indicator."), url("measures")),
                ),
                (
                    follow_up_counts["overdue"] == 0,
                    _("No follow-up is overdue."),
                    NextAction(_("Carry out or reschedule the overdue follow-ups."), url("measures")),
                ),
            ],
        ]
    )

    # --- Step 5
    latest_report = (
        PublishedReport.objects.filter(organisation=org)
        .order_by("-published_at")
        .values("published_at")
        .first()
    )
    if publishing_at is not None:
        latest_report = {"published_at": publishing_at}
    latest_scan = (
        Scan.objects.filter(organisation=org, status=ScanStatus.DONE)
        .order_by("-applied_at")
        .values(merged_at=F("applied_at"))
        .first()
    )
    report_current = bool(latest_report and latest_report["published_at"] >= now - CURRENT_WITHIN)
    report_after_scan = bool(
        latest_report
        and (
            latest_scan is None
            or latest_scan["merged_at"] is None
            or latest_report["published_at"] >= latest_scan["merged_at"]
        )
    )
    step5 = _level(
        [
            [
                (
                    latest_report is not None,
                    _("A due-diligence report is published."),
                    NextAction(_("Publish your due-diligence report."), url("reports")),
                )
            ],
            [
                (
                    report_current,
                    _("The report was published in the past year."),
                    NextAction(_("Publish this year's report."), url("reports")),
                )
            ],
            [
                (
                    report_after_scan,
                    _("The report reflects the latest scan."),
                    NextAction(_("Publish a new version that includes the latest scan."), url("reports")),
                )
            ],
        ]
    )

    # --- Step 6
    remedies = RemediationRecord.objects.filter(organisation=org).aggregate(
        total=Count("id"),
        provided=Count("id", filter=Q(status__in=[RemediationStatus.PROVIDED, RemediationStatus.VERIFIED])),
        verified=Count("id", filter=Q(status=RemediationStatus.VERIFIED)),
    )
    step6 = _level(
        [
            [
                (
                    remedies["total"] > 0,
                    _("Remediation is recorded for an impact caused or contributed to."),
                    NextAction(
                        _("Record remediation where you caused or contributed to an impact."),
                        url("remediation"),
                    ),
                )
            ],
            [
                (
                    remedies["provided"] > 0,
                    _("Remedy has been provided."),
                    NextAction(_("Record the remedy provided."), url("remediation")),
                )
            ],
            [
                (
                    remedies["verified"] > 0,
                    _("Remedy was verified with those affected."),
                    NextAction(_("Verify the remedy with those affected."), url("remediation")),
                )
            ],
        ]
    )

    titles = [
        _("Embed responsible business conduct in policy and management systems"),
        _("Identify and assess adverse impacts"),
        _("Cease, prevent and mitigate adverse impacts"),
        _("Track implementation and results"),
        _("Communicate how impacts are addressed"),
        _("Provide for or cooperate in remediation"),
    ]
    return [
        StepMaturity(number, title, level, met, actions)
        for number, (title, (level, met, actions)) in enumerate(
            zip(titles, [step1, step2, step3, step4, step5, step6], strict=True), start=1
        )
    ]
