"""Every theme from its dataset: listed and unlisted pairs, and the boundaries of every score."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from imvo.core import refdata
from imvo.core.risk import parameters as p
from imvo.core.risk.assess import AnnexEntry, findings_for
from imvo.core.risk.evidence import loads, render
from imvo.core.risk.scoring import BASES, governance_likelihood, score, severity
from imvo.core.risk.themes import ILAB_THEMES, THEME_BY_ID, THEMES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "methodology.md"
REFERENCE = refdata.load()


@dataclass(frozen=True)
class Governance:
    cc_pctrank: float | None = 80.0
    va_pctrank: float | None = 80.0
    pv_pctrank: float | None = 80.0
    dataset_id: str = "wgi"
    edition: str = "2024 update (data for 2023)"
    source_url: str = "https://www.worldbank.org/en/publication/worldwide-governance-indicators"

    def record_id(self, indicator: str) -> str:
        return f"TST|2023|{indicator}"


@dataclass(frozen=True)
class Tip:
    tier: str = "tier_3"
    url: str = "https://www.state.gov/reports/2025-trafficking-in-persons-report/testland/"
    record_id: str = "Testland|tier_3"
    dataset_id: str = "us-tip-report"
    edition: str = "2025 report"


ANNEX = AnnexEntry(
    "A|Gold ores and concentrates", "Gold ores and concentrates", "eu-cmr-annex-i", "2020", "u"
)


def themes(findings) -> dict[str, object]:
    return {f.theme: f for f in findings}


# --- the catalogue of themes --------------------------------------------------------------------


def test_every_theme_id_is_documented_with_its_severity() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for theme in THEMES:
        assert f"`{theme.id}`" in text, theme.id
    assert set(p.SEVERITY_COMPONENTS) == {theme.id for theme in THEMES}


def test_the_issue_themes_exist_with_stable_ids() -> None:
    required = {
        "child_labour",
        "forced_labour",
        "freedom_of_association",
        "occupational_health_and_safety",
        "living_wage",
        "land_rights",
        "deforestation_and_biodiversity",
        "pollution_and_water",
        "corruption_and_governance",
        "conflict",
    }
    assert required <= set(THEME_BY_ID)
    # the themes of the first release keep their ids and their place in the register order
    assert [t.id for t in THEMES[:4]] == [
        "forced_child_labour",
        "forced_labour",
        "child_labour",
        "derived_labour_exploitation",
    ]


def test_covered_themes_name_datasets_that_ship_and_the_others_none() -> None:
    shipped = {dataset.id for dataset in refdata.manifest()}
    for theme in THEMES:
        assert set(theme.datasets) <= shipped
    assert {t.id for t in THEMES if not t.covered} == {
        "occupational_health_and_safety",
        "living_wage",
        "land_rights",
        "deforestation_and_biodiversity",
        "pollution_and_water",
    }


# --- score boundaries ---------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_severity_is_the_documented_formula_and_scope_narrows_for_inputs(theme) -> None:
    scale, scope, irremediable = p.SEVERITY_COMPONENTS[theme.id]
    s = score(theme, "listed", None)
    assert (s.scale, s.scope, s.irremediability) == (scale, scope, irremediable)
    assert s.severity == round((scale + scope + irremediable - 3) / 12 * 100)
    for basis in ("input", "input_origin_unknown", "product_scope"):
        assert severity(theme, None, basis)[1] == max(scope - p.SCOPE_STEP_INPUT, 1)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_likelihood_is_clamped_to_its_scale(theme) -> None:
    low = score(theme, "country_context", None, base=-0.5)
    high = score(theme, "country_context", None, base=1.7)
    assert (low.likelihood, high.likelihood) == (0, 100)
    sev = low.severity / 100
    assert low.salience == round(p.SALIENCE_WEIGHT_SEVERITY * sev * 100)
    assert high.salience == round((p.SALIENCE_WEIGHT_SEVERITY * sev + p.SALIENCE_WEIGHT_LIKELIHOOD) * 100)


def test_every_basis_has_its_documented_base_likelihood() -> None:
    theme = THEME_BY_ID["forced_labour"]
    expected = {
        "listed": p.LIKELIHOOD_LISTED,
        "derived": p.LIKELIHOOD_DERIVED,
        "country_context": p.LIKELIHOOD_COUNTRY_CONTEXT,
        "input": p.LIKELIHOOD_INPUT,
        "input_origin_unknown": p.LIKELIHOOD_INPUT_ORIGIN_UNKNOWN,
        "product_scope": p.LIKELIHOOD_3TG,
    }
    assert set(expected) == set(BASES)
    for basis, base in expected.items():
        assert score(theme, basis, None).likelihood == round(base * 100)
    assert p.LIKELIHOOD_INPUT_ORIGIN_UNKNOWN < p.LIKELIHOOD_INPUT < p.LIKELIHOOD_DERIVED < p.LIKELIHOOD_LISTED


@pytest.mark.parametrize("threshold", [p.GOVERNANCE_PCTRANK_THRESHOLD, p.CONFLICT_PV_PCTRANK_THRESHOLD])
def test_governance_likelihood_runs_from_min_at_the_threshold_to_max_at_rank_zero(threshold) -> None:
    assert governance_likelihood(threshold, threshold) == pytest.approx(p.LIKELIHOOD_GOVERNANCE_MIN)
    assert governance_likelihood(0.0, threshold) == pytest.approx(p.LIKELIHOOD_GOVERNANCE_MAX)
    middle = (p.LIKELIHOOD_GOVERNANCE_MIN + p.LIKELIHOOD_GOVERNANCE_MAX) / 2
    assert governance_likelihood(threshold / 2, threshold) == pytest.approx(middle)
    assert governance_likelihood(-5, threshold) == pytest.approx(p.LIKELIHOOD_GOVERNANCE_MAX)


# --- corruption and governance, freedom of association (WGI) ---------------------------------------


@pytest.mark.parametrize(
    ("indicator", "theme_id"), [("cc", "corruption_and_governance"), ("va", "freedom_of_association")]
)
def test_wgi_themes_are_raised_strictly_below_the_threshold(indicator, theme_id) -> None:
    threshold = p.GOVERNANCE_PCTRANK_THRESHOLD
    at = findings_for("XX", "", [], None, governance=Governance(**{f"{indicator}_pctrank": threshold}))
    below = findings_for(
        "XX", "", [], None, governance=Governance(**{f"{indicator}_pctrank": threshold - 0.1})
    )
    bottom = findings_for("XX", "", [], None, governance=Governance(**{f"{indicator}_pctrank": 0.0}))
    missing = findings_for("XX", "", [], None, governance=Governance(**{f"{indicator}_pctrank": None}))
    assert theme_id not in themes(at)
    assert theme_id not in themes(missing)
    finding = themes(below)[theme_id]
    assert finding.likelihood == round(p.LIKELIHOOD_GOVERNANCE_MIN * 100)
    assert themes(bottom)[theme_id].likelihood == round(p.LIKELIHOOD_GOVERNANCE_MAX * 100)
    assert (finding.basis, finding.dataset_id, finding.record_id) == (
        "country_context",
        "wgi",
        f"TST|2023|{indicator}",
    )


def test_wgi_themes_from_the_shipped_data() -> None:
    congo, netherlands = REFERENCE.governance("CD"), REFERENCE.governance("NL")
    assert congo is not None
    assert netherlands is not None
    listed = themes(findings_for("CD", "", [], None, governance=congo))
    assert {"corruption_and_governance", "freedom_of_association", "conflict"} <= set(listed)
    assert listed["corruption_and_governance"].record_id == "ZAR|2023|cc"  # the World Bank's own code
    assert [f.theme for f in findings_for("NL", "", [], None, governance=netherlands)] == ["none"]


# --- forced labour and trafficking (TIP) -------------------------------------------------------------


@pytest.mark.parametrize("tier", ["tier_3", "special_case", "tier_2_watch_list"])
def test_a_tip_placement_raises_forced_labour_for_any_good(tier) -> None:
    finding = themes(findings_for("XX", "Toys", [], None, tip=Tip(tier=tier)))["forced_labour"]
    assert finding.likelihood == round(p.LIKELIHOOD_TIP_PLACEMENT[tier] * 100)
    assert (finding.basis, finding.dataset_id) == ("country_context", "us-tip-report")
    assert finding.source_url.startswith("https://www.state.gov/reports/2025-trafficking-in-persons-report/")


def test_no_placement_means_unknown_not_tier_one() -> None:
    assert REFERENCE.tip_placement("NL") is None
    assert [f.theme for f in findings_for("NL", "Toys", [], None)] == ["none"]


def test_tip_raises_the_likelihood_of_an_ilab_forced_labour_listing() -> None:
    cotton = REFERENCE.listing("Cotton", "CN")
    assert cotton is not None
    assert cotton.forced_labour
    placement = REFERENCE.tip_placement("CN")
    assert placement is not None
    assert placement.tier == "tier_3"
    plain = themes(findings_for("CN", "Cotton", [cotton], None))["forced_labour"]
    with_tip = themes(findings_for("CN", "Cotton", [cotton], None, tip=placement))["forced_labour"]
    assert with_tip.basis == "listed"
    assert with_tip.likelihood - plain.likelihood == round(p.LIKELIHOOD_TIP_ADJUSTMENT["tier_3"] * 100)
    assert "TIP Report: Tier 3" in with_tip.evidence


# --- ILAB themes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ILAB_THEMES, ids=lambda t: t.id)
def test_each_ilab_theme_from_a_listed_and_an_unlisted_pair(theme) -> None:
    listed = next(listing for listing in REFERENCE.listings if theme.flagged and theme.flagged(listing))
    found = themes(findings_for(listed.alpha2, listed.good, [listed], None))
    assert found[theme.id].record_id == listed.record_id
    assert found[theme.id].basis == ("derived" if theme.derived else "listed")
    unlisted = findings_for("NL", listed.good, [], None, listed_elsewhere=[listed.alpha2])
    assert [f.theme for f in unlisted] == ["none"]


def test_child_labour_country_context_is_raised_beside_a_forced_labour_listing() -> None:
    @dataclass(frozen=True)
    class Profile:
        working_children_share: float | None = 0.25
        advancement_level: str | None = None
        labour_inspectors_meet_ilo_standard: bool | None = None
        ilab_name: str = "Testland"
        webpage: str = "https://www.dol.gov/agencies/ilab/resources/reports/child-labor/testland"
        working_children_age_range: str | None = None
        dataset_id: str = "ilab-child-labor-findings"
        edition: str = "2022"

    forced = next(x for x in REFERENCE.listings if x.forced_labour and not x.child_labour)
    found = themes(findings_for(forced.alpha2, forced.good, [forced], Profile()))
    assert found["forced_labour"].basis == "listed"
    assert found["child_labour"].basis == "country_context"


# --- conflict (WGI political stability, EU CMR Annex I) ----------------------------------------------


def test_conflict_affected_country_strictly_below_the_threshold() -> None:
    threshold = p.CONFLICT_PV_PCTRANK_THRESHOLD
    at = findings_for("XX", "", [], None, governance=Governance(pv_pctrank=threshold))
    below = findings_for("XX", "", [], None, governance=Governance(pv_pctrank=threshold - 0.1))
    assert "conflict" not in themes(at)
    assert themes(below)["conflict"].record_id == "TST|2023|pv"


def test_a_3tg_good_is_in_scope_anywhere_and_more_likely_in_a_conflict_area() -> None:
    anywhere = themes(findings_for("CH", "Gold", [], None, governance=Governance(), annex=ANNEX))["conflict"]
    assert (anywhere.basis, anywhere.dataset_id, anywhere.record_id) == (
        "product_scope",
        "eu-cmr-annex-i",
        "A|Gold ores and concentrates",
    )
    assert anywhere.likelihood == round(p.LIKELIHOOD_3TG * 100)
    affected = Governance(pv_pctrank=0.0)
    conflict = themes(findings_for("XX", "Gold", [], None, governance=affected, annex=ANNEX))["conflict"]
    expected = p.LIKELIHOOD_GOVERNANCE_MAX + p.LIKELIHOOD_3TG_CONFLICT_BONUS
    assert conflict.likelihood == round(expected * 100)
    plain = themes(findings_for("XX", "Toys", [], None, governance=affected))["conflict"]
    assert plain.likelihood == round(p.LIKELIHOOD_GOVERNANCE_MAX * 100)


def test_goods_with_3tg_inputs_carry_a_conflict_finding_of_unknown_origin() -> None:
    found = themes(findings_for("DE", "Electronics", [], None, annex_inputs=[("Tin", ANNEX)]))
    conflict = found["conflict"]
    assert (conflict.basis, conflict.input_good, conflict.input_country) == (
        "input_origin_unknown",
        "Tin",
        "",
    )
    assert conflict.likelihood == round(p.LIKELIHOOD_INPUT_ORIGIN_UNKNOWN * 100)


# --- themes without a dataset ---------------------------------------------------------------------


def test_themes_without_a_dataset_never_give_a_finding() -> None:
    uncovered = {t.id for t in THEMES if not t.covered}
    gold = REFERENCE.listing("Gold", "CD")
    everything = findings_for(
        "CD",
        "Gold",
        [gold],
        REFERENCE.country_profile("CD"),
        governance=REFERENCE.governance("CD"),
        tip=REFERENCE.tip_placement("CD"),
        annex=ANNEX,
    )
    assert not uncovered & {f.theme for f in everything}


# --- evidence --------------------------------------------------------------------------------------


def test_every_finding_cites_and_its_evidence_data_renders_to_its_evidence() -> None:
    gold = REFERENCE.listing("Gold", "CD")
    findings = findings_for(
        "CD",
        "Gold",
        [gold],
        REFERENCE.country_profile("CD"),
        governance=REFERENCE.governance("CD"),
        tip=REFERENCE.tip_placement("CD"),
        annex=ANNEX,
    )
    assert len(findings) >= 6
    for finding in findings:
        assert finding.dataset_id
        assert finding.edition
        assert finding.record_id
        assert finding.source_url
        assert len(finding.record_id) <= 100
        assert len(finding.edition) <= 200
        assert render(loads(finding.evidence_data)) == finding.evidence
        assert not re.search(r"\{\w+\}", finding.evidence)
