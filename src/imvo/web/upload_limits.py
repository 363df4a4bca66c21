"""Validation of uploaded files (size and type, for every form that accepts a file) and the limits
of the install on what reading one file may cost (``docs/security.md``, "Files and uploads").

Each limit is a Django setting read from the environment of the same name; the settings module may
set it too (the tests lower them per test):

- ``IMVO_MAX_UPLOAD_SIZE``: bytes of one upload (in ``settings.py``);
- ``IMVO_MAX_UNPACKED_SIZE``: bytes an uploaded workbook may unpack to (default 500 MB);
- ``IMVO_MAX_UNPACK_RATIO``: how many times its packed size one workbook part may unpack to
  (default 100);
- ``IMVO_MAX_UPLOAD_ROWS``: rows of a supplier list, read by the background worker (default
  1 000 000);
- ``IMVO_MAX_FORM_ROWS``: rows of a population or import-records file, read while the page waits
  (default 100 000);
- ``IMVO_FILE_SECONDS`` and ``IMVO_FILE_MEMORY_MB``: the time and memory one disclosure may take to
  read and assess (default 120 s and 1024 MB).
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from imvo.core.assessment.extract import FileBudget
from imvo.core.suppliers import FileLimits, InputError, check_workbook_size


def _env_number(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


_DEFAULTS: dict[str, float] = {
    "IMVO_MAX_UNPACKED_SIZE": _env_number("IMVO_MAX_UNPACKED_SIZE", 500 * 1024**2),
    "IMVO_MAX_UNPACK_RATIO": _env_number("IMVO_MAX_UNPACK_RATIO", 100),
    "IMVO_MAX_UPLOAD_ROWS": _env_number("IMVO_MAX_UPLOAD_ROWS", 1_000_000),
    "IMVO_MAX_FORM_ROWS": _env_number("IMVO_MAX_FORM_ROWS", 100_000),
    "IMVO_FILE_SECONDS": _env_number("IMVO_FILE_SECONDS", 120),
    "IMVO_FILE_MEMORY_MB": _env_number("IMVO_FILE_MEMORY_MB", 1024),
}


def limit(name: str) -> float:
    """The install's value of one of the limits above (a Django setting wins over the environment)."""
    return float(getattr(settings, name, _DEFAULTS[name]))


def _how(name: str) -> str:
    return f"the site's administrator can change the limit with the setting {name} (see docs/security.md)"


def file_limits(rows_setting: str = "IMVO_MAX_UPLOAD_ROWS") -> FileLimits:
    """The install's limits for reading one uploaded table; ``rows_setting`` names its row limit:
    ``IMVO_MAX_UPLOAD_ROWS`` for supplier lists (read in the background), ``IMVO_MAX_FORM_ROWS`` for
    files read while the page waits."""
    return FileLimits(
        max_bytes=int(settings.IMVO_MAX_UPLOAD_SIZE),
        max_unpacked_bytes=int(limit("IMVO_MAX_UNPACKED_SIZE")),
        max_ratio=limit("IMVO_MAX_UNPACK_RATIO"),
        max_rows=int(limit(rows_setting)),
        how_to_change={
            "max_bytes": _how("IMVO_MAX_UPLOAD_SIZE"),
            "max_unpacked_bytes": _how("IMVO_MAX_UNPACKED_SIZE"),
            "max_ratio": _how("IMVO_MAX_UNPACK_RATIO"),
            "max_rows": _how(rows_setting),
        },
    )


def file_budget() -> FileBudget:
    """The install's time and memory budget for reading and assessing one disclosure."""
    return FileBudget(seconds=limit("IMVO_FILE_SECONDS"), memory_mb=int(limit("IMVO_FILE_MEMORY_MB")))


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
    if extension == ".xlsx":
        # The ZIP directory alone tells a zip bomb; nothing is unpacked here.
        try:
            check_workbook_size(upload, file_limits(), upload.name or "upload.xlsx")
        except InputError as error:
            raise ValidationError(
                _("The workbook cannot be accepted: %(problem)s"),
                code="unpacks_too_large",
                params={"problem": error.problems[0].message},
            ) from None
        finally:
            upload.seek(0)
