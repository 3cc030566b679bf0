"""Rolling-origin back-tests of the inflow forecast, using only data published before each origin.

At every origin the forecaster sees the values whose *vintage* (publication date) lies before
the origin, in the version published last before it, and forecasts the total inflow over the
next ``h`` periods (weeks or months) starting at the origin. It is scored against:

- the **13-week mean**: the mean of the last 13 known weeks (3 months) times ``h``;
- the **seasonal naive**: the same periods one year earlier, where those were known.

Scores: MAPE (mean absolute percentage error of the total), MASE as the ratio of the mean
absolute error to that of a benchmark over the same origins (below 1 = better than the
benchmark), and the coverage of the 80 % and 95 % bands, both as the model gives them and
after split-conformal calibration on the errors of earlier origins whose outcome was published
before the origin (see :func:`calibrate`; the method is fixed in docs/prognose.md).

The forecaster is the inflow part of :mod:`regietafel.core.forecast`: a level estimated by
exponential smoothing (its weight fitted on the known history by one-step errors), a random
walk in log space with Student-t shocks whose yearly spread is that of the known annual
series, and Student-t noise with the spread of the known one-step errors. Nothing is tuned on
the origins that are scored. No Django, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from regietafel.core.forecast import inflow_walk, seasonal_by_week, unit_shocks

FloatArray = npt.NDArray[np.float64]

SMOOTHING_GRID: tuple[float, ...] = tuple(round(0.05 * k, 2) for k in range(1, 13))
"""Candidate smoothing weights 0.05 … 0.60, chosen per origin on the known history."""
DEFAULT_SMOOTHING = 0.2
DEFAULT_ANNUAL_SIGMA = 0.35
"""Yearly spread (log) when fewer than three annual changes are known (documented default)."""
SHOCK_DF = 4.0
"""Student-t degrees of freedom of the shocks: heavy tails (documented default)."""
BENCHMARK_WINDOW_WEEKS = 13
BACKTEST_PATHS = 4_000


@dataclass(frozen=True, slots=True)
class Observation:
    """One published value of a period: ``vintage`` is when it became known."""

    begin: date
    end: date
    value: float
    vintage: date


def known_on(observations: Sequence[Observation], origin: date) -> list[Observation]:
    """The version of each period published last before ``origin``, in period order."""
    latest: dict[tuple[date, date], Observation] = {}
    for item in observations:
        if item.vintage < origin:
            key = (item.begin, item.end)
            if key not in latest or latest[key].vintage <= item.vintage:
                latest[key] = item
    return [latest[key] for key in sorted(latest)]


def final_values(observations: Sequence[Observation]) -> dict[date, float]:
    """The last published value of each period, by period start (the outcome to score)."""
    latest: dict[date, Observation] = {}
    for item in observations:
        if item.begin not in latest or latest[item.begin].vintage <= item.vintage:
            latest[item.begin] = item
    return {begin: item.value for begin, item in latest.items()}


WARM_UP = 4
"""The level starts as the mean of the first four values; errors are counted after them."""


def smoothing_errors(values: Sequence[float], alpha: float) -> FloatArray:
    """One-step log errors of exponential smoothing after the warm-up."""
    level = float(np.mean(values[:WARM_UP]))
    errors = []
    for value in values[WARM_UP:]:
        errors.append(math.log(max(value, 1.0) / max(level, 1.0)))
        level = alpha * value + (1 - alpha) * level
    return np.asarray(errors, dtype=np.float64)


def fit_smoothing(values: Sequence[float], horizon: int = 1) -> float:
    """The smoothing weight with the least squared error of ``horizon``-period totals.

    Fitted on the known history only (direct multi-step loss: the level after each week
    against the total of the following ``horizon`` weeks, in logs). With fewer than eight
    such windows the weight whose mean age equals that of a ``horizon``-week mean is used:
    2 / (horizon + 1), capped at 0.5.
    """
    windows = len(values) - WARM_UP - horizon + 1
    if windows < 8:
        return min(2.0 / (horizon + 1), 0.5) if horizon > 1 else DEFAULT_SMOOTHING

    def loss(alpha: float) -> float:
        level = float(np.mean(values[:WARM_UP]))
        total = 0.0
        for index in range(WARM_UP, len(values) - horizon + 1):
            actual = float(np.sum(values[index : index + horizon]))
            total += math.log(max(actual, 1.0) / max(level * horizon, 1.0)) ** 2
            level = alpha * values[index] + (1 - alpha) * level
        return total

    return min(SMOOTHING_GRID, key=loss)


def smoothed_level(values: Sequence[float], alpha: float) -> float:
    level = float(np.mean(values[:WARM_UP]))
    for value in values[WARM_UP:]:
        level = alpha * value + (1 - alpha) * level
    return level


def annual_sigma(annual_totals: Sequence[float]) -> float:
    """Spread of the yearly log changes (sample standard deviation)."""
    if len(annual_totals) < 4:
        return DEFAULT_ANNUAL_SIGMA
    changes = np.diff(np.log(np.asarray(annual_totals, dtype=np.float64)))
    return float(np.std(changes, ddof=1))


@dataclass(frozen=True, slots=True)
class TotalForecast:
    """Forecast of a total: median and the 80 % / 95 % bands."""

    median: float
    low80: float
    high80: float
    low95: float
    high95: float


def forecast_total(
    history: Sequence[float],
    *,
    gap: int,
    horizon: int,
    periods_per_year: int,
    yearly_sigma: float,
    seed: int,
    factors: Sequence[float] | None = None,
    paths: int = BACKTEST_PATHS,
) -> TotalForecast:
    """Total of ``horizon`` periods that start ``gap`` periods after the last known one.

    ``history`` is seasonally adjusted when ``factors`` (one per step ahead) are given; the
    forecast is multiplied by them again.
    """
    alpha = fit_smoothing(history, horizon)
    level = smoothed_level(history, alpha)
    errors = smoothing_errors(history, alpha)
    noise_sigma = float(np.std(errors, ddof=1)) if errors.size > 2 else 0.15
    level_sigma = yearly_sigma / math.sqrt(periods_per_year)
    steps = gap + horizon
    rng = np.random.default_rng(seed)
    walk = np.cumsum(unit_shocks(rng, SHOCK_DF, (paths, steps)) * level_sigma, axis=1)
    noise = unit_shocks(rng, SHOCK_DF, (paths, steps)) * noise_sigma
    season = np.ones(steps) if factors is None else np.asarray(factors, dtype=np.float64)
    totals = np.sum((level * np.exp(walk + noise) * season)[:, gap:], axis=1)
    q = np.quantile(totals, (0.025, 0.10, 0.50, 0.90, 0.975))
    return TotalForecast(
        median=float(q[2]), low80=float(q[1]), high80=float(q[3]), low95=float(q[0]),
        high95=float(q[4]),
    )  # fmt: skip


def log_error(actual: float, median: float) -> float:
    """The calibration score of one earlier forecast: |log(actual / median)|."""
    return abs(math.log(max(actual, 1e-9) / max(median, 1e-9)))


def conformal_quantile(errors: Sequence[float], coverage: float) -> float | None:
    """The ⌈(n + 1)·coverage⌉-th smallest of ``n`` errors; ``None`` when that rank exceeds n.

    The finite-sample rank of split-conformal prediction: with exchangeable errors a band of
    this half-width holds the next outcome with probability at least ``coverage``. Too few
    errors (fewer than 4 for 80 %, 19 for 95 %) give no quantile rather than a made-up one.
    """
    if not enough_errors(len(errors), coverage):
        return None
    return sorted(errors)[_rank(len(errors), coverage) - 1]


def _rank(count: int, coverage: float) -> int:
    return math.ceil(round((count + 1) * coverage, 9))


def enough_errors(count: int, coverage: float) -> bool:
    """Whether ``count`` errors give a finite conformal quantile at ``coverage``."""
    return _rank(count, coverage) <= count


def calibrate(forecast: TotalForecast, errors: Sequence[float]) -> TotalForecast:
    """The bands rebuilt around the same median from earlier published ``errors``.

    Each band is median·e^(±q) with q the conformal quantile of the log errors, or the model's
    band where there are too few errors; the 95 % band is widened to hold the 80 % band.
    """
    median = forecast.median

    def band(coverage: float, low: float, high: float) -> tuple[float, float]:
        q = conformal_quantile(errors, coverage)
        if q is None:
            return min(low, median), max(high, median)
        return median * math.exp(-q), median * math.exp(q)

    low80, high80 = band(0.80, forecast.low80, forecast.high80)
    low95, high95 = band(0.95, forecast.low95, forecast.high95)
    return TotalForecast(median, low80, high80, min(low95, low80), max(high95, high80))


def published_errors(
    earlier: Sequence[tuple[Sequence[date], float]], known: Mapping[date, float]
) -> list[float]:
    """Log errors of the ``earlier`` forecasts (target periods, median) whose every target
    period is in ``known`` (the values published before the current origin)."""
    return [
        log_error(sum(known[t] for t in targets), median)
        for targets, median in earlier
        if targets and all(t in known for t in targets)
    ]


@dataclass(frozen=True, slots=True)
class OriginResult:
    """One scored origin: the model's forecast and the calibrated one (same median)."""

    origin: date
    actual: float
    forecast: TotalForecast
    mean_benchmark: float | None
    seasonal_benchmark: float | None
    calibrated: TotalForecast | None = None
    """``None``: not calibrated, the model's bands count."""
    calibration_errors: int = 0
    """How many earlier published errors the calibration had."""

    @property
    def calibrated_bands(self) -> TotalForecast:
        return self.forecast if self.calibrated is None else self.calibrated


