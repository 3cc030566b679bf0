"""The Prognose page's background warm-up fills the very caches the first page reads."""

from __future__ import annotations

import pytest

from regietafel.core.forecast import SCENARIOS
from regietafel.core.periods import IsoWeek
from regietafel.opvangprognose import selectors
from regietafel.prognose import cache as runs
from regietafel.prognose.outlook import run_key
from tests.opvangbeeld.factories import STANDARD, make_register

pytestmark = pytest.mark.django_db(transaction=True)


def test_warm_up_computes_the_backtest_and_the_newest_weeks_run() -> None:
    make_register("2021-W44", STANDARD)
    week = IsoWeek.parse("2021-W44")
    state = selectors._start_state(week)
    assert state is not None
    key = run_key(SCENARIOS["midden"], origin=runs.origin_for(week.monday), seed=runs.SEED,
                  paths=runs.WEB_PATHS, start=state)  # fmt: skip
    runs.RUNS.clear()
    selectors.backtest_lines.cache_clear()
    selectors.forecast_warm_up()
    assert selectors.backtest_lines.cache_info().currsize == 1
    warmed = runs.RUNS.get(key)
    assert warmed is not None
    assert warmed.inputs.occupancy == state.occupancy  # from the register, as the page starts


def test_warm_up_without_data_does_nothing_and_raises_nothing() -> None:
    runs.RUNS.clear()
    selectors.forecast_warm_up()
    assert len(runs.RUNS) == 0
