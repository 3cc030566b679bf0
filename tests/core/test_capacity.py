from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings

from regietafel.core.capacity import (
    Location,
    capacity_timeline,
    closures_without_successor,
    monday_of,
    occupancy_by_category,
)
from regietafel.core.rules import LocationType, NeedCategory
from tests.core.strategies import registers, window_starts

AZC = Location(
    "A", "azc Eenstad", "GM0001", "PV20", LocationType.REGULIER, 100, 90, date(2021, 1, 1)
)
# Temporary emergency reception: open 1 November up to and including Sunday 21 November.
NOOD = Location(
    "B",
    "noodopvang sporthal",
    "GM0001",
    "PV20",
    LocationType.NOODOPVANG,
    40,
    40,
    date(2021, 11, 1),
    date(2021, 11, 21),
)
# AMV location that opens on Monday 15 November.
AMV = Location("C", "AMV Tweestad", "GM0002", "PV21", LocationType.AMV, 50, 10, date(2021, 11, 15))
REGISTER = [AZC, NOOD, AMV]


def test_location_validation() -> None:
    with pytest.raises(ValueError, match="bezetting"):
        Location("X", "x", "GM1", "PV20", LocationType.REGULIER, 10, 11, date(2021, 1, 1))
    with pytest.raises(ValueError, match="negatief"):
        Location("X", "x", "GM1", "PV20", LocationType.REGULIER, -1, 0, date(2021, 1, 1))
    with pytest.raises(ValueError, match="einddatum"):
        Location(
            "X", "x", "GM1", "PV20", LocationType.REGULIER, 1, 0, date(2021, 2, 1), date(2021, 1, 1)
        )


def test_end_date_is_the_last_open_day() -> None:
    assert NOOD.is_open_on(date(2021, 11, 21))
    assert not NOOD.is_open_on(date(2021, 11, 22))
    assert not NOOD.is_open_on(date(2021, 10, 31))
    assert NOOD.is_open_on(date(2021, 11, 1))
    assert not NOOD.is_structural
    assert AZC.is_structural


def test_hand_made_register_with_a_closure_mid_horizon() -> None:
    # start is Wednesday 3 Nov 2021 -> reference Mondays 1, 8, 15, 22 November.
    # week 0: A 100 + B 40 = 140      week 1: 140
    # week 2: A 100 + B 40 + C 50 = 190 (C opens that Monday)
    # week 3: B closed after 21 Nov -> A 100 + C 50 = 150
    timeline = capacity_timeline(REGISTER, start=date(2021, 11, 3), weeks=4)
    assert timeline.week_starts == (
        date(2021, 11, 1),
        date(2021, 11, 8),
        date(2021, 11, 15),
        date(2021, 11, 22),
    )
    assert timeline.total.tolist() == [140, 140, 190, 150]
    assert timeline.structural.tolist() == [100, 100, 150, 150]
    assert timeline.temporary.tolist() == [40, 40, 40, 0]
    assert timeline.by_province["PV20"].tolist() == [140, 140, 140, 100]
    assert timeline.by_province["PV21"].tolist() == [0, 0, 50, 50]
    assert timeline.by_type[LocationType.NOODOPVANG].tolist() == [40, 40, 40, 0]
    assert timeline.by_type[LocationType.HOTEL].tolist() == [0, 0, 0, 0]
    national = timeline.by_category()
    assert national[NeedCategory.REGULAR].tolist() == [140, 140, 140, 100]
    assert national[NeedCategory.AMV].tolist() == [0, 0, 50, 50]
    assert timeline.by_category("PV21")[NeedCategory.REGULAR].tolist() == [0, 0, 0, 0]
    assert timeline.by_category("PV99")[NeedCategory.AMV].tolist() == [0, 0, 0, 0]
    assert timeline.week_index(date(2021, 11, 21)) == 2
    with pytest.raises(ValueError, match="buiten"):
        timeline.week_index(date(2021, 11, 29))


def test_timeline_arrays_are_read_only() -> None:
    timeline = capacity_timeline(REGISTER, start=date(2021, 11, 1), weeks=2)
    with pytest.raises(ValueError, match="read-only"):
        timeline.total[0] = 0


def test_empty_register_gives_zero_timeline() -> None:
    timeline = capacity_timeline([], start=date(2021, 11, 1), weeks=3)
    assert timeline.total.tolist() == [0, 0, 0]
    assert dict(timeline.by_province) == {}


