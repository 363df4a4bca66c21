"""Pure grievance logic: phases and deadlines, references and access codes, redaction, figures."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imvo.core.grievances import (
    ACCESS_CODE_BITS,
    DEFAULT_DEADLINE_DAYS,
    REDACTED,
    LockoutPolicy,
    Phase,
    access_code_matches,
    allowed_transitions,
    days_overdue,
    deadline_for,
    hash_access_code,
    is_overdue,
    is_valid_reference,
    new_access_code,
    new_case_reference,
    normalise_code,
    redact,
    register_failed_attempt,
)
from imvo.core.grievances.codes import canonical_reference, is_locked
from imvo.core.grievances.figures import (
    CaseFacts,
    PhaseSpell,
    bar_chart_svg,
    effectiveness_figures,
    figures_rows,
)

START = datetime(2026, 1, 1, 12, tzinfo=UTC)


# --- phases --------------------------------------------------------------------------------------
def test_the_default_deadlines_follow_the_ncp_guidance():
    assert DEFAULT_DEADLINE_DAYS[Phase.INITIAL_ASSESSMENT] == 90
    assert DEFAULT_DEADLINE_DAYS[Phase.GOOD_OFFICES] == 180
    assert DEFAULT_DEADLINE_DAYS[Phase.OUTCOME] == 90


def test_a_case_moves_forward_and_can_always_be_closed_but_never_reopened():
    assert allowed_transitions(Phase.RECEIVED) == (Phase.INITIAL_ASSESSMENT, Phase.CLOSED)
    assert Phase.GOOD_OFFICES in allowed_transitions(Phase.INITIAL_ASSESSMENT)
    assert Phase.RECEIVED not in allowed_transitions(Phase.GOOD_OFFICES)
    assert allowed_transitions(Phase.CLOSED) == ()
    for phase in Phase:
        assert phase not in allowed_transitions(phase)


def test_deadline_arithmetic_and_overdue_flag():
    deadlines = {Phase.INITIAL_ASSESSMENT: 90}
    assert deadline_for(Phase.INITIAL_ASSESSMENT, START, deadlines) == START + timedelta(days=90)
    on_time = START + timedelta(days=90)
    assert not is_overdue(Phase.INITIAL_ASSESSMENT, START, on_time, deadlines)
    late = START + timedelta(days=95)
    assert days_overdue(Phase.INITIAL_ASSESSMENT, START, late, deadlines) == 5
    assert days_overdue(Phase.INITIAL_ASSESSMENT, START, on_time + timedelta(hours=1), deadlines) == 1
    assert deadline_for(Phase.CLOSED, START, deadlines) is None
    assert not is_overdue(Phase.GOOD_OFFICES, START, late, deadlines)  # no deadline configured


# --- references and access codes ------------------------------------------------------------------
def test_references_are_random_well_formed_and_checked():
    references = {new_case_reference() for _ in range(200)}
    assert len(references) == 200
    for reference in references:
        assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]", reference)
        assert is_valid_reference(reference)
        assert is_valid_reference(reference.lower().replace("-", " "))
        assert canonical_reference(reference.lower()) == reference


def test_a_single_typing_error_in_a_reference_is_caught():
    reference = new_case_reference()
    symbols = reference.replace("-", "")
    for position in range(len(symbols) - 1):
        replacement = "7" if symbols[position] != "7" else "8"
        typo = symbols[:position] + replacement + symbols[position + 1 :]
        assert not is_valid_reference(typo)
    assert not is_valid_reference("")
    assert not is_valid_reference("AAAA-AAAA-AAAA")


def test_access_codes_carry_at_least_128_random_bits():
    assert ACCESS_CODE_BITS >= 128
    code = new_access_code()
    symbols = normalise_code(code)
    assert len(symbols) * 5 >= 128
    assert len({new_access_code() for _ in range(100)}) == 100


def test_access_codes_are_stored_hashed_and_verified_tolerantly():
    code = new_access_code()
    stored = hash_access_code(code)
    assert code.replace("-", "") not in stored
    assert access_code_matches(code, stored)
    assert access_code_matches(code.lower().replace("-", " "), stored)
    assert not access_code_matches(new_access_code(), stored)
    assert not access_code_matches("", stored)


@given(st.text(max_size=60))
def test_normalising_is_idempotent_and_never_fails(text):
    once = normalise_code(text)
    assert normalise_code(once) == once
    assert "-" not in once
    assert " " not in once
    hash_access_code(text)  # any input hashes
    is_valid_reference(text)


def test_repeated_wrong_codes_lock_the_case_for_a_while():
    policy = LockoutPolicy(max_failures=3, lock_for=timedelta(minutes=30))
    failures, locked_until = 0, None
    for _attempt in range(2):
        failures, locked_until = register_failed_attempt(failures, START, policy)
        assert locked_until is None
    failures, locked_until = register_failed_attempt(failures, START, policy)
    assert locked_until == START + timedelta(minutes=30)
    assert failures == 0
    assert is_locked(locked_until, START + timedelta(minutes=29))
    assert not is_locked(locked_until, START + timedelta(minutes=31))
    assert not is_locked(None, START)


# --- redaction -----------------------------------------------------------------------------------
def test_redaction_removes_contacts_numbers_and_names():
    text = (
        "Maria Lopez (maria.lopez@example.org, +31 6 1234 5678) was dismissed; "
        "pay to NL91 ABNA 0417 1643 00. Lopez says María's colleague saw it on 12 May."
    )
    redacted = redact(text, names=["Maria Lopez"])
    for secret in ("maria.lopez@example.org", "1234 5678", "NL91", "Lopez", "Maria "):
        assert secret not in redacted
    assert REDACTED in redacted
    assert "dismissed" in redacted
    assert "12 May" in redacted


def test_redaction_leaves_words_that_merely_contain_a_name():
    assert (
        redact("Anna went to the Annapolis site", names=["Anna"]) == f"{REDACTED} went to the Annapolis site"
    )


NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ", min_size=2, max_size=20)


@given(st.text(max_size=200), st.lists(NAME, max_size=3))
def test_redaction_is_idempotent_and_leaves_no_name_part(text, names):
    once = redact(text, names)
    assert redact(once, names) == once
    for name in names:
        for part in name.split():
            if len(part) >= 3:
                assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", once, flags=re.IGNORECASE)


PHONE = st.builds(
    lambda plus, groups, separator: ("+" if plus else "") + separator.join(groups),
    st.booleans(),
    st.lists(st.text(alphabet="0123456789", min_size=1, max_size=4), min_size=1, max_size=6),
    st.sampled_from([" ", "-", ".", ""]),
).filter(lambda number: sum(char.isdigit() for char in number) >= 7)


@given(PHONE)
def test_redaction_removes_telephone_numbers_however_grouped(number):
    redacted = redact(f"call {number} now")
    assert not any(char.isdigit() for char in redacted)
    assert redacted == f"call {REDACTED} now"


# --- figures -------------------------------------------------------------------------------------
def _facts() -> list[CaseFacts]:
    return [
        CaseFacts(
            theme="forced_labour",
            country="IN",
            outcome="agreement",
            spells=(
                PhaseSpell(Phase.INITIAL_ASSESSMENT, 30, 90),
                PhaseSpell(Phase.GOOD_OFFICES, 200, 180),
            ),
            remedies_planned=2,
            remedies_delivered=1,
            satisfaction=4,
        ),
        CaseFacts(
            theme="wages",
            country="IN",
            outcome="",
            spells=(PhaseSpell(Phase.INITIAL_ASSESSMENT, 100, 90),),
            satisfaction=2,
        ),
        CaseFacts(theme="=cmd|' /C calc'!A0", country="BD", outcome="not_admissible"),
    ]


def test_effectiveness_figures_count_time_and_remedy():
    figures = effectiveness_figures(_facts())
    assert figures.cases == 3
    assert figures.by_country == [("IN", 2), ("BD", 1)]
    assert dict(figures.by_outcome) == {"agreement": 1, "not_admissible": 1}
    assessment = next(time for time in figures.phase_times if time.phase is Phase.INITIAL_ASSESSMENT)
    assert (assessment.spells, assessment.within_deadline, assessment.median_days) == (2, 1, 65)
    assert assessment.share_within_deadline == pytest.approx(0.5)
    assert (figures.remedies_planned, figures.remedies_delivered) == (2, 1)
    assert (figures.satisfaction_answers, figures.satisfaction_mean) == (2, 3)


def test_no_cases_give_empty_figures():
    figures = effectiveness_figures([])
    assert figures.cases == 0
    assert figures.satisfaction_mean is None
    assert all(
        time.median_days is None and time.share_within_deadline is None for time in figures.phase_times
    )


def test_exported_rows_neutralise_formulas():
    rows = figures_rows(effectiveness_figures(_facts()), {})
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    cells = [cell for row in csv.reader(io.StringIO(buffer.getvalue())) for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_the_chart_is_escaped_and_labelled():
    svg = bar_chart_svg("Cases <by> theme", [("<script>", 3), ("wages", 1), ("none", 0)])
    assert svg.startswith("<svg")
    assert svg.endswith("</svg>")
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert 'aria-label="Cases &lt;by&gt; theme"' in svg
    assert "style=" not in svg
