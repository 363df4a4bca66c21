"""The risk model: likelihood, severity and salience of supply-chain human-rights risks.

Every parameter lives in :mod:`imvo.core.risk.parameters`; ``docs/methodology.md`` explains them for
users. Scoring functions are pure: they take reference facts and return numbers with reasons.
"""
