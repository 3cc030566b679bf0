"""Rows to the CSV bytes an import expects: UTF-8, comma-separated, a header line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence


def to_csv_bytes(rows: Iterable[Mapping[str, str]], columns: Sequence[str]) -> bytes:
    """One header line with ``columns``, then every row in that column order."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row[column] for column in columns})
    return buffer.getvalue().encode("utf-8")
