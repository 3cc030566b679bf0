"""Every ``--uitvoer`` is checked before a command writes: one Dutch line, exit 2."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from regietafel.cli.main import main

VERDEEL = ["verdeel", "--totaal", "600", "--niveau", "provincie"]


def test_a_folder_as_output_file_is_refused_in_dutch(tmp_path: Path, capsys: Any) -> None:
    assert main([*VERDEEL, "--formaat", "csv", "--uitvoer", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"regietafel verdeel: fout: '{tmp_path}' is een map; geef de naam van een bestand\n"
    )


def test_an_extension_of_another_format_is_refused(tmp_path: Path, capsys: Any) -> None:
    target = tmp_path / "verdeling.xlsx"
    assert main([*VERDEEL, "--formaat", "csv", "--uitvoer", str(target)]) == 2
    assert capsys.readouterr().err == (
        "regietafel verdeel: fout: 'verdeling.xlsx' eindigt op .xlsx, maar --formaat is csv; "
        "noem het bestand verdeling.csv of kies --formaat xlsx\n"
    )
    assert not target.exists()
    # A name without a known extension is the user's choice.
    assert main([*VERDEEL, "--formaat", "csv", "--uitvoer", str(tmp_path / "verdeling")]) == 0


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EROFS, "het bestandssysteem is alleen-lezen"),
        (errno.ENOSPC, "de schijf is vol"),
        (errno.EACCES, "geen toestemming; controleer de rechten"),
    ],
)
def test_a_folder_that_takes_no_file_is_refused_with_a_dutch_reason(
    tmp_path: Path, capsys: Any, monkeypatch: Any, code: int, reason: str
) -> None:
    def refuse(**kwargs: Any) -> tuple[int, str]:
        raise OSError(code, "English text of the system")

    monkeypatch.setattr("regietafel.presentation.tables.tempfile.mkstemp", refuse)
    target = tmp_path / "verdeling.csv"
    assert main([*VERDEEL, "--formaat", "csv", "--uitvoer", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"regietafel verdeel: fout: kan in map '{tmp_path}' geen bestand maken ({reason})\n"
    )


def test_a_folder_that_takes_no_new_files_and_a_file_as_folder(
    tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    (tmp_path / "bestand").write_text("")
    target = tmp_path / "bestand" / "verdeling.csv"
    assert main([*VERDEEL, "--formaat", "csv", "--uitvoer", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"regietafel verdeel: fout: '{tmp_path / 'bestand'}' is een bestand, geen map\n"
    )

    def refuse(**kwargs: Any) -> tuple[int, str]:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr("regietafel.presentation.tables.tempfile.mkstemp", refuse)
    assert main([*VERDEEL, "--formaat", "csv", "--uitvoer", str(tmp_path / "v.csv")]) == 2
    assert capsys.readouterr().err == (
        f"regietafel verdeel: fout: kan in map '{tmp_path}' geen bestand maken (deze map neemt "
        "geen nieuwe bestanden aan)\n"
    )


def test_a_pipe_is_refused_and_a_link_keeps_pointing_at_the_new_file(
    tmp_path: Path, capsys: Any
) -> None:
    """The atomic write puts a new file in place of the name: a named pipe (or, as root,
    /dev/full) became a plain file and a symbolic link was replaced by one."""
    import os
    import stat

    pipe = tmp_path / "uit.csv"
    os.mkfifo(pipe)
    assert main([*VERDEEL, "--formaat", "csv", "--uitvoer", str(pipe)]) == 2
    assert "is geen gewoon bestand" in capsys.readouterr().err
    assert stat.S_ISFIFO(pipe.lstat().st_mode)

    real = tmp_path / "echt.csv"
    real.write_text("oud\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert main([*VERDEEL, "--formaat", "csv", "--uitvoer", str(link)]) == 0
    assert link.is_symlink()
    assert link.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8").startswith("code,")
