"""Register tools (issue 13, part 3): filters, sorting, the view per supplier, the likelihood ×
severity heat map and the CSV/XLSX export of the filtered register, on a real database."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from imvo.web.register import actions, scales
from imvo.web.register.models import Risk, RiskSource, RiskStatus, Supplier


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"register:{name}", kwargs={"org": "acme", **kwargs})


def _risk(organisation: Any, supplier: Supplier | None, title: str, **fields: Any) -> Risk:
    values: dict[str, Any] = {"source": RiskSource.MANUAL, "supplier": supplier, "title": title, **fields}
    return Risk.objects.create(organisation=organisation, **values)


@pytest.fixture
def tools_register(acme: Any, alice: Any, other_organisation: Any) -> dict[str, Any]:
    """Three suppliers, five risks spread over themes, countries, bands, judged and measured; one risk
    of another organisation that must never show."""
    cocoa = Supplier.objects.create(organisation=acme, name="Cacao Coop", country="CI", key="name:cacao|CI")
    bricks = Supplier.objects.create(
        organisation=acme, name="Brick Works", country="IN", key="number:7", supplier_number="7"
    )
    cotton = Supplier.objects.create(organisation=acme, name="=HYPERLINK(1)", country="UZ", key="name:x|UZ")
    risks = {
        "child": _risk(
            acme, cocoa, "Child labour in cocoa", theme="child_labour", country="CI", good="Cocoa",
            likelihood=100, severity=100, salience=100,
        ),
        "forced": _risk(
            acme, cocoa, "Forced labour in cocoa", theme="forced_labour", country="CI", good="Cocoa",
            likelihood=25, severity=75, salience=60,
        ),
        "bricks": _risk(
            acme, bricks, "Forced labour in bricks", theme="forced_labour", country="IN", good="Bricks",
            likelihood=50, severity=50, salience=30,
        ),
        "cotton": _risk(
            acme, cotton, "-2+3 cotton", theme="forced_labour", country="UZ", good="Cotton",
            likelihood=0, severity=0, salience=5,
        ),
        "closed": _risk(
            acme, bricks, "Old closed risk", theme="child_labour", country="IN", good="Bricks",
            salience=90, status=RiskStatus.CLOSED,
        ),
    }  # fmt: skip
    actions.judge_severity(
        alice,
        acme,
        risks["forced"],
        {"severity": 4, "scale": 4, "scope": 4, "irremediability": 3, "rationale": "r"},
    )
    actions.add_measure(alice, acme, risks["bricks"], {"kind": "mitigate", "description": "d", "owner": "o"})
    stranger = Supplier.objects.create(
        organisation=other_organisation, name="Other Cocoa", country="CI", key="k"
    )
    _risk(
        other_organisation, stranger, "Stranger child labour", theme="child_labour", country="CI", salience=99
    )
    return risks


def _titles(page: str, risks: dict[str, Risk]) -> set[str]:
    return {name for name, risk in risks.items() if f">{risk.title}<" in page}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"child", "forced", "bricks", "cotton"}),  # current risks: the closed one is left out
        ({"status": "all"}, {"child", "forced", "bricks", "cotton", "closed"}),
        ({"status": "closed"}, {"closed"}),
        ({"theme": "child_labour"}, {"child"}),
        ({"country": "IN"}, {"bricks"}),
        ({"good": "Cocoa"}, {"child", "forced"}),
        ({"supplier_name": "brick"}, {"bricks"}),
        ({"band": "4"}, {"child"}),
        ({"band": "3"}, {"forced"}),
        ({"band": "1"}, {"cotton"}),
        ({"judged": "yes"}, {"forced"}),
        ({"judged": "no"}, {"child", "bricks", "cotton"}),
        ({"measure": "yes"}, {"bricks"}),
        ({"measure": "no"}, {"child", "forced", "cotton"}),
        ({"likelihood": "5", "severity": "5"}, {"child"}),
        ({"likelihood": "2", "severity": "4"}, {"forced"}),
        # Search in both languages: the Dutch theme name, the Dutch and English country names.
        ({"q": "kinderarbeid"}, {"child"}),
        ({"q": "Ivoorkust"}, {"child", "forced"}),
        ({"q": "cote d"}, {"child", "forced"}),
        ({"q": "bricks"}, {"bricks"}),
        ({"q": "Oezbekistan"}, {"cotton"}),
        # A word of the supplier's name only (the titles do not have it).
        ({"q": "coop"}, {"child", "forced"}),
    ],
)
def test_filters_select_exactly_the_matching_risks_of_the_organisation(
    query: dict[str, str], expected: set[str], tools_register: dict[str, Risk], alice: Any, client_for: Any
) -> None:
    page = client_for(alice).get(url("risks"), query).content.decode()
    assert _titles(page, tools_register) == expected
    assert "Stranger" not in page


def test_the_supplier_filter_and_invalid_values_are_safe(
    tools_register: dict[str, Risk], alice: Any, client_for: Any
) -> None:
    client = client_for(alice)
    supplier_id = tools_register["bricks"].supplier_id
    page = client.get(url("risks"), {"supplier": supplier_id, "status": "all"}).content.decode()
    assert _titles(page, tools_register) == {"bricks", "closed"}
    # A value that is not a choice is ignored, not an error page.
    response = client.get(url("risks"), {"band": "9", "status": "nonsense", "sort": "nope"})
    assert response.status_code == 200


def _order(page: str, risks: dict[str, Risk], names: list[str]) -> list[str]:
    return sorted(names, key=lambda name: page.index(f">{risks[name].title}<"))


def test_every_column_sorts_both_ways(tools_register: dict[str, Risk], alice: Any, client_for: Any) -> None:
    client = client_for(alice)
    current = ["child", "forced", "bricks", "cotton"]
    default = client.get(url("risks")).content.decode()
    assert _order(default, tools_register, current) == ["child", "forced", "bricks", "cotton"]
    ascending = client.get(url("risks"), {"sort": "salience"}).content.decode()
    assert _order(ascending, tools_register, current) == ["cotton", "bricks", "forced", "child"]
    by_supplier = client.get(url("risks"), {"sort": "supplier"}).content.decode()
    assert _order(by_supplier, tools_register, current)[:1] == ["cotton"]  # "=HYPERLINK" sorts first
    assert _order(by_supplier, tools_register, current)[1] == "bricks"
    by_measures = client.get(url("risks"), {"sort": "-measure_count"}).content.decode()
    assert _order(by_measures, tools_register, current)[0] == "bricks"
    by_judged = client.get(url("risks"), {"sort": "-judged"}).content.decode()
    assert _order(by_judged, tools_register, current)[0] == "forced"
    for column in ("title", "country", "good", "theme", "status"):
        for direction in ("", "-"):
            response = client.get(url("risks"), {"sort": direction + column})
            assert response.status_code == 200, column
    # Sorting links keep the filter.
    filtered = client.get(url("risks"), {"theme": "forced_labour"}).content.decode()
    assert (
        "theme=forced_labour&amp;sort=title" in filtered or "sort=title&amp;theme=forced_labour" in filtered
    )


def test_salience_is_shown_in_colour_bands_with_their_names(
    tools_register: dict[str, Risk], alice: Any, client_for: Any
) -> None:
    page = client_for(alice).get(url("risks")).content.decode()
    assert 'class="band band--4">100 <small>very high</small>' in page
    assert 'class="band band--1">5 <small>low</small>' in page
    dutch = client_for(alice).get(url("risks"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert 'class="band band--4">100 <small>zeer hoog</small>' in dutch


def test_the_bands_are_the_heat_map_colours_and_cover_the_scale() -> None:
    from imvo.core.risk.coverage import HeatCell

    covered: list[int] = []
    for band in scales.SALIENCE_BAND_LEVELS:
        low, high = scales.salience_band_range(band)
        covered.extend(range(low, high + 1))
        assert all(HeatCell(1, value).level == band for value in range(low, high + 1))
    assert covered == list(range(101))
    levels = [
        value
        for level in range(1, 6)
        for value in range(*(lambda r: (r[0], r[1] + 1))(scales.level_range(level)))
    ]
    assert levels == list(range(101))
    assert all(
        scales.percent_to_level(v) == level
        for level in range(1, 6)
        for v in range(scales.level_range(level)[0], scales.level_range(level)[1] + 1)
    )


def test_the_heat_map_counts_per_cell_and_links_to_the_cell(
    tools_register: dict[str, Risk], alice: Any, client_for: Any
) -> None:
    page = client_for(alice).get(url("risks"), {"theme": "forced_labour"}).content.decode()
    # forced (likelihood 25 → 2, severity 75 → 4) and bricks (50 → 3, 50 → 3) and cotton (1, 1).
    assert 'href="?theme=forced_labour&amp;likelihood=2&amp;severity=4"' in page
    assert 'href="?theme=forced_labour&amp;likelihood=3&amp;severity=3"' in page
    assert "likelihood=5&amp;severity=5" not in page  # the child-labour risk is filtered out
    cell = client_for(alice).get(url("risks"), {"theme": "forced_labour", "likelihood": "2", "severity": "4"})
    assert _titles(cell.content.decode(), tools_register) == {"forced"}


def test_one_row_per_supplier_with_its_risks_grouped(
    tools_register: dict[str, Risk], alice: Any, client_for: Any
) -> None:
    page = client_for(alice).get(url("risks_by_supplier")).content.decode()
    assert "3 suppliers with risks" in page
    cocoa = page.index("Cacao Coop")
    bricks = page.index("Brick Works")
    assert cocoa < bricks  # the most salient supplier first
    assert cocoa < page.index("Child labour in cocoa") < page.index("Forced labour in cocoa") < bricks
    assert "Old closed risk" not in page  # the same filters as the list
    assert "Stranger" not in page
    filtered = client_for(alice).get(url("risks_by_supplier"), {"country": "IN"}).content.decode()
    assert "1 supplier with risks" in filtered
    assert "Cacao Coop" not in filtered


def test_the_export_holds_the_filtered_view_and_neutralises_formulas(
    tools_register: dict[str, Risk], alice: Any, client_for: Any
) -> None:
    client = client_for(alice)
    response = client.get(
        url("risks_export", file_format="csv"), {"theme": "forced_labour", "sort": "salience"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="acme-risks-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Salience", "Salience band", "Risk"]
    assert [row[2] for row in rows[1:]] == [
        "'-2+3 cotton",
        "Forced labour in bricks",
        "Forced labour in cocoa",
    ]
    assert rows[1][3] == "'=HYPERLINK(1)"
    assert rows[2][4] == "7"  # the supplier number
    assert "Stranger" not in response.content.decode("utf-8-sig")

    workbook = load_workbook(
        io.BytesIO(client.get(url("risks_export", file_format="xlsx"), {"country": "CI"}).content)
    )
    sheet = workbook.active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert [row[2] for row in values[1:]] == ["Child labour in cocoa", "Forced labour in cocoa"]
    assert values[1][0] == 100  # numbers stay numbers
    dutch = client.get(url("risks_export", file_format="csv"), HTTP_ACCEPT_LANGUAGE="nl").content.decode(
        "utf-8-sig"
    )
    assert dutch.startswith("Prioriteit,Prioriteitsklasse,Risico,Leverancier")
    assert "Ivoorkust" in dutch
    assert client.get(url("risks_export", file_format="pdf")).status_code == 404


def test_strangers_get_nothing(tools_register: dict[str, Risk], charlie: Any, client_for: Any) -> None:
    client = client_for(charlie)
    for name, kwargs in (("risks", {}), ("risks_by_supplier", {}), ("risks_export", {"file_format": "csv"})):
        assert client.get(url(name, **kwargs)).status_code == 404


def test_the_register_pages_cost_a_fixed_number_of_queries(
    tools_register: dict[str, Risk],
    acme: Any,
    alice: Any,
    client_for: Any,
    django_assert_max_num_queries: Any,
    settings: Any,
) -> None:
    settings.IMVO_PAGE_CACHE_SECONDS = 0  # what rendering them costs, every time
    client = client_for(alice)
    for name in ("risks", "risks_by_supplier"):
        client.get(url(name))
        with django_assert_max_num_queries(30) as small:
            client.get(url(name))
        suppliers = Supplier.objects.bulk_create(
            [
                Supplier(organisation=acme, name=f"S{n}", country="IN", key=f"name:s{n}|IN-{name}")
                for n in range(60)
            ]
        )
        Risk.objects.bulk_create(
            [
                Risk(organisation=acme, supplier=s, title=f"R{n}", salience=n, likelihood=n, severity=n)
                for n, s in enumerate(suppliers)
            ]
        )
        with django_assert_max_num_queries(len(small.captured_queries)):
            assert client.get(url(name), {"q": "R"}).status_code == 200


@pytest.mark.django_db
def test_supplier_names_have_a_trigram_index_on_postgresql() -> None:
    """The register's search by supplier name reads this index on PostgreSQL (migration 0009)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL index")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'supplier_name_trigram'")
        row = cursor.fetchone()
    assert row is not None
    assert "gin_trgm_ops" in row[0]
