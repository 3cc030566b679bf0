"""The read-only commands start without the web server's apps: no admin, no API framework,
no runtime generics patch (what they cost at start-up is measured in
``benchmarks/bench_commands.py``; this test only checks what gets loaded)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROBE = textwrap.dedent(
    """
    import sys
    from regietafel.cli.main import main

    status = main(sys.argv[1:])
    loaded = sorted(
        name for name in ("django.contrib.admin", "rest_framework", "django_stubs_ext")
        if name in sys.modules
    )
    print("GELADEN", ",".join(loaded) or "-")
    print("STATUS", status)
    """
)


def _run(data: Path, *args: str, script: str | None = None) -> str:
    env = {**os.environ, "REGIETAFEL_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)
    env.pop("REGIETAFEL_ALLEEN_LEZEN", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "-c", script] if script else [sys.executable, "-m", "regietafel"]
    done = subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("leeg")
    assert "Traceback" not in _run(folder, "migrate")
    return folder


@pytest.mark.parametrize("command", ["opvang", "kerncijfers", "boodschappenlijst"])
def test_read_only_commands_load_no_web_apps(data: Path, command: str) -> None:
    out = _run(data, command, "--week", "2021-W45", script=PROBE)
    assert "GELADEN -" in out, out
    assert "STATUS 2" in out  # an empty database: "geen gegevens", exit 2, nothing written


def test_other_database_commands_keep_the_full_setup(data: Path) -> None:
    out = _run(data, "onderhoud", script=PROBE)
    assert "django.contrib.admin" in out, out
    assert "STATUS 0" in out
