"""Small builders of DuckDB SQL text used by the scan, the bulk reader and the exports."""

from __future__ import annotations


def literal(text: str) -> str:
    """``text`` as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def code_point_in(code: str, characters: str) -> str:
    """SQL: the integer expression ``code`` is the code point of one of ``characters``, written as
    ranges and comparisons. DuckDB plans an ``IN`` list of constants as a join with the list, which
    costs a hash probe per row and, upstream of an ``ORDER BY``-free result, gives up row order."""
    ranges: list[tuple[int, int]] = []
    for point in sorted({ord(c) for c in characters}):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    tests = [f"{code} = {low}" if low == high else f"{code} BETWEEN {low} AND {high}" for low, high in ranges]
    return f"({' OR '.join(tests) or 'false'})"
