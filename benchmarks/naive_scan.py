"""The baseline: the same matching done row by row in plain Python, without the distinct-value
resolution and without DuckDB, written the way a first version would be."""

from __future__ import annotations

import csv
from pathlib import Path

from imvo.core import refdata
from imvo.core.countries import normalise_country
from imvo.core.products import ProductMatcher
from imvo.core.risk.assess import findings_for
from imvo.core.suppliers import open_supplier_file, parse_amount


def naive_scan(source: Path, destination: Path) -> int:
    reference = refdata.load()
    hs_labels = {code: reference.hs_label(code) or "" for code in reference.hs_codes()}
    matcher = ProductMatcher(reference.good_names, hs_labels)
    out_rows = []
    with open_supplier_file(source) as supplier_file:
        for record in supplier_file.records():
            alpha2 = normalise_country(record.country)
            match = matcher._match(record.product, record.hs_code)  # uncached on purpose
            spend = parse_amount(record.spend) if record.spend else None
            if alpha2 is None:
                out_rows.append(
                    (record.input_row, record.supplier, "", record.product, match.good, "none", None, spend)
                )
                continue
            listings = [x for g in match.goods if (x := reference.listing(g, alpha2)) is not None]
            for finding in findings_for(alpha2, match.good, listings, reference.country_profile(alpha2)):
                out_rows.append(
                    (
                        record.input_row,
                        record.supplier,
                        alpha2,
                        record.product,
                        match.good,
                        finding.theme,
                        finding.salience,
                        spend,
                    )
                )
    out_rows.sort(key=lambda r: (-(r[6] or -1), -(r[7] or 0), r[0]))
    with destination.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["input_row", "supplier", "country", "product", "good", "theme", "salience", "spend"])
        writer.writerows(out_rows)
    return len(out_rows)
