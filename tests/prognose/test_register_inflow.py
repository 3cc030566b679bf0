"""The forecast's inflow level from the register's weekly series (``register_inflow_level``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from regietafel.prognose.inputs import (
    REGISTER_INFLOW_MIN_WEEKS,
    StartState,
    model_inputs,
    register_inflow_level,
    with_start,
)

MONDAY = date(2021, 11, 15)
FLAT = model_inputs(MONDAY).replace(seasonal=(1.0,) * 12, share_repeat=0.05)


def _weeks(values: list[int], newest: date = MONDAY - timedelta(weeks=1)) -> list[tuple[date, int]]:
    """Weekly values, the last on ``newest``."""
    count = len(values)
    return [(newest - timedelta(weeks=count - 1 - i), v) for i, v in enumerate(values)]


def test_a_flat_register_gives_its_total_raised_by_the_repeat_share() -> None:
    """760 first applications + nareizigers a week, 5 % repeat applications: 760 / 0.95 = 800."""
    inputs = register_inflow_level(FLAT, MONDAY, _weeks([760] * 13))
    assert inputs.inflow_level == pytest.approx(800.0)
    assert inputs.noise_sigma == pytest.approx(0.0)  # twelve one-step errors, all zero
    assert inputs.sources["instroom per week (niveau)"].startswith(
        "geschat: weekcijfers van het register, eerste asielaanvragen + nareizigers, 13 weken "
        "16 augustus 2021 t/m 8 november 2021"
    )
    assert "register" in inputs.sources["spreiding ruis per week (log)"]


def test_the_level_follows_the_newer_weeks() -> None:
    """A step from 380 to 950 a week: the level lies between, nearer the new 1,000 (÷ 0.95)."""
    inputs = register_inflow_level(FLAT, MONDAY, _weeks([380] * 13 + [950] * 6))
    assert 400 < inputs.inflow_level < 1_000
    assert inputs.inflow_level > 700


def test_too_few_stale_or_later_weeks_leave_the_bundle() -> None:
    few = _weeks([760] * (REGISTER_INFLOW_MIN_WEEKS - 1))
    assert register_inflow_level(FLAT, MONDAY, few) is FLAT
    stale = _weeks([760] * 13, newest=MONDAY - timedelta(weeks=6))  # a delivery holds 5 weeks
    assert register_inflow_level(FLAT, MONDAY, stale) is FLAT
    # The start week and later are forecast, not history; older than 26 weeks does not count.
    later = _weeks([5_000] * 5, newest=MONDAY + timedelta(weeks=4))  # MONDAY and after
    assert register_inflow_level(FLAT, MONDAY, later) is FLAT
    assert register_inflow_level(FLAT, MONDAY, _weeks([760] * 8) + later).inflow_level == (
        pytest.approx(800.0)
    )
    old = _weeks([5_000] * 10, newest=MONDAY - timedelta(weeks=27)) + _weeks([760] * 8)
    assert register_inflow_level(FLAT, MONDAY, old).inflow_level == pytest.approx(800.0)


def test_a_run_from_the_register_takes_its_inflow() -> None:
    start = StartState(
        monday=MONDAY, occupancy=30_000, provinces=(("Groningen", 30_000),),
        status_holders=12_000, inflow=tuple(_weeks([760] * 13)),
    )  # fmt: skip
    inputs = with_start(FLAT, start)
    assert inputs.inflow_level == pytest.approx(800.0)
    assert inputs.occupancy == 30_000
    without = with_start(FLAT, StartState(MONDAY, 30_000, (("Groningen", 30_000),), 12_000))
    assert without.inflow_level == FLAT.inflow_level


def test_weeks_without_inflow_give_a_level_the_model_can_walk_from() -> None:
    import warnings

    from regietafel.core import forecast

    inputs = register_inflow_level(FLAT, MONDAY, _weeks([0] * 13))
    assert inputs.inflow_level == 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no log(0)
        paths = forecast.deterministic(inputs, forecast.SCENARIOS["midden"], weeks=4)
    assert paths.occupancy.shape == (1, 4)
