"""Aggregating a monitoring round: the figures of the dashboard, each with the assessments behind it.

DuckDB does the grouping, so 10,000 companies × 5 rounds aggregate well under a second
(``benchmarks/bench_monitoring.py``). Every :class:`Figure` keeps the ids of the assessments it
counts (its numerator), so a dashboard can link every number to the evidence.
"""

from __future__ import annotations

import csv
import math
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb

from imvo.core.monitoring.criteria_sets import (
    OECD_STEPS,
    endorses,
    measures_reported,
    nap_class,
    segment,
    steps_evidenced,
)
from imvo.core.monitoring.population import SIZE_CLASSES, PopulationCompany, size_class

#: The Dutch target: 90 % of large companies explicitly endorse the OECD Guidelines (by 2023).
DUTCH_ENDORSEMENT_TARGET = 0.90
#: z for a two-sided 95 % interval.
Z_95 = 1.959963984540054


@dataclass(frozen=True)
class ReferencePoint:
    """A historical headline figure entered by hand, with its source."""

    round: str
    share: float
    source: str


#: The Dutch endorsement series as given in the monitoring issue (baseline measurement 2017,
#: second measurement 2019; sampled, about 600 large companies).
DUTCH_REFERENCE_SERIES: tuple[ReferencePoint, ...] = (
    ReferencePoint("2017", 0.30, "Baseline measurement 2017 (Dutch Ministry of Foreign Affairs)"),
    ReferencePoint("2019", 0.35, "Second measurement 2019 (Dutch Ministry of Foreign Affairs)"),
)


@dataclass(frozen=True)
class RoundRecord:
    """One company's assessment in one round, reduced to what aggregation needs."""

    assessment_id: str
    company_key: str
    round: str
    sector_code: str
    size_class: str
    endorses: bool
    steps: frozenset[int]
    nap_class: str
    segment: str


def record_for(
    assessment_id: str, company: PopulationCompany, round_name: str, verdicts: Mapping[str, str]
) -> RoundRecord:
    return RoundRecord(
        assessment_id=assessment_id,
        company_key=company.key,
        round=round_name,
        sector_code=company.sector_code or "unknown",
        size_class=size_class(company.employees),
        endorses=endorses(verdicts),
        steps=steps_evidenced(verdicts),
        nap_class=nap_class(verdicts).value,
        segment=segment(verdicts).value,
    )


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for a proportion (Wilson 1927); sensible at 0 %, 100 % and small n."""
    if trials <= 0:
        return (0.0, 1.0)
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    # The interval always contains p; the min/max only absorbs rounding at 0 % and 100 %.
    return (max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half)))


@dataclass(frozen=True)
class Figure:
    """One number of the dashboard: ``numerator`` of ``denominator`` in ``round``."""

    round: str
    measure: str  # endorsement | endorsement_by_sector | endorsement_by_size | step | segment | nap
    group: str
    numerator: int
    denominator: int
    low: float | None = None  # Wilson 95 % bounds when the round is a sample of the population
    high: float | None = None
    assessment_ids: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        return self.numerator / self.denominator if self.denominator else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "round": self.round,
            "measure": self.measure,
            "group": self.group,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "share": round(self.share, 4),
            "low": None if self.low is None else round(self.low, 4),
            "high": None if self.high is None else round(self.high, 4),
            "assessment_ids": list(self.assessment_ids),
        }


@dataclass(frozen=True)
class MonitoringFigures:
    figures: tuple[Figure, ...]
    rounds: tuple[str, ...]
    target: float = DUTCH_ENDORSEMENT_TARGET
    reference_series: tuple[ReferencePoint, ...] = ()
    sampled_rounds: frozenset[str] = field(default_factory=frozenset)

    def select(self, measure: str, round_name: str | None = None) -> list[Figure]:
        return [
            figure
            for figure in self.figures
            if figure.measure == measure and (round_name is None or figure.round == round_name)
        ]

    def headline(self, round_name: str) -> Figure | None:
        found = self.select("endorsement", round_name)
        return found[0] if found else None

    def reporting(self, criteria_sets_by_round: Mapping[str, Iterable[str]]) -> MonitoringFigures:
        """Only the figures of the criteria sets each round reports (see
        :data:`~imvo.core.monitoring.criteria_sets.MEASURE_CRITERIA_SETS`); a round not in the
        mapping keeps all its figures."""
        shown = {name: set(measures_reported(sets)) for name, sets in criteria_sets_by_round.items()}
        kept = tuple(
            figure
            for figure in self.figures
            if figure.round not in shown or figure.measure in shown[figure.round]
        )
        return replace(self, figures=kept)

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "rounds": list(self.rounds),
            "sampled_rounds": sorted(self.sampled_rounds),
            "reference_series": [
                {"round": point.round, "share": point.share, "source": point.source}
                for point in self.reference_series
            ],
            "figures": [figure.to_dict() for figure in self.figures],
        }


_AGGREGATE_SQL = """
WITH totals AS (SELECT round, count(*) AS n FROM r GROUP BY round),
endorser_totals AS (SELECT round, count(*) AS n FROM r WHERE endorses GROUP BY round)
SELECT round, 'endorsement' AS measure, -1 AS grp, count(*) FILTER (WHERE endorses) AS k,
       count(*) AS n, string_agg(CAST(aid AS VARCHAR), ',' ORDER BY aid) FILTER (WHERE endorses) AS ids
