"""Obligations fixtures: import files as a user would upload them."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook

IMPORTS_CSV = (
    "year,cn_code,quantity_kg,country_of_origin\n"
    "2024,2609 00 00,3000,CD\n"
    "2024,2609.00.00,2000,RW\n"
    "2025,26090000,4999,BO\n"
)


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media_root(tmp_path: Any, settings: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
