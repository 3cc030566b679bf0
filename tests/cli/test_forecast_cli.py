"""``regietafel prognose``: output, reproducibility, Dutch errors, and no Django on start-up."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from regietafel.cli.main import main

NO_DJANGO = """
import os, sys
from regietafel.cli.main import main
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
main(["prognose", "--paden", "200", "--weken", "20", "--formaat", "csv"])
main(["prognose", "backtest", "--reeks", "jaar", "--formaat", "csv"])
heavy = ("django", "rest_framework", "weasyprint", "vl_convert", "openpyxl")
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy)), file=sys.stderr)
"""


def test_prognose_imports_no_django() -> None:
    result = subprocess.run(
        [sys.executable, "-c", NO_DJANGO], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip() == ""


def _csv(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, str]]:
    assert main(["prognose", *args, "--formaat", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_csv_has_every_week_with_ordered_bands(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _csv(capsys, "--paden", "501", "--weken", "30", "--tot", "2021-11-01")  # odd: a path
    assert len(rows) == 1 + 30  # the start, then the end of every forecast week
    assert rows[0]["week"] == "2021-11-01"
    assert rows[1]["week"] == "2021-11-08"
    assert rows[0]["bezetting_p025"] == rows[0]["bezetting_p975"]  # the start: every path
    for row in rows:
        values = [int(row[f"bezetting_{k}"]) for k in ("p025", "p10", "p50", "p90", "p975")]
        assert values == sorted(values)
        assert int(row["nodig_p50"]) == int(row["bezetting_p50"]) + 417  # LRT spring 2021


def test_same_seed_same_output(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("--paden", "300", "--weken", "10", "--seed", "5")
    assert _csv(capsys, *args) == _csv(capsys, *args)
    assert _csv(capsys, *args) != _csv(capsys, "--paden", "300", "--weken", "10", "--seed", "6")


def test_json_has_target_dates_buffer_policies_and_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["prognose", "--paden", "400", "--tot", "2022-12-01", "--formaat", "json",
                 "--doel", "5000:2023-07-01"]) == 0  # fmt: skip
    document = json.loads(capsys.readouterr().out)
    assert "96\u00a0%" in document["meta"]["behoeftebeleid"]  # COA, November 2022
    dates = [row["datum"] for row in document["peildata"]]
    assert dates[:4] == ["2023-01-01", "2023-07-01", "2024-01-01", "2024-07-01"]
    goal = document["peildata"][-1]
    assert (goal["datum"], goal["extra"]) == ("2023-07-01", 5000)
    assert 0 <= goal["kans"] <= 1
    assert len(document["bufferbeleid"]) == 5
    assert all(row["bron"] for row in document["parameters"])


def test_province_scope(capsys: pytest.CaptureFixture[str]) -> None:
    national = _csv(capsys, "--paden", "300", "--weken", "5")
    zeeland = _csv(capsys, "--paden", "300", "--weken", "5", "--provincie", "Zeeland")
    assert int(zeeland[0]["bezetting_p50"]) < int(national[0]["bezetting_p50"]) / 20


def test_xlsx_needs_a_file_and_is_written(tmp_path: Path) -> None:
    target = tmp_path / "prognose.xlsx"
    assert main(["prognose", "--paden", "200", "--weken", "8", "--formaat", "xlsx",
                 "--uitvoer", str(target)]) == 0  # fmt: skip
    assert target.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tot", "2005-01-01"], "vóór 1 januari 2005 is nog geen instroomcijfer gepubliceerd"),
        (["--provincie", "Atlantis"], "onbekende provincie 'Atlantis'"),
        (["--paden", "0"], "--paden: 0 ligt buiten 1 tot en met 100.000"),
        (["--tot", "1-1-2021"], "--tot: '1-1-2021' is geen datum (JJJJ-MM-DD)"),
        (["--doel", "1200"], "is geen doel; schrijf aantal:datum"),
        (["--doel", "1200:2040-01-01"], "1 januari 2040 valt buiten de prognose"),
        (["--formaat", "xlsx"], "voor --formaat xlsx is --uitvoer BESTAND nodig"),
        (["--scenario", "mpp-min", "--tot", "2023-11-10"], "scenario officieel min bestaat pas na"),
    ],
)
def test_bad_input_gives_one_dutch_line_and_exit_2(args: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "regietafel", "prognose", "--paden", "50", "--weken", "10", *args],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_backtest_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prognose", "backtest", "--reeks", "week", "--formaat", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["horizon"] for row in rows] == [
        "4 weken", "4 weken", "13 weken", "13 weken", "26 weken", "26 weken",
    ]  # fmt: skip
    thirteen_2019 = rows[2]
    assert thirteen_2019["startpunten"] == "startpunten in 2019"
    assert int(thirteen_2019["n"]) > 30
    assert 0 < float(thirteen_2019["mape"]) < 100
    # Model and calibrated coverage side by side; calibration needs earlier published errors.
    assert 0 <= float(thirteen_2019["dekking80_geijkt"]) <= 100
    assert 0 < int(thirteen_2019["n_geijkt80"]) < int(thirteen_2019["n"])
    assert int(thirteen_2019["n_geijkt95"]) <= int(thirteen_2019["n_geijkt80"])


def test_quarterly_backtest_spans_2019_to_2024(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prognose", "backtest", "--reeks", "kwartaal", "--formaat", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["horizon"] for row in rows] == ["1 kw. (≈13 weken)", "2 kw. (≈26 weken)"]
    # Origins 2019-Q2 … 2024-Q3 (one quarter ahead) and … 2024-Q2 (two quarters ahead): the
    # first needs four known quarters (2018), the last needs its outcome (to 2024-Q3).
    assert [int(row["n"]) for row in rows] == [22, 21]
    assert all(0 <= float(row["dekking80"]) <= 100 for row in rows)


def test_parser_choices_follow_the_core() -> None:
    from regietafel.cli import forecast as cli
    from regietafel.core.forecast import DEFAULT_PATHS, DEFAULT_WEEKS, SCENARIOS
    from regietafel.core.need_policy import CHOOSABLE_POLICIES
    from regietafel.prognose.backtests import SERIES_CHOICES
    from regietafel.prognose.scenarios import OFFICIAL_NAMES

    assert tuple(sorted(SCENARIOS)) == cli.SCENARIO_NAMES
    assert OFFICIAL_NAMES == cli.OFFICIAL_NAMES
    assert SERIES_CHOICES == cli.BACKTEST_SERIES
    assert tuple(p.key for p in CHOOSABLE_POLICIES) == cli.POLICY_KEYS
    assert (cli.DEFAULT_PATHS, cli.DEFAULT_WEEKS) == (DEFAULT_PATHS, DEFAULT_WEEKS)


def test_official_scenario_after_its_mpp(capsys: pytest.CaptureFixture[str]) -> None:
    """From 11 November 2023 the MPP 2023-II range is offered; the source is in the output."""
    assert main(["prognose", "--scenario", "mpp-max", "--tot", "2023-11-11", "--paden", "200",
                 "--weken", "10", "--formaat", "json"]) == 0  # fmt: skip
    document = json.loads(capsys.readouterr().out)
    text = json.dumps(document, ensure_ascii=False)
    assert "officieel max (MPP 2023-II)" in text
    assert "instroom 76.000 per jaar" in text
    assert "gepubliceerd 10 november 2023" in text


def test_an_old_start_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a register the start is the last bundled COA point (25 September 2023);
    asked "as of" 2030 the forecast warns that it knows nothing of the years between (it used
    the old start silently; found in an audit). Two weeks after the point there is no
    warning: 9 October 2023 is a Monday, 2 weeks after the count."""

    def start(on: str) -> str:
        args = ["prognose", "--paden", "50", "--weken", "4", "--tot", on, "--formaat", "json"]
        assert main(args) == 0
        return str(json.loads(capsys.readouterr().out)["meta"]["start"])

    late = start("2030-01-01")
    assert "bezetting geteld op 25 september 2023, 327 weken vóór de eerste prognoseweek" in late
    assert "let op" in late
    soon = start("2023-10-09")
    assert soon.endswith("bezetting geteld op 25 september 2023")


