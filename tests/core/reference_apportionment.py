"""The exact apportionment engine as it was before the integer fast path: the test reference.

A verbatim copy of ``regietafel.core.apportionment`` (Fraction for every weight), kept so the
fast engine can be compared with it on random inputs. Do not optimise this file.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from regietafel.core.formatting import format_int_nl

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


class Method(StrEnum):
    """The apportionment methods; the values are the names used on the CLI."""

    HAMILTON = "hamilton"
    DHONDT = "dhondt"
    SAINTE_LAGUE = "sainte-lague"
    HUNTINGTON_HILL = "huntington-hill"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Method.HAMILTON: "grootste overschot (Hamilton)",
    Method.DHONDT: "grootste gemiddelden (D'Hondt)",
    Method.SAINTE_LAGUE: "Sainte-Laguë",
    Method.HUNTINGTON_HILL: "Huntington-Hill",
}


class ApportionmentError(ValueError):
    """The input cannot be apportioned (negative weights, infeasible bounds, ...)."""


@dataclass(frozen=True)
class UnitFairness:
    """How far one unit's whole number lies from its exact share."""

    index: int
    quota: float
    seats: int
    deviation: float
    lower_quota: int
    upper_quota: int

    @property
    def satisfies_quota(self) -> bool:
        """The quota rule: seats equal the exact share rounded down or up."""
        return self.lower_quota <= self.seats <= self.upper_quota


@dataclass(frozen=True)
class Apportionment:
    """The outcome: whole seats per unit next to the exact quota they came from."""

    seats: IntArray
    quota: FloatArray
    total: int
    method: Method

    def fairness(self) -> list[UnitFairness]:
        floors = np.floor(self.quota + 1e-9).astype(np.int64)
        ceils = np.ceil(self.quota - 1e-9).astype(np.int64)
        return [
            UnitFairness(
                index=i,
                quota=float(self.quota[i]),
                seats=int(self.seats[i]),
                deviation=float(self.seats[i] - self.quota[i]),
                lower_quota=int(floors[i]),
                upper_quota=int(ceils[i]),
            )
            for i in range(len(self.seats))
        ]

    @property
    def satisfies_quota(self) -> bool:
        return all(unit.satisfies_quota for unit in self.fairness())


def apportion(
    weights: Sequence[int] | Sequence[float] | Sequence[Fraction] | npt.NDArray[np.generic],
    total: int,
    *,
    method: Method = Method.HAMILTON,
    minimum: Sequence[int] | IntArray | int | None = None,
    maximum: Sequence[int] | IntArray | int | None = None,
) -> Apportionment:
    """Divide ``total`` over units in proportion to ``weights``.

    ``minimum`` and ``maximum`` bound each unit's result (a single number
    applies to every unit). Units pinned at a bound are taken out and the rest
    is apportioned again over the others, so the sum stays exactly ``total``.
    """
    exact = _exact_weights(weights)
    n = len(exact)
    if isinstance(total, bool) or not isinstance(total, int | np.integer):
        raise ApportionmentError("het totaal moet een geheel getal zijn")
    total = int(total)
    if total < 0:
        raise ApportionmentError("het totaal mag niet negatief zijn")
    if n == 0:
        if total:
            raise ApportionmentError("er zijn geen eenheden om over te verdelen")
        return Apportionment(np.zeros(0, np.int64), np.zeros(0), 0, method)
    if any(w < 0 for w in exact):
        raise ApportionmentError("gewichten mogen niet negatief zijn")
    weight_sum = sum(exact)
    if weight_sum == 0 and total > 0:
        raise ApportionmentError("de som van de gewichten is nul")

    lows = _bounds(minimum, n, 0)
    highs = _bounds(maximum, n, total)
    if sum(lows) > total:
        raise ApportionmentError(
            f"de minima ({format_int_nl(sum(lows))}) zijn samen groter dan het totaal "
            f"({format_int_nl(total)})"
        )
    if any(lo > hi for lo, hi in zip(lows, highs, strict=True)):
        raise ApportionmentError("een minimum is groter dan het maximum")
    if sum(highs) < total:
        raise ApportionmentError(
            f"de maxima ({format_int_nl(sum(highs))}) zijn samen kleiner dan het totaal "
            f"({format_int_nl(total)})"
        )

    quota = np.array(
        [float(w * total / weight_sum) if weight_sum else 0.0 for w in exact], dtype=np.float64
    )
    seats = _bounded(exact, total, method, lows, highs)
    return Apportionment(np.array(seats, dtype=np.int64), quota, total, method)


