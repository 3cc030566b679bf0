"""The integer engine equals the former all-Fraction engine on random inputs.

``reference_apportionment`` is the engine as it was (every weight a ``Fraction``); the fast
engine must give the same seats, the same quota and the same errors for whole-number,
float and fractional weights, with ties and with minimum/maximum bounds.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from regietafel.core.apportionment import ApportionmentError, Method
from tests.core import reference_apportionment as reference

SETTINGS = settings(deadline=None, max_examples=300)

methods = st.sampled_from(list(Method))
# Few distinct values, so equal weights and equal remainders (ties) are common.
tied_ints = st.lists(
    st.one_of(st.integers(0, 6), st.sampled_from([10, 100])), min_size=1, max_size=14
)
wide_ints = st.lists(st.integers(0, 10**9), min_size=1, max_size=14)
fractions = st.lists(
    st.fractions(min_value=0, max_value=1000, max_denominator=12), min_size=1, max_size=10
)
floats = st.lists(
    st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=10,
)
any_weights = st.one_of(tied_ints, wide_ints, fractions, floats)
totals = st.integers(0, 300)


def _outcome(
    module: object, weights: object, total: int, method: Method, **bounds: object
) -> tuple[str, list[int], list[float]] | tuple[str, str]:
    """Seats and quota, or the Dutch error message, of one engine."""
    func = module.apportion  # type: ignore[attr-defined]
    chosen = method if module is not reference else reference.Method(method.value)
    error = ApportionmentError if module is not reference else reference.ApportionmentError
    try:
        result = func(weights, total, method=chosen, **bounds)
    except error as exc:
        return ("fout", str(exc))
    return ("ok", [int(s) for s in result.seats], [float(q) for q in result.quota])


def _both(weights: object, total: int, method: Method, **bounds: object) -> None:
    import regietafel.core.apportionment as fast

    assert _outcome(fast, weights, total, method, **bounds) == _outcome(
        reference, weights, total, method, **bounds
    )


@SETTINGS
@given(weights=any_weights, total=totals, method=methods)
@example(weights=[1, 1, 1], total=2, method=Method.HAMILTON)
@example(weights=[1, 3], total=2, method=Method.HAMILTON)  # equal remainders, weights differ
@example(weights=[3, 1], total=2, method=Method.DHONDT)
@example(weights=[2, 1, 1, 2], total=3, method=Method.SAINTE_LAGUE)
@example(weights=[Fraction(1, 3), Fraction(2, 3), 1], total=7, method=Method.DHONDT)
@example(weights=[0.1, 0.2, 0.3], total=5, method=Method.HUNTINGTON_HILL)
@example(weights=[0, 0], total=0, method=Method.HAMILTON)
@example(weights=[0, 0], total=3, method=Method.HAMILTON)
def test_same_seats_as_the_fraction_engine(
    weights: list[object], total: int, method: Method
) -> None:
    _both(weights, total, method)


@SETTINGS
@given(
    weights=st.one_of(tied_ints, fractions, floats),
    total=totals,
    method=methods,
    data=st.data(),
)
def test_same_seats_with_minimum_and_maximum(
    weights: list[object], total: int, method: Method, data: st.DataObject
) -> None:
    n = len(weights)
    per_unit_low = st.lists(st.integers(0, 30), min_size=n, max_size=n)
    per_unit_high = st.lists(st.integers(0, 150), min_size=n, max_size=n)
    lows = data.draw(st.one_of(st.none(), st.integers(0, 20), per_unit_low))
    highs = data.draw(st.one_of(st.none(), st.integers(0, 120), per_unit_high))
    _both(weights, total, method, minimum=lows, maximum=highs)


@SETTINGS
@given(weights=wide_ints, total=totals, method=methods)
def test_numpy_arrays_give_the_same_seats_as_lists(
    weights: list[int], total: int, method: Method
) -> None:
    _both(np.array(weights, dtype=np.int64), total, method)
    _both(np.array(weights, dtype=np.float64), total, method)


def test_real_inhabitants_equal_the_reference_for_every_method() -> None:
    from datetime import date

    from regietafel import reference as cbs

    inhabitants = [m.inhabitants for m in cbs.municipalities(date(2021, 1, 1))]
    for method in Method:
        for total in (0, 1, 351, 352, 11_000, 13_500):
            _both(inhabitants, total, method)


@pytest.mark.parametrize("bad", [[1, -1], [float("nan")], [float("inf")]])
def test_bad_weights_fail_the_same_way(bad: list[float]) -> None:
    _both(bad, 3, Method.HAMILTON)


# --- the int64 path of the divisor methods: many units, large totals, its limits ------------

LARGE = settings(deadline=None, max_examples=60)

# Municipality-sized tables: inhabitants up to a million, totals up to the core's 10,000,000.
many_units = st.lists(st.integers(0, 10**6), min_size=30, max_size=400).filter(any)
# Few distinct weights over many units: equal claims at the last seats are the rule.
many_ties = st.lists(st.sampled_from([0, 1_000, 2_000, 3_000, 6_000]), min_size=20, max_size=200)
# Around 2**30 (where the int64 start stops) and 2**31, with small ones beside them.
near_limit = st.lists(
    st.one_of(st.integers(2**29, 2**31 + 5), st.integers(0, 50)), min_size=1, max_size=12
)
divisors = st.sampled_from([Method.DHONDT, Method.SAINTE_LAGUE, Method.HUNTINGTON_HILL])


@LARGE
@given(weights=many_units, total=st.integers(0, 10**7), method=divisors)
def test_many_units_and_large_totals_equal_the_fraction_engine(
    weights: list[int], total: int, method: Method
) -> None:
    _both(weights, total, method)


@LARGE
@given(weights=many_ties, total=st.integers(0, 5_000), method=divisors)
def test_many_equal_claims_follow_the_tie_break_of_the_fraction_engine(
    weights: list[int], total: int, method: Method
) -> None:
    if any(weights):
        _both(weights, total, method)


@LARGE
@given(weights=near_limit, total=st.integers(0, 2_000), method=divisors)
@example(weights=[2**30 - 2, 2**30 - 1, 1], total=7, method=Method.HUNTINGTON_HILL)
@example(weights=[2**31, 3, 0], total=5, method=Method.SAINTE_LAGUE)
def test_weights_around_the_int64_limit_equal_the_fraction_engine(
    weights: list[int], total: int, method: Method
) -> None:
    _both(weights, total, method)


@LARGE
@given(weights=many_units, total=st.integers(0, 20_000), method=divisors, data=st.data())
def test_many_units_with_minimum_and_maximum_equal_the_fraction_engine(
    weights: list[int], total: int, method: Method, data: st.DataObject
) -> None:
    n = len(weights)
    lows = data.draw(
        st.one_of(st.integers(0, 3), st.lists(st.integers(0, 40), min_size=n, max_size=n))
    )
    highs = data.draw(st.one_of(st.none(), st.integers(20, 400)))
    _both(weights, total, method, minimum=lows, maximum=highs)


@LARGE
@given(weights=many_units, total=st.integers(0, 50_000), method=divisors)
def test_weights_beyond_int64_give_the_seats_of_the_same_ratios(
    weights: list[int], total: int, method: Method
) -> None:
    """Times 2**40 the weights take the Python-integer path; the ratios, so the seats, stay."""
    import regietafel.core.apportionment as fast

    scaled = [w * 2**40 for w in weights]
    assert fast.apportion(scaled, total, method=method).seats.tolist() == (
        fast.apportion(weights, total, method=method).seats.tolist()
    )
