"""Legal values an installation's administrators set over the shipped rules, and the file they come in.

imvo ships every legal value with its basis (:class:`~imvo.core.obligations.model.RuleValue`): read in
the legal text, only reported by secondary sources, or unknown. An installation that tracks the Official
Journal can set a value itself, with its citation: the web layer stores it, has a second administrator
approve it and passes the approved values to :func:`apply_operator_values`, which returns the rule set
the engine then uses, with its own version (so every result says which law it was computed under).

The same values can come from a CSV or XLSX file (``imvo legal load values.csv``), one value per row::

    rule_id,name,value,valid_from,valid_until,act,article,oj_reference,url,note,override_verified
    eu-cmr,annex_i.A3,…,,,Commission Delegated Regulation (EU) 2020/1588,Annex,"OJ L 360, 30.10.2020",https://…,,
    eu-csddd,employees_more_than,…,,,Directive (EU) 2026/470,Art. 1,"OJ L, 2026/470",https://…,,

:func:`read_legal_values` checks every row against the rule set and raises :class:`LegalValuesError`
listing every problem (line, column, message, accepted values); nothing is used unless the whole file
is clean. A row that replaces a value shipped as verified must say so (``override_verified`` = yes).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from imvo.core.obligations.cmr import AnnexLine
from imvo.core.obligations.messages import message
from imvo.core.obligations.model import Citation, OperatorEntry, OperatorValue, Rule, RuleValue
from imvo.core.obligations.ruleset import RuleSet
from imvo.core.tabular import FileLimits, HeadedTable, InputError, InputProblem, read_table

COLUMNS = (
    "rule_id",
    "name",
    "value",
    "valid_from",
    "valid_until",
    "act",
    "article",
    "oj_reference",
    "url",
)
OPTIONAL_COLUMNS = ("note", "override_verified")

#: Longest text per column (the web layer's columns are at least this long).
MAX_LENGTHS = {"act": 300, "article": 200, "oj_reference": 200, "url": 500, "note": 1000}

#: Units whose values are whole numbers (a threshold, a number of months); ``date`` values are ISO dates.
#: A value of unit ``rule`` (e.g. how a threshold boundary is read) is not a number to set.
NUMBER_UNITS = frozenset({"EUR", "employees", "kg", "months"})

ANNEX_PREFIX = "annex_i."
CMR_RULE = "eu-cmr"

LEGAL_VALUE_FILE_LIMITS = FileLimits(max_bytes=2 * 1024 * 1024, max_rows=2000)


class LegalValuesError(InputError):
    """The legal values file cannot be used; ``problems`` lists every problem found."""


@dataclass(frozen=True)
class ValueTarget:
    """A legal value administrators may set: a rule's value or an Annex I threshold, and what is shipped."""

    rule_id: str
    name: str
    unit: str
    shipped: tuple[RuleValue, ...]
    annex_line: AnnexLine | None = None

    @property
    def dated(self) -> bool:
        return any(v.valid_from is not None or v.valid_until is not None for v in self.shipped)

    def shipped_for(self, valid_from: date | None, valid_until: date | None) -> RuleValue | None:
        """The shipped value of exactly this period, if there is one."""
        for value in self.shipped:
            if (value.valid_from, value.valid_until) == (valid_from, valid_until):
                return value
        return None


@dataclass(frozen=True)
class LegalValueRow:
    """One value as an administrator proposes it (a row of the file, or the web form)."""

    rule_id: str
    name: str
    value: int | str
    valid_from: date | None
    valid_until: date | None
    citation: Citation
    note: str = ""
    override_verified: bool = False
    line: int | None = None

    @property
    def key(self) -> tuple[str, str, date | None, date | None]:
        return (self.rule_id, self.name, self.valid_from, self.valid_until)


@dataclass(frozen=True)
class Problem:
    """What is wrong with one column of a proposed value: the English ``message`` the command line
    prints, and its ``code`` and ``params`` for a screen in another language
    (:func:`imvo.core.obligations.messages.problem_text`)."""

    column: str
    message: str
    accepted: str | None = None
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)


def _problem(column: str, code: str, **params: Any) -> Problem:
    text, accepted = message(code, **params)
    return Problem(column, text, accepted, code, params)


