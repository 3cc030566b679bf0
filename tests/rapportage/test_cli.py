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


@pytest.fixture
def publishing(monkeypatch: Any) -> list[str]:
    """Records every publication the command attempts (none may happen on a bad path)."""
    attempts: list[str] = []

    def refuse(**kwargs: Any) -> PublishedReport:
        attempts.append(kwargs["scope"])
        raise AssertionError("published before the output path was checked")

    monkeypatch.setattr("regietafel.rapportage.cli.report_publish", refuse)
    return attempts


@pytest.mark.parametrize(
    ("extra", "output", "message"),
    [
        ([], "geen-map/x.html", "map '{tmp}/geen-map' voor het uitvoerbestand bestaat niet"),
        ([], "geen-map/", "map '{tmp}/geen-map' voor de uitvoerbestanden bestaat niet"),
        (
            ["--alle-provincies"],
            "geen-map/dir/",
            "map '{tmp}/geen-map/dir' voor de uitvoerbestanden bestaat niet",
        ),
        (["--alle-provincies"], "bestand.txt", "'{tmp}/bestand.txt' is een bestand, geen map"),
    ],
)
def test_bad_output_path_publishes_nothing(  # noqa: PLR0917 - fixtures and parameters
    db: Any,
    no_migrate: None,
    publishing: list[str],
    tmp_path: Path,
    capsys: Any,
    extra: list[str],
    output: str,
    message: str,
) -> None:
    from regietafel.audit.models import AuditEntry

    (tmp_path / "bestand.txt").write_text("al hier")
    argv = ["rapport", "--week", "2021-W30", "--formaat", "html", *extra]
    assert main([*argv, "--uitvoer", f"{tmp_path}/{output}"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"regietafel rapport: fout: {message.format(tmp=tmp_path)}\n"
    assert captured.out == ""
    assert publishing == []
    assert PublishedReport.objects.count() == 0
    assert AuditEntry.objects.count() == 0
    assert not (tmp_path / "geen-map").exists()  # a missing folder is never made


def test_extension_that_contradicts_the_format_is_refused(
    db: Any, no_migrate: None, publishing: list[str], tmp_path: Path, capsys: Any
) -> None:
    target = tmp_path / "r33.pdf"
    argv = ["rapport", "--week", "2021-W33", "--formaat", "xlsx", "--uitvoer", str(target)]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        "regietafel rapport: fout: 'r33.pdf' eindigt op .pdf, maar --formaat is xlsx; noem het "
        "bestand r33.xlsx of kies --formaat pdf\n"
    )
    assert publishing == []
    assert not target.exists()


def test_existing_folder_with_trailing_slash_takes_the_report(
    publish: Publish, no_migrate: None, tmp_path: Path
) -> None:
    publish(scope="NL")
    argv = ["rapport", "--week", "2021-W45", "--formaat", "html"]
    assert main([*argv, "--uitvoer", f"{tmp_path}/"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["rapport-2021-W45-NL.html"]
