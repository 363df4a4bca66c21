"""The SQL text builders: code-point membership as ranges, string literals."""

from __future__ import annotations

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from imvo.core.sql import code_point_in, literal

_CHARACTERS = st.characters(blacklist_categories=("Cs",))


@settings(max_examples=200, deadline=None)
@given(members=st.text(_CHARACTERS, max_size=12), probes=st.lists(_CHARACTERS, min_size=1, max_size=20))
def test_code_point_in_agrees_with_python_membership(members, probes):
    got = duckdb.execute(
        f"SELECT {code_point_in('unicode(c)', members)} FROM (SELECT unnest($probes::VARCHAR[]) AS c)",
        {"probes": probes},
    ).fetchall()
    assert [row[0] for row in got] == [probe in members for probe in probes]


def test_code_point_in_plans_no_join():
    test = code_point_in("unicode(c)", " \t\u00a0\u2000\u2001\u2002\u3000=+-@")
    plan = duckdb.execute(f"EXPLAIN SELECT {test} FROM (SELECT 'x' AS c FROM range(10))").fetchall()
    assert "JOIN" not in "\n".join(row[1] for row in plan).upper()


@given(text=st.text(_CHARACTERS.filter(lambda c: c != "\x00")))
def test_literal_round_trips(text):
    assert duckdb.execute(f"SELECT {literal(text)}").fetchone() == (text,)