def _annex_value(line: AnnexLine) -> RuleValue:
    """An Annex I threshold as a rule value, so both kinds are listed, checked and shown alike."""
    status = "operator" if line.operator is not None else "confirmed" if line.threshold_kg else "unknown"
    return RuleValue(
        name=ANNEX_PREFIX + line.line_id,
        value=line.threshold_kg,
        unit="kg",
        valid_from=None,
        valid_until=None,
        status=status,  # type: ignore[arg-type]
        sources=(line.source,),
        note=line.notes,
        reported_value=line.reported_threshold_kg,
        reported_by=line.reported_source,
        operator=line.operator,
    )


def value_targets(ruleset: RuleSet) -> list[ValueTarget]:
    """Every value administrators may set, in rule order, with the Annex I thresholds after the CMR's."""
    targets: list[ValueTarget] = []
    for rule in ruleset.rules:
        names: dict[str, list[RuleValue]] = {}
        for value in rule.values:
            if value.unit in NUMBER_UNITS or value.unit == "date":
                names.setdefault(value.name, []).append(value)
        targets += [ValueTarget(rule.id, name, vs[0].unit, tuple(vs)) for name, vs in names.items()]
        if rule.id == CMR_RULE:
            targets += [
                ValueTarget(CMR_RULE, ANNEX_PREFIX + line.line_id, "kg", (_annex_value(line),), line)
                for line in ruleset.annex
            ]
    return targets


def find_target(ruleset: RuleSet, rule_id: str, name: str) -> ValueTarget | None:
    return next((t for t in value_targets(ruleset) if (t.rule_id, t.name) == (rule_id, name)), None)


_THOUSANDS = re.compile(r"[\s_\u00a0]")


def parse_value(text: str, unit: str) -> int | str:
    """A value as written (``1 500 000 000``, ``2029-07-26``) in its unit; ``ValueError`` if it is not."""
    cleaned = text.strip()
    if unit == "date":
        return date.fromisoformat(cleaned).isoformat()
    digits = _THOUSANDS.sub("", cleaned)
    if not digits.isdigit() or int(digits) <= 0:
        raise ValueError(message("legal.not_a_number", text=text)[0])
    return int(digits)


def _date(text: str, column: str, problems: list[Problem]) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        problems.append(_problem(column, "legal.not_a_date", text=text))
        return None


def _citation(fields: Mapping[str, str], problems: list[Problem]) -> Citation:
    for column in ("act", "article", "oj_reference", "url"):
        if not fields.get(column, "").strip():
            problems.append(_problem(column, f"legal.required.{column}"))
    for column, limit in MAX_LENGTHS.items():
        if len(fields.get(column, "")) > limit:
            problems.append(_problem(column, "legal.too_long", limit=limit))
    url = fields.get("url", "").strip()
    if url and not re.fullmatch(r"https?://\S+", url):
        problems.append(_problem("url", "legal.not_a_web_address", url=url))
    return Citation(
        act=fields.get("act", "").strip(),
        article=fields.get("article", "").strip(),
        oj_reference=fields.get("oj_reference", "").strip(),
        url=url,
    )


def _period(
    target: ValueTarget, valid_from: date | None, valid_until: date | None, problems: list[Problem]
) -> None:
    """A dated value replaces the shipped value of exactly its period or adds one that overlaps none."""
    if valid_from and valid_until and valid_from > valid_until:
        problems.append(_problem("valid_until", "legal.period_reversed", start="valid_from"))
        return
    if not target.dated:
        if valid_from or valid_until:
            problems.append(_problem("valid_from", "legal.no_period", start="valid_from", end="valid_until"))
        return
    if target.shipped_for(valid_from, valid_until) is not None:
        return
    low, high = valid_from or date.min, valid_until or date.max
    for shipped in target.shipped:
        if low <= (shipped.valid_until or date.max) and (shipped.valid_from or date.min) <= high:
            problems.append(
                _problem(
                    "valid_from",
                    "legal.period_overlaps",
                    period_from=str(shipped.valid_from or "…"),
                    period_until=str(shipped.valid_until or "…"),
                )
            )
            return