@dataclass(frozen=True, slots=True)
class Score:
    """Scores over a set of origins; ``None`` where no origin had the benchmark."""

    origins: int
    mape: float
    mape_mean: float | None
    mape_seasonal: float | None
    mase_mean: float | None
    mase_seasonal: float | None
    seasonal_origins: int
    coverage80: float
    coverage95: float
    median_ape: float
    coverage80_calibrated: float
    coverage95_calibrated: float
    conformal80_origins: int
    """Origins whose calibrated 80 % band came from earlier errors (the rest: model band)."""
    conformal95_origins: int


def _ape(forecast: float, actual: float) -> float:
    return abs(forecast - actual) / actual


def score(results: Sequence[OriginResult]) -> Score:
    if not results:
        raise ValueError("geen startpunten om te scoren")
    errors = np.asarray([abs(r.forecast.median - r.actual) for r in results])
    apes = np.asarray([_ape(r.forecast.median, r.actual) for r in results])
    with_mean = [r for r in results if r.mean_benchmark is not None]
    with_seasonal = [r for r in results if r.seasonal_benchmark is not None]

    def ratio(subset: list[OriginResult], attribute: str) -> tuple[float | None, float | None]:
        if not subset:
            return None, None
        own = np.mean([abs(r.forecast.median - r.actual) for r in subset])
        bench = np.asarray([getattr(r, attribute) for r in subset], dtype=np.float64)
        actual = np.asarray([r.actual for r in subset])
        bench_mae = float(np.mean(np.abs(bench - actual)))
        mape = float(np.mean(np.abs(bench - actual) / actual))
        return mape, (float(own) / bench_mae if bench_mae > 0 else None)

    mape_mean, mase_mean = ratio(with_mean, "mean_benchmark")
    mape_seasonal, mase_seasonal = ratio(with_seasonal, "seasonal_benchmark")
    inside80 = [r.forecast.low80 <= r.actual <= r.forecast.high80 for r in results]
    inside95 = [r.forecast.low95 <= r.actual <= r.forecast.high95 for r in results]
    bands = [r.calibrated_bands for r in results]
    inside80c = [b.low80 <= r.actual <= b.high80 for b, r in zip(bands, results, strict=True)]
    inside95c = [b.low95 <= r.actual <= b.high95 for b, r in zip(bands, results, strict=True)]
    del errors
    return Score(
        origins=len(results),
        mape=float(np.mean(apes)),
        mape_mean=mape_mean,
        mape_seasonal=mape_seasonal,
        mase_mean=mase_mean,
        mase_seasonal=mase_seasonal,
        seasonal_origins=len(with_seasonal),
        coverage80=float(np.mean(inside80)),
        coverage95=float(np.mean(inside95)),
        median_ape=float(np.median(apes)),
        coverage80_calibrated=float(np.mean(inside80c)),
        coverage95_calibrated=float(np.mean(inside95c)),
        conformal80_origins=sum(
            r.calibrated is not None and enough_errors(r.calibration_errors, 0.80) for r in results
        ),
        conformal95_origins=sum(
            r.calibrated is not None and enough_errors(r.calibration_errors, 0.95) for r in results
        ),
    )


