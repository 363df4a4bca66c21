"""The collective risk picture and the production-location list, from the contributing members' registers.

Only members that count (:func:`imvo.web.covenants.queries.contributing_members`) are read. Records a
member marked confidential are left out. Volumes (spend) are never read. What may be shown is decided
by :mod:`imvo.core.covenants` (a minimum number of members per cell, no differencing between a filtered
and an unfiltered view); this module only gathers the contributions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language

from imvo.core.countries import country_name
from imvo.core.covenants import (
    Cell,
    Contribution,
    Location,
    LocationRecord,
    aggregate,
    filtered_aggregate,
    merge_locations,
    publishable,
)
from imvo.core.risk.themes import theme_label
from imvo.web.covenants.models import LocationDetail
from imvo.web.covenants.queries import contributing_members, covenant_of
from imvo.web.organisations.models import Organisation
from imvo.web.register.models import Risk, Supplier

DIMENSIONS = ("countries", "goods", "themes", "locations")


def _language() -> str:
    return "nl" if (get_language() or "en").startswith("nl") else "en"


def location_key(name_key: str, country: str) -> str:
    """One production location across members: the register's normalised name within a country."""
    return f"{country}|{name_key}"


@dataclass
class Contributions:
    members: int = 0
    by_dimension: dict[str, list[Contribution]] = field(default_factory=dict)
    location_names: dict[str, str] = field(default_factory=dict)


def _supplier_rows(member_ids: list[int]) -> list[dict[str, Any]]:
    rows = (
        Supplier.objects.filter(organisation_id__in=member_ids, removed_scan__isnull=True)
        .order_by("organisation_id", "name", "id")
        .values("organisation_id", "name", "name_key", "country", "product")
    )
    return [dict(row) for row in rows]


def _risk_rows(member_ids: list[int]) -> list[dict[str, Any]]:
    rows = Risk.objects.filter(organisation_id__in=member_ids, confidential=False).values(
        "organisation_id", "country", "good", "theme"
    )
    return [dict(row) for row in rows]


def gather(covenant: Organisation) -> Contributions:
    """Every contribution of every contributing member, per dimension (country as the scope)."""
    member_ids = list(contributing_members(covenant).values_list("member_id", flat=True))
    result = Contributions(members=len(set(member_ids)))
    countries: list[Contribution] = []
    goods: list[Contribution] = []
    themes: list[Contribution] = []
    locations: list[Contribution] = []
    for row in _supplier_rows(member_ids):
        member, country = row["organisation_id"], row["country"]
        countries.append(Contribution(member, country))
        goods.append(Contribution(member, row["product"].strip().casefold(), country))
        if country and row["name_key"]:
            key = location_key(row["name_key"], country)
            result.location_names.setdefault(key, row["name"])
            locations.append(Contribution(member, key, country))
    for row in _risk_rows(member_ids):
        member, country = row["organisation_id"], row["country"]
        countries.append(Contribution(member, country))
        goods.append(Contribution(member, row["good"].strip().casefold(), country))
        themes.append(Contribution(member, row["theme"], country))
    result.by_dimension = {"countries": countries, "goods": goods, "themes": themes, "locations": locations}
    return result


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    members: int


@dataclass
class Table:
    dimension: str
    rows: list[Row]
    withheld: int


def _label(dimension: str, key: str, names: dict[str, str]) -> str:
    language = _language()
    if dimension == "countries":
        return country_name(key, language) or key
    if dimension == "themes":
        return theme_label(key, language)
    if dimension == "locations":
        country = key.split("|", 1)[0]
        return f"{names.get(key, key)} ({country_name(country, language) or country})"
    return key