def check_row(ruleset: RuleSet, fields: Mapping[str, str]) -> tuple[LegalValueRow | None, list[Problem]]:
    """One proposed value (``fields`` by column name, as text) checked against the rule set."""
    problems: list[Problem] = []
    rule_id, name = fields.get("rule_id", "").strip(), fields.get("name", "").strip()
    targets = value_targets(ruleset)
    rule_ids = sorted({t.rule_id for t in targets})
    target = next((t for t in targets if (t.rule_id, t.name) == (rule_id, name)), None)
    if rule_id not in rule_ids:
        problems.append(
            _problem("rule_id", "legal.unknown_rule", rule_id=rule_id, rule_ids=", ".join(rule_ids))
        )
    elif target is None:
        names = [t.name for t in targets if t.rule_id == rule_id]
        problems.append(
            _problem("name", "legal.unknown_name", name=name, rule_id=rule_id, names=_accepted_names(names))
        )
    value: int | str | None = None
    if target is not None:
        text = fields.get("value", "")
        try:
            value = parse_value(text, target.unit)
        except ValueError:
            if target.unit == "date":
                problems.append(_problem("value", "legal.value_not_a_date", text=text.strip()))
            else:
                problems.append(_problem("value", "legal.not_a_number", text=text))
    valid_from = _date(fields.get("valid_from", ""), "valid_from", problems)
    valid_until = _date(fields.get("valid_until", ""), "valid_until", problems)
    citation = _citation(fields, problems)
    override = fields.get("override_verified", "").strip().lower() in ("yes", "true", "1", "ja")
    if target is not None:
        _period(target, valid_from, valid_until, problems)
        shipped = target.shipped_for(valid_from, valid_until)
        if (
            shipped is not None
            and shipped.status == "confirmed"
            and shipped.value is not None
            and not override
        ):
            problems.append(
                _problem(
                    "override_verified",
                    "legal.overrides_verified",
                    value=shipped.value,
                    sources="; ".join(shipped.sources),
                    field="override_verified",
                )
            )
    if problems or target is None or value is None:
        return None, problems
    row = LegalValueRow(
        rule_id=rule_id,
        name=name,
        value=value,
        valid_from=valid_from,
        valid_until=valid_until,
        citation=citation,
        note=fields.get("note", "").strip(),
        override_verified=override,
    )
    return row, []


def _accepted_names(names: Sequence[str]) -> str:
    annex = [n for n in names if n.startswith(ANNEX_PREFIX)]
    others = [n for n in names if not n.startswith(ANNEX_PREFIX)]
    shown = others + ([f"{annex[0]} … {annex[-1]}"] if annex else [])
    return ", ".join(shown)


def read_legal_values(path: Path, ruleset: RuleSet, *, file: str | None = None) -> tuple[LegalValueRow, ...]:
    """Every row of a legal values file (CSV or XLSX), checked; :class:`LegalValuesError` lists every
    problem with its line and column, and then no row is returned."""
    try:
        with read_table(
            Path(path),
            LEGAL_VALUE_FILE_LIMITS,
            file=file or str(path),
            what="a list of legal values",
            layout="a header row (" + ", ".join(COLUMNS) + "), then one value per row",
        ) as table:
            return _read_rows(table, ruleset)
    except LegalValuesError:
        raise
    except InputError as error:
        raise LegalValuesError(error.problems) from None


def _read_rows(table: HeadedTable, ruleset: RuleSet) -> tuple[LegalValueRow, ...]:
    header = [h.strip().lower() for h in table.headers]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        params = {"columns": ", ".join(missing), "expected": ", ".join(COLUMNS + OPTIONAL_COLUMNS)}
        text, accepted = message("file.missing_columns", **params)
        raise LegalValuesError(
            [
                InputProblem(
                    table.file,
                    table.header_line,
                    None,
                    text,
                    accepted,
                    "error",
                    "file.missing_columns",
                    params,
                )
            ]
        )
    log = table.problems
    rows: list[LegalValueRow] = []
    seen: dict[tuple[str, str, date | None, date | None], int] = {}
    for line, _, cells in table.rows():
        fields = dict(zip(header, (cell.strip() for cell in cells), strict=True))
        row, problems = check_row(ruleset, fields)
        for problem in problems:
            log.add(
                line,
                problem.column,
                problem.message,
                problem.accepted,
                code=problem.code,
                params=problem.params,
            )
        if row is None:
            continue
        if row.key in seen:
            duplicate = _problem("name", "legal.duplicate", line=seen[row.key])
            log.add(line, duplicate.column, duplicate.message, code=duplicate.code, params=duplicate.params)
            continue
        seen[row.key] = line
        rows.append(dataclasses.replace(row, line=line))
    if log.problems:
        raise LegalValuesError(log.finished())
    if not rows:
        empty = _problem("", "legal.no_values")
        raise LegalValuesError(
            [InputProblem(table.file, table.header_line, None, empty.message, None, code=empty.code)]
        )
    return tuple(rows)


