"""Audit actions are a vocabulary: every action the code records has a label in English and Dutch.

The source is read, not run: every ``record_audit_event(...)`` call in ``src/imvo`` is found and its
action argument resolved (a string literal, an ``AuditAction.X`` member, either branch of a
conditional, or, when a helper passes its own parameter along, the values its callers pass).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.utils import translation

from imvo.web.audit.vocabulary import AuditAction, action_label

SOURCE = Path(__file__).resolve().parents[2] / "src" / "imvo"
RECORDER = "record_audit_event"
ACTION_POSITION = 2  # record_audit_event(actor, organisation, action, ...)
Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class Found:
    """What the scan found: each action value with where it is recorded, and what it could not read."""

    actions: dict[str, list[str]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def add(self, value: str, where: str) -> None:
        self.actions.setdefault(value, []).append(where)


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _argument(call: ast.Call, position: int, name: str) -> ast.expr | None:
    if len(call.args) > position and not any(isinstance(arg, ast.Starred) for arg in call.args[:position]):
        return call.args[position]
    return next((keyword.value for keyword in call.keywords if keyword.arg == name), None)


def _functions(tree: ast.AST) -> Iterator[tuple[Function | None, ast.Call]]:
    """Every call with the innermost function it is written in (None at module level)."""

    def visit(
        node: ast.AST, function: ast.FunctionDef | ast.AsyncFunctionDef | None
    ) -> Iterator[tuple[Function | None, ast.Call]]:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if isinstance(child, ast.Call):
                yield function, child
            yield from visit(child, inner)

    yield from visit(tree, None)


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.arg]:
    return [*function.args.posonlyargs, *function.args.args]


def scan(sources: Iterable[tuple[str, str]]) -> Found:
    """The actions recorded in ``sources`` (pairs of a name and Python source text)."""
    trees = [(name, ast.parse(text, filename=name)) for name, text in sources]
    found = Found()
    # Functions that record (or pass on) an action: name -> (position, parameter name) of the action.
    recorders: dict[str, tuple[int, str]] = {RECORDER: (ACTION_POSITION, "action")}
    done: set[str] = set()
    while pending := [name for name in recorders if name not in done]:
        for recorder in pending:
            done.add(recorder)
            position, parameter = recorders[recorder]
            for file_name, tree in trees:
                for function, call in _functions(tree):
                    if _called_name(call) != recorder:
                        continue
                    where = f"{file_name}:{call.lineno}"
                    expression = _argument(call, position, parameter)
                    if expression is None:
                        found.unreadable.append(f"{where}: {recorder}(...) without an action")
                        continue
                    for value in _values(expression, function, recorders, where, found):
                        found.add(value, where)
    return found


def _values(
    expression: ast.expr,
    function: Function | None,
    recorders: dict[str, tuple[int, str]],
    where: str,
    found: Found,
) -> list[str]:
    if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
        return [expression.value]
    if (
        isinstance(expression, ast.Attribute)
        and isinstance(expression.value, ast.Name)
        and expression.value.id == AuditAction.__name__
    ):
        member = AuditAction.__members__.get(expression.attr)
        if member is None:
            found.unreadable.append(f"{where}: AuditAction.{expression.attr} does not exist")
            return []
        return [member.value]
    if isinstance(expression, ast.IfExp):
        return [
            *_values(expression.body, function, recorders, where, found),
            *_values(expression.orelse, function, recorders, where, found),
        ]
    if isinstance(expression, ast.Name) and function is not None:
        parameters = _parameters(function)
        names = [parameter.arg for parameter in parameters]
        if expression.id in names:  # a helper passing its caller's action along: read its callers
            recorders.setdefault(function.name, (names.index(expression.id), expression.id))
            return []
        keyword_only = [parameter.arg for parameter in function.args.kwonlyargs]
        if expression.id in keyword_only:
            recorders.setdefault(function.name, (len(names) + 1000, expression.id))  # by keyword only
            return []
    found.unreadable.append(
        f"{where}: the action {ast.unparse(expression)!r} is neither a string nor an AuditAction member"
    )
    return []


def _source_files() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(SOURCE.parent)), path.read_text(encoding="utf-8"))
        for path in sorted(SOURCE.rglob("*.py"))
    ]


# --- the scanner itself ---------------------------------------------------------------------------
SYNTHETIC = """
from imvo.web.audit.trail import record_audit_event
from imvo.web.audit.vocabulary import AuditAction


