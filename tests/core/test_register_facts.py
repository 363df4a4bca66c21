"""The register's facts and the maturity rules (pure core), and docs/maturity.md saying the same."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from imvo.core.register.facts import (
    MeasureCounts,
    PolicyFacts,
    RegisterFacts,
    TopRisk,
    endorses_oecd_guidelines,
    follow_up_is_overdue,
    has_measures,
    measure_is_overdue,
    names_grievance_channel,
    names_training,
    risk_analysis_date,
)
from imvo.core.register.maturity import CURRENT_WITHIN, assess, rule_ids

DOC = Path(__file__).resolve().parents[2] / "docs" / "maturity.md"
TODAY = dt.date(2026, 12, 2)


def test_docs_maturity_lists_exactly_the_rules_step_by_step_and_level_by_level() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented: dict[int, list[list[str]]] = {}
    for match in re.finditer(r"^## Step (\d) ·(.*?)(?=^## )", text, re.M | re.S):
        levels = re.split(r"^(?=\d\. )", match.group(2), flags=re.M)[1:]
        documented[int(match.group(1))] = [re.findall(r"`([a-z_]+)`", level) for level in levels]
    assert documented == rule_ids()


def test_an_empty_register_is_not_started_with_the_first_rule_of_each_step_next() -> None:
    steps = assess(RegisterFacts(as_of=TODAY))
    assert [step.level for step in steps] == [0] * 6
    assert [step.next for step in steps] == [(levels[0][0],) for levels in rule_ids().values()]


def test_endorsement_is_the_oecd_guidelines_on_the_current_policy() -> None:
    assert not endorses_oecd_guidelines(RegisterFacts(as_of=TODAY))
    ungps_only = PolicyFacts("Policy", endorses_ungps=True)
    assert not endorses_oecd_guidelines(RegisterFacts(as_of=TODAY, policy=ungps_only))
    oecd = PolicyFacts("Policy", endorses_oecd_guidelines=True)
    assert endorses_oecd_guidelines(RegisterFacts(as_of=TODAY, policy=oecd))


def test_cancelled_measures_do_not_count_and_overdue_has_one_meaning() -> None:
    assert not has_measures(RegisterFacts(as_of=TODAY, measures=MeasureCounts(total=0)))
    assert measure_is_overdue("planned", TODAY - dt.timedelta(days=1), TODAY)
    assert measure_is_overdue("in_progress", TODAY - dt.timedelta(days=1), TODAY)
    assert not measure_is_overdue("cancelled", TODAY - dt.timedelta(days=1), TODAY)
    assert not measure_is_overdue("done", TODAY - dt.timedelta(days=1), TODAY)
    assert not measure_is_overdue("planned", TODAY, TODAY)
    assert follow_up_is_overdue(None, TODAY - dt.timedelta(days=1), TODAY)
    assert not follow_up_is_overdue(TODAY, TODAY - dt.timedelta(days=1), TODAY)


def test_training_and_grievance_channels_use_the_disclosure_engine_with_its_exclusions() -> None:
    def facts(text: str) -> RegisterFacts:
        return RegisterFacts(as_of=TODAY, policy=PolicyFacts("Policy", management_system=text))

    assert names_training(facts("All buyers receive annual training on forced labour risks."))
    assert names_grievance_channel(
        facts("Workers in our supply chain can file complaints via our grievance mechanism.")
    )
    assert not names_grievance_channel(facts("Customer complaints are handled by our service desk."))
    assert not names_training(facts(""))


def test_the_risk_analysis_date_is_the_latest_list_or_judgement() -> None:
    assert risk_analysis_date(RegisterFacts(as_of=TODAY)) is None
    facts = RegisterFacts(
        as_of=TODAY, last_list_merged_on=dt.date(2026, 3, 1), last_judged_on=dt.date(2026, 5, 1)
    )
    assert risk_analysis_date(facts) == dt.date(2026, 5, 1)


def test_levels_need_every_lower_level_and_engagement_must_be_current() -> None:
    judged = tuple(TopRisk(judged=True, addressed=False) for _ in range(3))
    facts = RegisterFacts(
        as_of=TODAY,
        lists_merged=1,
        risks=5,
        manual_risks=1,
        judgements=3,
        top_open_risks=judged,
        last_engagement_on=TODAY - CURRENT_WITHIN - dt.timedelta(days=1),
    )
    step2 = assess(facts)[1]
    assert (step2.level, step2.next) == (2, ("stakeholders_engaged",))
    recent = assess(RegisterFacts(**{**facts.__dict__, "last_engagement_on": TODAY}))[1]
    assert recent.level == 3
    no_list = assess(RegisterFacts(**{**facts.__dict__, "lists_merged": 0, "last_engagement_on": TODAY}))[1]
    assert no_list.level == 1  # level 3's rules hold, but level 2's "list_scanned" does not