# --- Applying approved values -------------------------------------------------------------------------


def _replaced(entry: OperatorEntry, shipped: RuleValue | None) -> OperatorEntry:
    if shipped is None:
        return dataclasses.replace(entry, replaced_status=None, replaced_value=None, replaced_sources=())
    was = shipped.value if shipped.status == "confirmed" else shipped.reported_value
    return dataclasses.replace(
        entry, replaced_status=shipped.status, replaced_value=was, replaced_sources=shipped.sources
    )


def _operator_rule_value(value: OperatorValue, shipped: RuleValue | None, unit: str) -> RuleValue:
    return RuleValue(
        name=value.name,
        value=value.value,
        unit=unit,
        valid_from=value.valid_from,
        valid_until=value.valid_until,
        status="operator",
        sources=(value.entry.citation.text(),),
        note=value.note or (shipped.note if shipped is not None else ""),
        operator=_replaced(value.entry, shipped),
    )


def _apply_to_rule(rule: Rule, values: Sequence[OperatorValue]) -> tuple[Rule, list[OperatorValue]]:
    applied: list[OperatorValue] = []
    new_values = list(rule.values)
    for value in values:
        shipped_index = next(
            (
                i
                for i, shipped in enumerate(new_values)
                if (shipped.name, shipped.valid_from, shipped.valid_until)
                == (value.name, value.valid_from, value.valid_until)
            ),
            None,
        )
        unit = next((v.unit for v in rule.values if v.name == value.name), None)
        if unit is None:
            continue  # the rules no longer have this value: it is listed as not applied
        if shipped_index is None:
            new_values.append(_operator_rule_value(value, None, unit))
        else:
            new_values[shipped_index] = _operator_rule_value(value, new_values[shipped_index], unit)
        applied.append(value)
    return dataclasses.replace(rule, values=tuple(new_values)), applied


def _apply_to_annex(
    annex: Sequence[AnnexLine], values: Sequence[OperatorValue]
) -> tuple[tuple[AnnexLine, ...], list[OperatorValue]]:
    by_line = {v.name.removeprefix(ANNEX_PREFIX): v for v in values}
    lines: list[AnnexLine] = []
    applied: list[OperatorValue] = []
    for line in annex:
        value = by_line.get(line.line_id)
        if value is None or value.valid_from is not None or value.valid_until is not None:
            lines.append(line)
            continue
        entry = _replaced(value.entry, _annex_value(line))
        lines.append(dataclasses.replace(line, threshold_kg=int(value.value), operator=entry))
        applied.append(value)
    return tuple(lines), applied


def apply_operator_values(ruleset: RuleSet, values: Iterable[OperatorValue]) -> RuleSet:
    """The rule set with the administrators' approved values in place of the shipped ones.

    Its ``version`` changes with every value (and citation) set, and equals the shipped version again
    when none is. A value whose rule or name the shipped rules no longer have is left out of
    ``operator_values`` (a page can list it as not applied).
    """
    chosen = list(values)
    if not chosen:
        return ruleset
    base = ruleset.base_version or ruleset.version
    rules: list[Rule] = []
    applied: list[OperatorValue] = []
    for rule in ruleset.rules:
        mine = [v for v in chosen if v.rule_id == rule.id and not v.name.startswith(ANNEX_PREFIX)]
        new_rule, done = _apply_to_rule(rule, mine)
        rules.append(new_rule)
        applied += done
    annex, done = _apply_to_annex(
        ruleset.annex, [v for v in chosen if v.rule_id == CMR_RULE and v.name.startswith(ANNEX_PREFIX)]
    )
    applied += done
    if not applied:
        return ruleset
    return RuleSet(
        rules=tuple(rules),
        annex=annex,
        version=operator_version(base, applied),
        base_version=base,
        operator_values=tuple(sorted(applied, key=_sort_key)),
    )


def _sort_key(value: OperatorValue) -> tuple[str, str, str, str]:
    return (value.rule_id, value.name, str(value.valid_from or ""), str(value.valid_until or ""))


def operator_version(base_version: str, values: Iterable[OperatorValue]) -> str:
    """The fingerprint of the shipped rules plus the administrators' values (and their citations)."""
    payload: list[Any] = [base_version, [v.fingerprint() for v in sorted(values, key=_sort_key)]]
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()[:16]
