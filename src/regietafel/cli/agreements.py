"""``regietafel actielijst`` and ``regietafel bijlage``: the action list of a table for a
meeting date, and the annex to the letter to parliament for a week, on the server.

For secretaries and data stewards with shell access: the command reads the database as a
system user with national rights (``cli.reception.system_user``), so every table's list is
available; people use the web application with their own role.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from regietafel.cli.main import DutchArgumentParser
from regietafel.cli.options import province_text
from regietafel.errors import UserError

if TYPE_CHECKING:
    from regietafel.presentation.tables import Result

FORMATS = ("tabel", "csv", "pdf", "docx")


def register(commands: argparse._SubParsersAction[DutchArgumentParser]) -> None:
    parser = commands.add_parser(
        "actielijst",
        help="de actielijst van een regietafel voor een overleg (tabel, csv, pdf of docx)",
        description="De lopende afspraken van een regietafel voor het overleg op een datum: "
        "verlopen afspraken eerst, dan op deadline, met de gemeten voortgang uit de gegevens "
        "van die week en het signaal (op koers, aandacht nodig, risico). Leest de database "
        "met landelijke rechten.",
    )
    parser.add_argument(
        "--overleg", required=True, choices=["LRT", "HLRT", "PRT", "WG"], help="de regietafel"
    )
    parser.add_argument("--datum", required=True, help="datum van het overleg, JJJJ-MM-DD")
    parser.add_argument(
        "--provincie", type=province_text, metavar="NAAM", help="provincienaam of -code (bij PRT)"
    )
    parser.add_argument("--formaat", choices=FORMATS, default="tabel")
    parser.add_argument("--uitvoer", type=Path, metavar="BESTAND")
    parser.set_defaults(handler=run_actielijst)
    annex = commands.add_parser(
        "bijlage",
        help="de bijlage bij de Kamerbrief: opgave en afspraken per provincie (week)",
        description="De bijlage bij de brief aan de Tweede Kamer voor een week: per provincie "
        "de capaciteit en bezetting van de opvang en de gecorrigeerde taakstelling en "
        "gehuisvest (dezelfde kerncijfers als de webapplicatie), met de lopende afspraken van "
        "de LRT en van elke PRT. Leest de database met landelijke rechten.",
    )
    annex.add_argument("--week", required=True, help="ISO-week, bijvoorbeeld 2021-W46")
    annex.add_argument("--formaat", choices=FORMATS, default="tabel")
    annex.add_argument("--uitvoer", type=Path, metavar="BESTAND")
    annex.set_defaults(handler=run_bijlage)


def _date(text: str) -> date:
    """The meeting date by the rule the pages and the API read it with (years 2000-2100)."""
    from regietafel.core.periods import PeriodError, parse_day

    try:
        return parse_day(text)
    except PeriodError as error:
        raise UserError(f"--datum: {error}") from None


def _write(
    arguments: argparse.Namespace,
    *,
    pdf: Callable[[], bytes],
    docx: Callable[[], bytes],
    result: Callable[[], Result],
) -> int:
    """Write the chosen format to ``--uitvoer`` (atomically) or standard output; output
    errors become one Dutch line (exit 2)."""
    from regietafel.cli.output import emit_result, writing
    from regietafel.presentation.tables import write_atomically

    if arguments.formaat not in {"pdf", "docx"}:
        return emit_result(result(), arguments)
    with writing(arguments.uitvoer, arguments.formaat):
        write_atomically(arguments.uitvoer, pdf() if arguments.formaat == "pdf" else docx())
    return 0


def _require_file(arguments: argparse.Namespace) -> None:
    if arguments.formaat in {"pdf", "docx"} and arguments.uitvoer is None:
        raise UserError(f"voor --formaat {arguments.formaat} is --uitvoer BESTAND nodig")


def run_actielijst(arguments: argparse.Namespace) -> int:
    on = _date(arguments.datum)
    if arguments.overleg == "PRT" and not arguments.provincie:
        raise UserError("--provincie is verplicht bij --overleg PRT")
    if arguments.overleg != "PRT" and arguments.provincie:
        # Not ignored: the list of the LRT for "--provincie Utrecht" read as Utrecht's own.
        raise UserError(
            f"--provincie hoort bij --overleg PRT; het {arguments.overleg} heeft één landelijke "
            "actielijst"
        )
    _require_file(arguments)
    from regietafel.cli.webcommands import django_setup

    django_setup()
    from regietafel.afspraken import documents
    from regietafel.afspraken.selectors import action_list
    from regietafel.afspraken.tables import action_list_table
    from regietafel.cli.reception import system_user
    from regietafel.presentation.tables import Result

    # An unknown table or province is a TableChoiceError, a UserError: "fout: …", exit 2.
    listed = action_list(
        user=system_user(), kind=arguments.overleg, on=on, province_code=arguments.provincie or ""
    )
    return _write(
        arguments,
        pdf=lambda: documents.action_list_pdf(listed),
        docx=lambda: documents.action_list_docx(listed),
        result=lambda: Result(
            title=listed.title,
            tables=(action_list_table(listed),),
            meta={
                "overleg": listed.name,
                "datum": on.isoformat(),
                "vorig overleg": listed.previous.isoformat() if listed.previous else None,
                "lopende afspraken": len(listed.rows),
            },
            notes=(
                (
                    "Verlopen afspraken eerst, dan op deadline. Gemeten voortgang uit het "
                    "locatieregister van de week van de datum; signaal: op koers, aandacht "
                    "nodig of risico (regels in docs/afspraken.md)."
                ),
            ),
        ),
    )


def run_bijlage(arguments: argparse.Namespace) -> int:
    from regietafel.core.periods import IsoWeek, PeriodError

    try:
        week = IsoWeek.parse(arguments.week)
    except PeriodError as error:
        raise UserError(f"--week: {error}") from None
    _require_file(arguments)
    from regietafel.cli.webcommands import django_setup

    django_setup()
    from regietafel.afspraken import documents
    from regietafel.afspraken.selectors import annex
    from regietafel.afspraken.tables import annex_table
    from regietafel.cli.reception import system_user
    from regietafel.errors import NoDataError
    from regietafel.presentation.tables import Result

    try:
        built = annex(user=system_user(), week=week)
    except NoDataError as error:
        raise UserError(str(error)) from None
    return _write(
        arguments,
        pdf=lambda: documents.annex_pdf(built),
        docx=lambda: documents.annex_docx(built),
        result=lambda: Result(
            title=built.title,
            tables=(annex_table(built),),
            meta={
                "week": week.label,
                "halfjaar": built.period,
                "lopende LRT-afspraken": len(built.national),
            },
            notes=(
                (
                    "Opvang uit het locatieregister van de week, huisvesting uit de "
                    "taakstelling van het halfjaar; leeg is: geen gegevens."
                ),
            ),
        ),
    )
