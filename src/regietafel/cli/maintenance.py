"""``regietafel onderhoud``: stored originals without an import record, and the reverse."""

from __future__ import annotations

import argparse

from regietafel.cli.main import DutchArgumentParser
from regietafel.cli.options import non_negative_number

MINIMUM_AGE_MINUTES = 60
"""The default of --minuten (kept here so building the parser never loads Django); equal to
``imports.maintenance.MINIMUM_AGE_MINUTES``, which a test holds."""


def register(commands: argparse._SubParsersAction[DutchArgumentParser]) -> None:
    check = commands.add_parser(
        "onderhoud",
        help="zoek opgeslagen originelen zonder import (na een afgebroken import) en omgekeerd",
        description="Vergelijkt de opgeslagen originele bestanden met de imports in de "
        "database. Een bestand zonder import blijft achter als het proces tijdens een import "
        "hard is gestopt; met --verwijder worden zulke bestanden die ouder zijn dan --minuten "
        "verwijderd. Exitstatus 1 als er iets is gevonden dat niet is opgeruimd.",
    )
    check.add_argument(
        "--verwijder", action="store_true", help="verwijder de bestanden zonder import"
    )
    check.add_argument(
        "--minuten",
        type=non_negative_number,
        default=MINIMUM_AGE_MINUTES,
        metavar="N",
        help=f"laat bestanden jonger dan N minuten staan (standaard {MINIMUM_AGE_MINUTES}): "
        "een import die nog loopt heeft zijn bestand al geschreven",
    )
    check.set_defaults(handler=run_maintenance)


def run_maintenance(arguments: argparse.Namespace) -> int:
    from regietafel.cli.webcommands import django_setup

    django_setup()
    from regietafel.imports.maintenance import originals_check, orphans_remove

    found = originals_check()
    old = found.old_orphans(arguments.minuten)
    young = len(found.orphans) - len(old)
    for name in old:
        print(f"bestand zonder import: {name}")
    if young:
        print(
            f"{young} bestand(en) zonder import jonger dan {arguments.minuten:g} minuten: "
            "overgeslagen (een import kan nog lopen)"
        )
    for pk, name in found.missing:
        print(f"import {pk} zonder bestand: {name}")
    removed = orphans_remove(old) if arguments.verwijder and old else 0
    if removed:
        print(f"{removed} bestand(en) zonder import verwijderd")
    if not old and not found.missing:
        print("geen bestanden zonder import en geen imports zonder bestand")
        return 0
    return 0 if removed == len(old) and arguments.verwijder and not found.missing else 1
