"""Likelihood, severity and salience as pure functions of reference facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from imvo.core.risk import parameters as p
from imvo.core.risk.evidence import Statement
from imvo.core.risk.themes import Theme

#: The bases of a finding: what kind of evidence raised it (``docs/methodology.md``, section 3).
BASES = ("listed", "derived", "country_context", "input", "input_origin_unknown", "product_scope")
#: Bases whose evidence concerns an input or a mineral of unknown origin: scope is narrower.
INPUT_BASES = frozenset({"input", "input_origin_unknown", "product_scope"})
#: Bases that rest on ILAB evidence, so ILAB's country facts (Findings) move their likelihood.
_ILAB_BASES = frozenset({"listed", "derived", "country_context", "input"})
_BASE_LIKELIHOOD = {
    "listed": p.LIKELIHOOD_LISTED,
    "derived": p.LIKELIHOOD_DERIVED,
    "country_context": p.LIKELIHOOD_COUNTRY_CONTEXT,
    "input": p.LIKELIHOOD_INPUT,
    "input_origin_unknown": p.LIKELIHOOD_INPUT_ORIGIN_UNKNOWN,
    "product_scope": p.LIKELIHOOD_3TG,
}


class CountryIndicators(Protocol):
    """The ILAB Findings facts the model reads (``imvo.core.refdata.CountryProfile`` has them)."""

    @property
    def working_children_share(self) -> float | None: ...
    @property
    def advancement_level(self) -> str | None: ...
    @property
    def labour_inspectors_meet_ilo_standard(self) -> bool | None: ...


@dataclass(frozen=True, slots=True)
class Score:
    likelihood: int  # 0–100
    severity: int  # 0–100
    salience: int  # 0–100
    scale: int  # 1–5
    scope: int  # 1–5
    irremediability: int  # 1–5
    reasons: tuple[Statement, ...]  # the steps of the likelihood


def _advancement_adjustment(level: str | None) -> tuple[float, str | None]:
    if not level:
        return 0.0, None
    folded = level.strip().lower()
    for prefix in sorted(p.LIKELIHOOD_ADVANCEMENT_ADJUSTMENT, key=len, reverse=True):
        if folded.startswith(prefix):
            return p.LIKELIHOOD_ADVANCEMENT_ADJUSTMENT[prefix], level.strip()
    return 0.0, level.strip()


def governance_likelihood(pctrank: float, threshold: float) -> float:
    """Likelihood of a WGI country-context finding (percentile rank below ``threshold``): from
    LIKELIHOOD_GOVERNANCE_MIN just below the threshold to LIKELIHOOD_GOVERNANCE_MAX at rank 0."""
    depth = min(max((threshold - pctrank) / threshold, 0.0), 1.0)
    return p.LIKELIHOOD_GOVERNANCE_MIN + (p.LIKELIHOOD_GOVERNANCE_MAX - p.LIKELIHOOD_GOVERNANCE_MIN) * depth


def _ilab_steps(theme: Theme, country: CountryIndicators) -> list[tuple[float, Statement]]:
    steps: list[tuple[float, Statement]] = []
    share = country.working_children_share
    if theme.concerns_children and share is not None:
        bonus = p.LIKELIHOOD_WORKING_CHILDREN_MAX_BONUS * min(share / p.WORKING_CHILDREN_SHARE_CAP, 1.0)
        if bonus:
            steps.append((bonus, Statement("lk.working_children", {"value": bonus, "share": share})))
    adjustment, level = _advancement_adjustment(country.advancement_level)
    if adjustment:
        steps.append((adjustment, Statement("lk.advancement", {"value": adjustment, "level": level})))
    if country.labour_inspectors_meet_ilo_standard is False:
        value = p.LIKELIHOOD_INSPECTORATE_BELOW_ILO
        steps.append((value, Statement("lk.inspectorate", {"value": value})))
    return steps


def likelihood(
    theme: Theme,
    basis: str,
    country: CountryIndicators | None,
    *,
    base: float | None = None,
    adjustments: Sequence[tuple[float, Statement]] = (),
) -> tuple[float, list[Statement]]:
    """Likelihood 0–1 and the steps that made it. ``basis`` is one of :data:`BASES`; ``base`` overrides
    its base likelihood (WGI findings compute theirs); ``country`` holds ILAB's facts of the country
    where the harm would occur, and moves the likelihood of ILAB-based findings; ``adjustments`` are
    further steps (a TIP placement)."""
    value = _BASE_LIKELIHOOD[basis] if base is None else base
    reasons = [Statement("lk.base", {"value": round(value, 4), "basis": basis})]
    steps = list(_ilab_steps(theme, country)) if country is not None and basis in _ILAB_BASES else []
    for step, statement in [*steps, *adjustments]:
        value += step
        reasons.append(statement)
    return min(max(value, 0.0), 1.0), reasons


def severity(theme: Theme, country: CountryIndicators | None, basis: str = "listed") -> tuple[int, int, int]:
    """Scale, scope and irremediable character (each 1–5) of the theme's impact."""
    scale, scope, irremediability = p.SEVERITY_COMPONENTS[theme.id]
    share = country.working_children_share if country is not None else None
    if theme.concerns_children and share is not None and share >= p.SCOPE_WIDE_SHARE:
        scope = min(scope + 1, 5)
    if basis in INPUT_BASES:
        scope = max(scope - p.SCOPE_STEP_INPUT, 1)
    return scale, scope, irremediability


def score(
    theme: Theme,
    basis: str,
    country: CountryIndicators | None,
    *,
    base: float | None = None,
    adjustments: Sequence[tuple[float, Statement]] = (),
) -> Score:
    like, reasons = likelihood(theme, basis, country, base=base, adjustments=adjustments)
    scale, scope, irremediability = severity(theme, country, basis)
    sev = (scale + scope + irremediability - 3) / 12  # 1–5 each → 0–1
    salience = p.SALIENCE_WEIGHT_SEVERITY * sev + p.SALIENCE_WEIGHT_LIKELIHOOD * like
    return Score(
        likelihood=round(like * 100),
        severity=round(sev * 100),
        salience=round(salience * 100),
        scale=scale,
        scope=scope,
        irremediability=irremediability,
        reasons=tuple(reasons),
    )
