"""Properties of the whole scan: nothing is dropped, priorities are a ranking, exports agree."""

import csv
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imvo.core.scan import Resolver, scan_file
from imvo.core.suppliers import InputError

RESOLVER = Resolver()
COUNTRIES = ["Ghana", "Ivoorkust", "China", "Indonesië", "Duitsland", "Atlantis", "", "??", "CI", "Burma"]
PRODUCTS = ["cocoa", "cacaobonen", "polysilicon", "geraffineerde palmolie", "laptops", "", "xyzzy", "gold"]
cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
row = st.tuples(
    cell,
    st.one_of(st.sampled_from(COUNTRIES), cell),
    st.one_of(st.sampled_from(PRODUCTS), cell),
    st.sampled_from(["", "1801", "0901 11", "ex 7108", "99", "abc"]),
    st.sampled_from(["", "1.000", "12,50", "1000000"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(row, min_size=1, max_size=25))
def test_every_row_is_in_the_register_and_priorities_rank_findings(tmp_path_factory, rows):
    path = Path(tmp_path_factory.mktemp("scan")) / "suppliers.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Leverancier", "Land", "Product", "GN-code", "Inkoopwaarde"])
        # A supplier name is required; keep the generated one but never empty.
        writer.writerows([(name or "x", *rest) for name, *rest in rows])
    try:
        result = scan_file(path, resolver=RESOLVER)
    except InputError as error:  # input problems are a valid outcome for junk cells
        problems = error.problems
    else:
        problems = []
    if problems:
        assert all(p.file == "suppliers.csv" and p.message for p in problems)
        return
    with result:
        findings = result.findings
        assert {f.input_row for f in findings} == set(range(1, result.source.rows + 1))
        assert result.source.rows + result.source.skipped_empty_rows == len(rows)
        ranked = sorted(f.priority for f in findings if f.theme != "none")
        assert ranked == list(range(1, len(ranked) + 1))
        assert all((f.priority is None) == (f.theme == "none") for f in findings)
        statuses = {"ok", "needs_review", "unmatched_country", "unmatched_product"}
        assert all(f.status in statuses for f in findings)
        assert all(f.source_url and f.dataset and f.record_id for f in findings if f.theme != "none")
