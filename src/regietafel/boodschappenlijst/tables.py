"""The boodschappenlijstje as a result table, for the page's CSV, the API and the CLI."""

from __future__ import annotations

from regietafel.boodschappenlijst.selectors import ScopedList
from regietafel.presentation.tables import Column, ResultTable, Value


def shopping_table(scoped: ScopedList) -> ResultTable:
    rows: tuple[dict[str, Value], ...] = tuple(
        {
            "sleutel": m.item.key,
            "categorie": m.item.category.label,
            "actie": m.item.description,
            "aantal": m.item.quantity,
            "eenheid": m.item.unit,
            "deadline": m.item.deadline.isoformat(),
            "partij": m.item.party.label,
            "met": ", ".join(p.label for p in m.item.partners),
            "status": m.item.status.label,
            "toelichting": m.note,
        }
        for m in scoped.items
    )
    return ResultTable(
        "boodschappenlijst",
        "Acties",
        (
            Column("sleutel", "Sleutel"),
            Column("categorie", "Categorie"),
            Column("actie", "Actie"),
            Column("aantal", "Aantal", "int"),
            Column("eenheid", "Eenheid"),
            Column("deadline", "Deadline", "date"),
            Column("partij", "Trekker"),
            Column("met", "Met"),
            Column("status", "Status"),
            Column("toelichting", "Toelichting"),
        ),
        rows,
    )
