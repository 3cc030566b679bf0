"""A weekly stock-and-flow forecast of reception, with Monte Carlo uncertainty.

The model, per week and per path (all counts are whole persons, so conservation is exact):

- **Inflow** = first applications + repeat applications + nareizigers. Its level follows a
  random walk in log space with heavy-tailed (Student-t) weekly shocks, times a monthly
  seasonal factor, times a heavy-tailed weekly noise. The scenario multiplies the level.
- First and repeat applicants enter reception and wait for a **decision** for a fixed lead
  time; a share is recognised and becomes a **status holder**, the rest await departure and
  leave with a weekly hazard (**other departures**).
- Nareizigers arrive with a permit and join their family: they are not in COA's occupancy
  (COA counts people with a right to reception, without nareizigers), but the taakstelling
  counts them, so they take their share of the housing pace first.
- **Housing** takes status holders out of reception at the realisation pace of the
  taakstelling (persons per week, with noise) minus the nareizigers of that week, never more
  than are waiting.
- **Occupancy** is the stock: asylum seekers awaiting a decision + rejected awaiting
  departure + status holders. Every week: occupancy change = inflow into reception (first and
  repeat applicants) − housed − departed, exactly.
- **Provinces** get a share of national occupancy, drawn per path and per province from the
  Beta marginal of a Dirichlet around the base shares (each province from its own stream,
  so its band depends only on its own share), reached gradually over ``SHARE_DRIFT_WEEKS``.

Everything is vectorised over paths; only the 104 weeks are a loop. A scenario with zero
variance gives every path the deterministic model, so its median equals that model exactly.
No Django, no I/O: inputs come in as frozen dataclasses, results go out as numpy arrays.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from regietafel.core.formatting import format_decimal_nl, format_int_nl

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

DEFAULT_PATHS = 10_000
DEFAULT_WEEKS = 104
QUANTILE_LEVELS: tuple[float, ...] = (0.025, 0.10, 0.50, 0.90, 0.975)
"""Median and the 80 % (10–90) and 95 % (2.5–97.5) bands."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """One model parameter with the value used and where it comes from."""

    name: str
    value: float
    source: str


@dataclass(frozen=True)
class Scenario:
    """A named what-if: multipliers on the estimated model. Copy one with :meth:`replace`.

    ``inflow_factor`` scales the inflow level, ``housing_factor`` the realisation pace.
    The three ``*_uncertainty`` factors scale the estimated spreads (0 = none); with all
    zero every path equals the deterministic model. ``inflow_per_year``, when set (an
    official MPP figure), replaces the estimated level: the weekly level is that figure / 52
    (times ``inflow_factor``), still with the season, the walk and the noise around it.
    """

    name: str
    label: str
    inflow_factor: float = 1.0
    housing_factor: float = 1.0
    level_uncertainty: float = 1.0
    noise_uncertainty: float = 1.0
    province_uncertainty: float = 1.0
    description: str = ""
    inflow_per_year: float | None = None

    def replace(self, **changes: Any) -> Scenario:
        return dataclasses.replace(self, **changes)

    @property
    def deterministic(self) -> Scenario:
        return self.replace(level_uncertainty=0.0, noise_uncertainty=0.0, province_uncertainty=0.0)


MPP_2023_II_RANGE = (
    "MPP 2023-II: instroom 2024 verwacht tussen 49.000 en 76.000 (opennieuwsbank.nl, "
    "10-11-2023), rond een midden van ca. 62.000: −20 % en +23 %"
)

SCENARIOS: Mapping[str, Scenario] = MappingProxyType(
    {
        "midden": Scenario("midden", "midden", description="geschatte instroom en tempo"),
        "laag": Scenario("laag", "lage instroom", inflow_factor=0.80,
                         description=f"instroom × 0,80 ({MPP_2023_II_RANGE})"),
        "hoog": Scenario("hoog", "hoge instroom", inflow_factor=1.25,
                         description=f"instroom × 1,25 ({MPP_2023_II_RANGE})"),
        "traag": Scenario("traag", "traag huisvesten", housing_factor=0.80,
                          description="huisvestingstempo × 0,80 (aanname: ±20 % rond het "
                          "gerealiseerde tempo; 2022-I haalde 87 % van de opgave)"),
        "snel": Scenario("snel", "snel huisvesten", housing_factor=1.20,
                         description="huisvestingstempo × 1,20 (aanname, zie traag)"),
    }
)  # fmt: skip


class ForecastError(ValueError):
    """The inputs cannot be forecast; the message is Dutch."""


@dataclass(frozen=True)
class ModelInputs:
    """The state at the start and the estimated parameters, each with its source.

    ``start`` is the Monday of the first forecast week. ``inflow_level`` is the deseasonalised
    total inflow per week. ``seasonal`` holds twelve monthly factors (mean 1). Spreads are
    standard deviations in log space per week. ``province_shares`` sum to 1.
    """

    start: date
    inflow_level: float
    share_first: float
    share_repeat: float
    seasonal: tuple[float, ...]
    level_sigma: float
    noise_sigma: float
    shock_df: float
    decision_weeks: int
    recognition_share: float
    departure_rate: float
    housing_pace: float
    housing_sigma: float
    occupancy: int
    status_holders: int
    province_names: tuple[str, ...]
    province_shares: tuple[float, ...]
    share_concentration: float
    sources: Mapping[str, str] = field(default_factory=dict)
    start_counted: date | None = None
    """The day the start occupancy was counted (a COA point, the register's week): a start
    long before ``start`` is said next to the forecast. None: not recorded."""

    def __post_init__(self) -> None:
        if len(self.seasonal) != 12:
            raise ForecastError("het seizoenspatroon heeft 12 maandfactoren nodig")
        if self.decision_weeks < 1:
            raise ForecastError("de beslistermijn moet minstens 1 week zijn")
        if self.status_holders > self.occupancy:
            raise ForecastError("er zijn meer vergunninghouders dan bewoners in de opvang")
        if len(self.province_names) != len(self.province_shares):
            raise ForecastError("provincienamen en -aandelen verschillen in aantal")
        if abs(sum(self.province_shares) - 1.0) > 1e-9:
            raise ForecastError("de provincie-aandelen tellen niet op tot 1")
        if not 0 <= self.share_first + self.share_repeat <= 1:
            raise ForecastError("de aandelen eerste en herhaalde aanvragen zijn ongeldig")

    def replace(self, **changes: Any) -> ModelInputs:
        return dataclasses.replace(self, **changes)

    def parameters(self, scenario: Scenario | None = None) -> tuple[Parameter, ...]:
        """Every parameter with its value and source, for display next to the forecast.

        With a ``scenario`` that changes the inflow level or the housing pace, the values it
        runs with follow the estimated ones, so the table never contradicts the scenario
        (an official MPP sets the level to its yearly figure / 52)."""
        estimated = self._parameters()
        if scenario is None:
            return estimated
        extra: dict[str, Parameter] = {}
        if scenario.inflow_per_year is not None or scenario.inflow_factor != 1.0:
            if scenario.inflow_per_year is not None:
                how = f"{format_int_nl(round(scenario.inflow_per_year))} per jaar / 52"
            else:
                how = "het geschatte niveau"
            if scenario.inflow_factor != 1.0:
                how += f" × {format_decimal_nl(scenario.inflow_factor, 2)}"
            extra["instroom per week (niveau)"] = Parameter(
                "instroom per week in dit scenario", inflow_level(self, scenario),
                f"scenario {scenario.label}: {how}",
            )  # fmt: skip
        if scenario.housing_factor != 1.0:
            extra["huisvestingstempo per week"] = Parameter(
                "huisvestingstempo per week in dit scenario",
                housing_pace(self, scenario),
                f"scenario {scenario.label}: het geschatte tempo × "
                f"{format_decimal_nl(scenario.housing_factor, 2)}",
            )
        rows: list[Parameter] = []
        for parameter in estimated:
            rows.append(parameter)
            if parameter.name in extra:
                rows.append(extra[parameter.name])
        return tuple(rows)

    def _parameters(self) -> tuple[Parameter, ...]:
        values: dict[str, float] = {
            "instroom per week (niveau)": self.inflow_level,
            "aandeel eerste aanvragen": self.share_first,
            "aandeel herhaalde aanvragen": self.share_repeat,
            "aandeel nareizigers": 1.0 - self.share_first - self.share_repeat,
            "seizoen (laagste maandfactor)": min(self.seasonal),
            "seizoen (hoogste maandfactor)": max(self.seasonal),
            "spreiding niveau per week (log)": self.level_sigma,
            "spreiding ruis per week (log)": self.noise_sigma,
            "vrijheidsgraden Student-t": self.shock_df,
            "beslistermijn (weken)": self.decision_weeks,
            "inwilligingspercentage": self.recognition_share,
            "vertrekkans per week na afwijzing": self.departure_rate,
            "huisvestingstempo per week": self.housing_pace,
            "spreiding huisvestingstempo (log)": self.housing_sigma,
            "bezetting bij de start": self.occupancy,
            "vergunninghouders in de opvang bij de start": self.status_holders,
            "concentratie provincie-aandelen (Dirichlet)": self.share_concentration,
        }
        return tuple(
            Parameter(name, float(value), self.sources.get(name, "standaardwaarde"))
            for name, value in values.items()
        )

    def week_starts(self, weeks: int) -> tuple[date, ...]:
        return tuple(self.start + timedelta(weeks=w) for w in range(weeks))

    def seasonal_by_week(self, weeks: int) -> FloatArray:
        return seasonal_by_week(self.seasonal, self.start, weeks)

    def initial_split(self) -> tuple[int, int]:
        """Asylum seekers awaiting a decision and rejected awaiting departure at the start.

        The stock without a permit is split in the proportions of the steady state: per
        person of weekly inflow, ``decision_weeks`` wait for a decision and
        ``(1 - recognition) / departure_rate`` wait to leave.
        """
        without_permit = self.occupancy - self.status_holders
        waiting_departure = (
            (1.0 - self.recognition_share) / self.departure_rate if self.departure_rate else 0.0
        )
        share = self.decision_weeks / (self.decision_weeks + waiting_departure)
        pipeline = round(without_permit * share)
        return pipeline, without_permit - pipeline


@dataclass(frozen=True)
class Draws:
    """The random numbers of a run, standardised; spreads are applied by the model."""

    level: FloatArray  # (paths, weeks), Student-t scaled to unit variance
    noise: FloatArray  # (paths, weeks), Student-t scaled to unit variance
    housing: FloatArray  # (paths, weeks), standard normal
    shares: FloatArray  # (paths, provinces), Dirichlet draws (rows sum to 1)


def unit_shocks(rng: np.random.Generator, df: float, shape: tuple[int, int]) -> FloatArray:
    """Student-t draws scaled to unit variance (heavy tails, the spread set by the caller)."""
    scale = np.sqrt((df - 2.0) / df) if df > 2 else 1.0
    result: FloatArray = rng.standard_t(df, size=shape) * scale
    return result


def draw(
    rng: np.random.Generator, inputs: ModelInputs, scenario: Scenario, paths: int, weeks: int
) -> Draws:
    """All random numbers of a run, in a fixed order, so a seed fixes the output."""
    level = unit_shocks(rng, inputs.shock_df, (paths, weeks))
    noise = unit_shocks(rng, inputs.shock_df, (paths, weeks))
    housing = rng.standard_normal(size=(paths, weeks))
    base = np.asarray(inputs.province_shares, dtype=np.float64)
    shares = np.broadcast_to(base, (paths, base.size)).copy()
    if scenario.province_uncertainty > 0 and inputs.share_concentration > 0:
        concentration = inputs.share_concentration / scenario.province_uncertainty**2
        # Each province from its own stream, with the Dirichlet's marginal Beta(c·p, c·(1 − p)):
        # a joint Dirichlet draw made every province's band depend on how the others split
        # the occupancy, and so on afgeschermde provinces. A share of 0 (a province with no
        # one at the start) or 1 stays. The shares add up to 1 on average, not in each path.
        for index, stream in enumerate(rng.spawn(base.size)):
            share = float(base[index])
            if 0 < share < 1:
                a, b = share * concentration, (1 - share) * concentration
                shares[:, index] = stream.beta(a, b, size=paths)
    return Draws(level=level, noise=noise, housing=housing, shares=shares)


def zero_draws(inputs: ModelInputs, paths: int, weeks: int) -> Draws:
    base = np.asarray(inputs.province_shares, dtype=np.float64)
    return Draws(
        level=np.zeros((paths, weeks)),
        noise=np.zeros((paths, weeks)),
        housing=np.zeros((paths, weeks)),
        shares=np.broadcast_to(base, (paths, base.size)).copy(),
    )


WEEKS_PER_YEAR = 52


def inflow_level(inputs: ModelInputs, scenario: Scenario) -> float:
    """The deseasonalised weekly inflow level the scenario starts from."""
    if scenario.inflow_per_year is not None:
        return scenario.inflow_per_year / WEEKS_PER_YEAR * scenario.inflow_factor
    return inputs.inflow_level * scenario.inflow_factor


def housing_pace(inputs: ModelInputs, scenario: Scenario) -> float:
    """The weekly housing pace the scenario assumes (the estimated pace × its factor)."""
    return inputs.housing_pace * scenario.housing_factor


def inflow_paths(inputs: ModelInputs, scenario: Scenario, draws: Draws, weeks: int) -> FloatArray:
    """Weekly total inflow per path (not rounded): level walk × season × noise."""
    return inflow_walk(
        inflow_level(inputs, scenario),
        level_steps=(inputs.level_sigma * scenario.level_uncertainty) * draws.level[:, :weeks],
        noise=(inputs.noise_sigma * scenario.noise_uncertainty) * draws.noise[:, :weeks],
        season=inputs.seasonal_by_week(weeks),
    )


def seasonal_by_week(seasonal: Sequence[float], start: date, weeks: int) -> FloatArray:
    """The monthly factor of the Thursday of each week (the ISO week's own month)."""
    factors = [seasonal[(start + timedelta(weeks=w, days=3)).month - 1] for w in range(weeks)]
    return np.asarray(factors, dtype=np.float64)


def inflow_walk(
    level: float, *, level_steps: FloatArray, noise: FloatArray, season: FloatArray
) -> FloatArray:
    """The model's inflow: a random walk of the log level, times the season, times noise.

    One function, so the year-ahead back-test scores exactly the inflow the forecast draws.
    ``level_steps`` and ``noise`` are (paths, weeks) log deviations, already scaled.
    """
    log_level = np.log(level) + np.cumsum(level_steps, axis=1)
    result: FloatArray = np.exp(log_level + noise) * season
    return result


@dataclass(frozen=True)
class Paths:
    """Every path of a run, (paths, weeks) each. ``occupancy`` is the stock at week's end."""

    week_starts: tuple[date, ...]
    inflow: IntArray  # total inflow: first + repeat + nareizigers
    into_reception: IntArray  # first + repeat: enter reception and wait for a decision
    nareizigers: IntArray
    decided: IntArray
    recognised: IntArray
    housed: IntArray
    departed: IntArray
    asylum_seekers: IntArray  # awaiting a decision or departure
    status_holders: IntArray
    occupancy: IntArray
    shares: FloatArray  # (paths, provinces): drawn, reached after SHARE_DRIFT_WEEKS weeks
    start_occupancy: int
    base_shares: FloatArray  # (provinces,): the shares at the start

    @property
    def paths(self) -> int:
        return int(self.occupancy.shape[0])

    @property
    def weeks(self) -> int:
        return int(self.occupancy.shape[1])


def simulate(
    inputs: ModelInputs,
    scenario: Scenario,
    draws: Draws,
    *,
    weeks: int = DEFAULT_WEEKS,
    on_week: Callable[[int], None] | None = None,
) -> Paths:
    """The stock-and-flow model over all paths at once (a loop over weeks only).

    ``on_week(done)`` is told after each simulated week (a command's progress bar)."""
    paths = draws.level.shape[0]
    inflow_float = inflow_paths(inputs, scenario, draws, weeks)
    inflow = np.rint(inflow_float).astype(np.int64)
    share_in = inputs.share_first + inputs.share_repeat
    into_reception = np.rint(inflow * share_in).astype(np.int64)
    nareizigers = inflow - into_reception
    housing_spread = inputs.housing_sigma * scenario.noise_uncertainty
    pace = housing_pace(inputs, scenario)
    housing_capacity = np.rint(pace * np.exp(housing_spread * draws.housing[:, :weeks])).astype(
        np.int64
    )

    lead = inputs.decision_weeks
    pipeline_start, rejected_start = inputs.initial_split()
    slots = np.full(lead, pipeline_start // lead, dtype=np.int64)
    slots[: pipeline_start % lead] += 1
    # Week-major (weeks × paths) inside the loop: every row a week reads or writes is
    # contiguous, so the loop over weeks is not slowed by strided columns.
    pipe = np.repeat(slots[:, None], paths, axis=1)  # (lead, paths)
    rejected = np.full(paths, rejected_start, dtype=np.int64)
    holders = np.full(paths, inputs.status_holders, dtype=np.int64)
    waiting = np.full(paths, pipeline_start, dtype=np.int64)
    entering = np.ascontiguousarray(into_reception.T)
    room = np.ascontiguousarray(housing_capacity.T - nareizigers.T)

    shape = (weeks, paths)
    decided_out = np.empty(shape, dtype=np.int64)
    recognised_out = np.empty(shape, dtype=np.int64)
    housed_out = np.empty(shape, dtype=np.int64)
    departed_out = np.empty(shape, dtype=np.int64)
    seekers_out = np.empty(shape, dtype=np.int64)
    holders_out = np.empty(shape, dtype=np.int64)

    recognition = inputs.recognition_share
    departure = inputs.departure_rate
    for week in range(weeks):
        slot = week % lead
        decided = decided_out[week]
        decided[:] = pipe[slot]
        pipe[slot] = entering[week]
        waiting += entering[week] - decided
        recognised = recognised_out[week]
        recognised[:] = np.rint(decided * recognition)
        departed = departed_out[week]
        departed[:] = np.rint(rejected * departure)
        rejected += decided - recognised - departed
        holders += recognised
        housed = housed_out[week]
        np.minimum(holders, np.maximum(room[week], 0), out=housed)
        holders -= housed
        np.add(waiting, rejected, out=seekers_out[week])
        holders_out[week] = holders
        if on_week is not None:
            on_week(week + 1)

    def path_major(values: IntArray) -> IntArray:
        result: IntArray = np.ascontiguousarray(values.T)
        return result

    return Paths(
        week_starts=inputs.week_starts(weeks),
        inflow=inflow,
        into_reception=into_reception,
        nareizigers=nareizigers,
        decided=path_major(decided_out),
        recognised=path_major(recognised_out),
        housed=path_major(housed_out),
        departed=path_major(departed_out),
        asylum_seekers=path_major(seekers_out),
        status_holders=path_major(holders_out),
        occupancy=path_major(seekers_out + holders_out),
        shares=draws.shares,
        start_occupancy=inputs.occupancy,
        base_shares=np.asarray(inputs.province_shares, dtype=np.float64),
    )


def run(
    inputs: ModelInputs,
    scenario: Scenario,
    *,
    paths: int = DEFAULT_PATHS,
    weeks: int = DEFAULT_WEEKS,
    seed: int = 2021,
    on_week: Callable[[int], None] | None = None,
) -> Paths:
    """Draw with a fixed seed and simulate: the same seed gives the same paths."""
    if paths < 1 or weeks < 1:
        raise ForecastError("aantal paden en weken moeten minstens 1 zijn")
    rng = np.random.default_rng(seed)
    draws = draw(rng, inputs, scenario, paths, weeks)
    return simulate(inputs, scenario, draws, weeks=weeks, on_week=on_week)


def deterministic(inputs: ModelInputs, scenario: Scenario, *, weeks: int = DEFAULT_WEEKS) -> Paths:
    """The model without any randomness: one path."""
    return simulate(inputs, scenario.deterministic, zero_draws(inputs, 1, weeks), weeks=weeks)


def quantiles_last_axis(
    values: npt.NDArray[Any], levels: Sequence[float] = QUANTILE_LEVELS
) -> FloatArray:
    """Quantiles over the last axis, as ``np.quantile`` (linear), shape (len(levels), ...).

    Sorting contiguous rows is several times faster than ``np.quantile`` over a strided axis
    (numpy sorts with SIMD); the interpolation is numpy's own formula.
    """
    ordered = np.sort(np.asarray(values, dtype=np.float64), axis=-1)
    count = ordered.shape[-1]
    position = np.asarray(levels, dtype=np.float64) * (count - 1)
    below = np.floor(position).astype(np.intp)
    above = np.minimum(below + 1, count - 1)
    weight = position - below
    low = np.moveaxis(ordered[..., below], -1, 0)
    high = np.moveaxis(ordered[..., above], -1, 0)
    weight = weight.reshape((-1,) + (1,) * (low.ndim - 1))
    difference = high - low
    result: FloatArray = np.where(
        weight >= 0.5, high - difference * (1 - weight), low + difference * weight
    )
    return result


def quantiles(values: npt.NDArray[Any], levels: Sequence[float] = QUANTILE_LEVELS) -> FloatArray:
    """Quantiles over paths (axis 0): shape (len(levels), ...)."""
    return quantiles_last_axis(np.ascontiguousarray(np.moveaxis(values, 0, -1)), levels)


@dataclass(frozen=True)
class Fan:
    """Median and bands per week of one measure: ``values[level][week]``."""

    measure: str
    levels: tuple[float, ...]
    values: FloatArray  # (levels, weeks)

    def at(self, level: float) -> FloatArray:
        row: FloatArray = self.values[self.levels.index(level)]
        return row


def fan(measure: str, values: npt.NDArray[Any]) -> Fan:
    return Fan(measure, QUANTILE_LEVELS, quantiles(values))


SHARE_DRIFT_WEEKS = 52
"""Weeks in which a province's share of the national occupancy moves from its share at the
start to the share drawn for the path (three quarters of the way after half of them).
Reception moves between provinces as locations open and close, over months rather than in a
week (an assumption): drawn at once, a province's band would jump from its register figure
to the full spread in the first week."""


def share_weights(weeks: int) -> FloatArray:
    """How far each forecast week t = 1, 2, … has moved from the start share to the drawn
    one: 1 − (1 − t/52)², then 1. Smooth where it arrives (a straight ramp to 26 weeks put a
    bend in the province fans there); at 26 weeks 0.75."""
    rest = 1.0 - np.minimum(np.arange(1, weeks + 1, dtype=np.float64) / SHARE_DRIFT_WEEKS, 1.0)
    weights: FloatArray = 1.0 - rest * rest
    return weights


def share_paths(base: float, drawn: FloatArray, weeks: int) -> FloatArray:
    """One province's share per path and week, (paths, weeks): base + (drawn − base) × weight."""
    shares: FloatArray = base + (drawn[:, None] - base) * share_weights(weeks)[None, :]
    return shares


def province_occupancy(
    occupancy: npt.NDArray[Any], base: float, drawn: FloatArray, weeks: int
) -> IntArray:
    """One province's occupancy per path and week in whole persons: the national paths
    (paths, weeks) times the province's share drifting from ``base`` to its ``drawn`` share
    per path, rounded per path. What every surface shows of a province (page, API, CLI,
    report, target chances); :func:`province_fans` gives its quantiles for all at once."""
    scaled = occupancy * share_paths(base, drawn, weeks)
    whole: IntArray = np.rint(scaled).astype(np.int64)
    return whole


def province_values(result: Paths) -> FloatArray:
    """Occupancy per path, week and province before rounding: (paths, weeks, provinces).
    The model's exact products (conservation and the per-path loop are checked on them);
    people see :func:`province_occupancy`."""
    base = result.base_shares[None, None, :]
    # In place, one array of paths × weeks × provinces (the same numbers as base + drift).
    values: FloatArray = (result.shares[:, None, :] - base) * share_weights(result.weeks)[
        None, :, None
    ]
    values += base
    values *= result.occupancy[:, :, None]
    return values


def province_fans(result: Paths) -> FloatArray:
    """Quantiles of occupancy per province: (levels, weeks, provinces), in one batch.

    The products are built with paths on the last, contiguous axis (in place, one array of
    weeks × provinces × paths) and rounded per path: the quantiles of
    :func:`province_occupancy` of every province, the numbers the surfaces show.
    """
    occupancy = np.ascontiguousarray(result.occupancy.T, dtype=np.float64)  # (weeks, paths)
    base = result.base_shares[None, :, None]
    drawn = np.ascontiguousarray(result.shares.T)[None, :, :]  # (1, provinces, paths)
    values = (drawn - base) * share_weights(result.weeks)[:, None, None]
    values += base
    values *= occupancy[:, None, :]
    np.rint(values, out=values)
    return quantiles_last_axis(values)


def conservation_residual(result: Paths) -> IntArray:
    """Change in stock − (inflow into reception − outflow), per path and week: all zero."""
    start = np.full((result.paths, 1), result.start_occupancy, dtype=np.int64)
    previous = np.concatenate([start, result.occupancy[:, :-1]], axis=1)
    change = result.occupancy - previous
    flows = result.into_reception - result.housed - result.departed
    residual: IntArray = change - flows
    return residual


def stock_on(weeks_after_start: int, start_occupancy: int, path: npt.NDArray[Any]) -> float:
    """Occupancy on the Monday ``weeks_after_start`` weeks after the start: the stock at the
    end of the week before (``path[k - 1]``), the start itself for 0, the last week beyond."""
    if weeks_after_start <= 0:
        return float(start_occupancy)
    return float(path[min(weeks_after_start, len(path)) - 1])


def weeks_until(start: date, day: date) -> int:
    """Index of the forecast week that contains ``day`` (may be out of range)."""
    return (day - start).days // 7
