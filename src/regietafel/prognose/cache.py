"""One per-process cache of forecast runs, shared by the Prognose page, the API, the
agreements and the weekly figures, so a run is computed once per key (no Django)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from regietafel.core.bounded_cache import BoundedCache
from regietafel.core.forecast import SCENARIOS, IntArray, Scenario, deterministic, stock_on
from regietafel.core.formatting import format_date_nl
from regietafel.core.need import ForecastGrowth
from regietafel.core.rules import Horizon
from regietafel.prognose.inputs import StartState, model_inputs, with_national_start
from regietafel.prognose.outlook import Run, data_identity, latest_origin, run_forecast, run_key

WEB_PATHS = 10_000
"""Paths per run on the pages, the API and the weekly figures (shown on the page)."""
SEED = 2021
GROWTH_SCENARIO = "midden"
"""The weekly figures and the agreements use the middle scenario."""

CENTRAL_LINE_NOTE = (
    "de centrale lijn is niet de mediaan van de paden op de pagina Prognose: met onzekere "
    "instroom ligt die mediaan hoger, omdat de instroom over de weken optelt en sterker kan "
    "stijgen dan dalen"
)
"""Said wherever the central line's horizons and the fan's median meet (a report showed
46.895 and 49.974 as the long-term need of one week)."""

RUNS: BoundedCache[Run] = BoundedCache.by_count(6)


def origin_for(monday: date) -> date:
    """A forecast starts on a week's Monday, or after the bundle's last publication."""
    return min(monday, latest_origin())


def cached_run(scenario: Scenario, origin: date, start: StartState | None = None) -> Run:
    """The run of ``scenario`` from ``origin`` with the web's paths and seed, computed once;
    from ``start`` (the register's) when given, else from the bundle's last COA point."""
    key = run_key(scenario, origin=origin, seed=SEED, paths=WEB_PATHS, start=start)
    return RUNS.value(key, lambda: run_forecast(key))


CENTRAL: BoundedCache[tuple[int, IntArray]] = BoundedCache.by_count(256)
"""The central path per start week: one deterministic path each, cheap enough to keep a year
and more of weeks (the figures' history asks every week)."""


def central_path(origin: date, start: StartState | None = None) -> tuple[int, IntArray]:
    """The start occupancy and the occupancy path of the middle scenario without randomness,
    from ``start`` (the register's national start, as the Prognose page's run) or else the
    bundle's."""

    def compute() -> tuple[int, IntArray]:
        inputs = model_inputs(origin)
        if start is not None:
            inputs = with_national_start(
                inputs, monday=start.monday, occupancy=start.occupancy,
                status_holders=start.status_holders, inflow=start.inflow, housed=start.housed,
            )  # fmt: skip
        paths = deterministic(inputs, SCENARIOS[GROWTH_SCENARIO])
        return inputs.occupancy, paths.occupancy[0]

    return CENTRAL.value((origin, start, data_identity()), compute)


def growth(
    monday: date, horizons: Sequence[Horizon], start: StartState | None = None
) -> ForecastGrowth:
    """The growth of occupancy per horizon on the central path of the middle scenario (the
    model without randomness), from the week's Monday and, given the register's national
    ``start`` (occupancy, status holders, weekly inflow, housed so far), from there: the
    start of the Prognose page's run, so the figures' projection is that run's model without
    randomness.

    The weekly figures of every week use it, and a year of history asks 52 weeks: one
    deterministic path costs milliseconds where 10,000 paths cost seconds. The Prognose page
    shows the median and bands of the full run beside it. ``ForecastError`` when no forecast
    can start then (nothing published yet).
    """
    origin = origin_for(monday)
    register = start if start is not None and start.occupancy > 0 else None
    start_occupancy, path = central_path(origin, register)
    first = max(start_occupancy, 1)
    factors = {horizon.name: stock_on(horizon.weeks_ahead, start_occupancy, path) / first
               for horizon in horizons}  # fmt: skip
    begin = (
        "de bezetting in het locatieregister"
        if register is not None
        else "het laatste COA-punt van de meegeleverde reeks"
    )
    source = (
        f"prognose: groei van de bezetting op de centrale lijn van scenario {GROWTH_SCENARIO} "
        f"(het model zonder toeval, gegevens bekend vóór {format_date_nl(origin)}, vanaf "
        f"{begin}), toegepast op de bezetting in het locatieregister; {CENTRAL_LINE_NOTE}"
    )
    weekly = tuple(float(value) / first for value in path)
    return ForecastGrowth(factors=factors, source=source, weekly=weekly)
