"""Benchmark of the forecast: 10,000 paths × 104 weeks × 12 provinces, with quantiles.

Run: ``python benchmarks/bench_forecast.py [--herhaal 5] [--lus-paden 500]``. Measures the
vectorised model (draws, simulation, quantiles of occupancy, status holders and places
needed nationally and for the 12 provinces) and, in the same run, the per-path loop kept in
the tests as the reference, on the same draws: the loop is timed on a subset of paths and
scaled linearly to 10,000 (it is strictly per path), and its paths are checked to equal the
vectorised ones. Figures go into the README; this is not a test and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.core.forecast_reference import simulate_loop  # noqa: E402

from regietafel.core import forecast  # noqa: E402
from regietafel.core.need_policy import policy_by_key  # noqa: E402
from regietafel.prognose.inputs import model_inputs  # noqa: E402

PATHS = 10_000
WEEKS = 104


def full_run(inputs: forecast.ModelInputs, scenario: forecast.Scenario) -> float:
    """Seconds for draws + simulation + all quantiles (national and 12 provinces)."""
    started = time.perf_counter()
    paths = forecast.run(inputs, scenario, paths=PATHS, weeks=WEEKS, seed=2021)
    forecast.quantiles(paths.occupancy)
    forecast.quantiles(paths.status_holders)
    forecast.quantiles(policy_by_key("coa-2023-11").need(paths.occupancy))
    forecast.province_fans(paths)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description="Meet de snelheid van de prognose.")
    parser.add_argument("--herhaal", type=int, default=5)
    parser.add_argument("--lus-paden", type=int, default=500)
    arguments = parser.parse_args()
    inputs = model_inputs()
    scenario = forecast.SCENARIOS["midden"]
    provinces = len(inputs.province_shares)
    print(f"{PATHS} paden × {WEEKS} weken × {provinces} provincies, start {inputs.start}")

    times = [full_run(inputs, scenario) for _ in range(arguments.herhaal)]
    print(
        f"volledig (trekken, simuleren, kwantielen landelijk + provincies): "
        f"mediaan {statistics.median(times):.3f} s, beste {min(times):.3f} s"
    )

    draws = forecast.draw(np.random.default_rng(1), inputs, scenario, PATHS, WEEKS)
    fast_times = []
    for _ in range(arguments.herhaal):
        started = time.perf_counter()
        fast = forecast.simulate(inputs, scenario, draws, weeks=WEEKS)
        forecast.province_values(fast)
        fast_times.append(time.perf_counter() - started)
    fast_time = statistics.median(fast_times)

    subset = arguments.lus_paden
    part = forecast.Draws(
        draws.level[:subset], draws.noise[:subset], draws.housing[:subset], draws.shares[:subset]
    )
    started = time.perf_counter()
    slow = simulate_loop(inputs, scenario, part, WEEKS)
    loop_time = (time.perf_counter() - started) * PATHS / subset
    equal = np.array_equal(slow["occupancy"], fast.occupancy[:subset]) and np.array_equal(
        slow["provinces"], forecast.province_values(fast)[:subset]
    )
    print(f"simulatie gevectoriseerd (zelfde trekkingen): mediaan {fast_time:.3f} s")
    print(f"simulatie per pad (lus, {subset} paden gemeten, ×{PATHS // subset}): {loop_time:.1f} s")
    print(f"versnelling: {loop_time / fast_time:.0f}×; uitkomsten gelijk: {equal}")
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
