"""LRT targets ("600 extra plaatsen vóór 1 december") and how far the register has come.

Progress is derived from the location register, never typed in, so a target cannot be
reported as met while the places are not in the register.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from regietafel.core.capacity import Location
from regietafel.core.rules import NeedCategory, TargetStatus

TargetUnit = Literal["places", "locations"]
UNIT_LABELS: dict[TargetUnit, str] = {"places": "plaatsen", "locations": "locaties"}
"""How a target's unit reads (one word for every surface)."""


@dataclass(frozen=True)
class Target:
    """An agreed number of extra places or locations between ``start`` and ``deadline``.

    Locations count when they open after ``start`` and on or before ``deadline`` (both
    dates as agreed; "vóór 1 december" is entered as deadline 30 November).
    ``quantity_max`` records a range such as "6 à 7 locaties"; the target is met at
    ``quantity``. ``province_code`` None means a national target.
    """

    id: str
    title: str
    category: NeedCategory
    unit: TargetUnit
    quantity: int
    start: date
    deadline: date
    quantity_max: int | None = None
    province_code: str | None = None
    agreed_on: date | None = None
    """The day the table agreed it; None: its ``start`` (the 1.200 places counting from
    1 December 2021 were agreed on 15 November)."""

    def agreed_by(self, day: date) -> bool:
        """Whether the target was running on ``day``: a week before it was agreed was not
        steered by it, so its figures neither show it nor count it against the need."""
        return (self.agreed_on or self.start) <= day

    def __post_init__(self) -> None:
        problems = target_problems(
            quantity=self.quantity,
            quantity_max=self.quantity_max,
            start=self.start,
            deadline=self.deadline,
        )
        if problems:
            raise ValueError(f"{self.id}: {problems[0][1]}")


def target_problems(
    *, quantity: int, quantity_max: int | None, start: date, deadline: date
) -> list[tuple[str, str]]:
    """Every rule a target's figures break, as (field name, Dutch message).

    ``Target`` refuses the first; the form that records a target shows all of them.
    """
    problems: list[tuple[str, str]] = []
    if quantity <= 0:
        problems.append(("quantity", "het aantal moet groter dan 0 zijn"))
    if quantity_max is not None and quantity_max < quantity:
        problems.append(("quantity_max", "het maximum ligt onder het aantal"))
    if deadline <= start:
        problems.append(("deadline", "de deadline moet na de startdatum liggen"))
    return problems


@dataclass(frozen=True)
class TargetProgress:
    """A target's state on ``as_of``; ``expected_by_now`` is the straight-line path to it."""

    target: Target
    as_of: date
    achieved: int
    remaining: int
    expected_by_now: int
    status: TargetStatus


def counts_for(target: Target, location: Location, *, as_of: date) -> bool:
    """Whether the location contributes: right category and province, opened in the window."""
    return (
        location.need_category is target.category
        and target.province_code in (None, location.province_code)
        and target.start < location.start <= min(as_of, target.deadline)
    )


def target_progress(
    target: Target, locations: Iterable[Location], *, as_of: date
) -> TargetProgress:
    """Achieved, remaining and status of one target on ``as_of``.

    Met as soon as achieved >= quantity (also exactly on the deadline); late once the
    deadline has passed unmet; on track while achieved >= quantity × elapsed share of
    the period (rounded down); behind otherwise.
    """
    contributing = [loc for loc in locations if counts_for(target, loc, as_of=as_of)]
    if target.unit == "places":
        achieved = sum(loc.capacity for loc in contributing)
    else:
        achieved = len(contributing)
    total_days = (target.deadline - target.start).days
    elapsed_days = min(max((as_of - target.start).days, 0), total_days)
    expected = target.quantity * elapsed_days // total_days
    if achieved >= target.quantity:
        status = TargetStatus.MET
    elif as_of > target.deadline:
        status = TargetStatus.LATE
    elif achieved >= expected:
        status = TargetStatus.ON_TRACK
    else:
        status = TargetStatus.BEHIND
    return TargetProgress(
        target=target,
        as_of=as_of,
        achieved=achieved,
        remaining=max(0, target.quantity - achieved),
        expected_by_now=expected,
        status=status,
    )


def achieved_since(
    now: Iterable[TargetProgress], earlier: Iterable[TargetProgress] | None
) -> dict[str, int]:
    """What each target gained since an earlier week: achieved now minus achieved then, by
    target id; a target not measured then (or no earlier week) has no entry, never 0."""
    if earlier is None:
        return {}
    then = {p.target.id: p.achieved for p in earlier}
    return {p.target.id: p.achieved - then[p.target.id] for p in now if p.target.id in then}
