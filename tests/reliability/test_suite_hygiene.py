"""The suite passes on any machine: no deadlines, per-run database names, ignored data."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from tests.conftest import RUN_ID

REPO = Path(__file__).resolve().parents[2]


def test_hypothesis_runs_without_deadlines() -> None:
    assert hypothesis_settings.default.deadline is None


@pytest.mark.django_db
def test_database_server_test_database_is_named_per_run() -> None:
    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("SQLite-testdatabases staan in het geheugen")
    assert connection.settings_dict["NAME"].endswith(RUN_ID)


@pytest.mark.parametrize("path", ["demo-data/regietafel.sqlite3", "data/secret_key"])
def test_folders_the_commands_create_are_ignored(path: str) -> None:
    result = subprocess.run(
        ["git", "check-ignore", "-q", path], cwd=REPO, capture_output=True, check=False
    )
    if result.returncode == 128:
        pytest.skip("geen git-werkmap")
    assert result.returncode == 0, f"{path} wordt niet genegeerd door .gitignore"
