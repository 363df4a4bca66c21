"""``imvo data``: which reference datasets and editions this installation uses."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from imvo.cli import EXIT_OK
from imvo.core.refdata import manifest, read_package_file

SHA256_PREFIX = 12
MANIFEST = "manifest.json"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "data",
        help="show the reference datasets and editions in use",
        description="Show the reference datasets in use: id, edition, source, SHA-256 of the raw files, "
        "record counts.",
    )
    parser.add_argument("--json", action="store_true", help="print the manifest as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.json:
        # The manifest exactly as shipped, so its SHA-256 values can be compared with a rebuild.
        sys.stdout.write(read_package_file(MANIFEST).decode("utf-8"))
        return EXIT_OK
    for dataset in manifest():
        print(f"{dataset.id}  —  {dataset.title}")
        print(f"  edition:   {dataset.edition}")
        print(f"  publisher: {dataset.publisher}")
        print(f"  licence:   {dataset.licence}")
        for url in dataset.source_urls:
            print(f"  source:    {url}")
        for raw_file in dataset.raw_files:
            print(f"  raw file:  {raw_file.path}  sha256 {raw_file.sha256[:SHA256_PREFIX]}…")
        counts = ", ".join(f"{name} {count}" for name, count in dataset.record_counts.items())
        print(f"  records:   {counts}")
        print()
    return EXIT_OK
