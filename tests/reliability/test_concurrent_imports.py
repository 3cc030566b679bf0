"""Four imports of one week at the same time on SQLite: every one is processed, no "locked".

Each import runs as its own ``regietafel import`` process against one database file, as four
uploaders on one server would. The outcome (versions 1 to 4, exit status 0, no traceback)
does not depend on how the processes happen to interleave.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.imports.files import LOCATIES_HEADER, LOCATIES_ROWS, csv_bytes


def test_four_simultaneous_imports_of_one_week(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "REGIETAFEL_DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        "DJANGO_SETTINGS_MODULE": "regietafel.config.settings",
    }
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--verbosity", "0"],
        env=environment,
        check=True,
    )
    files = []
    for number in range(4):
        path = tmp_path / f"locaties-{number}.csv"
        path.write_bytes(csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS[: 1 + number % 3]))
        files.append(path)
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "regietafel",
                "import",
                "locaties",
                str(path),
                "--week",
                "2021-W45",
            ],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    outcomes = [(p.wait(timeout=300), *p.communicate()) for p in processes]
    for status, out, err in outcomes:
        assert status == 0, err
        assert "Traceback" not in err
        assert "Verwerkt" in out
    with sqlite3.connect(tmp_path / "regietafel.sqlite3") as connection:
        versions = sorted(
            v for (v,) in connection.execute("select version from imports_import where week = ?",
                                              ("2021-W45",))
        )  # fmt: skip
    assert versions == [1, 2, 3, 4]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_imports_on_postgresql_get_distinct_versions(
    settings: Any, tmp_path: Path
) -> None:
    """On PostgreSQL both transactions run side by side; the loser of the race for a version
    number counts again instead of failing with an IntegrityError."""
    from django.db import connection, connections

    from regietafel.imports.models import Import, Status
    from regietafel.imports.services import import_submit

    if connection.vendor != "postgresql":
        pytest.skip("SQLite laat schrijvers op elkaar wachten (zie de test hierboven)")
    settings.MEDIA_ROOT = tmp_path / "bestanden"
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def upload(number: int) -> None:
        try:
            start.wait()
            import_submit(
                actor=None,
                kind="locaties",
                week="2021-W45",
                file_name=f"locaties-{number}.csv",
                content=csv_bytes(LOCATIES_HEADER, LOCATIES_ROWS[: 1 + number % 3]),
            )
        except BaseException as error:  # reported below, with the test's own assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    versions = sorted(
        Import.objects.filter(status=Status.ACCEPTED).values_list("version", flat=True)
    )
    assert versions == [1, 2, 3, 4]