def test_csv_writes_the_table_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    """CSV holds one table; --tabel chooses which (it silently gave only the weeks)."""
    buffers = _csv(capsys, "--paden", "100", "--weken", "30", "--tabel", "bufferbeleid")
    assert [row["beleid"] for row in buffers][:2] == ["vaste buffer +417", "vaste buffer 7\u00a0%"]
    parameters = _csv(capsys, "--paden", "100", "--weken", "30", "--tabel", "parameters")
    assert "instroom per week (niveau)" in {row["parameter"] for row in parameters}
    assert main(["prognose", "--paden", "100", "--tabel", "onbekend", "--formaat", "csv"]) == 2
    error = capsys.readouterr().err
    assert "--tabel onbekend bestaat hier niet; kies uit: weken, peildata" in error
    assert "Traceback" not in error
    years = main(
        ["prognose", "backtest", "--reeks", "jaar", "--formaat", "csv", "--tabel", "jaren"]
    )
    assert years == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["jaar"] for row in rows] == [str(y) for y in range(2016, 2025)]


def test_json_facts_are_numbers_and_the_terminal_reads_dutch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """JSON is a machine output: counts are numbers (it gave "10.000" as text), with the need
    policy's key and the fingerprint of the bundled series as the API gives them."""
    assert main(["prognose", "--paden", "1000", "--weken", "5", "--formaat", "json"]) == 0
    meta = json.loads(capsys.readouterr().out)["meta"]
    assert meta["paden"] == 1000
    assert isinstance(meta["behoefte bij de start"], int)
    assert meta["capaciteit bij de start"] == meta["behoefte bij de start"]  # no register
    assert meta["behoeftebeleid (sleutel)"] == "coa-2023-11"
    assert len(meta["reeksen (SHA-256)"]) >= 12
    assert main(["prognose", "--paden", "1000", "--weken", "5"]) == 0
    text = capsys.readouterr().out
    assert "paden: 1.000\n" in text
    assert "seed: 2021\n" in text  # a seed is no count: no thousands point
