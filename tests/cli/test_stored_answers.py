"""Stored answers of the week commands: replayed only while nothing they depend on changed.

The integration tests run the installed command in subprocesses on a demo database, change
the data through the real import command, and compare every stored answer byte for byte
with a run that computes (``REGIETAFEL_ANTWOORDOPSLAG=0``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from regietafel.cli import stored_answers

WEEK = "2021-W45"


def _environment(data: Path, **extra: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.pop("REGIETAFEL_ANTWOORDOPSLAG", None)
    environment["REGIETAFEL_DATA_DIR"] = str(data)
    environment.update(extra)
    return environment


def _cli(data: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "regietafel", *args],
        capture_output=True, check=False, env=_environment(data, **extra),
    )  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("antwoorden") / "demo"
    loaded = _cli(folder, "demo", "--map", str(folder), "--alleen-laden")
    assert loaded.returncode == 0, loaded.stderr.decode()
    return folder


def _replayed(result: subprocess.CompletedProcess[bytes]) -> bool:
    return b"opgeslagen antwoord" in result.stderr


def test_the_second_run_replays_the_first_answer_byte_for_byte(demo: Path) -> None:
    for command in ("opvang", "kerncijfers", "boodschappenlijst"):
        args = (command, "--week", WEEK, "--formaat", "csv")
        first = _cli(demo, *args)
        second = _cli(demo, *args)
        computed = _cli(demo, *args, REGIETAFEL_ANTWOORDOPSLAG="0")
        assert first.returncode == second.returncode == computed.returncode == 0
        assert not _replayed(first)
        assert _replayed(second), second.stderr.decode()
        assert not _replayed(computed)
        assert first.stdout == second.stdout == computed.stdout
        assert len(first.stdout) > 100


def test_another_province_format_or_policy_is_another_answer(demo: Path) -> None:
    base = ("opvang", "--week", WEEK)
    _cli(demo, *base)
    assert _replayed(_cli(demo, *base))
    groningen = _cli(demo, *base, "--provincie", "Groningen")
    assert not _replayed(groningen)
    assert b"Groningen" in groningen.stdout
    assert not _replayed(_cli(demo, *base, "--formaat", "json"))
    buffered = _cli(demo, *base, REGIETAFEL_BUFFER="coa-2022-11")
    assert buffered.returncode == 0, buffered.stderr.decode()
    assert not _replayed(buffered)


def test_a_new_import_gives_new_answers(demo: Path, tmp_path: Path) -> None:
    args = ("opvang", "--week", WEEK, "--formaat", "csv")
    _cli(demo, *args)
    before = _cli(demo, *args)
    assert _replayed(before)

    original = next((demo / "bestanden" / "imports" / "locaties" / WEEK).glob("*.csv"))
    lines = original.read_text(encoding="utf-8").splitlines()
    header, first = lines[0].split(","), lines[1].split(",")
    capacity = header.index("capaciteit")
    first[capacity] = str(int(first[capacity]) + 500)
    changed = tmp_path / "locaties.csv"
    changed.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n", "utf-8")
    imported = _cli(demo, "import", "locaties", str(changed), "--week", WEEK,
                    "--gebruiker", "coa")  # fmt: skip
    assert imported.returncode == 0, imported.stderr.decode()

    after = _cli(demo, *args)
    computed = _cli(demo, *args, REGIETAFEL_ANTWOORDOPSLAG="0")
    assert not _replayed(after)
    assert after.stdout == computed.stdout
    assert after.stdout != before.stdout
    assert _replayed(_cli(demo, *args))


def test_a_refused_week_is_not_stored(demo: Path) -> None:
    """No data is never zero: the refusal is computed each time and nothing is stored."""
    for _ in range(2):
        result = _cli(demo, "opvang", "--week", "2030-W01")
        assert result.returncode == 2
        assert not _replayed(result)
        assert result.stdout == b""


def test_files_and_xlsx_are_always_computed(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "opvang.csv"
    for _ in range(2):
        result = _cli(demo, "opvang", "--week", WEEK, "--formaat", "csv", "--uitvoer", str(target))
        assert result.returncode == 0
        assert not _replayed(result)
    assert target.read_text(encoding="utf-8").strip()


def test_only_data_changes_move_the_generation(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kopie.sqlite3"
    shutil.copy(demo / "regietafel.sqlite3", copy)
    start = stored_answers.data_generation(copy)
    assert start is not None
    assert start[0] > 0

    def add(action: str) -> None:
        with sqlite3.connect(copy) as connection:
            columns = [row[1] for row in connection.execute("PRAGMA table_info(audit_auditentry)")]
            values = {c: "{}" for c in columns if c not in ("id", "actor_id")}
            values.update(action=action, at="2030-01-01 00:00:00")
            names = ",".join(values)
            connection.execute(
                f"INSERT INTO audit_auditentry ({names}) VALUES ({','.join('?' * len(values))})",  # noqa: S608
                list(values.values()),
            )
        connection.close()

    for action in stored_answers.NOT_DATA_ACTIONS:
        add(action)
    assert stored_answers.data_generation(copy) == start
    add("gewijzigd")
    changed = stored_answers.data_generation(copy)
    assert changed is not None
    assert changed[0] > start[0]


def test_the_not_data_actions_are_the_page_caches() -> None:
    from regietafel.audit.selectors import NOT_DATA

    assert tuple(action.value for action in NOT_DATA) == stored_answers.NOT_DATA_ACTIONS


def test_the_key_holds_every_input() -> None:
    arguments = argparse.Namespace(command="opvang", week=WEEK, provincie=None, formaat="tabel",
                                   uitvoer=None, handler=print)  # fmt: skip
    today, code, environment = date(2026, 11, 27), "c1", {"HOME": "/a"}

    def key(
        generation: tuple[int, str, int] = (1, "t", 30),
        *,
        namespace: argparse.Namespace = arguments,
        day: date = today,
        installed: str = code,
        variables: dict[str, str] = environment,
    ) -> str:
        return stored_answers.answer_key(
            namespace, generation, today=day, environment=variables, code=installed
        )

    base = key()
    variants = [
        key((2, "t", 30)),
        key((1, "t", 31)),
        key(day=date(2026, 11, 28)),
        key(installed="c2"),
        key(variables={"HOME": "/a", "REGIETAFEL_BUFFER": "coa-2022-11"}),
        key(namespace=argparse.Namespace(**{**vars(arguments), "provincie": "Groningen"})),
    ]
    assert len({base, *variants}) == len(variants) + 1
    assert key(variables={"HOME": "/b"}) == base


def test_not_used_with_database_url_or_when_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    arguments = argparse.Namespace(command="opvang", week=WEEK, provincie=None, formaat="csv",
                                   uitvoer=None)  # fmt: skip
    monkeypatch.delenv("REGIETAFEL_ANTWOORDOPSLAG", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://x@127.0.0.1/y")
    assert not stored_answers.enabled(arguments)
    monkeypatch.delenv("DATABASE_URL")
    assert stored_answers.enabled(arguments)
    monkeypatch.setenv("REGIETAFEL_ANTWOORDOPSLAG", "0")
    assert not stored_answers.enabled(arguments)
