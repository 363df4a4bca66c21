"""Sector names for SBI codes (Standaard Bedrijfsindeling, CBS): sections and 2-digit divisions.

A population file carries whatever depth of SBI code the register gave (``46``, ``46.90``, ``4690``,
``46901``, a section letter ``G``); every depth is named by its division, or its section when the
code is a letter. Only sections and divisions are in ``data/sbi_sectors.csv``: those are the levels
whose names could be checked against two copies of the CBS text (provenance: docs/data.md).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

LANGUAGES = ("nl", "en")
_DIVISION = re.compile(r"\d{2}")
_NOT_CODE = re.compile(r"[\s.\-]")


@dataclass(frozen=True)
class Sector:
    """One SBI section (``A``..``V``) or division (``01``..``99``)."""

    code: str
    level: str  # section | division
    section: str
    edition: str  # the SBI edition the name is taken from: 2025, or 2008 for a division SBI 2025 dropped
    names: Mapping[str, str]

    def name(self, language: str) -> str:
        return self.names["nl" if language.lower().startswith("nl") else "en"]


@functools.cache
def sectors() -> Mapping[str, Sector]:
    """Every section and division, by code, in code order (sections first)."""
    text = (
        resources.files("imvo.core.monitoring")
        .joinpath("data", "sbi_sectors.csv")
        .read_text(encoding="utf-8")
    )
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    return {
        row["code"]: Sector(
            code=row["code"],
            level=row["level"],
            section=row["section"],
            edition=row["edition"],
            names={"nl": row["name_nl"], "en": row["name_en"]},
        )
        for row in csv.DictReader(lines)
    }


def sector_of(code: str) -> Sector | None:
    """The division (or, for a letter, the section) a sector code belongs to; None when unknown."""
    compact = _NOT_CODE.sub("", code).upper().removeprefix("SBI")
    if len(compact) == 1 and compact.isalpha():
        return sectors().get(compact)
    division = compact[:2]
    if _DIVISION.fullmatch(division) and compact.isdigit():
        return sectors().get(division)
    return None


def sector_name(code: str, language: str) -> str:
    """``code`` named in ``language`` (``nl`` or ``en``), e.g. ``"Groothandel (46)"``.

    An unknown code is returned as given, so a value the data does not know is never hidden.
    """
    sector = sector_of(code)
    if sector is None:
        return code
    return f"{sector.name(language)} ({sector.code})"


def divisions_in_use(codes: list[str]) -> list[Sector]:
    """The distinct divisions or sections of ``codes``, in code order (for a filter's choices)."""
    found = {sector.code: sector for code in codes if (sector := sector_of(code)) is not None}
    return [found[code] for code in sectors() if code in found]
