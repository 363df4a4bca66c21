"""Sector covenants: the rules that keep a collective risk picture from revealing one member's suppliers,
and the production-location list in Open Supply Hub's upload layout.

Pure Python; the web layer (``imvo.web.covenants``) gathers the members' shared records and asks here
what may be shown. ``docs/covenants.md`` describes the same rules for users.
"""

from __future__ import annotations

from imvo.core.covenants.aggregates import (
    MINIMUM_MEMBERS_PER_CELL,
    Cell,
    Contribution,
    aggregate,
    filtered_aggregate,
)
from imvo.core.covenants.locations import (
    OS_HUB_COLUMNS,
    WORKERS_BANDS,
    Location,
    LocationRecord,
    Publishable,
    locations_csv,
    locations_xlsx,
    merge_locations,
    publishable,
)
from imvo.core.covenants.redaction import redact_company

__all__ = [
    "MINIMUM_MEMBERS_PER_CELL",
    "OS_HUB_COLUMNS",
    "WORKERS_BANDS",
    "Cell",
    "Contribution",
    "Location",
    "LocationRecord",
    "Publishable",
    "aggregate",
    "filtered_aggregate",
    "locations_csv",
    "locations_xlsx",
    "merge_locations",
    "publishable",
    "redact_company",
]
