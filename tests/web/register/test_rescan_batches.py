"""Issue 17: the preview of a changed large list looked up every removed supplier and every changed or
closed risk in one ``pk__in`` query; past SQLite's 250 000 variables the scan failed with "too many
SQL variables". The lookups go in batches of ``rescan.LOOKUP_BATCH`` ids, lowered here to 2 so that
a three-supplier list proves it (without the batches, one IN list names all three)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection

from imvo.web.register import rescan
from imvo.web.register.models import Risk, RiskSource, ScanStatus, Supplier
from tests.web.register.test_rescan import FULL_LIST, NEW_SUPPLIER, upload

IN_LIST = re.compile(r"IN \(((?:%s, )*%s)\)")


def test_a_preview_looks_up_removed_suppliers_and_closed_risks_in_batches(
    alice: Any, acme: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = upload(alice, acme, FULL_LIST)
    assert first.status == ScanStatus.DONE, first.error
    names = set(Supplier.objects.filter(organisation=acme).values_list("name", flat=True))
    titles = set(
        Risk.objects.filter(organisation=acme, source=RiskSource.SCAN).values_list("title", flat=True)
    )
    assert len(names) == 3
    assert len(titles) > 2
    monkeypatch.setattr(rescan, "LOOKUP_BATCH", 2)
    tables = (Supplier._meta.db_table, Risk._meta.db_table)
    in_lists: list[int] = []

    def count_ids(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if any(f'"{table}"' in sql for table in tables):
            in_lists.extend(match.group(1).count("%s") for match in IN_LIST.finditer(sql))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count_ids):
        scan = upload(alice, acme, NEW_SUPPLIER)
    assert scan.status == ScanStatus.READY, scan.error
    preview = scan.preview["modes"]["replace"]
    # Every name and title is there, looked up in batches of at most two ids.
    assert set(preview["suppliers_removed"]) == names
    assert {closed["title"] for closed in preview["samples"]["closed"]} == titles
    assert {closed["supplier"] for closed in preview["samples"]["closed"]} <= names
    assert in_lists
    assert max(in_lists) <= rescan.LOOKUP_BATCH
