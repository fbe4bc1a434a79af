"""Read and write the CSV tables in tests that corrupt a copy of the shipped data."""

from __future__ import annotations

import csv
import io


def read_rows(path) -> list[dict]:
    """The rows of a CSV table as dicts."""
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path, rows, fieldnames=None) -> None:
    """Write ``rows`` back as CSV; columns not in ``fieldnames`` are dropped."""
    fieldnames = fieldnames or list(rows[0])
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=fieldnames, lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
