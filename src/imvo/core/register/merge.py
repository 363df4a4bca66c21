"""A new supplier list merged into a register that already holds work: the plan, before anything is
written.

The plan is a pure function of what the register knows (suppliers and scan risks, by reference) and
what the new scan found. The web layer shows it as the preview, and applies the very same plan, so
the preview's counts are what applying does. Nothing here deletes: a risk whose supplier or listing
is gone is *closed* with its reason, and a risk closed that way is *reopened* when a later list
finds it again. Risks closed by a person stay closed.

Two ways to merge:

- ``replace``: the file is the complete supplier list. Suppliers not in it leave the list, and their
  open risks close ("supplier no longer in the list").
- ``add``: the file adds suppliers to the list or updates those it names; other suppliers and their
  risks are left as they are.

In both, a supplier named in the file is described by the file: its risks that the scan no longer
finds close ("no longer listed in ILAB 2024" when the supplier still delivers the same good from the
same country, "products or country changed" otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from imvo.core.register.identity import normalise_name, supplier_name_key, supplier_number_key


class MergeMode(StrEnum):
    REPLACE = "replace"
    ADD = "add"


class CloseReason(StrEnum):
    SUPPLIER_REMOVED = "supplier_removed"
    NOT_LISTED = "not_listed"
    PRODUCT_CHANGED = "product_changed"


class RiskOutcome(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    REOPENED = "reopened"
    UNCHANGED = "unchanged"
    #: Found again, but a person closed it: their decision stands (the scan data are refreshed).
    KEPT_CLOSED = "kept_closed"


#: Fields a scan sets on a risk; a difference in one of them makes the risk "changed".
SCAN_FIELDS = (
    "likelihood",
    "severity",
    "salience",
    "evidence",
    "source_url",
    "dataset",
    "edition",
    "record_id",
)
#: Of those, the ones a person's severity judgement takes over (the judged value stays).
JUDGED_FIELDS = frozenset({"severity", "salience"})
OPEN = "open"
CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class ListedSupplier:
    """One supplier as the new list describes it; several rows of one supplier (one per product)
    are folded into one."""

    key: str  # its own identity: the number key when it has a number, else the name key
    number_key: str
    name_key: str
    supplier_number: str
    name: str
    country: str
    product: str  # the first row's
    hs_code: str
    tier: str
    spend: float | None  # the sum over its rows
    status: str  # the first row's match status
    input_rows: tuple[int, ...]
    #: (matched good, country) of every row, casefolded: what the supplier delivers from where.
    deliveries: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class FoundRisk:
    """A finding of the new scan, for the supplier with key ``supplier_key``."""

    supplier_key: str
    theme: str
    good: str
    country: str
    product: str
    input_row: int
    likelihood: int | None
    severity: int | None
    salience: int | None
    priority: int | None
    evidence: str
    source_url: str
    dataset: str
    edition: str
    record_id: str
    #: For a finding about an input of the good: the input, and its country when known.
    input_good: str = ""
    input_country: str = ""
    #: The evidence as data (:mod:`imvo.core.risk.evidence`), shown in the reader's language.
    evidence_data: str = ""

    def identity(self) -> tuple[str, str, str]:
        return (self.good.casefold().strip(), self.country.upper(), self.theme)


@dataclass(frozen=True, slots=True)
class KnownSupplier:
    ref: int
    number_key: str
    name_key: str
    active: bool


@dataclass(frozen=True, slots=True)
class KnownRisk:
    ref: int
    supplier_ref: int | None
    theme: str
    good: str
    country: str
    status: str
    #: True when the last closing was a scan's (such a risk reopens when it is found again).
    closed_by_scan: bool
    judged: bool
    likelihood: int | None = None
    severity: int | None = None
    salience: int | None = None
    evidence: str = ""
    source_url: str = ""
    dataset: str = ""
    edition: str = ""
    record_id: str = ""

    def identity(self) -> tuple[str, str, str]:
        return (self.good.casefold().strip(), self.country.upper(), self.theme)


@dataclass(frozen=True, slots=True)
class DuplicateRows:
    """Rows of one file that describe the same supplier twice: the same product, or one supplier
    number under different names."""

    kind: str  # "same_product" | "number_names"
    supplier: str
    input_rows: tuple[int, ...]
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SupplierMatch:
    listed: ListedSupplier
    known_ref: int | None  # None: a new supplier


@dataclass(frozen=True, slots=True)
class RiskPlan:
    found: FoundRisk
    known: KnownRisk | None
    outcome: RiskOutcome
    changes: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RiskClosure:
    known: KnownRisk
    reason: CloseReason
    #: For NOT_LISTED: the dataset and edition that no longer list it.
    dataset: str = ""
    edition: str = ""


@dataclass(frozen=True)
class MergePlan:
    mode: MergeMode
    suppliers: Sequence[SupplierMatch]
    removed_suppliers: Sequence[int]
    risks: Sequence[RiskPlan]
    closures: Sequence[RiskClosure]

    def counts(self) -> dict[str, int]:
        """What applying the plan does, by kind of change: the preview shows exactly these."""
        outcomes = {outcome.value: 0 for outcome in RiskOutcome}
        for risk in self.risks:
            outcomes[risk.outcome.value] += 1
        closed = {reason.value: 0 for reason in CloseReason}
        for closure in self.closures:
            closed[closure.reason.value] += 1
        return {
            "suppliers_new": sum(1 for match in self.suppliers if match.known_ref is None),
            "suppliers_kept": sum(1 for match in self.suppliers if match.known_ref is not None),
            "suppliers_removed": len(self.removed_suppliers),
            "risks_new": outcomes["new"],
            "risks_changed": outcomes["changed"],
            "risks_reopened": outcomes["reopened"],
            "risks_unchanged": outcomes["unchanged"],
            "risks_kept_closed": outcomes["kept_closed"],
            "risks_closed": len(self.closures),
            **{f"risks_closed_{reason}": n for reason, n in closed.items()},
        }

    @property
    def changes_anything(self) -> bool:
        counts = self.counts()
        return any(
            counts[name]
            for name in (
                "suppliers_new",
                "suppliers_removed",
                "risks_new",
                "risks_changed",
                "risks_reopened",
                "risks_closed",
            )
        )


def listed_suppliers(
    rows: Iterable[Mapping[str, Any]],
) -> tuple[list[ListedSupplier], list[DuplicateRows]]:
    """Fold the rows of a list (``input_row, supplier_id, supplier, country, product, good, hs_code,
    tier, spend, status``; one per row, in file order) into suppliers, and report duplicates."""
    folded: dict[str, dict[str, Any]] = {}
    products: dict[tuple[str, str, str], list[int]] = {}
    names_of_number: dict[str, dict[str, list[int]]] = {}
    for row in rows:
        number_key = supplier_number_key(row["supplier_id"])
        name_key = supplier_name_key(row["supplier"], row["country"])
        key = number_key or name_key
        entry = folded.get(key)
        if entry is None:
            folded[key] = entry = {
                "key": key,
                "number_key": number_key,
                "name_key": name_key,
                "supplier_number": row["supplier_id"],
                "name": row["supplier"],
                "country": row["country"],
                "product": row["product"],
                "hs_code": row["hs_code"],
                "tier": row["tier"],
                "spend": None,
                "status": row["status"],
                "input_rows": [],
                "deliveries": set(),
            }
        entry["input_rows"].append(row["input_row"])
        entry["deliveries"].add((row["good"].casefold().strip(), row["country"].upper()))
        if row["spend"] is not None:
            entry["spend"] = (entry["spend"] or 0.0) + row["spend"]
        product = " ".join(str(row["product"]).casefold().split())
        products.setdefault((key, product, str(row["hs_code"])), []).append(row["input_row"])
        if number_key:
            names_of_number.setdefault(number_key, {}).setdefault(normalise_name(row["supplier"]), []).append(
                row["input_row"]
            )
    duplicates = [
        DuplicateRows("same_product", folded[key]["name"], tuple(lines))
        for (key, _, _), lines in products.items()
        if len(lines) > 1
    ]
    for number_key, names in names_of_number.items():
        if len(names) > 1:
            entry = folded[number_key]
            duplicates.append(
                DuplicateRows(
                    "number_names",
                    entry["supplier_number"],
                    tuple(sorted(line for lines in names.values() for line in lines)),
                    tuple(sorted(names)),
                )
            )
    suppliers = [
        ListedSupplier(
            **{
                **entry,
                "input_rows": tuple(entry["input_rows"]),
                "deliveries": frozenset(entry["deliveries"]),
            }
        )
        for entry in folded.values()
    ]
    return suppliers, duplicates


def _match_suppliers(listed: Sequence[ListedSupplier], known: Sequence[KnownSupplier]) -> list[SupplierMatch]:
    """A listed supplier is the known one with its number; failing that (no number on either side,
    or a number appearing for the first time), the known one with its name and country."""
    by_number = {supplier.number_key: supplier.ref for supplier in known if supplier.number_key}
    by_name: dict[str, int] = {}
    for known_supplier in known:
        by_name.setdefault(known_supplier.name_key, known_supplier.ref)
    numbered_refs = {supplier.ref for supplier in known if supplier.number_key}
    # Numbers first, so that a name never takes the known supplier another row names by number.
    refs: dict[str, int] = {
        supplier.key: by_number[supplier.number_key]
        for supplier in listed
        if supplier.number_key in by_number
    }
    taken = set(refs.values())
    for supplier in listed:
        if supplier.key in refs:
            continue
        candidate = by_name.get(supplier.name_key)
        # A row with a number may adopt a known supplier without one, never one with another number.
        if candidate is None or candidate in taken or (supplier.number_key and candidate in numbered_refs):
            continue
        refs[supplier.key] = candidate
        taken.add(candidate)
    return [SupplierMatch(supplier, refs.get(supplier.key)) for supplier in listed]


def _changes(known: KnownRisk, found: FoundRisk) -> dict[str, tuple[Any, Any]]:
    changes = {}
    for name in SCAN_FIELDS:
        if known.judged and name in JUDGED_FIELDS:
            continue
        old, new = getattr(known, name), getattr(found, name)
        if old != new:
            changes[name] = (old, new)
    return changes


def _fold_risks(found: Iterable[FoundRisk]) -> dict[tuple[str, tuple[str, str, str]], FoundRisk]:
    """One finding per (supplier, good, country, theme): two rows of one supplier that match the same
    good are one risk, described by its most salient finding."""
    folded: dict[tuple[str, tuple[str, str, str]], FoundRisk] = {}
    for risk in found:
        key = (risk.supplier_key, risk.identity())
        current = folded.get(key)
        if current is None or (risk.salience or 0, -(risk.priority or 0)) > (
            current.salience or 0,
            -(current.priority or 0),
        ):
            folded[key] = risk
    return folded


def _plan_risk(risk: FoundRisk, known: KnownRisk | None) -> RiskPlan:
    if known is None:
        return RiskPlan(risk, None, RiskOutcome.NEW)
    changes = _changes(known, risk)
    if known.status == CLOSED:
        outcome = RiskOutcome.REOPENED if known.closed_by_scan else RiskOutcome.KEPT_CLOSED
    else:
        outcome = RiskOutcome.CHANGED if changes else RiskOutcome.UNCHANGED
    return RiskPlan(risk, known, outcome, changes)


def _closure(
    gone: KnownRisk,
    removed_refs: set[int],
    deliveries: Mapping[int, frozenset[tuple[str, str]]],
    editions: Mapping[str, str],
) -> RiskClosure | None:
    """Why an open risk that the new list no longer finds closes; None when its supplier is not
    concerned (adding a list leaves the suppliers it does not name alone)."""
    assert gone.supplier_ref is not None
    if gone.supplier_ref in removed_refs:
        return RiskClosure(gone, CloseReason.SUPPLIER_REMOVED)
    if gone.supplier_ref not in deliveries:
        return None
    # The supplier still delivers this good from this country: the listing ended.
    if gone.identity()[:2] in deliveries[gone.supplier_ref]:
        return RiskClosure(gone, CloseReason.NOT_LISTED, gone.dataset, editions.get(gone.dataset, ""))
    return RiskClosure(gone, CloseReason.PRODUCT_CHANGED)


def plan_merge(
    mode: MergeMode,
    listed: Sequence[ListedSupplier],
    found: Iterable[FoundRisk],
    known_suppliers: Sequence[KnownSupplier],
    known_risks: Iterable[KnownRisk],
    editions: Mapping[str, str] | None = None,
) -> MergePlan:
    """``editions``: the edition of each dataset in use, named when a listing has ended."""
    matches = _match_suppliers(listed, known_suppliers)
    ref_of = {match.listed.key: match.known_ref for match in matches}
    known_by_identity: dict[tuple[int, tuple[str, str, str]], KnownRisk] = {}
    for known_risk in known_risks:
        if known_risk.supplier_ref is not None:
            known_by_identity.setdefault((known_risk.supplier_ref, known_risk.identity()), known_risk)
    plans = [
        _plan_risk(risk, known_by_identity.get((ref, identity)) if (ref := ref_of[key]) is not None else None)
        for (key, identity), risk in _fold_risks(found).items()
    ]
    seen = {plan.known.ref for plan in plans if plan.known is not None}
    listed_refs = {ref for ref in ref_of.values() if ref is not None}
    removed = (
        [supplier.ref for supplier in known_suppliers if supplier.active and supplier.ref not in listed_refs]
        if mode is MergeMode.REPLACE
        else []
    )
    # Per listed known supplier: the (good, country) pairs it still delivers, to tell a listing that
    # ended from a product or country that changed.
    deliveries = {
        match.known_ref: match.listed.deliveries for match in matches if match.known_ref is not None
    }
    removed_refs = set(removed)
    closures = [
        closure
        for gone in known_by_identity.values()
        if gone.ref not in seen and gone.status != CLOSED
        if (closure := _closure(gone, removed_refs, deliveries, editions or {})) is not None
    ]
    closures.sort(key=lambda closure: closure.known.ref)
    return MergePlan(mode, matches, removed, plans, closures)
