"""The back-tests on the bundled series, against the published CBS figures."""

from __future__ import annotations

import statistics
from datetime import date

import pytest

from regietafel.core.formatting import format_decimal_nl
from regietafel.prognose.backtests import (
    cbs_quarters,
    quarterly_results,
    year_ahead_forecast,
    year_ahead_results,
)
from regietafel.prognose.inputs import inflow_start, model_inputs, seasonal_factors


def test_quarters_carry_first_and_revised_publication() -> None:
    """2019-Q2: first applications 5,190 + nareizigers 890 in the CBS table of October 2024."""
    q2 = [o for o in cbs_quarters() if o.begin == date(2019, 4, 1)]
    assert max(q2, key=lambda o: o.vintage).value == 5_190 + 890
    assert all(o.vintage > date(2019, 6, 30) for o in q2)  # nothing known before it ended


def test_first_quarterly_origin_by_hand() -> None:
    first = quarterly_results(1)[0]
    assert first.origin == date(2019, 4, 1)
    assert first.actual == 5_190 + 890  # 2019-Q2
    assert first.mean_benchmark == 5_835 + 1_070  # 2018-Q4: 2019-Q1 is not yet published
    assert first.seasonal_benchmark == 4_320 + 1_970  # 2018-Q2
    last = quarterly_results(1)[-1]
    assert last.origin == date(2024, 7, 1)
    assert last.actual == 8_115 + 2_650  # 2024-Q3, the last quarter in the bundle


def test_year_ahead_scores_the_forecasts_own_inflow_start() -> None:
    """The table scores what the forecast page would have drawn on 1 September."""
    for year in (2019, 2022, 2024):
        origin = date(year - 1, 9, 1)
        made = year_ahead_forecast(year)
        assert made is not None
        assert made.origin == origin
        assert inflow_start(origin).basis.endswith(made.basis)
        product = model_inputs(origin)
        start = inflow_start(origin)
        assert (start.level, start.seasonal, start.share_first, start.level_sigma) == (
            product.inflow_level, product.seasonal, product.share_first, product.level_sigma,
        )  # fmt: skip
    # 1 September 2015: only annual totals (the last one 2014's) are known.
    made = year_ahead_forecast(2016)
    assert made is not None
    assert made.basis.startswith("eerste aanvragen 2014")
    assert year_ahead_forecast(2009) is None  # nothing published before 1 September 2008


def test_quarterly_inflow_level_is_seasonally_adjusted() -> None:
    """1 September 2021: the last CBS quarter is 2021-Q2 as first published (first
    applications 3,355 + nareizigers 2,580), raised by the repeat share 0.05, per week (13),
    divided by the mean seasonal factor of April–June, as the weekly and monthly levels are."""
    origin = date(2021, 9, 1)
    start = inflow_start(origin)
    assert start.basis.startswith("geschat: CBS eerste aanvragen + nareizigers, kwartaal t/m 30")
    seasonal, _ = seasonal_factors(origin)
    mean_q2 = (seasonal[3] + seasonal[4] + seasonal[5]) / 3
    assert mean_q2 < 0.95  # a low quarter: unadjusted, the level would be ~8 % too low
    assert start.level == pytest.approx((3_355 + 2_580) / 0.95 / 13 / mean_q2)
    # The parameter table says so, with the factor used.
    factor = format_decimal_nl(mean_q2, 3)
    assert start.basis.endswith(f"seizoensfactor van het kwartaal ({factor})")


def test_year_ahead_median_and_outcomes_as_in_the_readme() -> None:
    """The year-ahead row of docs/prognose.md and the README, from the fixed seed."""
    results = {r.year: r for r in year_ahead_results()}
    assert sorted(results) == list(range(2016, 2025))
    assert results[2019].actual == 22_540  # CBS first applications 2019
    assert round(100 * statistics.median(r.ape for r in results.values()), 1) == 23.1
    inside = sum(r.forecast.low80 <= r.actual <= r.forecast.high80 for r in results.values())
    assert inside == 6


def test_inflow_split_uses_only_what_was_published_before_the_start() -> None:
    """1 September 2019: the IND annual figures of 2021 (the default, published in 2022) are
    not known yet; the split comes from the last four CBS quarters as first published,
    2018-Q3 … 2019-Q2: first applications 6,205 + 5,835 + 5,380 + 5,190 = 22,610,
    nareizigers 1,280 + 1,070 + 845 + 890 = 4,085, times 1 − 0.05 for repeat applications."""
    start = inflow_start(date(2019, 9, 1))
    assert start.share_first == pytest.approx(22_610 / (22_610 + 4_085) * 0.95)  # 0.805
    sources = model_inputs(date(2019, 9, 1)).sources
    assert sources["aandeel eerste aanvragen"].startswith(
        "geschat: CBS eerste aanvragen en nareizigers, 4 kwartalen t/m 30 juni 2019"
    )
    # Once the IND annual figures of 2022 are published (15 January 2023), they count.
    assert model_inputs(date(2023, 9, 1)).sources["aandeel eerste aanvragen"] == (
        "geschat: IND jaarcijfers 2022"
    )
    # Before any CBS quarter (2018-Q1 was published in May 2018) only the default is left;
    # the level then comes from an annual total divided by the same share, so it cancels.
    early = inflow_start(date(2017, 9, 1))
    assert early.share_first == 0.674
    assert early.level * 52 * early.share_first == pytest.approx(19_285)  # first applications 2016
