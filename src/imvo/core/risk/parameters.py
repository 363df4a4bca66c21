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

#: Severity components per theme (scale, scope, irremediable character), each 1–5. Forced child labour
#: combines both abuses and is at the top of every component; derived exploitation concerns an input
#: further up the chain, so its scope for this supplier is narrower.
SEVERITY_COMPONENTS: Final = MappingProxyType(
    {
        "forced_child_labour": (5, 4, 5),
        "forced_labour": (5, 3, 4),
        "child_labour": (4, 3, 4),
        "derived_labour_exploitation": (4, 2, 4),
    }
)
#: Scope rises by one step (max 5) for child-labour themes when at least this share of children work.
SCOPE_WIDE_SHARE: Final = 0.20
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
    "SEVERITY_COMPONENTS",
    "SCOPE_WIDE_SHARE",
    "SALIENCE_WEIGHT_SEVERITY",
    "SALIENCE_WEIGHT_LIKELIHOOD",
    "REVIEW_CONFIDENCE",
)
