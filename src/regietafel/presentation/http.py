"""Tables on a web page and as CSV download: one helper, so every download looks the same.

Comma-separated, UTF-8 with a byte-order mark so Excel opens accents (Fryslân) correctly.
Callers pass rows from the same selector as the page, so a download shows exactly what the
user may see.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel.presentation.cells import export_cell, export_row
from regietafel.presentation.tables import (
    ResultTable,
    SortHeader,
    Sorting,
    Value,
    cell_text,
    parse_sorting,
    sort_headers,
    sorted_table,
    total_text,
)

BOM = "\ufeff"


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """An attachment ``filename`` (``.csv`` is added when missing); None becomes empty.

    Every cell goes through :func:`regietafel.presentation.cells.export_cell`, so text that a
    spreadsheet would run as a formula is written as plain text.
    """
    if not filename.endswith(".csv"):
        filename += ".csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(export_row(header))
    for row in rows:
        writer.writerow(["" if value is None else export_cell(value) for value in row])
    return response


def query_params(request: HttpRequest) -> dict[str, str]:
    """The query string as one value per name (the last), for the table helpers."""
    return {key: str(value) for key, value in request.GET.items()}


def wants_csv(request: Any) -> bool:
    """True for ``?formaat=csv``, the download link next to every table."""
    return str(request.GET.get("formaat", "")).lower() == "csv"


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool
    missing: bool = False
    """A number cell without a value: its text is the column's "geen gegevens" (or
    "n.v.t."), drawn muted so it does not read as a figure."""


@dataclass(frozen=True)
class HtmlTable:
    name: str
    title: str
    headers: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[Cell, ...] | None
    sort_headers: tuple[SortHeader, ...] = ()
    """Headers that sort the table (by query parameters), when the page asks for them."""
    empty: str = "Geen gegevens."

    @property
    def title_in_sentence(self) -> str:
        """The title after "Download als CSV:": its first letter lower case, unless the first
        word is an abbreviation ("MPP-cijfers", "COA"), whose capitals are part of it."""
        first = re.split(r"[\s\-–(]", self.title, maxsplit=1)[0]
        if len(first) > 1 and first.isupper():
            return self.title
        return self.title[:1].lower() + self.title[1:]


def html_table(table: ResultTable, params: Mapping[str, str] | None = None) -> HtmlTable:
    """A result table for a page; with ``params`` (the query string) its headers sort it
    (``?sorteer=kolom&richting=af``; every table on the page with that column follows)."""

    def row(values: dict[str, Value]) -> tuple[Cell, ...]:
        return tuple(
            Cell(
                cell_text(values.get(c.key), c),
                c.numeric,
                missing=c.numeric and values.get(c.key) is None,
            )
            for c in table.columns
        )

    headers: tuple[SortHeader, ...] = ()
    if params is not None:
        first = table.columns[0].key
        sorting = parse_sorting(params, {c.key for c in table.columns}, Sorting(first))
        table = sorted_table(table, sorting)
        headers = sort_headers(table.columns, sorting, params, anchor=f"tabel-{table.name}")
    return HtmlTable(
        name=table.name,
        title=table.title,
        headers=tuple(Cell(c.header, c.numeric) for c in table.columns),
        rows=tuple(row(r) for r in table.rows),
        totals=_totals(table) if table.totals else None,
        sort_headers=headers,
        empty=table.empty,
    )


def _totals(table: ResultTable) -> tuple[Cell, ...]:
    """The totals row: empty under a column that is not summed, "geen gegevens" only where a
    sum has no data."""
    totals = table.totals or {}
    return tuple(
        Cell(
            total_text(totals, c),
            c.numeric,
            missing=c.numeric and c.key in totals and totals[c.key] is None,
        )
        for c in table.columns
    )


def table_csv(table: ResultTable, filename: str, *, with_totals: bool = False) -> HttpResponse:
    """The rows of ``table``; ``with_totals``: then its totals row, the page's footer, as
    given (a column that is not summed, or a sum without data, is an empty cell)."""
    rows = list(table.rows)
    if with_totals and table.totals:
        rows.append(table.totals)
    return csv_response(
        filename,
        [c.key for c in table.columns],
        ([r.get(c.key) for c in table.columns] for r in rows),
    )


def bad_request(request: HttpRequest, message: str) -> HttpResponse:
    """A page that says, in Dutch, what was wrong with the request (status 400)."""
    return render(request, "regietafel/400.html", {"message": message}, status=400)
