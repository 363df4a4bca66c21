"""Running a whole round from a folder of disclosures.

Matching rule (documented in docs/monitoring.md): a disclosure file belongs to a company when

1. its file name contains the company's registration number as a separate run of characters
   ("12345678_annual-report.pdf", "report-12345678.html"), else
2. the slug of the file name (lower-case ASCII words joined by hyphens) starts with the slug of the
   company's name ("acme-bv-2021.pdf" for "Acme B.V."; dots are dropped first, and a trailing
   legal form such as B.V., N.V., GmbH, AG, Ltd, plc or Inc. may be left out of the file name:
   "acme-2021.pdf"); the longest matching name wins, so "Acme Foods" is not taken for "Acme".

Files that match no company are reported, never guessed. A company with several files gets the
strongest verdict per criterion over all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from imvo.core.assessment import Assessment, DisclosureError, assess_file
from imvo.core.monitoring.criteria_sets import merge_verdicts, monitoring_verdicts
from imvo.core.monitoring.figures import (
    MonitoringFigures,
    ReferencePoint,
    RoundRecord,
    aggregate,
    record_for,
)
from imvo.core.monitoring.population import PopulationCompany, slugify

DISCLOSURE_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".txt", ".text", ".md", ".xhtml"})
Progress = Callable[[int, int], None]


LEGAL_FORMS = frozenset(
    {"bv", "nv", "vof", "cv", "gmbh", "ag", "kg", "se", "sa", "ltd", "plc", "inc", "llc", "co", "corp", "ug"}
)


def _name_slugs(name: str) -> set[str]:
    """The slugs a file name may start with for a company name: with and without its legal form."""
    slug = slugify(name.replace(".", "").replace("'", ""))
    words = slug.split("-")
    slugs = {slug} if slug else set()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words = words[:-1]
        slugs.add("-".join(words))
    return slugs


def match_company(file_name: str, companies: Sequence[PopulationCompany]) -> PopulationCompany | None:
    """The company a disclosure file belongs to, by the rule in the module docstring."""
    stem = Path(file_name).stem
    for company in companies:
        number = company.registration_number
        if number and re.search(rf"(?<![0-9A-Za-z]){re.escape(number)}(?![0-9A-Za-z])", stem):
            return company
    slug = slugify(stem.replace(".", "").replace("'", ""))
    best: PopulationCompany | None = None
    best_length = 0
    for company in companies:
        for name in _name_slugs(company.name):
            if (slug == name or slug.startswith(name + "-")) and len(name) > best_length:
                best, best_length = company, len(name)
    return best


@dataclass
class RoundOutcome:
    round: str
    figures: MonitoringFigures
    records: list[RoundRecord]
    assessments: dict[str, list[Assessment]] = field(default_factory=dict)  # company key → assessments
    unmatched_files: list[str] = field(default_factory=list)
    unreadable_files: list[tuple[str, str]] = field(default_factory=list)
    companies_without_disclosure: list[str] = field(default_factory=list)


def disclosure_files(directory: Path) -> list[Path]:
    return sorted(
        path for path in directory.iterdir() if path.is_file() and path.suffix.lower() in DISCLOSURE_SUFFIXES
    )


def run_round(
    companies: Sequence[PopulationCompany],
    disclosures: str | Path,
    round_name: str,
    population_size: int | None = None,
    reference_series: Sequence[ReferencePoint] = (),
    progress: Progress | None = None,
) -> RoundOutcome:
    """Assess every disclosure in the folder, match it to a company, and aggregate the round.

    Companies without any disclosure count as assessed with nothing found: for a monitoring
    programme, no public disclosure means no public endorsement.
    """
    files = disclosure_files(Path(disclosures))
    matched: dict[str, list[Assessment]] = {}
    outcome_unmatched: list[str] = []
    unreadable: list[tuple[str, str]] = []
    for done, path in enumerate(files, start=1):
        company = match_company(path.name, companies)
        if company is None:
            outcome_unmatched.append(path.name)
        else:
            try:
                matched.setdefault(company.key, []).append(assess_file(path))
            except DisclosureError as error:
                unreadable.append((path.name, str(error)))
        if progress is not None:
            progress(done, len(files))
    records: list[RoundRecord] = []
    without: list[str] = []
    for company in companies:
        assessments = matched.get(company.key, [])
        if not assessments:
            without.append(company.name)
        verdicts = merge_verdicts([monitoring_verdicts(assessment) for assessment in assessments])
        records.append(record_for(f"{round_name}:{company.key}", company, round_name, verdicts))
    sizes = {round_name: population_size} if population_size else {}
    figures = aggregate(records, sizes, reference_series=reference_series)
    return RoundOutcome(
        round=round_name,
        figures=figures,
        records=records,
        assessments=matched,
        unmatched_files=outcome_unmatched,
        unreadable_files=unreadable,
        companies_without_disclosure=without,
    )