def test_occupancy_by_category_counts_open_locations_only() -> None:
    # On 22 Nov: A (90, regular) and C (10, AMV) are open; B has closed.
    assert occupancy_by_category(REGISTER, on=date(2021, 11, 22)) == {
        NeedCategory.REGULAR: 90,
        NeedCategory.AMV: 10,
        NeedCategory.SOBER: 0,
    }
    # On 10 Nov in PV20: A 90 + B 40.
    pv20 = occupancy_by_category(REGISTER, on=date(2021, 11, 10), province_code="PV20")
    assert pv20[NeedCategory.REGULAR] == 130


def test_closure_without_successor_is_reported() -> None:
    # B ends 21 Nov, inside [3 Nov, 1 Dec). Hotel in GM0001 starting 34 days later is too late.
    late_hotel = Location(
        "D", "hotel", "GM0001", "PV20", LocationType.HOTEL, 40, 0, date(2021, 12, 25)
    )
    closures = closures_without_successor([*REGISTER, late_hotel], start=date(2021, 11, 3), weeks=4)
    assert [c.location_id for c in closures] == ["B"]
    assert closures[0].end == date(2021, 11, 21)
    assert closures[0].capacity == 40


def test_successor_within_28_days_same_municipality_and_category_suppresses_closure() -> None:
    # 19 Dec is exactly 28 days after 21 Nov: inclusive, so it is a successor.
    successor = Location(
        "E", "hotel", "GM0001", "PV20", LocationType.HOTEL, 10, 0, date(2021, 12, 19)
    )
    assert (
        closures_without_successor([*REGISTER, successor], start=date(2021, 11, 3), weeks=4) == []
    )
    # The same date but an AMV location (other need category) is not a successor.
    amv = Location("F", "amv", "GM0001", "PV20", LocationType.AMV, 10, 0, date(2021, 12, 19))
    assert len(closures_without_successor([*REGISTER, amv], start=date(2021, 11, 3), weeks=4)) == 1
    # ... nor a regular location in another municipality.
    other = Location("G", "azc", "GM0002", "PV21", LocationType.REGULIER, 10, 0, date(2021, 12, 1))
    assert (
        len(closures_without_successor([*REGISTER, other], start=date(2021, 11, 3), weeks=4)) == 1
    )


def test_closures_outside_the_window_are_ignored() -> None:
    # Window [22 Nov, 29 Nov): B ended on 21 Nov, before the window.
    assert closures_without_successor(REGISTER, start=date(2021, 11, 22), weeks=1) == []


@settings(max_examples=150, deadline=None)
@given(register=registers(), start=window_starts)
def test_timeline_breakdowns_add_up_at_every_week(register: list[Location], start: date) -> None:
    timeline = capacity_timeline(register, start=start, weeks=30)
    zero = np.zeros(30, np.int64)
    assert (timeline.total >= 0).all()
    assert (timeline.total == timeline.structural + timeline.temporary).all()
    assert (timeline.total == sum(timeline.by_province.values(), zero)).all()
    assert (timeline.total == sum(timeline.by_type.values(), zero)).all()
    assert (timeline.total == sum(timeline.by_category().values(), zero)).all()
    for code, per_province in timeline.by_province.items():
        assert (per_province == sum(timeline.by_category(code).values(), zero)).all()


@settings(max_examples=150, deadline=None)
@given(register=registers(), start=window_starts)
def test_timeline_matches_a_day_by_day_count(register: list[Location], start: date) -> None:
    timeline = capacity_timeline(register, start=start, weeks=30)
    for k, day in enumerate(timeline.week_starts):
        assert int(timeline.total[k]) == sum(
            loc.capacity for loc in register if loc.is_open_on(day)
        )


@settings(max_examples=100, deadline=None)
@given(register=registers(max_size=10))
def test_capacity_is_zero_before_every_start(register: list[Location]) -> None:
    if not register:
        return
    first_start = min(loc.start for loc in register)
    start = monday_of(first_start) - timedelta(weeks=10)
    timeline = capacity_timeline(register, start=start, weeks=10)
    assert (timeline.total == 0).all()


def test_location_problems_write_numbers_as_dutch_readers_do() -> None:
    """ "bezetting 99999 is groter dan de capaciteit 220" had no thousands separator."""
    from regietafel.core.capacity import location_problems

    problems = location_problems(capacity=1_220, occupancy=99_999, start=date(2021, 1, 1), end=None)
    assert problems == [("occupancy", "bezetting 99.999 is groter dan de capaciteit 1.220")]
