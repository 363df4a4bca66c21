# ruff: noqa: S608 -- the SQL is built from model metadata (table and column names), never from input
"""An organisation's data version: a number that changes whenever anything its pages show changes.

Pages that cost many queries (the overview, the register) keep their rendered HTML under this
number (:mod:`imvo.web.organisations.page_cache`), so the number must never stay the same while
the data changes. That is why the database keeps it, not the code that writes: triggers on every
table that holds an organisation's data (installed after every ``migrate``, for every model with an
``organisation``, or a foreign key to a model with one) note each write, whichever path made it:
``save()``, ``QuerySet.update()``, ``bulk_create()``, raw SQL, ``COPY``, a job in another process.
Data every organisation's pages read (legal values, users' names) count for every organisation
(scope 0).

- **PostgreSQL**: a statement trigger inserts one ``DataVersionLedger`` row per organisation and
  writing transaction (``ON CONFLICT DO NOTHING``); the version is the sum of the committed rows'
  weights. It is transactional: a reader sees the new version exactly when it sees the new data;
  and since each transaction writes only its own rows, writers never wait on one another for it.
  Within one transaction the version moves with its first write only: pages are therefore never
  kept from inside a transaction (:mod:`imvo.web.organisations.page_cache`).
  :func:`compact` folds an organisation's rows into one, keeping the sum.
- **SQLite**: one writer at a time anyway; a row trigger adds 1 to the organisation's one row.

A version read before a write commits and data read after it can pair old number with new data:
that page is then newer than its number says, never older, and the next reader sees a new number.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import connection, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper

#: Rows that say nothing about an organisation's data: login throttling, the public form's
#: rate limits, and the ledger itself.
NOT_ORGANISATION_DATA = frozenset(
    {
        "accounts.FailedLogin",
        "accounts.ThrottleLock",
        "grievances.PublicAttempt",
        "organisations.DataVersionLedger",
    }
)
#: An organisation's rows are folded into one once they number more than this (PostgreSQL).
COMPACT_ABOVE_ROWS = 500
LEDGER = "organisations_dataversionledger"
INSTALL_WIDE = 0


@dataclass(frozen=True)
class Watched:
    """A table whose writes change data versions, and how a row names its organisations."""

    table: str
    #: The row's columns naming an organisation (none: install-wide). A consent, a covenant's
    #: party, a monitored company name two: both organisations' pages show the row.
    columns: tuple[str, ...] = ()
    #: When the one column is a foreign key to a table holding the organisation: that table.
    via_table: str | None = None


def _organisation_columns(model: type[models.Model]) -> tuple[str, ...]:
    from imvo.web.organisations.models import Organisation

    if model is Organisation:
        return ("id",)
    return tuple(
        str(field.column)
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is Organisation
    )


def watched_tables() -> list[Watched]:
    """Every table of the project whose rows belong to an organisation or to the whole install."""
    watched = []
    for model in apps.get_models():
        label = model._meta.label
        if not model.__module__.startswith("imvo.") or label in NOT_ORGANISATION_DATA:
            continue
        table = model._meta.db_table
        columns = _organisation_columns(model)
        if columns:
            watched.append(Watched(table, columns))
            continue
        parent = next(
            (
                field
                for field in model._meta.concrete_fields
                if field.is_relation and field.related_model and _organisation_columns(field.related_model)
            ),
            None,
        )
        if parent is not None and parent.related_model is not None:
            parent_columns = _organisation_columns(parent.related_model)
            if len(parent_columns) == 1 and parent_columns[0] == "organisation_id":
                watched.append(Watched(table, (str(parent.column),), parent.related_model._meta.db_table))
                continue
        # Read by every organisation's pages, or reached only through a longer path: counted
        # for everyone, which is never wrong, only less cached.
        watched.append(Watched(table))
    return watched


def _trigger_name(table: str, event: str) -> str:
    return f"imvo_dv_{table}_{event}"[:63]


# --- PostgreSQL ---------------------------------------------------------------------------------
def _postgres_scopes(watched: Watched, rows: str) -> str:
    """A query of the distinct scopes of the transition table ``rows``."""
    qn = connection.ops.quote_name
    if not watched.columns:
        return f"SELECT DISTINCT {INSTALL_WIDE}::bigint AS scope FROM {rows}"
    if watched.via_table is not None:
        return (
            f"SELECT DISTINCT coalesce(p.organisation_id, {INSTALL_WIDE}) AS scope FROM {rows} r "
            f"LEFT JOIN {qn(watched.via_table)} p ON p.id = r.{qn(watched.columns[0])}"
        )
    return " UNION ".join(
        f"SELECT coalesce(r.{qn(column)}, {INSTALL_WIDE}) AS scope FROM {rows} r"
        for column in watched.columns
    )


def _postgres_install(cursor: CursorWrapper, watched: Watched) -> None:
    qn = connection.ops.quote_name
    function = f"imvo_dv_{watched.table}"[:63]
    note = f"INSERT INTO {LEDGER} (scope, txid, weight) "
    note += "SELECT DISTINCT scope, txid_current(), 1 FROM ({}) s "
    # DO NOTHING: a transaction's row is written once; updating it per statement would grow its
    # version chain with every statement (quadratic for a loop of single-row statements).
    note += "ON CONFLICT (scope, txid) DO NOTHING;"
    both = f"{_postgres_scopes(watched, 'new_rows')} UNION {_postgres_scopes(watched, 'old_rows')}"
    body = f"""
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN {note.format(_postgres_scopes(watched, "new_rows"))}
  ELSIF TG_OP = 'UPDATE' THEN {note.format(both)}
  ELSIF TG_OP = 'DELETE' THEN {note.format(_postgres_scopes(watched, "old_rows"))}
  ELSE INSERT INTO {LEDGER} (scope, txid, weight) VALUES ({INSTALL_WIDE}, txid_current(), 1)
    ON CONFLICT (scope, txid) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;"""
    statements = [body]
    table = qn(watched.table)
    for event, referencing in (
        ("insert", "REFERENCING NEW TABLE AS new_rows"),
        ("update", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("delete", "REFERENCING OLD TABLE AS old_rows"),
        ("truncate", ""),
    ):
        name = qn(_trigger_name(watched.table, event))
        statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        statements.append(
            f"CREATE TRIGGER {name} AFTER {event.upper()} ON {table} {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
    for statement in statements:
        cursor.execute(statement)


# --- SQLite -------------------------------------------------------------------------------------
def _sqlite_scopes(watched: Watched, row: str) -> list[str]:
    qn = connection.ops.quote_name
    if not watched.columns:
        return [str(INSTALL_WIDE)]
    if watched.via_table is not None:
        return [
            f"coalesce((SELECT organisation_id FROM {qn(watched.via_table)} "
            f"WHERE id = {row}.{qn(watched.columns[0])}), {INSTALL_WIDE})"
        ]
    return [f"coalesce({row}.{qn(column)}, {INSTALL_WIDE})" for column in watched.columns]


def _sqlite_note(scope: str, condition: str = "") -> str:
    return (
        f"INSERT INTO {LEDGER} (scope, txid, weight) SELECT {scope}, 0, 1 WHERE {condition or 'true'} "
        "ON CONFLICT (scope, txid) DO UPDATE SET weight = weight + 1;"
    )


def _sqlite_install(cursor: CursorWrapper, watched: Watched) -> None:
    qn = connection.ops.quote_name
    news, olds = _sqlite_scopes(watched, "NEW"), _sqlite_scopes(watched, "OLD")
    bodies = {
        "insert": "".join(_sqlite_note(new) for new in news),
        # A row moved to another organisation changes that one's data too.
        "update": "".join(
            _sqlite_note(new) + _sqlite_note(old, f"{old} <> {new}")
            for new, old in zip(news, olds, strict=True)
        ),
        "delete": "".join(_sqlite_note(old) for old in olds),
    }
    for event, body in bodies.items():
        name = qn(_trigger_name(watched.table, event))
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(
            f"CREATE TRIGGER {name} AFTER {event.upper()} ON {qn(watched.table)} "
            f"FOR EACH ROW BEGIN {body} END"
        )


def install_triggers(using: BaseDatabaseWrapper | None = None) -> int:
    """(Re)create the triggers on every watched table; returns how many tables are watched.

    Run after every ``migrate`` (a table SQLite rebuilds loses its triggers, a new model needs
    them); the install-wide version then moves too, since a migration may have changed data.
    """
    db = using or connection
    install = {"postgresql": _postgres_install, "sqlite": _sqlite_install}.get(db.vendor)
    if install is None:
        raise NotImplementedError(f"data versions are kept on PostgreSQL and SQLite, not on {db.vendor}")
    existing = set(db.introspection.table_names())
    watched = [table for table in watched_tables() if table.table in existing]
    with transaction.atomic(using=db.alias), db.cursor() as cursor:
        for table in watched:
            install(cursor, table)
        txid = "txid_current()" if db.vendor == "postgresql" else "0"
        cursor.execute(
            f"INSERT INTO {LEDGER} (scope, txid, weight) VALUES ({INSTALL_WIDE}, {txid}, 1) "
            "ON CONFLICT (scope, txid) DO UPDATE SET weight = " + LEDGER + ".weight + 1"
        )
    return len(watched)


def data_version(organisation_id: int) -> int:
    """The organisation's data version: it changes with every committed write to its data."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT coalesce(sum(weight), 0) FROM {LEDGER} WHERE scope IN (%s, %s)",
            [organisation_id, INSTALL_WIDE],
        )
        return int(cursor.fetchone()[0])


def compact() -> int:
    """Fold each scope's ledger rows into one where they are many (PostgreSQL; the sum, and so
    every version, stays the same); returns how many rows were removed."""
    if connection.vendor != "postgresql":
        return 0
    removed = 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT scope FROM {LEDGER} GROUP BY scope HAVING count(*) > %s", [COMPACT_ABOVE_ROWS]
        )
        for (scope,) in cursor.fetchall():
            # Rows of transactions still running are not seen, so not removed: they count when
            # they commit. A concurrent compaction removes only the rows it finds still there.
            cursor.execute(
                f"WITH gone AS (DELETE FROM {LEDGER} WHERE scope = %s RETURNING weight), "
                f"folded AS (INSERT INTO {LEDGER} (scope, txid, weight) "
                "SELECT %s, txid_current(), sum(weight) FROM gone HAVING count(*) > 0 RETURNING 1) "
                "SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM folded)",
                [scope, scope],
            )
            removed += int(cursor.fetchone()[0])
    return removed
