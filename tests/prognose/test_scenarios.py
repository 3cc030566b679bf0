"""The official MPP scenarios: offered only after their MPP, with the official yearly inflow."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from regietafel.core import forecast
from regietafel.prognose.inputs import model_inputs
from regietafel.prognose.scenarios import (
    OFFICIAL_NAMES,
    first_publication,
    official_scenarios,
    scenarios_on,
    unavailable_reason,
)

PUBLISHED = date(2023, 11, 10)  # MPP 2023-II: "inflow 2024 expected 49,000-76,000"


@pytest.mark.parametrize("on", [date(2021, 11, 8), date(2023, 11, 1), PUBLISHED])
def test_not_offered_before_the_mpp_was_published(on: date) -> None:
    # Known before a day means published before it: on 10 November itself not yet.
    assert official_scenarios(on) == {}
    assert not set(OFFICIAL_NAMES) & set(scenarios_on(on))


@pytest.mark.parametrize("on", [date(2023, 6, 1), PUBLISHED])
def test_the_refusal_names_the_day_the_first_mpp_was_published(on: date) -> None:
    # A user who asked for 1 June 2023 learns which date to choose instead.
    assert first_publication() == PUBLISHED
    reason = unavailable_reason("mpp-midden", on)
    assert reason.startswith("scenario officieel midden bestaat pas na de publicatie")
    assert reason.endswith("(de eerste verscheen op 10 november 2023)")


def test_offered_after_with_the_official_figures() -> None:
    found = official_scenarios(date(2023, 11, 11))
    assert tuple(found) == OFFICIAL_NAMES
    assert [found[n].inflow_per_year for n in OFFICIAL_NAMES] == [49_000, 62_500, 76_000]
    assert found["mpp-min"].label == "officieel min (MPP 2023-II)"
    assert found["mpp-max"].label == "officieel max (MPP 2023-II)"
    assert "gepubliceerd 10 november 2023" in found["mpp-min"].description
    # The MPP published no middle: the midpoint (49,000 + 76,000) / 2, and it says so.
    assert "midden van min en max, niet gepubliceerd" in found["mpp-midden"].description
    assert "midden van min en max" not in found["mpp-min"].description
    assert set(scenarios_on(date(2024, 1, 1))) >= {"midden", "laag", *OFFICIAL_NAMES}


@pytest.mark.parametrize(("name", "per_year"), [("mpp-min", 49_000), ("mpp-max", 76_000)])
def test_the_weekly_inflow_level_is_the_official_figure_over_52(name: str, per_year: int) -> None:
    on = date(2024, 1, 8)
    inputs = model_inputs(on)
    scenario = official_scenarios(on)[name]
    assert forecast.inflow_level(inputs, scenario) == per_year / 52  # 942.3… and 1,461.5…
    # Without randomness, week w's inflow is that level times the month's seasonal factor.
    paths = forecast.deterministic(inputs, scenario, weeks=52)
    expected = np.rint(per_year / 52 * inputs.seasonal_by_week(52)).astype(np.int64)
    assert paths.inflow[0].tolist() == expected.tolist()
    # The seasonal factors average 1 over the months: a year holds about the official figure.
    assert abs(int(paths.inflow[0].sum()) - per_year) / per_year < 0.03


def test_conservation_holds_in_the_official_scenarios() -> None:
    on = date(2024, 1, 8)
    inputs = model_inputs(on)
    for scenario in official_scenarios(on).values():
        paths = forecast.run(inputs, scenario, paths=300, weeks=52, seed=11)
        assert not forecast.conservation_residual(paths).any()
    low = forecast.run(inputs, official_scenarios(on)["mpp-min"], paths=300, weeks=52, seed=11)
    high = forecast.run(inputs, official_scenarios(on)["mpp-max"], paths=300, weeks=52, seed=11)
    assert np.median(low.occupancy[:, -1]) < np.median(high.occupancy[:, -1])


def test_an_edited_copy_keeps_the_official_level_and_scales_it() -> None:
    on = date(2024, 1, 8)
    inputs = model_inputs(on)
    copy = official_scenarios(on)["mpp-min"].replace(name="eigen", inflow_factor=1.1)
    assert forecast.inflow_level(inputs, copy) == pytest.approx(49_000 / 52 * 1.1)


def test_the_parameters_show_the_level_the_scenario_runs_with() -> None:
    """Pinned: under an official scenario the table showed only the estimated level, which
    contradicted the scenario's 76.000 per year on the same page."""
    on = date(2024, 1, 8)
    inputs = model_inputs(on)
    rows = {p.name: p for p in inputs.parameters(official_scenarios(on)["mpp-max"])}
    assert rows["instroom per week (niveau)"].value == inputs.inflow_level  # the estimate stays
    shown = rows["instroom per week in dit scenario"]
    assert shown.value == 76_000 / 52
    assert shown.source == "scenario officieel max (MPP 2023-II): 76.000 per jaar / 52"
    low = {p.name: p for p in inputs.parameters(forecast.SCENARIOS["laag"])}
    assert low["instroom per week in dit scenario"].value == inputs.inflow_level * 0.80
    assert low["instroom per week in dit scenario"].source.endswith("niveau × 0,80")
    slow = {p.name: p for p in inputs.parameters(forecast.SCENARIOS["traag"])}
    assert slow["huisvestingstempo per week in dit scenario"].value == inputs.housing_pace * 0.80
    assert "instroom per week in dit scenario" not in slow
    middle = inputs.parameters(forecast.SCENARIOS["midden"])
    assert middle == inputs.parameters()  # the estimates are what it runs with


def test_of_two_mpps_published_the_same_day_the_later_given_wins() -> None:
    from regietafel.prognose.scenarios import OfficialFigure, complete_mpp

    day = date(2025, 11, 10)
    first = [
        OfficialFigure("min", 2026, 30_000, day, "MPP 2025-II", "import 2025-W46 versie 1"),
        OfficialFigure("max", 2026, 50_000, day, "MPP 2025-II", "import 2025-W46 versie 1"),
    ]
    renamed = [
        OfficialFigure("min", 2026, 31_000, day, "MPP 2025-II (herzien)", "import W47"),
        OfficialFigure("max", 2026, 51_000, day, "MPP 2025-II (herzien)", "import W47"),
    ]
    found = complete_mpp([*first, *renamed])
    assert (found["min"].inflow, found["midden"].inflow, found["max"].inflow) == (
        31_000, 41_000, 51_000,
    )  # fmt: skip
    assert found["midden"].midpoint
    assert complete_mpp([*renamed, *first])["min"].inflow == 30_000
    assert complete_mpp(first[:1]) == {}  # no max: no MPP
