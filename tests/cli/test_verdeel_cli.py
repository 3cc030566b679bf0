"""`regietafel verdeel` with its three rules and over any units, run as a real process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_apportionment_published import HOUSE_SEATS, US_2010

CLI = [sys.executable, "-m", "regietafel"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "verdeel", *args], capture_output=True, text=True, check=False)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_us_house_2010_from_a_key_file_without_niveau(tmp_path: Path) -> None:
    """The example of the issue: 435 seats over the 50 states by Huntington-Hill.

    Populations and seats: US Census Bureau, 2010 apportionment (sources in
    ``tests/core/test_apportionment_published.py``).
    """
    lines = ["code,naam,gewicht"]
    lines += [f"{name.replace(' ', '_')},{name},{pop}" for name, (pop, _) in US_2010.items()]
    key = write(tmp_path / "staten.csv", "\n".join(lines) + "\n")
    result = run(
        "--totaal", str(HOUSE_SEATS), "--sleutel", str(key), "--methode", "huntington-hill",
        "--formaat", "csv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    seats = {r["naam"]: int(r["toewijzing"]) for r in csv_rows(result.stdout)}
    assert seats == {name: published for name, (_, published) in US_2010.items()}


def test_table_over_own_units_names_the_file(tmp_path: Path) -> None:
    key = write(tmp_path / "regios.csv", "code,naam,gewicht\nVR01,Groningen,3\nVR02,Fryslân,1\n")
    result = run("--totaal", "8", "--sleutel", str(key))
    assert result.returncode == 0, result.stderr
    assert "Verdeling van 8 over de eenheden uit regios.csv" in result.stdout
    assert "peildatum" not in result.stdout


def test_rules_side_by_side_by_hand(tmp_path: Path) -> None:
    # Weights 1:1:2, B already has 30, 41 to distribute (hand-computed in the core tests):
    # extra 10.25/10.25/20.5 -> 10, 10, 21; aanvullen level 41/3 -> 14, 0, 27;
    # aandeel of 71 -> shares 18, 18, 35, new 18, 0, 35 (53 together).
    key = write(tmp_path / "k.csv", "code,naam,gewicht\nA,Een,1\nB,Twee,1\nC,Drie,2\n")
    existing = write(tmp_path / "b.csv", "code,aantal\nB,30\n")
    expected = {"extra": [10, 10, 21], "aanvullen": [14, 0, 27], "aandeel": [18, 0, 35]}
    for rule, allocations in expected.items():
        result = run(
            "--totaal", "41", "--sleutel", str(key), "--bestaand", str(existing),
            "--regel", rule, "--formaat", "csv",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        rows = csv_rows(result.stdout)
        assert [int(r["toewijzing"]) for r in rows] == allocations, rule
        assert [r["bestaand"] for r in rows] == ["0", "30", "0"]
    aandeel = run(
        "--totaal", "41", "--sleutel", str(key), "--bestaand", str(existing), "--regel", "aandeel",
    )  # fmt: skip
    assert "Samen 53 nieuwe plekken, meer dan de 41 te verdelen" in aandeel.stdout


def test_extra_with_existing_places_shows_them_and_the_totals_from_the_core(
    tmp_path: Path,
) -> None:
    # Under "extra" B's 30 places are not counted but shown: 10, 10, 21 new (hand-computed
    # above), after the distribution 10, 40, 21; totals 30 held, 41 new, 71 after.
    key = write(tmp_path / "k.csv", "code,naam,gewicht\nA,Een,1\nB,Twee,1\nC,Drie,2\n")
    existing = write(tmp_path / "b.csv", "code,aantal\nB,30\n")
    result = run(
        "--totaal", "41", "--sleutel", str(key), "--bestaand", str(existing),
        "--regel", "extra", "--formaat", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert [r["na_verdeling"] for r in answer["verdeling"]] == [10, 40, 21]
    totals = answer["totalen"]["verdeling"]
    assert (totals["bestaand"], totals["toewijzing"], totals["na_verdeling"]) == (30, 41, 71)


def test_columns_in_the_documented_order(tmp_path: Path) -> None:
    key = write(tmp_path / "k.csv", "code,naam,gewicht\nA,Een,1\nB,Twee,3\n")
    existing = write(tmp_path / "b.csv", "code,aantal\nB,5\n")
    result = run(
        "--totaal", "10", "--sleutel", str(key), "--bestaand", str(existing), "--formaat", "csv"
    )
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0].split(",")
    assert header[:7] == [
        "code", "naam", "gewicht", "quotum", "eerlijk_aandeel", "bestaand", "toewijzing",
    ]  # fmt: skip
    # Without --bestaand the default is a plain share: no fair share, no existing places.
    plain = run("--totaal", "10", "--sleutel", str(key), "--formaat", "csv")
    assert plain.stdout.splitlines()[0] == "code,naam,gewicht,quotum,toewijzing"


def test_aandeel_of_a_national_estimate_needs_no_total(tmp_path: Path) -> None:
    key = write(tmp_path / "k.csv", "code,naam,gewicht\nA,Een,1\nB,Twee,1\nC,Drie,2\n")
    existing = write(tmp_path / "b.csv", "code,aantal\nB,30\n")
    result = run(
        "--geheel", "80", "--regel", "aandeel", "--sleutel", str(key), "--bestaand",
        str(existing), "--formaat", "csv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert [int(r["aandeel"]) for r in rows] == [20, 20, 40]
    assert [int(r["toewijzing"]) for r in rows] == [20, 0, 40]


def test_provinces_share_of_96000_adds_up(tmp_path: Path) -> None:
    result = run(
        "--geheel", "96000", "--regel", "aandeel", "--niveau", "provincie",
        "--peildatum", "2023-01-01", "--formaat", "csv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert sum(int(r["aandeel"]) for r in rows) == 96_000
    assert all(r["toewijzing"] == r["aandeel"] for r in rows)


def test_dissolved_code_in_bestaand_names_its_successor(tmp_path: Path) -> None:
    existing = write(tmp_path / "bestaand.csv", "code,aantal\nGM0457,10\n")
    result = run("--totaal", "100", "--niveau", "gemeente", "--bestaand", str(existing))
    assert result.returncode == 2
    assert "bestaand.csv, rij 2, kolom 'code': GM0457 (Weesp)" in result.stderr
    assert "GM0363 (Amsterdam)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_split_municipality_names_all_successors(tmp_path: Path) -> None:
    # Haaren (GM0788) was divided over four neighbours on 1 January 2021.
    existing = write(tmp_path / "bestaand.csv", "code,aantal\n788,10\n")
    result = run(
        "--totaal", "100", "--niveau", "gemeente", "--peildatum", "2022-01-01",
        "--bestaand", str(existing),
    )  # fmt: skip
    assert result.returncode == 2
    for name in ("Boxtel", "Oisterwijk", "Tilburg", "Vught"):
        assert name in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--totaal", "10"], "geef --niveau"),
        (["--niveau", "provincie"], "niet opgegeven, maar verplicht: --totaal"),
        (["--totaal", "10", "--niveau", "provincie", "--geheel", "100"], "--geheel hoort bij"),
        (["--totaal", "10", "--niveau", "provincie", "--regel", "alles"], "kies uit"),
    ],
)
def test_bad_arguments_exit_2_with_one_dutch_line(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_free_key_with_a_repeated_code_names_both_rows(tmp_path: Path) -> None:
    key = write(tmp_path / "k.csv", "code,naam,gewicht\nA,Een,1\na,Twee,1\n")
    target = tmp_path / "uit.csv"
    result = run(
        "--totaal", "10", "--sleutel", str(key), "--formaat", "csv", "--uitvoer", str(target)
    )
    assert result.returncode == 2
    assert "k.csv, rij 3, kolom 'code': 'a' staat ook al in rij 2" in result.stderr
    assert not target.exists()


def test_help_names_the_three_rules() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("aandeel", "aanvullen", "extra", "Spreidingswet", "verdeelbesluit"):
        assert word in result.stdout


@pytest.mark.parametrize(("level", "count"), [("veiligheidsregio", 25), ("arbeidsmarktregio", 35)])
def test_verdeel_over_bundled_regions(level: str, count: int) -> None:
    result = run(
        "--totaal", "1200", "--niveau", level, "--peildatum", "2022-01-01", "--formaat", "csv"
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert len(rows) == count
    assert sum(int(r["toewijzing"]) for r in rows) == 1200
    assert sum(int(r["gewicht"]) for r in rows) == 17_590_672  # CBS, 1 January 2022


def test_taakstelling_per_safety_region() -> None:
    result = subprocess.run(
        [*CLI, "taakstelling", "--periode", "2022-II", "--totaal", "13500", "--regio",
         "veiligheidsregio", "--per", "regio", "--formaat", "csv"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = {r["regio"]: r for r in csv_rows(result.stdout)}
    assert len(rows) == 25
    assert sum(int(r["regionale_taakstelling"]) for r in rows.values()) == 13_500
    assert sum(int(r["gemeenten"]) for r in rows.values()) == 345
    assert int(rows["Amsterdam-Amstelland"]["gemeenten"]) == 6
