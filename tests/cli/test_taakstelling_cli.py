"""The CLI contract of `regietafel taakstelling` and `regietafel verdeel`, run as a real process.

Each test runs the installed command in a subprocess, as a user would: real files, real exit
status, real stderr. Expected numbers are computed by hand from CBS figures in the comments.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from regietafel import reference

CLI = [sys.executable, "-m", "regietafel"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, check=False)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_table_is_readable_with_dutch_numbers() -> None:
    result = run("taakstelling", "--periode", "2021-II", "--totaal", "11000")
    assert result.returncode == 0, result.stderr
    assert "Taakstelling huisvesting vergunninghouders 2021-II" in result.stdout
    assert "landelijk totaal: 11.000" in result.stdout
    assert "peildatum inwoners: 1 januari 2021" in result.stdout
    # Amsterdam had 873,338 inhabitants on 1 January 2021 (CBS wijk- en buurtkaart 2021): "873.338".
    amsterdam = next(line for line in result.stdout.splitlines() if line.startswith("GM0363"))
    assert "873.338" in amsterdam
    total_line = result.stdout.splitlines()[-3]
    assert total_line.startswith("Totaal")
    assert "11.000" in total_line
    assert result.stderr == ""


def test_csv_contract_and_exact_total() -> None:
    result = run("taakstelling", "--periode", "2021-II", "--totaal", "11000", "--formaat", "csv")
    assert result.returncode == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert list(rows[0])[:6] == [
        "gemeentecode",
        "gemeente",
        "provincie",
        "inwoners",
        "quotum",
        "taakstelling",
    ]
    assert len(rows) == 352  # municipalities on 1 January 2021 (CBS)
    assert sum(int(r["taakstelling"]) for r in rows) == 11000
    amsterdam = next(r for r in rows if r["gemeentecode"] == "GM0363")
    # Quota = 873,338 / 17,475,415 x 11,000 = 549.73; Hamilton rounds to 549 or 550.
    assert float(amsterdam["quotum"]) == pytest.approx(873338 / 17475415 * 11000, abs=1e-6)
    assert int(amsterdam["taakstelling"]) in {549, 550}
    for row in rows:
        quota = float(row["quotum"])
        assert int(quota) <= int(row["taakstelling"]) <= int(quota) + 1  # quota rule


def realisation_file(path: Path, period: str, given: dict[str, tuple[int, int]]) -> Path:
    """A realisation of ``period`` with every municipality of its division, as the CLI
    demands: the ``given`` codes with their (taakstelling, gehuisvest), the others 0 and 0."""
    from regietafel import reference
    from regietafel.core.periods import Period

    on = max(
        reference.default_population_date(Period.parse(period)), reference.population_dates()[0]
    )
    lines = ["gemeentecode,taakstelling,gehuisvest"]
    for m in reference.municipalities(on):
        task, housed = given.get(m.code, (0, 0))
        lines.append(f"{m.code},{task},{housed}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_realisatie_adds_arrears_and_advance(tmp_path: Path) -> None:
    previous = realisation_file(
        tmp_path / "vorige.csv", "2021-I", {"GM0363": (700, 650), "GM0014": (200, 230)}
    )
    result = run(
        "taakstelling",
        "--periode",
        "2021-II",
        "--totaal",
        "11000",
        "--realisatie",
        str(previous),
        "--formaat",
        "csv",
    )
    assert result.returncode == 0, result.stderr
    rows = {r["gemeentecode"]: r for r in csv_rows(result.stdout)}
    assert "achterstand" in rows["GM0363"]
    assert "gecorrigeerde_taakstelling" in rows["GM0363"]
    # Amsterdam housed 50 fewer than its task: arrears +50; Groningen 30 more: advance -30.
    assert int(rows["GM0363"]["achterstand"]) == 50
    assert (
        int(rows["GM0363"]["gecorrigeerde_taakstelling"])
        == int(rows["GM0363"]["taakstelling"]) + 50
    )
    assert int(rows["GM0014"]["achterstand"]) == -30
    assert int(rows["GM0034"]["achterstand"]) == 0  # 0 given, 0 housed: nothing carried over


def test_a_realisation_without_every_municipality_is_refused(tmp_path: Path) -> None:
    """A missing row read as arrears 0: a file with only its header gave "Achterstand 0"
    for every municipality. As the import of a realisation: every one, or refused."""
    header_only = tmp_path / "leeg.csv"
    header_only.write_text("gemeentecode,taakstelling,gehuisvest\n", encoding="utf-8")
    args = ["taakstelling", "--periode", "2021-II", "--totaal", "11000", "--provincie", "Zeeland"]
    result = run(*args, "--realisatie", str(header_only))
    assert result.returncode == 2
    assert "13 gemeenten van periode 2021-I ontbreken: GM0654 Borsele" in result.stderr
    assert "Traceback" not in result.stderr
    # Every municipality of the province shown is enough for that province.
    from regietafel import reference

    zeeland = [
        m.code for m in reference.municipalities(date(2021, 1, 1)) if m.province_code == "PV29"
    ]
    partial = tmp_path / "zeeland.csv"
    partial.write_text(
        "gemeentecode,taakstelling,gehuisvest\n" + "".join(f"{c},10,4\n" for c in zeeland),
        encoding="utf-8",
    )
    shown = run(*args, "--realisatie", str(partial), "--formaat", "csv")
    assert shown.returncode == 0, shown.stderr
    assert {r["achterstand"] for r in csv_rows(shown.stdout)} == {"6"}


def test_regio_provincie_compares_regional_with_local() -> None:
    result = run(
        "taakstelling", "--periode", "2021-II", "--totaal", "11000", "--regio", "provincie",
        "--formaat", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    regions = document["regios"]
    assert len(regions) == 12
    assert sum(r["regionale_taakstelling"] for r in regions) == 11000
    assert sum(r["som_lokale_taakstelling"] for r in regions) == 11000
    for region in regions:
        assert (
            region["verschil"]
            == region["regionale_taakstelling"] - region["som_lokale_taakstelling"]
        )
    assert {row["regio"] for row in document["gemeenten"]} == {r["regio"] for r in regions}


def test_regio_file_and_csv_per_regio(tmp_path: Path) -> None:
    municipalities = reference.municipalities(reference.population_dates()[1])
    regions = tmp_path / "regios.csv"
    lines = ["gemeentecode,regio"] + [
        f"{m.code},{'Noord' if m.province_code in {'PV20', 'PV21', 'PV22'} else 'Rest'}"
        for m in municipalities
    ]
    regions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(
        "taakstelling", "--periode", "2021-I", "--totaal", "13500", "--regio", str(regions),
        "--formaat", "csv", "--per", "regio",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = {r["regio"]: r for r in csv_rows(result.stdout)}
    north = sum(
        m.inhabitants for m in municipalities if m.province_code in {"PV20", "PV21", "PV22"}
    )
    total = sum(m.inhabitants for m in municipalities)
    assert float(rows["Noord"]["quotum"]) == pytest.approx(north / total * 13500, abs=1e-6)
    assert (
        int(rows["Noord"]["regionale_taakstelling"]) + int(rows["Rest"]["regionale_taakstelling"])
        == 13500
    )


def test_xlsx_has_header_and_numeric_cells(tmp_path: Path) -> None:
    target = tmp_path / "taak.xlsx"
    result = run(
        "taakstelling", "--periode", "2021-II", "--totaal", "11000", "--formaat", "xlsx",
        "--uitvoer", str(target),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    workbook = load_workbook(target)
    sheet = workbook["gemeenten"]
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == ["Code", "Gemeente", "Provincie", "Inwoners", "Quotum", "Taakstelling"]
    values = [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(v, int) for v in values)
    assert sum(v for v in values if isinstance(v, int)) == 11000


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--periode", "2021-II", "--totaal", "-5"], "negatief"),
        (["--periode", "2021-II", "--totaal", "11000.5"], "geen geheel getal"),
        (["--periode", "2021-III", "--totaal", "11000"], "onbekende periode"),
        (["--periode", "2031-I", "--totaal", "11000"], "onbekende periode 2031-I"),
        (["--periode", "2021-II", "--totaal", "11000", "--methode", "loting"], "kies uit"),
        (["--periode", "2020-I"], "geen gepubliceerd landelijk totaal bekend voor 2020-I"),
        (["--periode", "2021-II", "--versie", "3"], "2021-II heeft geen versie 3"),
        (["--periode", "2021-II", "--versie", "0"], "geen versienummer"),
        (["--periode", "2021-II", "--versie", "1", "--totaal", "11000"], "niet allebei"),
    ],
)
def test_bad_arguments_exit_2_with_one_dutch_line(args: list[str], expected: str) -> None:
    result = run("taakstelling", *args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "gemeentecode,taakstelling\nGM0363,10\n",
            "vorige.csv, rij 1: verplichte kolom 'gehuisvest' ontbreekt",
        ),
        (
            "gemeentecode,taakstelling,gehuisvest\nGM9999,10,5\n",
            "vorige.csv, rij 2, kolom 'gemeentecode'",
        ),
        (
            "gemeentecode,taakstelling,gehuisvest\nGM0003,10,5\n",
            "GM0003 (Appingedam) bestaat niet meer",
        ),
        (
            "gemeentecode,taakstelling,gehuisvest\nGM0363,10,5\nGM0363,11,5\n",
            "vorige.csv, rij 3, kolom 'gemeentecode': 'GM0363' staat ook al in rij 2",
        ),
        (
            "gemeentecode,taakstelling,gehuisvest\nGM0363,10,veel\n",
            "vorige.csv, rij 2, kolom 'gehuisvest': 'veel' is geen geheel getal",
        ),
    ],
)
def test_bad_realisatie_file_names_file_row_column_and_writes_nothing(
    tmp_path: Path, content: str, expected: str
) -> None:
    previous = tmp_path / "vorige.csv"
    previous.write_text(content, encoding="utf-8")
    target = tmp_path / "uit.csv"
    result = run(
        "taakstelling", "--periode", "2021-II", "--totaal", "11000", "--realisatie", str(previous),
        "--formaat", "csv", "--uitvoer", str(target),
    )  # fmt: skip
    assert result.returncode == 2
    assert expected in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [previous]  # no temporary file left behind either


def test_code_gone_before_the_previous_period_names_its_successor(tmp_path: Path) -> None:
    # Appingedam joined Eemsdelta on 1 January 2021: it is no municipality of 2021-II, so a
    # file about 2021-II cannot hold it.
    previous = tmp_path / "vorige.csv"
    previous.write_text("gemeentecode,taakstelling,gehuisvest\nGM0003,10,5\n", encoding="utf-8")
    result = run(
        "taakstelling", "--periode", "2022-I", "--totaal", "11000", "--realisatie", str(previous),
    )  # fmt: skip
    assert result.returncode == 2
    assert "GM0003 (Appingedam) bestaat niet meer op 1 januari 2021" in result.stderr
    assert "GM1979 (Eemsdelta)" in result.stderr
    assert "het bestand hoort bij periode 2021-II" in result.stderr


def test_code_merged_after_the_previous_period_carries_its_arrears(tmp_path: Path) -> None:
    # Weesp (GM0457) was a municipality in the division of 1 January 2022 and joined
    # Amsterdam on 24 March 2022: its arrears of 10 - 5 = 5 go to Amsterdam in 2023-I.
    previous = realisation_file(tmp_path / "vorige.csv", "2022-II", {"GM0457": (10, 5)})
    result = run(
        "taakstelling", "--periode", "2023-I", "--totaal", "13500", "--realisatie", str(previous),
        "--formaat", "csv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = {r["gemeentecode"]: r for r in csv_rows(result.stdout)}
    assert "GM0457" not in rows
    assert rows["GM0363"]["achterstand"] == "5"
    assert sum(int(r["achterstand"]) for r in rows.values()) == 5


def test_verdeel_provinces_by_inhabitants_sums_exactly() -> None:
    result = run("verdeel", "--totaal", "600", "--niveau", "provincie", "--formaat", "csv")
    assert result.returncode == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert list(rows[0])[:5] == ["code", "naam", "gewicht", "quotum", "toewijzing"]
    assert len(rows) == 12
    assert sum(int(r["toewijzing"]) for r in rows) == 600
    weights = {r["code"]: float(r["gewicht"]) for r in rows}
    total = sum(weights.values())
    for row in rows:
        assert float(row["quotum"]) == pytest.approx(weights[row["code"]] / total * 600, abs=1e-6)


def test_verdeel_with_existing_gives_nothing_to_units_above_fair_share(tmp_path: Path) -> None:
    key = tmp_path / "sleutel.csv"
    key.write_text("code,naam,gewicht\nPV20,A,1\nPV21,B,1\nPV22,C,2\n", encoding="utf-8")
    existing = tmp_path / "bestaand.csv"
    existing.write_text("code,aantal\nPV20,50\nPV22,10\n", encoding="utf-8")
    result = run(
        "verdeel", "--totaal", "60", "--niveau", "provincie", "--sleutel", str(key),
        "--bestaand", str(existing), "--formaat", "csv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = {r["code"]: r for r in csv_rows(result.stdout)}
    # Grand total 60 + 60 = 120; fair shares 30, 30, 60. A (50) is above: 0 extra.
    # Level L with (100L - 0) + (200L - 10) = 60 per weight unit of 100: B gets 23.33, C 36.67.
    assert float(rows["PV20"]["eerlijk_aandeel"]) == pytest.approx(30)
    assert int(rows["PV20"]["toewijzing"]) == 0
    assert float(rows["PV21"]["quotum"]) == pytest.approx(70 / 3)
    assert float(rows["PV22"]["quotum"]) == pytest.approx(110 / 3)
    assert int(rows["PV21"]["toewijzing"]) + int(rows["PV22"]["toewijzing"]) == 60
    assert rows["PV22"]["bestaand"] == "10"


def test_verdeel_refuses_unknown_code_in_key(tmp_path: Path) -> None:
    key = tmp_path / "sleutel.csv"
    key.write_text("code,naam,gewicht\nPV20,A,1\nPV99,B,1\n", encoding="utf-8")
    result = run("verdeel", "--totaal", "10", "--niveau", "provincie", "--sleutel", str(key))
    assert result.returncode == 2
    assert "sleutel.csv, rij 3, kolom 'code': onbekende code 'PV99'" in result.stderr


def test_help_documents_the_method() -> None:
    result = run("verdeel", "--help")
    assert result.returncode == 0
    assert "eerlijke aandeel" in result.stdout
    assert "gelijk niveau" in result.stdout


def test_output_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "taak.csv"
    result = run(
        "taakstelling", "--periode", "2021-II", "--totaal", "11000", "--formaat", "csv",
        "--uitvoer", str(target),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_table_says_where_reorganised_arrears_went(tmp_path: Path) -> None:
    previous = realisation_file(tmp_path / "vorige.csv", "2021-II", {"GM0370": (6, 0)})
    note = (
        "Herindeling: achterstand/voorsprong van GM0370 (Beemster) "
        "overgedragen aan GM0439 (Purmerend)."
    )
    args = [
        "taakstelling",
        "--periode",
        "2022-I",
        "--totaal",
        "11000",
        "--realisatie",
        str(previous),
    ]
    noord_holland = run(*args, "--provincie", "Noord-Holland")
    assert noord_holland.returncode == 0, noord_holland.stderr
    assert note in noord_holland.stdout
    purmerend = next(
        line for line in noord_holland.stdout.splitlines() if line.startswith("GM0439")
    )
    assert purmerend.split()[-2:] == ["6", str(int(purmerend.split()[-3]) + 6)]
    groningen = run(*args, "--provincie", "Groningen")
    assert groningen.returncode == 0, groningen.stderr
    assert "Herindeling" not in groningen.stdout


def test_versions_of_the_published_total_and_the_change_per_municipality() -> None:
    """2021-II was announced at 13,500 (autumn 2020) and lowered to 11,000 (March 2021).
    Krimpenerwaard had 44 under version 1 (88 for the whole of 2021, as it announced in
    November 2020); under version 2 it has 36, 8 fewer."""
    latest = run("taakstelling", "--periode", "2021-II", "--formaat", "csv")
    assert latest.returncode == 0, latest.stderr
    rows = {r["gemeentecode"]: r for r in csv_rows(latest.stdout)}
    assert sum(int(r["taakstelling"]) for r in rows.values()) == 11_000
    assert sum(int(r["vorige_versie"]) for r in rows.values()) == 13_500
    krimpenerwaard = rows["GM1931"]
    assert (krimpenerwaard["vorige_versie"], krimpenerwaard["taakstelling"]) == ("44", "36")
    assert krimpenerwaard["verschil"] == "-8"
    first = run("taakstelling", "--periode", "2021-II", "--versie", "1")
    assert "versie: 1 van 2, vastgesteld 1 oktober 2020" in first.stdout
    assert "Verschil" not in first.stdout  # version 1 has no predecessor
    assert "Bron landelijk totaal: Krimpenerwaard Verbindt" in first.stdout


def test_published_total_of_2022_first_half_gives_hof_van_twente_20() -> None:
    result = run("taakstelling", "--periode", "2022-I", "--formaat", "csv")
    rows = {r["gemeentecode"]: r for r in csv_rows(result.stdout)}
    assert rows["GM1735"]["taakstelling"] == "20"


def test_every_error_of_a_realisatie_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from regietafel.cli.main import main

    previous = tmp_path / "vorige.csv"
    previous.write_text(
        "gemeentecode,taakstelling,gehuisvest\nGM0363,10,veel\nGM0014,1.5,5\n", encoding="utf-8"
    )
    argv = ["taakstelling", "--periode", "2021-II", "--totaal", "11000"]
    assert main([*argv, "--realisatie", str(previous)]) == 2
    assert capsys.readouterr().err == (
        "regietafel taakstelling: fout: vorige.csv, rij 2, kolom 'gehuisvest': 'veel' is geen "
        "geheel getal; vorige.csv, rij 3, kolom 'taakstelling': '1.5' is geen geheel getal\n"
    )