def picture(covenant: Organisation, country: str = "") -> tuple[int, list[Table]]:
    """The number of contributing members and one table per dimension; with ``country`` the goods,
    themes and locations within that country (the countries table is then left out)."""
    minimum = covenant_of(covenant).minimum_members
    gathered = gather(covenant)
    tables: list[Table] = []
    for dimension in DIMENSIONS:
        contributions = gathered.by_dimension[dimension]
        cells: list[Cell]
        if country:
            if dimension == "countries":
                continue
            cells, withheld = filtered_aggregate(contributions, country, minimum)
        else:
            cells, withheld = aggregate(contributions, minimum)
        rows = [
            Row(cell.key, _label(dimension, cell.key, gathered.location_names), cell.members)
            for cell in cells
        ]
        tables.append(Table(dimension, rows, withheld))
    return gathered.members, tables


def shared_locations(covenant: Organisation, company: Organisation) -> list[tuple[str, list[str]]]:
    """For a member that opted in to joint action: each of its own locations that other opted-in
    members use too, with those members' names. Nothing for a member that did not opt in."""
    opted_in = {party.member_id: party.name for party in contributing_members(covenant, joint_action=True)}
    if company.pk not in opted_in:
        return []
    rows = Supplier.objects.filter(
        organisation_id__in=list(opted_in), removed_scan__isnull=True, country__gt=""
    ).values("organisation_id", "name", "name_key", "country")
    users: dict[str, set[int]] = {}
    names: dict[str, str] = {}
    for row in rows:
        key = location_key(row["name_key"], row["country"])
        users.setdefault(key, set()).add(row["organisation_id"])
        if row["organisation_id"] == company.pk:
            names[key] = row["name"]
    result = []
    for key, name in sorted(names.items(), key=lambda item: item[1].casefold()):
        others = sorted(opted_in[member] for member in users[key] if member != company.pk)
        if others:
            result.append((name, others))
    return result


# --- the published production-location list -------------------------------------------------------
def location_records(covenant: Organisation) -> list[LocationRecord]:
    """The described production locations of the members that consent to publish them."""
    publishing = list(contributing_members(covenant, publish_locations=True))
    named = {party.member_id for party in publishing if party.member_id and _named(covenant, party.member_id)}
    names = {party.member_id: party.name for party in publishing}
    details = LocationDetail.objects.filter(
        organisation_id__in=list(names), supplier__removed_scan__isnull=True
    ).select_related("supplier")
    return [
        LocationRecord(
            member=detail.organisation_id,
            key=location_key(detail.supplier.name_key, detail.supplier.country),
            name=detail.supplier.name,
            country=detail.supplier.country,
            address=detail.address,
            sector=detail.sector,
            workers_band=detail.workers_band,
            member_name=names[detail.organisation_id] if detail.organisation_id in named else "",
        )
        for detail in details
        if detail.supplier.country
    ]


def _named(covenant: Organisation, member_id: int) -> bool:
    from imvo.web.covenants.models import MemberConsent

    return MemberConsent.objects.filter(
        covenant=covenant, organisation_id=member_id, revoked_at__isnull=True, named_on_list=True
    ).exists()


@dataclass
class LocationList:
    published: bool
    contributors: int  # members whose locations are on the list
    minimum: int
    locations: list[Location]
    unnamed_withheld: int = 0  # members not named whose locations are held back (never who)


def location_list(covenant: Organisation, *, preview: bool = False) -> LocationList:
    """The list as published: empty unless the secretariat published it and at least the minimum
    number of members contribute, and without the locations of members that are not named while fewer
    than the minimum of those contribute (:func:`imvo.core.covenants.publishable`), so no location can
    be traced to one member by the list alone. ``preview`` (the secretariat's own page): the locations
    the public list shows or would show, even before publication."""
    settings = covenant_of(covenant)
    listable = publishable(location_records(covenant), settings.minimum_members)
    published = (
        settings.locations_published_at is not None and listable.contributors >= settings.minimum_members
    )
    return LocationList(
        published=published,
        contributors=listable.contributors,
        minimum=settings.minimum_members,
        locations=merge_locations(listable.records) if published or preview else [],
        unnamed_withheld=listable.unnamed_withheld,
    )
