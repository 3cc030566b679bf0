"""The CLI and the web service carry arrears across reorganisations by the same rule.

Regression: ``regietafel taakstelling --periode 2022-I --realisatie <2021-II file>`` refused
the codes of municipalities merged on 1 January 2022 (Beemster into Purmerend, ...), while
the web service carried their arrears over to the successors. Both now use
``reference.heirs``; here the CLI, run as a real process on the file of the previous period,
must give exactly the arrears the service stored.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from regietafel import reference
from regietafel.taakstelling.models import TaakstellingPeriod
from regietafel.taakstelling.services import taakstelling_set
from tests.factories import realisation

pytestmark = pytest.mark.django_db


def _previous_file(
    tmp_path: Path, previous: TaakstellingPeriod, housed: dict[str, int]
) -> tuple[Path, dict[str, tuple[str, int]]]:
    """The previous period as the CLI reads it, and the same realisation for the service."""
    path = tmp_path / f"realisatie-{previous.label}.csv"
    records: dict[str, tuple[str, int]] = {}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["gemeentecode", "taakstelling", "gehuisvest"])
        for entry in previous.entries.order_by("municipality_code"):
            count = housed.get(entry.municipality_code, entry.corrected)
            writer.writerow([entry.municipality_code, entry.corrected, count])
            records[entry.municipality_code] = (entry.province_code, count)
    return path, records


def _cli_arrears(period: str, path: Path) -> dict[str, tuple[int, int]]:
    command = ["taakstelling", "--periode", period, "--totaal", "11000", "--formaat", "csv"]
    result = subprocess.run(
        [sys.executable, "-m", "regietafel", *command, "--realisatie", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {
        row["gemeentecode"]: (int(row["achterstand"]), int(row["gecorrigeerde_taakstelling"]))
        for row in csv.DictReader(io.StringIO(result.stdout))
    }


def _stored_arrears(period: TaakstellingPeriod) -> dict[str, tuple[int, int]]:
    return {
        code: (arrears, corrected)
        for code, arrears, corrected in period.entries.values_list(
            "municipality_code", "arrears", "corrected"
        )
    }


def test_merger_2022_cli_equals_service(tmp_path: Path) -> None:
    previous = taakstelling_set(actor=None, period="2021-II", national_total=11_000)
    task = dict(previous.entries.values_list("municipality_code", "corrected"))
    # 11.000 x 10.110 / 17.475.415 = 6,36 (Beemster); x 81.683 / 17.475.415 = 51,42 (Purmerend).
    assert task["GM0370"] == 6
    assert task["GM0439"] == 51
    # Beemster housed nobody (arrears 6), Purmerend 5 more than its task (advance 5),
    # Amsterdam 10 fewer; everyone else exactly its task.
    housed = {"GM0370": 0, "GM0439": 56, "GM0363": task["GM0363"] - 10}
    path, records = _previous_file(tmp_path, previous, housed)
    realisation("2021-W52", "2021-II", records)
    stored = taakstelling_set(actor=None, period="2022-I", national_total=11_000)

    cli = _cli_arrears("2022-I", path)

    assert cli == _stored_arrears(stored)
    assert "GM0370" not in cli
    assert cli["GM0439"][0] == 6 - 5  # Beemster + Purmerend -> Purmerend
    assert cli["GM0363"][0] == 10
    assert sum(arrears for arrears, _ in cli.values()) == 6 - 5 + 10


def test_split_of_haaren_2021_cli_equals_service(tmp_path: Path) -> None:
    previous = taakstelling_set(actor=None, period="2020-II", national_total=11_000)
    task = dict(previous.entries.values_list("municipality_code", "corrected"))
    # Haaren housed 100 more than its task: an advance of 100, split on 1 January 2021 by
    # the inhabitants each heir received: Boxtel 2.149, Oisterwijk 5.824, Tilburg 1.442 and
    # Vught 4.903 (14.318). Quotas 15,01 / 40,68 / 10,07 / 34,24: the floors add up to 99,
    # the largest remainder (Oisterwijk, 0,68) gets the last one.
    assert reference.heirs("GM0788", reference.population_dates()[1]) == (
        ("GM0757", 2149),
        ("GM0824", 5824),
        ("GM0855", 1442),
        ("GM0865", 4903),
    )
    path, records = _previous_file(tmp_path, previous, {"GM0788": task["GM0788"] + 100})
    realisation("2020-W53", "2020-II", records)
    stored = taakstelling_set(actor=None, period="2021-I", national_total=11_000)

    cli = _cli_arrears("2021-I", path)

    assert cli == _stored_arrears(stored)
    assert {code: cli[code][0] for code in ("GM0757", "GM0824", "GM0855", "GM0865")} == {
        "GM0757": -15,
        "GM0824": -41,
        "GM0855": -10,
        "GM0865": -34,
    }
    assert sum(arrears for arrears, _ in cli.values()) == -100


def test_heirs_of_a_municipality_that_still_exists_is_itself() -> None:
    on = reference.population_dates()[2]  # 1 January 2022
    assert reference.heirs("GM0363", on) == (("GM0363", 1),)
    assert reference.heirs("GM0370", on) == (("GM0439", 1),)
    assert reference.successors_of_gone(["GM0363", "GM0370"], on) == {"GM0370": (("GM0439", 1),)}
