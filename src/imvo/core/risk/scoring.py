"""Likelihood, severity and salience as pure functions of reference facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from imvo.core.risk import parameters as p
from imvo.core.risk.themes import Theme


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
    reasons: tuple[str, ...]


def _advancement_adjustment(level: str | None) -> tuple[float, str | None]:
    if not level:
        return 0.0, None
    folded = level.strip().lower()
    for prefix in sorted(p.LIKELIHOOD_ADVANCEMENT_ADJUSTMENT, key=len, reverse=True):
        if folded.startswith(prefix):
            return p.LIKELIHOOD_ADVANCEMENT_ADJUSTMENT[prefix], level.strip()
    return 0.0, level.strip()


def likelihood(theme: Theme, basis: str, country: CountryIndicators | None) -> tuple[float, list[str]]:
    """Likelihood 0–1 and the reasons that moved it; ``basis`` is listed, derived or country_context."""
    base = {
        "listed": p.LIKELIHOOD_LISTED,
        "derived": p.LIKELIHOOD_DERIVED,
        "country_context": p.LIKELIHOOD_COUNTRY_CONTEXT,
    }[basis]
    reasons = [f"base {base:.2f} ({basis.replace('_', ' ')})"]
    value = base
    if country is not None:
        share = country.working_children_share
        if theme.concerns_children and share is not None:
            bonus = p.LIKELIHOOD_WORKING_CHILDREN_MAX_BONUS * min(share / p.WORKING_CHILDREN_SHARE_CAP, 1.0)
            if bonus:
                value += bonus
                reasons.append(f"+{bonus:.2f} working children {share:.1%}")
        adjustment, level = _advancement_adjustment(country.advancement_level)
        if adjustment:
            value += adjustment
            reasons.append(f"{adjustment:+.2f} government effort: {level}")
        if country.labour_inspectors_meet_ilo_standard is False:
            value += p.LIKELIHOOD_INSPECTORATE_BELOW_ILO
            reasons.append(f"+{p.LIKELIHOOD_INSPECTORATE_BELOW_ILO:.2f} labour inspectorate below ILO advice")
    return min(max(value, 0.0), 1.0), reasons


def severity(theme: Theme, country: CountryIndicators | None) -> tuple[int, int, int]:
    """Scale, scope and irremediable character (each 1–5) of the theme's impact."""
    scale, scope, irremediability = p.SEVERITY_COMPONENTS[theme.id]
    share = country.working_children_share if country is not None else None
    if theme.concerns_children and share is not None and share >= p.SCOPE_WIDE_SHARE:
        scope = min(scope + 1, 5)
    return scale, scope, irremediability


def score(theme: Theme, basis: str, country: CountryIndicators | None) -> Score:
    like, reasons = likelihood(theme, basis, country)
    scale, scope, irremediability = severity(theme, country)
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
