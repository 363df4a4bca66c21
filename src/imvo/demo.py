"""``make demo``: scan the example supplier list of a Dutch importer and show where the results are."""

from __future__ import annotations

import sys
from pathlib import Path

from imvo.cli import main as cli_main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "leveranciers.csv"
OUT = REPO / "var" / "demo"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    register_csv = OUT / "register.csv"
    code = cli_main(
        [
            "scan",
            str(EXAMPLE),
            "--out",
            str(register_csv),
            "--out",
            str(OUT / "register.xlsx"),
            "--report",
            str(OUT / "report.html"),
        ]
    )
    if code == 0:
        print()
        print(f"Open the HTML report: file://{OUT / 'report.html'}")
        print(f"The register as CSV and XLSX: {register_csv}, {OUT / 'register.xlsx'}")
    return code


if __name__ == "__main__":
    sys.exit(main())
