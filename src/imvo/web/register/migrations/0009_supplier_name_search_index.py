"""A trigram index for searching the register by supplier name on PostgreSQL.

The register's search (``filters.search_filter``) finds risks whose supplier's name contains the
words typed (``UPPER(name) LIKE '%COCOA%'``, which no B-tree index serves). Without this index
PostgreSQL reads every supplier of every organisation for each search (200 000 rows: about 100 ms,
three times per register page); with it, the few matching suppliers come from the index.

The index needs the ``pg_trgm`` extension, which ships with PostgreSQL but which a database role
may not be allowed to create: then the migration leaves the index out and search stays correct,
only slower. SQLite has neither and does not need them (a SQLite register is a small one).
"""

from __future__ import annotations

from typing import Any

from django.db import DatabaseError, migrations, transaction

INDEX = "supplier_name_trigram"


def create_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON register_supplier USING gin (UPPER(name) gin_trgm_ops)"
    )


def drop_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("register", "0008_large_register_indexes")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
