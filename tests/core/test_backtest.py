"""Back-test machinery: vintages, scores by hand, no look-ahead."""

from __future__ import annotations

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


def test_year_ahead_uses_four_quarters_when_known() -> None:
    annual = [Observation(date(y, 1, 1), date(y, 12, 31), 20_000.0, date(y + 1, 2, 15))
              for y in range(2008, 2020)]  # fmt: skip
    quarters = [
        Observation(date(2018, m, 1), date(2018, m + 2, 28), 6_000.0, date(2018, m + 2, 28)
                    + timedelta(days=45))
        for m in (7, 10) if m + 2 <= 12
    ] + [
        Observation(date(2019, m, 1), date(2019, m + 2, 28), 6_000.0, date(2019, m + 2, 28)
                    + timedelta(days=45))
        for m in (1, 4)
    ]  # fmt: skip
    [result] = bt.year_ahead(annual, quarters, years=[2019])
    assert result.basis == "jaartotaal 2017"  # at 1 Sep 2018 only two 2018 quarters exist
    annual.append(Observation(date(2020, 1, 1), date(2020, 12, 31), 30_000.0, date(2021, 2, 1)))
    [result] = bt.year_ahead(annual, quarters, years=[2020])
    assert result.basis.startswith("4 kwartalen")
    assert result.forecast.median == pytest.approx(24_000, rel=0.02)
