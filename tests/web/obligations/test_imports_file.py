"""Import files: CSV and XLSX give the same records through the core's parser."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imvo.core.obligations import FactsError
from imvo.web.obligations.imports_file import read_import_file
from tests.web.obligations.conftest import xlsx_bytes

HEADER = ["year", "cn_code", "quantity_kg", "country_of_origin"]

rows = st.lists(
    st.tuples(
        st.integers(2000, 2099),
        st.sampled_from(["2609 00 00", "2609.00.00", "26090000", "7108 12 00", "ex 2615 90 00"]),
        st.one_of(
            st.integers(0, 10**9),
            st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
        ),
        st.sampled_from(["CD", "RW", "BO", "PE", ""]),
    ),
    min_size=1,
    max_size=12,
)


def _csv_bytes(data: list[tuple[object, ...]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(data)
    return buffer.getvalue().encode()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows)
def test_xlsx_and_csv_files_give_the_same_records(data):
    from_csv = read_import_file("imports.csv", _csv_bytes(data))
    spreadsheet_rows = [
        [year, cn, float(qty) if isinstance(qty, Decimal) else qty, origin or None]
        for year, cn, qty, origin in data
    ]
    from_xlsx = read_import_file("imports.xlsx", xlsx_bytes([HEADER, *spreadsheet_rows]))
    assert [(r.line, r.year, r.cn_code, r.country_of_origin) for r in from_xlsx] == [
        (r.line, r.year, r.cn_code, r.country_of_origin) for r in from_csv
    ]
    for xlsx_record, csv_record in zip(from_xlsx, from_csv, strict=True):
        assert abs(xlsx_record.quantity_kg - csv_record.quantity_kg) < Decimal("0.001")


def test_a_windows_1252_csv_is_read():
    # A non-breaking space as thousands separator is byte 0xA0 in Windows-1252: not valid UTF-8.
    text = "year,cn_code,quantity_kg,country_of_origin\n2025,2609 00 00,1\u00a0200,CD\n"
    records = read_import_file("imports.csv", text.encode("cp1252"))
    assert records[0].quantity_kg == Decimal("1200")


def test_a_row_with_more_values_than_columns_is_a_problem_not_a_crash():
    text = "year,cn_code,quantity_kg,country_of_origin\n2025,2609 00 00,12,5,CD\n"
    with pytest.raises(FactsError) as error:
        read_import_file("imports.csv", text.encode())
    assert error.value.problems[0].message == "5 fields, expected 4 (the header has 4 columns)"


def test_a_file_that_is_not_a_workbook_is_a_problem_not_a_crash():
    with pytest.raises(FactsError) as error:
        read_import_file("imports.xlsx", b"PK\x03\x04 not really a zip")
    assert "not a readable XLSX workbook" in error.value.problems[0].message


def test_a_missing_column_is_named():
    with pytest.raises(FactsError) as error:
        read_import_file("imports.csv", b"year,cn_code\n2025,2609\n")
    assert "quantity_kg" in error.value.problems[0].message


def test_an_implausibly_large_mass_is_refused_before_it_reaches_the_database():
    text = "year,cn_code,quantity_kg,country_of_origin\n2025,2609 00 00,1e20,CD\n2025,2609 00 00,12,CD\n"
    with pytest.raises(FactsError) as error:
        read_import_file("imports.csv", text.encode())
    assert [(p.line, p.column) for p in error.value.problems] == [(2, "quantity_kg")]
