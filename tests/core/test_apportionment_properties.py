"""Property tests and hand-computed examples for ``regietafel.core.apportionment``."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from regietafel.core.apportionment import ApportionmentError, Method, apportion

ALL_METHODS = list(Method)
DIVISOR_METHODS = [Method.DHONDT, Method.SAINTE_LAGUE, Method.HUNTINGTON_HILL]

SETTINGS = settings(deadline=None, max_examples=150)

int_weights = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12).filter(
    lambda ws: sum(ws) > 0
)
positive_int_weights = st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=12)
float_weights = st.lists(
    st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=12,
).filter(lambda ws: sum(ws) > 0)
totals = st.integers(min_value=0, max_value=200)
methods = st.sampled_from(ALL_METHODS)
divisor_methods = st.sampled_from(DIVISOR_METHODS)


def _seats(
    weights: list[int] | list[float] | list[Fraction], total: int, method: Method
) -> list[int]:
    return [int(s) for s in apportion(weights, total, method=method).seats]


def _reference_divisor(weights: list[Fraction], total: int, method: Method) -> list[int]:
    """Seat-by-seat highest averages with exact priorities and the documented tie-break."""
    seats = [0] * len(weights)

    def claim(i: int) -> tuple[int, Fraction]:
        w, s = weights[i], seats[i]
        if method is Method.DHONDT:
            return (0, w / (s + 1))
        if method is Method.SAINTE_LAGUE:
            return (0, w / (s + Fraction(1, 2)))
        return (1, Fraction(0)) if s == 0 else (0, w * w / (s * (s + 1)))

    candidates = [i for i, w in enumerate(weights) if w > 0]
    for _ in range(total):
        best = max(candidates, key=lambda i: (claim(i), weights[i], -i))
        seats[best] += 1
    return seats


# --- sums and the quota rule -------------------------------------------------------


@SETTINGS
@given(weights=int_weights, total=totals, method=methods)
def test_seats_sum_to_total(weights: list[int], total: int, method: Method) -> None:
    assert sum(_seats(weights, total, method)) == total


@SETTINGS
@given(weights=float_weights, total=totals, method=methods)
def test_seats_sum_to_total_float_weights(weights: list[float], total: int, method: Method) -> None:
    assert sum(_seats(weights, total, method)) == total


@SETTINGS
@given(weights=int_weights, total=totals)
def test_hamilton_satisfies_quota_int_weights(weights: list[int], total: int) -> None:
    result = apportion(weights, total, method=Method.HAMILTON)
    assert result.satisfies_quota
    # Also with exact arithmetic, independent of the float quota in ``fairness()``.
    weight_sum = sum(weights)
    for w, s in zip(weights, result.seats.tolist(), strict=True):
        q = Fraction(w * total, weight_sum)
        assert q - 1 < s < q + 1


@SETTINGS
@given(weights=float_weights, total=totals)
def test_hamilton_satisfies_quota_float_weights(weights: list[float], total: int) -> None:
    result = apportion(weights, total, method=Method.HAMILTON)
    exact = [Fraction(repr(w)) for w in weights]
    weight_sum = sum(exact)
    for w, s in zip(exact, result.seats.tolist(), strict=True):
        q = w * total / weight_sum
        assert q - 1 < s < q + 1


@SETTINGS
@given(weights=int_weights, total=totals)
def test_hamilton_same_for_int_and_float_weights(weights: list[int], total: int) -> None:
    assert _seats(weights, total, Method.HAMILTON) == _seats(
        [float(w) for w in weights], total, Method.HAMILTON
    )


# --- divisor methods ---------------------------------------------------------------


@SETTINGS
@given(weights=int_weights, total=st.integers(min_value=0, max_value=60), method=divisor_methods)
@example(weights=[3, 1], total=3, method=Method.DHONDT)
@example(weights=[6, 1], total=10, method=Method.HUNTINGTON_HILL)
def test_divisor_methods_match_seat_by_seat_reference(
    weights: list[int], total: int, method: Method
) -> None:
    positive = sum(1 for w in weights if w > 0)
    if method is Method.HUNTINGTON_HILL and total < positive:
        total = positive  # keep the reference simple: every positive unit has its first seat
    exact = [Fraction(w) for w in weights]
    assert _seats(weights, total, method) == _reference_divisor(exact, total, method)


@SETTINGS
@given(weights=int_weights, total=st.integers(min_value=0, max_value=150), method=divisor_methods)
def test_divisor_methods_are_house_monotone(weights: list[int], total: int, method: Method) -> None:
    now = _seats(weights, total, method)
    more = _seats(weights, total + 1, method)
    assert all(b >= a for a, b in zip(now, more, strict=True))


# --- bounds ------------------------------------------------------------------------


@st.composite
def bounded_case(draw: st.DrawFn) -> tuple[list[int], int, list[int], list[int]]:
    weights = draw(int_weights)
    n = len(weights)
    lows = draw(st.lists(st.integers(0, 15), min_size=n, max_size=n))
    highs = [lo + draw(st.integers(0, 30)) for lo in lows]
    total = draw(st.integers(sum(lows), sum(highs)))
    return weights, total, lows, highs


@SETTINGS
@given(case=bounded_case(), method=methods)
@example(case=([1, 50, 50], 10, [4, 0, 0], [10, 3, 2]), method=Method.HAMILTON)
@example(case=([1, 100], 10, [3, 0], [10, 8]), method=Method.DHONDT)
def test_bounds_are_respected_and_sum_holds(
    case: tuple[list[int], int, list[int], list[int]], method: Method
) -> None:
    weights, total, lows, highs = case
    seats = apportion(weights, total, method=method, minimum=lows, maximum=highs).seats
    assert int(seats.sum()) == total
    assert all(lo <= s <= hi for s, lo, hi in zip(seats, lows, highs, strict=True))


@SETTINGS
@given(weights=int_weights, method=methods, data=st.data())
def test_infeasible_bounds_raise(weights: list[int], method: Method, data: st.DataObject) -> None:
    n = len(weights)
    lows = data.draw(st.lists(st.integers(0, 10), min_size=n, max_size=n))
    highs = [lo + data.draw(st.integers(0, 10)) for lo in lows]
    kind = data.draw(st.sampled_from(["too_small", "too_large", "crossed"]))
    if kind == "too_small":
        if sum(lows) == 0:
            lows[0] = highs[0] = 1
        total = data.draw(st.integers(0, sum(lows) - 1))
    elif kind == "too_large":
        total = data.draw(st.integers(sum(highs) + 1, sum(highs) + 50))
    else:
        lows[0], highs[0] = highs[0] + 1, lows[0]
        total = sum(lows)
    with pytest.raises(ApportionmentError):
        apportion(weights, total, method=method, minimum=lows, maximum=highs)


# --- sanity: order, zeros, ties, scaling -------------------------------------------


@SETTINGS
@given(weights=int_weights, total=totals, method=methods)
def test_larger_weight_never_fewer_seats(weights: list[int], total: int, method: Method) -> None:
    seats = _seats(weights, total, method)
    for i, wi in enumerate(weights):
        for j, wj in enumerate(weights):
            if wi > wj:
                assert seats[i] >= seats[j]


@SETTINGS
@given(weights=int_weights, total=totals, method=st.sampled_from(ALL_METHODS))
def test_zero_weight_gets_zero_seats(weights: list[int], total: int, method: Method) -> None:
    weights = [*weights, 0]
    seats = _seats(weights, total, method)
    assert all(s == 0 for w, s in zip(weights, seats, strict=True) if w == 0)


@SETTINGS
@given(
    weight=st.integers(1, 10_000),
    n=st.integers(1, 12),
    total=totals,
    method=methods,
)
def test_equal_weights_first_in_input_order_wins(
    weight: int, n: int, total: int, method: Method
) -> None:
    base, extra = divmod(total, n)
    expected = [base + 1] * extra + [base] * (n - extra)
    assert _seats([weight] * n, total, method) == expected


@SETTINGS
@given(
    weights=int_weights,
    total=totals,
    method=methods,
    factor=st.one_of(
        st.integers(1, 1000),
        st.fractions(min_value=Fraction(1, 1000), max_value=1000).filter(lambda f: f > 0),
        st.sampled_from([Fraction(1, 10), Fraction(1, 3), Fraction(7, 100)]),
    ),
)
@example(weights=[3, 1], total=3, method=Method.DHONDT, factor=Fraction(1, 10))
def test_scaling_weights_does_not_change_seats(
    weights: list[int], total: int, method: Method, factor: int | Fraction
) -> None:
    scaled = [Fraction(w) * factor for w in weights]
    assert _seats(scaled, total, method) == _seats(weights, total, method)


def test_float_weights_tie_follows_tie_break() -> None:
    # 0.3 and 0.1 are decimals; in floats 0.3 / 3 < 0.1, but exactly they tie.
    # The tie goes to the larger weight, just as for the integers 3 and 1.
    assert _seats([0.3, 0.1], 3, Method.DHONDT) == [3, 0]
    assert _seats([3, 1], 3, Method.DHONDT) == [3, 0]


# --- hand-computed examples --------------------------------------------------------


def test_hand_example_hamilton_5_3_2_total_7() -> None:
    # Quotas 7*5/10 = 3.5, 7*3/10 = 2.1, 7*2/10 = 1.4; floors 3, 2, 1 (6 seats).
    # One seat left: largest remainder is 0.5 (first unit) -> [4, 2, 1].
    assert _seats([5, 3, 2], 7, Method.HAMILTON) == [4, 2, 1]


def test_hand_example_dhondt_5_3_2_total_7() -> None:
    # Averages w/1, w/2, w/3, ... per unit:
    #   A: 5, 2.5, 1.667, 1.25, 1.0   B: 3, 1.5, 1.0   C: 2, 1.0
    #   top 7: 5(A) 3(B) 2.5(A) 2(C) 1.667(A) 1.5(B) 1.25(A) -> A 4, B 2, C 1.
    assert _seats([5, 3, 2], 7, Method.DHONDT) == [4, 2, 1]


def test_hand_example_sainte_lague_5_3_2_total_7() -> None:
    # Averages w/0.5, w/1.5, w/2.5, w/3.5:
    #   A: 10, 3.333, 2, 1.429   B: 6, 2, 1.2   C: 4, 1.333, 0.8
    #   top 7: 10(A) 6(B) 4(C) 3.333(A), then a tie at 2 between A (5/2.5) and B (3/1.5);
    #   both fit, and the 7th is 1.429(A) -> A 4, B 2, C 1.
    assert _seats([5, 3, 2], 7, Method.SAINTE_LAGUE) == [4, 2, 1]


def test_hand_example_huntington_hill_5_3_2_total_7() -> None:
    # First seat free for everyone (signpost 0): A, B, C each 1 (3 seats).
    # Then w/sqrt(s(s+1)): A: 5/1.414=3.536, 5/2.449=2.041, 5/3.464=1.443
    #                      B: 3/1.414=2.121, 3/2.449=1.225   C: 2/1.414=1.414
    #   next 4: 3.536(A) 2.121(B) 2.041(A) 1.443(A) -> A 4, B 2, C 1.
    assert _seats([5, 3, 2], 7, Method.HUNTINGTON_HILL) == [4, 2, 1]


def test_hand_example_sainte_lague_tie_goes_to_larger_weight() -> None:
    # Weights [5, 3], 3 seats. Averages A: 10, 3.333; B: 6, 2.
    # Seats: 10(A) 6(B) 3.333(A) -> [2, 1]. For 4 seats the fourth compares
    # A: 5/2.5 = 2 with B: 3/1.5 = 2 -> exact tie, larger weight (A) wins -> [3, 1].
    assert _seats([5, 3], 3, Method.SAINTE_LAGUE) == [2, 1]
    assert _seats([5, 3], 4, Method.SAINTE_LAGUE) == [3, 1]
    assert _seats([5, 3], 5, Method.SAINTE_LAGUE) == [3, 2]


def test_hand_example_hamilton_tie_input_order() -> None:
    # Weights [1, 1, 1], 2 seats: quotas 2/3 each, equal remainders and equal weights:
    # the first two in input order win.
    assert _seats([1, 1, 1], 2, Method.HAMILTON) == [1, 1, 0]
    # Weights [2, 3, 3, 2], total 5: quotas 1, 1.5, 1.5, 1 -> floors 1, 1, 1, 1,
    # one seat left, remainders 0, .5, .5, 0: tie between units 1 and 2 -> unit 1.
    assert _seats([2, 3, 3, 2], 5, Method.HAMILTON) == [1, 2, 1, 1]


def test_hand_example_hamilton_tie_larger_weight_first() -> None:
    # Weights [1, 3], total 2: quotas 0.5 and 1.5, floors 0 and 1, remainders equal (0.5).
    # The larger weight wins the last seat even though it comes second -> [0, 2].
    assert _seats([1, 3], 2, Method.HAMILTON) == [0, 2]


def test_hand_example_minimum() -> None:
    # Weights [90, 9, 1], total 10, minimum 1 each. Unbounded Hamilton: quotas 9, 0.9, 0.1
    # -> [9, 1, 0]; the third unit is below its minimum, gets 1, and the other 9 seats go
    # over [90, 9]: quotas 8.18, 0.82 -> floors 8, 0, one left -> 0.82 wins -> [8, 1].
    result = apportion([90, 9, 1], 10, minimum=1)
    assert result.seats.tolist() == [8, 1, 1]


def test_a_minimum_above_the_total_names_the_total_not_a_maximum() -> None:
    # Minimum 5.000 per unit over a total of 165 and no maximum given: the message named
    # "het maximum" (the default bound, the total) instead of the sum of the minima.
    with pytest.raises(ApportionmentError) as caught:
        apportion([2, 1], 165, minimum=5_000)
    assert str(caught.value) == "de minima (10.000) zijn samen groter dan het totaal (165)"
    with pytest.raises(ApportionmentError, match="een minimum is groter dan het maximum"):
        apportion([2, 1], 165, minimum=50, maximum=40)


def test_hand_example_maximum() -> None:
    # Weights [6, 3, 1], total 10, maximum 4 each. Unbounded: [6, 3, 1]; the first unit
    # is capped at 4 and the other 6 seats go over [3, 1]: quotas 4.5, 1.5 -> floors 4, 1,
    # one left, equal remainders -> larger weight -> [5, 1]; 5 > 4, cap it as well:
    # the last unit gets the remaining 2 -> [4, 4, 2].
    result = apportion([6, 3, 1], 10, maximum=4)
    assert result.seats.tolist() == [4, 4, 2]


def test_hand_example_infeasible_bounds() -> None:
    with pytest.raises(ApportionmentError):
        apportion([1, 1], 5, maximum=2)
    with pytest.raises(ApportionmentError):
        apportion([1, 1], 1, minimum=1)
    with pytest.raises(ApportionmentError):
        apportion([1, 1], 2, minimum=[2, 0], maximum=[1, 2])


# --- hand-computed examples at the start divisor and at large totals ---------------------


def test_hand_example_dhondt_tie_at_the_start_is_taken_back_from_the_smallest() -> None:
    # Weights [700, 200, 100]. Averages A: 700 350 233.3 175 140 116.7 100 87.5;
    # B: 200 100 66.7; C: 100 50. Seven averages lie above 100 (A 6, B 1); then three tie
    # at 100: A's 7th, B's 2nd, C's 1st. The tie goes to the larger weight first.
    assert _seats([700, 200, 100], 8, Method.DHONDT) == [7, 1, 0]
    assert _seats([700, 200, 100], 9, Method.DHONDT) == [7, 2, 0]
    assert _seats([700, 200, 100], 10, Method.DHONDT) == [7, 2, 1]


def test_hand_example_sainte_lague_equal_weights_go_by_input_order() -> None:
    # Weights [3, 3, 3], 4 seats: 3/0.5 = 6 three times (one seat each), then 3/1.5 = 2
    # three times; equal weights, so the first in input order takes the fourth seat.
    assert _seats([3, 3, 3], 4, Method.SAINTE_LAGUE) == [2, 1, 1]


def test_hand_example_huntington_hill_tie_after_the_first_seats() -> None:
    # Weights [4, 4, 1]: the first seats are free (3). Then 4/sqrt(2) = 2.83 for A and B,
    # 1/sqrt(2) = 0.71 for C: 5 seats -> [2, 2, 1]. Next A and B tie at 4/sqrt(6) = 1.63,
    # above C's 0.71: the first in input order -> [3, 2, 1].
    assert _seats([4, 4, 1], 5, Method.HUNTINGTON_HILL) == [2, 2, 1]
    assert _seats([4, 4, 1], 6, Method.HUNTINGTON_HILL) == [3, 2, 1]


def test_hand_example_dhondt_large_total() -> None:
    # Weights [1, 2]: from (k, 2k) B's 2/(2k+1) beats A's 1/(k+1) -> (k, 2k+1); then A and B
    # tie at 1/(k+1) and B (larger) wins -> (k, 2k+2); then A -> (k+1, 2k+2).
    # 10,000,000 = 3 * 3,333,333 + 1 -> [3,333,333, 6,666,667]; one more -> B again.
    assert _seats([1, 2], 10_000_000, Method.DHONDT) == [3_333_333, 6_666_667]
    assert _seats([1, 2], 10_000_001, Method.DHONDT) == [3_333_333, 6_666_668]


def test_hand_example_sainte_lague_large_total() -> None:
    # Weights [1, 2]: from (k, 2k) B's 2/(2k+0.5) beats A's 1/(k+0.5) -> (k, 2k+1); then A's
    # 1/(k+0.5) beats B's 2/(2k+1.5) -> (k+1, 2k+1); then B -> (k+1, 2k+2).
    # 10,000,001 = 3 * 3,333,333 + 2 -> [3,333,334, 6,666,667].
    assert _seats([1, 2], 10_000_000, Method.SAINTE_LAGUE) == [3_333_333, 6_666_667]
    assert _seats([1, 2], 10_000_001, Method.SAINTE_LAGUE) == [3_333_334, 6_666_667]


def test_hand_example_huntington_hill_large_total() -> None:
    # Weights [1, 3]: A's next claim beats B's when t(t+1) > 9 s(s+1) (squares compared).
    # From (s, 3s+1): (3s+1)(3s+2) > 9s(s+1) -> A; then B three times, since
    # 9(s+1)(s+2) exceeds (3s+1)(3s+2), (3s+2)(3s+3) and (3s+3)(3s+4) -> (s+1, 3s+4).
    # So 4s+1 seats give (s, 3s+1) and 4s+2 give (s+1, 3s+1); s = 2,500,000.
    assert _seats([1, 3], 10_000_001, Method.HUNTINGTON_HILL) == [2_500_000, 7_500_001]
    assert _seats([1, 3], 10_000_002, Method.HUNTINGTON_HILL) == [2_500_001, 7_500_001]
