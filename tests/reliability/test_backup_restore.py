"""Backup and restore: every table and every stored original survive a round trip."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from regietafel.cli.backup import EXCLUDED, backup_restore, backup_write
from regietafel.errors import UserError
from regietafel.imports.models import Import, Status
from regietafel.imports.services import import_submit
from regietafel.rapportage.models import PublishedReport
from regietafel.taakstelling.services import taakstelling_set
from tests.conftest import PASSWORD
from tests.imports.files import LOCATIES_HEADER, LOCATIES_ROWS, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "bestanden"
    return Path(settings.MEDIA_ROOT)


def _tables() -> dict[str, list[dict[str, Any]]]:
    snapshot = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in EXCLUDED or model._meta.app_label in EXCLUDED:
            continue
        snapshot[label] = list(model._default_manager.order_by("pk").values())
    return snapshot


def _files(media: Path) -> dict[str, bytes]:
    return {
        p.relative_to(media).as_posix(): p.read_bytes() for p in media.rglob("*") if p.is_file()
    }


@pytest.fixture
def world(
    media: Path, make_user: Callable[[str], Any], publish: Callable[..., PublishedReport]
) -> None:
    coa = make_user("coa")
    make_user("provincie")
    Client().post("/inloggen/", {"username": "coa", "password": "fout"})
    week = "2021-W45"
    for content, name in (
        (csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS), "locaties.csv"),
        (xlsx_bytes(LOCATIES_HEADER, LOCATIES_ROWS[:2]), "locaties.xlsx"),
        (csv_bytes(LOCATIES_HEADER, [("x",) * 10]), "fout.csv"),
    ):
        import_submit(actor=coa, kind="locaties", week=week, file_name=name, content=content)
    taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    publish(note="eerste")


def test_round_trip_keeps_every_table_and_file(world: None, media: Path, tmp_path: Path) -> None:
    before_tables, before_files = _tables(), _files(media)
    assert Import.objects.filter(status=Status.ACCEPTED).count() == 2
    assert len(before_files) == 3

    target = tmp_path / "reservekopie.zip"
    backup_write(target)
    with pytest.raises(UserError, match="bevat al gegevens"):
        backup_restore(target, overwrite=False)

    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    assert not Import.objects.exists()
    backup_restore(target, overwrite=False)

    assert _tables() == before_tables
    assert _files(media) == before_files
    # The restored system works: log in with the old password, next import gets version 3.
    assert Client().post("/inloggen/", {"username": "coa", "password": PASSWORD}).status_code == 302
    again = import_submit(
        actor=None,
        kind="locaties",
        week="2021-W45",
        file_name="opnieuw.csv",
        content=csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS),
    )
    assert again.version == 3
    assert again.pk > max(row["id"] for row in before_tables["imports.import"])


def test_overwrite_replaces_the_data(world: None, media: Path, tmp_path: Path) -> None:
    before = _tables()
    target = tmp_path / "reservekopie.zip"
    backup_write(target)
    import_submit(
        actor=None,
        kind="locaties",
        week="2021-W46",
        file_name="later.csv",
        content=csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS),
    )
    backup_restore(target, overwrite=True)
    assert _tables() == before


def test_a_changed_original_is_refused_and_nothing_restored(
    world: None, media: Path, tmp_path: Path
) -> None:
    target = tmp_path / "reservekopie.zip"
    backup_write(target)
    source = zipfile.ZipFile(target)
    manifest = json.loads(source.read("manifest.json"))
    tampered = tmp_path / "aangepast.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == f"bestanden/{manifest['bestanden'][0]['pad']}":
                data = data[:-1] + bytes([data[-1] ^ 1])
            out.writestr(item, data)
    tampered.write_bytes(buffer.getvalue())
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    with pytest.raises(UserError, match="SHA-256"):
        backup_restore(tampered, overwrite=False)
    assert not Import.objects.exists()
    assert not media.exists() or not _files(media)


def test_cli_backup_and_a_bad_restore_file(
    world: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from regietafel.cli.main import main

    target = tmp_path / "cli.zip"
    assert main(["backup", str(target)]) == 0
    assert "3 originele bestanden" in capsys.readouterr().out
    assert main(["restore", str(target)]) == 2
    assert "--overschrijven" in capsys.readouterr().err
    (tmp_path / "geen.zip").write_bytes(b"%PDF-1.4")
    assert main(["restore", str(tmp_path / "geen.zip")]) == 2
    assert "geen back-up van regietafel" in capsys.readouterr().err
    # A name of another format: backup has no --formaat to offer.
    assert main(["backup", str(tmp_path / "b.txt")]) == 2
    assert capsys.readouterr().err.endswith(
        "regietafel backup: fout: 'b.txt' eindigt op .txt, maar dit wordt een zip-bestand; "
        "noem het bestand b.zip\n"
    )
    # A folder as the backup file: a Dutch line, not "Is a directory" of a temporary file.
    assert main(["backup", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"regietafel backup: fout: '{tmp_path}' is een map; geef de naam van een bestand\n"
    )


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="afgebroken"),
        pytest.param(lambda data: b'[{"foo": 1}]', id="rij-zonder-model"),
        pytest.param(  # every row intact, one more that Django cannot load
            lambda data: data.rstrip()[:-1] + b', {"model": "geen.model", "pk": 1, "fields": {}}]',
            id="rij-die-niet-laadt",
        ),
    ],
)
def test_a_damaged_database_file_is_one_dutch_line_and_nothing_restored(
    world: None,
    media: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: Callable[[bytes], bytes],
) -> None:
    """A cut-off or hand-edited database.json gave a JSONDecodeError or KeyError traceback."""
    from regietafel.cli.main import main

    target = tmp_path / "reservekopie.zip"
    backup_write(target)
    damaged = tmp_path / "beschadigd.zip"
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(damaged, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, damage(data) if item.filename == "database.json" else data)
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    assert main(["restore", str(damaged)]) == 2
    assert capsys.readouterr().err.endswith(
        f"regietafel restore: fout: {damaged}: beschadigde back-up (de inhoud is onvolledig of "
        "onleesbaar); er is niets teruggezet\n"
    )
    assert not Import.objects.exists()
    assert not media.exists() or not _files(media)
