"""Buffer policies compared over the forecast paths: shortage, empty places, churn and cost.

Each policy sets a capacity target every week from the occupancy it can see; places ordered
then become available after a lead time, in blocks (a location is not opened one bed at a
time). Capacity in week ``t`` therefore follows the target computed from the occupancy of week
``t - lead - 1`` (the latest known when the order was placed). The policies:

- **fixed buffer** (+417): target = occupancy + 417;
- **fixed percentage**: target = occupancy × (1 + p);
- **occupancy rate** (96 %): target = occupancy ÷ 0.96;
- **order-up-to**: target = occupancy × the chosen percentile of the growth of occupancy over
  the lead time, taken from the paths themselves (the forecast's own spread);
- **open/close with hysteresis**: open when occupancy passes ``open_at`` of capacity, up to
  occupancy ÷ ``keep_at``; close only below ``close_at`` of capacity and only when the last
  opening is at least ``min_weeks`` old (the minimum contract length).

Per policy over all paths: expected short person-weeks (occupancy above capacity), the
probability of at least one short week, expected empty place-weeks, openings and closings
(weeks with an increase or decrease), and cost: every place at the regular cost, every person
short at the emergency cost (COA 2022: about €27,100 and €53,400 per resident per year).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from regietafel.core.forecast import FloatArray, IntArray, Parameter

WEEKS_PER_YEAR = 52.0

COST_REGULAR = Parameter(
    "kosten reguliere plek per jaar (EUR)", 27_100,
    "COA 2022: gemiddelde kosten per bewoner in reguliere opvang (COA-nieuwsbericht "
    "\"Noodopvang twee keer zo duur als normale opvang\", coa.nl)",
)  # fmt: skip
COST_EMERGENCY = Parameter(
    "kosten (crisis)noodopvang per persoon per jaar (EUR)", 53_400,
    "COA 2022: kosten per bewoner in (crisis)noodopvang (COA-nieuwsbericht "
    "\"Noodopvang twee keer zo duur als normale opvang\", coa.nl)",
)  # fmt: skip
LEAD_WEEKS = Parameter(
    "levertijd nieuwe plekken (weken)", 13,
    "aanname: een kwartaal; COA-punten 2021-2022 noemen 4 weken tot 6 maanden",
)  # fmt: skip
BLOCK = Parameter(
    "blokgrootte opening/sluiting (plekken)", 250,
    "aanname: een middelgrote locatie (COA-locaties 2020-2022: 50 tot 2.000 plekken)",
)  # fmt: skip


class PolicyKind(StrEnum):
    FIXED = "vast"
    PERCENTAGE = "percentage"
    RATE = "bezettingsgraad"
    ORDER_UP_TO = "bestellen-tot"
    HYSTERESIS = "hysterese"


@dataclass(frozen=True, slots=True)
class CapacityPolicy:
    """A rule for capacity. ``amount``: buffer, percentage, rate or percentile, per kind."""

    key: str
    label: str
    kind: PolicyKind
    amount: float
    open_at: float = 0.96
    close_at: float = 0.85
    keep_at: float = 0.92
    min_weeks: int = 26

    @property
    def national_only(self) -> bool:
        """A fixed number of places (the 417) is a national buffer: in one province it would
        claim the whole national reserve there (as ``NeedPolicy.national_only``)."""
        return self.kind is PolicyKind.FIXED


DEFAULT_POLICIES: tuple[CapacityPolicy, ...] = (
    CapacityPolicy("vast-417", "vaste buffer +417", PolicyKind.FIXED, 417),
    CapacityPolicy("percentage-7", "vaste buffer 7\u00a0%", PolicyKind.PERCENTAGE, 0.07),
    CapacityPolicy("bezetting-96", "bezettingsgraad 96\u00a0%", PolicyKind.RATE, 0.96),
    CapacityPolicy("bestellen-p90", "bestellen tot 90e percentiel", PolicyKind.ORDER_UP_TO, 0.90),
    CapacityPolicy(
        "hysterese",
        "openen > 96\u00a0%, sluiten < 85\u00a0% (min. 26 weken)",
        PolicyKind.HYSTERESIS,
        0,
    ),
)
"""The policies the LRT weighs. The 7 % is COA's 2019 reserve: 2,000 on about 27,000."""


DEFAULT_ORDER_PERCENTILE = 0.90
ORDER_PERCENTILE_RANGE = (0.50, 0.99)
"""The percentiles a user may choose for the order-up-to policy (the issue: "a chosen
percentile"); 90 unless chosen."""


def order_up_to(percentile: float) -> CapacityPolicy:
    """Order up to the ``percentile`` of occupancy growth over the lead time."""
    low, high = ORDER_PERCENTILE_RANGE
    if not low <= percentile <= high:
        raise ValueError(
            f"het percentiel voor bestellen ligt tussen {round(low * 100)} en {round(high * 100)}"
        )
    shown = round(percentile * 100)
    return CapacityPolicy(
        f"bestellen-p{shown}", f"bestellen tot {shown}e percentiel", PolicyKind.ORDER_UP_TO,
        percentile,
    )  # fmt: skip


def policies_for(
    *, national: bool, order_percentile: float = DEFAULT_ORDER_PERCENTILE
) -> tuple[CapacityPolicy, ...]:
    """The policies compared for a scope: in a province without the national-only ones,
    with the order-up-to policy at the chosen percentile."""
    chosen = tuple(
        order_up_to(order_percentile) if p.kind is PolicyKind.ORDER_UP_TO else p
        for p in DEFAULT_POLICIES
    )
    return tuple(p for p in chosen if national or not p.national_only)


