"""The straightforward per-path, per-week loop that the vectorised forecast must equal.

Kept deliberately plain: Python integers and floats, one path at a time, the model's rules
written out in the order the module docstring of ``regietafel.core.forecast`` states them.
It takes the same random draws, so with the same seed it must give the same numbers.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from regietafel.core.forecast import SHARE_DRIFT_WEEKS, Draws, ModelInputs, Scenario


def simulate_loop(
    inputs: ModelInputs, scenario: Scenario, draws: Draws, weeks: int
) -> dict[str, npt.NDArray[Any]]:
    paths = draws.level.shape[0]
    season = inputs.seasonal_by_week(weeks)
    level_sigma = inputs.level_sigma * scenario.level_uncertainty
    noise_sigma = inputs.noise_sigma * scenario.noise_uncertainty
    housing_sigma = inputs.housing_sigma * scenario.noise_uncertainty
    base = (
        inputs.inflow_level if scenario.inflow_per_year is None else scenario.inflow_per_year / 52
    )
    log_start = math.log(base * scenario.inflow_factor)
    pace = inputs.housing_pace * scenario.housing_factor
    share_in = inputs.share_first + inputs.share_repeat
    lead = inputs.decision_weeks
    pipeline_start, rejected_start = inputs.initial_split()
    names = ("inflow", "housed", "departed", "status_holders", "occupancy")
    out: dict[str, npt.NDArray[Any]] = {
        name: np.zeros((paths, weeks), dtype=np.int64) for name in names
    }
    provinces = np.zeros((paths, weeks, len(inputs.province_shares)))
    for p in range(paths):
        extra = pipeline_start % lead
        pipe = [pipeline_start // lead + (1 if i < extra else 0) for i in range(lead)]
        rejected, holders = rejected_start, inputs.status_holders
        walk = 0.0
        for w in range(weeks):
            walk += level_sigma * float(draws.level[p, w])
            noise = noise_sigma * float(draws.noise[p, w])
            inflow = round(float(np.exp(log_start + walk + noise)) * float(season[w]))
            entering = round(inflow * share_in)
            nareizigers = inflow - entering
            capacity = round(pace * float(np.exp(housing_sigma * float(draws.housing[p, w]))))
            decided = pipe[w % lead]
            pipe[w % lead] = entering
            recognised = round(decided * inputs.recognition_share)
            departed = round(rejected * inputs.departure_rate)
            rejected = rejected + decided - recognised - departed
            holders = holders + recognised
            housed = min(holders, max(capacity - nareizigers, 0))
            holders -= housed
            occupancy = sum(pipe) + rejected + holders
            for name, value in zip(
                names, (inflow, housed, departed, holders, occupancy), strict=True
            ):
                out[name][p, w] = value
            rest = 1.0 - min((w + 1) / SHARE_DRIFT_WEEKS, 1.0)
            weight = 1.0 - rest * rest
            for k in range(provinces.shape[2]):
                base = float(inputs.province_shares[k])
                share = base + (float(draws.shares[p, k]) - base) * weight
                provinces[p, w, k] = occupancy * share
    out["provinces"] = provinces
    return out
