"""``regietafel import``: exit 0 with one line, or exit 2 with every error on stderr."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from regietafel.cli.main import main
from regietafel.imports.models import Import, Status
from regietafel.opvang.models import LocationRecord
from tests.imports.files import LOCATIES_HEADER, LOCATIES_ROWS, csv_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def write(tmp_path: Path, rows: Any, name: str = "locaties.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes(LOCATIES_HEADER, rows))
    return path


def test_accepted_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_user: Callable[[str], Any]
) -> None:
    make_user("coa")
    path = write(tmp_path, LOCATIES_ROWS)
    assert main(["import", "locaties", str(path), "--week", "2021-W45", "--gebruiker", "coa"]) == 0
    record = Import.objects.get()
    out = capsys.readouterr().out
    assert (
        out == f"Verwerkt: Opvanglocaties 2021-W45 versie 1, 3 rijen (sha256 {record.checksum})\n"
    )
    assert record.uploaded_by is not None
    assert record.uploaded_by.username == "coa"
    assert main(["import", "locaties", str(path), "--week", "2021-w45"]) == 0
    captured = capsys.readouterr()
    assert "versie 2" in captured.out
    assert "systeem" in captured.err
    assert Import.objects.filter(status=Status.ACCEPTED, uploaded_by=None).count() == 1


def test_refused_file_prints_every_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [list(r) for r in LOCATIES_ROWS]
    rows[0][4] = "-1"
    rows[2][2] = "GM9999"
    path = write(tmp_path, rows)
    assert main(["import", "locaties", str(path), "--week", "2021-W45"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert "locaties.csv, rij 2, kolom 'capaciteit': -1 is negatief; dat kan hier niet" in err
    assert "locaties.csv, rij 4, kolom 'gemeentecode': onbekende gemeentecode GM9999" in err
    assert err[-1] == "Geweigerd: Opvanglocaties 2021-W45; er is niets verwerkt."
    assert LocationRecord.objects.count() == 0
    assert Import.objects.get().status == Status.REFUSED


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--week", "45"], "onbekende week '45'"),
        (["--week", "2021-W45", "--gebruiker", "niemand"], "gebruiker 'niemand' bestaat niet"),
        (["--week", "2021-W45", "--gebruiker", "landelijk"], "mag geen bestanden importeren"),
    ],
)
def test_user_errors_are_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make_user: Callable[[str], Any],
    arguments: list[str],
    message: str,
) -> None:
    make_user("landelijk")
    path = write(tmp_path, LOCATIES_ROWS)
    assert main(["import", "locaties", str(path), *arguments]) == 2
    folder, err = capsys.readouterr().err.split("\n", 1)
    assert folder.startswith("regietafel: gegevensmap ")  # which data folder is read
    assert message in err
    assert len(err.splitlines()) == 1
    assert Import.objects.count() == 0


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "reeksen", str(tmp_path / "weg.csv"), "--week", "2021-W45"]) == 2
    err = capsys.readouterr().err
    assert "weg.csv: bestand niet gevonden" in err
    assert "Traceback" not in err


def test_folder_as_file_has_a_dutch_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "reeksen", str(tmp_path), "--week", "2021-W45"]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path}: bestand niet leesbaar (dit is een map, geen bestand)" in err
    assert "Is a directory" not in err
