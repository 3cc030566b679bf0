"""``regietafel backup BESTAND`` and ``regietafel restore BESTAND``: database and originals.

A backup is one zip file:

- ``manifest.json``: format version, regietafel version, when, which database engine, and
  per stored import original its path, size and SHA-256;
- ``database.json``: every row of every table (Django's serializer with natural keys for
  references to Django's own tables, times to the microsecond, so it loads into SQLite and
  PostgreSQL alike and a round trip is exact);
- ``bestanden/<pad>``: the stored import originals.

Restoring checks everything before it writes anything: each original against the SHA-256
its import recorded, and the database must be empty unless ``--overschrijven`` is given.
The rows are loaded in one transaction; the files are written after that, and removed
again when the load fails.
"""

from __future__ import annotations

import argparse
import io
import json
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from regietafel import __version__
from regietafel.cli.main import DutchArgumentParser
from regietafel.errors import UserError

# zipfile, hashlib and uuid are imported where they are used: every command builds the
# parser, which registers these two commands.

FORMAT = 1
"""Version of the backup layout; a restore refuses a layout it does not know."""
EXCLUDED = ("contenttypes", "auth.permission", "sessions", "admin.logentry")
"""Rebuilt by the migrations or of no value after a restore (sessions: everyone logs in again)."""


def register(commands: argparse._SubParsersAction[DutchArgumentParser]) -> None:
    backup = commands.add_parser(
        "backup",
        help="maak een back-up van de database en de opgeslagen originele bestanden",
        description="Schrijft één zipbestand met alle gegevens uit de database en alle "
        "opgeslagen originele importbestanden, met hun SHA-256. Werkt met SQLite en "
        "PostgreSQL (DATABASE_URL).",
    )
    backup.add_argument("bestand", type=Path, metavar="BESTAND")
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser(
        "restore",
        help="zet een back-up terug (database en originele bestanden)",
        description="Controleert eerst elk origineel bestand tegen de SHA-256 van zijn import "
        "en laadt dan alle gegevens in één transactie. Weigert een database die al gegevens "
        "bevat, tenzij --overschrijven is opgegeven.",
    )
    restore.add_argument("bestand", type=Path, metavar="BESTAND")
    restore.add_argument(
        "--overschrijven",
        action="store_true",
        help="wis de gegevens die nu in de database staan en zet de back-up terug",
    )
    restore.set_defaults(handler=run_restore)


def run_backup(arguments: argparse.Namespace) -> int:
    from regietafel.cli.output import check_target
    from regietafel.cli.webcommands import django_setup

    # Before the dump: a folder, a missing folder.
    check_target(arguments.bestand, "zip", chosen=False)
    django_setup()
    summary = backup_write(arguments.bestand)
    print(summary)
    return 0


def run_restore(arguments: argparse.Namespace) -> int:
    from regietafel.cli.webcommands import django_setup

    django_setup()
    summary = backup_restore(arguments.bestand, overwrite=arguments.overschrijven)
    print(summary)
    return 0


def _sha256(content: bytes) -> str:
    import hashlib

    return hashlib.sha256(content).hexdigest()


def backup_write(target: Path) -> str:
    """Write the backup zip to ``target`` (atomically); returns a Dutch one-line summary."""
    import zipfile

    from django.conf import settings
    from django.db import connection, transaction

    from regietafel.imports.models import Import
    from regietafel.presentation.tables import OutputError, write_atomically

    with transaction.atomic():  # one consistent snapshot of every table
        dump = _dump_rows()
        originals = list(
            Import.objects.exclude(original="").values_list("original", "checksum", "file_name")
        )
    media = Path(settings.MEDIA_ROOT)
    files: list[dict[str, Any]] = []
    missing: list[str] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("database.json", dump)
        for name, checksum, file_name in originals:
            try:
                content = (media / name).read_bytes()
            except FileNotFoundError:
                missing.append(file_name)
                continue
            if _sha256(content) != checksum:
                raise UserError(
                    f"het opgeslagen origineel '{name}' klopt niet met zijn SHA-256; de "
                    "back-up is niet gemaakt"
                )
            archive.writestr(f"bestanden/{name}", content)
            files.append({"pad": name, "sha256": checksum, "grootte": len(content)})
        manifest = {
            "formaat": FORMAT,
            "regietafel": __version__,
            "gemaakt": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "bestanden": files,
            "ontbrekend": missing,
        }
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    try:
        write_atomically(target, buffer.getvalue())
    except OutputError as error:
        raise UserError(str(error)) from None
    note = f"; {len(missing)} origineel ontbrak al op de server" if missing else ""
    return f"Back-up geschreven naar {target}: database en {len(files)} originele bestanden{note}."


def _backed_up_models() -> list[Any]:
    """Every model with rows worth keeping, parents before the models that refer to them."""
    from django.apps import apps
    from django.core.serializers import sort_dependencies

    app_list = [(config, None) for config in apps.get_app_configs()]
    return [
        model
        for model in sort_dependencies(app_list)
        if model._meta.label_lower not in EXCLUDED
        and model._meta.app_label not in EXCLUDED
        and not model._meta.proxy
        and model._meta.managed
    ]


