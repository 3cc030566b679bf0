"""CSV downloads of the tables on the pages: one helper, so every download looks the same.

Comma-separated, UTF-8 with a byte-order mark so Excel opens accents (Fryslân) correctly.
Callers pass rows from the same selector as the page, so a download shows exactly what the
user may see.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

BOM = "\ufeff"


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """An attachment ``filename`` (``.csv`` is added when missing); None becomes empty."""
    if not filename.endswith(".csv"):
        filename += ".csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return response


def wants_csv(request: Any) -> bool:
    """True for ``?formaat=csv``, the download link next to every table."""
    return str(request.GET.get("formaat", "")).lower() == "csv"
