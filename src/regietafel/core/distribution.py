"""Distributing a number (extra reception places, homes) over provinces or municipalities.

Without existing capacity, every unit gets its share of the total by its weight (inhabitants
or a user's key), rounded with an apportionment method.

With existing capacity credited, the fair share is computed on the *grand total*
(existing + extra): ``fair_i = weight_i / total_weight x (existing_total + extra)``. The extra
places then go only to units below their fair share, by "filling up to one level": there is
one level L (places per unit of weight) such that every unit below it is raised to it,
``extra_i = max(0, L x weight_i - existing_i)``, and these fractional amounts sum exactly to
the extra places. Units already above their fair share get nothing; units furthest below
get the most. The fractional amounts are the quota, rounded with the chosen method.
This is the principle the Spreidingswet of 2024 used for reception places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from regietafel.core.apportionment import ApportionmentError, Method, apportion


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    weight: Fraction
    existing: int = 0


@dataclass(frozen=True, slots=True)
class DistributionRow:
    code: str
    name: str
    weight: Fraction
    weight_share: float
    quota: float
    allocation: int
    existing: int | None
    fair_share: float | None

    @property
    def after(self) -> int:
        return (self.existing or 0) + self.allocation

    @property
    def below_fair_share(self) -> float | None:
        """Places short of the fair share before this distribution (negative: above it)."""
        return None if self.fair_share is None else self.fair_share - (self.existing or 0)


@dataclass(frozen=True, slots=True)
class DistributionResult:
    total: int
    method: Method
    credit_existing: bool
    rows: tuple[DistributionRow, ...]
    level: float | None = None


class DistributionError(ValueError):
    """The distribution cannot be made; the message is Dutch."""


def distribute(
    units: Sequence[Unit],
    total: int,
    *,
    method: Method = Method.HAMILTON,
    credit_existing: bool = False,
    minimum: int | Sequence[int] | None = None,
    maximum: int | Sequence[int] | None = None,
) -> DistributionResult:
    """Distribute ``total`` over ``units``; see the module docstring for the method."""
    if not units:
        raise DistributionError("er zijn geen eenheden om over te verdelen")
    if any(u.weight < 0 for u in units):
        raise DistributionError("een gewicht mag niet negatief zijn")
    if any(u.existing < 0 for u in units):
        raise DistributionError("een bestaand aantal mag niet negatief zijn")
    weight_sum = sum((u.weight for u in units), Fraction(0))
    if weight_sum == 0:
        raise DistributionError("de gewichten zijn samen nul")

    level: Fraction | None = None
    if credit_existing:
        level = fill_level([u.weight for u in units], [u.existing for u in units], total)
        quotas = [max(Fraction(0), level * u.weight - u.existing) for u in units]
        grand_total = sum(u.existing for u in units) + total
        fair = [float(u.weight * grand_total / weight_sum) for u in units]
    else:
        quotas = [u.weight * total / weight_sum for u in units]
        fair = [0.0] * len(units)
    try:
        if sum(quotas) == 0:
            seats = [0] * len(units)
        else:
            seats = apportion(
                quotas, total, method=method, minimum=minimum, maximum=maximum
            ).seats.tolist()
    except ApportionmentError as error:
        raise DistributionError(str(error)) from error
    rows = tuple(
        DistributionRow(
            code=u.code,
            name=u.name,
            weight=u.weight,
            weight_share=float(u.weight / weight_sum),
            quota=float(quotas[i]),
            allocation=int(seats[i]),
            existing=u.existing if credit_existing else None,
            fair_share=fair[i] if credit_existing else None,
        )
        for i, u in enumerate(units)
    )
    return DistributionResult(
        total=total,
        method=method,
        credit_existing=credit_existing,
        rows=rows,
        level=float(level) if level is not None else None,
    )


def fill_level(weights: Sequence[Fraction], existing: Sequence[int], extra: int) -> Fraction:
    """The level L with sum(max(0, L*w - e)) == extra, exactly (units of zero weight excluded).

    Units enter in the order of their current level e/w; each entry lowers nothing, so the
    first candidate level that stays below the next unit's current level is the answer.
    """
    order = sorted(
        (i for i in range(len(weights)) if weights[i] > 0),
        key=lambda i: Fraction(existing[i]) / weights[i],
    )
    if not order:
        raise DistributionError("de gewichten zijn samen nul")
    pooled_weight = Fraction(0)
    pooled_existing = Fraction(0)
    level = Fraction(0)
    for position, i in enumerate(order):
        pooled_weight += weights[i]
        pooled_existing += existing[i]
        level = (extra + pooled_existing) / pooled_weight
        following = order[position + 1] if position + 1 < len(order) else None
        if following is None or level <= Fraction(existing[following]) / weights[following]:
            return level
    return level


@dataclass(frozen=True, slots=True)
class KeyComparison:
    """One unit under two keys side by side: who gains and who loses."""

    code: str
    name: str
    allocation_a: int
    allocation_b: int

    @property
    def difference(self) -> int:
        return self.allocation_b - self.allocation_a


def compare(a: DistributionResult, b: DistributionResult) -> tuple[KeyComparison, ...]:
    """Pair two distributions of the same units (same order) for a side-by-side view."""
    if [r.code for r in a.rows] != [r.code for r in b.rows]:
        raise DistributionError("de twee verdelingen gaan niet over dezelfde eenheden")
    return tuple(
        KeyComparison(ra.code, ra.name, ra.allocation, rb.allocation)
        for ra, rb in zip(a.rows, b.rows, strict=True)
    )


def split_allocations(
    allocations: Sequence[int], share: Fraction, *, method: Method = Method.HAMILTON
) -> list[tuple[int, int]]:
    """Split every allocation into (part, rest), e.g. the AMV places within each municipality.

    The parts together are ``share`` of the total, rounded half up to a whole number, and
    are apportioned over the units in proportion to their allocations with at most the
    allocation per unit, so ``part + rest == allocation`` everywhere and both columns add
    up exactly.
    """
    if not 0 <= share <= 1:
        raise DistributionError("een aandeel ligt tussen 0 en 100 procent")
    if any(a < 0 for a in allocations):
        raise DistributionError("een toewijzing kan niet negatief zijn")
    total = sum(allocations)
    part_total = int(share * total + Fraction(1, 2))
    if part_total == 0:
        return [(0, a) for a in allocations]
    try:
        parts = apportion(
            list(allocations), part_total, method=method, maximum=list(allocations)
        ).seats.tolist()
    except ApportionmentError as error:
        raise DistributionError(str(error)) from error
    return [(int(p), a - int(p)) for p, a in zip(parts, allocations, strict=True)]
