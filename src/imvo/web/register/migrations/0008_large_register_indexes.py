"""Indexes for large registers on PostgreSQL (100 000 suppliers, ``benchmarks/bench_web.py``).

``risk_org_register_order``: the register in its own order (most salient first, ``RISK_ORDER``).
The register's page reads the ids of one page in this order; with this index PostgreSQL walks the
first rows of the index instead of sorting the organisation's whole register for every page (and a
salience band's filter is a range of it). ``RISK_ORDER`` puts risks without a salience last
(``DESC NULLS LAST``), which an index only matches with that NULLS clause; SQLite does not accept
one in CREATE INDEX, so this index cannot be declared in ``Risk.Meta``.

``supplier_org_current``: the suppliers on the list now (not removed by a later list), so that
counting them (the overview, the supplier list's pages) reads a small index instead of every
supplier row.

Both are made on PostgreSQL only, the database for registers of this size (a SQLite register is a
small one).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

INDEXES = {
    "risk_org_register_order": (
        "register_risk (organisation_id, salience DESC NULLS LAST, priority ASC NULLS LAST, id)"
    ),
    "supplier_org_current": "register_supplier (organisation_id) WHERE removed_scan_id IS NULL",
}


def create_indexes(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_indexes(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0007_risk_inputs_and_evidence_data"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
