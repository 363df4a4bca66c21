"""Converters from the raw files in ``../shared/data`` to the compact package data in ``refdata/data``.

One module per source. Each exposes ``build(source_dir) -> BuiltDataset``; :mod:`imvo.core.refdata.build`
writes the files and the manifest. These modules run at build time only (they may use ``pycountry``);
nothing at run time imports them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class BuildError(Exception):
    """The raw data does not look the way its README describes; refuse to write anything."""


@dataclass(frozen=True)
class BuiltDataset:
    """One dataset as converted: its manifest entry (without ``data_files``) and its output files."""

    metadata: Mapping[str, Any]
    files: Mapping[str, bytes] = field(default_factory=dict)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_file_entry(source_dir: Path, relative: str) -> dict[str, str]:
    """Manifest entry for a raw input file: its path relative to the source folder and its SHA-256."""
    path = source_dir / relative
    if not path.is_file():
        raise BuildError(f"missing raw file: {path}")
    return {"path": relative, "sha256": sha256_of(path)}


def trimmed(text: str | None) -> str:
    """410 ILAB leaf values carry leading or trailing whitespace (``Unknown ``); compare trimmed."""
    return (text or "").strip()


def json_records_bytes(records: Iterable[Mapping[str, Any]]) -> bytes:
    """A JSON array with one record per line: small, deterministic and readable in a diff."""
    lines = [
        json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for record in records
    ]
    return ("[\n" + ",\n".join(lines) + "\n]\n").encode("utf-8")


def json_tables_bytes(tables: Mapping[str, Iterable[Any]]) -> bytes:
    """A JSON object of arrays, one array element per line (compact, deterministic, diff-friendly)."""
    parts = []
    for name in sorted(tables):
        items = [
            json.dumps(item, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            for item in tables[name]
        ]
        parts.append(json.dumps(name) + ":[\n" + ",\n".join(items) + "\n]")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")


def json_document_bytes(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def gzip_bytes(data: bytes) -> bytes:
    """gzip with a zero timestamp and no file name, so rebuilding gives identical bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)
