from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core.capacity import Location, capacity_timeline
from regietafel.core.need import (
    GapRow,
    buffer_places,
    capacity_at_horizons,
    need_and_gap,
    need_and_gap_by_province,
    projected_occupancy,
    trend_projection,
)
from regietafel.core.need_policy import (
    CHOOSABLE_POLICIES,
    NeedPolicy,
    NeedPolicyKind,
    percentage_policy,
    policy_by_key,
)
from regietafel.core.rules import (
    DEFAULT_HORIZONS,
    LONG,
    MEDIUM,
    SHORT,
    STANDARD_LOCATION_SIZE,
    LocationType,
    NeedCategory,
)
from tests.core.strategies import PROVINCES, registers, window_starts

REG, AMV, SOBER = NeedCategory.REGULAR, NeedCategory.AMV, NeedCategory.SOBER
MONDAY = date(2021, 11, 1)


def weekly(values: list[int], last: date = MONDAY) -> list[tuple[date, int]]:
    first = last - timedelta(weeks=len(values) - 1)
    return [(first + timedelta(weeks=k), v) for k, v in enumerate(values)]


def test_trend_is_a_straight_line_through_the_recent_weeks() -> None:
    # +10 a week from 130: four weeks on is 170.
    assert trend_projection(weekly([100, 110, 120, 130]), 4) == 170
    assert trend_projection(weekly([100, 110, 120, 130]), 0) == 130
    # Order of the input does not matter.
    assert trend_projection(list(reversed(weekly([100, 110, 120, 130]))), 4) == 170


def test_trend_uses_only_the_window() -> None:
    # Two old outliers, then eight flat weeks at 500: the default window of 8 sees a flat line.
    history = weekly([5000, 9000, 500, 500, 500, 500, 500, 500, 500, 500])
    assert trend_projection(history, 26) == 500
    assert trend_projection(history, 26, window=10) < 500


def test_trend_is_damped_after_a_quarter() -> None:
    # +10 a week from 130: 13 weeks ahead 260, and no further rise after that.
    history = weekly([100, 110, 120, 130])
    assert trend_projection(history, 13) == 260
    assert trend_projection(history, 14) == 260
    assert trend_projection(history, 104) == 260


def test_trend_edges() -> None:
    assert trend_projection([], 26) == 0
    assert trend_projection([(MONDAY, 321)], 26) == 321
    # -10 a week from 10: never below zero.
    assert trend_projection(weekly([30, 20, 10]), 26) == 0
    with pytest.raises(ValueError, match="twee keer"):
        trend_projection([(MONDAY, 1), (MONDAY, 2)], 4)
    with pytest.raises(ValueError, match="vooruit"):
        trend_projection(weekly([1, 2]), -1)


def test_projected_occupancy_per_horizon() -> None:
    # Regular +10/week from 130; AMV has one point (flat); sober has no history (0).
    projection = projected_occupancy(
        {REG: weekly([100, 110, 120, 130]), AMV: [(MONDAY, 40)]}, DEFAULT_HORIZONS
    )
    # Read on the peildatum, the Monday of the horizon's last week: 3 weeks after the last
    # observation for the 4-week horizon (capacity is read on that day too).
    assert projection["kort"] == {REG: 130 + 3 * 10, AMV: 40, SOBER: 0}
    # The line runs 13 weeks (TREND_MAX_WEEKS) and then stays flat: 130 + 13 x 10 = 260.
    assert projection["middellang"][REG] == 130 + 130
    assert projection["lang"][REG] == 130 + 130


FIXED_417 = policy_by_key("lrt-voorjaar-2021")
RATE_96 = policy_by_key("coa-2022-11")


def test_buffer_rounds_up_and_fixed_is_national_regular_only() -> None:
    five = percentage_policy(0.05)
    assert buffer_places(1000, REG, five) == 50
    assert buffer_places(1001, REG, five) == 51  # 50.05 rounds up
    assert buffer_places(1001, AMV, five, national=False) == 51
    assert buffer_places(100, REG, percentage_policy(0.07)) == 7  # not 8 by float error
    assert buffer_places(0, REG, FIXED_417) == 417
    assert buffer_places(500, SOBER, FIXED_417) == 0
    assert buffer_places(500, REG, FIXED_417, national=False) == 0
    # Occupancy rate: 970 / 0.96 = 1,010.4 -> 1,011 places, 41 on top; 960 / 0.96 is exactly
    # 1,000: a whole result is not rounded up again.
    assert buffer_places(970, REG, RATE_96) == 41
    assert buffer_places(960, AMV, RATE_96, national=False) == 40


