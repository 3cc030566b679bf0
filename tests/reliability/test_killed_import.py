"""A process killed between storing the original and committing the import leaves a file
without a record; ``regietafel onderhoud`` finds it and removes it.

The import runs in a real subprocess against a real SQLite file; the process kills itself
(SIGKILL, no clean-up runs) at the crash point: right after the original is written, before
the transaction commits.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from regietafel.cli import maintenance as cli_maintenance
from regietafel.imports import maintenance
from tests.imports.files import LOCATIES_HEADER, LOCATIES_ROWS, csv_bytes

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")

KILL_AFTER_WRITE = textwrap.dedent(
    """
    import os, signal, sys
    from django.core.files.storage import FileSystemStorage

    original_save = FileSystemStorage._save

    def save_then_die(self, name, content):
        stored = original_save(self, name, content)
        os.kill(os.getpid(), signal.SIGKILL)  # the crash point: file written, no commit
        return stored

    FileSystemStorage._save = save_then_die
    from regietafel.cli.main import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _run(data: Path, *args: str, script: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "REGIETAFEL_DATA_DIR": str(data),
        "DJANGO_SETTINGS_MODULE": "regietafel.config.settings",
    }
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-c", script] if script else [sys.executable, "-m", "regietafel"]
    return subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _originals(data: Path) -> list[Path]:
    folder = data / "bestanden" / "imports"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_a_killed_import_leaves_an_orphan_that_onderhoud_removes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    upload = tmp_path / "locaties.csv"
    upload.write_bytes(csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS))
    assert _run(data, "migrate").returncode == 0

    killed = _run(
        data, "import", "locaties", str(upload), "--week", "2021-W45", script=KILL_AFTER_WRITE
    )
    assert killed.returncode == -signal.SIGKILL
    [orphan] = _originals(data)  # the file is there ...

    check = _run(data, "onderhoud", "--minuten", "0")
    assert check.returncode == 1, check.stderr
    assert "bestand zonder import: imports/locaties/2021-W45/" in check.stdout

    young = _run(data, "onderhoud", "--verwijder")  # younger than an hour: left alone
    assert "overgeslagen" in young.stdout
    assert orphan.exists()

    removed = _run(data, "onderhoud", "--verwijder", "--minuten", "0")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert "1 bestand(en) zonder import verwijderd" in removed.stdout
    assert not orphan.exists()

    # A complete import afterwards: its original has a record, so nothing is an orphan.
    done = _run(data, "import", "locaties", str(upload), "--week", "2021-W45")
    assert done.returncode == 0, done.stderr
    assert len(_originals(data)) == 1
    clean = _run(data, "onderhoud", "--minuten", "0")
    assert clean.returncode == 0
    assert "geen bestanden zonder import" in clean.stdout


def test_cli_default_age_is_the_maintenance_default() -> None:
    assert cli_maintenance.MINIMUM_AGE_MINUTES == maintenance.MINIMUM_AGE_MINUTES
