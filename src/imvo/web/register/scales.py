"""The register stores likelihood, severity and salience on the core's 0–100 scales; people judge on 1–5.

The conversions use the core's own weights (:mod:`imvo.core.risk.parameters`), so a manual risk or a
recorded judgement ranks on the same salience scale as the scan's findings.
"""

from __future__ import annotations

import functools

from imvo.core.risk import parameters
from imvo.core.risk.coverage import HeatCell


def level_to_percent(level: int) -> int:
    """1–5 (a person's judgement) → 0–100 (the register's scale)."""
    if not 1 <= level <= 5:
        raise ValueError(f"level must be 1–5, not {level}")
    return round((level - 1) * 25)


def percent_to_level(percent: int | None) -> int | None:
    """0–100 → the nearest 1–5 level (for showing a stored value in a 1–5 form)."""
    if percent is None:
        return None
    return min(5, max(1, round(percent / 25) + 1))


def severity_from_components(scale: int, scope: int, irremediability: int) -> int:
    """Severity 0–100 from the UNGP components (1–5 each), as the core scores it."""
    for value in (scale, scope, irremediability):
        if not 1 <= value <= 5:
            raise ValueError("severity components must be 1–5")
    return round((scale + scope + irremediability - 3) / 12 * 100)


#: How far (in 1–5 levels) a judged overall severity may lie from the level its three UNGP components
#: imply. Within it the judge may weigh what the formula does not; beyond it the judgement contradicts
#: its own components and is refused.
SEVERITY_TOLERANCE = 1


def implied_severity_level(scale: int, scope: int, irremediability: int) -> int:
    """The 1–5 level the UNGP components imply: their 0–100 severity shown as the nearest level."""
    level = percent_to_level(severity_from_components(scale, scope, irremediability))
    assert level is not None
    return level


def salience(likelihood: int | None, severity: int | None) -> int | None:
    """Salience 0–100 from likelihood and severity (0–100 each), weighted as in the core."""
    if likelihood is None or severity is None:
        return None
    return round(
        parameters.SALIENCE_WEIGHT_SEVERITY * severity + parameters.SALIENCE_WEIGHT_LIKELIHOOD * likelihood
    )


# --- Bands for showing and filtering --------------------------------------------------------------
#: Salience bands 1–4, the colours of the heat maps (:attr:`imvo.core.risk.coverage.HeatCell.level`).
SALIENCE_BAND_LEVELS = (1, 2, 3, 4)


def salience_band(salience_value: int | None) -> int | None:
    """The colour band (1 low – 4 very high) of a salience 0–100, as the heat maps colour it."""
    if salience_value is None:
        return None
    return HeatCell(1, salience_value).level


def _ranges(levels: dict[int, int | None]) -> dict[int, tuple[int, int]]:
    ranges: dict[int, tuple[int, int]] = {}
    for percent, level in levels.items():
        if level is not None:
            low, _high = ranges.get(level, (percent, percent))
            ranges[level] = (low, percent)
    return ranges


@functools.cache
def salience_band_range(band: int) -> tuple[int, int]:
    """The salience values (inclusive) of ``band``: a band as a database filter."""
    return _ranges({percent: salience_band(percent) for percent in range(101)})[band]


@functools.cache
def level_range(level: int) -> tuple[int, int]:
    """The 0–100 values (inclusive) that show as the 1–5 ``level`` (:func:`percent_to_level`)."""
    return _ranges({percent: percent_to_level(percent) for percent in range(101)})[level]