def _exact_weights(
    weights: Sequence[int] | Sequence[float] | Sequence[Fraction] | npt.NDArray[np.generic],
) -> list[Fraction]:
    """Weights as exact fractions: integers stay integers, floats keep their decimal value."""
    result: list[Fraction] = []
    items: list[int | float | Fraction | np.generic] = (
        np.asarray(weights, dtype=object).ravel().tolist()
        if isinstance(weights, np.ndarray)
        else list(weights)
    )
    for w in items:
        if isinstance(w, Fraction):
            result.append(w)
        elif isinstance(w, int | np.integer):
            result.append(Fraction(int(w)))
        else:
            value = float(w)
            if not math.isfinite(value):
                raise ApportionmentError("gewichten moeten eindige getallen zijn")
            result.append(Fraction(repr(value)))
    return result


def _bounds(bound: Sequence[int] | IntArray | int | None, n: int, default: int) -> list[int]:
    if bound is None:
        return [default] * n
    if isinstance(bound, int | np.integer):
        return [int(bound)] * n
    values = [int(b) for b in bound]
    if len(values) != n:
        raise ApportionmentError("het aantal grenzen past niet bij het aantal eenheden")
    if any(v < 0 for v in values):
        raise ApportionmentError("grenzen mogen niet negatief zijn")
    return values


def _bounded(
    weights: list[Fraction], total: int, method: Method, lows: list[int], highs: list[int]
) -> list[int]:
    """Apportion, then pin units that break a bound and redo the rest (iterative)."""
    n = len(weights)
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(n) if i not in fixed]
        remaining = total - sum(fixed.values())
        free_weights = [weights[i] for i in free]
        if free and sum(free_weights) == 0:
            # Only bounded units carry weight: spread the rest by the minima order.
            raw = _fill_zero_weights([lows[i] for i in free], [highs[i] for i in free], remaining)
        else:
            raw = _unbounded(free_weights, remaining, method) if free else []
        below = [(k, i) for k, i in enumerate(free) if raw[k] < lows[i]]
        above = [(k, i) for k, i in enumerate(free) if raw[k] > highs[i]]
        if not below and not above:
            seats = [0] * n
            for i, s in fixed.items():
                seats[i] = s
            for k, i in enumerate(free):
                seats[i] = raw[k]
            return seats
        # Pin the violations on one side at a time: the side with the larger total violation.
        under = sum(lows[i] - raw[k] for k, i in below)
        over = sum(raw[k] - highs[i] for k, i in above)
        if under >= over:
            for _, i in below:
                fixed[i] = lows[i]
        else:
            for _, i in above:
                fixed[i] = highs[i]


def _fill_zero_weights(lows: list[int], highs: list[int], total: int) -> list[int]:
    seats = list(lows)
    rest = total - sum(seats)
    for k in range(len(seats)):
        extra = min(rest, highs[k] - seats[k])
        seats[k] += extra
        rest -= extra
    return seats


def _unbounded(weights: list[Fraction], total: int, method: Method) -> list[int]:
    if total == 0:
        return [0] * len(weights)
    if method is Method.HAMILTON:
        return _hamilton(weights, total)
    return _divisor(weights, total, method)


def _order_key(weights: list[Fraction], i: int) -> tuple[Fraction, int]:
    """Secondary ordering of the documented tie-break: larger weight, then input order."""
    return (-weights[i], i)


def _hamilton(weights: list[Fraction], total: int) -> list[int]:
    if all(w.denominator == 1 for w in weights):
        # Integer fast path: exact floor and remainder without Fraction objects.
        ints = [w.numerator for w in weights]
        weight_sum = sum(ints)
        seats = [w * total // weight_sum for w in ints]
        remainders: list[Fraction] | list[int] = [w * total % weight_sum for w in ints]
    else:
        weight_sum_f = sum(weights)
        quotas = [w * total / weight_sum_f for w in weights]
        seats = [math.floor(q) for q in quotas]
        remainders = [q - s for q, s in zip(quotas, seats, strict=True)]
    left = total - sum(seats)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], *_order_key(weights, i)))
    for i in order[:left]:
        seats[i] += 1
    return seats


