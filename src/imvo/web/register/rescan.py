"""A scanned list against the register: what it holds, what the register knows, and the preview.

The merge rules are the core's (:mod:`imvo.core.register.merge`); this module only feeds them the
scan's findings and the register's suppliers and risks, and turns a plan into the preview that the
scan page shows. Applying is :func:`imvo.web.register.actions.apply_scan_plan`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef

from imvo.core.register.identity import supplier_name_key, supplier_number_key
from imvo.core.register.merge import (
    SCAN_FIELDS,
    DuplicateRows,
    FoundRisk,
    KnownRisk,
    KnownSupplier,
    ListedSupplier,
    MergeMode,
    MergePlan,
    RiskOutcome,
    listed_suppliers,
    plan_merge,
)
from imvo.core.scan import STATUS_OK, ScanResult
from imvo.web.register.models import (
    SCAN_CLOSE_REASONS,
    Risk,
    RiskSource,
    Scan,
    ScanStatus,
    SeverityJudgement,
    Supplier,
)

#: How many records of each kind the preview lists (the counts are always complete).
PREVIEW_SAMPLE = 50

#: Ids per ``pk__in`` lookup: SQLite allows at most 250 000 variables in one statement (32 766 in
#: older builds), and a changed list of a large register names more ids than that (issue 17).
LOOKUP_BATCH = 10_000

#: Lengths of the register's columns that hold text copied from the supplier file: a longer cell is
#: an input problem of its row, never cut to fit.
FIELD_LIMITS = {
    "supplier": Supplier._meta.get_field("name").max_length,
    "product": Supplier._meta.get_field("product").max_length,
    "tier": Supplier._meta.get_field("tier").max_length,
    "supplier_id": Supplier._meta.get_field("supplier_number").max_length,
}


@dataclass
class StagedList:
    """What a scanned file says: its suppliers (rows folded), the risks found, and its problems."""

    suppliers: list[ListedSupplier]
    risks: list[FoundRisk]
    duplicates: list[DuplicateRows]
    unmatched: list[dict[str, Any]]
    too_long: list[dict[str, Any]]


def stage(result: ScanResult) -> StagedList:
    rows: list[dict[str, Any]] = []
    risks: list[FoundRisk] = []
    unmatched: list[dict[str, Any]] = []
    too_long: list[dict[str, Any]] = []
    seen_rows: set[int] = set()
    keys: dict[int, str] = {}
    for finding in result.iter_findings():
        if finding.input_row not in seen_rows:
            seen_rows.add(finding.input_row)
            row: dict[str, Any] = {
                "input_row": finding.input_row,
                "supplier_id": finding.supplier_id,
                "supplier": finding.supplier,
                "country": finding.country,
                "product": finding.product,
                "good": finding.good,
                "hs_code": finding.hs_code,
                "tier": finding.tier,
                "spend": finding.spend,
                "status": finding.status,
            }
            rows.append(row)
            keys[finding.input_row] = supplier_number_key(finding.supplier_id) or supplier_name_key(
                finding.supplier, finding.country
            )
            for column, limit in FIELD_LIMITS.items():
                if limit is not None and len(row[column]) > limit:
                    too_long.append({"input_row": finding.input_row, "column": column, "limit": limit})
            if finding.status != STATUS_OK and len(unmatched) < PREVIEW_SAMPLE:
                unmatched.append(
                    {
                        "input_row": finding.input_row,
                        "supplier": finding.supplier,
                        "country_given": finding.country_given,
                        "product": finding.product,
                        "status": finding.status,
                    }
                )
        if finding.theme == "none":
            continue
        risks.append(
            FoundRisk(
                supplier_key=keys[finding.input_row],
                theme=finding.theme,
                good=finding.good,
                country=finding.country,
                product=finding.product,
                input_row=finding.input_row,
                likelihood=finding.likelihood,
                severity=finding.severity,
                salience=finding.salience,
                priority=finding.priority,
                evidence=finding.evidence,
                source_url=finding.source_url,
                dataset=finding.dataset,
                edition=finding.edition,
                record_id=finding.record_id,
                input_good=finding.input_good,
                input_country=finding.input_country,
                evidence_data=finding.evidence_data,
            )
        )
    rows.sort(key=lambda row: row["input_row"])
    suppliers, duplicates = listed_suppliers(rows)
    return StagedList(suppliers, risks, duplicates, unmatched, too_long)


def known_suppliers(organisation_id: int) -> list[KnownSupplier]:
    return [
        KnownSupplier(ref, number_key, name_key, removed is None)
        for ref, number_key, name_key, removed in Supplier.objects.filter(
            organisation_id=organisation_id
        ).values_list("pk", "number_key", "name_key", "removed_scan_id")
    ]


#: KnownRisk's fields that are Risk columns (the others: ``ref``, ``supplier_ref``, ``judged``,
#: ``closed_by_scan``), read as they are.
_RISK_COLUMNS = ("theme", "good", "country", "status", *SCAN_FIELDS)


def known_risks(organisation_id: int) -> list[KnownRisk]:
    rows = (
        Risk.objects.filter(organisation_id=organisation_id, source=RiskSource.SCAN, supplier__isnull=False)
        .annotate(judged=Exists(SeverityJudgement.objects.filter(risk=OuterRef("pk"))))
        .values("pk", "supplier_id", "closed_reason", "judged", *_RISK_COLUMNS)
        .order_by("pk")
    )
    return [
        KnownRisk(
            ref=row["pk"],
            supplier_ref=row["supplier_id"],
            closed_by_scan=row["closed_reason"] in SCAN_CLOSE_REASONS,
            judged=row["judged"],
            **{name: row[name] for name in _RISK_COLUMNS},
        )
        for row in rows
    ]


def dataset_editions() -> dict[str, str]:
    """Each dataset in use, as a closing reason names it ("ILAB List of Goods, 2024")."""
    from imvo.core import refdata

    return {dataset.id: f"{dataset.title}, {dataset.edition}" for dataset in refdata.manifest()}


def plan(staged: StagedList, organisation_id: int, mode: MergeMode) -> MergePlan:
    return plans(staged, organisation_id, (mode,))[mode]


def plans(staged: StagedList, organisation_id: int, modes: Sequence[MergeMode]) -> dict[MergeMode, MergePlan]:
    """The merge plan per mode, over one read of what the register knows."""
    suppliers, risks, editions = (
        known_suppliers(organisation_id),
        known_risks(organisation_id),
        dataset_editions(),
    )
    return {
        mode: plan_merge(mode, staged.suppliers, staged.risks, suppliers, risks, editions) for mode in modes
    }


def last_applied_scan_id(organisation_id: int) -> int | None:
    return (
        Scan.objects.filter(organisation_id=organisation_id, status=ScanStatus.DONE)
        .order_by("-applied_at", "-id")
        .values_list("pk", flat=True)
        .first()
    )


def register_is_empty(organisation_id: int) -> bool:
    """No list was ever applied: the first list has nothing to merge with and is applied at once."""
    return not Supplier.objects.filter(organisation_id=organisation_id).exists()


def _batches(ids: set[int]) -> list[list[int]]:
    ordered = sorted(ids)
    return [ordered[start : start + LOOKUP_BATCH] for start in range(0, len(ordered), LOOKUP_BATCH)]


def _names(organisation_id: int, plan: MergePlan) -> tuple[dict[int, str], dict[int, dict[str, Any]]]:
    supplier_refs = set(plan.removed_suppliers)
    risk_refs = {
        p.known.ref for p in plan.risks if p.known is not None and p.outcome != RiskOutcome.UNCHANGED
    }
    risk_refs |= {closure.known.ref for closure in plan.closures}
    suppliers: dict[int, str] = {}
    risks: dict[int, dict[str, Any]] = {}
    for batch in _batches(supplier_refs):
        suppliers.update(
            Supplier.objects.filter(organisation_id=organisation_id, pk__in=batch).values_list("pk", "name")
        )
    for batch in _batches(risk_refs):
        risks.update(
            (row["pk"], dict(row))
            for row in Risk.objects.filter(organisation_id=organisation_id, pk__in=batch).values(
                "pk", "title", "supplier__name"
            )
        )
    return suppliers, risks


def _risk_sample(risk: FoundRisk, names: dict[str, str], **extra: Any) -> dict[str, Any]:
    return {
        "supplier": names.get(risk.supplier_key, ""),
        "theme": risk.theme,
        "good": risk.good or risk.product,
        "country": risk.country,
        "salience": risk.salience,
        "dataset": risk.dataset,
        "edition": risk.edition,
        **extra,
    }


def _shown_changes(changes: dict[str, tuple[Any, Any]]) -> dict[str, list[Any]]:
    # Evidence texts are long: the preview says that they changed, the risk's history keeps both.
    return {name: (["", ""] if name == "evidence" else [old, new]) for name, (old, new) in changes.items()}


def preview_of(plan: MergePlan, staged: StagedList, organisation_id: int) -> dict[str, Any]:
    """The counts of the plan and the first records of each kind, as JSON for the scan page."""
    supplier_names = {supplier.key: supplier.name for supplier in staged.suppliers}
    removed_names, risk_rows = _names(organisation_id, plan)
    samples: dict[str, list[dict[str, Any]]] = {"new": [], "changed": [], "reopened": [], "closed": []}
    for risk_plan in plan.risks:
        bucket = {
            RiskOutcome.NEW: "new",
            RiskOutcome.CHANGED: "changed",
            RiskOutcome.REOPENED: "reopened",
        }.get(risk_plan.outcome)
        if bucket is None or len(samples[bucket]) >= PREVIEW_SAMPLE:
            continue
        extra: dict[str, Any] = {}
        if risk_plan.known is not None:
            extra = {
                "risk_id": risk_plan.known.ref,
                "title": risk_rows.get(risk_plan.known.ref, {}).get("title"),
            }
        if risk_plan.changes:
            extra["changes"] = _shown_changes(dict(risk_plan.changes))
        samples[bucket].append(_risk_sample(risk_plan.found, supplier_names, **extra))
    for closure in plan.closures[:PREVIEW_SAMPLE]:
        row = risk_rows.get(closure.known.ref, {})
        samples["closed"].append(
            {
                "risk_id": closure.known.ref,
                "title": row.get("title", ""),
                "supplier": row.get("supplier__name", ""),
                "theme": closure.known.theme,
                "good": closure.known.good,
                "country": closure.known.country,
                "reason": closure.reason.value,
                "dataset": closure.dataset,
                "edition": closure.edition,
            }
        )
    return {
        "counts": plan.counts(),
        "samples": samples,
        "suppliers_removed": [removed_names.get(ref, "") for ref in plan.removed_suppliers[:PREVIEW_SAMPLE]],
        "changes_anything": plan.changes_anything,
    }


def full_preview(staged: StagedList, organisation_id: int) -> dict[str, Any]:
    """Both ways to merge, the file's duplicates and unmatched rows, and what the preview rests on."""
    return {
        "based_on": last_applied_scan_id(organisation_id),
        "modes": {
            mode.value: preview_of(mode_plan, staged, organisation_id)
            for mode, mode_plan in plans(staged, organisation_id, tuple(MergeMode)).items()
        },
        "suppliers_in_file": len(staged.suppliers),
        "duplicates": [
            {
                "kind": duplicate.kind,
                "supplier": duplicate.supplier,
                "input_rows": list(duplicate.input_rows),
                "names": list(duplicate.names),
            }
            for duplicate in staged.duplicates[:PREVIEW_SAMPLE]
        ],
        "duplicates_count": len(staged.duplicates),
        "unmatched": staged.unmatched,
    }