def rolling_origin(
    observations: Sequence[Observation],
    annual: Sequence[Observation],
    *,
    horizon: int,
    periods_per_year: int,
    min_history: int,
    seasonal: Callable[[date], Sequence[float]] | None = None,
    origin_offset_days: int = 0,
    seed: int = 2019,
    paths: int = BACKTEST_PATHS,
) -> list[OriginResult]:
    """Score every origin (start of a period) whose ``horizon`` target periods all exist.

    ``observations`` is a regular series (weeks, months or quarters) with vintages;
    ``annual`` holds yearly totals with vintages, for the spread of the level walk.
    ``seasonal`` gives the twelve monthly factors known at an origin (the month of a week is
    that of its Thursday; a quarter uses :func:`quarterly_factors`).
    The forecast is made ``origin_offset_days`` after the start of the first target period
    (for weeks: on the Thursday, the day after the figure of the week before is published).
    """
    if periods_per_year not in PERIODS_PER_YEAR:
        raise ValueError(f"periods_per_year must be one of {PERIODS_PER_YEAR}")
    outcome = final_values(observations)
    periods = sorted(outcome)
    step = periods[1] - periods[0] if len(periods) > 1 else None
    results: list[OriginResult] = []
    window = round(BENCHMARK_WINDOW_WEEKS * periods_per_year / 52)
    earlier: list[tuple[Sequence[date], float]] = []
    for index, first in enumerate(periods):
        origin = first + timedelta(days=origin_offset_days)
        targets = [_shift(first, k, periods_per_year) for k in range(horizon)]
        if any(t not in outcome for t in targets):
            continue
        known = known_on(observations, origin)
        if len(known) < min_history or step is None:
            continue
        gap = _steps_between(known[-1].begin, first, periods_per_year) - 1
        if gap < 0:
            continue
        months = seasonal(origin) if seasonal is not None else (1.0,) * 12
        history = [o.value / months[_month_of(o.begin, periods_per_year) - 1] for o in known]
        ahead = [_shift(known[-1].begin, k + 1, periods_per_year) for k in range(gap + horizon)]
        factors = [months[_month_of(day, periods_per_year) - 1] for day in ahead]
        yearly = [o.value for o in known_on(annual, origin)]
        forecast = forecast_total(
            history, gap=gap, horizon=horizon, periods_per_year=periods_per_year,
            yearly_sigma=annual_sigma(yearly), seed=seed + index, factors=factors, paths=paths,
        )  # fmt: skip
        history = [o.value for o in known]
        recent = history[-window:] if len(history) >= window else None
        mean_benchmark = float(np.mean(recent)) * horizon if recent else None
        by_begin = {o.begin: o.value for o in known}
        errors = published_errors(earlier, by_begin)
        earlier.append((targets, forecast.median))
        last_year = [_shift(t, -periods_per_year, periods_per_year) for t in targets]
        seasonal_benchmark = (
            float(sum(by_begin[t] for t in last_year))
            if all(t in by_begin for t in last_year)
            else None
        )
        actual = float(sum(outcome[t] for t in targets))
        results.append(
            OriginResult(
                origin, actual, forecast, mean_benchmark, seasonal_benchmark,
                calibrate(forecast, errors), len(errors),
            )
        )  # fmt: skip
    return results


