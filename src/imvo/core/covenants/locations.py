"""The covenant's published production-location list, in Open Supply Hub's upload layout.

Open Supply Hub ("Preparing data for upload to Open Supply Hub",
https://info.opensupplyhub.org/resources/preparing-data) asks for its template's columns, unchanged and
in this order: ``country`` (required), ``name`` (required), ``address`` (required),
``sector_product_type`` (highly recommended), ``facility_type_processing_type``, ``number_of_workers``
(raw values or ranges) and ``parent_company``; one facility per row, no duplicates, no formulas, no
quotation marks or em dashes, values in English, CSV UTF-8 or XLSX. Members are never named in these
files (``parent_company`` is the facility's own parent, which the covenant does not record).

Cells are formula-injection safe: text a spreadsheet would run as a formula gets a leading apostrophe
(:func:`imvo.core.export.neutralise_formula`).

Which members' locations may be listed (:func:`publishable`, ``docs/covenants.md`` section 4): a named
member appears next to every location it has, so the unnamed locations can only belong to the unnamed
members. Those are listed only when there are none or at least the covenant's minimum of them;
otherwise their locations are withheld, since one unnamed member (or two, one of whom knows its own)
would be identified by elimination.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from imvo.core.covenants.aggregates import MINIMUM_MEMBERS_PER_CELL
from imvo.core.export import neutralise_formula

OS_HUB_COLUMNS: tuple[str, ...] = (
    "country",
    "name",
    "address",
    "sector_product_type",
    "facility_type_processing_type",
    "number_of_workers",
    "parent_company",
)
#: Number-of-workers bands: Open Supply Hub accepts ranges written "from-to".
WORKERS_BANDS: tuple[str, ...] = ("1-50", "51-250", "251-1000", "1001-5000", "5001-10000", "10001-50000")


@dataclass(frozen=True)
class LocationRecord:
    """One member's production location: ``key`` identifies the location across members."""

    member: int
    key: str
    name: str
    country: str
    address: str = ""
    sector: str = ""
    workers_band: str = ""
    member_name: str = ""  # only when the member agreed to be named on the list


@dataclass
class Location:
    key: str
    name: str
    country: str
    address: str = ""
    sector: str = ""
    workers_band: str = ""
    members: set[int] = field(default_factory=set)
    named_members: list[str] = field(default_factory=list)

    def os_hub_row(self) -> list[str]:
        values = [self.country, self.name, self.address, self.sector, "", self.workers_band, ""]
        return [_clean(value) for value in values]


def _clean(value: str) -> str:
    """A cell as Open Supply Hub wants it (no quotation marks, no em dashes) and safe from formulas."""
    text = value.replace('"', "").replace("\u2014", "-").replace("\u2013", "-").strip()
    return neutralise_formula(text)


@dataclass(frozen=True)
class Publishable:
    """The records that may go on the list, and what was held back (counts only, never who)."""

    records: list[LocationRecord]
    contributors: int  # members whose locations are on the list
    unnamed_withheld: int  # members not named whose locations are withheld (0 or fewer than the minimum)


def publishable(records: Iterable[LocationRecord], minimum: int) -> Publishable:
    """The records that can be listed without tracing an unnamed location to one member.

    A member is named (``member_name``) on all its records or on none. The members that are not named
    are listed only when there are none or at least ``minimum`` of them; otherwise all their records
    are withheld. (With one unnamed member every unnamed location is its; with two, each knows that
    an unnamed location that is not its own is the other's.)
    """
    if minimum < MINIMUM_MEMBERS_PER_CELL:
        raise ValueError(f"A list needs at least {MINIMUM_MEMBERS_PER_CELL} members, not {minimum}.")
    rows = list(records)
    named = {record.member for record in rows if record.member_name}
    unnamed = {record.member for record in rows} - named
    if 0 < len(unnamed) < minimum:
        rows = [record for record in rows if record.member in named]
        withheld = len(unnamed)
    else:
        withheld = 0
    return Publishable(rows, contributors=len({record.member for record in rows}), unnamed_withheld=withheld)


def merge_locations(records: Iterable[LocationRecord]) -> list[Location]:
    """One row per location, by country and name; the first non-empty detail a member gave wins."""
    merged: dict[str, Location] = {}
    for record in sorted(records, key=lambda r: (r.key, r.member)):
        location = merged.setdefault(record.key, Location(record.key, record.name, record.country))
        location.members.add(record.member)
        location.address = location.address or record.address
        location.sector = location.sector or record.sector
        location.workers_band = location.workers_band or record.workers_band
        if record.member_name and record.member_name not in location.named_members:
            location.named_members.append(record.member_name)
    return sorted(merged.values(), key=lambda location: (location.country, location.name.casefold()))


def locations_csv(locations: Iterable[Location]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(OS_HUB_COLUMNS)
    for location in locations:
        writer.writerow(location.os_hub_row())
    return buffer.getvalue()


def locations_xlsx(locations: Iterable[Location]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "facilities"
    sheet.append(list(OS_HUB_COLUMNS))
    for location in locations:
        sheet.append(location.os_hub_row())
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
