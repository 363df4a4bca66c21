"""The collective risk picture never reveals one member's supplier: an adversarial set of queries,
differencing between filters, and consent withdrawal or leaving removing a member from every figure."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.urls import reverse

from imvo.core.covenants import MINIMUM_MEMBERS_PER_CELL
from imvo.web.covenants import actions
from imvo.web.covenants.picture import picture
from tests.web.covenants.conftest import SUPPLIERS

pytestmark = pytest.mark.django_db

#: Every filter an attacker might try: none, each real country, lower case, unknown, empty.
FILTERS = ["", "BD", "bd", "VN", "TR", "IN", "NL", "XX", "B", "BD "]


def _members_per_supplier() -> dict[str, int]:
    return {name: len(members) for name, (_c, _p, members) in SUPPLIERS.items()}


def _location_rows(tables: list[Any]) -> dict[str, int]:
    return {
        row.label: row.members for table in tables if table.dimension == "locations" for row in table.rows
    }


def _all_cells(tables: list[Any]) -> dict[tuple[str, str], int]:
    return {(table.dimension, row.key): row.members for table in tables for row in table.rows}


def test_no_filter_shows_a_location_fewer_than_three_members_use(covenant, members):
    counts = _members_per_supplier()
    for country in FILTERS:
        _members, tables = picture(covenant, country.strip().upper()[:2])
        for label, shown in _location_rows(tables).items():
            name = label.split(" (")[0]
            assert shown >= MINIMUM_MEMBERS_PER_CELL, (country, label)
            assert counts[name] == shown
        for cell, shown in _all_cells(tables).items():
            assert shown >= MINIMUM_MEMBERS_PER_CELL, (country, cell)


def test_the_unshared_suppliers_never_appear_on_any_page(covenant, members, client_for, alice):
    member_client = client_for(members[0]["owner"])
    secretariat = client_for(alice)
    member_url = reverse(
        "covenants:member_picture", kwargs={"org": "kleding-1", "party_id": members[0]["party"].pk}
    )
    secretariat_url = reverse("covenants:picture", kwargs={"org": "convenant"})
    for country, (client, url) in itertools.product(
        FILTERS, [(member_client, member_url), (secretariat, secretariat_url)]
    ):
        response = client.get(url, {"country": country})
        assert response.status_code == 200, (url, country)
        body = response.content.decode()
        assert "Solo Sewing" not in body, (url, country)
        assert "Pair Dyeing" not in body, (url, country)
        assert "Everyone Trims" in body or country.strip().upper() not in {"", "IN"}


def test_no_difference_between_a_filtered_and_the_whole_view_singles_out_fewer_than_three(covenant, members):
    _m, whole = picture(covenant)
    whole_cells = _all_cells(whole)
    for country in ["BD", "VN", "TR", "IN"]:
        _m, tables = picture(covenant, country)
        for (dimension, key), inside in _all_cells(tables).items():
            difference = whole_cells[(dimension, key)] - inside
            assert difference == 0 or difference >= MINIMUM_MEMBERS_PER_CELL, (country, dimension, key)


def test_the_adversarial_case_cotton_in_bangladesh_is_withheld(covenant, members):
    # cotton fabric: members 1-4 via Shared Mill (BD), 2, 3, 5 via Turkey Knits (TR): 5 overall,
    # 4 in BD. Showing "4 in BD" next to "5 overall" would single out member 5's Turkish supplier.
    _m, whole = picture(covenant)
    assert _all_cells(whole)[("goods", "cotton fabric")] == 5
    _m, bangladesh = picture(covenant, "BD")
    assert ("goods", "cotton fabric") not in _all_cells(bangladesh)


def test_revoking_consent_removes_the_member_from_every_future_figure(covenant, members):
    _m, before = picture(covenant)
    assert _all_cells(before)[("locations", "BD|" + _key("Shared Mill", "BD"))] == 4
    owner = members[3]["owner"]
    consent = members[3]["company"] and actions.queries.consent_of(members[3]["company"], covenant)
    actions.revoke_consent(owner, consent)
    count, after = picture(covenant)
    assert count == 4
    cells = _all_cells(after)
    assert cells[("locations", "BD|" + _key("Shared Mill", "BD"))] == 3
    assert cells[("locations", "IN|" + _key("Everyone Trims", "IN"))] == 4
    # Leaving the covenant does the same, from the day of leaving.
    actions.party_leaves(members[0]["owner"], covenant, members[2]["party"], dt.date(2025, 1, 1))
    count, after_leaving = picture(covenant)
    assert count == 3
    assert ("locations", "BD|" + _key("Shared Mill", "BD")) not in _all_cells(after_leaving)


def test_a_member_that_revoked_consent_no_longer_sees_the_picture(covenant, members, client_for):
    company, owner = members[1]["company"], members[1]["owner"]
    actions.revoke_consent(owner, actions.queries.consent_of(company, covenant))
    url = reverse(
        "covenants:member_picture", kwargs={"org": company.slug, "party_id": members[1]["party"].pk}
    )
    response = client_for(owner).get(url)
    assert response.status_code == 302


def test_joint_action_shows_only_opted_in_members_at_ones_own_locations(covenant, members):
    from imvo.web.covenants.picture import shared_locations

    for index in (0, 1):
        consent = actions.queries.consent_of(members[index]["company"], covenant)
        actions.update_consent(
            members[index]["owner"], consent, {"share_register": True, "joint_action": True}
        )
    first = dict(shared_locations(covenant, members[0]["company"]))
    assert first == {
        "Everyone Trims": ["Kleding Twee B.V."],
        "Pair Dyeing": ["Kleding Twee B.V."],
        "Shared Mill": ["Kleding Twee B.V."],
    }
    # Member 3 did not opt in: it sees nothing, and nobody sees it.
    assert shared_locations(covenant, members[2]["company"]) == []
    assert all("Kleding Drie B.V." not in names for names in first.values())


def _key(name: str, country: str) -> str:
    from imvo.core.register.identity import supplier_name_key

    return supplier_name_key(name, country)
