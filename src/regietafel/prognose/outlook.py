"""A forecast run summarised for the pages and the API (no Django).

:func:`run_forecast` runs the model once for a :class:`RunKey` (scenario, origin, seed, paths,
the identity of the bundled data and, when the week has a register, its start state);
:func:`outlook` turns a run into what a page shows for one scope and need policy: the start
and the median and bands of occupancy, status holders and places needed per week, the COA
target dates, and the buffer policies compared. :func:`deadline_probability` gives the
chance that a number of places covers the need on a date, from the same paths.
A run is deterministic for its key, so callers may cache it under that key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib.resources import files

import numpy as np
import numpy.typing as npt

from regietafel.core import buffer_policies, forecast
from regietafel.core.capacity import ContractedCapacity
from regietafel.core.catalogue import round_half_up
from regietafel.core.forecast import FloatArray, IntArray, ModelInputs, Scenario
from regietafel.core.formatting import format_date_nl, format_int_nl
from regietafel.core.need import need_now
from regietafel.core.need_policy import NeedPolicy, need_on, target_dates
from regietafel.core.targets import Target
from regietafel.prognose.inputs import StartState, default_date, model_inputs, with_start


@cache
def data_identity() -> str:
    """The first 12 hex digits of the SHA-256 of the bundled series: part of every run key."""
    payload = files("regietafel.prognose.data").joinpath("reeksen.csv").read_bytes()
    return hashlib.sha256(payload).hexdigest()[:12]


def latest_origin() -> date:
    """The day after the last publication in the bundle (later origins add nothing)."""
    return default_date()


@dataclass(frozen=True)
class RunKey:
    """Everything a run depends on; equal keys give equal runs."""

    scenario: Scenario
    origin: date
    seed: int
    paths: int
    weeks: int = forecast.DEFAULT_WEEKS
    data: str = ""
    start: StartState | None = None
    """The register's start state of the week; None: the bundle's last COA point."""


@dataclass(frozen=True, eq=False)
class Run:
    """The paths of one run, kept small: occupancy per path and week, provincial shares."""

    key: RunKey
    inputs: ModelInputs
    week_starts: tuple[date, ...]
    occupancy: npt.NDArray[np.int32]  # (paths, weeks)
    shares: FloatArray  # (paths, provinces)
    holders: FloatArray  # quantiles of national status holders in reception (levels, weeks)
    holder_paths: npt.NDArray[np.int32]  # national status holders in reception per week

    def parameters(self) -> tuple[forecast.Parameter, ...]:
        """The parameters this run used, with the scenario's own values beside the estimates
        (one list for the page, the API and the CLI)."""
        return self.inputs.parameters(self.key.scenario)

    def week_of(self, day: date) -> int | None:
        """The index of the forecast week containing ``day``; None outside the run."""
        week = forecast.weeks_until(self.inputs.start, day)
        return week if 0 <= week < self.key.weeks else None

    @property
    def from_register(self) -> bool:
        return self.key.start is not None

    def scope_start(self, province_index: int | None) -> int:
        """Occupancy at the start of a scope: the register's (the weekly figures'), else the
        bundle's national point times the province's share."""
        if province_index is None:
            return self.inputs.occupancy
        name = self.inputs.province_names[province_index]
        if self.key.start is not None:
            return self.key.start.province_occupancy(name)
        return round(self.inputs.occupancy * self.inputs.province_shares[province_index])

    def scope_occupancy(self, province_index: int | None) -> IntArray:
        """Occupancy per path and week, nationally or the province's share (whole persons)."""
        if province_index is None:
            whole: IntArray = self.occupancy.astype(np.int64)
            return whole
        return forecast.province_occupancy(
            self.occupancy,
            self.inputs.province_shares[province_index],
            self.shares[:, province_index],
            self.key.weeks,
        )


def run_key(
    scenario: Scenario,
    *,
    origin: date,
    seed: int = 2021,
    paths: int = forecast.DEFAULT_PATHS,
    weeks: int = forecast.DEFAULT_WEEKS,
    start: StartState | None = None,
) -> RunKey:
    return RunKey(scenario, origin, seed, paths, weeks, data_identity(), start)


