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
from imvo.core.obligations.model import Basis, OperatorEntry, Status
from imvo.core.obligations.reasons import Reason

IMPORTER_OBLIGATIONS_APPLY_FROM = 2021  # Art. 20(3): Articles 3 to 7 apply from 1 January 2021
GOLD_REFINED_PERCENT = Decimal("99.5")

CAHRA_NOTE = (
    "No list of conflict-affected and high-risk areas (CAHRAs) is packaged with imvo, so origins are not "
    "classified. Check each origin against the Commission's indicative, non-exhaustive CAHRA list "
    "(Art. 14(2)); you remain responsible for areas not on that list."
)
CAHRA_NOTE_NL = (
    "imvo bevat geen lijst van conflict- en hoogrisicogebieden (CAHRA's), dus herkomstlanden worden niet "
    "ingedeeld. Controleer elke herkomst aan de hand van de indicatieve, niet-uitputtende CAHRA-lijst van "
    "de Commissie (art. 14(2)); u blijft verantwoordelijk voor gebieden die niet op die lijst staan."
)


#: What an Annex I line without a known CN code shows as its code (a screen translates it).
CN_CODE_UNKNOWN = "CN code unknown"


@dataclass(frozen=True)
class AnnexLine:
    """One Annex I entry. ``threshold_kg`` is the threshold a decision may rest on (read in the Official
    Journal, or set by the installation's administrators: :attr:`threshold_basis`); a threshold only
    secondary sources report is ``reported_threshold_kg`` (by ``reported_source``): provisional."""

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
    item_nl: str = ""
    reported_threshold_kg: int | None = None
    reported_source: str = ""
    operator: OperatorEntry | None = None

    @property
    def cn_code_display(self) -> str:
        if self.cn_code is None:
            return CN_CODE_UNKNOWN
        spaced = " ".join(
            [self.cn_code[:4], *[self.cn_code[i : i + 2] for i in range(4, len(self.cn_code), 2)]]
        )
        return f"ex {spaced}" if self.ex else spaced

    @property
    def threshold_basis(self) -> Basis:
        if self.threshold_kg is not None:
            return "operator" if self.operator is not None else "verified"
        return "provisional" if self.reported_threshold_kg is not None else "unknown"

    @property
    def usable_threshold_kg(self) -> int | None:
        """The threshold the verdict uses: the decided one, else the reported one (provisional)."""
        return self.threshold_kg if self.threshold_kg is not None else self.reported_threshold_kg

    @property
    def threshold_sources(self) -> str:
        """Where the threshold used comes from: the citation, the legal source, or who reported it."""
        if self.operator is not None:
            return self.operator.citation.text()
        if self.threshold_kg is not None:
            return self.source
        return self.reported_source

    @property
    def item_name(self) -> Reason:
        """The entry's informal name in both languages (the Dutch one where the table has it)."""
        return Reason("text", {"en": self.item, "nl": self.item_nl or self.item})


def parse_annex_csv(text: str) -> tuple[AnnexLine, ...]:
    lines: list[AnnexLine] = []
    for row in csv.DictReader(io.StringIO(text)):
        cn = normalise_cn_code(row["cn_code"])[0] if row["cn_code"] else None
        threshold_confirmed = row["threshold_status"] == "confirmed"
        if threshold_confirmed and not row["volume_threshold_kg"]:
            raise ValueError(f"Annex I line {row['line_id']}: confirmed threshold without a value")
        reported = (row.get("reported_threshold_kg") or "").strip()
        if reported and not (row.get("reported_source") or "").strip():
            raise ValueError(f"Annex I line {row['line_id']}: a reported threshold needs its source")
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
                item_nl=(row.get("item_nl") or "").strip(),
                reported_threshold_kg=int(reported) if reported and not threshold_confirmed else None,
                reported_source=(row.get("reported_source") or "").strip(),
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
                        Reason("cmr.match.no_cn_code", {"line_id": line.line_id, "item": line.item_name}),
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
    which: dict[str, str | Reason] = {"line_id": line.line_id, "item": line.item_name}
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
    """One calendar year of one Annex I line: the kilograms against the threshold, and the verdict.

    ``threshold_kg`` is the threshold the verdict used and ``threshold_basis`` where it comes from:
    ``verified`` (Official Journal), ``operator`` (the installation's administrators), ``provisional``
    (secondary sources only: the verdict is "probably …") or ``unknown`` (no threshold: cannot decide).
    """

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
    threshold_basis: Basis = "verified"
    threshold_sources: str = ""
    item_nl: str = ""
    operator: OperatorEntry | None = None

    @property
    def reason(self) -> str:
        """The verdict in English (``explanation.text(language)`` for Dutch)."""
        return self.explanation.text("en")

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "line_id": self.line_id,
            "item": self.item,
            "item_nl": self.item_nl or self.item,
            "part": self.part,
            "cn_code": self.cn_code,
            "imported_kg": str(self.imported_kg),
            "possibly_kg": str(self.possibly_kg),
            "threshold_kg": self.threshold_kg,
            "threshold_basis": self.threshold_basis,
            "threshold_sources": self.threshold_sources,
            "operator": self.operator.to_dict() if self.operator is not None else None,
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
        threshold_kg=line.usable_threshold_kg,
        status=status,
        explanation=reason,
        origins=tuple(sorted(bucket.origins)),
        records=tuple(bucket.records),
        possible_records=tuple(bucket.possible_records),
        source=line.source,
        threshold_basis=line.threshold_basis,
        threshold_sources=line.threshold_sources,
        item_nl=line.item_nl,
        operator=line.operator,
    )


