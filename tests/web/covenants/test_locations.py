"""The published production-location list: consent, the minimum number of contributors, Open Supply
Hub's columns, no member names unless agreed, formula-injection-safe CSV and XLSX."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from imvo.core.covenants import OS_HUB_COLUMNS
from imvo.web.covenants import actions, queries
from imvo.web.register.models import Supplier

pytestmark = pytest.mark.django_db


def _publish_member(covenant: Any, member: dict[str, Any], named: bool = False) -> None:
    company, owner = member["company"], member["owner"]
    flags = {"share_register": True, "publish_locations": True, "named_on_list": named}
    actions.update_consent(owner, queries.consent_of(company, covenant), flags)
    for supplier in Supplier.objects.filter(organisation=company):
        address = (
            '=HYPERLINK("http://evil")' if supplier.name == "Shared Mill" else f"{supplier.name} street 1"
        )
        actions.describe_location(
            owner, company, supplier, {"address": address, "sector": "Apparel", "workers_band": "251-1000"}
        )


def _export(client: Any, fmt: str) -> Any:
    return client.get(
        reverse("covenants:public_locations_export", kwargs={"covenant": "convenant", "fmt": fmt})
    )


def _public(client: Any) -> str:
    return client.get(
        reverse("covenants:public_locations", kwargs={"covenant": "convenant"})
    ).content.decode()


def test_the_list_is_published_only_with_enough_consenting_members(covenant, members, alice, client):
    actions.publish_locations(alice, covenant, True)
    _publish_member(covenant, members[0])
    _publish_member(covenant, members[1])
    assert "Solo Sewing" not in _public(client)
    assert _export(client, "csv").status_code == 404
    _publish_member(covenant, members[2])
    body = _public(client)
    assert "Solo Sewing" in body  # member 1 consented to publishing its locations
    assert "Kleding" not in body  # nobody agreed to be named
    _publish_member(covenant, members[3], named=True)
    body = _public(client)
    assert "Kleding Vier B.V." in body  # named: it agreed
    assert "Solo Sewing" in body  # three members that are not named: still listed
    assert "Kleding Een B.V." not in body
    assert "Kleding Twee B.V." not in body


def _listed(client: Any) -> set[str]:
    response = _export(client, "csv")
    if response.status_code == 404:
        return set()
    return {row[1] for row in list(csv.reader(io.StringIO(response.content.decode())))[1:]}


def test_an_unnamed_member_is_not_identified_by_elimination(covenant, members, alice, client_for, client):
    """Three members publish and two of them are named: every location without a name would be the
    third member's. Its locations are withheld, and with two named members the list is not published."""
    actions.publish_locations(alice, covenant, True)
    _publish_member(covenant, members[0])
    _publish_member(covenant, members[1], named=True)
    _publish_member(covenant, members[2], named=True)
    assert _export(client, "csv").status_code == 404
    assert "Solo Sewing" not in _public(client)
    preview = client_for(alice).get(reverse("covenants:locations", kwargs={"org": "convenant"}))
    text = preview.content.decode()
    assert "Solo Sewing" not in text  # the preview shows what the public list would show
    assert "The locations of 1 member that is not named are withheld" in text
    assert "Kleding Een B.V." not in text  # says why without naming anyone
    # A third named member: the list is published, still without the unnamed member's locations.
    _publish_member(covenant, members[3], named=True)
    listed = _listed(client)
    assert {"Shared Mill", "Turkey Knits"} <= listed
    assert "Solo Sewing Ltd" not in listed  # member 1 alone uses it
    body = _public(client)
    assert "Solo Sewing" not in body
    assert "members that are not named are listed only when at least 3 of them contribute" in body
    assert "Kleding Een" not in body


def test_two_unnamed_members_are_withheld_three_are_listed(covenant, members, alice, client):
    actions.publish_locations(alice, covenant, True)
    for member in members[2:]:
        _publish_member(covenant, member, named=True)
    _publish_member(covenant, members[0])
    _publish_member(covenant, members[1])
    # Members 1 and 2 are the only unnamed ones: each would know the other's unnamed locations.
    listed = _listed(client)
    assert "Turkey Knits" in listed
    assert not {"Solo Sewing Ltd", "Pair Dyeing"} & listed
    actions.update_consent(
        members[4]["owner"],
        queries.consent_of(members[4]["company"], covenant),
        {"share_register": True, "publish_locations": True, "named_on_list": False},
    )
    # Now three members are not named: their locations are listed again.
    assert {"Solo Sewing Ltd", "Pair Dyeing"} <= _listed(client)
    assert "are not shown" not in _public(client)


def test_csv_and_xlsx_use_open_supply_hubs_columns_and_are_formula_safe(covenant, members, alice, client):
    actions.publish_locations(alice, covenant, True)
    for number, member in enumerate(members[:4]):
        _publish_member(covenant, member, named=number == 0)
    rows = list(csv.reader(io.StringIO(_export(client, "csv").content.decode())))
    assert tuple(rows[0]) == OS_HUB_COLUMNS
    by_name = {row[1]: row for row in rows[1:]}
    assert len(by_name) == len(rows) - 1  # one row per location
    assert by_name["Shared Mill"][0] == "BD"
    assert by_name["Shared Mill"][2].startswith("'=")  # neutralised formula
    assert '"' not in by_name["Shared Mill"][2]
    assert all("Kleding" not in cell for row in rows for cell in row)  # no member names in the files
    workbook = load_workbook(io.BytesIO(_export(client, "xlsx").content))
    sheet = workbook.active
    values = list(sheet.iter_rows(values_only=True))
    assert tuple(values[0]) == OS_HUB_COLUMNS
    assert all(not str(cell or "").startswith("=") for row in values for cell in row)


def test_consent_withdrawal_removes_the_members_locations_from_the_list(covenant, members, alice, client):
    actions.publish_locations(alice, covenant, True)
    for member in members[:4]:
        _publish_member(covenant, member)
    assert "Solo Sewing" in _export(client, "csv").content.decode()
    actions.revoke_consent(members[0]["owner"], queries.consent_of(members[0]["company"], covenant))
    after = _export(client, "csv").content.decode()
    assert "Solo Sewing" not in after
    assert "Shared Mill" in after


def test_the_secretariat_publishes_through_the_page(covenant, members, alice, bob, client_for):
    url = reverse("covenants:locations_publish", kwargs={"org": "convenant"})
    assert client_for(bob).post(url, {"publish": "1"}).status_code == 403
    assert client_for(alice).post(url, {"publish": "1"}).status_code == 302
    assert queries.covenant_of(covenant).locations_published_at is not None
