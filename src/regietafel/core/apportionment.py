"""Apportionment: dividing a whole number over units in proportion to weights.

Every distribution in regietafel (the taakstelling over municipalities, extra
reception places over provinces) ends in the same question: how do we round
fractional shares to whole persons or places so that they add up exactly to
the total? This module answers it with the four classic methods.

Tie-break (documented, deterministic): when two units have exactly the same
claim on the next seat (equal remainder, or equal priority in a divisor
method), the unit with the larger weight wins; if the weights are equal too,
the unit that comes first in the input order wins. Callers pass units in
code order (``GM0003`` before ``GM0005``), so results never depend on chance.

All arithmetic is exact and in integers: whole-number weights (inhabitants) are used as
they are, and only fractional weights go through ``Fraction`` once, to be brought to whole
numbers on a common scale. Remainders and priorities are compared by cross-multiplication,
never in floating point. Whole numbers below ``2**30`` run in numpy int64 with every product
bounded first; a float there only picks which few claims set an exact threshold, so a seat
never depends on rounding.
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
    exact = _integer_weights(weights)
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
    if min(exact) < 0:
        raise ApportionmentError("gewichten mogen niet negatief zijn")
    weight_sum = sum(exact)
    if weight_sum == 0 and total > 0:
        raise ApportionmentError("de som van de gewichten is nul")

    # Whole numbers whose products with the total are exact in float64: one int64 array
    # serves the method and the quota alike.
    array = (
        np.array(exact, dtype=np.int64)
        if max(exact) * total < _EXACT_IN_FLOAT and weight_sum < _EXACT_IN_FLOAT
        else None
    )
    if minimum is None and maximum is None:
        # No bounds: nothing can be pinned, so one pass of the method is the answer.
        seats: list[int] | IntArray = _unbounded(exact, total, method, array)
    else:
        lows = _bounds(minimum, n, 0)
        highs = _bounds(maximum, n, total)
        # The sum first: without a maximum the bound is the total, and "een minimum is
        # groter dan het maximum" named a maximum nobody gave (a minimum of 5.000 over 165).
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
        seats = _bounded(exact, total, method, lows, highs)

    quota = _quota(exact, total, weight_sum, array)
    return Apportionment(np.asarray(seats, dtype=np.int64), quota, total, method)


def _quota(weights: list[int], total: int, weight_sum: int, array: IntArray | None) -> FloatArray:
    """The exact share ``w * total / S`` of every unit, correctly rounded to float64.

    ``array`` holds the weights when every ``w * total`` and ``S`` are below ``2**53``.
    """
    if not weight_sum:
        return np.zeros(len(weights), dtype=np.float64)
    if array is not None:
        # Product and sum are exact in float64, so the one division rounds correctly.
        products = array.astype(np.float64) * total
        return products / float(weight_sum)
    # int / int is correctly rounded in Python, so this equals float(Fraction(w * total, S)).
    return np.array([w * total / weight_sum for w in weights], dtype=np.float64)


def _integer_weights(
    weights: Sequence[int] | Sequence[float] | Sequence[Fraction] | npt.NDArray[np.generic],
) -> list[int]:
    """Weights as exact integers on one common scale.

    Whole numbers (inhabitants, votes) stay as they are: no ``Fraction`` is made. Only when a
    weight is fractional are the weights read as exact fractions (floats keep their decimal
    value) and multiplied by the least common multiple of their denominators. Every method
    depends only on the ratios of the weights, and the tie-break (larger weight first) is
    unchanged by a common positive factor, so the seats are exactly those of the fractions.
    """
    if isinstance(weights, np.ndarray):
        if weights.dtype.kind in "iu":
            return [int(w) for w in weights.ravel().tolist()]
        items: list[object] = weights.ravel().tolist()
    else:
        items = list(weights)
    if set(map(type, items)) <= {int}:  # not bool: True and False go the Fraction way
        return items  # type: ignore[return-value]
    fractions: list[Fraction] = []
    for w in items:
        if isinstance(w, Fraction):
            fractions.append(w)
        elif isinstance(w, int | np.integer):
            fractions.append(Fraction(int(w)))
        else:
            value = float(w)  # type: ignore[arg-type]
            if not math.isfinite(value):
                raise ApportionmentError("gewichten moeten eindige getallen zijn")
            fractions.append(Fraction(repr(value)))
    scale = math.lcm(*(f.denominator for f in fractions))
    return [f.numerator * (scale // f.denominator) for f in fractions]


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
    weights: list[int], total: int, method: Method, lows: list[int], highs: list[int]
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
            found = _unbounded(free_weights, remaining, method) if free else []
            raw = found.tolist() if isinstance(found, np.ndarray) else found
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


def _unbounded(
    weights: list[int], total: int, method: Method, array: IntArray | None = None
) -> list[int] | IntArray:
    """One pass of the method; ``array`` is ``weights`` in int64 when the caller has it.

    The seats come as a list or, from the int64 paths, as an array (no conversion back).
    """
    if total == 0:
        return [0] * len(weights)
    if method is Method.HAMILTON:
        return _hamilton(weights, total, array)
    return _divisor(weights, total, method, array)


#: Products ``weight * total`` below this fit in int64 and convert to float64 exactly.
_EXACT_IN_FLOAT = 2**53


def _hamilton(
    weights: list[int], total: int, array: IntArray | None = None
) -> list[int] | IntArray:
    """Largest remainder in integers: quota ``w * total / S`` is floor ``w * total // S``
    plus remainder ``(w * total % S) / S``, and remainders compare as their numerators.

    When every product fits in int64 the division runs in numpy (exact: integer floor
    division and modulo); otherwise in Python integers. Either way the documented tie-break
    decides between equal remainders: larger weight, then input order.
    """
    weight_sum = sum(weights)
    n = len(weights)
    if array is None and max(weights) * total < _EXACT_IN_FLOAT:
        array = np.array(weights, dtype=np.int64)
    if array is not None:
        return _hamilton_int64(weights, total, array, weight_sum)
    seats = [w * total // weight_sum for w in weights]
    remainders = [w * total % weight_sum for w in weights]
    left = total - sum(seats)
    if left == 0:
        return seats
    # Largest remainder first (a stable sort on the remainder alone); only the units whose
    # remainder equals the last one served need the tie-break, so only they are sorted by it.
    order = sorted(range(n), key=remainders.__getitem__, reverse=True)
    cutoff = remainders[order[left - 1]]
    first = left - 1
    while first > 0 and remainders[order[first - 1]] == cutoff:
        first -= 1
    last = left
    while last < n and remainders[order[last]] == cutoff:
        last += 1
    tied = sorted(order[first:last], key=lambda i: (-weights[i], i))
    for i in order[:first]:
        seats[i] += 1
    for i in tied[: left - first]:
        seats[i] += 1
    return seats


def _hamilton_int64(weights: list[int], total: int, array: IntArray, weight_sum: int) -> IntArray:
    """``_hamilton`` in numpy: the seats left go to every remainder above the last one served
    (found by a partition, not a sort), and among those equal to it by the tie-break."""
    seats, remainders = np.divmod(array * total, weight_sum)
    left = total - int(seats.sum())
    if left == 0:
        return seats
    n = len(remainders)
    cutoff = np.partition(remainders, n - left)[n - left]
    above = remainders > cutoff
    tied = sorted(np.flatnonzero(remainders == cutoff).tolist(), key=lambda i: (-weights[i], i))
    seats[above] += 1
    seats[tied[: left - int(np.count_nonzero(above))]] += 1
    return seats


class _Claim:
    """A unit's exact claim on seat ``s + 1`` as the fraction ``num / den``, for a heap.

    D'Hondt and Sainte-Laguë claim ``weight / signpost``. Huntington-Hill's signpost
    ``sqrt(s * (s + 1))`` is irrational, so it claims the square, which orders the same for
    positive weights; its first seat is an infinite claim (``1 / 0``). Claims compare by
    cross-multiplication of integers, so equal claims are equal exactly and the documented
    tie-break (larger weight, then input order) decides. ``weakest_first`` turns the order
    around for taking seats back.
    """

    __slots__ = ("den", "index", "num", "weakest_first", "weight")

    def __init__(
        self, method: Method, weight: int, s: int, index: int, *, weakest_first: bool = False
    ) -> None:
        self.num: int
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


def _start_seats(method: Method, numerators: list[int], denominator: int) -> list[int]:
    """Per unit, the seats whose signpost lies strictly below ``numerator / denominator``.

    Closed forms in integers, so no fractions and no loops: D'Hondt counts ``s >= 0`` with
    ``(s + 1) * den < num``, which is ``(num - 1) // den``; Sainte-Laguë those with
    ``(2s + 1) * den < 2 * num``, which is ``ceil((2 * num - den) / (2 * den))``;
    Huntington-Hill those with ``s * (s + 1) * den**2 < num**2``, i.e. the odd ``t = 2s + 1``
    with ``t**2 * den**2 < 4 * num**2 + den**2``, counted with an integer square root.
    """
    den = denominator
    if method is Method.DHONDT:
        return [(num - 1) // den if num else 0 for num in numerators]
    if method is Method.SAINTE_LAGUE:
        return [(2 * num + den - 1) // (2 * den) if 2 * num > den else 0 for num in numerators]
    square = den * den
    return [(math.isqrt((4 * num * num + square - 1) // square) + 1) // 2 for num in numerators]


def _start_divisor(method: Method, weight_sum: int, total: int, positive: int) -> tuple[int, int]:
    """The start divisor as ``(S, h)``: ``S / h`` leaves few seats for the exact fix-up.

    Any divisor keeps the prefix property, so this choice only decides speed. D'Hondt rounds
    down, so it gets about half a seat per unit more than the quota, ``S / (h + units / 2)``;
    the others the standard divisor ``S / h``.
    """
    if method is Method.DHONDT:
        return 2 * weight_sum, 2 * total + positive
    return weight_sum, total


def _divisor(
    weights: list[int], total: int, method: Method, array: IntArray | None = None
) -> list[int] | IntArray:
    """Highest averages in exact integer arithmetic, started from a common divisor.

    For any divisor, the seats whose priority lies strictly above it are a prefix of the
    seat-by-seat order; the start gives exactly those seats. A heap then adds (or removes)
    the few seats left one at a time in the documented order, so ties follow the tie-break
    and never a rounding error. Whole numbers that fit run in numpy int64 (every product is
    bounded first); larger ones (fractions brought to a common scale) in Python integers.
    """
    fast = _divisor_int64(weights, total, method, array)
    if fast is not None:
        return fast
    positive = [i for i in range(len(weights)) if weights[i] > 0]
    divisor_num, divisor_den = _start_divisor(method, sum(weights), total, len(positive))
    seats = _start_seats(method, [w * divisor_den for w in weights], divisor_num)
    assigned = sum(seats)
    if assigned < total:
        claims = [_claim_terms(method, weights[i], seats[i]) for i in positive]
        chosen = _contenders(claims, total - assigned, strongest=True)
        held = {positive[k]: seats[positive[k]] for k in chosen}
        _add_seats(method, weights, held, total - assigned)
    elif assigned > total:
        holders = [i for i in positive if seats[i] > 0]
        claims = [_claim_terms(method, weights[i], seats[i] - 1) for i in holders]
        chosen = _contenders(claims, assigned - total, strongest=False)
        held = {holders[k]: seats[holders[k]] for k in chosen}
        _take_back(method, weights, held, assigned - total)
    else:
        return seats
    for i, s in held.items():
        seats[i] = s
    return seats


#: Quotients ``weight * Q`` and the divisor ``P`` stay below this in the int64 path, so the
#: Huntington-Hill start ``4 * a**2 + P**2`` stays below ``5 * 2**60 < 2**63``.
_SMALL = 2**30
_INT64_LIMIT = 2**63
#: The int64 start is used while the total is at most this many times ``P``.
_COARSE = 64


def _divisor_int64(
    weights: list[int], total: int, method: Method, array: IntArray | None
) -> IntArray | None:
    """The start and the choice of contenders in numpy int64; ``None`` if it cannot be exact.

    The start divisor ``S / h`` becomes a ratio ``P / Q`` of integers below ``2**30`` (any
    divisor is exact, this one is only close), so the closed forms of ``_start_seats`` run
    on ``a = weight * Q`` and ``P`` without overflow.
    """
    max_weight = max(weights)
    if max_weight >= _SMALL - 1:
        return None
    if array is None:
        array = np.array(weights, dtype=np.int64)
    positive = array > 0
    divisor_num, divisor_den = _start_divisor(
        method, int(array.sum()), total, int(np.count_nonzero(positive))
    )
    ceiling = max(max_weight, -(-divisor_num // divisor_den))
    if ceiling >= _SMALL - 1:
        return None
    q = _SMALL // (ceiling + 1)
    p = max(1, (divisor_num * q + divisor_den // 2) // divisor_den)
    if total > _COARSE * p:
        # P / Q is off by up to 1 / (2P) relatively, about h / (2P) seats for the heap: too
        # many for a huge total over small weights; the exact start in Python is quicker.
        return None
    seats = _start_seats_int64(method, array * q, p)
    assigned = int(seats.sum())
    if assigned == total:
        return seats
    held = 0 if assigned < total else 1
    units = np.flatnonzero(positive & (seats >= held))
    nums, dens = _claims_int64(method, array[units], seats[units] - held)
    largest_num = max_weight * max_weight if method is Method.HUNTINGTON_HILL else max_weight
    if largest_num * int(dens.max()) >= _INT64_LIMIT:
        return None
    count = abs(total - assigned)
    chosen = units[_contenders_int64(nums, dens, count, strongest=held == 0)]
    contenders = dict(zip(chosen.tolist(), seats[chosen].tolist(), strict=True))
    if held == 0:
        _add_seats(method, weights, contenders, count)
    else:
        _take_back(method, weights, contenders, count)
    seats[list(contenders)] = list(contenders.values())
    return seats


def _start_seats_int64(method: Method, a: IntArray, p: int) -> IntArray:
    """``_start_seats`` in int64 for ``a < 2**30`` and ``p < 2**30``.

    Huntington-Hill's integer square root comes from a float estimate (off by at most one
    below ``2**62``) corrected by exact integer checks.
    """
    if method is Method.DHONDT:
        return np.maximum((a - 1) // p, 0)
    if method is Method.SAINTE_LAGUE:
        return (2 * a + p - 1) // (2 * p)
    square = p * p
    bound = (4 * a * a + square - 1) // square
    root = np.sqrt(bound.astype(np.float64)).astype(np.int64)
    root -= root * root > bound
    root += (root + 1) * (root + 1) <= bound
    return (root + 1) // 2


def _claims_int64(method: Method, weights: IntArray, seats: IntArray) -> tuple[IntArray, IntArray]:
    """``_claim_terms`` for arrays of units."""
    if method is Method.DHONDT:
        return weights, seats + 1
    if method is Method.SAINTE_LAGUE:
        return weights, 2 * seats + 1
    return weights * weights, seats * (seats + 1)


def _contenders_int64(nums: IntArray, dens: IntArray, count: int, *, strongest: bool) -> IntArray:
    """``_contenders`` in int64; the caller has bounded every cross product below ``2**63``."""
    n = len(nums)
    if count >= n:
        return np.arange(n)
    # Floats only pick which ``count`` claims set the threshold; threshold and filter are exact.
    estimate = np.where(dens > 0, nums / np.maximum(dens, 1), np.inf)
    if strongest:
        sample = np.argpartition(estimate, n - count)[n - count :]
    else:
        sample = np.argpartition(estimate, count - 1)[:count]
    terms = list(zip(nums[sample].tolist(), dens[sample].tolist(), strict=True))
    t_num, t_den = _threshold(terms, strongest=strongest)
    if strongest:
        return np.flatnonzero(nums * t_den >= t_num * dens)
    return np.flatnonzero(nums * t_den <= t_num * dens)


def _claim_terms(method: Method, weight: int, s: int) -> tuple[int, int]:
    """A unit's claim on seat ``s + 1`` as ``num / den``, ordered as ``_Claim`` orders them.

    Huntington-Hill claims the square ``w**2 / (s * (s + 1))``; its first seat is ``w**2 / 0``,
    which compares as infinite under cross-multiplication for a positive weight.
    """
    if method is Method.DHONDT:
        return weight, s + 1
    if method is Method.SAINTE_LAGUE:
        return weight, 2 * s + 1
    return weight * weight, s * (s + 1)


def _threshold(terms: list[tuple[int, int]], *, strongest: bool) -> tuple[int, int]:
    """The weakest (``strongest``) or the strongest (otherwise) of the claims, exactly."""
    best_num, best_den = terms[0]
    for num, den in terms[1:]:
        weaker = num * best_den < best_num * den
        if weaker is strongest:
            best_num, best_den = num, den
    return best_num, best_den


def _contenders(claims: list[tuple[int, int]], count: int, *, strongest: bool) -> list[int]:
    """Positions of the claims that can win (``strongest``) or lose one of ``count`` seats.

    Any ``count`` claims bound the ``count``-th strongest claim of all: it is at least the
    weakest of them, and a unit's later claims are weaker than its first. So every claim
    below that bound (strictly, exactly) is out. Floats only choose good ``count`` claims.
    """
    if count >= len(claims):
        return list(range(len(claims)))
    try:
        estimate = [num / den if den else math.inf for num, den in claims]
    except OverflowError:  # beyond float range: any claims will do, just less sharply
        order = list(range(count))
    else:
        order = sorted(range(len(claims)), key=estimate.__getitem__, reverse=strongest)[:count]
    t_num, t_den = _threshold([claims[k] for k in order], strongest=strongest)
    if strongest:
        return [k for k, (num, den) in enumerate(claims) if num * t_den >= t_num * den]
    return [k for k, (num, den) in enumerate(claims) if num * t_den <= t_num * den]


def _add_seats(method: Method, weights: list[int], seats: dict[int, int], count: int) -> None:
    """Give ``count`` more seats to the contenders in ``seats``, strongest claim first; among
    equals the larger weight, then input order."""
    heap = [_Claim(method, weights[i], s, i) for i, s in seats.items()]
    heapq.heapify(heap)
    for _ in range(count):
        i = heapq.heappop(heap).index
        seats[i] += 1
        heapq.heappush(heap, _Claim(method, weights[i], seats[i], i))


def _take_back(method: Method, weights: list[int], seats: dict[int, int], count: int) -> None:
    """Take back ``count`` seats given last from the contenders in ``seats``: the weakest claim
    among the seats held; among equals, the unit the tie-break would have served last
    (smaller weight, later)."""
    heap = [_Claim(method, weights[i], s - 1, i, weakest_first=True) for i, s in seats.items()]
    heapq.heapify(heap)
    for _ in range(count):
        i = heapq.heappop(heap).index
        seats[i] -= 1
        if seats[i] > 0:
            heapq.heappush(heap, _Claim(method, weights[i], seats[i] - 1, i, weakest_first=True))
