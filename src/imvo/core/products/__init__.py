"""Matching supplier products (names in EN/NL/DE, HS/CN codes) to ILAB goods and HS headings."""

from __future__ import annotations

from imvo.core.products.catalogue import (
    CatalogueEntry,
    FalseFriend,
    load_catalogue,
    load_false_friends,
    shipped_ilab_goods,
)
from imvo.core.products.hs_codes import HsCode, InvalidHsCode, check_hs_code, hs2022_codes, normalise_hs_code
from imvo.core.products.matcher import FUZZY_MINIMUM, REVIEW_BELOW, MatchMethod, ProductMatch, ProductMatcher

__all__ = [
    "FUZZY_MINIMUM",
    "REVIEW_BELOW",
    "CatalogueEntry",
    "FalseFriend",
    "HsCode",
    "InvalidHsCode",
    "MatchMethod",
    "ProductMatch",
    "ProductMatcher",
    "check_hs_code",
    "hs2022_codes",
    "load_catalogue",
    "load_false_friends",
    "normalise_hs_code",
    "shipped_ilab_goods",
]
