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
