"""The ``regietafel`` command: argument parsing, dispatch and the one place errors become exit 2.

The computation commands (taakstelling, verdeel) import only the core, the reference data
and the table reader; commands that need the database import Django lazily, so the CLI
starts fast.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NoReturn

from regietafel import __version__
from regietafel.cli.options import GIVEN, SingleValue
from regietafel.errors import UserError

__all__ = ["DutchArgumentParser", "UserError", "main"]


_ARGPARSE_DUTCH: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", r"niet opgegeven, maar verplicht: \1"),
    (
        r"argument (\S+): invalid choice: '?([^']*)'? \(choose from (.*)\)",
        r"\1: '\2' kan niet; kies uit \3",
    ),
    (
        r"argument (\S+): expected one argument",
        r"\1: hier hoort een waarde bij (een waarde die met '-' begint: schrijf \1=WAARDE)",
    ),
    (r"argument (\S+): invalid (?:int|float) value: '(.*)'", r"\1: '\2' is geen getal"),
    (r"unrecognized arguments: (.*)", r"onbekende optie(s): \1"),
    (
        r"argument (\S+): not allowed with argument (\S+)",
        r"\1 en \2 gaan niet samen; kies er één",
    ),
    (r"one of the arguments (.*) is required", r"geef één van deze opties: \1"),
    (
        r"ambiguous option: (\S+) could match (.*)",
        r"\1 is onduidelijk; bedoelt u een van: \2",
    ),
    (r"argument (\S+): (.*)", r"\1: \2"),
)


class DutchHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps our line breaks in descriptions and says "gebruik:" instead of "usage:"."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with Dutch help, Dutch one-line errors and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "opdrachten en argumenten"
        self._optionals.title = "opties"
        # An option given twice is refused (options.SingleValue), for every command at once.
        self.register("action", None, SingleValue)
        self.register("action", "store", SingleValue)
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def parse_known_args(  # type: ignore[override]  # same call, narrower annotation
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, rest = super().parse_known_args(args, namespace)
        parsed.__dict__.pop(GIVEN, None)
        return parsed, rest

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _ARGPARSE_DUTCH:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.exit(2, f"{self.prog}: fout: {message}\n")


def build_parser() -> DutchArgumentParser:
    from regietafel.cli import agreements, backup, computations, maintenance, webcommands

    parser = DutchArgumentParser(
        prog="regietafel",
        description="Stuurinformatie voor de Landelijke en Provinciale Regietafels "
        "Migratie en Integratie.",
    )
    parser.add_argument(
        "--versie", action="version", version=f"regietafel {__version__}", help="toon de versie"
    )
    commands = parser.add_subparsers(
        dest="command", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )
    computations.register(commands)
    webcommands.register(commands)
    __import__("regietafel.cli.forecast", fromlist=["register"]).register(commands)
    agreements.register(commands)
    backup.register(commands)
    maintenance.register(commands)
    return parser


Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    handler: Handler | None = getattr(arguments, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(arguments)
    except UserError as error:
        print(f"regietafel {arguments.command}: fout: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130
    except Exception as error:
        message = edge_error_message(error)
        if message is None:
            raise
        print(f"regietafel {arguments.command}: fout: {message}", file=sys.stderr)
        return 2


def edge_error_message(error: BaseException) -> str | None:
    """A Dutch line for a fault of the machine (database gone, disk full), else None.

    Django is only looked at when a command has loaded it, so the computation commands
    stay free of it.
    """
    django_db = sys.modules.get("django.db")
    if django_db is not None and isinstance(error, django_db.DatabaseError):
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return (
            f"de database is niet bereikbaar of weigert de handeling ({detail}); er is niets "
            "half opgeslagen. Controleer DATABASE_URL en of de database draait, en probeer "
            "het opnieuw"
        )
    if isinstance(error, OSError):
        from regietafel.core.formatting import os_error_nl

        reason = os_error_nl(error)
        where = f" ({error.filename})" if error.filename else ""
        return f"schrijven of lezen mislukt{where}: {reason}; controleer schijfruimte en rechten"
    return None