FROM r GROUP BY round
UNION ALL
SELECT round, 'endorsement_by_sector', sector, count(*) FILTER (WHERE endorses), count(*),
       string_agg(CAST(aid AS VARCHAR), ',' ORDER BY aid) FILTER (WHERE endorses)
FROM r GROUP BY round, sector
UNION ALL
SELECT round, 'endorsement_by_size', size, count(*) FILTER (WHERE endorses), count(*),
       string_agg(CAST(aid AS VARCHAR), ',' ORDER BY aid) FILTER (WHERE endorses)
FROM r GROUP BY round, size
UNION ALL
SELECT r.round, 'step', s.step,
       count(*) FILTER (WHERE (r.steps >> (s.step - 1)) & 1 = 1), any_value(e.n),
       string_agg(CAST(r.aid AS VARCHAR), ',' ORDER BY r.aid) FILTER (WHERE (r.steps >> (s.step - 1)) & 1 = 1)
FROM r JOIN endorser_totals e USING (round), (SELECT unnest(range(1, 7)) AS step) s
WHERE r.endorses GROUP BY r.round, s.step
UNION ALL
SELECT r.round, 'segment', r.segment, count(*), any_value(t.n),
       string_agg(CAST(r.aid AS VARCHAR), ',' ORDER BY r.aid)
FROM r JOIN totals t USING (round) GROUP BY r.round, r.segment
UNION ALL
SELECT r.round, 'nap', r.nap, count(*), any_value(t.n),
       string_agg(CAST(r.aid AS VARCHAR), ',' ORDER BY r.aid)
FROM r JOIN totals t USING (round) GROUP BY r.round, r.nap
"""

_MEASURE_ORDER = {
    "endorsement": 0,
    "step": 1,
    "endorsement_by_sector": 2,
    "endorsement_by_size": 3,
    "segment": 4,
    "nap": 5,
}


_LOAD_SQL = (
    "CREATE TABLE r AS SELECT * FROM read_csv(?, header = false, delim = ',', auto_detect = false, "
    "columns = {'aid': 'INTEGER', 'round': 'INTEGER', 'sector': 'INTEGER', 'size': 'INTEGER', "
    "'endorses': 'BOOLEAN', 'steps': 'INTEGER', 'nap': 'INTEGER', 'segment': 'INTEGER'})"
)


class _Codes:
    """Dictionary encoding: DuckDB sees only integers, so no text needs quoting or escaping."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}

    def code(self, value: str) -> int:
        found = self._index.get(value)
        if found is None:
            found = self._index[value] = len(self.values)
            self.values.append(value)
        return found


