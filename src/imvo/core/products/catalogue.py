"""The project-curated product catalogue (package data): ILAB goods, their HS codes and synonyms.

``catalogue.csv`` has one row per ILAB ``Good_Name`` exactly as published; ``processed_goods.csv`` the
same for goods that are not on the ILAB List but are made from goods that are (chocolate, tyres);
``inputs.csv`` says which goods a good is made from; ``false_friends.csv`` lists phrases that contain
a good's word but are not that good. The ILAB names the catalogue must cover come from the reference
data (:mod:`imvo.core.refdata`). Their provenance is written at the top of each file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from imvo.core import refdata

__all__ = [
    "CatalogueEntry",
    "FalseFriend",
    "InputLink",
    "load_catalogue",
    "load_false_friends",
    "load_input_links",
    "load_processed_goods",
    "shipped_ilab_goods",
]


@dataclass(frozen=True)
class CatalogueEntry:
    """One ILAB good (one published ``Good_Name``) as curated by the project."""

    good_name: str  # exactly as published by ILAB (may be NFD, e.g. "Açaí Berries")
    base_good: str  # shared by the variants of one good ("Bricks" for "Bricks (clay)")
    hs_codes: tuple[str, ...]  # HS 2022 chapters/headings/subheadings that are this good
    related_goods: tuple[str, ...]  # base goods that are broader or overlapping terms
    synonyms: tuple[str, ...]  # EN/NL/DE names; "=word" matches that exact word only


@dataclass(frozen=True)
class FalseFriend:
    """A phrase whose words must not be read as a good ("goldfish" is neither gold nor fishing catch)."""

    phrase: str
    why: str


@dataclass(frozen=True)
class InputLink:
    """One row of ``inputs.csv``: ``good`` is made from ``input`` (both base goods)."""

    good: str
    input: str
    at_origin: bool  # the good is first processed where the input is produced
    hs_prefixes: tuple[str, ...]  # the link holds only for products with these codes (or no code)
    sources: tuple[str, ...]  # hs_structure, ilab_derived
    hs_link: str
    why: str


def _data_rows(filename: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _split(cell: str, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(separator) if part.strip())


@lru_cache(maxsize=1)
def load_catalogue() -> tuple[CatalogueEntry, ...]:
    """All catalogue rows in file order (the order breaks ties between goods sharing a code)."""
    return tuple(
        CatalogueEntry(
            good_name=row["good_name"],
            base_good=row["base_good"],
            hs_codes=_split(row["hs_codes"], " "),
            related_goods=_split(row["related_goods"], "|"),
            synonyms=_split(row["synonyms"], "|"),
        )
        for row in _data_rows("catalogue.csv")
    )


@lru_cache(maxsize=1)
def load_processed_goods() -> tuple[CatalogueEntry, ...]:
    """Goods that are not on the ILAB List but are made from listed goods (``processed_goods.csv``)."""
    return tuple(
        CatalogueEntry(
            good_name=row["good_name"],
            base_good=row["base_good"],
            hs_codes=_split(row["hs_codes"], " "),
            related_goods=_split(row["related_goods"], "|"),
            synonyms=_split(row["synonyms"], "|"),
        )
        for row in _data_rows("processed_goods.csv")
    )


@lru_cache(maxsize=1)
def load_input_links() -> tuple[InputLink, ...]:
    return tuple(
        InputLink(
            good=row["good"],
            input=row["input"],
            at_origin={"yes": True, "no": False}[row["at_origin"]],
            hs_prefixes=_split(row["hs_prefixes"], " "),
            sources=_split(row["source"], " "),
            hs_link=row["hs_link"],
            why=row["why"],
        )
        for row in _data_rows("inputs.csv")
    )


@lru_cache(maxsize=1)
def load_false_friends() -> tuple[FalseFriend, ...]:
    return tuple(FalseFriend(row["phrase"], row["why"]) for row in _data_rows("false_friends.csv"))


@lru_cache(maxsize=1)
def shipped_ilab_goods() -> tuple[str, ...]:
    """The 169 ``Good_Name`` values of the ILAB 2022 List of Goods, as published (reference data)."""
    return refdata.load().good_names
