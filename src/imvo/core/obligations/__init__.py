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
from imvo.core.obligations.legal_values import (
    LegalValueRow,
    LegalValuesError,
    apply_operator_values,
    check_row,
    read_legal_values,
    value_targets,
)
from imvo.core.obligations.model import (
    PROVISIONAL_STATUSES,
    STATUSES,
    Citation,
    EvaluationResult,
    OperatorEntry,
    OperatorValue,
    RuleOutcome,
    Status,
    TriggeredObligation,
    ValueUsed,
)
from imvo.core.obligations.ruleset import RuleSet, build_ruleset, load_ruleset

__all__ = [
    "PROVISIONAL_STATUSES",
    "STATUSES",
    "Change",
    "Citation",
    "CompanyProfile",
    "EvaluationResult",
    "FactsError",
    "ImportRecord",
    "LegalValueRow",
    "LegalValuesError",
    "OperatorEntry",
    "OperatorValue",
    "RuleOutcome",
    "RuleSet",
    "Status",
    "TriggeredObligation",
    "ValueUsed",
    "apply_operator_values",
    "build_ruleset",
    "check_row",
    "diff",
    "evaluate",
    "load_imports",
    "load_profile",
    "load_ruleset",
    "normalise_cn_code",
    "parse_imports",
    "parse_profile",
    "read_legal_values",
    "value_targets",
]
