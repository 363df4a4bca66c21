"""Aggregation latency of a monitoring dashboard: 10,000 companies × 5 rounds, target under one second.

    .venv/bin/python benchmarks/bench_monitoring.py [--companies 10000] [--rounds 5]

Prints the latency of ``imvo.core.monitoring.aggregate`` (best and median of several runs) against the
issue's target, and JSON on the last line. The records are synthetic but shaped like real rounds
(endorsement growing per round, sectors, size classes, every criterion of the engine).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time

from imvo.core.assessment import CRITERION_IDS
from imvo.core.monitoring import PopulationCompany, RoundRecord, aggregate, record_for

TARGET_SECONDS = 1.0
SECTORS = ("0111", "1051", "1089", "1413", "2011", "2410", "4639", "4711", "4941", "6419")


def synthetic_records(companies: int, rounds: int, seed: int = 7) -> list[RoundRecord]:
    rng = random.Random(seed)
    population = [
        PopulationCompany(
            f"Company {n}", f"{10_000_000 + n}", rng.choice(SECTORS), rng.randint(501, 40_000), 3e7, 6e7
        )
        for n in range(companies)
    ]
    records: list[RoundRecord] = []
    for index in range(rounds):
        round_name = str(2017 + 2 * index)
        chance = 0.3 + 0.1 * index
        for company in population:
            verdicts = {
                criterion: rng.choices(("found", "planned", "not_found"), (chance, 0.1, 0.9 - chance))[0]
                for criterion in CRITERION_IDS
            }
            records.append(record_for(f"{round_name}:{company.key}", company, round_name, verdicts))
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    records = synthetic_records(args.companies, args.rounds)
    timings = []
    figures = None
    for _ in range(args.repeat):
        started = time.perf_counter()
        figures = aggregate(records, population_sizes={"2017": args.companies * 2})
        timings.append(time.perf_counter() - started)
    assert figures is not None
    best, median = min(timings), statistics.median(timings)
    verdict = "meets" if median < TARGET_SECONDS else "MISSES"
    print(f"records              {len(records):>10,}")
    print(f"figures              {len(figures.figures):>10,}")
    print(f"aggregation best     {best:>10.3f} s")
    print(f"aggregation median   {median:>10.3f} s  ({verdict} the target of {TARGET_SECONDS:.1f} s)")
    print(
        json.dumps(
            {
                "benchmark": "monitoring_aggregate",
                "companies": args.companies,
                "rounds": args.rounds,
                "records": len(records),
                "best_seconds": round(best, 4),
                "median_seconds": round(median, 4),
                "target_seconds": TARGET_SECONDS,
                "meets_target": median < TARGET_SECONDS,
            }
        )
    )


if __name__ == "__main__":
    main()
