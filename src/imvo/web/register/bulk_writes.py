"""Row writes for applying a large scan: INSERT (``COPY`` on PostgreSQL) and UPDATE by ``executemany``
on prepared tuples.

Django's ``bulk_create`` and ``bulk_update`` build a model instance and compile SQL for every row:
for a list of 300 000 suppliers that Python work, not the database, made the merge transaction
hold SQLite's write lock for about 100 s (issue 17, finding 7; ``benchmarks/bench_sqlite_merge.py``).
Here each statement is compiled once and only the values a backend cannot take as they are (JSON,
decimals, dates and times) go through their field's own ``get_db_prep_save``, so the stored values
are the ones the ORM would store. Models' ``save()`` and signals are not called, as with
``bulk_create``; the register's models have neither for these tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import Enum
from itertools import islice
from typing import Any

from django.db import connection, models
from django.utils import timezone

#: Rows per ``executemany`` call: statement memory stays bounded while round trips stay few.
ROWS_PER_CALL = 2000

_CONVERTED = (models.JSONField, models.DecimalField, models.DateTimeField, models.DateField)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value  # choices: the stored value, not the member


def _converter(field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    if isinstance(field, _CONVERTED):
        return lambda value: field.get_db_prep_save(value, connection)
    return _plain


def _chunks(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _insert_value(field: models.Field[Any, Any], row: Mapping[str, Any], now: Any) -> Any:
    if field.attname in row:
        return row[field.attname]
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.get_default()


def insert_rows(model: type[models.Model], rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert ``rows`` (attribute name → value; ``organisation_id`` style for foreign keys) into
    ``model``'s table; unnamed fields take their defaults, ``auto_now`` fields the current time.
    Returns the number of rows written. Run inside the caller's transaction."""
    fields = [field for field in model._meta.concrete_fields if not isinstance(field, models.AutoField)]
    converters = [_converter(field) for field in fields]
    quote = connection.ops.quote_name
    # Identifiers come from the model's own metadata (quoted); every value is a bound parameter.
    columns = ", ".join(quote(_column(field)) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    now = timezone.now()
    written = 0
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, ROWS_PER_CALL):
            values = [
                tuple(
                    convert(_insert_value(field, row, now))
                    for field, convert in zip(fields, converters, strict=True)
                )
                for row in chunk
            ]
            if connection.vendor == "postgresql":
                # COPY: one statement per chunk (psycopg's executemany sends one INSERT per row, and
                # each statement runs the table's statement triggers: the data version's).
                copy_sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
                with cursor.cursor.copy(copy_sql) as copy:
                    for value in values:
                        copy.write_row(value)
            else:
                cursor.executemany(sql, values)
            written += len(chunk)
    return written


def _concrete(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or not field.concrete:
        raise ValueError(f"{model.__name__}.{name} is not a column")
    return field


def update_rows(model: type[models.Model], names: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Set the fields ``names`` on each row (a mapping with ``pk`` and those names); ``updated_at``
    is set to now when the model has it (and ``names`` does not name it). Returns the number of rows given."""
    fields = [_concrete(model, name) for name in names]
    stamped = [_concrete(model, "updated_at")] if _has_field(model, "updated_at", names) else []
    converters = [_converter(field) for field in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(_column(field))} = %s" for field in [*fields, *stamped])
    key = quote(_column(_concrete(model, "id")))
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {key} = %s"  # noqa: S608
    pairs = list(zip(names, converters, strict=True))
    stamp = tuple(_converter(field)(timezone.now()) for field in stamped)
    written = 0
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, ROWS_PER_CALL):
            cursor.executemany(
                sql,
                [(*(convert(row[name]) for name, convert in pairs), *stamp, row["pk"]) for row in chunk],
            )
            written += len(chunk)
    return written


def _has_field(model: type[models.Model], name: str, named: Sequence[str]) -> bool:
    return name not in named and any(field.name == name for field in model._meta.concrete_fields)


def _column(field: models.Field[Any, Any]) -> str:
    if field.column is None:
        raise ValueError(f"{field} has no column")
    return field.column
