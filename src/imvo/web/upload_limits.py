"""Validation of uploaded files: size and type, for every form that accepts a file."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

SUPPLIER_LIST_EXTENSIONS = frozenset({".csv", ".txt", ".tsv", ".xlsx"})
EVIDENCE_EXTENSIONS = frozenset({".pdf", ".csv", ".xlsx", ".docx", ".odt", ".txt", ".png", ".jpg", ".jpeg"})
# Magic numbers of the binary formats: a renamed executable is not accepted as a spreadsheet.
_SIGNATURES = {
    ".xlsx": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}


def validate_upload(
    upload: UploadedFile[Any], allowed_extensions: Collection[str], max_size: int | None = None
) -> None:
    """Raise ValidationError unless ``upload`` has an allowed extension, matching content and size."""
    limit = settings.IMVO_MAX_UPLOAD_SIZE if max_size is None else max_size
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(megabytes)s MB is accepted."),
            code="too_large",
            params={"megabytes": limit // (1024 * 1024)},
        )
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in allowed_extensions:
        raise ValidationError(
            _("Files of type %(extension)s are not accepted; use one of: %(allowed)s."),
            code="bad_type",
            params={"extension": extension or "?", "allowed": ", ".join(sorted(allowed_extensions))},
        )
    signatures = _SIGNATURES.get(extension)
    if signatures:
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        if not any(head.startswith(signature) for signature in signatures):
            raise ValidationError(
                _("The file's content does not match its %(extension)s extension."),
                code="bad_content",
                params={"extension": extension},
            )
