"""Commands that need the database. Django is imported only when one of them runs."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from regietafel.cli.main import DutchArgumentParser
from regietafel.errors import UserError


def django_setup() -> None:
    """Configure Django for a command and bring the database schema up to date."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def register(commands: argparse._SubParsersAction[DutchArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="start de webapplicatie (productieserver waitress)",
        description="Start de webapplicatie met de WSGI-server waitress; de database wordt "
        "eerst bijgewerkt. Instellingen via omgevingsvariabelen (zie docs/instellingen.md).",
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--poort", type=int, default=8000)
    serve.add_argument("--threads", type=int, default=8)
    serve.set_defaults(handler=run_serve)

    demo = commands.add_parser(
        "demo",
        help="maak een demodatabase met synthetische data (2021) en start de webapplicatie",
        description="Maakt een nieuwe database in de demomap, laadt synthetische demodata "
        "(gekalibreerd op gepubliceerde cijfers) en start de webapplicatie op 127.0.0.1:8000. "
        "Toont de demo-inloggegevens per rol.",
    )
    demo.add_argument(
        "--map", type=Path, default=Path("demo-data"), help="map voor de demodatabase"
    )
    demo.add_argument("--poort", type=int, default=8000)
    demo.add_argument("--alleen-laden", action="store_true", help="laad de data en stop")
    demo.set_defaults(handler=run_demo)

    imp = commands.add_parser(
        "import",
        help="importeer een weekbestand (locaties, realisatie of reeksen)",
        description="Valideert elke rij en verwerkt het bestand in zijn geheel of helemaal niet. "
        "Een nieuwe import voor dezelfde week wordt een nieuwe versie. Bij fouten: alle fouten "
        "op stderr en exitstatus 2.",
    )
    imp.add_argument("soort", choices=["locaties", "realisatie", "reeksen"])
    imp.add_argument("bestand", type=Path)
    imp.add_argument("--week", required=True, help="ISO-week, bijvoorbeeld 2021-W45")
    imp.add_argument("--gebruiker", help="gebruikersnaam van de aanleveraar (rol coa)")
    imp.set_defaults(handler=run_import)

    rapport = commands.add_parser(
        "rapport",
        help="schrijf het weekrapport (kerncijfers) als html, pdf of xlsx",
        description="Schrijft de laatste gepubliceerde versie van het rapport van een week; "
        "is de week nog niet gepubliceerd, dan wordt die eerst gepubliceerd.",
    )
    rapport.add_argument("--week", required=True, help="ISO-week, bijvoorbeeld 2021-W45")
    scope = rapport.add_mutually_exclusive_group()
    scope.add_argument("--provincie", help="naam of code van een provincie (PRT-rapport)")
    scope.add_argument("--alle-provincies", action="store_true", help="12 provinciale rapporten")
    rapport.add_argument("--formaat", required=True, choices=["html", "pdf", "xlsx"])
    rapport.add_argument("--uitvoer", type=Path, help="bestand of map (standaard: huidige map)")
    rapport.set_defaults(handler=run_rapport)

    for name, help_text in (
        ("opvang", "opvangbeeld van een week: behoefte, capaciteit en tekort per horizon"),
        ("boodschappenlijst", "de boodschappenlijst van een week (landelijk of een provincie)"),
        ("kerncijfers", "alle kerncijfers van een week met hun code, naam en vorige week"),
    ):
        picture = commands.add_parser(
            name,
            help=help_text,
            description=help_text[0].upper() + help_text[1:] + ". Voor gegevensbeheerders op "
            "de server: leest de database met landelijke rechten.",
        )
        picture.add_argument("--week", required=True, help="ISO-week, bijvoorbeeld 2021-W45")
        picture.add_argument("--provincie", metavar="NAAM", help="provincienaam of -code")
        picture.add_argument("--formaat", choices=["tabel", "csv", "json", "xlsx"], default="tabel")
        picture.add_argument("--uitvoer", type=Path, metavar="BESTAND")
        picture.set_defaults(handler=run_picture)


def _check_port(host: str, port: int) -> None:
    """Refuse early, in Dutch, when the address is taken (instead of a traceback later)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            raise UserError(
                f"poort {port} op {host} is al in gebruik; kies een andere met --poort"
            ) from None


def run_serve(arguments: argparse.Namespace) -> int:
    _check_port(arguments.host, arguments.poort)
    django_setup()
    from django.core.management import call_command
    from waitress import serve

    from regietafel.config.wsgi import application

    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"regietafel draait op http://{arguments.host}:{arguments.poort}/ (Ctrl+C stopt)")
    serve(application, host=arguments.host, port=arguments.poort, threads=arguments.threads)
    return 0


def run_demo(arguments: argparse.Namespace) -> int:
    if not arguments.alleen_laden:
        _check_port("127.0.0.1", arguments.poort)
    folder = arguments.map.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["REGIETAFEL_DATA_DIR"] = str(folder)
    os.environ["REGIETAFEL_DEMO"] = "1"
    os.environ.pop("DATABASE_URL", None)
    database = folder / "regietafel.sqlite3"
    if database.exists():
        database.unlink()
    django_setup()
    from regietafel.demo.services import demo_load

    logins = demo_load()
    print("Demodata geladen (synthetisch, gekalibreerd op gepubliceerde cijfers).")
    print("Demo-inloggegevens:")
    for login in logins:
        print(
            f"  {login.role:<10} {login.username:<22} wachtwoord: {login.password}  ({login.note})"
        )
    if arguments.alleen_laden:
        return 0
    arguments.host = "127.0.0.1"
    arguments.threads = 8
    return run_serve(arguments)


def run_import(arguments: argparse.Namespace) -> int:
    django_setup()
    from regietafel.imports.cli import import_from_cli

    try:
        return import_from_cli(
            kind=arguments.soort,
            path=arguments.bestand,
            week=arguments.week,
            username=arguments.gebruiker,
        )
    except LookupError as error:
        raise UserError(str(error)) from None


def run_rapport(arguments: argparse.Namespace) -> int:
    django_setup()
    from regietafel.rapportage.cli import report_from_cli

    return report_from_cli(
        week=arguments.week,
        province=arguments.provincie,
        all_provinces=arguments.alle_provincies,
        fmt=arguments.formaat,
        output=arguments.uitvoer,
    )


def run_picture(arguments: argparse.Namespace) -> int:
    django_setup()
    from regietafel.cli import reception as cli

    if arguments.command == "opvang":
        return cli.run_opvang(arguments)
    if arguments.command == "kerncijfers":
        return cli.run_kerncijfers(arguments)
    return cli.run_boodschappenlijst(arguments)
