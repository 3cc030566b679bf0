"""Back-test machinery: vintages, scores by hand, no look-ahead."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core import backtest as bt
from regietafel.core.backtest import Observation, OriginResult, TotalForecast


def test_known_on_takes_the_last_version_published_before() -> None:
    month = (date(2022, 11, 1), date(2022, 11, 30))
    items = [
        Observation(*month, 4_484, date(2022, 12, 13)),
        Observation(*month, 4_584, date(2023, 1, 11)),
    ]
    assert bt.known_on(items, date(2022, 12, 13)) == []
    assert [o.value for o in bt.known_on(items, date(2022, 12, 14))] == [4_484]
    assert [o.value for o in bt.known_on(items, date(2023, 1, 12))] == [4_584]
    assert bt.final_values(items) == {date(2022, 11, 1): 4_584}


def _result(actual: float, median: float, low: float, high: float, mean: float) -> OriginResult:
    forecast = TotalForecast(median, low, high, low - 10, high + 10)
    return OriginResult(date(2019, 1, 1), actual, forecast, mean, None)


def test_scores_by_hand() -> None:
    results = [_result(100, 110, 95, 120, 120), _result(200, 190, 201, 215, 170)]
    score = bt.score(results)
    assert score.mape == pytest.approx((0.10 + 0.05) / 2)
    assert score.mape_mean == pytest.approx((0.20 + 0.15) / 2)
    assert score.mase_mean == pytest.approx(10 / 25)  # own MAE 10, benchmark MAE 25
    assert score.mase_seasonal is None
    assert score.coverage80 == 0.5  # 200 < 201: the second falls outside its 80 % band
    assert score.coverage95 == 1.0


def test_smoothing_weight_falls_back_to_the_mean_age_rule_on_short_history() -> None:
    assert bt.fit_smoothing([500.0] * 10, 13) == pytest.approx(2 / 14)
    assert bt.fit_smoothing([500.0] * 10, 1) == bt.DEFAULT_SMOOTHING


def test_a_flat_series_is_forecast_flat() -> None:
    forecast = bt.forecast_total([600.0] * 30, gap=0, horizon=13, periods_per_year=52,
                                 yearly_sigma=0.0, seed=1)  # fmt: skip
    assert forecast.median == pytest.approx(13 * 600)


def _weekly(values: list[float], delay: int = 3) -> list[Observation]:
    start = date(2019, 1, 7)
    return [
        Observation(
            start + timedelta(weeks=i),
            start + timedelta(weeks=i, days=6),
            v,
            start + timedelta(weeks=i, days=6 + delay),
        )
        for i, v in enumerate(values)
    ]


@settings(deadline=None, max_examples=15)
@given(st.lists(st.floats(100, 1_000), min_size=40, max_size=40), st.floats(1, 5))
def test_no_origin_sees_values_published_after_it(values: list[float], factor: float) -> None:
    """Changing the last 13 weeks changes no forecast made before they were published."""
    annual = [Observation(date(y, 1, 1), date(y, 12, 31), 20_000.0 + y, date(y + 1, 2, 1))
              for y in range(2008, 2018)]  # fmt: skip
    changed = values[:27] + [v * factor for v in values[27:]]
    first = bt.rolling_origin(_weekly(values), annual, horizon=4, periods_per_year=52,
                              min_history=13, origin_offset_days=3, paths=200)  # fmt: skip
    second = bt.rolling_origin(_weekly(changed), annual, horizon=4, periods_per_year=52,
                               min_history=13, origin_offset_days=3, paths=200)  # fmt: skip
    for a, b in zip(first, second, strict=True):
        if a.origin <= date(2019, 1, 7) + timedelta(weeks=27, days=9):
            assert a.forecast == b.forecast


def _start(monday: date, *, seasonal: tuple[float, ...] = (1.0,) * 12) -> bt.InflowStart:
    return bt.InflowStart(
        start=monday, level=100.0, level_sigma=0.0, noise_sigma=0.0, seasonal=seasonal,
        share_first=0.5, basis="test", noise_basis="test",
    )  # fmt: skip


def test_year_total_without_spread_is_level_times_weeks_times_share() -> None:
    # ISO 2021 has 52 weeks (Thursdays 7 Jan … 30 Dec), ISO 2020 has 53 (2 Jan … 31 Dec).
    start = date(2019, 9, 2)  # a Monday
    assert bt.year_total_forecast(_start(start), 2021, seed=1).median == pytest.approx(2_600)
    assert bt.year_total_forecast(_start(start), 2020, seed=1).median == pytest.approx(2_650)
    # January counts double: four Thursdays of 2021 fall in January (7, 14, 21, 28).
    january = (2.0,) + (1.0,) * 11
    total = bt.year_total_forecast(_start(start, seasonal=january), 2021, seed=1)
    assert total.median == pytest.approx(0.5 * 100 * (52 + 4))
    # The weeks before the year do not count, however many there are.
    later = bt.year_total_forecast(_start(date(2020, 12, 28)), 2021, seed=1)
    assert later.median == pytest.approx(2_600)


def test_year_total_bands_widen_with_the_spread_and_keep_the_order() -> None:
    narrow = bt.year_total_forecast(
        dataclasses.replace(_start(date(2019, 9, 2)), level_sigma=0.02), 2021, seed=3, paths=2_000
    )
    wide = bt.year_total_forecast(
        dataclasses.replace(_start(date(2019, 9, 2)), level_sigma=0.06), 2021, seed=3, paths=2_000
    )
    for f in (narrow, wide):
        assert f.low95 < f.low80 < f.median < f.high80 < f.high95
    assert wide.high80 - wide.low80 > 2 * (narrow.high80 - narrow.low80)


def test_year_total_needs_a_monday_before_the_year() -> None:
    with pytest.raises(ValueError, match="maandag"):
        bt.year_total_forecast(_start(date(2019, 9, 3)), 2021, seed=1)
    with pytest.raises(ValueError, match="vóór het jaar"):
        bt.year_total_forecast(_start(date(2021, 1, 11)), 2021, seed=1)


def test_quarters_step_by_three_months() -> None:
    assert bt._shift(date(2019, 10, 1), 1, 4) == date(2020, 1, 1)
    assert bt._shift(date(2020, 4, 1), -4, 4) == date(2019, 4, 1)
    assert bt._steps_between(date(2018, 10, 1), date(2019, 4, 1), 4) == 2
    assert bt.quarterly_factors([float(m) for m in range(1, 13)]) == (
        2.0, 2.0, 2.0, 5.0, 5.0, 5.0, 8.0, 8.0, 8.0, 11.0, 11.0, 11.0,
    )  # fmt: skip
    with pytest.raises(ValueError, match="periods_per_year"):
        bt.rolling_origin([], [], horizon=1, periods_per_year=6, min_history=4)


def _quarterly(values: list[float]) -> list[Observation]:
    """Quarters from 2018-Q1, each published 45 days after it ends (as the CBS news items)."""
    items = []
    for index, value in enumerate(values):
        begin = bt._shift(date(2018, 1, 1), index, 4)
        end = bt._shift(begin, 1, 4) - timedelta(days=1)
        items.append(Observation(begin, end, value, end + timedelta(days=45)))
    return items


def test_quarterly_origins_benchmarks_and_outcomes_by_hand() -> None:
    annual = [Observation(date(y, 1, 1), date(y, 12, 31), 20_000.0, date(y + 1, 2, 1))
              for y in range(2008, 2019)]  # fmt: skip
    values = [1_000.0, 2_000.0, 3_000.0, 4_000.0, 5_000.0, 6_000.0, 7_000.0, 8_000.0]
    results = bt.rolling_origin(_quarterly(values), annual, horizon=1, periods_per_year=4,
                                min_history=4, paths=200)  # fmt: skip
    # On 1 January 2019 only three 2018 quarters are published (Q4 on 14 February).
    assert [r.origin for r in results] == [date(2019, 4, 1), date(2019, 7, 1), date(2019, 10, 1)]
    first = results[0]
    assert first.actual == 6_000.0  # 2019-Q2
    assert first.mean_benchmark == 4_000.0  # the last known quarter, 2018-Q4
    assert first.seasonal_benchmark == 2_000.0  # 2018-Q2
    two = bt.rolling_origin(_quarterly(values), annual, horizon=2, periods_per_year=4,
                            min_history=4, paths=200)  # fmt: skip
    assert [r.actual for r in two] == [6_000.0 + 7_000.0, 7_000.0 + 8_000.0]
    assert two[0].mean_benchmark == 2 * 4_000.0


def test_a_flat_quarterly_series_is_forecast_flat_over_the_gap() -> None:
    annual = [Observation(date(y, 1, 1), date(y, 12, 31), 20_000.0, date(y + 1, 2, 1))
              for y in range(2008, 2019)]  # fmt: skip
    results = bt.rolling_origin(_quarterly([3_000.0] * 12), annual, horizon=2,
                                periods_per_year=4, min_history=4, paths=200)  # fmt: skip
    # From 2020 seven quarters are known: three one-step errors (all zero) give the noise
    # spread; before that the documented default spread applies.
    later = [r for r in results if r.origin >= date(2020, 1, 1)]
    assert len(later) == 3
    for result in later:
        assert result.forecast.median == pytest.approx(6_000.0)
        assert result.forecast.low95 == pytest.approx(6_000.0)
