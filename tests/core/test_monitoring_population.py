"""Reading a monitored population from CSV/XLSX and the programme's size criteria."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from imvo.core.monitoring import (
    DUTCH_IMVO_SIZE_CRITERIA,
    PopulationCompany,
    SizeCriteria,
    in_scope,
    read_population,
    size_class,
    slugify,
)
from imvo.core.suppliers import InputError

HEADER = "name;registration number;sector code;employees;assets;turnover;website\n"


def write(tmp_path: Path, text: str, name: str = "population.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_a_dutch_csv_with_dutch_number_formats_is_read(tmp_path):
    path = write(
        tmp_path,
        "Naam;KvK-nummer;SBI;Werknemers;Balanstotaal;Omzet;Website\n"
        "Acme B.V.;12345678;4639;1.250;25.000.000;€ 41.000.000;https://acme.example\n"
        "Zuivel Groot N.V.;87654321;1051;600;30000000;50000000;\n",
    )
    companies = read_population(path)
    assert companies[0] == PopulationCompany(
        name="Acme B.V.",
        registration_number="12345678",
        sector_code="4639",
        employees=1250,
        assets=25_000_000.0,
        turnover=41_000_000.0,
        website="https://acme.example",
        line=2,
    )
    assert companies[1].line == 3
    assert companies[1].key == "87654321"


def test_every_bad_row_is_named_with_file_line_and_column(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "Good Co;1;10;600;1;1;\n"
        + ";2;10;600;1;1;\n"
        + "Bad Numbers;3;10;many;-5;1;\n"
        + "Duplicate;1;10;600;1;1;\n",
    )
    with pytest.raises(InputError) as raised:
        read_population(path)
    problems = [(p.file, p.line, p.column) for p in raised.value.problems]
    assert ("population.csv", 3, "name") in problems
    assert ("population.csv", 4, "employees") in problems
    assert ("population.csv", 4, "assets") in problems
    assert ("population.csv", 5, "registration number") in problems
    assert len(problems) == 4


def test_a_file_without_a_name_column_is_refused_as_a_whole(tmp_path):
    path = write(tmp_path, "kvk,employees\n1,600\n")
    with pytest.raises(InputError) as raised:
        read_population(path)
    assert "company name" in raised.value.problems[0].message


def test_formula_like_cells_are_refused(tmp_path):
    path = write(tmp_path, 'name,website\n=HYPERLINK("x"),a\n')
    with pytest.raises(InputError) as raised:
        read_population(path)
    assert raised.value.problems[0].column == "name"


def test_windows_1252_csv_is_read(tmp_path):
    path = write(tmp_path, "name,employees\nMüller Söhne GmbH,700\n", encoding="cp1252")
    assert read_population(path)[0].name == "Müller Söhne GmbH"


def test_xlsx_population_is_read_with_sheet_row_numbers(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Company", "Registration number", "Employees", "Turnover"])
    sheet.append(["Acme", "123", 800, 45_000_000])
    sheet.append(["Broken", "124", "lots", 1])
    path = tmp_path / "population.xlsx"
    workbook.save(path)
    with pytest.raises(InputError) as raised:
        read_population(path)
    assert [(p.line, p.column) for p in raised.value.problems] == [(3, "Employees")]


def test_the_dutch_size_criteria_need_all_three_thresholds_exceeded():
    large = PopulationCompany("L", employees=501, assets=20_000_001, turnover=40_000_001)
    at_threshold = PopulationCompany("T", employees=500, assets=30_000_000, turnover=50_000_000)
    unknown = PopulationCompany("U", employees=5000, assets=None, turnover=90_000_000)
    assert DUTCH_IMVO_SIZE_CRITERIA.includes(large)
    assert not DUTCH_IMVO_SIZE_CRITERIA.includes(at_threshold)
    assert not DUTCH_IMVO_SIZE_CRITERIA.includes(unknown)
    assert in_scope([large, at_threshold, unknown], DUTCH_IMVO_SIZE_CRITERIA) == [large]


def test_size_classes():
    assert size_class(None) == "unknown"
    assert size_class(500) == "up to 500"
    assert size_class(501) == "501-999"
    assert size_class(5000) == "5,000 and more"


@given(st.text(max_size=60))
def test_slugs_are_lowercase_ascii_words(text):
    slug = slugify(text)
    assert slug == slug.strip("-")
    assert all(char.isascii() and (char.isalnum() or char == "-") for char in slug)
    assert slug == slug.lower()
    assert slugify(slug) == slug


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=20),
            st.integers(min_value=0, max_value=10**6),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_written_populations_read_back(tmp_path_factory, rows):
    directory = tmp_path_factory.mktemp("pop")
    lines = ["name;employees"] + [f"{name};{employees}" for name, employees in rows]
    path = directory / "p.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    companies = read_population(path)
    assert [(c.name, c.employees) for c in companies] == rows


def test_a_programme_may_use_only_some_thresholds_and_require_fewer_than_all():
    employees_only = SizeCriteria(
        "EU", employees_over=250, assets_over=None, turnover_over=None, required=None
    )
    assert employees_only.includes(PopulationCompany("A", employees=251))
    assert not employees_only.includes(PopulationCompany("B", employees=250, assets=9e9, turnover=9e9))
    two_of_three = SizeCriteria("2/3", employees_over=250, assets_over=20e6, turnover_over=40e6, required=2)
    assert two_of_three.includes(PopulationCompany("C", employees=10, assets=25e6, turnover=45e6))
    assert not two_of_three.includes(PopulationCompany("D", employees=200, assets=25e6, turnover=None))
    assert two_of_three.thresholds_required == 2
    assert "at least 2 of" in two_of_three.describe()
    everyone = SizeCriteria("none", employees_over=None, assets_over=None, turnover_over=None, required=None)
    assert everyone.includes(PopulationCompany("E"))
    assert "all of" in DUTCH_IMVO_SIZE_CRITERIA.describe()


@pytest.mark.parametrize("required", [0, 3])
def test_a_rule_asking_for_more_thresholds_than_set_is_refused(required):
    with pytest.raises(ValueError, match="thresholds cannot be required"):
        SizeCriteria("bad", employees_over=250, assets_over=20e6, turnover_over=None, required=required)


def test_a_negative_threshold_is_refused():
    with pytest.raises(ValueError, match="negative"):
        SizeCriteria("bad", employees_over=-1, assets_over=None, turnover_over=None, required=None)


@given(
    st.integers(min_value=0, max_value=10_000),
    st.one_of(st.none(), st.integers(min_value=0, max_value=10_000)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=10_000)),
)
def test_requiring_all_thresholds_is_the_same_as_requiring_each(employees, assets, threshold):
    company = PopulationCompany("X", employees=employees, assets=assets, turnover=None)
    both = SizeCriteria(
        "all", employees_over=threshold, assets_over=threshold, turnover_over=None, required=None
    )
    expected = all(
        value is not None and value > limit
        for value, limit in ((employees, threshold), (assets, threshold))
        if limit is not None
    )
    assert both.includes(company) is expected
