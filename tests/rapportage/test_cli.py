"""``regietafel rapport``: files written, the progress bar, and Dutch refusals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from regietafel.cli.main import main
from regietafel.rapportage.models import PublishedReport

Publish = Callable[..., PublishedReport]


@pytest.fixture
def no_migrate(monkeypatch: Any) -> None:
    monkeypatch.setattr("regietafel.cli.webcommands.django_setup", lambda: None)


def test_writes_all_provinces_with_progress(
    publish: Publish, no_migrate: None, tmp_path: Path, capsys: Any
) -> None:
    from regietafel import reference

    for province in reference.provinces():
        publish(scope=province.code)
    code = main(
        [
            "rapport",
            "--week",
            "2021-W45",
            "--alle-provincies",
            "--formaat",
            "xlsx",
            "--uitvoer",
            str(tmp_path),
        ]
    )
    assert code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 12
    assert "rapport-2021-W45-PV27.xlsx" in names
    err = capsys.readouterr().err
    assert "12/12" in err
    assert "[" + "#" * 30 + "]" in err


def test_single_pdf_to_a_file(publish: Publish, no_migrate: None, tmp_path: Path) -> None:
    publish(scope="PV27")
    target = tmp_path / "nh.pdf"
    code = main(
        [
            "rapport",
            "--week",
            "2021-W45",
            "--provincie",
            "Noord-Holland",
            "--formaat",
            "pdf",
            "--uitvoer",
            str(target),
        ]
    )
    assert code == 0
    assert target.read_bytes().startswith(b"%PDF")


def test_unknown_province_exit_2_one_dutch_line(db: Any, no_migrate: None, capsys: Any) -> None:
    code = main(["rapport", "--week", "2021-W45", "--provincie", "Atlantis", "--formaat", "pdf"])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("regietafel rapport: fout:")
    assert "Atlantis" in err[0]


def test_bad_week_exit_2(db: Any, no_migrate: None, capsys: Any) -> None:
    assert main(["rapport", "--week", "2021-W60", "--formaat", "pdf"]) == 2
    assert "bestaat niet" in capsys.readouterr().err