def literal(actor, organisation):
    record_audit_event(actor, organisation, "frobnicate", None)


def member(actor, organisation, approve):
    record_audit_event(actor, organisation, AuditAction.PUBLISH)
    trail.record_audit_event(actor, organisation, action="approve_review" if approve else "reject_review")


def helper(actor, organisation, what, obj):
    record_audit_event(actor, organisation, what, obj)


def keyword_helper(actor, *, verb):
    record_audit_event(actor, None, verb)


def callers(actor, organisation):
    helper(actor, organisation, "passed_along", None)
    module.helper(actor, organisation, what="by_keyword", obj=None)
    keyword_helper(actor, verb=AuditAction.LINK)


def unreadable(actor, organisation, obj):
    verb = compute()
    record_audit_event(actor, organisation, AuditAction.NO_SUCH_ACTION)
    record_audit_event(actor, organisation, obj.verb)
    something(actor).record_audit_event(actor, organisation, verb)
"""


def test_the_scanner_reads_literals_members_conditionals_and_helpers():
    found = scan([("synthetic.py", SYNTHETIC)])
    assert set(found.actions) == {
        "frobnicate",
        "publish",
        "approve_review",
        "reject_review",
        "passed_along",
        "by_keyword",
        "link",
    }
    assert found.actions["frobnicate"] == ["synthetic.py:7"]
    assert len(found.unreadable) == 3
    assert any("NO_SUCH_ACTION" in problem for problem in found.unreadable)
    assert any("obj.verb" in problem for problem in found.unreadable)


def test_the_scanner_would_catch_a_new_unlabelled_action():
    found = scan([("new.py", "def f(a, o):\n    record_audit_event(a, o, 'frobnicate')\n")])
    assert sorted(set(found.actions) - set(AuditAction.values)) == ["frobnicate"]


# --- the code base --------------------------------------------------------------------------------
def test_every_recorded_action_is_in_the_vocabulary():
    found = scan(_source_files())
    assert found.unreadable == []
    assert len(found.actions) > 30  # the scan found the code's events (a broken scan finds none)
    unknown = {action: places for action, places in found.actions.items() if action not in AuditAction.values}
    assert unknown == {}, "add these actions, with a label, to imvo.web.audit.vocabulary.AuditAction"


def test_every_action_has_a_label_in_english_and_dutch():
    untranslated = []
    for action in AuditAction:
        with translation.override("en"):
            english = str(action.label)
        with translation.override("nl"):
            dutch = str(action.label)
            shown = action_label(action.value)
        assert english, action.value
        assert shown == dutch
        if dutch == english:
            untranslated.append(action.value)
    assert untranslated == []


def test_an_old_event_outside_the_vocabulary_still_reads():
    assert action_label("retired_action") == "retired action"


# --- the runtime guard ----------------------------------------------------------------------------
@pytest.mark.django_db
def test_recording_an_action_outside_the_vocabulary_fails_loudly(alice, acme):
    from imvo.web.audit.models import AuditEvent
    from imvo.web.audit.trail import record_audit_event

    with pytest.raises(ValueError, match="frobnicate"):
        record_audit_event(alice, acme, "frobnicate", None, {}, object_type="risk", object_id=1)
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_members_and_their_strings_record_the_same_event(alice, acme):
    from imvo.web.audit.trail import record_audit_event

    by_member = record_audit_event(alice, acme, AuditAction.PUBLISH, None, {}, object_type="report")
    by_string = record_audit_event(alice, acme, "publish", None, {}, object_type="report")
    by_member.refresh_from_db()
    assert by_member.action == by_string.action == "publish"
    assert type(by_member.action) is str
