"""Headers that no alias names are recognised from their words (ERP exports vary endlessly)."""

import pytest

from imvo.core.scan import scan_file
from imvo.core.suppliers import open_supplier_file
from imvo.core.suppliers.columns import guess_field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Vendor Country", "country"),
        ("Land leverancier", "country"),
        ("Lieferant Herkunftsland", "country"),
        ("Item Description", "product"),
        ("Annual Spend (EUR)", "spend"),
        ("Supplier legal name", "supplier"),
        ("Customs tariff (HS)", "hs_code"),
        ("Supply chain tier", "tier"),
        ("Vendor ID", None),
        ("Artikel nummer", None),
        ("Payment terms", None),
    ],
)
def test_guess_field_from_words(header, field):
    assert guess_field(header) == field


def test_exact_alias_wins_over_a_guess(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "Supplier,Country,Vendor country code,Product\nA,Ghana,GH,cocoa\n",
        encoding="utf-8",
    )
    with open_supplier_file(path) as supplier_file:
        assert supplier_file.columns["country"] == "Country"


def test_unusual_english_export_scans(tmp_path):
    path = tmp_path / "vendors.csv"
    path.write_text(
        "Vendor Name,Vendor Country,Item Description,Annual Spend (EUR)\n"
        '"Acme, Inc.",Ivory Coast,Cocoa beans,"1,250.00"\n',
        encoding="utf-8",
    )
    with scan_file(path) as result:
        themes = {f.theme for f in result.findings}
        assert "forced_child_labour" in themes
        assert result.findings[0].spend == 1250.0


def test_sap_vendor_and_material_numbers_beside_their_texts(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Lieferant", "Name 1", "Land/Region", "Material", "Materialkurztext", "Warennummer"])
    sheet.append([100234, "Kakao Handel GmbH", "CI", "M-1", "Rohkakao Bohnen", 18010000])
    path = tmp_path / "sap.xlsx"
    workbook.save(path)
    with open_supplier_file(path) as supplier_file:
        assert supplier_file.columns["supplier"] == "Name 1"
        assert supplier_file.columns["supplier_id"] == "Lieferant"
        assert supplier_file.columns["product"] == "Materialkurztext"
        (record,) = supplier_file.records()
    assert record.supplier == "Kakao Handel GmbH"
    assert record.product == "Rohkakao Bohnen"


def test_two_real_supplier_name_columns_are_still_a_conflict(tmp_path):
    import pytest

    from imvo.core.suppliers import InputError

    path = tmp_path / "s.csv"
    path.write_text("Supplier name,Vendor name,Country,Product\nA,B,Ghana,cocoa\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_supplier_file(path)
    assert "2 columns mean supplier" in str(caught.value.problems[0])
