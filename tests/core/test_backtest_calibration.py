"""Split-conformal calibration of the back-test bands: by hand, as properties, no look-ahead."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core import backtest as bt
from regietafel.core.backtest import Observation, OriginResult, TotalForecast

SIX_ERRORS = [0.10, 0.30, 0.20, 0.05, 0.40, 0.15]


def test_conformal_quantile_by_hand() -> None:
    # n = 6: rank ⌈7 · 0.8⌉ = ⌈5.6⌉ = 6, the largest; 95 %: ⌈6.65⌉ = 7 > 6, none.
    assert bt.conformal_quantile(SIX_ERRORS, 0.80) == 0.40
    assert bt.conformal_quantile(SIX_ERRORS, 0.95) is None
    # n = 10: rank ⌈11 · 0.8⌉ = 9 (0.9 of 0.1 … 1.0); n = 19: 95 % rank ⌈20 · 0.95⌉ = 19.
    ten = [k / 10 for k in range(10, 0, -1)]
    assert bt.conformal_quantile(ten, 0.80) == 0.9
    nineteen = [k / 100 for k in range(1, 20)]
    assert bt.conformal_quantile(nineteen, 0.95) == 0.19
    assert bt.conformal_quantile(nineteen, 0.80) == 0.16  # rank ⌈16.0⌉ = 16
    # The minimum follows from the rank: 4 errors for 80 %, 19 for 95 %.
    assert bt.conformal_quantile([0.1] * 3, 0.80) is None
    assert bt.conformal_quantile([0.1] * 4, 0.80) == 0.1
    assert bt.conformal_quantile([0.1] * 18, 0.95) is None
    assert not bt.enough_errors(0, 0.80)


def test_calibrated_band_by_hand() -> None:
    model = TotalForecast(median=1_000, low80=900, high80=1_100, low95=800, high95=1_300)
    calibrated = bt.calibrate(model, SIX_ERRORS)
    assert calibrated.median == 1_000
    assert calibrated.low80 == pytest.approx(1_000 * math.exp(-0.4))  # 670.32
    assert calibrated.high80 == pytest.approx(1_000 * math.exp(0.4))  # 1491.82
    # Too few errors for 95 %: the model band 800–1300, widened to hold the 80 % band.
    assert calibrated.low95 == pytest.approx(670.32, abs=0.01)
    assert calibrated.high95 == pytest.approx(1_491.82, abs=0.01)
    assert bt.calibrate(model, []) == model


def test_errors_of_six_earlier_origins_by_hand() -> None:
    """Six earlier forecasts of two-week totals; only those whose weeks are known count."""
    week = [date(2019, 1, 7) + timedelta(weeks=k) for k in range(7)]
    known = dict.fromkeys(week[:6], 100.0)  # the seventh week is not yet published
    earlier = [((week[k], week[k + 1]), median) for k, median in
               enumerate([200.0, 250.0, 160.0, 200.0 * math.e, 100.0, 210.0])]  # fmt: skip
    errors = bt.published_errors(earlier, known)
    # Each error is |log(200 / median)|; the sixth (weeks 6 and 7) waits for week 7.
    assert errors == pytest.approx(
        [0.0, math.log(250 / 200), math.log(200 / 160), 1.0, math.log(2)]
    )


def test_calibrated_coverage_is_scored_beside_the_model_coverage() -> None:
    wide = TotalForecast(100, 50, 150, 40, 160)
    narrow = TotalForecast(100, 95, 105, 90, 110)
    results = [
        OriginResult(date(2019, 1, 1), 120, wide, None, None, narrow, 4),
        OriginResult(date(2019, 1, 8), 100, wide, None, None, narrow, 19),
        OriginResult(date(2019, 1, 15), 140, wide, None, None, None, 0),
    ]
    score = bt.score(results)
    assert score.coverage80 == 1.0
    assert score.coverage80_calibrated == pytest.approx(2 / 3)  # 120 falls out; None = model
    assert score.coverage95_calibrated == pytest.approx(2 / 3)
    assert (score.conformal80_origins, score.conformal95_origins) == (2, 1)


quantiles = st.lists(st.floats(1, 1e6), min_size=5, max_size=5).map(sorted)


@settings(max_examples=200)
@given(quantiles, st.lists(st.floats(0, 5), max_size=40))
def test_calibrated_bands_hold_the_median_and_nest(q: list[float], errors: list[float]) -> None:
    model = TotalForecast(median=q[2], low80=q[1], high80=q[3], low95=q[0], high95=q[4])
    c = bt.calibrate(model, errors)
    assert c.median == model.median
    assert c.low95 <= c.low80 <= c.median <= c.high80 <= c.high95


@settings(max_examples=200)
@given(st.lists(st.floats(0, 5), min_size=1, max_size=60), st.floats(0.5, 0.99))
def test_the_quantile_grows_with_the_coverage(errors: list[float], coverage: float) -> None:
    low = bt.conformal_quantile(errors, coverage)
    high = bt.conformal_quantile(errors, min(coverage + 0.05, 0.999))
    if low is not None and high is not None:
        assert low <= high
    if low is None:
        assert high is None


ANNUAL = [Observation(date(y, 1, 1), date(y, 12, 31), 20_000.0 + 100 * y, date(y + 1, 2, 1))
          for y in range(2008, 2018)]  # fmt: skip


def _weekly(values: list[float], revised: dict[int, tuple[float, date]]) -> list[Observation]:
    """Weeks from 7 January 2019, each published on the Wednesday after; plus revisions."""
    start = date(2019, 1, 7)
    items = [
        Observation(start + timedelta(weeks=i), start + timedelta(weeks=i, days=6), v,
                    start + timedelta(weeks=i, days=9))
        for i, v in enumerate(values)
    ]  # fmt: skip
    for index, (value, vintage) in revised.items():
        items.append(Observation(items[index].begin, items[index].end, value, vintage))
    return items


def _bands_at(items: list[Observation], origin: date) -> OriginResult:
    results = bt.rolling_origin(items, ANNUAL, horizon=4, periods_per_year=52, min_history=13,
                                origin_offset_days=3, paths=200)  # fmt: skip
    return next(r for r in results if r.origin == origin)


def test_an_outcome_published_after_the_origin_does_not_change_its_band() -> None:
    """Week 25 is a target of earlier origins; revising it tenfold after origin X changes
    nothing at X, the same revision published the day before X does."""
    values = [500.0 + 40 * ((7 * i) % 5) for i in range(40)]
    origin = date(2019, 1, 7) + timedelta(weeks=30, days=3)  # Thursday of week 30
    plain = _bands_at(_weekly(values, {}), origin)
    assert plain.calibration_errors >= 4  # the 80 % band comes from earlier errors
    later = _bands_at(_weekly(values, {25: (5_000.0, origin)}), origin)
    assert later.calibrated == plain.calibrated
    assert later.calibration_errors == plain.calibration_errors
    before = _bands_at(_weekly(values, {25: (5_000.0, origin - timedelta(days=1))}), origin)
    assert before.calibrated != plain.calibrated


@settings(deadline=None, max_examples=10)
@given(st.lists(st.floats(100, 1_000), min_size=40, max_size=40), st.floats(1.5, 5))
def test_no_calibrated_band_sees_values_published_after_it(
    values: list[float], factor: float
) -> None:
    """Changing the last 13 weeks changes no calibrated band made before they were published."""
    changed = values[:27] + [v * factor for v in values[27:]]
    kwargs = {"horizon": 4, "periods_per_year": 52, "min_history": 13, "origin_offset_days": 3,
              "paths": 200}  # fmt: skip
    first = bt.rolling_origin(_weekly(values, {}), ANNUAL, **kwargs)  # type: ignore[arg-type]
    second = bt.rolling_origin(_weekly(changed, {}), ANNUAL, **kwargs)  # type: ignore[arg-type]
    published = date(2019, 1, 7) + timedelta(weeks=27, days=9)
    for a, b in zip(first, second, strict=True):
        if a.origin <= published:
            assert (a.calibrated, a.calibration_errors) == (b.calibrated, b.calibration_errors)


def _flat_forecast(year: int) -> bt.YearForecast | None:
    """20,000 every year, from 1 September before; nothing before 2009 (no inflow known)."""
    if year < 2010:
        return None
    flat = bt.TotalForecast(20_000.0, 15_000.0, 26_000.0, 12_000.0, 32_000.0)
    return bt.YearForecast(date(year - 1, 9, 1), "vast", flat)


def test_year_ahead_calibrates_on_earlier_published_years_only() -> None:
    annual = [Observation(date(y, 1, 1), date(y, 12, 31), 20_000.0 * (1.5 if y % 3 else 1.0),
                          date(y + 1, 2, 15)) for y in range(2008, 2021)]  # fmt: skip
    results = {r.year: r for r in bt.year_ahead(annual, _flat_forecast, years=range(2014, 2021))}
    # Origin 1 Sep 2013: years 2010 … 2012 have a forecast and a total published by then
    # (2012's in Feb 2013): three errors, too few for 80 %.
    assert results[2014].calibration_errors == 3
    assert results[2014].calibrated == results[2014].forecast
    assert results[2015].calibration_errors == 4
    # Errors 0 (2010, 2013: 20,000) and log(1.5) (2011, 2012: 30,000): the 80 % half-width
    # is the 4th smallest of four (⌈5 × 0.8⌉ = 4), log(1.5), around the same median.
    assert results[2015].calibrated.median == 20_000.0
    assert results[2015].calibrated.low80 == pytest.approx(20_000 / 1.5)
    assert results[2015].calibrated.high80 == pytest.approx(20_000 * 1.5)
    # A total published only after the origin (2014's, here in 2016) is not an error yet.
    late = [o if o.begin.year != 2014 else Observation(o.begin, o.end, o.value,
            date(2016, 1, 1)) for o in annual]  # fmt: skip
    moved = {r.year: r for r in bt.year_ahead(late, _flat_forecast, years=[2016])}
    assert moved[2016].calibration_errors == results[2016].calibration_errors - 1
    # The outcome and its APE are the final published total.
    assert (results[2016].actual, results[2016].ape) == (20_000.0, 0.0)
    assert results[2017].actual == 30_000.0
    assert results[2017].ape == pytest.approx(1 / 3)