class _Claim:
    """A unit's exact claim on seat ``s + 1`` as the fraction ``num / den``, for a heap.

    D'Hondt and Sainte-Laguë claim ``weight / signpost``. Huntington-Hill's signpost
    ``sqrt(s * (s + 1))`` is irrational, so it claims the square, which orders the same for
    positive weights; its first seat is an infinite claim (``1 / 0``). Claims compare by
    cross-multiplication, so equal claims are equal exactly and the documented tie-break
    (larger weight, then input order) decides. ``weakest_first`` turns the order around for
    taking seats back.
    """

    __slots__ = ("den", "index", "num", "weakest_first", "weight")

    def __init__(
        self,
        method: Method,
        weight: int | Fraction,
        s: int,
        index: int,
        *,
        weakest_first: bool = False,
    ) -> None:
        self.num: int | Fraction
        self.den: int
        if method is Method.DHONDT:
            self.num, self.den = weight, s + 1
        elif method is Method.SAINTE_LAGUE:
            self.num, self.den = 2 * weight, 2 * s + 1
        elif s == 0:
            self.num, self.den = 1, 0
        else:
            self.num, self.den = weight * weight, s * (s + 1)
        self.weight = weight
        self.index = index
        self.weakest_first = weakest_first

    def _stronger_than(self, other: _Claim) -> bool:
        left, right = self.num * other.den, other.num * self.den
        if left != right:
            return left > right
        if self.weight != other.weight:
            return self.weight > other.weight
        return self.index < other.index

    def __lt__(self, other: _Claim) -> bool:
        if self.weakest_first:
            return other._stronger_than(self)
        return self._stronger_than(other)


def _below_signpost(method: Method, s: int, q: Fraction) -> bool:
    """Whether the signpost at which a unit earns seat ``s + 1`` lies strictly below ``q``."""
    if method is Method.DHONDT:
        return s + 1 < q
    if method is Method.SAINTE_LAGUE:
        return 2 * s + 1 < 2 * q
    return s * (s + 1) < q * q


def _start_seats_int(method: Method, numerator: int, denominator: int) -> int:
    """Seats whose signpost lies strictly below the quotient ``numerator / denominator``.

    The integer form of ``_below_signpost``: cross-multiplied, so no fractions are made.
    """
    s = max(numerator // denominator - 2, 0)
    if method is Method.DHONDT:
        while (s + 1) * denominator < numerator:
            s += 1
    elif method is Method.SAINTE_LAGUE:
        while (2 * s + 1) * denominator < 2 * numerator:
            s += 1
    else:
        square_num, square_den = numerator * numerator, denominator * denominator
        while s * (s + 1) * square_den < square_num:
            s += 1
    return s


def _divisor(weights: list[Fraction], total: int, method: Method) -> list[int]:
    """Highest averages in exact arithmetic, started from a common divisor.

    Every seat whose priority lies strictly above the standard divisor
    ``sum(weights) / total`` is a prefix of the seat-by-seat order; the start gives
    exactly those seats. A heap then adds (or removes) seats one at a time in the
    documented order, so ties follow the tie-break and never a rounding error.
    """
    n = len(weights)
    positive = [i for i in range(n) if weights[i] > 0]
    seats = [0] * n
    if all(w.denominator == 1 for w in weights):
        # Integer weights (inhabitants, votes): the same start with integers only.
        ints = [w.numerator for w in weights]
        int_sum = sum(ints)
        for i in positive:
            seats[i] = _start_seats_int(method, ints[i] * total, int_sum)
    else:
        weight_sum = sum(weights)
        for i in positive:
            q = weights[i] * total / weight_sum
            s = max(math.floor(q) - 2, 0)
            while _below_signpost(method, s, q):
                s += 1
            seats[i] = s
    assigned = sum(seats)

    # Integer weights stay integers in the claims, so comparing them makes no fractions.
    exact: list[int] | list[Fraction] = (
        [w.numerator for w in weights] if all(w.denominator == 1 for w in weights) else weights
    )
    if assigned < total:
        # Next seat: the strongest claim; among equals the larger weight, then input order.
        add_heap = [_Claim(method, exact[i], seats[i], i) for i in positive]
        heapq.heapify(add_heap)
        while assigned < total:
            i = heapq.heappop(add_heap).index
            seats[i] += 1
            assigned += 1
            heapq.heappush(add_heap, _Claim(method, exact[i], seats[i], i))
    elif assigned > total:
        # Take back the seats given last: the weakest claim among the seats held; among
        # equals, the unit the tie-break would have served last (smaller weight, later).
        remove_heap = [
            _Claim(method, exact[i], seats[i] - 1, i, weakest_first=True)
            for i in positive
            if seats[i] > 0
        ]
        heapq.heapify(remove_heap)
        while assigned > total:
            i = heapq.heappop(remove_heap).index
            seats[i] -= 1
            assigned -= 1
            if seats[i] > 0:
                heapq.heappush(
                    remove_heap, _Claim(method, exact[i], seats[i] - 1, i, weakest_first=True)
                )
    return seats