PERIODS_PER_YEAR = (52, 12, 4)
"""Weeks, months or quarters: the periods a back-tested series can have."""


def _months_per_period(periods_per_year: int) -> int:
    if periods_per_year not in PERIODS_PER_YEAR:
        raise ValueError(f"periods_per_year must be one of {PERIODS_PER_YEAR}")
    return 12 // periods_per_year


def _shift(day: date, steps: int, periods_per_year: int) -> date:
    """The period ``steps`` periods after the one starting on ``day`` (weeks, months, quarters)."""
    if periods_per_year == 52:
        year, week, _ = day.isocalendar()
        if steps == -52:
            return date.fromisocalendar(year - 1, min(week, 52), 1)
        return date.fromordinal(day.toordinal() + 7 * steps)
    month = day.year * 12 + day.month - 1 + steps * _months_per_period(periods_per_year)
    return date(month // 12, month % 12 + 1, 1)


def _month_of(day: date, periods_per_year: int) -> int:
    """The month whose seasonal factor a period takes (a quarter: its first month)."""
    if periods_per_year == 52:
        return date.fromordinal(day.toordinal() + 3).month
    return day.month


def _steps_between(first: date, later: date, periods_per_year: int) -> int:
    if periods_per_year == 52:
        return (later - first).days // 7
    months = (later.year - first.year) * 12 + later.month - first.month
    return months // _months_per_period(periods_per_year)


def quarterly_factors(monthly: Sequence[float]) -> tuple[float, ...]:
    """Twelve factors where each month holds the mean of its quarter's three monthly factors.

    A quarter is looked up by its first month (see :func:`_month_of`), so a quarterly series
    uses the same seasonal pattern as the weekly and monthly ones.
    """
    if len(monthly) != 12:
        raise ValueError("twelve monthly factors are needed")
    quarters = [sum(monthly[3 * q : 3 * q + 3]) / 3 for q in range(4)]
    return tuple(quarters[m // 3] for m in range(12))


@dataclass(frozen=True, slots=True)
class YearAhead:
    year: int
    origin: date
    basis: str
    actual: float
    forecast: TotalForecast
    calibrated: TotalForecast
    calibration_errors: int

    @property
    def ape(self) -> float:
        """Absolute error of the median as a share of the outcome (the score's rule)."""
        return _ape(self.forecast.median, self.actual)


@dataclass(frozen=True, slots=True)
class InflowStart:
    """What the forecast's inflow starts from on a day: the model's own inputs.

    ``level`` is the deseasonalised total inflow per week, ``seasonal`` twelve monthly
    factors, the sigmas are log spreads per week, ``share_first`` the share of first
    applications in the inflow; ``basis`` and ``noise_basis`` say where level and noise came
    from.
    """

    start: date
    level: float
    level_sigma: float
    noise_sigma: float
    seasonal: tuple[float, ...]
    share_first: float
    basis: str
    noise_basis: str


@dataclass(frozen=True, slots=True)
class YearForecast:
    origin: date
    basis: str
    forecast: TotalForecast


def year_total_forecast(
    inflow: InflowStart, year: int, *, seed: int, paths: int = BACKTEST_PATHS
) -> TotalForecast:
    """First applications in ``year`` as the forecast's inflow model gives them.

    The weekly inflow is :func:`core.forecast.inflow_walk` from ``inflow.start`` (the same
    walk, season and noise the forecast draws); a week counts in the year of its Thursday (the
    ISO year), and the first applications are ``share_first`` of the inflow.
    """
    first_thursday = date(year, 1, 1) + timedelta(days=(3 - date(year, 1, 1).weekday()) % 7)
    last_thursday = date(year, 12, 31) - timedelta(days=(date(year, 12, 31).weekday() - 3) % 7)
    weeks_before = (first_thursday - (inflow.start + timedelta(days=3))).days // 7
    if inflow.start.weekday() != 0 or weeks_before < 0:
        raise ValueError("de prognose moet op een maandag vóór het jaar beginnen")
    weeks_in_year = (last_thursday - first_thursday).days // 7 + 1
    steps = weeks_before + weeks_in_year
    rng = np.random.default_rng(seed)
    level_steps = unit_shocks(rng, SHOCK_DF, (paths, steps)) * inflow.level_sigma
    noise = unit_shocks(rng, SHOCK_DF, (paths, steps)) * inflow.noise_sigma
    weekly = inflow_walk(
        inflow.level, level_steps=level_steps, noise=noise,
        season=seasonal_by_week(inflow.seasonal, inflow.start, steps),
    )  # fmt: skip
    totals = inflow.share_first * np.sum(weekly[:, weeks_before:], axis=1)
    q = np.quantile(totals, (0.025, 0.10, 0.50, 0.90, 0.975))
    return TotalForecast(float(q[2]), float(q[1]), float(q[3]), float(q[0]), float(q[4]))


def year_ahead(
    annual: Sequence[Observation],
    forecast_of: Callable[[int], YearForecast | None],
    *,
    years: Sequence[int],
) -> list[YearAhead]:
    """Each year's total against the forecast made for it (``forecast_of``, from an origin
    the year before), with bands calibrated on the errors of every earlier year (back to the
    first one the forecaster could forecast) whose total was published before the origin.
    """
    outcome = final_values(annual)
    first_year = min((day.year for day in outcome), default=0)
    forecasts: dict[int, YearForecast] = {}
    for year in range(first_year, max(years, default=0) + 1):
        made = forecast_of(year)
        if made is not None and date(year, 1, 1) in outcome:
            forecasts[year] = made
    results: list[YearAhead] = []
    for year in years:
        if year not in forecasts:
            continue
        made = forecasts[year]
        known = {o.begin: o.value for o in known_on(annual, made.origin)}
        earlier = [((date(y, 1, 1),), f.forecast.median) for y, f in forecasts.items() if y < year]
        errors = published_errors(earlier, known)
        results.append(
            YearAhead(
                year, made.origin, made.basis, outcome[date(year, 1, 1)], made.forecast,
                calibrate(made.forecast, errors), len(errors),
            )
        )  # fmt: skip
    return results
