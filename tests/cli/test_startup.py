"""Commands start fast: which modules each one imports (never timings), and no implicit
migration."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from regietafel.cli.webcommands import NOT_MIGRATED

SCRIPT = """
import os, sys
from regietafel.cli.main import main
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
main(["taakstelling", "--periode", "2021-II", "--totaal", "11000", "--formaat", "csv"])
main(["verdeel", "--totaal", "600", "--niveau", "provincie", "--formaat", "csv"])
heavy = ("django", "rest_framework", "weasyprint", "vl_convert", "openpyxl")
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy)), file=sys.stderr)
"""


def test_computation_commands_import_no_django() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip() == ""


def test_serve_refuses_a_taken_port_in_one_dutch_line(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "regietafel", "demo", "--map", str(tmp_path / "d"),
             "--poort", str(port)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    assert result.returncode == 2
    assert f"poort {port} op 127.0.0.1 is al in gebruik" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "d").exists()  # refused before anything was made


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--poort", "99999"], "--poort: 99.999 ligt buiten 1 tot en met 65.535"),
        # 192.0.2.1 is TEST-NET-1 (RFC 5737): on no machine; the address is wrong, not taken.
        (
            ["--host", "192.0.2.1", "--poort", "8299"],
            (
                "kan niet luisteren op 192.0.2.1:8299 (dit adres hoort niet bij deze machine); "
                "controleer --host"
            ),
        ),
    ],
)
def test_serve_names_a_bad_port_or_address_not_a_taken_one(
    arguments: list[str], message: str
) -> None:
    """--poort 99999 was an OverflowError traceback; every bind error said "al in gebruik"."""
    result = subprocess.run(
        [sys.executable, "-m", "regietafel", "serve", *arguments, "--server", "waitress"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert f"regietafel serve: fout: {message}\n" in result.stderr
    assert "Traceback" not in result.stderr


PARSER_ONLY = """
import sys
from regietafel.cli.main import build_parser
build_parser()
heavy = ("django", "numpy", "regietafel.core", "regietafel.reference",
         "regietafel.presentation", "regietafel.cli.calculations")
print(",".join(sorted(m for m in sys.modules if m.startswith(heavy))))
"""  # fmt: skip


def test_building_the_parser_imports_nothing_heavy() -> None:
    """Every command pays for the parser: it must not load numpy, Django or the core."""
    result = subprocess.run(
        [sys.executable, "-c", PARSER_ONLY], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_parser_choices_are_the_engine_names() -> None:
    from regietafel.cli import computations
    from regietafel.core.apportionment import Method
    from regietafel.presentation.tables import Format

    assert tuple(m.value for m in Method) == computations.METHODS
    assert tuple(f.value for f in Format) == computations.FORMATS


def _cli(*args: str, data: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment["REGIETAFEL_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "regietafel", *args],
        capture_output=True, text=True, check=False, env=environment, cwd=cwd,
    )  # fmt: skip


OPVANG_IMPORTS = """
import os, sys
from regietafel.cli.main import main
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
code = main(["opvang", "--week", "2021-W45", "--formaat", "csv"])
heavy = ("regietafel.boodschappenlijst.selectors", "regietafel.boodschappenlijst.tables",
         "regietafel.cli.calculations", "weasyprint",
         "vl_convert", "openpyxl", "django.db.migrations.loader",
         "django.db.migrations.executor", "django.core.management.commands")
loaded = sorted(m for m in sys.modules if m.startswith(heavy))
print(code, ",".join(loaded), file=sys.stderr)
"""  # fmt: skip


def test_database_commands_need_an_explicit_migrate(tmp_path: Path) -> None:
    data = tmp_path / "data"
    behind = _cli("opvang", "--week", "2021-W45", data=data)
    assert behind.returncode == 2
    assert behind.stderr.splitlines() == [
        f"regietafel: gegevensmap {data}",
        f"regietafel opvang: fout: {NOT_MIGRATED}",
    ]
    assert NOT_MIGRATED == "de database is niet bijgewerkt; voer eerst `regietafel migrate` uit"
    migrated = _cli("migrate", data=data)
    assert migrated.returncode == 0, migrated.stderr
    assert "migratie(s) uitgevoerd" in migrated.stdout
    assert _cli("migrate", data=data).stdout.strip() == "database was al bijgewerkt"

    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment["REGIETAFEL_DATA_DIR"] = str(data)
    result = subprocess.run(
        [sys.executable, "-c", OPVANG_IMPORTS],
        capture_output=True, text=True, check=True, env=environment,
    )  # fmt: skip
    # Beyond Django's app registry only the reception picture's own modules: no shopping
    # list, no computation commands, no rendering stack and no migration machinery (the
    # check is one query). The new database holds no register, so the command refuses the
    # week (exit 2: no data is never zero) after loading just that.
    assert result.stderr.splitlines()[-1].strip() == "2"


def test_an_empty_data_folder_points_at_the_demo_beside_it(tmp_path: Path) -> None:
    (tmp_path / "demo-data").mkdir()
    (tmp_path / "demo-data" / "regietafel.sqlite3").write_bytes(b"")
    result = _cli("boodschappenlijst", "--week", "2021-W45", data=tmp_path / "data")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"regietafel: gegevensmap {tmp_path / 'data'}"
    assert "REGIETAFEL_DATA_DIR=demo-data" in lines[1]
    assert "niet bijgewerkt" in lines[2]
    assert "Traceback" not in result.stderr


def test_parser_choices_match_the_core() -> None:
    """The parser's rule and level words are the core's and the calculation's."""
    from regietafel.cli import calculations, computations
    from regietafel.core.distribution import Rule

    assert tuple(r.value for r in Rule) == computations.RULES
    assert tuple(calculations.LEVELS) == computations.LEVEL_NAMES


def test_demo_says_it_ignores_database_url(tmp_path: Path) -> None:
    """The demo never loads synthetic data into a real database, and says which it uses."""
    environment = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nothing"}
    result = subprocess.run(
        [sys.executable, "-m", "regietafel", "demo", "--map", str(tmp_path / "d"),
         "--alleen-laden"],
        capture_output=True, text=True, check=False, env=environment,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "DATABASE_URL wordt genegeerd" in result.stderr
    assert (tmp_path / "d" / "regietafel.sqlite3").exists()
