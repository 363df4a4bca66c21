"""CSV specifics: choosing the delimiter and handing out rows with physical line numbers."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

#: Tried in this order; on a tie the earlier one wins. ';' first because Dutch and German Excel
#: writes ';' (the comma is their decimal separator), so a ';' file often also contains commas.
DELIMITERS = (";", "\t", ",", "|")
_SAMPLE_CHARS = 256 * 1024
_SAMPLE_ROWS = 50


def sample_text(path: Path, encoding: str) -> tuple[str, bool]:
    """The first characters of the file and whether that is the whole file."""
    with path.open(encoding=encoding, newline="") as stream:
        text = stream.read(_SAMPLE_CHARS)
        return text, not stream.read(1)


def _field_counts(sample: str, delimiter: str) -> list[int]:
    counts = []
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                counts.append(len(row))
            if len(counts) >= _SAMPLE_ROWS:
                break
    except csv.Error:
        pass
    return counts


def detect_delimiter(sample: str, complete: bool) -> str | None:
    """The delimiter that splits the first rows most consistently into the most fields.

    Rows are parsed with quotes respected. For each candidate the most common field count must be
    at least 2; candidates are ranked by the share of rows having that count, then by the count,
    then by :data:`DELIMITERS` order. An Excel ``sep=X`` first line decides outright. None when no
    candidate splits the header into two or more fields.
    """
    lines = sample.lstrip("\ufeff").splitlines()
    first_line = lines[0].strip() if lines else ""
    if len(first_line) == 5 and first_line.lower().startswith("sep="):
        return first_line[4]
    if not complete:
        # The last line may be cut in half (even inside a quoted cell); judge full lines only.
        sample = sample[: max(sample.rfind("\n"), sample.rfind("\r")) + 1] or sample
    best: tuple[float, int, int] | None = None
    chosen = None
    for preference, delimiter in enumerate(DELIMITERS):
        counts = _field_counts(sample, delimiter)
        if not counts:
            continue
        modal, frequency = max(Counter(counts).items(), key=lambda item: (item[1], item[0]))
        if modal < 2:
            continue
        rank = (frequency / len(counts), modal, -preference)
        if best is None or rank > best:
            best, chosen = rank, delimiter
    return chosen


class CsvRows:
    """csv.reader over the file; ``line_num`` is the physical line of the last row's end."""

    def __init__(self, path: Path, encoding: str, delimiter: str | None) -> None:
        self._stream: TextIO = path.open(encoding=encoding, newline="")
        # A single-column file still parses; the column check then explains what is missing.
        self._reader = csv.reader(self._stream, delimiter=delimiter or ",")

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def __iter__(self) -> Iterator[list[str]]:
        return self._reader

    def close(self) -> None:
        self._stream.close()
