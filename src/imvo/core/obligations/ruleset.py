"""Load the rules (``rules/*.json``) and the completed Annex I (``data/annex_i.csv``) from package data."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from imvo.core.obligations.cmr import AnnexLine, parse_annex_csv
from imvo.core.obligations.model import ObligationSpec, OperatorValue, Requirement, Rule, RuleValue

_PACKAGE = "imvo.core.obligations"


@dataclass(frozen=True)
class RuleSet:
    """The rules and Annex I; ``version`` fingerprints them (and the administrators' values, if any).

    ``base_version`` is the fingerprint of the shipped rules alone and ``operator_values`` the values
    this installation's administrators set over them (:func:`imvo.core.obligations.legal_values.
    apply_operator_values`); both are empty/equal for the shipped rule set.
    """

    rules: tuple[Rule, ...]
    annex: tuple[AnnexLine, ...]
    version: str
    base_version: str = ""
    operator_values: tuple[OperatorValue, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Every rule with its values and sources, for a "legal basis" page."""
        return {
            "version": self.version,
            "base_version": self.base_version or self.version,
            "operator_values": [value.to_dict() for value in self.operator_values],
            "rules": [rule.to_dict() for rule in self.rules],
        }

    def rule(self, rule_id: str) -> Rule:
        for candidate in self.rules:
            if candidate.id == rule_id:
                return candidate
        raise KeyError(rule_id)


@lru_cache(maxsize=1)
def load_ruleset() -> RuleSet:
    """The packaged rules; ``version`` is a hash of every rule file and the Annex I table."""
    rules_dir = resources.files(_PACKAGE).joinpath("rules")
    texts = sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in rules_dir.iterdir()
        if entry.name.endswith(".json")
    )
    annex_text = resources.files(_PACKAGE).joinpath("data", "annex_i.csv").read_text(encoding="utf-8")
    return build_ruleset([json.loads(text) for _, text in texts], annex_text)


def build_ruleset(rule_documents: list[dict[str, Any]], annex_csv_text: str) -> RuleSet:
    """Build a rule set from parsed rule documents; tests use this to model a future commencement."""
    rules = tuple(rule_from_document(document) for document in rule_documents)
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate rule ids: {ids}")
    digest = hashlib.sha256()
    for document in sorted(rule_documents, key=lambda d: str(d["id"])):
        digest.update(json.dumps(document, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    digest.update(annex_csv_text.encode("utf-8"))
    version = digest.hexdigest()[:16]
    return RuleSet(rules=rules, annex=parse_annex_csv(annex_csv_text), version=version, base_version=version)


def _risk_categories(document: dict[str, Any]) -> tuple[tuple[str, ...], dict[str, str]]:
    """The category names, and every other name (a part, an earlier name) case-folded to its category."""
    names: list[str] = []
    aliases: dict[str, str] = {}
    for entry in document.get("risk_categories", []):
        name = str(entry["name"]) if isinstance(entry, dict) else str(entry)
        names.append(name)
        includes = entry.get("includes", []) if isinstance(entry, dict) else []
        for alias in (name, *(str(other) for other in includes)):
            aliases[alias.casefold()] = name
    return tuple(names), aliases


def rule_from_document(document: dict[str, Any]) -> Rule:
    categories, aliases = _risk_categories(document)
    return Rule(
        id=str(document["id"]),
        kind=str(document["kind"]),
        title_en=str(document["title"]["en"]),
        title_nl=str(document["title"]["nl"]),
        instrument=str(document["instrument"]),
        instrument_nl=str(document.get("instrument_nl", "")),
        reference=str(document["reference"]),
        reference_nl=str(document.get("reference_nl", "")),
        url=str(document["url"]),
        status=str(document["status"]),
        status_note=str(document["status_note"]),
        status_note_nl=str(document.get("status_note_nl", "")),
        in_force_from=_date_or_none(document.get("in_force_from")),
        in_force_until=_date_or_none(document.get("in_force_until")),
        facts_needed=tuple(str(f) for f in document.get("facts_needed", [])),
        values=tuple(_value(v) for v in document.get("values", [])),
        obligations=tuple(
            ObligationSpec(
                id=str(o["id"]),
                article=str(o["article"]),
                article_nl=str(o.get("article_nl", "")),
                en=str(o["en"]),
                nl=str(o["nl"]),
                deadline=o.get("deadline"),
                register_keys=tuple(str(k) for k in o.get("register_keys", [])),
            )
            for o in document.get("obligations", [])
        ),
        requirements=tuple(
            Requirement(
                id=str(r["id"]), register_key=str(r["register_key"]), en=str(r["en"]), nl=str(r["nl"])
            )
            for r in document.get("requirements", [])
        ),
        risk_categories=categories,
        risk_category_aliases=aliases,
        earlier_risk_categories=tuple(str(c) for c in document.get("earlier_risk_categories", [])),
        risk_categories_sources=tuple(str(s) for s in document.get("risk_categories_sources", [])),
        outlook=dict(document.get("outlook") or {}),
    )


def _value(document: dict[str, Any]) -> RuleValue:
    status = document["status"]
    if status not in ("confirmed", "unknown"):
        raise ValueError(f"value {document['name']}: status must be confirmed or unknown, not {status!r}")
    value = document.get("value")
    if status == "unknown" and value is not None:
        raise ValueError(f"value {document['name']}: an unknown value must have value null")
    if status == "confirmed" and not document.get("sources"):
        raise ValueError(f"value {document['name']}: a confirmed value needs a source")
    return RuleValue(
        name=str(document["name"]),
        value=value,
        unit=str(document["unit"]),
        valid_from=_date_or_none(document.get("valid_from")),
        valid_until=_date_or_none(document.get("valid_until")),
        status=status,
        sources=tuple(str(s) for s in document.get("sources", [])),
        note=str(document.get("note", "")),
        reported_value=document.get("reported_value"),
        reported_by=str(document.get("reported_by", "")),
    )


def _date_or_none(text: object) -> date | None:
    if text is None:
        return None
    return date.fromisoformat(str(text))
