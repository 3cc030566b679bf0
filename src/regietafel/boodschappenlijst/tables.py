"""The boodschappenlijstje as a result table, for the page's CSV, the API and the CLI."""

from __future__ import annotations

from regietafel.boodschappenlijst.selectors import ScopedList
from regietafel.core.confidentiality import SUPPRESSED_TEXT, hidden_items_note
from regietafel.core.rules import SHOPPING_CATEGORY_FOR_NEED
from regietafel.presentation.tables import Column, ResultTable, Value


def _hidden_rows(scoped: ScopedList) -> tuple[dict[str, Value], ...]:
    """One row per kind whose items are left out as afgeschermd, saying so: a file without
    its AMV items read as "no AMV need" (the page says it above its table)."""
    return tuple(
        {
            "sleutel": f"afgeschermd-{kind.value}",
            "categorie": SHOPPING_CATEGORY_FOR_NEED[kind].label,
            "actie": hidden_items_note([kind.label]),
            "aantal": SUPPRESSED_TEXT,
            "eenheid": "",
            "deadline": None,
            "partij": "",
            "met": "",
            "status": "",
            "toelichting": "",
        }
        for kind in scoped.hidden
    )


def shopping_table(scoped: ScopedList, *, with_hidden: bool = False) -> ResultTable:
    """The items; ``with_hidden`` adds a row "afgeschermd" per kind left out (files and the
    command line; the API says it in its own fields, the page above the table)."""
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
        rows + (_hidden_rows(scoped) if with_hidden else ()),
        masked=True,
    )
