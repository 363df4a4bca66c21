"""Limits on what reading one uploaded table may cost: bytes, unpacked bytes and rows.

Every reader of a user's table (supplier lists, a monitoring population, import records) takes a
:class:`FileLimits` and checks it *before* doing the expensive part: the ZIP directory of a workbook
is read before openpyxl opens it, and rows are counted while they stream, so a small file that
unpacks or expands into millions of rows (a "zip bomb") is refused after bounded work. The core's
defaults suit the command line, where the user scans their own files; the web application passes
the limits of the install (``docs/security.md``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from imvo.core.tabular.problems import InputError, InputProblem

#: Largest file the reader opens at all.
DEFAULT_MAX_BYTES = 200 * 1024**2
#: Largest sum of the uncompressed sizes of a workbook's parts. A million-row supplier sheet
#: unpacks to a few hundred MB; beyond this it is not a supplier list.
DEFAULT_MAX_UNPACKED_BYTES = 2 * 1024**3
#: Workbook XML compresses about 5-20 times on the whole: a reader given only a size limit lets a
#: workbook unpack to this multiple of it.
MAX_EXPANSION = 20
#: Largest ratio of unpacked to packed size of one workbook part. Spreadsheet XML compresses about
#: 5-20 times; Apache POI refuses parts that compress more than 100 times ("zip bomb detected",
#: ``ZipSecureFile.MIN_INFLATE_RATIO = 0.01``), and so does this reader.
DEFAULT_MAX_RATIO = 100
#: Parts smaller than this unpacked are not held to the ratio (tiny XML parts compress extremely
#: well); POI's grace size is 100 kB.
RATIO_GRACE_BYTES = 1024**2


@dataclass(frozen=True)
class FileLimits:
    """What one file may cost. ``None`` means no limit (``max_rows`` only).

    ``max_rows`` counts every row after the header the reader has to look at, empty ones included,
    because reading an empty row costs as much as reading a full one. ``how_to_change`` maps a
    limit's name (``max_bytes``, ``max_unpacked_bytes``, ``max_ratio``, ``max_rows``) to what ends
    its message: the reader does not know whether it runs from the command line or on a site, so
    the caller says (the web application names the setting of the install).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
    max_ratio: float = DEFAULT_MAX_RATIO
    max_rows: int | None = None
    how_to_change: Mapping[str, str] = field(default_factory=dict)

    def with_max_bytes(self, max_bytes: int) -> FileLimits:
        """These limits for files of at most ``max_bytes``; a workbook then unpacks to at most
        :data:`MAX_EXPANSION` times that, too."""
        return replace(
            self,
            max_bytes=max_bytes,
            max_unpacked_bytes=min(self.max_unpacked_bytes, max_bytes * MAX_EXPANSION),
        )


DEFAULT_LIMITS = FileLimits()


def change_hint(limits: FileLimits, limit: str) -> str:
    """ "; <how to change it>" for a limit's message, or nothing."""
    text = limits.how_to_change.get(limit)
    return f"; {text}" if text else ""


def _megabytes(size: float) -> str:
    return f"{size / 1024**2:,.1f} MB"


def check_workbook_size(source: Path | IO[bytes], limits: FileLimits, file: str) -> None:
    """Refuse a workbook whose parts unpack to more than the limits allow, from its ZIP directory
    alone (nothing is decompressed). Raises :class:`InputError`."""
    try:
        with zipfile.ZipFile(source) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(
            [InputProblem(file, None, None, f"not a readable XLSX workbook: a damaged ZIP file ({error})")]
        ) from None
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limits.max_unpacked_bytes:
        raise InputError(
            [
                InputProblem(
                    file,
                    None,
                    None,
                    f"the workbook unpacks to {unpacked // 1024**2} MB, more than "
                    f"{limits.max_unpacked_bytes // 1024**2} MB, the limit ({unpacked:,} bytes against "
                    f"{limits.max_unpacked_bytes:,}): it is a zip bomb, or holds far more than a list"
                    f"{change_hint(limits, 'max_unpacked_bytes')}",
                    "a workbook with only the list, or a CSV export of it",
                )
            ]
        )
    for part in parts:
        if part.file_size <= RATIO_GRACE_BYTES:
            continue
        ratio = part.file_size / max(part.compress_size, 1)
        if ratio > limits.max_ratio:
            raise InputError(
                [
                    InputProblem(
                        file,
                        None,
                        None,
                        f"the workbook part {part.filename} unpacks {ratio:,.0f} times its packed size "
                        f"({_megabytes(part.file_size)}), more than the limit of {limits.max_ratio:,.0f} "
                        f"times: this is how zip bombs are built{change_hint(limits, 'max_ratio')}",
                        "save the sheet again from Excel, or export it as CSV",
                    )
                ]
            )


def too_many_rows(file: str, limits: FileLimits, line: int | None) -> InputError:
    """The error a reader raises when a file has more rows than ``limits.max_rows``."""
    return InputError(
        [
            InputProblem(
                file,
                line,
                None,
                f"the file has more than {limits.max_rows:,} rows after the header, the limit; "
                f"reading stopped there and nothing was used{change_hint(limits, 'max_rows')}",
                f"at most {limits.max_rows:,} rows (empty rows count too); split the list",
            )
        ]
    )
