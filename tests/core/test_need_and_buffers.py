"""Need policies as dated data and buffer policies compared over paths, by hand."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core import buffer_policies as bp
from regietafel.core.forecast import ForecastError
from regietafel.core.need_policy import (
    NEED_POLICIES,
    NO_POLICY,
    NeedPolicy,
    NeedPolicyKind,
    need_on,
    percentage_policy,
    policy_by_key,
    policy_on,
    target_dates,
)


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (date(2018, 6, 1), NO_POLICY.key),
        (date(2020, 1, 1), "coa-reserve-2019"),
        (date(2021, 11, 1), "lrt-voorjaar-2021"),
        (date(2022, 12, 31), "coa-2022-11"),
        (date(2023, 11, 10), "coa-2023-11"),
        (date(2025, 9, 1), "coa-2023-11"),
    ],
)
def test_the_policy_that_applied_on_a_day(day: date, key: str) -> None:
    assert policy_on(day).key == key


def test_need_by_each_kind() -> None:
    occupancy = np.array([48_000, 57_538])
    assert policy_by_key("coa-2022-11").need(occupancy).tolist() == [50_000, 59_936]
    # 57,538 / 0.91 = 63,228.57...: whole places, rounded up.
    assert policy_by_key("coa-2023-11").need(occupancy).tolist() == [52_748, 63_229]
    assert policy_by_key("lrt-voorjaar-2021").need(occupancy).tolist() == [48_417, 57_955]
    assert percentage_policy(0.05).need(np.array([1_000, 1_001])).tolist() == [1_050, 1_052]
    assert all(p.source for p in NEED_POLICIES)


def test_a_fixed_buffer_says_in_a_province_that_it_adds_nothing_there() -> None:
    fixed, rate = policy_by_key("lrt-voorjaar-2021"), policy_by_key("coa-2023-11")
    assert fixed.label_for(national=True) == fixed.label
    assert fixed.label_for(national=False) == (
        f"{fixed.label}; die telt alleen landelijk, in een provincie geen buffer"
    )
    # Consistent with the arithmetic: in a province the fixed buffer adds no place.
    assert fixed.buffer_places(1_000, national=False) == 0
    assert rate.label_for(national=False) == rate.label
    assert rate.buffer_places(910, national=False) == 90


def test_the_one_need_rule_on_whole_numbers_is_exact() -> None:
    """The weekly figures ask the same rule with an int: 970 at 96 % is ⌈1.010,4⌉ = 1.011,
    970 + 417 = 1.387; a whole result is not rounded up again (960 at 96 % is 1.000), and
    a decimal percentage never gains a place by float error (100 at 7 % is 107, not 108)."""
    assert policy_by_key("coa-2022-11").need(970) == 1_011
    assert policy_by_key("lrt-voorjaar-2021").need(970) == 1_387
    assert policy_by_key("coa-2022-11").need(960) == 1_000
    assert percentage_policy(0.07).need(100) == 107
    assert policy_by_key(NO_POLICY.key).need(970) == 970
    # Inside a province a fixed (national) buffer adds nothing; a rate applies unchanged.
    assert policy_by_key("lrt-voorjaar-2021").in_province().need(970) == 970
    assert policy_by_key("coa-2022-11").in_province().need(970) == 1_011
    # The array form gives the same numbers.
    assert policy_by_key("coa-2022-11").need(np.array([970, 960])).tolist() == [1_011, 1_000]
    with pytest.raises(ValueError, match="ongeldige waarde"):
        NeedPolicy("x", NeedPolicyKind.OCCUPANCY_RATE, 1.2, date(2020, 1, 1), "x", "x")
    with pytest.raises(ValueError, match="ongeldige waarde"):
        NeedPolicy("x", NeedPolicyKind.FIXED_BUFFER, -1, date(2020, 1, 1), "x", "x")


@settings(deadline=None, max_examples=60)
@given(
    st.integers(0, 500_000),
    st.one_of(
        st.sampled_from(NEED_POLICIES),
        st.sampled_from([0.01, 0.05, 0.07, 0.125]).map(percentage_policy),
    ),
)
def test_need_is_the_smallest_whole_number_that_meets_the_policy(
    occupancy: int, policy: NeedPolicy
) -> None:
    """Exactly (in fractions): need ≥ the policy's target, need - 1 below it; the int and
    array forms agree."""
    need = policy.need(occupancy)
    assert need == int(policy.need(np.array([occupancy]))[0])
    value = Fraction(str(policy.value))
    if policy.kind is NeedPolicyKind.FIXED_BUFFER:
        assert need == occupancy + value
        return
    target = (
        occupancy / value
        if policy.kind is NeedPolicyKind.OCCUPANCY_RATE
        else (occupancy * (1 + value))
    )
    assert need - 1 < target <= need


def test_target_dates_and_need_on_a_target_date() -> None:
    start = date(2021, 11, 1)
    assert target_dates(start, 104) == (
        date(2022, 1, 1), date(2022, 7, 1), date(2023, 1, 1), date(2023, 7, 1),
    )  # fmt: skip
    occupancy = np.arange(2 * 104, dtype=np.int64).reshape(2, 104) * 100
    # 1 January 2022 lies in the ninth week (index 8) from Monday 1 November 2021.
    need = need_on(occupancy, start, date(2022, 1, 1), policy_by_key("coa-2022-11"))
    assert need.tolist() == [834, 11_667]  # 800/0.96 = 833.3; 11,200/0.96 = 11,666.7
    # The one check of a date outside the run, in Dutch, naming the span (page, CLI and API).
    with pytest.raises(ForecastError, match=r"^1 januari 2024 valt buiten de prognose \(104 "
                       r"weken vanaf 1 november 2021\)$"):  # fmt: skip
        need_on(occupancy, start, date(2024, 1, 1), policy_by_key("coa-2022-11"))
    with pytest.raises(ForecastError):
        need_on(occupancy, start, date(2021, 10, 31), policy_by_key("coa-2022-11"))


def test_fixed_buffer_with_a_step_in_occupancy() -> None:
    occupancy = np.array([[1_000] * 3 + [2_000] * 7], dtype=np.int64)
    policy = bp.CapacityPolicy("vast", "vast", bp.PolicyKind.FIXED, 417)
    outcome = bp.evaluate(
        policy, occupancy, start_occupancy=1_000, start_capacity=1_000, lead=2, block=100,
        cost_regular=52, cost_emergency=104,
    )  # fmt: skip
    # Week 0: target 1,417 -> five blocks of 100 -> 1,500. The step in week 3 is seen in
    # week 3 + 2 + 1 = 6: target 2,417 -> ten blocks -> 2,500.
    assert outcome.capacity[0].tolist() == [1_500] * 6 + [2_500] * 4
    assert outcome.short_person_weeks == 3 * 500
    assert outcome.p_short_week == 1.0
    assert outcome.empty_place_weeks == 3 * 500 + 4 * 500
    assert (outcome.openings, outcome.closings) == (2, 0)
    # cost per week = places + 2 × short (costs 52 and 104 per year).
    assert outcome.cost_million * 1e6 == pytest.approx(6 * 1_500 + 4 * 2_500 + 2 * 1_500)


def test_hysteresis_keeps_places_for_the_minimum_contract() -> None:
    occupancy = np.array([[1_000] * 2 + [200] * 30], dtype=np.int64)
    policy = bp.CapacityPolicy("h", "h", bp.PolicyKind.HYSTERESIS, 0, min_weeks=10)
    capacity = bp.capacity_paths(
        policy, occupancy, start_occupancy=1_000, start_capacity=1_000, lead=0, block=100
    )[0]
    # 1,000 > 96 % of 1,000: open up to 1,000/0.92 = 1,087 -> one block -> 1,100 in week 0.
    # Occupancy 200 is seen from week 3, but the opening of week 0 holds until week 10.
    assert capacity[:10].tolist() == [1_100] * 10
    assert capacity[10] == 300  # 200/0.92 = 218 -> close 800 in whole blocks
    assert capacity[-1] == 300


def test_rate_and_order_up_to_policies_need_more_places_for_more_safety() -> None:
    rng = np.random.default_rng(5)
    occupancy = (1_000 * np.exp(np.cumsum(rng.normal(0, 0.03, (400, 52)), axis=1))).astype(np.int64)
    outcomes = {
        o.policy.key: o for o in bp.compare(occupancy, start_occupancy=1_000, start_capacity=1_050)
    }
    assert set(outcomes) == {p.key for p in bp.DEFAULT_POLICIES}
    assert (
        outcomes["bestellen-p90"].short_person_weeks < outcomes["bezetting-96"].short_person_weeks
    )
    assert outcomes["bestellen-p90"].empty_place_weeks > outcomes["bezetting-96"].empty_place_weeks


def test_probability_that_a_target_is_met() -> None:
    need = np.array([1.0, 2.0, 3.0, 4.0])
    assert bp.target_probability(need, capacity_now=2, extra=1) == 0.75
    assert bp.target_probability(need, capacity_now=0, extra=0) == 0.0


@settings(deadline=None, max_examples=40)
@given(
    st.lists(st.integers(0, 200_000), min_size=1, max_size=30),
    st.sampled_from(NEED_POLICIES),
)
def test_need_covers_occupancy_and_rises_with_it(values: list[int], policy: NeedPolicy) -> None:
    occupancy = np.sort(np.asarray(values, dtype=np.int64))
    need = policy.need(occupancy)
    assert (need >= occupancy).all()
    assert (np.diff(need) >= 0).all()


@settings(deadline=None, max_examples=30)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from(bp.DEFAULT_POLICIES),
    st.integers(0, 30),
    st.integers(1, 500),
)
def test_shortage_minus_empty_places_is_occupancy_minus_capacity(
    seed: int, policy: bp.CapacityPolicy, lead: int, block: int
) -> None:
    rng = np.random.default_rng(seed)
    occupancy = rng.integers(0, 5_000, size=(20, 40)).astype(np.int64)
    outcome = bp.evaluate(policy, occupancy, start_occupancy=2_000, start_capacity=2_100,
                          lead=lead, block=block)  # fmt: skip
    capacity = outcome.capacity
    assert (capacity >= 0).all()
    balance = (occupancy - capacity).sum(axis=1).mean()
    assert outcome.short_person_weeks - outcome.empty_place_weeks == pytest.approx(balance)


def test_the_order_up_to_percentile_is_a_choice_within_bounds() -> None:
    from regietafel.core.buffer_policies import PolicyKind, order_up_to, policies_for

    chosen = policies_for(national=True, order_percentile=0.75)
    (order,) = [p for p in chosen if p.kind is PolicyKind.ORDER_UP_TO]
    assert (order.key, order.label, order.amount) == (
        "bestellen-p75", "bestellen tot 75e percentiel", 0.75,
    )  # fmt: skip
    assert [p.key for p in policies_for(national=True)][3] == "bestellen-p90"  # the default
    assert len(policies_for(national=False, order_percentile=0.75)) == len(chosen) - 1  # no +417
    for wrong in (0.49, 1.0):
        with pytest.raises(ValueError, match="tussen 50 en 99"):
            order_up_to(wrong)
