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


def test_the_list_is_published_only_with_enough_consenting_members(covenant, members, alice, client):
    actions.publish_locations(alice, covenant, True)
    _publish_member(covenant, members[0])
    _publish_member(covenant, members[1])
    page = client.get(reverse("covenants:public_locations", kwargs={"covenant": "convenant"}))
    assert "Solo Sewing" not in page.content.decode()
    assert _export(client, "csv").status_code == 404
    _publish_member(covenant, members[2], named=True)
    body = client.get(
        reverse("covenants:public_locations", kwargs={"covenant": "convenant"})
    ).content.decode()
    assert "Solo Sewing" in body  # member 1 consented to publishing its locations
    assert "Kleding Drie B.V." in body  # named: it agreed
    assert "Kleding Een B.V." not in body
    assert "Kleding Twee B.V." not in body


def test_csv_and_xlsx_use_open_supply_hubs_columns_and_are_formula_safe(covenant, members, alice, client):
    actions.publish_locations(alice, covenant, True)
    for number, member in enumerate(members[:3]):
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