def _load(
    connection: duckdb.DuckDBPyConnection, records: Sequence[RoundRecord], directory: Path
) -> dict[str, _Codes]:
    # A CSV file of integers is the fastest way into DuckDB without numpy/pyarrow: binding Python
    # lists as parameters costs about three times as much for 50,000 records.
    codes = {name: _Codes() for name in ("round", "group")}
    round_code, group_code = codes["round"].code, codes["group"].code
    path = directory / "records.csv"
    with path.open("w", encoding="ascii", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows(
            (
                index,
                round_code(record.round),
                group_code(record.sector_code),
                group_code(record.size_class),
                1 if record.endorses else 0,
                sum(1 << (step - 1) for step in record.steps),
                group_code(record.nap_class),
                group_code(record.segment),
            )
            for index, record in enumerate(records)
        )
    connection.execute(_LOAD_SQL, [str(path)])
    return codes


def aggregate(
    records: Iterable[RoundRecord],
    population_sizes: Mapping[str, int] | None = None,
    target: float = DUTCH_ENDORSEMENT_TARGET,
    reference_series: Sequence[ReferencePoint] = (),
) -> MonitoringFigures:
    """All figures of all rounds in ``records``.

    ``population_sizes`` maps a round to the size of the population it measures; a round that
    assessed fewer companies than that is a sample, and its figures get Wilson 95 % intervals.
    """
    records = list(records)
    population_sizes = dict(population_sizes or {})
    connection = duckdb.connect(":memory:")
    try:
        rounds: tuple[str, ...] = ()
        rows: list[tuple[Any, ...]] = []
        if records:
            with tempfile.TemporaryDirectory(prefix="imvo-monitoring-") as directory:
                codes = _load(connection, records, Path(directory))
            round_names, groups = codes["round"].values, codes["group"].values
            ids = [record.assessment_id for record in records]
            rows = [
                (
                    round_names[round_code],
                    measure,
                    _group_name(measure, group, groups),
                    numerator,
                    denominator,
                    tuple(ids[int(i)] for i in joined.split(",")) if joined else (),
                )
                for round_code, measure, group, numerator, denominator, joined in connection.execute(
                    _AGGREGATE_SQL
                ).fetchall()
            ]
            rounds = tuple(sorted({row[0] for row in rows}))
    finally:
        connection.close()
    assessed = {row[0]: row[4] for row in rows if row[1] == "endorsement"}
    sampled = frozenset(
        name for name, size in population_sizes.items() if name in assessed and assessed[name] < size
    )
    figures: list[Figure] = []
    for round_name, measure, group, numerator, denominator, ids in rows:
        low = high = None
        if round_name in sampled:
            low, high = wilson_interval(numerator, denominator)
        figures.append(
            Figure(
                round=round_name,
                measure=measure,
                group=group,
                numerator=numerator,
                denominator=denominator,
                low=low,
                high=high,
                assessment_ids=ids,
            )
        )
    figures.sort(key=lambda f: (f.round, _MEASURE_ORDER[f.measure], _group_order(f)))
    return MonitoringFigures(
        figures=tuple(figures),
        rounds=rounds,
        target=target,
        reference_series=tuple(reference_series),
        sampled_rounds=sampled,
    )


def _group_name(measure: str, group: int, groups: list[str]) -> str:
    if measure == "endorsement":
        return "all"
    if measure == "step":
        return str(group)
    return groups[group]


def _group_order(figure: Figure) -> tuple[int, str]:
    if figure.measure == "step":
        return (int(figure.group), "")
    if figure.measure == "endorsement_by_size":
        sizes = [label for label, _low, _high in SIZE_CLASSES]
        return (sizes.index(figure.group) if figure.group in sizes else len(sizes), figure.group)
    order = {"frontrunners": 0, "peloton": 1, "laggards": 2}
    order |= {"compliant": 0, "on_a_good_path": 1, "with_implementation_plan": 2, "not_compliant": 3}
    return (order.get(figure.group, 9), figure.group)


def step_label(step: str) -> str:
    return f"{step}. {OECD_STEPS[int(step)]}"
