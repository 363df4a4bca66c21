"""Where are we: the six OECD due-diligence steps, in words and links.

The levels are the core's rules (:mod:`imvo.core.register.maturity`) over the register's facts
(:func:`imvo.web.register.facts.register_facts`); this module gives each rule its sentence, its next
best action and the page where the action is done. ``docs/maturity.md`` describes the same rules
for users, by the same ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from imvo.core.register import maturity as rules
from imvo.core.register.facts import RegisterFacts
from imvo.web.organisations.models import Organisation
from imvo.web.register.facts import register_facts

LEVEL_LABELS = {
    0: _("Not started"),
    1: _("Started"),
    2: _("Established"),
    3: _("Embedded"),
}
TOP_RISKS = rules.TOP_RISKS
TITLES = {
    1: _("Embed responsible business conduct in policy and management systems"),
    2: _("Identify and assess adverse impacts"),
    3: _("Cease, prevent and mitigate adverse impacts"),
    4: _("Track implementation and results"),
    5: _("Communicate how impacts are addressed"),
    6: _("Provide for or cooperate in remediation"),
}
#: Rule id → (what is met, the next best action, the page where it is done).
RULE_TEXTS: dict[str, tuple[Promise, Promise, str]] = {
    "policy_recorded": (_("An RBC policy is recorded."), _("Record your RBC policy."), "policy"),
    "policy_adopted": (
        _("The policy has an adoption date."),
        _("Record when the policy was adopted."),
        "policy",
    ),
    "policy_board_approved": (
        _("The board approved the policy."),
        _("Have the board approve the policy and record the date."),
        "policy",
    ),
    "officer_named": (
        _("A responsible officer is named."),
        _("Name the officer responsible for due diligence."),
        "policy",
    ),
    "endorses_oecd_and_ungps": (
        _("The OECD Guidelines and the UNGPs are endorsed explicitly."),
        _("Endorse the OECD Guidelines and the UN Guiding Principles explicitly."),
        "policy",
    ),
    "endorsement_public": (
        _("The endorsement is public."),
        _("Link the public evidence of the endorsement."),
        "policy",
    ),
    "management_system_described": (
        _("Management-system elements are described."),
        _("Describe the management system: roles, procedures, training, contracts."),
        "policy",
    ),
    "risks_identified": (
        _("Risks are identified (a merged supplier list or manual risks)."),
        _("Upload your supplier list and scan it."),
        "scans",
    ),
    "list_scanned": (
        _("A supplier list has been scanned and merged."),
        _("Upload your supplier list and scan it."),
        "scans",
    ),
    "severity_judged": (
        _("Severity judgements are recorded."),
        _("Judge the severity of your most salient risks, with reasons."),
        "risks",
    ),
    "top_risks_judged": (
        _("The most salient open risks all have a severity judgement."),
        _("Judge the severity of each of your ten most salient risks."),
        "risks",
    ),
    "own_operations_considered": (
        _("Own operations and downstream risks are considered."),
        _("Add risks in your own operations and downstream."),
        "risk_create",
    ),
    "stakeholders_engaged": (
        _("Stakeholders were engaged in the past year."),
        _("Talk to affected stakeholders and log it."),
        "stakeholders",
    ),
    "measures_planned": (
        _("Measures are planned."),
        _("Plan a measure for your most salient risk."),
        "risks",
    ),
    "top_risks_addressed": (
        _("Each of the most salient open risks has a measure."),
        _("Plan measures for each of your ten most salient risks."),
        "risks",
    ),
    "measures_done": (
        _("Measures have been carried out."),
        _("Carry out a measure and mark it done."),
        "measures",
    ),
    "no_measure_overdue": (_("No measure is overdue."), _("Deal with the overdue measures."), "measures"),
    "tracking_started": (
        _("Tracking has started (indicators or follow-ups)."),
        _("Define an indicator or plan a follow-up for a measure."),
        "measures",
    ),
    "follow_ups_done": (
        _("Follow-ups have been carried out."),
        _("Record the result of an audit, visit or KPI measurement."),
        "measures",
    ),
    "indicators_for_active_measures": (
        _("Every measure under way has an indicator."),
        _("Give every measure under way an indicator."),
        "measures",
    ),
    "no_follow_up_overdue": (
        _("No follow-up is overdue."),
        _("Carry out or reschedule the overdue follow-ups."),
        "measures",
    ),
    "report_published": (
        _("A due-diligence report is published."),
        _("Publish your due-diligence report."),
        "reports",
    ),
    "report_current": (
        _("The report was published in the past year."),
        _("Publish this year's report."),
        "reports",
    ),
    "report_after_last_list": (
        _("The report reflects the latest merged supplier list."),
        _("Publish a new version that includes the latest scan."),
        "reports",
    ),
    "remediation_recorded": (
        _("Remediation is recorded for an impact caused or contributed to."),
        _("Record remediation where you caused or contributed to an impact."),
        "remediation",
    ),
    "remedy_provided": (_("Remedy has been provided."), _("Record the remedy provided."), "remediation"),
    "remedy_verified": (
        _("Remedy was verified with those affected."),
        _("Verify the remedy with those affected."),
        "remediation",
    ),
}


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


def assess(
    organisation: Organisation,
    *,
    publishing_at: dt.datetime | None = None,
    facts: RegisterFacts | None = None,
) -> list[StepMaturity]:
    """The six steps with their level, the rules met and the next best actions.

    ``publishing_at``: the report being published at that moment counts as published (the report
    states where the organisation stands *with* that publication, not the moment before it).
    ``facts``: the organisation's facts when the caller has read them already (the overview)."""
    if facts is None:
        facts = register_facts(organisation, publishing_at=publishing_at)

    def url(name: str) -> str:
        return reverse(f"register:{name}", kwargs={"org": organisation.slug})

    steps = []
    for step in rules.assess(facts):
        actions: list[NextAction] = []
        for rule_id in step.next:
            _met, action, page = RULE_TEXTS[rule_id]
            if all(action != known.text for known in actions):  # two rules may share one action
                actions.append(NextAction(action, url(page)))
        met: list[str | Promise] = [RULE_TEXTS[rule_id][0] for rule_id in step.met]
        steps.append(StepMaturity(step.step, TITLES[step.step], step.level, met, actions))
    return steps
