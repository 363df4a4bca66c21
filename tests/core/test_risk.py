"""The risk model's arithmetic and its documentation."""

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imvo.core.risk import parameters
from imvo.core.risk.assess import findings_for
from imvo.core.risk.scoring import BASES, score
from imvo.core.risk.themes import ILAB_THEMES, THEME_BY_ID, THEMES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "methodology.md"


@dataclass(frozen=True)
class Country:
    working_children_share: float | None = None
    advancement_level: str | None = None
    labour_inspectors_meet_ilo_standard: bool | None = None
    ilab_name: str = "Testland"
    webpage: str = "https://www.dol.gov/agencies/ilab/resources/reports/child-labor/testland"
    working_children_age_range: str | None = "5-14"
    dataset_id: str = "ilab-child-labor-findings"
    edition: str = "2022"


@dataclass(frozen=True)
class Listing:
    child_labour: bool = False
    forced_labour: bool = False
    forced_child_labour: bool = False
    derived_labour_exploitation: bool = False
    record_id: str = "Cocoa|Testland"
    good: str = "Cocoa"
    alpha2: str = "CI"
    ilab_country_name: str = "Testland"
    derived_input_country_alpha2: str | None = None
    dataset_id: str = "ilab-list-of-goods"
    edition: str = "2022"
    source_url: str = "https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods"


def test_every_parameter_is_explained_in_the_methodology():
    text = DOCS.read_text(encoding="utf-8")
    missing = [name for name in parameters.PARAMETER_NAMES if name not in text]
    assert missing == []
    defined = {name for name in dir(parameters) if name.isupper() and name != "PARAMETER_NAMES"}
    assert defined == set(parameters.PARAMETER_NAMES)


def test_every_theme_has_severity_components():
    assert set(parameters.SEVERITY_COMPONENTS) == {theme.id for theme in THEMES}


def test_forced_child_labour_is_most_severe_and_derived_least_of_the_ilab_themes():
    severities = {theme.id: score(theme, "listed", None).severity for theme in ILAB_THEMES}
    assert severities["forced_child_labour"] == max(severities.values())
    assert severities["derived_labour_exploitation"] == min(severities.values())


def test_more_working_children_raise_child_labour_likelihood_but_not_forced_labour():
    low, high = Country(working_children_share=0.02), Country(working_children_share=0.35)
    child, forced = THEME_BY_ID["child_labour"], THEME_BY_ID["forced_labour"]
    assert score(child, "listed", high).likelihood > score(child, "listed", low).likelihood
    assert score(forced, "listed", high).likelihood == score(forced, "listed", low).likelihood


def test_government_effort_moves_likelihood():
    theme = THEME_BY_ID["child_labour"]
    weak = score(theme, "listed", Country(advancement_level="No Advancement"))
    complicit = score(
        theme,
        "listed",
        Country(advancement_level="No Advancement – Efforts Made but Complicit in Forced Child Labor"),
    )
    strong = score(theme, "listed", Country(advancement_level="Significant Advancement"))
    assert complicit.likelihood > weak.likelihood > strong.likelihood


@given(
    share=st.one_of(st.none(), st.floats(min_value=0, max_value=1.5)),
    level=st.sampled_from([None, "", "Moderate Advancement", "No Advancement", "Unheard of"]),
    inspectors=st.sampled_from([None, True, False]),
    basis=st.sampled_from(BASES),
)
def test_scores_stay_within_their_scales(share, level, inspectors, basis):
    country = Country(share, level, inspectors)
    for theme in THEMES:
        s = score(theme, basis, country)
        assert 0 <= s.likelihood <= 100
        assert 0 <= s.severity <= 100
        assert 0 <= s.salience <= 100
        assert all(1 <= c <= 5 for c in (s.scale, s.scope, s.irremediability))


def test_listing_with_three_flags_gives_three_findings_in_theme_order():
    listing = Listing(child_labour=True, forced_labour=True, forced_child_labour=True)
    findings = findings_for("CI", "Cocoa", [listing], Country(working_children_share=0.38))
    assert [f.theme for f in findings] == ["forced_child_labour", "forced_labour", "child_labour"]
    assert all(f.record_id == "Cocoa|Testland" and f.dataset_id == "ilab-list-of-goods" for f in findings)
    assert all("38.0%" in f.evidence for f in findings)


def test_unlisted_good_in_country_with_many_working_children_gets_country_context():
    findings = findings_for("XX", "Cocoa", [], Country(working_children_share=0.25))
    assert [(f.theme, f.basis) for f in findings] == [("child_labour", "country_context")]
    assert findings[0].source_url.startswith("https://www.dol.gov/")


@pytest.mark.parametrize("share", [None, 0.0, parameters.COUNTRY_CONTEXT_MIN_SHARE - 0.001])
def test_unlisted_good_elsewhere_gets_no_theme_with_a_reason(share):
    findings = findings_for(
        "BE", "Cocoa", [], Country(working_children_share=share), listed_elsewhere=["CI", "GH"]
    )
    assert [f.theme for f in findings] == ["none"]
    assert "Cocoa is not on the ILAB List of Goods for BE (listed for CI, GH)" in findings[0].evidence


def test_country_context_threshold_is_inclusive():
    findings = findings_for(
        "XX", "", [], Country(working_children_share=parameters.COUNTRY_CONTEXT_MIN_SHARE)
    )
    assert findings[0].theme == "child_labour"
