"""The back-tests of the inflow forecast on the bundled series (see ``core.backtest``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from regietafel.core.backtest import (
    Observation,
    OriginResult,
    Score,
    YearAhead,
    YearForecast,
    quarterly_factors,
    rolling_origin,
    score,
    year_ahead,
    year_total_forecast,
)
from regietafel.core.forecast import ForecastError
from regietafel.prognose import series
from regietafel.prognose.inputs import inflow_start, seasonal_factors


def _factors(origin: date) -> tuple[float, ...]:
    return seasonal_factors(origin)[0]


def _quarter_factors(origin: date) -> tuple[float, ...]:
    return quarterly_factors(seasonal_factors(origin)[0])


WEEK_HORIZONS = (4, 13, 26)
MONTH_HORIZONS = ((1, 4), (3, 13), (6, 26))  # months, and the weeks they stand for
QUARTER_HORIZONS = ((1, 13), (2, 26))  # quarters, and the weeks they stand for
YEAR_AHEAD_YEARS = tuple(range(2016, 2025))


@dataclass(frozen=True, slots=True)
class BacktestRow:
    """One line of the back-test table: a series, a horizon and a set of origins."""

    series: str
    horizon: str
    origins_label: str
    score: Score


SERIES_CHOICES = ("week", "maand", "kwartaal", "jaar")


def _with_nareizigers(first_series: str, late_series: str) -> tuple[Observation, ...]:
    """CBS first applications + nareizigers per period (both parts of the same vintage)."""
    first = series.observations(first_series)
    late = {(o.begin, o.vintage): o.value for o in series.observations(late_series)}
    return tuple(
        Observation(o.begin, o.end, o.value + late[(o.begin, o.vintage)], o.vintage)
        for o in first
        if (o.begin, o.vintage) in late
    )


def _cbs_months() -> tuple[Observation, ...]:
    return _with_nareizigers("eerste_aanvragen_maand", "nareizigers_maand")


def cbs_quarters() -> tuple[Observation, ...]:
    """Every published version of each CBS quarter, 2018 to the third quarter of 2024."""
    return _with_nareizigers("eerste_aanvragen_kwartaal", "nareizigers_kwartaal")


def _contiguous_months(items: Sequence[Observation]) -> tuple[Observation, ...]:
    """The first run of consecutive months (2018-01 … 2020-03; later months are single)."""
    ordered = sorted(items, key=lambda o: o.begin)
    run = [ordered[0]]
    for item in ordered[1:]:
        previous = run[-1].begin
        if (item.begin.year * 12 + item.begin.month) - (previous.year * 12 + previous.month) != 1:
            break
        run.append(item)
    return tuple(run)


def weekly_results(horizon: int) -> list[OriginResult]:
    return rolling_origin(
        series.observations("instroom_week"), series.observations("eerste_aanvragen_jaar"),
        horizon=horizon, periods_per_year=52, min_history=13, seasonal=_factors,
        origin_offset_days=3,
    )  # fmt: skip


def monthly_results(months: int) -> list[OriginResult]:
    return rolling_origin(
        _contiguous_months(_cbs_months()), series.observations("eerste_aanvragen_jaar"),
        horizon=months, periods_per_year=12, min_history=6, seasonal=_factors,
    )  # fmt: skip


def quarterly_results(quarters: int) -> list[OriginResult]:
    return rolling_origin(
        cbs_quarters(), series.observations("eerste_aanvragen_jaar"),
        horizon=quarters, periods_per_year=4, min_history=4, seasonal=_quarter_factors,
    )  # fmt: skip


YEAR_AHEAD_ORIGIN_MONTH = 9
YEAR_AHEAD_SEED = 2016


def year_ahead_forecast(year: int) -> YearForecast | None:
    """The forecast's own first applications for ``year``, made on 1 September the year before.

    The same inflow start (:func:`inputs.inflow_start`: level, season, spreads, share of first
    applications) and the same walk as the forecast pages, so the table scores the product.
    """
    origin = date(year - 1, YEAR_AHEAD_ORIGIN_MONTH, 1)
    try:
        inflow = inflow_start(origin)
    except ForecastError:
        return None  # nothing published yet to start from
    forecast = year_total_forecast(inflow, year, seed=YEAR_AHEAD_SEED + year)
    return YearForecast(origin, inflow.basis.removeprefix("geschat: "), forecast)


def year_ahead_results() -> list[YearAhead]:
    return year_ahead(
        series.observations("eerste_aanvragen_jaar"), year_ahead_forecast, years=YEAR_AHEAD_YEARS
    )


def _year_score(results: Sequence[YearAhead]) -> Score:
    as_origins = [
        OriginResult(
            r.origin, r.actual, r.forecast, None, None, r.calibrated, r.calibration_errors
        )
        for r in results
    ]  # fmt: skip
    return score(as_origins)


_PERIOD_SERIES: tuple[
    tuple[str, str, str, str, tuple[tuple[int, int], ...], Callable[[int], list[OriginResult]]],
    ...,
] = (
    ("maand", "eerste aanvragen + nareizigers per maand (CBS) 2018–2020", "mnd",
     "alle startpunten", MONTH_HORIZONS, monthly_results),
    ("kwartaal", "eerste aanvragen + nareizigers per kwartaal (CBS) 2018–2024", "kw.",
     "alle startpunten (met breuk 2020)", QUARTER_HORIZONS, quarterly_results),
)  # fmt: skip
"""The monthly and quarterly series: choice, name, unit, origins, horizons, back-test."""


def backtest_steps(which: Sequence[str] = SERIES_CHOICES) -> int:
    """How often :func:`backtest_rows` reports a step (a command's progress bar)."""
    per_series = {"week": len(WEEK_HORIZONS), "jaar": 1} | {
        choice: len(horizons) for choice, _n, _u, _o, horizons, _r in _PERIOD_SERIES
    }
    return sum(per_series[choice] for choice in dict.fromkeys(which))


def backtest_rows(
    which: Sequence[str] = SERIES_CHOICES, progress: Callable[[str], None] | None = None
) -> list[BacktestRow]:
    rows: list[BacktestRow] = []
    if "week" in which:
        for horizon in WEEK_HORIZONS:
            if progress:
                progress(f"weekreeks, {horizon} weken")
            results = weekly_results(horizon)
            label = f"{horizon} weken"
            name = "instroom per week (JenV) 2019–2020"
            in_2019 = [r for r in results if r.origin.year == 2019]
            if in_2019:
                rows.append(BacktestRow(name, label, "startpunten in 2019", score(in_2019)))
            rows.append(BacktestRow(name, label, "alle startpunten (met breuk 2020)",
                                    score(results)))  # fmt: skip
    for choice, name, unit, origins, horizons, results_of in _PERIOD_SERIES:
        if choice not in which:
            continue
        for periods, weeks in horizons:
            if progress:
                progress(f"{choice}reeks, {periods} {unit}")
            rows.append(
                BacktestRow(name, f"{periods} {unit} (≈{weeks} weken)", origins,
                            score(results_of(periods)))
            )  # fmt: skip
    if "jaar" in which:
        if progress:
            progress("jaartotalen")
        results_year = year_ahead_results()
        rows.append(
            BacktestRow(
                "eerste aanvragen per jaar (Eurostat/CBS) 2016–2024",
                "jaar vooruit (start 1 september)",
                f"{len(results_year)} jaren",
                _year_score(results_year),
            )
        )
    return rows


def origin_range(results: Sequence[OriginResult]) -> tuple[date, date] | None:
    if not results:
        return None
    return results[0].origin, results[-1].origin
