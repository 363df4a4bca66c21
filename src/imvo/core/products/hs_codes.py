"""HS / CN / TARIC code normalisation for codes typed into supplier lists.

Supplier lists carry codes in every shape: ``1801 00 00``, ``18010000``, ``1801.00``, ``180100``,
``0901 11``, ``ex 7108``, ``HS 0306.17``, or ``9011000`` after a spreadsheet dropped the leading zero.
:func:`check_hs_code` turns such text into an :class:`HsCode` (digits only, 2-10 digits, the
chapter/heading/subheading parts) or an :class:`InvalidHsCode` that says why the text was rejected;
:func:`normalise_hs_code` is the short form that returns ``None`` for anything invalid.

Validation uses the HS 2022 code list of the reference data (:mod:`imvo.core.refdata`): the chapter,
the heading (4 digits) and the subheading (6 digits) must exist. Digits 7-10 (CN / TARIC) are national
extensions and cannot be checked against the HS.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from imvo.core import refdata

__all__ = [
    "HsCode",
    "InvalidHsCode",
    "check_hs_code",
    "hs2022_codes",
    "normalise_hs_code",
]

# Words that commonly precede or decorate a code and carry no digits: "ex" (part of a heading, EU
# tariff notation), "HS"/"CN"/"GN"/"KN"/"NC"/"TARIC" (nomenclature names in EN/NL/DE/FR), "code".
_DECORATION = re.compile(
    r"(?<![a-z])(?:ex|hs|cn|gn|kn|nc|taric|codes?|tariff|tarief|zolltarif|nr|no|nummer)(?![a-z])\.?:?",
    re.IGNORECASE,
)
# A number that went through a spreadsheet as a float: "18010000.0".
_FLOAT_ARTEFACT = re.compile(r"^(\d{5,})\.0+$")
_SEPARATORS = re.compile(r"[\s.\-_/:,'’]+")
_MAX_DIGITS = 10


@dataclass(frozen=True)
class HsCode:
    """A syntactically valid HS/CN/TARIC code whose HS part exists in HS 2022."""

    code: str  # digits only, even length 2-10, e.g. "18010000"
    chapter: str  # 2 digits
    heading: str  # 4 digits, "" when only a chapter was given
    subheading: str  # 6 digits, "" when fewer than 6 digits were given
    restored_leading_zero: bool = False  # True when "9011000" was read as "09011000"

    @property
    def hs_part(self) -> str:
        """The most specific HS (not national) level: subheading, heading or chapter."""
        return self.subheading or self.heading or self.chapter


@dataclass(frozen=True)
class InvalidHsCode:
    """Text that is not a usable HS code, with the reason in words a user understands."""

    text: str
    reason: str


@lru_cache(maxsize=1)
def hs2022_codes() -> frozenset[str]:
    """Every HS 2022 chapter, heading and subheading code, from the reference data (one copy)."""
    return refdata.load().hs_codes("2022")


def _digits_of(text: str) -> str | None:
    """The digits of a code with decoration and separators removed, or None if other text remains."""
    stripped = text.strip()
    float_match = _FLOAT_ARTEFACT.match(stripped)
    if float_match:
        stripped = float_match.group(1)
    without_words = _DECORATION.sub(" ", stripped)
    compact = _SEPARATORS.sub("", without_words)
    if not compact.isascii() or not compact.isdigit():
        return None
    return compact


def _unknown_part(digits: str, known: Collection[str]) -> str:
    """The first HS level of ``digits`` that is not in ``known`` ("" when all levels exist)."""
    for length in (2, 4, 6):
        if len(digits) >= length and digits[:length] not in known:
            return digits[:length]
    return ""


def check_hs_code(text: str, known_codes: Collection[str] | None = None) -> HsCode | InvalidHsCode:
    """Normalise ``text`` to an :class:`HsCode`, or explain why it is not one.

    ``known_codes`` are the valid 2/4/6-digit HS codes (default: HS 2022 shipped with imvo). A code
    with an odd number of digits that does not start with 0 is read as having lost its leading zero
    (spreadsheets store codes as numbers) when the padded code exists: "90111" becomes "090111" and
    "9011000" becomes "09011000", but "9011" stays heading 9011 (microscopes) and a single digit is
    too short to be trusted.
    """
    known = hs2022_codes() if known_codes is None else known_codes
    if not text or not text.strip():
        return InvalidHsCode(text, "empty")
    digits = _digits_of(text)
    if digits is None or not digits:
        return InvalidHsCode(text, "not a code: only digits, spaces, dots and 'ex'/'HS'/'CN' are allowed")
    restored = False
    if len(digits) % 2 == 1:
        padded = "0" + digits
        if (
            len(digits) >= 3
            and digits[0] != "0"
            and len(padded) <= _MAX_DIGITS
            and not _unknown_part(padded, known)
        ):
            digits, restored = padded, True
        elif len(digits) == 1:
            return InvalidHsCode(text, "too short: an HS code has at least 2 digits (the chapter)")
        else:
            return InvalidHsCode(
                text,
                f"{len(digits)} digits: HS/CN codes have an even number of digits (2, 4, 6, 8 or 10)",
            )
    if len(digits) > _MAX_DIGITS:
        return InvalidHsCode(text, f"{len(digits)} digits: longer than a 10-digit TARIC code")
    unknown = _unknown_part(digits, known)
    if unknown:
        level = {2: "chapter", 4: "heading", 6: "subheading"}[len(unknown)]
        return InvalidHsCode(text, f"{level} {unknown} does not exist in HS 2022")
    return HsCode(
        code=digits,
        chapter=digits[:2],
        heading=digits[:4] if len(digits) >= 4 else "",
        subheading=digits[:6] if len(digits) >= 6 else "",
        restored_leading_zero=restored,
    )


def normalise_hs_code(text: str, known_codes: Collection[str] | None = None) -> HsCode | None:
    """The :class:`HsCode` in ``text``, or None when it is empty or invalid (see :func:`check_hs_code`)."""
    result = check_hs_code(text, known_codes)
    return result if isinstance(result, HsCode) else None