def _threshold_basis(line: AnnexLine) -> tuple[Reason, ...]:
    """What the verdict adds about its threshold: nothing for a verified one, else where it comes from."""
    if line.operator is not None:
        entry = line.operator
        if entry.overrides_verified:
            return (
                Reason(
                    "cmr.threshold_operator_override",
                    {"citation": entry.citation.text(), "shipped": str(entry.replaced_value)},
                ),
            )
        return (Reason("cmr.threshold_operator", {"citation": entry.citation.text()}),)
    if line.threshold_kg is None and line.reported_threshold_kg is not None:
        return (Reason("cmr.threshold_reported", {"sources": line.reported_source}),)
    return ()


#: A verdict on a threshold only secondary sources report is "probably" that verdict.
_PROBABLY: dict[Status, Status] = {"applies": "probably_applies", "does_not_apply": "probably_does_not_apply"}


def _line_year_verdict(year: int, line: AnnexLine, bucket: _Bucket, as_of: date) -> tuple[Status, Reason]:
    cn_code: str | Reason = line.cn_code_display if line.cn_code else Reason("cmr.cn_code_unknown")
    which: dict[str, str | int | Reason] = {
        "year": year,
        "line_id": line.line_id,
        "item": line.item_name,
        "cn_code": cn_code,
    }
    if year < IMPORTER_OBLIGATIONS_APPLY_FROM:
        return "not_yet_in_force", Reason(
            "cmr.line.before_2021", {"year": year, "line_id": line.line_id, "item": line.item_name}
        )
    partial = (Reason("cmr.year_incomplete"),) if year == as_of.year else ()
    threshold_kg = line.usable_threshold_kg
    if threshold_kg is None:
        unknown = {**which, "kg": str(bucket.kg)}
        if bucket.possible_kg:
            return "cannot_decide", Reason(
                "cmr.line.threshold_unknown_possibly_more",
                {**unknown, "possible_kg": str(bucket.possible_kg)},
            )
        return "cannot_decide", Reason("cmr.line.threshold_unknown", unknown)
    status, reason = _against_threshold(which, Decimal(threshold_kg), bucket, partial, _threshold_basis(line))
    if line.threshold_basis == "provisional":
        status = _PROBABLY.get(status, status)
    return status, reason


def _against_threshold(
    which: dict[str, str | int | Reason],
    threshold: Decimal,
    bucket: _Bucket,
    partial: tuple[Reason, ...],
    basis: tuple[Reason, ...],
) -> tuple[Status, Reason]:
    """Art. 1(3): below the threshold the Regulation does not apply; at or above it, it does."""
    amounts = {**which, "threshold": str(threshold), "basis": basis}
    if bucket.kg >= threshold:
        code = "cmr.line.at_threshold" if bucket.kg == threshold else "cmr.line.above_threshold"
        return "applies", Reason(code, {**amounts, "kg": str(bucket.kg), "partial": partial})
    if bucket.kg + bucket.possible_kg >= threshold:
        return "cannot_decide", Reason(
            "cmr.line.possibly_more",
            {
                **amounts,
                "kg": str(bucket.kg),
                "possible_kg": str(bucket.possible_kg),
                "possible": tuple(bucket.possible_reasons),
            },
        )
    return "does_not_apply", Reason(
        "cmr.line.below", {**amounts, "kg": str(bucket.kg + bucket.possible_kg), "partial": partial}
    )


def _scope_item(ly: LineYear, language: str) -> str:
    """One Annex I line of the report's scope, saying when its threshold is only reported."""
    dutch = language == "nl"
    origins = ", ".join(ly.origins) or ("onbekend" if dutch else "unknown")
    item = (ly.item_nl or ly.item) if dutch else ly.item
    text = (
        f"{item} (bijlage I regel {ly.line_id}, GN {ly.cn_code}): {ly.imported_kg} kg; herkomst: {origins}"
        if dutch
        else f"{item} (Annex I line {ly.line_id}, CN {ly.cn_code}): {ly.imported_kg} kg; origins: {origins}"
    )
    if ly.status == "probably_applies":
        text += (
            f" — waarschijnlijk: drempel van {ly.threshold_kg} kg gemeld door {ly.threshold_sources}, nog "
            "niet getoetst aan het Publicatieblad"
            if dutch
            else f" — probably: threshold of {ly.threshold_kg} kg reported by {ly.threshold_sources}, not "
            "yet checked against the Official Journal"
        )
    return text


