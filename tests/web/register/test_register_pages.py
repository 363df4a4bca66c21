"""The register's pages when it is longer than a page: each page is read ids first, then rows
(:class:`imvo.web.register.tables.PageFirstData`); the pages together must still be the register in
the order asked for, each risk once, every page with its supplier and counts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db.models import F
from django.urls import reverse

from imvo.web.register import actions
from imvo.web.register.models import RISK_ORDER, Risk, RiskSource, RiskStatus, Supplier

RISKS = 130  # three pages of 50
TITLE = re.compile(r'/risks/\d+/">(R\d{3})</a>')


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"register:{name}", kwargs={"org": "acme", **kwargs})


@pytest.fixture
def long_register(acme: Any, alice: Any) -> list[Risk]:
    """130 current risks (and 5 closed) over 20 suppliers, many sharing a salience; every seventh
    without a supplier; judgements and measures on some."""
    suppliers = Supplier.objects.bulk_create(
        Supplier(organisation=acme, name=f"Supplier {(n * 7) % 20:02d}", key=f"name:{n}", country="IN")
        for n in range(20)
    )
    risks = Risk.objects.bulk_create(
        Risk(
            organisation=acme,
            source=RiskSource.MANUAL,
            supplier=None if n % 7 == 0 else suppliers[n % 20],
            title=f"R{n:03d}",
            country=("IN", "CI", "BR")[n % 3],
            salience=None if n % 11 == 0 else (n * 37) % 10 * 10,
            priority=None if n % 13 == 0 else 2 * RISKS - n,
            status=RiskStatus.CLOSED if n >= RISKS else RiskStatus.OPEN,
        )
        for n in range(RISKS + 5)
    )
    for risk in risks[:40:4]:
        actions.add_measure(alice, acme, risk, {"kind": "mitigate", "description": "d", "owner": "o"})
    return risks


def _expected(acme: Any, *ordering: Any) -> list[str]:
    current = Risk.objects.filter(organisation=acme).exclude(status=RiskStatus.CLOSED)
    return list(current.order_by(*ordering).values_list("title", flat=True))


@pytest.mark.parametrize(
    ("sort", "ordering"),
    [
        ("", RISK_ORDER),
        ("supplier", (F("supplier__name").asc(), "id")),
        ("-supplier", (F("supplier__name").desc(), "-id")),
        ("-title", ("-title",)),
    ],
)
def test_the_pages_together_are_the_register_in_the_order_asked_for(
    long_register: list[Risk], acme: Any, alice: Any, client_for: Any, sort: str, ordering: tuple[Any, ...]
) -> None:
    client = client_for(alice)
    shown: list[str] = []
    for page in (1, 2, 3):
        response = client.get(url("risks"), {"sort": sort, "page": page} if sort else {"page": page})
        assert response.status_code == 200
        shown += TITLE.findall(response.content.decode())
    assert len(shown) == RISKS
    assert shown == _expected(acme, *ordering)


def test_a_page_shows_its_rows_supplier_and_measure_count(
    long_register: list[Risk], alice: Any, client_for: Any
) -> None:
    page = client_for(alice).get(url("risks"), {"sort": "-measure_count"}).content.decode()
    table = page.split('class="register-table"')[1]
    rows = table.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 50
    measured = [row for row in rows if '<td class="num" data-label="Measures">1</td>' in row]
    assert len(measured) == 10  # every risk with a measure sorts first, with its count
    assert all("Supplier " in row or "—" in row for row in rows)


def test_a_later_page_costs_the_queries_of_the_first(
    long_register: list[Risk], alice: Any, client_for: Any, django_assert_max_num_queries: Any, settings: Any
) -> None:
    settings.IMVO_PAGE_CACHE_SECONDS = 0  # what rendering it costs, every time
    client = client_for(alice)
    client.get(url("risks"))
    with django_assert_max_num_queries(30) as first:
        client.get(url("risks"))
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get(url("risks"), {"page": 3, "sort": "supplier"}).status_code == 200
