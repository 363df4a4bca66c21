"""Convert the raw reference data in ``../shared/data`` into the package data in ``refdata/data``.

Usage (from the repository root)::

    python -m imvo.core.refdata.build --source ../shared/data

The output is deterministic: rebuilding from the same raw files (and the same pycountry version)
gives byte-identical files, which ``tests/core/test_refdata.py`` checks.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

from imvo.core.refdata.sources import (
    BuildError,
    BuiltDataset,
    eu_cmr,
    hs,
    ilab_findings,
    ilab_goods,
    iso3166,
    json_document_bytes,
    tip,
    wgi,
)

PACKAGE_DATA = Path(__file__).resolve().parent / "data"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
SOURCES = (ilab_goods, ilab_findings, hs, eu_cmr, iso3166, wgi, tip)


def build_all(source_dir: Path) -> dict[str, bytes]:
    """Every output file by name, including the manifest; nothing is written."""
    built: list[BuiltDataset] = [source.build(source_dir) for source in SOURCES]
    files: dict[str, bytes] = {}
    datasets = []
    for dataset in built:
        files.update(dataset.files)
        datasets.append(
            {
                **dataset.metadata,
                "data_files": [
                    {"path": name, "sha256": hashlib.sha256(content).hexdigest()}
                    for name, content in sorted(dataset.files.items())
                ],
            }
        )
    files[MANIFEST] = json_document_bytes({"format": MANIFEST_FORMAT, "datasets": datasets})
    return files


def write(files: dict[str, bytes], output_dir: Path) -> None:
    output_dir.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (output_dir / name).write_bytes(content)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m imvo.core.refdata.build",
        description="Convert ../shared/data into the package reference data.",
    )
    parser.add_argument("--source", type=Path, required=True, help="the raw data folder, e.g. ../shared/data")
    parser.add_argument(
        "--output", type=Path, default=PACKAGE_DATA, help="where to write (default: package data)"
    )
    args = parser.parse_args(argv)
    try:
        files = build_all(args.source)
    except (BuildError, OSError) as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    write(files, args.output)
    for name, content in sorted(files.items()):
        print(f"{len(content):>9} bytes  {args.output / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
