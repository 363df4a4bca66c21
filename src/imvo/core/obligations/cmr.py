"""EU Conflict Minerals Regulation (EU) 2017/821: Annex I matching and per-year volume thresholds.

Art. 1(3): the Regulation does not apply to a Union importer whose annual import volume of a mineral or
metal is *below* the Annex I threshold, so a volume exactly at the threshold is in scope. Thresholds are
per Annex I line and per calendar year. Where a threshold or a CN code could not be confirmed from the
Official Journal the line answers ``cannot_decide`` and names the missing value.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from imvo.core.obligations.facts import ImportRecord, normalise_cn_code
from imvo.core.obligations.model import Status
from imvo.core.obligations.reasons import Reason

IMPORTER_OBLIGATIONS_APPLY_FROM = 2021  # Art. 20(3): Articles 3 to 7 apply from 1 January 2021
GOLD_REFINED_PERCENT = Decimal("99.5")

CAHRA_NOTE = (
    "No list of conflict-affected and high-risk areas (CAHRAs) is packaged with imvo, so origins are not "
    "classified. Check each origin against the Commission's indicative, non-exhaustive CAHRA list "
    "(Art. 14(2)); you remain responsible for areas not on that list."
)


@dataclass(frozen=True)
class AnnexLine:
    line_id: str
    part: str
    item: str
    description: str
    cn_code: str | None
    ex: bool | None
    taric_subdivision: str | None
    qualifier: str | None
    hs_prefix: str
    threshold_kg: int | None
    source: str
    notes: str

    @property
    def cn_code_display(self) -> str:
        if self.cn_code is None:
            return "CN code unknown"
        spaced = " ".join(
            [self.cn_code[:4], *[self.cn_code[i : i + 2] for i in range(4, len(self.cn_code), 2)]]
        )
        return f"ex {spaced}" if self.ex else spaced


def parse_annex_csv(text: str) -> tuple[AnnexLine, ...]:
    lines: list[AnnexLine] = []
    for row in csv.DictReader(io.StringIO(text)):
        cn = normalise_cn_code(row["cn_code"])[0] if row["cn_code"] else None
        threshold_confirmed = row["threshold_status"] == "confirmed"
        if threshold_confirmed and not row["volume_threshold_kg"]:
            raise ValueError(f"Annex I line {row['line_id']}: confirmed threshold without a value")
        lines.append(
            AnnexLine(
                line_id=row["line_id"],
                part=row["part"],
                item=row["item"],
                description=row["description"],
                cn_code=cn,
                ex={"yes": True, "no": False}.get(row["ex"]),
                taric_subdivision=row["taric_subdivision"] or None,
                qualifier=row["qualifier"] or None,
                hs_prefix=row["hs_prefix"],
                threshold_kg=int(row["volume_threshold_kg"]) if threshold_confirmed else None,
                source=row["source"],
                notes=row["notes"],
            )
        )
    return tuple(lines)


@dataclass(frozen=True)
class LineMatch:
    """How one import record relates to Annex I: a sure line, or lines it may belong to and why."""

    line_id: str | None
    possible: tuple[tuple[str, Reason], ...] = ()


def match_record(record: ImportRecord, annex: Sequence[AnnexLine]) -> LineMatch:
    code = record.cn_code
    possible: list[tuple[str, Reason]] = []
    for line in annex:
        if line.cn_code is None:
            if code.startswith(line.hs_prefix) or line.hs_prefix.startswith(code):
                possible.append(
                    (
                        line.line_id,
                        Reason("cmr.match.no_cn_code", {"line_id": line.line_id, "item": line.item}),
                    )
                )
            continue
        if not code.startswith(line.cn_code):
            if line.cn_code.startswith(code):
                possible.append(
                    (
                        line.line_id,
                        Reason(
                            "cmr.match.less_detailed",
                            {
                                "cn_code_given": record.cn_code_as_given,
                                "line_id": line.line_id,
                                "cn_code": line.cn_code_display,
                            },
                        ),
                    )
                )
            continue
        verdict = _ex_line_verdict(record, line)
        if verdict is True:
            return LineMatch(line.line_id, tuple(possible))
        if isinstance(verdict, Reason):
            possible.append((line.line_id, verdict))
    return LineMatch(None, tuple(possible))


def _ex_line_verdict(record: ImportRecord, line: AnnexLine) -> bool | Reason:
    """True if the record is on the line, False if it is not, or the reason it cannot be told."""
    which = {"line_id": line.line_id, "item": line.item}
    if line.qualifier == "taric_unknown":
        return Reason("cmr.match.taric_unknown", which)
    if line.qualifier in ("gold_below_99_5", "gold_99_5_or_more"):
        if record.gold_concentration_percent is None:
            return Reason("cmr.match.gold_concentration", which)
        below = record.gold_concentration_percent < GOLD_REFINED_PERCENT
        return below == (line.qualifier == "gold_below_99_5")
    if line.taric_subdivision is not None:
        taric = record.taric_subdivision or (record.cn_code[8:10] if len(record.cn_code) == 10 else None)
        if taric is None:
            return Reason(
                "cmr.match.taric_needed",
                {**which, "taric": line.taric_subdivision, "cn_code": line.cn_code_display},
            )
        return taric == line.taric_subdivision
    return True


@dataclass(frozen=True)
class LineYear:
    year: int
    line_id: str
    item: str
    part: str
    cn_code: str
    imported_kg: Decimal
    possibly_kg: Decimal
    threshold_kg: int | None
    status: Status
    explanation: Reason
    origins: tuple[str, ...]
    records: tuple[int, ...]
    possible_records: tuple[int, ...] = ()
    source: str = ""

    @property
    def reason(self) -> str:
        """The verdict in English (``explanation.text(language)`` for Dutch)."""
        return self.explanation.text("en")

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "line_id": self.line_id,
            "item": self.item,
            "part": self.part,
            "cn_code": self.cn_code,
            "imported_kg": str(self.imported_kg),
            "possibly_kg": str(self.possibly_kg),
            "threshold_kg": self.threshold_kg,
            "status": self.status,
            "reason": self.reason,
            "explanation": self.explanation.to_dict(),
            "origins": list(self.origins),
            "records": list(self.records),
            "possible_records": list(self.possible_records),
            "source": self.source,
        }


@dataclass
class _Bucket:
    kg: Decimal = Decimal(0)
    possible_kg: Decimal = Decimal(0)
    origins: set[str] = field(default_factory=set)
    records: list[int] = field(default_factory=list)
    possible_records: list[int] = field(default_factory=list)
    possible_reasons: list[Reason] = field(default_factory=list)


@dataclass(frozen=True)
class CmrAssessment:
    line_years: tuple[LineYear, ...]
    outside_annex: tuple[int, ...]
    unknown_origin_records: tuple[int, ...]


def assess_imports(records: Sequence[ImportRecord], annex: Sequence[AnnexLine], as_of: date) -> CmrAssessment:
    """Per calendar year up to ``as_of`` and per Annex I line: imported kg against the threshold."""
    by_line = {line.line_id: line for line in annex}
    buckets: dict[tuple[int, str], _Bucket] = defaultdict(_Bucket)
    outside: list[int] = []
    unknown_origin: list[int] = []
    for record in records:
        if record.year > as_of.year:
            continue
        match = match_record(record, annex)
        if match.line_id is None and not match.possible:
            outside.append(record.line)
            continue
        if record.country_of_origin is None:
            unknown_origin.append(record.line)
        if match.line_id is not None:
            bucket = buckets[(record.year, match.line_id)]
            bucket.kg += record.quantity_kg
            bucket.records.append(record.line)
            if record.country_of_origin:
                bucket.origins.add(record.country_of_origin)
        for line_id, reason in match.possible:
            bucket = buckets[(record.year, line_id)]
            bucket.possible_kg += record.quantity_kg
            bucket.possible_records.append(record.line)
            bucket.possible_reasons.append(
                Reason("cmr.record_possibly_on_line", {"record": record.line, "why": reason})
            )
            if record.country_of_origin:
                bucket.origins.add(record.country_of_origin)
    line_years = [
        _line_year(year, by_line[line_id], bucket, as_of)
        for (year, line_id), bucket in sorted(buckets.items())
    ]
    return CmrAssessment(tuple(line_years), tuple(outside), tuple(unknown_origin))


def _line_year(year: int, line: AnnexLine, bucket: _Bucket, as_of: date) -> LineYear:
    status, reason = _line_year_verdict(year, line, bucket, as_of)
    return LineYear(
        year=year,
        line_id=line.line_id,
        item=line.item,
        part=line.part,
        cn_code=line.cn_code_display,
        imported_kg=bucket.kg,
        possibly_kg=bucket.possible_kg,
        threshold_kg=line.threshold_kg,
        status=status,
        explanation=reason,
        origins=tuple(sorted(bucket.origins)),
        records=tuple(bucket.records),
        possible_records=tuple(bucket.possible_records),
        source=line.source,
    )


def _line_year_verdict(year: int, line: AnnexLine, bucket: _Bucket, as_of: date) -> tuple[Status, Reason]:
    which: dict[str, str | int] = {"year": year, "line_id": line.line_id, "item": line.item}
    if year < IMPORTER_OBLIGATIONS_APPLY_FROM:
        return "not_yet_in_force", Reason("cmr.line.before_2021", which)
    partial = (Reason("cmr.year_incomplete"),) if year == as_of.year else ()
    if line.threshold_kg is None:
        cn_code: str | Reason = line.cn_code_display if line.cn_code else Reason("cmr.cn_code_unknown")
        unknown = {**which, "cn_code": cn_code, "kg": str(bucket.kg)}
        if bucket.possible_kg:
            return "cannot_decide", Reason(
                "cmr.line.threshold_unknown_possibly_more",
                {**unknown, "possible_kg": str(bucket.possible_kg)},
            )
        return "cannot_decide", Reason("cmr.line.threshold_unknown", unknown)
    threshold = Decimal(line.threshold_kg)
    if bucket.kg >= threshold:
        code = "cmr.line.at_threshold" if bucket.kg == threshold else "cmr.line.above_threshold"
        return "applies", Reason(
            code, {**which, "kg": str(bucket.kg), "threshold": line.threshold_kg, "partial": partial}
        )
    if bucket.kg + bucket.possible_kg >= threshold:
        return "cannot_decide", Reason(
            "cmr.line.possibly_more",
            {
                **which,
                "kg": str(bucket.kg),
                "threshold": line.threshold_kg,
                "possible_kg": str(bucket.possible_kg),
                "possible": tuple(bucket.possible_reasons),
            },
        )
    return "does_not_apply", Reason(
        "cmr.line.below",
        {
            **which,
            "kg": str(bucket.kg + bucket.possible_kg),
            "threshold": line.threshold_kg,
            "partial": partial,
        },
    )


def annual_report_outline(
    organisation: str, year: int, line_years: Sequence[LineYear]
) -> list[dict[str, Any]]:
    """Sections of the public annual report of Art. 7(3), pre-filled with what the data show."""
    in_scope = [ly for ly in line_years if ly.year == year and ly.status == "applies"]
    scope_items = [
        f"{ly.item} (Annex I line {ly.line_id}, CN {ly.cn_code}): {ly.imported_kg} kg; origins: "
        f"{', '.join(ly.origins) or 'unknown'}"
        for ly in in_scope
    ]
    return [
        {
            "title": f"Supply chain due diligence report {year} — {organisation}",
            "items": [
                "Published as widely as possible, including on the internet (Art. 7(3)).",
                "Scope: minerals and metals imported at or above the Annex I thresholds:",
                *scope_items,
            ],
        },
        {
            "title": "Supply chain policy and management system (Art. 4)",
            "items": [
                "Supply-chain policy consistent with Annex II of the OECD Due Diligence Guidance and how it "
                "was communicated to suppliers and the public.",
                "Senior management responsible for supply chain due diligence.",
                "Chain-of-custody / traceability system: description, supplier, country of origin, "
                "quantities and dates; smelters and refiners for metals.",
                "Grievance mechanism.",
            ],
        },
        {
            "title": "Risk identification and management (Art. 5)",
            "items": [
                "Risks identified in the supply chain, including origins in conflict-affected and "
                "high-risk areas.",
                CAHRA_NOTE,
                "Risk-management strategy chosen (continue with mitigation, suspend, disengage) and results.",
            ],
        },
        {
            "title": "Third-party audits (Art. 6)",
            "items": [
                "Summary of the third-party audits, including the name of the auditor (Art. 7(3)).",
                "Or: exemption because all smelters and refiners are on the Commission's list "
                "(Art. 6(2), Art. 9).",
            ],
        },
        {
            "title": "Recycled and scrap sources (Art. 7(4))",
            "items": [
                "Where metals come only from recycled or scrap sources: that conclusion and the due "
                "diligence behind it.",
            ],
        },
    ]
