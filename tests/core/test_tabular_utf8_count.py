"""The byte-role count of UTF-8 characters (used to tell damaged UTF-8 from Windows-1252) finds
exactly what the regular expression it replaced finds, and the non-ASCII bytes counted with it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from imvo.core.tabular.encoding import _high_and_utf8_bytes

_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Bytes on every boundary of the roles, and the ASCII letters the roles are spelt with.
_INTERESTING = [
    0x41,
    0x42,
    0x43,
    0x44,
    0x2E,
    0x7F,
    0x80,
    0xBF,
    0xC0,
    0xC1,
    0xC2,
    0xDF,
    0xE0,
    0xEF,
    0xF0,
    0xF4,
    0xF5,
]


def _by_regex(data: bytes) -> tuple[int, int]:
    high = sum(1 for byte in data if byte >= 0x80)
    return high, sum(len(match.group()) for match in _UTF8_CHARACTER.finditer(data))


def _utf8_character_bytes(data: bytes) -> int:
    return _high_and_utf8_bytes(data)[1]


@given(st.lists(st.sampled_from(_INTERESTING), max_size=40).map(bytes))
def test_boundary_bytes_count_as_the_regex_counts(data: bytes) -> None:
    assert _high_and_utf8_bytes(data) == _by_regex(data)


@given(st.binary(max_size=200))
def test_any_bytes_count_as_the_regex_counts(data: bytes) -> None:
    assert _high_and_utf8_bytes(data) == _by_regex(data)


def test_known_counts() -> None:
    assert _utf8_character_bytes("Société Générale".encode()) == 8
    assert _utf8_character_bytes("Société Générale".encode("cp1252")) == 0
    assert _utf8_character_bytes(b"ABCD AC BCC") == 0
    assert _utf8_character_bytes("€ 𝄞".encode()) == 7
    assert _high_and_utf8_bytes("Société Générale".encode("cp1252")) == (4, 0)
    assert _high_and_utf8_bytes(b"plain") == (0, 0)