def run_forecast(key: RunKey, on_week: Callable[[int], None] | None = None) -> Run:
    """Run the model for ``key`` (ForecastError, in Dutch, when the data cannot start it);
    ``on_week`` hears of every simulated week (a command's progress bar)."""
    inputs = model_inputs(key.origin)
    if key.start is not None:
        inputs = with_start(inputs, key.start)
    paths = forecast.run(
        inputs, key.scenario, paths=key.paths, weeks=key.weeks, seed=key.seed, on_week=on_week
    )
    return Run(
        key=key,
        inputs=inputs,
        week_starts=paths.week_starts,
        # 32-bit paths halve the memory of a cached run (counts stay far below 2**31).
        occupancy=paths.occupancy.astype(np.int32),
        shares=paths.shares,
        holders=forecast.quantiles(paths.status_holders),
        holder_paths=paths.status_holders.astype(np.int32),
    )


@dataclass(frozen=True, slots=True)
class DateNeed:
    """Places needed on a COA target date or a goal's date (quantiles), and the chance that
    the start capacity plus ``extra`` places covers it."""

    day: date
    quantiles: tuple[float, ...]
    chance_enough: float
    extra: int = 0
    contracted: int | None = None
    """Places open on the day as contracted (nothing extended), from the week's register;
    None without a register."""
    contracted_chance: float | None = None
    """The chance that the contracted places plus ``extra`` (a goal's places; 0 on a COA
    target date) cover the need on the day."""

    def need_at(self, level: float) -> float:
        """The need at quantile ``level`` (one of ``forecast.QUANTILE_LEVELS``)."""
        return self.quantiles[forecast.QUANTILE_LEVELS.index(level)]

    def extra_needed(self, level: float) -> int | None:
        """Places still to add to the contracted ones and ``extra`` to cover the need at
        quantile ``level`` (the COA capacity decision: need − portfolio if nothing is
        extended; 0 when covered). The same places as :attr:`contracted_chance` counts."""
        if self.contracted is None:
            return None
        need = round_half_up(self.need_at(level))
        return max(need - self.contracted - self.extra, 0)


@dataclass(frozen=True, slots=True)
class BufferSummary:
    """One buffer policy over all paths (``buffer_policies.PolicyOutcome`` without paths)."""

    key: str
    label: str
    short_person_weeks: float
    p_short_week: float
    empty_place_weeks: float
    openings: float
    closings: float
    cost_million: float


def summarise(outcome: buffer_policies.PolicyOutcome) -> BufferSummary:
    o = outcome
    return BufferSummary(
        key=o.policy.key, label=o.policy.label,
        short_person_weeks=o.short_person_weeks, p_short_week=o.p_short_week,
        empty_place_weeks=o.empty_place_weeks, openings=o.openings,
        closings=o.closings, cost_million=o.cost_million,
    )  # fmt: skip


CAPACITY_REGISTER = "capaciteit in het locatieregister van deze week"
CAPACITY_GIVEN = "opgegeven capaciteit"
CAPACITY_ASSUMED = (
    "aangenomen gelijk aan de behoefte bij de start (geen capaciteit uit een register)"
)

START_NOTE_REGISTER = "start uit het locatieregister van deze week (de weekcijfers)"
START_NOTE_BUNDLE = "start uit de meegeleverde landelijke reeks, geen register in deze week"


@dataclass(frozen=True, eq=False)
class Outlook:
    """What a page shows of a run for one scope and need policy.

    The arrays have ``weeks + 1`` columns: column 0 is the start (the Monday of the first
    forecast week, equal in every path), column ``i`` the stock at the end of forecast week
    ``i - 1``, that is on the Monday ``i`` weeks later, as the weekly figures count ahead.
    """

    run: Run
    province_index: int | None
    scope_name: str
    policy: NeedPolicy
    start_occupancy: int
    start_capacity: int
    """The places the target-date chances and the buffer policies start from."""
    start_need: int
    """Places needed at the start under the policy (column 0 of ``need``)."""
    capacity_source: str
    """Where ``start_capacity`` comes from, in Dutch (register, given, or assumed)."""
    occupancy: FloatArray  # (levels, weeks)
    need: FloatArray  # (levels, weeks)
    holders: FloatArray | None  # national only (levels, weeks)
    dates: tuple[DateNeed, ...]
    buffers: tuple[BufferSummary, ...]
    start_note: str = START_NOTE_BUNDLE

    @property
    def policy_text(self) -> str:
        """The need policy as it applies to this scope (``NeedPolicy.label_for``)."""
        return self.policy.label_for(national=self.province_index is None)

    @property
    def week_starts(self) -> tuple[date, ...]:
        """The Monday of each column: the start and every forecast week's end."""
        return column_mondays(self.run.inputs.start, self.run.key.weeks)

    @property
    def levels(self) -> tuple[float, ...]:
        return forecast.QUANTILE_LEVELS


