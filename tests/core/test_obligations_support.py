"""Builders shared by the obligations tests (no tests here): packaged rules, edited as a law change would."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from imvo.core.obligations import RuleSet, build_ruleset


def packaged_documents() -> list[dict[str, Any]]:
    rules_dir = resources.files("imvo.core.obligations").joinpath("rules")
    return [
        json.loads(entry.read_text(encoding="utf-8"))
        for entry in rules_dir.iterdir()
        if entry.name.endswith(".json")
    ]


def annex_text() -> str:
    return (
        resources.files("imvo.core.obligations").joinpath("data", "annex_i.csv").read_text(encoding="utf-8")
    )


def edited_ruleset(rule_id: str, edit: Callable[[dict[str, Any]], None]) -> RuleSet:
    documents = copy.deepcopy(packaged_documents())
    (target,) = [d for d in documents if d["id"] == rule_id]
    edit(target)
    return build_ruleset(documents, annex_text())


def confirm_value(document: dict[str, Any], name: str, value: int | str) -> None:
    """Pretend a legal text confirmed ``value`` (what a maintainer does once the OJ text is read)."""
    for entry in document["values"]:
        if entry["name"] == name:
            entry.update(value=value, status="confirmed", sources=["test: confirmed text"])
            return
    raise KeyError(name)