# Two provinces on Monday 1 November 2021, need policy 5 % (every scope and category).
#   PV20: azc 1.000 places, regular occupancy 700 -> more than its share: surplus.
#   PV21: azc 400 + noodopvang 200 (closes after 31 January 2022) + AMV 50;
#         regular occupancy 600, AMV occupancy 120 (70 AMV in regular places).
FAIR_REGISTER = [
    Location(
        "A", "azc Eenstad", "GM0001", "PV20", LocationType.REGULIER, 1000, 700, date(2020, 1, 1)
    ),
    Location(
        "B", "azc Tweestad", "GM0002", "PV21", LocationType.REGULIER, 400, 400, date(2020, 1, 1)
    ),
    Location(
        "C",
        "noodopvang Tweestad",
        "GM0002",
        "PV21",
        LocationType.NOODOPVANG,
        200,
        200,
        date(2021, 10, 1),
        date(2022, 1, 31),
    ),
    Location("D", "AMV Tweestad", "GM0002", "PV21", LocationType.AMV, 50, 50, date(2020, 1, 1)),
]
FAIR_OCCUPANCY = {"PV20": {REG: 700}, "PV21": {REG: 600, AMV: 120}}
POLICY = percentage_policy(0.05)


def row(rows: tuple[GapRow, ...], horizon: str, category: NeedCategory) -> GapRow:
    (found,) = [r for r in rows if r.horizon.name == horizon and r.category is category]
    return found


def test_hand_made_provinces_one_above_its_share() -> None:
    timeline = capacity_timeline(FAIR_REGISTER, start=MONDAY, weeks=104)
    result = need_and_gap_by_province(occupancy=FAIR_OCCUPANCY, timeline=timeline, policy=POLICY)
    assert set(result) == {"PV20", "PV21", None}

    # PV20 regular: 700 + ceil(35) = 735 needed, 1.000 present: surplus of 265 at every horizon.
    pv20 = row(result["PV20"], "kort", REG)
    assert (pv20.occupancy_used, pv20.buffer, pv20.need, pv20.capacity, pv20.gap) == (
        700,
        35,
        735,
        1000,
        -265,
    )
    assert row(result["PV20"], "lang", REG).gap == -265
    assert pv20.gap_locations is None

    # PV21 regular: 600 + 30 = 630. Short (22 Nov): 600 places -> gap 30.
    # Medium (25 Apr 2022): the noodopvang has closed, 400 places -> gap 230.
    assert row(result["PV21"], "kort", REG).gap == 30
    assert row(result["PV21"], "middellang", REG).capacity == 400
    assert row(result["PV21"], "middellang", REG).gap == 230
    # PV21 AMV: 120 + ceil(6) = 126 needed, 50 present: 76 places = 2 locations of 50.
    amv = row(result["PV21"], "kort", AMV)
    assert (amv.need, amv.capacity, amv.gap, amv.gap_locations) == (126, 50, 76, 2)
    assert row(result["PV21"], "kort", SOBER).gap_locations == 0

    # National regular: 1.300 + ceil(65) = 1.365 needed.
    # Short: 1.600 places -> 235 over; medium: 1.400 -> 35 over.
    national = row(result[None], "kort", REG)
    assert (national.occupancy_used, national.buffer, national.need) == (1300, 65, 1365)
    assert national.capacity == 1600
    assert national.gap == -235
    assert row(result[None], "middellang", REG).gap == -35
    assert national.province_code is None


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        # Fixed 417: only the national regular need; 1.300 + 417 = 1.717 against 1.600 and
        # 1.400 places: 117 and 317 short, although PV20 has a surplus.
        (FIXED_417, [(0, 700), (0, 600), (0, 120), (417, 1717), (117, 317)]),
        # 96 %: 700/0,96 = 729,2 -> 730; 600/0,96 = 625 exactly; 120/0,96 = 125 exactly;
        # 1.300/0,96 = 1.354,2 -> 1.355 (55 on top): 245 and 45 places over.
        (RATE_96, [(30, 730), (25, 625), (5, 125), (55, 1355), (-245, -45)]),
    ],
)
def test_hand_made_provinces_by_fixed_buffer_and_occupancy_rate(
    policy: NeedPolicy, expected: list[tuple[int, int]]
) -> None:
    """Buffer and need of PV20 regular, PV21 regular, PV21 AMV and national regular (short
    horizon), then the national regular gap at the short and medium horizon."""
    timeline = capacity_timeline(FAIR_REGISTER, start=MONDAY, weeks=104)
    result = need_and_gap_by_province(occupancy=FAIR_OCCUPANCY, timeline=timeline, policy=policy)
    rows = [
        row(result["PV20"], "kort", REG),
        row(result["PV21"], "kort", REG),
        row(result["PV21"], "kort", AMV),
        row(result[None], "kort", REG),
    ]
    national_gaps = (rows[-1].gap, row(result[None], "middellang", REG).gap)
    assert [(r.buffer, r.need) for r in rows] + [national_gaps] == expected