def province_index(inputs: ModelInputs, name: str) -> int:
    return inputs.province_names.index(name)


def outlook(
    run: Run,
    *,
    province: str | None,
    policy: NeedPolicy,
    bundle_note: str = START_NOTE_BUNDLE,
    capacity: int | None = None,
    capacity_source: str = CAPACITY_GIVEN,
    goals: Sequence[tuple[int, date]] = (),
    contracted: ContractedCapacity | None = None,
    order_percentile: float = buffer_policies.DEFAULT_ORDER_PERCENTILE,
) -> Outlook:
    """The run for a scope (None: national; else a province name) under ``policy``.

    The start is the register's occupancy when the run starts from it (``RunKey.start``),
    else the bundle's. The capacity at the start is ``capacity`` (the register's, or a number
    given, described by ``capacity_source``); without one it is assumed to equal the need at
    the start under the policy, and says so. The chances on the target dates and the buffer
    policies start from it. ``goals`` (extra
    places, date) are added to the COA target dates; ``ForecastError`` when a goal's date
    lies outside the run. ``contracted`` (the register's capacity as contracted) gives each
    date its places if nothing is extended, the chance they suffice and what must be added.
    ``order_percentile`` is the percentile the order-up-to buffer policy orders up to.
    """
    index = None if province is None else province_index(run.inputs, province)
    occupancy = run.scope_occupancy(index)
    start = run.scope_start(index)
    # At the start the need is the weekly figures' (per kind, from the register); later weeks
    # are rounded on the total (the paths have no split by kind).
    applies = policy.for_scope(national=index is None)
    kinds = None if run.key.start is None else run.key.start.kinds_of(province)
    start_need = (
        round_half_up(float(applies.need(np.asarray([start]))[0]))
        if kinds is None
        else need_now(kinds, policy, national=index is None)
    )
    start_capacity = start_need if capacity is None else capacity
    need_paths = applies.need(occupancy)

    def date_need(extra: int, day: date) -> DateNeed:
        need = need_on(occupancy, run.inputs.start, day, applies)
        places = None if contracted is None else contracted.on(day)
        return DateNeed(
            day=day,
            quantiles=tuple(float(v) for v in np.quantile(need, forecast.QUANTILE_LEVELS)),
            chance_enough=buffer_policies.target_probability(
                need, capacity_now=start_capacity, extra=extra
            ),
            extra=extra,
            contracted=places,
            contracted_chance=None
            if places is None
            else buffer_policies.target_probability(need, capacity_now=places, extra=extra),
        )

    requested = [(0, day) for day in target_dates(run.inputs.start, run.key.weeks)]
    dates = tuple(date_need(extra, day) for extra, day in [*requested, *goals])
    outcomes = buffer_policies.compare(
        occupancy, start_occupancy=start, start_capacity=start_capacity,
        policies=buffer_policies.policies_for(
            national=index is None, order_percentile=order_percentile
        ),
    )  # fmt: skip
    return Outlook(
        run=run,
        province_index=index,
        scope_name=province or "Nederland",
        policy=policy,
        start_occupancy=start,
        start_capacity=start_capacity,
        start_need=start_need,
        capacity_source=CAPACITY_ASSUMED if capacity is None else capacity_source,
        occupancy=with_start_column(forecast.quantiles(occupancy), start),
        need=with_start_column(forecast.quantiles(need_paths), start_need),
        holders=with_start_column(run.holders, run.inputs.status_holders)
        if index is None
        else None,
        dates=dates,
        buffers=tuple(summarise(o) for o in outcomes),
        start_note=START_NOTE_REGISTER if run.from_register else bundle_note_of(run, bundle_note),
    )


OLD_START_WEEKS = 8
"""A start counted longer before the first forecast week than a delivery stays valid
(``DATA_VALID_WEEKS`` plus a few weeks of publication delay) is said to be old."""


def bundle_note_of(run: Run, note: str) -> str:
    """``note`` with the day the bundled start was counted, and a warning when that lies
    more than :data:`OLD_START_WEEKS` weeks before the first forecast week: a forecast "as
    of" a later day (``--tot``) knows nothing of what happened in between."""
    counted = run.inputs.start_counted
    if counted is None:
        return note
    weeks = (run.inputs.start - counted).days // 7
    text = f"{note}; bezetting geteld op {format_date_nl(counted)}"
    if weeks > OLD_START_WEEKS:
        text += (
            f", {format_int_nl(weeks)} weken vóór de eerste prognoseweek: let op, wat sindsdien "
            "gebeurde, "
            "zit niet in deze prognose"
        )
    return text


