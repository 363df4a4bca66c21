"""Writes of the web upload's column choice and row corrections (each audited).

A list whose columns are not recognised is stored first, without a scan, so the person can choose
its columns (:mod:`imvo.web.register.mapping`); the scan then runs on a copy with the chosen columns,
uploaded and scanned through :func:`imvo.web.register.actions.upload_and_scan_supplier_list` like any
list. Corrected rows are re-resolved the same way: a corrected copy is scanned and reviewed.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from imvo.web.organisations.models import Organisation
from imvo.web.register import actions
from imvo.web.register.models import Scan, SupplierUpload


def _copy_name(original: str, suffix: str) -> str:
    stem = original.rsplit(".", 1)[0] if "." in original else original
    return f"{stem[: 255 - len(suffix) - 5]}-{suffix}.csv"


def scan_copy(
    actor: Any, organisation: Organisation, original: SupplierUpload, content: bytes, suffix: str
) -> Scan:
    """Upload and scan ``content`` (a copy of ``original`` with chosen columns or corrected rows)."""
    if original.organisation_id != organisation.pk:
        raise ValueError("The list belongs to another organisation.")
    copy = SimpleUploadedFile(_copy_name(original.original_name, suffix), content, content_type="text/csv")
    return actions.upload_and_scan_supplier_list(actor, organisation, copy)
