"""Stable identities across uploads: which supplier a row is, and which risk a finding is.

A company re-imports its supplier list every quarter or year, and the register must carry the work
done on a supplier and on a risk from one list to the next. Two uploads of the same list must
therefore name the same supplier the same way, even when the exporting system writes the name with
another case, accents, punctuation or legal form, or pads the supplier number with zeros.

- A supplier with a number in the buyer's system (``supplier_id`` column) is that number.
- A supplier without one is its normalised name plus its country: "Ghana Cocoa Traders Ltd" in GH
  and "GHANA COCOA TRADERS LIMITED" in GH are one supplier; the same name in CI is another.
- A risk is (supplier, matched good, country, theme).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["normalise_name", "normalise_number", "risk_key", "supplier_name_key", "supplier_number_key"]

#: Legal forms dropped from the end of a name, in their normalised spelling (dots and spaces gone).
#: Their presence or spelling varies between exports of one company's master data.
LEGAL_FORMS = frozenset(
    {
        "ab", "ag", "as", "asa", "bhd", "bv", "bvba", "co", "company", "corp", "corporation", "cv",
        "eirl", "gmbh", "inc", "incorporated", "kft", "kg", "lda", "limited", "llc", "llp", "ltd",
        "ltda", "nv", "oy", "plc", "pt", "pte", "pty", "pvt", "sa", "sac", "sae", "sarl", "sas",
        "sdn", "spa", "sl", "sp", "srl", "sro", "tbk", "vof", "zoo",
    }
)  # fmt: skip
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
# Initialisms written with dots or spaces ("B.V.", "B V", "S.A.R.L.") are joined before the legal
# form is looked up, so "b v" and "bv" are the same form.
_SPACED_LETTERS = re.compile(r"\b(?:\w ){1,4}\w\b")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise_name(name: str) -> str:
    """The comparable form of a supplier name: accents, case, punctuation and a trailing legal form
    do not count ("Cacao Coöperatie Soubré B.V." → "cacao cooperatie soubre")."""
    words = _NOT_WORD.sub(" ", _fold(name).replace("&", " and ")).split()
    text = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), " ".join(words))
    words = text.split()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def normalise_number(number: str) -> str:
    """The comparable form of a supplier number: case and spacing do not count, nor do leading
    zeros of a purely numeric number (ERP exports pad them: "0000104711" is 104711)."""
    text = "".join(_fold(number).split())
    if text.isdigit():
        return text.lstrip("0") or "0"
    return text


def supplier_number_key(number: str) -> str:
    """The identity of a supplier known by its number; "" when there is no number."""
    normalised = normalise_number(number)
    return f"number:{normalised}" if normalised else ""


def supplier_name_key(name: str, country: str) -> str:
    """The identity of a supplier known by its name and country (ISO code; "" when unknown)."""
    return f"name:{normalise_name(name)}|{country.upper()}"


def risk_key(supplier_key: str, good: str, country: str, theme: str) -> str:
    """The identity of a risk: (supplier, matched good, country, theme), as a fixed-length digest
    so that it can carry a unique index on every database."""
    text = "\x1f".join((supplier_key, _fold(good).strip(), country.upper(), theme))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]
