"""The action list and the register as result tables, for the page's CSV, the API and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from regietafel.afspraken.selectors import ActionList, AgreementState, Annex
from regietafel.core.confidentiality import SUPPRESSED_TEXT
from regietafel.presentation.tables import Column, ResultTable, Value


def date_text(day: date | None) -> str:
    """ "15-11-2021", as in minutes and action lists; empty for no date."""
    return f"{day.day}-{day.month}-{day.year}" if day else ""


def deadline_text(state: AgreementState) -> str:
    if state.deadline is None:
        return "doorlopend"
    text = date_text(state.deadline)
    if state.agreement.deadline_rule == "volgende-lrt":
        text += " (volgende LRT)"
    return text


def state_row(state: AgreementState) -> dict[str, Value]:
    agreement = state.agreement
    return {
        "nummer": agreement.number,
        "overleg": state.table,
        "datum": date_text(agreement.meeting.date),
        "agendapunt": state.agenda,
        "afspraak": agreement.text,
        "eigenaar": state.owner,
        "deadline": deadline_text(state),
        "status": state.status.label,
        "stand_van_zaken": state.note,
        "voortgang": state.progress_text,
        "signaal": state.health.label if state.health else "",
        "nieuw": "nieuw" if state.new else "",
        "verlopen": "verlopen" if state.overdue else "",
    }


COLUMNS = (
    Column("nummer", "Nummer"),
    Column("datum", "Datum"),
    Column("agendapunt", "Agendapunt"),
    Column("afspraak", "Actie"),
    Column("eigenaar", "Eigenaar"),
    Column("deadline", "Deadline"),
    Column("status", "Status"),
    Column("stand_van_zaken", "Stand van zaken"),
    Column("voortgang", "Gemeten voortgang"),
    Column("signaal", "Signaal"),
    Column("nieuw", "Nieuw"),
    Column("verlopen", "Verlopen"),
)


def action_list_table(listed: ActionList) -> ResultTable:
    return ResultTable(
        "actielijst",
        listed.title,
        COLUMNS,
        tuple(state_row(s) for s in listed.rows),
    )


def register_table(states: Sequence[AgreementState], *, on: date) -> ResultTable:
    return ResultTable(
        "afspraken",
        f"Afspraken, stand {date_text(on)}",
        (Column("overleg", "Overleg"), *COLUMNS[:-2]),
        tuple(state_row(s) for s in states),
    )


ANNEX_COLUMNS = (
    Column("provincie", "Provincie"),
    Column("locaties", "Locaties", "int"),
    Column("capaciteit", "Capaciteit", "int"),
    Column("bezetting", "Bezetting", "int"),
    Column("gecorrigeerde_taakstelling", "Gecorrigeerde taakstelling", "int"),
    Column("gehuisvest", "Gehuisvest", "int"),
    Column("lopende_afspraken", "Lopende PRT-afspraken", "int"),
)


def annex_table(annex: Annex) -> ResultTable:
    """The annex's table per province; unknown values stay empty (None), never 0, and an
    afgeschermd occupancy says so (as the page and the PDF do)."""
    return ResultTable(
        "bijlage",
        annex.title,
        ANNEX_COLUMNS,
        tuple(
            {
                "provincie": p.name,
                "locaties": p.locations,
                "capaciteit": p.capacity,
                "bezetting": SUPPRESSED_TEXT if p.occupancy_suppressed else p.occupancy,
                "gecorrigeerde_taakstelling": p.corrected,
                "gehuisvest": p.housed,
                "lopende_afspraken": p.running_agreements,
            }
            for p in annex.provinces
        ),
    )
