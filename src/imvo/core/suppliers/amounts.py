"""Reading spend amounts as ERP systems and spreadsheets write them in NL, DE and EN locales.

Rules (documented for users in docs/supplier-files.md):

* ``.`` and ``,`` both present: the one that comes last is the decimal separator, the other groups
  thousands (``1.234,56`` and ``1,234.56`` are both 1234.56). Groups must have three digits.
* only one of them, more than once: it groups thousands (``1.234.567``).
* only one of them, once: it is a thousands separator when exactly three digits follow and one to
  three digits (not just ``0``) precede it (``12.500`` and ``12,500`` are 12500, as Dutch and
  English readers both mean); otherwise it is the decimal separator (``12,5``, ``1234.567``,
  ``0,125``). Write ``1,234`` euro and cents as ``1,23`` - an amount with three decimals and a short
  integer part is read as thousands.
* spaces (also non-breaking and thin spaces) and apostrophes may group thousands: ``1 234,5``,
  ``1'234.50``.
* a currency sign or code before or after the number is ignored: ``€ 12.500``, ``12500 EUR``.
* negative amounts: ``-100``, ``100-`` (SAP style) and ``(100)`` (accounting style) are all -100.
* scientific notation as Excel writes it for large numbers: ``1.5E+06``.
* anything else, and ``nan``/``inf``, is not an amount: :func:`parse_amount` returns ``None`` and
  the reader reports it with :data:`AMOUNT_ACCEPTED`.
"""

from __future__ import annotations

import math
import re

AMOUNT_ACCEPTED = (
    "a number such as 12500, 12.500, 12500,50, 12.500,50, 12,500.50, 1 234,5 or € 12.500; "
    "negative as -100, 100- or (100)"
)

_CURRENCIES = ("EURO", "EUR", "USD", "GBP", "CHF", "€", "$", "£")
_GROUP_SPACES = str.maketrans({" ": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "'": " ", "’": " "})
_SPACE_GROUPED = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+")
_DIGITS = re.compile(r"[0-9]+")
_SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]{1,3}")
_MAX_LENGTH = 64

#: The common spellings, no spaces, currency or brackets: thousands grouped by '.' with a ','
#: decimal (g, gf), grouped by ',' with a '.' decimal (c, cf), or ungrouped (i, f). Every match
#: means what the general rules below say; it lets readers validate and parse a million cells fast.
#: Digit counts are bounded so that every match is short and finite, like parse_amount requires.
PLAIN_AMOUNT = re.compile(
    r"(?P<sign>[-+]?)(?:"
    r"(?P<g>[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,5})(?:,(?P<gf>[0-9]{1,15}))?"
    r"|(?P<c>[1-9][0-9]{0,2}(?:,[0-9]{3}){1,5})(?:\.(?P<cf>[0-9]{1,15}))?"
    r"|(?P<i>[0-9]{1,18})(?:[.,](?P<f>[0-9]{1,15}))?)"
)


def _strip_currency(text: str) -> str:
    upper = text.upper()
    for code in _CURRENCIES:
        if upper.startswith(code):
            return text[len(code) :].strip()
        if upper.endswith(code):
            return text[: -len(code)].strip()
    return text


def _grouped(integer: str, separator: str) -> str | None:
    """Digits of ``integer`` if ``separator`` groups them in threes (``1.234.567``), else None."""
    parts = integer.split(separator)
    head, *groups = parts
    if not (1 <= len(head) <= 3 and _DIGITS.fullmatch(head)):
        return None
    if any(len(group) != 3 or not _DIGITS.fullmatch(group) for group in groups):
        return None
    return "".join(parts)


def _unsigned(text: str) -> float | None:
    if " " in text:
        # Spaces group thousands, so any '.' or ',' left is the decimal separator.
        integer, _, fraction = text.replace(",", ".").partition(".")
        if not _SPACE_GROUPED.fullmatch(integer) or (fraction and not _DIGITS.fullmatch(fraction)):
            return None
        return float(integer.replace(" ", "") + "." + (fraction or "0"))
    if _SCIENTIFIC.fullmatch(text):
        return float(text.replace(",", "."))
    dot, comma = text.rfind("."), text.rfind(",")
    if dot >= 0 and comma >= 0:
        decimal, group = (".", ",") if dot > comma else (",", ".")
        integer, _, fraction = text.rpartition(decimal)
        digits = _grouped(integer, group)
        if digits is None or not _DIGITS.fullmatch(fraction):
            return None
        return float(f"{digits}.{fraction}")
    separator = "." if dot >= 0 else "," if comma >= 0 else ""
    if not separator:
        return float(text) if _DIGITS.fullmatch(text) else None
    if text.count(separator) > 1:
        digits = _grouped(text, separator)
        return None if digits is None else float(digits)
    integer, _, fraction = text.partition(separator)
    if not _DIGITS.fullmatch(fraction) or (integer and not _DIGITS.fullmatch(integer)):
        return None
    if len(fraction) == 3 and 1 <= len(integer) <= 3 and integer != "0" and not integer.startswith("0"):
        return float(integer + fraction)
    return float(f"{integer or '0'}.{fraction}")


def parse_amount(text: str) -> float | None:
    """The amount written in ``text``, or ``None`` when it is not an amount (see the module rules).

    Never raises; an empty cell is ``None`` too, so callers decide whether a blank spend is allowed.
    """
    plain = PLAIN_AMOUNT.fullmatch(text)
    if plain is not None:
        sign, grouped_dot, dot_fraction, grouped_comma, comma_fraction, integer, fraction = plain.groups()
        if grouped_dot:
            number = float(grouped_dot.replace(".", "") + "." + (dot_fraction or "0"))
        elif grouped_comma:
            number = float(grouped_comma.replace(",", "") + "." + (comma_fraction or "0"))
        else:
            number = float(integer + "." + (fraction or "0"))
        return -number if sign == "-" else number
    value = text.strip().translate(_GROUP_SPACES).strip()
    if not value or len(value) > _MAX_LENGTH:
        return None
    negative = False
    value = _strip_currency(value)
    if value.startswith("(") and value.endswith(")"):
        negative, value = True, value[1:-1].strip()
    elif value[:1] in ("-", "−", "+"):
        negative, value = value[0] != "+", value[1:].strip()
    elif value[-1:] in ("-", "−"):
        negative, value = True, value[:-1].strip()
    value = _strip_currency(value)
    if not value:
        return None
    unsigned = _unsigned(value)
    if unsigned is None or not math.isfinite(unsigned):
        return None
    return -unsigned if negative else unsigned
