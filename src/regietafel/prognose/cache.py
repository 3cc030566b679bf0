"""One per-process cache of forecast runs, shared by the Prognose page, the API, the
agreements and the weekly figures, so a run is computed once per key (no Django)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Generic, TypeVar

import numpy as np

from regietafel.core.forecast import SCENARIOS, Scenario
from regietafel.core.formatting import format_date_nl
from regietafel.core.need import ForecastGrowth
from regietafel.core.rules import Horizon
from regietafel.prognose.outlook import Run, latest_origin, run_forecast, run_key

WEB_PATHS = 10_000
"""Paths per run on the pages, the API and the weekly figures (shown on the page)."""
SEED = 2021
GROWTH_SCENARIO = "midden"
"""The weekly figures and the agreements use the middle scenario."""

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Lru(Generic[K, V]):
    """A small thread-safe least-recently-used cache; a value is computed once per key."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, compute: Callable[[], V]) -> V:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            value = compute()  # under the lock: concurrent requests wait for one run
            self._items[key] = value
            if len(self._items) > self.size:
                self._items.popitem(last=False)
            return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


RUNS: Lru[Hashable, Run] = Lru(6)


def origin_for(monday: date) -> date:
    """A forecast starts on a week's Monday, or after the bundle's last publication."""
    return min(monday, latest_origin())


def cached_run(scenario: Scenario, origin: date) -> Run:
    """The run of ``scenario`` from ``origin`` with the web's paths and seed, computed once."""
    key = run_key(scenario, origin=origin, seed=SEED, paths=WEB_PATHS)
    return RUNS.get(key, lambda: run_forecast(key))


def growth(monday: date, horizons: Sequence[Horizon]) -> ForecastGrowth:
    """The middle scenario's median growth of occupancy per horizon, from the week's Monday.

    ``ForecastError`` when no forecast can start then (nothing published yet).
    """
    run = cached_run(SCENARIOS[GROWTH_SCENARIO], origin_for(monday))
    start = max(run.inputs.occupancy, 1)
    factors = {}
    for horizon in horizons:
        week = min(horizon.weeks, run.key.weeks) - 1
        factors[horizon.name] = float(np.median(run.occupancy[:, week])) / start
    source = (
        f"prognose: groei van de mediane bezetting in scenario {GROWTH_SCENARIO} "
        f"({format_int_plain(run.key.paths)} paden, start {format_date_nl(run.inputs.start)}), "
        "toegepast op de bezetting in het locatieregister"
    )
    return ForecastGrowth(factors=factors, source=source)


def format_int_plain(value: int) -> str:
    return f"{value:,}".replace(",", ".")
