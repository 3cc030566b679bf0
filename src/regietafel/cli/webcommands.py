"""Commands that need the database. Django is imported only when one of them runs.

Database commands never change the schema on their own: ``regietafel migrate`` does that,
and a command on a database that is behind stops with one Dutch line. Only ``serve`` and
``demo`` bring the database up to date themselves (their help says so). Every database
command says on stderr which data folder it reads.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from regietafel.cli.main import DutchArgumentParser
from regietafel.cli.options import province_text, whole_number
from regietafel.config.environment import DATABASE_FILE, data_folder, data_folder_line
from regietafel.errors import UserError

NOT_MIGRATED = "de database is niet bijgewerkt; voer eerst `regietafel migrate` uit"
DEMO_FOLDER = "demo-data"


IMPORT_KINDS = ("locaties", "realisatie", "reeksen", "mpp")
"""The keys of ``imports.formats.FORMATS`` (a test keeps them equal)."""


def announce_data_folder() -> Path:
    """Say on stderr which data folder a command reads (and whether DATABASE_URL is used)."""
    print(data_folder_line(), file=sys.stderr)
    return data_folder()


def demo_hint(folder: Path) -> str | None:
    """For an empty data folder with a demo beside it: how to read the demo instead.

    Covers the common slip: ``regietafel demo`` made ``./demo-data`` but a later command
    reads the default ``./data``.
    """
    from regietafel.config.environment import env_str

    demo = folder.parent / DEMO_FOLDER
    if env_str("DATABASE_URL") or demo == folder or not (demo / DATABASE_FILE).is_file():
        return None
    return (
        f"{folder} is leeg, maar {demo} bevat de demo; lees die met "
        f"REGIETAFEL_DATA_DIR={DEMO_FOLDER} (bijvoorbeeld "
        f"`REGIETAFEL_DATA_DIR={DEMO_FOLDER} regietafel opvang --week 2021-W45`)"
    )


def _configure() -> Path:
    folder = announce_data_folder()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.config.settings")
    import django
    from django.apps import apps

    # Once per process: setting Django up again would also point its logging at whatever
    # stderr is then (a caller that runs commands in-process, such as a test, keeps its own).
    if not apps.ready:
        django.setup()
    return folder


def migration_state() -> tuple[list[str], int]:
    """Migrations on disk that the database has not applied (``app.name``, in order), and
    how many it has applied.

    Compares the migration files of every installed app with the ``django_migrations``
    table in one query, without loading the migration modules (the full migration graph
    costs a noticeable part of a command's start). A missing table means nothing is applied.
    """
    from django.apps import apps
    from django.db import DatabaseError, connection

    on_disk: list[tuple[str, str]] = []
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        if folder.is_dir():
            on_disk += sorted(
                (config.label, f.stem)
                for f in folder.iterdir()
                if f.suffix == ".py" and f.stem[:1].isdigit()
            )
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = {(app, name) for app, name in cursor.fetchall()}
    except DatabaseError:
        applied = set()
    pending = [f"{app}.{name}" for app, name in on_disk if (app, name) not in applied]
    return pending, len(applied)


def django_setup() -> None:
    """Configure Django for a database command; stop in Dutch when the schema is behind."""
    folder = _configure()
    pending, applied = migration_state()
    if pending:
        hint = demo_hint(folder) if applied == 0 else None
        if hint:
            print(f"regietafel: {hint}", file=sys.stderr)
        raise UserError(NOT_MIGRATED)


def django_setup_migrated() -> int:
    """Configure Django and bring the schema up to date (migrate, serve, demo).

    Returns the number of migrations applied.
    """
    _configure()
    pending, _ = migration_state()
    if pending:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
    return len(pending)


def default_workers(cores: int | None = None) -> int:
    """Worker processes for gunicorn: two per core plus one, at most eight."""
    count = cores if cores is not None else (os.cpu_count() or 1)
    return max(1, min(2 * count + 1, MAX_WORKERS))


MAX_WORKERS = 8
DEFAULT_THREADS = 4


def register(commands: argparse._SubParsersAction[DutchArgumentParser]) -> None:
    migrate = commands.add_parser(
        "migrate",
        help="werk de database bij naar de nieuwste versie (schema)",
        description="Brengt het databaseschema in de gegevensmap (of DATABASE_URL) bij. Andere "
        "databaseopdrachten doen dat nooit zelf en stoppen met een melding als het nodig is; "
        "alleen serve en demo werken de database zelf bij.",
    )
    migrate.set_defaults(handler=run_migrate)

    serve = commands.add_parser(
        "serve",
        help="start de webapplicatie (productieserver gunicorn, of waitress)",
        description="Start de webapplicatie. Werkt de database eerst zelf bij (zoals "
        "`regietafel migrate`). Op Linux draait gunicorn met meerdere werkprocessen en "
        "threads (standaard 2 × cores + 1 processen, hoogstens 8, met elk 4 threads); "
        "--server waitress (en elk ander besturingssysteem) draait één proces met threads. "
        "Achter een TLS-proxy: zet REGIETAFEL_HTTPS=1 en laat de proxy X-Forwarded-Proto "
        "meesturen; gunicorn vertrouwt die kop alleen van de adressen in FORWARDED_ALLOW_IPS "
        "(standaard 127.0.0.1). Instellingen via omgevingsvariabelen (zie "
        "docs/instellingen.md).",
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--poort", type=whole_number(1, 65_535), default=8000)
    serve.add_argument(
        "--server",
        choices=["gunicorn", "waitress"],
        default="gunicorn" if sys.platform.startswith("linux") else "waitress",
        help="gunicorn (standaard op Linux) of waitress",
    )
    serve.add_argument(
        "--workers",
        type=_positive,
        default=None,
        help=f"werkprocessen voor gunicorn (standaard {default_workers()} op deze machine)",
    )
    serve.add_argument(
        "--threads",
        type=_positive,
        default=None,
        help=f"threads per proces (standaard {DEFAULT_THREADS} bij gunicorn, 8 bij waitress)",
    )
    serve.set_defaults(handler=run_serve)

    demo = commands.add_parser(
        "demo",
        help="maak een demodatabase met synthetische data (2021) en start de webapplicatie",
        description="Maakt een nieuwe database in de demomap (die dus zelf bijgewerkt wordt), "
        "laadt synthetische demodata (gekalibreerd op gepubliceerde cijfers) en start de "
        "webapplicatie op 127.0.0.1:8000 zoals serve. Toont de demo-inloggegevens per rol. "
        "Andere opdrachten lezen de demo met REGIETAFEL_DATA_DIR=demo-data.",
    )
    demo.add_argument(
        "--map", type=Path, default=Path("demo-data"), help="map voor de demodatabase"
    )
    demo.add_argument("--poort", type=whole_number(1, 65_535), default=8000)
    demo.add_argument("--alleen-laden", action="store_true", help="laad de data en stop")
    demo.set_defaults(handler=run_demo)

    imp = commands.add_parser(
        "import",
        help="importeer een weekbestand (locaties, realisatie, reeksen of mpp)",
        description="Valideert elke rij en verwerkt het bestand in zijn geheel of helemaal niet. "
        "Een nieuwe import voor dezelfde week wordt een nieuwe versie. Bij fouten: alle fouten "
        "op stderr en exitstatus 2.",
    )
    imp.add_argument(
        "soort", choices=IMPORT_KINDS, help="soort bestand (kolommen: docs/bestandsformaten.md)"
    )
    imp.add_argument("bestand", type=Path, help="CSV (komma, puntkomma of tab) of Excel (.xlsx)")
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
    scope.add_argument(
        "--provincie", type=province_text, help="naam of code van een provincie (PRT-rapport)"
    )
    scope.add_argument("--alle-provincies", action="store_true", help="12 provinciale rapporten")
    rapport.add_argument("--formaat", required=True, choices=["html", "pdf", "xlsx"])
    rapport.add_argument(
        "--uitvoer",
        help="bestand, of een bestaande map (standaard: huidige map); met --alle-provincies "
        "een map",
    )
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
        picture.add_argument(
            "--provincie", type=province_text, metavar="NAAM", help="provincienaam of -code"
        )
        picture.add_argument("--formaat", choices=["tabel", "csv", "json", "xlsx"], default="tabel")
        picture.add_argument("--uitvoer", type=Path, metavar="BESTAND")
        picture.set_defaults(handler=run_picture)


def _check_port(host: str, port: int) -> None:
    """Refuse early, in Dutch, when the address is taken (instead of a traceback later)."""
    import errno
    import socket

    from regietafel.core.formatting import os_error_nl

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise UserError(
                    f"poort {port} op {host} is al in gebruik; kies een andere met --poort"
                ) from None
            # Not "in gebruik": an address this machine does not have, or no valid address.
            reason = (
                "geen geldig adres of bekende naam"
                if isinstance(error, socket.gaierror)
                else os_error_nl(error)
            )
            raise UserError(
                f"kan niet luisteren op {host}:{port} ({reason}); controleer --host"
            ) from None


_positive = whole_number(1)


def run_migrate(arguments: argparse.Namespace) -> int:
    applied = django_setup_migrated()
    if applied:
        print(f"database bijgewerkt: {applied} migratie(s) uitgevoerd")
    else:
        print("database was al bijgewerkt")
    return 0


def links_address(host: str, port: int, configured: str | None) -> tuple[str, str | None]:
    """The address e-mails link to (``REGIETAFEL_BASE_URL``), and a warning when it may not
    reach this server: unset, it is the address being served (it was always port 8000, so
    ``--poort 8201`` sent links nobody could open)."""
    if configured:
        return configured.rstrip("/"), None
    if host in {"0.0.0.0", "::", ""}:  # noqa: S104 - naming the wildcard, not binding it
        return f"http://127.0.0.1:{port}", (
            f"let op: e-mails linken naar http://127.0.0.1:{port}/; zet REGIETAFEL_BASE_URL op "
            "het adres waarop gebruikers de regietafel openen"
        )
    return f"http://{host}:{port}", None


def run_serve(arguments: argparse.Namespace) -> int:
    _check_port(arguments.host, arguments.poort)
    address, warning = links_address(
        arguments.host, arguments.poort, os.environ.get("REGIETAFEL_BASE_URL")
    )
    os.environ["REGIETAFEL_BASE_URL"] = address  # read by the settings, below and in workers
    if warning:
        print(warning, file=sys.stderr)
    django_setup_migrated()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    if arguments.server == "waitress":
        return _serve_waitress(arguments)
    from regietafel.cli.server import serve_gunicorn

    workers = arguments.workers or default_workers()
    threads = arguments.threads or DEFAULT_THREADS
    print(
        f"regietafel draait op http://{arguments.host}:{arguments.poort}/ "
        f"(gunicorn, {workers} processen × {threads} threads; Ctrl+C stopt)",
        flush=True,
    )
    serve_gunicorn(host=arguments.host, port=arguments.poort, workers=workers, threads=threads)
    return 0


def _serve_waitress(arguments: argparse.Namespace) -> int:
    from waitress import serve

    from regietafel.config.wsgi import application
    from regietafel.web.background import start_background_work

    start_background_work()
    threads = arguments.threads or 8
    print(
        f"regietafel draait op http://{arguments.host}:{arguments.poort}/ "
        f"(waitress, {threads} threads; Ctrl+C stopt)",
        flush=True,
    )
    serve(
        application,
        host=arguments.host,
        port=arguments.poort,
        threads=threads,
        trusted_proxy=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1").split(",")[0],
        trusted_proxy_headers={"x-forwarded-proto"},
        clear_untrusted_proxy_headers=True,
    )
    return 0


def run_demo(arguments: argparse.Namespace) -> int:
    if not arguments.alleen_laden:
        _check_port("127.0.0.1", arguments.poort)
    folder = arguments.map.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["REGIETAFEL_DATA_DIR"] = str(folder)
    os.environ["REGIETAFEL_DEMO"] = "1"
    if os.environ.pop("DATABASE_URL", None):
        # The demo never writes synthetic data into a real database: say which one it uses.
        print(
            f"regietafel demo: DATABASE_URL wordt genegeerd; de demo gebruikt SQLite in "
            f"{folder / DATABASE_FILE}",
            file=sys.stderr,
        )
    database = folder / DATABASE_FILE
    if database.exists():
        database.unlink()
    django_setup_migrated()
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
    # A fresh process serves: nothing of the loading (open connections, threads of the chart
    # engine) is inherited by the forked server workers.
    command = [sys.executable, "-m", "regietafel", "serve", "--poort", str(arguments.poort)]
    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, command)  # noqa: S606 - our own interpreter and module
    import subprocess

    return subprocess.call(command)


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
    """A week command; in a fresh process the answer of an unchanged state of the data comes
    from :mod:`regietafel.cli.stored_answers` without starting Django."""
    stored = None
    if "django.conf" not in sys.modules:  # a fresh process: start without the web-only apps
        os.environ["REGIETAFEL_ALLEEN_LEZEN"] = "1"
        from regietafel.cli import stored_answers

        stored = stored_answers.for_command(arguments)
        if stored is not None and stored.replay():
            return 0
    django_setup()
    from regietafel.cli import reception as cli

    run = {
        "opvang": cli.run_opvang,
        "kerncijfers": cli.run_kerncijfers,
        "boodschappenlijst": cli.run_boodschappenlijst,
    }[arguments.command]
    if stored is None:
        return run(arguments)
    with stored.recording():
        return run(arguments)
