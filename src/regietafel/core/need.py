"""Need and gap per horizon: how many places we need, how many we will have, the difference.

Need = the need policy of the week applied to occupancy (latest for the short horizon,
projected further out): ``core.need_policy.NeedPolicy`` is the one rule; the buffer is need
minus occupancy.
Gap = need - capacity on the reference day of the horizon's last week; a positive gap is a
shortage, a negative gap a surplus. There is no forecast model yet: projections use a
documented straight-line trend so the table sees the direction without false precision.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from regietafel.core.capacity import CapacityTimeline
from regietafel.core.need_policy import NO_POLICY, NeedPolicy
from regietafel.core.rules import (
    DEFAULT_HORIZONS,
    STANDARD_LOCATION_SIZE,
    TREND_MAX_WEEKS,
    TREND_WINDOW_WEEKS,
    Horizon,
    NeedCategory,
)

CategoryCounts = Mapping[NeedCategory, int]
"""Places or people per need category; a missing category counts as 0."""


@dataclass(frozen=True)
class GapRow:
    """One horizon × category line of the reception picture for one scope.

    ``province_code`` None means national. ``gap_locations`` is set for categories with a
    standard location size (AMV, sober): the locations to find, 0 when there is no shortage.
    """

    horizon: Horizon
    category: NeedCategory
    province_code: str | None
    occupancy_used: int
    buffer: int
    need: int
    capacity: int
    gap: int
    gap_locations: int | None


def trend_projection(
    history: Sequence[tuple[date, int]], weeks_ahead: int, *, window: int = TREND_WINDOW_WEEKS
) -> int:
    """Occupancy ``weeks_ahead`` weeks after the latest observation, by a least-squares line.

    Uses the latest ``window`` observations; fewer than two give a flat projection (an empty
    history gives 0). The line is followed for at most ``TREND_MAX_WEEKS`` and stays flat
    after that (damped). Rounded to whole people and never below 0.
    """
    if weeks_ahead < 0:
        raise ValueError("een projectie kijkt vooruit, niet terug")
    if window < 2:
        raise ValueError("een trend heeft minstens twee waarnemingen nodig")
    observations = sorted(history)
    if len({day for day, _ in observations}) != len(observations):
        raise ValueError("de reeks bevat een datum twee keer")
    if any(value < 0 for _, value in observations):
        raise ValueError("bezetting kan niet negatief zijn")
    recent = observations[-window:]
    if not recent:
        return 0
    if len(recent) == 1:
        return recent[0][1]
    last_day = recent[-1][0]
    weeks = np.array([(day - last_day).days / 7 for day, _ in recent])
    values = np.array([value for _, value in recent], dtype=np.float64)
    slope, intercept = np.polyfit(weeks, values, 1)
    projected = float(intercept + slope * min(weeks_ahead, TREND_MAX_WEEKS))
    return max(0, math.floor(projected + 0.5))


def projected_occupancy(
    history: Mapping[NeedCategory, Sequence[tuple[date, int]]],
    horizons: Sequence[Horizon] = DEFAULT_HORIZONS,
) -> dict[str, dict[NeedCategory, int]]:
    """Trend projections per horizon name and category, for ``need_and_gap(projected=...)``."""
    return {
        horizon.name: {
            category: trend_projection(history.get(category, ()), horizon.weeks_ahead)
            for category in NeedCategory
        }
        for horizon in horizons
    }


@dataclass(frozen=True)
class ForecastGrowth:
    """Growth of occupancy per horizon name from the forecast's median, with its source.

    ``factors[name]`` is the forecast's occupancy on the horizon's peildatum
    (``Horizon.weeks_ahead`` weeks after the start, the day capacity is read) divided by the
    occupancy at the start; the register's occupancy is scaled by it, so the forecast
    supplies the direction and size of change and the register the level.
    """

    factors: Mapping[str, float]
    source: str
    weekly: tuple[float, ...] = ()
    """The same growth for every week ahead: ``weekly[i]`` is the occupancy at the end of
    forecast week ``i`` divided by the occupancy at the start (empty: not known)."""


def forecast_projection(
    occupancy: Mapping[NeedCategory, int],
    growth: ForecastGrowth,
    horizons: Sequence[Horizon] = DEFAULT_HORIZONS,
) -> dict[str, dict[NeedCategory, int]]:
    """Occupancy per horizon name and category: today's occupancy × the forecast's growth.

    A horizon the forecast does not reach keeps today's occupancy (factor 1).
    """
    return {
        horizon.name: {
            category: max(
                0, math.floor(occupancy.get(category, 0) * growth.factors.get(horizon.name, 1.0)
                              + 0.5)
            )
            for category in NeedCategory
        }
        for horizon in horizons
    }  # fmt: skip


def buffer_places(
    occupancy: int, category: NeedCategory, policy: NeedPolicy, *, national: bool = True
) -> int:
    """Places on top of occupancy for one category of one scope, by the policy's one rule
    (``NeedPolicy.buffer_places``: a fixed buffer only nationally and for regular reception)."""
    return policy.buffer_places(
        occupancy, regular=category is NeedCategory.REGULAR, national=national
    )


def kind_need(occupancy: int, category: NeedCategory, policy: NeedPolicy, *, national: bool) -> int:
    """Places one kind of reception needs: its occupancy plus its buffer (rounded up)."""
    return occupancy + buffer_places(occupancy, category, policy, national=national)


def need_now(occupancy: Mapping[NeedCategory, int], policy: NeedPolicy, *, national: bool) -> int:
    """Places needed for today's occupancy: :func:`kind_need` over every kind (a fixed buffer
    counts on regular reception even when nobody is in it). The weekly figures' need on the
    short horizon (``behoefte_kort``, which uses today's occupancy) and the forecast's need at
    its start: one number."""
    return sum(
        kind_need(occupancy.get(category, 0), category, policy, national=national)
        for category in NeedCategory
    )


def capacity_at_horizons(
    timeline: CapacityTimeline,
    horizons: Sequence[Horizon] = DEFAULT_HORIZONS,
    *,
    province_code: str | None = None,
) -> dict[str, dict[NeedCategory, int]]:
    """Capacity per horizon name and category, read in the horizon's last week (index weeks-1)."""
    per_category = timeline.by_category(province_code)
    result = {}
    for horizon in horizons:
        if horizon.weeks > len(timeline.week_starts):
            raise ValueError(f"de tijdlijn is korter dan de {horizon.label}")
        result[horizon.name] = {
            category: int(places[horizon.weeks_ahead]) for category, places in per_category.items()
        }
    return result


def need_and_gap(
    *,
    occupancy: CategoryCounts,
    capacity: Mapping[str, CategoryCounts],
    policy: NeedPolicy = NO_POLICY,
    projected: Mapping[str, CategoryCounts] | None = None,
    horizons: Sequence[Horizon] = DEFAULT_HORIZONS,
    province_code: str | None = None,
) -> tuple[GapRow, ...]:
    """The gap rows of one scope, ordered by horizon then category.

    ``capacity`` and ``projected`` are keyed by horizon name (see ``capacity_at_horizons``
    and ``projected_occupancy``). Without ``projected`` every horizon uses the latest
    occupancy (a flat trend). ``province_code`` set means a province: a fixed (national)
    buffer does not apply there.
    """
    rows = []
    for horizon in horizons:
        if horizon.name not in capacity:
            raise ValueError(f"geen capaciteit opgegeven voor de {horizon.label}")
        if projected is not None and horizon.use_projection and horizon.name not in projected:
            raise ValueError(f"geen projectie opgegeven voor de {horizon.label}")
        for category in NeedCategory:
            if projected is not None and horizon.use_projection:
                used = projected[horizon.name].get(category, 0)
            else:
                used = occupancy.get(category, 0)
            need = kind_need(used, category, policy, national=province_code is None)
            places = capacity[horizon.name].get(category, 0)
            gap = need - places
            size = STANDARD_LOCATION_SIZE.get(category)
            rows.append(
                GapRow(
                    horizon=horizon,
                    category=category,
                    province_code=province_code,
                    occupancy_used=used,
                    buffer=need - used,
                    need=need,
                    capacity=places,
                    gap=gap,
                    gap_locations=None if size is None else max(0, -(-gap // size)),
                )
            )
    return tuple(rows)


def _sum_counts(parts: Sequence[CategoryCounts]) -> dict[NeedCategory, int]:
    return {category: sum(part.get(category, 0) for part in parts) for category in NeedCategory}


def need_and_gap_by_province(
    *,
    occupancy: Mapping[str, CategoryCounts],
    timeline: CapacityTimeline,
    policy: NeedPolicy = NO_POLICY,
    projected: Mapping[str, Mapping[str, CategoryCounts]] | None = None,
    horizons: Sequence[Horizon] = DEFAULT_HORIZONS,
) -> dict[str | None, tuple[GapRow, ...]]:
    """Gap rows for every province and nationally (key None) from one set of figures.

    National occupancy, projection and capacity are the sums of the provinces', so those
    columns add up exactly. Buffers do not: each province rounds its rate or percentage up on
    its own and gets no part of a fixed (national) buffer, so the national buffer lies between
    (sum of province buffers - number of provinces + 1 + fixed) and (sum + fixed).
    ``projected`` is keyed by province code, then horizon name.
    """
    provinces = sorted(set(occupancy) | set(timeline.by_province))
    result: dict[str | None, tuple[GapRow, ...]] = {}
    for code in provinces:
        result[code] = need_and_gap(
            occupancy=occupancy.get(code, {}),
            capacity=capacity_at_horizons(timeline, horizons, province_code=code),
            policy=policy,
            projected=None if projected is None else projected.get(code, {}),
            horizons=horizons,
            province_code=code,
        )
    national_projection = None
    if projected is not None:
        national_projection = {
            horizon.name: _sum_counts(
                [projected.get(code, {}).get(horizon.name, {}) for code in provinces]
            )
            for horizon in horizons
        }
    result[None] = need_and_gap(
        occupancy=_sum_counts([occupancy.get(code, {}) for code in provinces]),
        capacity=capacity_at_horizons(timeline, horizons),
        policy=policy,
        projected=national_projection,
        horizons=horizons,
    )
    return result


def need_by_week(rows: Sequence[GapRow], weeks: int) -> list[int]:
    """The total need (all categories) per week as a step line for charts and tables.

    Week ``i`` (0-based) takes the need of the shortest horizon that still covers it
    (``i < horizon.weeks``); beyond the longest horizon the longest one's need holds.
    """
    per_horizon: dict[Horizon, int] = {}
    for row in rows:
        per_horizon[row.horizon] = per_horizon.get(row.horizon, 0) + row.need
    ordered = sorted(per_horizon.items(), key=lambda item: item[0].weeks)
    if not ordered:
        return [0] * weeks
    line = []
    for index in range(weeks):
        covering = next((need for h, need in ordered if index < h.weeks), ordered[-1][1])
        line.append(covering)
    return line