def _json_value(value: Any) -> Any:
    from uuid import UUID

    if isinstance(value, datetime | date | time):
        return value.isoformat()  # to the microsecond (Django's JSON encoder keeps ms)
    if isinstance(value, Decimal | UUID):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__} in a backup")


def _dump_rows() -> str:
    from django.core import serializers

    rows: list[dict[str, Any]] = []
    for model in _backed_up_models():
        rows += serializers.serialize(
            "python",
            model._default_manager.order_by("pk").iterator(),
            use_natural_foreign_keys=True,
        )
    return json.dumps(rows, default=_json_value, ensure_ascii=False)


def _load_rows(database: bytes) -> None:
    """Save every row as it was (same primary keys), then move the id sequences past them."""
    from django.core import serializers
    from django.core.management.color import no_style
    from django.db import connection

    deferred = []
    for obj in serializers.deserialize(
        "python", json.loads(database), handle_forward_references=True
    ):
        obj.save()
        if obj.deferred_fields:
            deferred.append(obj)
    for obj in deferred:
        obj.save_deferred_fields()
    statements = connection.ops.sequence_reset_sql(no_style(), _backed_up_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _read_backup(source: Path) -> tuple[dict[str, Any], bytes, dict[str, bytes]]:
    import zipfile

    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise UserError(f"{source}: bestand niet gevonden") from None
    except zipfile.BadZipFile:
        raise UserError(f"{source}: geen back-up van regietafel (geen zipbestand)") from None
    with archive:
        names = set(archive.namelist())
        if not {"manifest.json", "database.json"} <= names:
            raise UserError(f"{source}: geen back-up van regietafel (manifest ontbreekt)")
        manifest = json.loads(archive.read("manifest.json"))
        if manifest.get("formaat") != FORMAT:
            raise UserError(
                f"{source}: onbekend back-upformaat {manifest.get('formaat')!r} "
                f"(deze versie leest formaat {FORMAT})"
            )
        database = archive.read("database.json")
        files = {
            entry["pad"]: archive.read(f"bestanden/{entry['pad']}")
            for entry in manifest["bestanden"]
        }
    return manifest, database, files


def _damaged(source: Path, error: Exception) -> UserError:
    """One Dutch line; the parser's English detail (``error``) is for a developer, not here."""
    return UserError(
        f"{source}: beschadigde back-up (de inhoud is onvolledig of onleesbaar); "
        "er is niets teruggezet"
    )


def _checked_files(database: bytes, files: dict[str, bytes], source: Path) -> dict[str, bytes]:
    """Every original in the backup must match the SHA-256 its import recorded."""
    recorded = {
        row["fields"]["original"]: row["fields"]["checksum"]
        for row in json.loads(database)
        if row["model"] == "imports.import" and row["fields"].get("original")
    }
    for path, content in files.items():
        expected = recorded.get(path)
        if expected is None:
            raise UserError(f"{source}: bestand '{path}' hoort bij geen enkele import")
        if _sha256(content) != expected:
            raise UserError(
                f"{source}: bestand '{path}' klopt niet met de SHA-256 van zijn import; "
                "er is niets teruggezet"
            )
    return files


def database_has_data() -> bool:
    """True when any table of regietafel (or a user) holds a row."""
    from django.apps import apps

    for model in apps.get_models():
        label = model._meta.label_lower
        if label in EXCLUDED or model._meta.app_label in EXCLUDED:
            continue
        if model._default_manager.exists():
            return True
    return False


def backup_restore(source: Path, *, overwrite: bool) -> str:
    """Restore ``source``; refuses a database with data unless ``overwrite``."""
    from django.conf import settings
    from django.core.management import call_command
    from django.core.serializers.base import DeserializationError
    from django.db import transaction

    try:
        manifest, database, files = _read_backup(source)
        _checked_files(database, files, source)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        # Cut off or edited by hand: invalid JSON, a row without "model", a listed file that
        # is not in the archive. Nothing has been written yet.
        raise _damaged(source, error) from None
    if database_has_data() and not overwrite:
        raise UserError(
            "de database bevat al gegevens; geef --overschrijven om ze te vervangen door de back-up"
        )
    media = Path(settings.MEDIA_ROOT)
    written: list[Path] = []
    try:
        with transaction.atomic():
            if overwrite:
                call_command("flush", interactive=False, verbosity=0)
            _load_rows(database)
            for path, content in files.items():
                target = (media / path).resolve()
                if not target.is_relative_to(media.resolve()):
                    raise UserError(f"{source}: bestand '{path}' ligt buiten de bestandenmap")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
                written.append(target)
    except BaseException as error:
        for done in written:
            done.unlink(missing_ok=True)
        if isinstance(error, DeserializationError | ValueError | KeyError | TypeError):
            raise _damaged(source, error) from None  # the transaction has rolled back
        raise
    missing = manifest.get("ontbrekend") or []
    note = f"; {len(missing)} origineel ontbrak al bij het maken van de back-up" if missing else ""
    return (
        f"Back-up van {manifest.get('gemaakt')} teruggezet: database en "
        f"{len(files)} originele bestanden, elk gecontroleerd met SHA-256{note}."
    )