def annual_report_outline(
    organisation: str, year: int, line_years: Sequence[LineYear]
) -> list[dict[str, Any]]:
    """Sections of the public annual report of Art. 7(3), pre-filled with what the data show.

    Each section has ``title`` and ``items`` in English and ``title_nl`` and ``items_nl`` in Dutch.
    Lines whose threshold is only reported (``probably_applies``) are in the scope, marked as such.
    """
    in_scope = [ly for ly in line_years if ly.year == year and ly.status in ("applies", "probably_applies")]
    sections = [
        (
            f"Supply chain due diligence report {year} — {organisation}",
            f"Verslag over de zorgvuldigheid in de toeleveringsketen {year} — {organisation}",
            [
                (
                    "Published as widely as possible, including on the internet (Art. 7(3)).",
                    "Zo breed mogelijk openbaar gemaakt, ook op internet (art. 7(3)).",
                ),
                (
                    "Scope: minerals and metals imported at or above the Annex I thresholds:",
                    "Reikwijdte: mineralen en metalen ingevoerd op of boven de drempels van bijlage I:",
                ),
                *[(_scope_item(ly, "en"), _scope_item(ly, "nl")) for ly in in_scope],
            ],
        ),
        (
            "Supply chain policy and management system (Art. 4)",
            "Ketenbeleid en beheersysteem (art. 4)",
            [
                (
                    "Supply-chain policy consistent with Annex II of the OECD Due Diligence Guidance and how "
                    "it was communicated to suppliers and the public.",
                    "Ketenbeleid in lijn met bijlage II van de OESO-richtsnoeren voor gepaste "
                    "zorgvuldigheid, en hoe het aan leveranciers en het publiek is bekendgemaakt.",
                ),
                (
                    "Senior management responsible for supply chain due diligence.",
                    "Het hoger management dat verantwoordelijk is voor de zorgvuldigheid in de keten.",
                ),
                (
                    "Chain-of-custody / traceability system: description, supplier, country of origin, "
                    "quantities and dates; smelters and refiners for metals.",
                    "Traceersysteem (chain of custody): omschrijving, leverancier, land van herkomst, "
                    "hoeveelheden en data; smelterijen en raffinaderijen voor metalen.",
                ),
                ("Grievance mechanism.", "Klachtenmechanisme."),
            ],
        ),
        (
            "Risk identification and management (Art. 5)",
            "Risico's vaststellen en beheersen (art. 5)",
            [
                (
                    "Risks identified in the supply chain, including origins in conflict-affected and "
                    "high-risk areas.",
                    "Risico's in de keten, waaronder herkomst uit conflict- en hoogrisicogebieden.",
                ),
                (CAHRA_NOTE, CAHRA_NOTE_NL),
                (
                    "Risk-management strategy chosen (continue with mitigation, suspend, disengage) and "
                    "results.",
                    "Gekozen risicobeheerstrategie (doorgaan met mitigatie, opschorten, beëindigen) en de "
                    "resultaten.",
                ),
            ],
        ),
        (
            "Third-party audits (Art. 6)",
            "Audits door derden (art. 6)",
            [
                (
                    "Summary of the third-party audits, including the name of the auditor (Art. 7(3)).",
                    "Samenvatting van de audits door derden, met de naam van de auditor (art. 7(3)).",
                ),
                (
                    "Or: exemption because all smelters and refiners are on the Commission's list "
                    "(Art. 6(2), Art. 9).",
                    "Of: vrijstelling omdat alle smelterijen en raffinaderijen op de lijst van de Commissie "
                    "staan (art. 6(2), art. 9).",
                ),
            ],
        ),
        (
            "Recycled and scrap sources (Art. 7(4))",
            "Gerecyclede bronnen en schroot (art. 7(4))",
            [
                (
                    "Where metals come only from recycled or scrap sources: that conclusion and the due "
                    "diligence behind it.",
                    "Als metalen alleen uit gerecyclede bronnen of schroot komen: die conclusie en de "
                    "zorgvuldigheid waarop zij rust.",
                ),
            ],
        ),
    ]
    return [
        {
            "title": title,
            "title_nl": title_nl,
            "items": [en for en, _ in items],
            "items_nl": [nl for _, nl in items],
        }
        for title, title_nl, items in sections
    ]
