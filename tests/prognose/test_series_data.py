"""The bundled series: rebuilt byte for byte from shared/, and read by vintage."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from regietafel.prognose import series
from regietafel.prognose.inputs import model_inputs

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "regietafel" / "prognose" / "data"


def _builder() -> object:
    spec = importlib.util.spec_from_file_location("build_series_data", ROOT / "tools" /
                                                  "build_series_data.py")  # fmt: skip
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_series_data"] = module
    spec.loader.exec_module(module)
    return module


def test_rebuild_is_byte_identical() -> None:
    builder = _builder()
    shared = builder.DEFAULT_SHARED  # type: ignore[attr-defined]
    if not (shared / "data" / "series").is_dir():
        pytest.skip(f"{shared} ontbreekt: de gedeelde data staat niet op deze machine")
    files = builder.build(shared)  # type: ignore[attr-defined]
    assert set(files) == {"reeksen.csv", "SOURCES.md"}
    for name, payload in files.items():
        assert (DATA / name).read_bytes() == payload, name


def test_a_revised_month_is_read_as_it_was_known() -> None:
    # IND November 2022: 4,484 on its own page (13 Dec 2022), 4,584 on the next (11 Jan 2023).
    def november(known_before: date) -> int:
        found = [
            v for v in series.values("instroom_maand", known_before=known_before)
            if v.begin == date(2022, 11, 1)
        ]  # fmt: skip
        return found[0].value

    assert november(date(2023, 1, 1)) == 4_484
    assert november(date(2023, 2, 1)) == 4_584
    assert series.values("instroom_maand", known_before=date(2022, 12, 13)) == tuple(
        v for v in series.values("instroom_maand", known_before=date(2022, 12, 13))
        if v.begin < date(2022, 11, 1)
    )  # fmt: skip


def test_published_figures_are_in_the_bundle() -> None:
    weekly = {v.begin: v.value for v in series.values("instroom_week")}
    assert weekly[date(2019, 12, 30)] == 600  # 2020 week 1
    assert len(weekly) == 87
    annual = {v.begin.year: v.value for v in series.values("eerste_aanvragen_jaar")}
    assert annual[2019] == 22_540
    assert annual[2023] == 38_375  # sum of the CBS quarters
    holders = {v.begin: v.value for v in series.values("vergunninghouders_in_opvang")}
    assert holders[date(2022, 7, 1)] == 15_270


def test_inputs_on_a_date_use_only_what_was_published_before() -> None:
    inputs = model_inputs(date(2021, 11, 1))
    assert inputs.start == date(2021, 11, 1)
    assert inputs.status_holders == 11_000  # August 2021; 11,500 (Nov) came out later
    assert inputs.occupancy == 27_000
    assert "1 juli 2021 t/m 31 december 2021" in inputs.sources["huisvestingstempo per week"]
    later = model_inputs(date(2022, 8, 1))
    assert later.status_holders == 15_270


def test_the_official_inflow_ranges_are_in_the_bundle_with_their_publication_date() -> None:
    rows = {
        v.series: v
        for v in series.all_values()
        if v.series.startswith("mpp_instroom_")
    }  # fmt: skip
    assert {k: v.value for k, v in rows.items()} == {
        "mpp_instroom_min": 49_000, "mpp_instroom_midden": 62_500, "mpp_instroom_max": 76_000,
    }  # fmt: skip
    for value in rows.values():
        assert value.vintage == date(2023, 11, 10)
        assert (value.begin, value.end) == (date(2024, 1, 1), date(2024, 12, 31))
        assert value.source == "mpp_2023-ii"
    assert rows["mpp_instroom_midden"].approximate  # the midpoint: not published
    assert not rows["mpp_instroom_min"].approximate


def test_the_builder_reads_a_published_middle_when_there_is_one() -> None:
    builder = _builder()
    pattern = builder.OFFICIAL_INFLOW  # type: ignore[attr-defined]
    found = pattern.search("inflow 2025 expected 40,000-60,000, middle 48,000")
    assert (found["year"], found["low"], found["high"], found["middle"]) == (
        "2025", "40,000", "60,000", "48,000",
    )  # fmt: skip
    assert pattern.search("'ruim 97.000'") is None
