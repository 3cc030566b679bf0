"""Result tables (``cli.output.ResultTable``) on a web page and as a CSV download.

The CLI, the API and the pages build the same ``ResultTable`` from the same selector, so a
number reads the same everywhere; here it gets Dutch formatting for the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse

from regietafel.cli.output import ResultTable, Value, cell_text
from regietafel.web.downloads import csv_response


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool


@dataclass(frozen=True)
class HtmlTable:
    name: str
    title: str
    headers: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[Cell, ...] | None


def html_table(table: ResultTable) -> HtmlTable:
    def row(values: dict[str, Value]) -> tuple[Cell, ...]:
        return tuple(Cell(cell_text(values.get(c.key), c), c.kind != "text") for c in table.columns)

    return HtmlTable(
        name=table.name,
        title=table.title,
        headers=tuple(Cell(c.header, c.kind != "text") for c in table.columns),
        rows=tuple(row(r) for r in table.rows),
        totals=row(table.totals) if table.totals else None,
    )


def table_csv(table: ResultTable, filename: str) -> HttpResponse:
    return csv_response(
        filename,
        [c.key for c in table.columns],
        ([r.get(c.key) for c in table.columns] for r in table.rows),
    )
