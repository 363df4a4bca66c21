"""Writes of the web upload's column choice and row corrections (each audited).

A list whose columns are not recognised is stored first, without a scan, so the person can choose
its columns (:mod:`imvo.web.register.mapping`); the scan then runs on a copy with the chosen columns,
uploaded and scanned through :func:`imvo.web.register.actions.upload_and_scan_supplier_list` like any
list. Corrected rows are re-resolved the same way: a corrected copy is scanned and reviewed.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction

from imvo.web.audit.trail import record_audit_event
from imvo.web.audit.vocabulary import AuditAction
from imvo.web.organisations.models import Organisation
from imvo.web.register import actions
from imvo.web.register.models import Scan, SupplierUpload


@transaction.atomic
def store_supplier_list(actor: Any, organisation: Organisation, upload: UploadedFile) -> SupplierUpload:
    """Keep an uploaded list whose columns are still to be chosen; nothing is scanned yet."""
    supplier_upload = SupplierUpload(
        organisation=organisation,
        original_name=(upload.name or "suppliers")[:255],
        size=upload.size or 0,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    supplier_upload.file.save(upload.name or "suppliers.csv", upload, save=False)
    supplier_upload.save()
    record_audit_event(
        actor,
        organisation,
        AuditAction.UPLOAD,
        supplier_upload,
        {"file": supplier_upload.original_name, "size": upload.size},
    )
    return supplier_upload


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
