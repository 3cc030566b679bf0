"""The calibration constants equal the shared source files, whenever those are at hand."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from regietafel.demo import calibration as cal

REPO = Path(__file__).resolve().parents[2]


def shared_folder() -> Path:
    configured = os.environ.get("REGIETAFEL_SHARED")
    folder = Path(configured) if configured else REPO.parent / "shared"
    if not (folder / "data" / "series").is_dir():
        pytest.skip(f"gedeelde brondata niet gevonden in {folder} (zet REGIETAFEL_SHARED)")
    return folder


def read(name: str) -> list[dict[str, str]]:
    path = shared_folder() / "data" / "series" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def point(day: str, metric: str) -> int:
    rows = [
        r for r in read("nl_coa_occupancy_points.csv") if r["date"] == day and r["metric"] == metric
    ]
    assert len(rows) == 1, (day, metric)
    return int(rows[0]["value"])


def test_taakstelling_totals() -> None:
    rows = {
        r["period"]: int(r["national_taakstelling"])
        for r in read("nl_taakstelling_national_halfyear.csv")
    }
    assert rows["2021-I"] == cal.TAAKSTELLING_2021_I
    assert rows["2021-II"] == cal.TAAKSTELLING_2021_II


def test_coa_points() -> None:
    august = cal.AUGUST_2021.isoformat()
    assert point(august, "capacity_places") == cal.CAPACITY_AUGUST_2021
    assert point(august, "persons_in_coa_reception") == cal.OCCUPANCY_AUGUST_2021
    assert point(august, "status_holders_in_coa") == cal.STATUS_HOLDERS_AUGUST_2021
    november = cal.NOVEMBER_2021.isoformat()
    assert point(november, "status_holders_in_coa") == cal.STATUS_HOLDERS_NOVEMBER_2021
    december = cal.DECEMBER_2021.isoformat()
    assert point(december, "capacity_places") == cal.CAPACITY_DECEMBER_2021
    assert point(december, "status_holders_in_coa") == cal.STATUS_HOLDERS_DECEMBER_2021
    assert point("2020-06-01", "persons_in_coa_reception") == cal.OCCUPANCY_JUNE_2020


def test_source_addresses_match() -> None:
    urls = {r["source_url"] for r in read("nl_coa_occupancy_points.csv")}
    for url in (cal.NU_NL_AUGUST_2021, cal.NU_NL_NOVEMBER_2021, cal.VOLKSKRANT_DECEMBER_2021):
        assert url in urls


def test_first_applications_2021() -> None:
    rows = {r["year"]: r for r in read("nl_eurostat_asylum_applicants_annual.csv")}
    assert int(rows["2021"]["first_time_applicants"]) == cal.FIRST_APPLICATIONS_2021


def test_weekly_inflow_pattern_2019() -> None:
    rows = [r for r in read("nl_asylum_inflow_weekly_2019_2020.csv") if r["year"] == "2019"]
    assert [int(r["week"]) for r in rows] == list(range(1, 53))
    assert tuple(int(r["asylum_inflow_rounded_100"]) for r in rows) == cal.WEEKLY_INFLOW_2019


def test_figures_quoted_from_the_minutes() -> None:
    folder = shared_folder()
    spring, autumn = (
        " ".join((folder / name.removeprefix("shared/")).read_text(encoding="utf-8").split())
        for name in (cal.MINUTES_SPRING_2021, cal.MINUTES_AUTUMN_2021)
    )
    assert f"de {cal.SPRING_BUFFER_PLACES} extra opvangplekken" in spring
    assert "13.500" in spring
    assert "11.000" in spring
    assert f"nog {cal.SHORTFALL_BEFORE_DECEMBER} extra opvangplekken" in autumn
    assert "nog 1.200 tot januari" in autumn
    assert f"elk {cal.AMV_LOCATION_SIZE} personen" in autumn
    assert "zes à zeven locaties" in autumn
    assert "minimaal twee locaties" in autumn
