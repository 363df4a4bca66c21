"""Every tunable number of the risk model, in one place.

``docs/methodology.md`` explains each of them for users; ``tests/core/test_risk.py`` checks that the
document names every parameter defined here, so the two cannot drift apart.

Scales: likelihood, severity and salience are reported from 0 to 100. Severity components follow the
OECD Due Diligence Guidance for Responsible Business Conduct (2018), Annex Q.5 / Section 2.2: *scale*
(gravity of the impact), *scope* (number of people affected) and *irremediable character* (whether the
harm can be put right), each scored 1 (low) to 5 (high).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

#: Likelihood (0–1) that the impact occurs in a supplier's chain when ILAB lists the good for the
#: supplier's country with the theme's flag ("reason to believe" standard of the TVPRA List).
LIKELIHOOD_LISTED: Final = 0.60
#: Likelihood when the good is listed because of a tainted *input* (derived labour exploitation).
LIKELIHOOD_DERIVED: Final = 0.45
#: Likelihood of child labour from country statistics alone (the good is not listed, but the share of
#: working children is at least COUNTRY_CONTEXT_MIN_SHARE).
LIKELIHOOD_COUNTRY_CONTEXT: Final = 0.20
#: Share of working children (ILAB Findings, fraction of the surveyed age group) from which a country
#: context finding for child labour is raised even when the good is not listed.
COUNTRY_CONTEXT_MIN_SHARE: Final = 0.10
#: Extra likelihood for child-labour themes, scaled linearly with the share of working children up to
#: WORKING_CHILDREN_SHARE_CAP (a share at or above the cap adds the full amount).
LIKELIHOOD_WORKING_CHILDREN_MAX_BONUS: Final = 0.20
WORKING_CHILDREN_SHARE_CAP: Final = 0.30
#: Adjustment by ILAB's assessment of the government's effort (Findings "advancement level"); matched
#: on the start of the label, longest prefix first. Weak government effort makes abuse more likely.
LIKELIHOOD_ADVANCEMENT_ADJUSTMENT: Final = MappingProxyType(
    {
        "no advancement – efforts made but complicit in forced child labor": 0.15,
        "no advancement": 0.10,
        "minimal advancement": 0.05,
        "moderate advancement": 0.0,
        "significant advancement": -0.05,
    }
)
#: Extra likelihood when ILAB reports that the labour inspectorate does not meet the ILO's technical
#: advice on the number of inspectors (Findings, Labor_Inspectors_Intl_Standards = No).
LIKELIHOOD_INSPECTORATE_BELOW_ILO: Final = 0.05

#: Likelihood when an *input* of the good is listed by ILAB in the country where the input is known
#: to be produced (the good is first processed where its input grows: crude palm oil from palm fruit,
#: raw cane sugar from sugarcane). One step removed from ILAB's own finding, so below LIKELIHOOD_DERIVED.
LIKELIHOOD_INPUT: Final = 0.40
#: Likelihood when an input is listed by ILAB somewhere but where the supplier's inputs come from is
#: unknown (chocolate made in Belgium from cocoa of unknown origin).
LIKELIHOOD_INPUT_ORIGIN_UNKNOWN: Final = 0.20

#: Forced labour and trafficking from the country alone (U.S. Trafficking in Persons Report 2025),
#: when ILAB does not list the good: the tier says how far the government is from the minimum
#: standards of the Trafficking Victims Protection Act. Only these three placements are in the data.
LIKELIHOOD_TIP_PLACEMENT: Final = MappingProxyType(
    {"tier_3": 0.35, "special_case": 0.30, "tier_2_watch_list": 0.20}
)
#: Extra likelihood for an ILAB forced-labour listing in a country with such a placement.
LIKELIHOOD_TIP_ADJUSTMENT: Final = MappingProxyType(
    {"tier_3": 0.10, "special_case": 0.05, "tier_2_watch_list": 0.05}
)

#: World Bank WGI percentile rank (0-100) below which a country-context finding is raised for
#: corruption and governance (Control of Corruption) and freedom of association (Voice and
#: Accountability): the bottom quarter of the world's economies.
GOVERNANCE_PCTRANK_THRESHOLD: Final = 25.0
#: WGI Political Stability and Absence of Violence/Terrorism percentile rank below which a country is
#: treated as conflict-affected or high-risk (the bottom tenth). A proxy: the EU's indicative CAHRA list
#: is not openly licensed (docs/data.md).
CONFLICT_PV_PCTRANK_THRESHOLD: Final = 10.0
#: Likelihood of a WGI country-context finding: LIKELIHOOD_GOVERNANCE_MIN just below the threshold,
#: rising linearly to LIKELIHOOD_GOVERNANCE_MAX at percentile rank 0.
LIKELIHOOD_GOVERNANCE_MIN: Final = 0.20
LIKELIHOOD_GOVERNANCE_MAX: Final = 0.50
#: Likelihood that a tin, tantalum, tungsten or gold mineral or metal (Annex I of Regulation (EU)
#: 2017/821) finances conflict when its mine of origin is unknown.
LIKELIHOOD_3TG: Final = 0.25
#: Added to the conflict-affected country likelihood when the good itself is a 3TG mineral or metal.
LIKELIHOOD_3TG_CONFLICT_BONUS: Final = 0.20

#: Severity components per theme (scale, scope, irremediable character), each 1–5. Forced child labour
#: combines both abuses and is at the top of every component; derived exploitation concerns an input
#: further up the chain, so its scope for this supplier is narrower. The reasoning for each theme is
#: in docs/methodology.md, section 4.
SEVERITY_COMPONENTS: Final = MappingProxyType(
    {
        "forced_child_labour": (5, 4, 5),
        "forced_labour": (5, 3, 4),
        "child_labour": (4, 3, 4),
        "derived_labour_exploitation": (4, 2, 4),
        "freedom_of_association": (3, 4, 2),
        "occupational_health_and_safety": (5, 3, 5),
        "living_wage": (3, 4, 2),
        "land_rights": (4, 3, 4),
        "deforestation_and_biodiversity": (4, 4, 5),
        "pollution_and_water": (4, 4, 3),
        "corruption_and_governance": (3, 4, 2),
        "conflict": (5, 4, 5),
    }
)
#: Scope rises by one step (max 5) for child-labour themes when at least this share of children work.
SCOPE_WIDE_SHARE: Final = 0.20
#: Scope falls by this many steps (min 1) when the finding concerns an input or a mineral whose
#: origin is unknown: fewer of the people affected are in this supplier's chain.
SCOPE_STEP_INPUT: Final = 1
#: Weights of severity and likelihood in salience. Severity weighs more: the UN Guiding Principles
#: (principle 24) ask to act first on the most severe impacts.
SALIENCE_WEIGHT_SEVERITY: Final = 0.6
SALIENCE_WEIGHT_LIKELIHOOD: Final = 0.4

#: A fuzzy product match below this confidence is marked ``needs_review``.
REVIEW_CONFIDENCE: Final = 0.85

PARAMETER_NAMES: Final = (
    "LIKELIHOOD_LISTED",
    "LIKELIHOOD_DERIVED",
    "LIKELIHOOD_COUNTRY_CONTEXT",
    "COUNTRY_CONTEXT_MIN_SHARE",
    "LIKELIHOOD_WORKING_CHILDREN_MAX_BONUS",
    "WORKING_CHILDREN_SHARE_CAP",
    "LIKELIHOOD_ADVANCEMENT_ADJUSTMENT",
    "LIKELIHOOD_INSPECTORATE_BELOW_ILO",
    "LIKELIHOOD_INPUT",
    "LIKELIHOOD_INPUT_ORIGIN_UNKNOWN",
    "LIKELIHOOD_TIP_PLACEMENT",
    "LIKELIHOOD_TIP_ADJUSTMENT",
    "GOVERNANCE_PCTRANK_THRESHOLD",
    "CONFLICT_PV_PCTRANK_THRESHOLD",
    "LIKELIHOOD_GOVERNANCE_MIN",
    "LIKELIHOOD_GOVERNANCE_MAX",
    "LIKELIHOOD_3TG",
    "LIKELIHOOD_3TG_CONFLICT_BONUS",
    "SEVERITY_COMPONENTS",
    "SCOPE_WIDE_SHARE",
    "SCOPE_STEP_INPUT",
    "SALIENCE_WEIGHT_SEVERITY",
    "SALIENCE_WEIGHT_LIKELIHOOD",
    "REVIEW_CONFIDENCE",
)
