"""Legal obligations: rules as data with citations, and the engine that evaluates them.

from imvo.core.obligations import evaluate, load_profile, load_imports, diff
result = evaluate(load_profile(path), load_imports(csv_path), as_of=date.today())
"""

from __future__ import annotations

from imvo.core.obligations.engine import Change, diff, evaluate
from imvo.core.obligations.facts import (
    CompanyProfile,
    FactsError,
    ImportRecord,
    load_imports,
    load_profile,
    normalise_cn_code,
    parse_imports,
    parse_profile,
)
from imvo.core.obligations.model import STATUSES, EvaluationResult, RuleOutcome, Status, TriggeredObligation
from imvo.core.obligations.ruleset import RuleSet, build_ruleset, load_ruleset

__all__ = [
    "STATUSES",
    "Change",
    "CompanyProfile",
    "EvaluationResult",
    "FactsError",
    "ImportRecord",
    "RuleOutcome",
    "RuleSet",
    "Status",
    "TriggeredObligation",
    "build_ruleset",
    "diff",
    "evaluate",
    "load_imports",
    "load_profile",
    "load_ruleset",
    "normalise_cn_code",
    "parse_imports",
    "parse_profile",
]