def column_mondays(first: date, weeks: int) -> tuple[date, ...]:
    """The Monday of the start and of the end of each of ``weeks`` forecast weeks."""
    return tuple(first + timedelta(weeks=w) for w in range(weeks + 1))


def with_start_column(values: FloatArray, start: float) -> FloatArray:
    """Quantiles per week with the start (the same in every path) as column 0."""
    column = np.full((values.shape[0], 1), float(start))
    result: FloatArray = np.concatenate([column, values], axis=1)
    return result


def deadline_probability(
    run: Run,
    *,
    province: str | None,
    policy: NeedPolicy,
    places: int,
    day: date,
    occupancy_now: int | None = None,
) -> float | None:
    """Share of paths in which ``places`` cover the need on ``day``; None outside the run.

    With ``occupancy_now`` (the register's) every path is scaled so that it starts there; a
    run that already starts from the register (``RunKey.start``) is scaled by 1.
    """
    week = run.week_of(day)
    if week is None:
        return None
    index = None if province is None else province_index(run.inputs, province)
    occupancy = run.scope_occupancy(index)[:, week]
    if occupancy_now is not None:
        start = run.scope_start(index)
        occupancy = np.rint(occupancy * (occupancy_now / max(start, 1))).astype(np.int64)
    applies = policy.for_scope(national=index is None)  # rounded on the total, as later weeks
    need = applies.need(occupancy)
    return buffer_policies.target_probability(need, capacity_now=places, extra=0)


@dataclass(frozen=True, slots=True)
class TargetChance:
    """A target and the chance its places, on top of today's capacity, cover the need then;
    and, as on the target dates, on top of the places still contracted on the deadline.

    ``chance`` is None when it cannot be computed; ``note`` then says why (in Dutch).
    """

    target: Target
    capacity_now: int | None
    chance: float | None
    note: str
    contracted: int | None = None
    """Places open on the deadline if no contract is extended; None without a register."""
    contracted_chance: float | None = None
    """The chance that ``contracted`` plus the target's places cover the need then."""


def target_chance(
    run: Run,
    target: Target,
    *,
    province: str | None,
    policy: NeedPolicy,
    register: tuple[int, int] | None,
    contracted: ContractedCapacity | None = None,
) -> TargetChance:
    """The chance a target in places is enough by its deadline (the one computation for the
    Prognose page, its API and command, and the agreements linked to a target).

    ``register`` is the scope's (capacity, occupancy) in the week's register: the target adds
    its places to that capacity, and the paths are scaled to start at that occupancy. Targets
    in locations have no number of places, and a deadline outside the forecast has no paths:
    both say so instead of a number.
    """
    if target.unit != "places":
        capacity = None if register is None else register[0]
        return TargetChance(target, capacity, None, "doel in locaties, niet in plekken")
    if register is None:
        return TargetChance(target, None, None, "geen gegevens over de capaciteit")
    capacity, occupancy = register

    def chance(places: int) -> float | None:
        return deadline_probability(
            run, province=province, policy=policy, places=places + target.quantity,
            day=target.deadline, occupancy_now=occupancy,
        )  # fmt: skip

    now = chance(capacity)
    if now is None:
        return TargetChance(target, capacity, None, "deadline buiten de prognose")
    open_then = None if contracted is None else contracted.on(target.deadline)
    return TargetChance(
        target, capacity, now, "", contracted=open_then,
        contracted_chance=None if open_then is None else chance(open_then),
    )  # fmt: skip


def threshold_probability(
    run: Run, *, measure: str, province: str | None, threshold: int, at_least: bool, day: date
) -> float | None:
    """Share of paths in which ``measure`` on ``day`` is at least (or at most) ``threshold``.

    ``measure`` is "bezetting" (occupancy of the scope) or "vergunninghouders" (national
    status holders in reception; None for a province). None outside the run.
    """
    week = run.week_of(day)
    if week is None:
        return None
    if measure == "vergunninghouders":
        if province is not None:
            return None
        values: IntArray = run.holder_paths[:, week].astype(np.int64)
    else:
        index = None if province is None else province_index(run.inputs, province)
        values = run.scope_occupancy(index)[:, week]
    hits = values >= threshold if at_least else values <= threshold
    return float(np.mean(hits))