def test_short_horizon_ignores_projection_medium_uses_it() -> None:
    rows = need_and_gap(
        occupancy={REG: 1000},
        capacity={h.name: {REG: 900} for h in DEFAULT_HORIZONS},
        projected={"middellang": {REG: 1500}, "lang": {REG: 2000}},
    )
    # Short: 1.000 - 900 = 100; medium: 1.500 - 900 = 600; long: 2.000 - 900 = 1.100.
    assert [row(rows, h.name, REG).gap for h in DEFAULT_HORIZONS] == [100, 600, 1100]


def test_missing_inputs_are_errors() -> None:
    with pytest.raises(ValueError, match="capaciteit"):
        need_and_gap(occupancy={}, capacity={"kort": {}}, horizons=(SHORT, MEDIUM))
    with pytest.raises(ValueError, match="projectie"):
        need_and_gap(
            occupancy={},
            capacity={"kort": {}, "lang": {}},
            projected={"kort": {}},
            horizons=(SHORT, LONG),
        )
    timeline = capacity_timeline([], start=MONDAY, weeks=26)
    with pytest.raises(ValueError, match="korter"):
        capacity_at_horizons(timeline, DEFAULT_HORIZONS)


occupancies = st.fixed_dictionaries(
    {
        code: st.fixed_dictionaries({c: st.integers(0, 5000) for c in NeedCategory})
        for code in PROVINCES
    }
)
policies = st.one_of(
    st.sampled_from(CHOOSABLE_POLICIES),
    st.sampled_from([0.0, 0.025, 0.05, 0.07, 0.1, 0.123]).map(percentage_policy),
)


@settings(max_examples=100, deadline=None)
@given(register=registers(), start=window_starts, occupancy=occupancies, policy=policies)
def test_national_rows_add_up_from_provinces(
    register: list[Location],
    start: date,
    occupancy: dict[str, dict[NeedCategory, int]],
    policy: NeedPolicy,
) -> None:
    timeline = capacity_timeline(register, start=start, weeks=104)
    result = need_and_gap_by_province(occupancy=occupancy, timeline=timeline, policy=policy)
    provinces = [code for code in result if code is not None]
    for national in result[None]:
        parts = [row(result[code], national.horizon.name, national.category) for code in provinces]
        assert national.capacity == sum(p.capacity for p in parts)
        assert national.occupancy_used == sum(p.occupancy_used for p in parts)
        # Province buffers are rounded up one by one and carry no fixed part.
        fixed = (
            int(policy.value)
            if policy.kind is NeedPolicyKind.FIXED_BUFFER and national.category is REG
            else 0
        )
        province_buffers = sum(p.buffer for p in parts)
        assert province_buffers - len(parts) + 1 + fixed <= national.buffer
        assert national.buffer <= province_buffers + fixed


@settings(max_examples=100, deadline=None)
@given(register=registers(), start=window_starts, occupancy=occupancies, policy=policies)
def test_gap_identity(
    register: list[Location],
    start: date,
    occupancy: dict[str, dict[NeedCategory, int]],
    policy: NeedPolicy,
) -> None:
    timeline = capacity_timeline(register, start=start, weeks=104)
    for rows in need_and_gap_by_province(
        occupancy=occupancy, timeline=timeline, policy=policy
    ).values():
        for r in rows:
            assert r.need == r.occupancy_used + r.buffer
            assert r.gap == r.need - r.capacity
            assert r.buffer >= 0
            if r.gap_locations is not None:
                size = STANDARD_LOCATION_SIZE[r.category]
                assert r.gap_locations * size >= max(r.gap, 0)
                assert (r.gap_locations - 1) * size < max(r.gap, 1)


@given(
    occupancy=st.dictionaries(st.sampled_from(list(NeedCategory)), st.integers(0, 60_000)),
    policy=st.sampled_from(CHOOSABLE_POLICIES),
    national=st.booleans(),
)
def test_need_now_is_the_short_horizons_need(
    occupancy: dict[NeedCategory, int], policy: NeedPolicy, national: bool
) -> None:
    """The forecast's need at its start (``need_now``) and the weekly figures' need on the
    short horizon (the gap rows' sum) are one number for every policy, kind and scope."""
    from regietafel.core.need import need_now

    rows = need_and_gap(
        occupancy=occupancy, capacity={"kort": {}}, policy=policy, horizons=(SHORT,),
        province_code=None if national else "PV27",
    )  # fmt: skip
    assert need_now(occupancy, policy, national=national) == sum(r.need for r in rows)