@dataclass(frozen=True, slots=True)
class PolicyOutcome:
    policy: CapacityPolicy
    short_person_weeks: float
    p_short_week: float
    empty_place_weeks: float
    openings: float
    closings: float
    cost_million: float
    capacity: IntArray  # (paths, weeks)


def growth_factor(occupancy: IntArray, start: int, lead: int, percentile: float) -> float:
    """The ``percentile`` of occupancy growth over ``lead + 1`` weeks, over paths and weeks."""
    full = np.concatenate([np.full((occupancy.shape[0], 1), start), occupancy], axis=1)
    step = lead + 1
    if full.shape[1] <= step:
        return 1.0
    ratio = full[:, step:] / np.maximum(full[:, :-step], 1)
    return float(np.quantile(ratio, percentile))


def capacity_paths(
    policy: CapacityPolicy,
    occupancy: IntArray,
    *,
    start_occupancy: int,
    start_capacity: int,
    lead: int = int(LEAD_WEEKS.value),
    block: int = int(BLOCK.value),
) -> IntArray:
    """Capacity per path and week under ``policy`` (vectorised over paths)."""
    paths, weeks = occupancy.shape
    seen = np.concatenate(
        [np.full((paths, lead + 1), start_occupancy, dtype=np.int64), occupancy], axis=1
    )
    growth = (
        growth_factor(occupancy, start_occupancy, lead, policy.amount)
        if policy.kind is PolicyKind.ORDER_UP_TO
        else 1.0
    )
    capacity = np.full(paths, start_capacity, dtype=np.int64)
    last_opening = np.full(paths, -(10**6), dtype=np.int64)
    out = np.empty((paths, weeks), dtype=np.int64)
    for week in range(weeks):
        observed = seen[:, week].astype(np.float64)  # occupancy of week - lead - 1
        if policy.kind is PolicyKind.HYSTERESIS:
            wanted = np.ceil(observed / policy.keep_at)
            opening = observed > capacity * policy.open_at
            closing = (observed < capacity * policy.close_at) & (
                week - last_opening >= policy.min_weeks
            )
            target = np.where(opening | closing, wanted, capacity)
        else:
            target = _target(policy, observed, growth)
        up = np.where(target > capacity, np.ceil((target - capacity) / block) * block, 0)
        down = np.where(target < capacity - block, np.floor((capacity - target) / block) * block, 0)
        change = (up - down).astype(np.int64)
        last_opening = np.where(change > 0, week, last_opening)
        capacity = np.maximum(capacity + change, 0)
        out[:, week] = capacity
    return out


def _target(policy: CapacityPolicy, observed: FloatArray, growth: float) -> FloatArray:
    if policy.kind is PolicyKind.FIXED:
        return observed + policy.amount
    if policy.kind is PolicyKind.PERCENTAGE:
        factor = 1 + policy.amount
    elif policy.kind is PolicyKind.RATE:
        factor = 1 / policy.amount
    else:
        factor = growth
    result: FloatArray = np.ceil(observed * factor - 1e-9)
    return result


def evaluate(
    policy: CapacityPolicy,
    occupancy: IntArray,
    *,
    start_occupancy: int,
    start_capacity: int,
    lead: int = int(LEAD_WEEKS.value),
    block: int = int(BLOCK.value),
    cost_regular: float = COST_REGULAR.value,
    cost_emergency: float = COST_EMERGENCY.value,
) -> PolicyOutcome:
    capacity = capacity_paths(
        policy, occupancy, start_occupancy=start_occupancy, start_capacity=start_capacity,
        lead=lead, block=block,
    )  # fmt: skip
    short = np.maximum(occupancy - capacity, 0)
    empty = np.maximum(capacity - occupancy, 0)
    previous = np.concatenate(
        [np.full((capacity.shape[0], 1), start_capacity, dtype=np.int64), capacity[:, :-1]],
        axis=1,
    )
    change = capacity - previous
    cost = (
        capacity.sum(axis=1) * cost_regular + short.sum(axis=1) * cost_emergency
    ) / WEEKS_PER_YEAR
    return PolicyOutcome(
        policy=policy,
        short_person_weeks=float(short.sum(axis=1).mean()),
        p_short_week=float((short > 0).any(axis=1).mean()),
        empty_place_weeks=float(empty.sum(axis=1).mean()),
        openings=float((change > 0).sum(axis=1).mean()),
        closings=float((change < 0).sum(axis=1).mean()),
        cost_million=float(cost.mean()) / 1e6,
        capacity=capacity,
    )


def compare(
    occupancy: IntArray,
    *,
    start_occupancy: int,
    start_capacity: int,
    policies: Sequence[CapacityPolicy] = DEFAULT_POLICIES,
) -> tuple[PolicyOutcome, ...]:
    return tuple(
        evaluate(p, occupancy, start_occupancy=start_occupancy, start_capacity=start_capacity)
        for p in policies
    )


def target_probability(
    need: npt.NDArray[np.float64] | IntArray, *, capacity_now: int, extra: int
) -> float:
    """Share of paths in which ``capacity_now + extra`` places cover the need on the date."""
    return float(np.mean(np.asarray(need) <= capacity_now + extra))
