from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core.capacity import Location
from regietafel.core.rules import LocationType, NeedCategory, TargetStatus
from regietafel.core.targets import Target, target_progress
from tests.core.strategies import EPOCH, registers

REG, AMV = NeedCategory.REGULAR, NeedCategory.AMV

# LRT of 20 October 2021: 600 extra places up to and including 30 November ("vóór 1 december"),
# then 1.200 more in December ("tot januari 2022").
SIX_HUNDRED = Target(
    "600-nov", "600 extra opvangplekken", REG, "places", 600, date(2021, 10, 20), date(2021, 11, 30)
)
TWELVE_HUNDRED = Target(
    "1200-dec",
    "1.200 extra opvangplekken",
    REG,
    "places",
    1200,
    date(2021, 11, 30),
    date(2021, 12, 31),
)
AMV_LOCATIONS = Target(
    "amv-2021",
    "AMV-locaties",
    AMV,
    "locations",
    6,
    date(2021, 10, 20),
    date(2021, 12, 31),
    quantity_max=7,
)


def loc(
    id_: str, type_: LocationType, capacity: int, start: date, province: str = "PV20"
) -> Location:
    return Location(id_, f"locatie {id_}", "GM0001", province, type_, capacity, 0, start)


REGISTER = [
    loc(
        "old", LocationType.REGULIER, 500, date(2021, 10, 20)
    ),  # opened on the start day: not extra
    loc("L1", LocationType.REGULIER, 250, date(2021, 11, 1)),
    loc("L2", LocationType.HOTEL, 200, date(2021, 11, 15), province="PV21"),
    loc("L3", LocationType.NOODOPVANG, 150, date(2021, 11, 30)),
    loc("amv1", LocationType.AMV, 50, date(2021, 11, 10)),  # other category
    loc("L7", LocationType.REGULIER, 700, date(2021, 12, 6)),
    loc("L8", LocationType.HOTEL, 400, date(2021, 12, 20)),
]


def test_600_met_exactly_on_its_deadline() -> None:
    # 30 Nov: L1 250 + L2 200 + L3 150 = 600 -> met, on the deadline day itself.
    progress = target_progress(SIX_HUNDRED, REGISTER, as_of=date(2021, 11, 30))
    assert (progress.achieved, progress.remaining, progress.status) == (600, 0, TargetStatus.MET)
    # Later it stays met: L7 and L8 open after the deadline and do not count for it.
    later = target_progress(SIX_HUNDRED, REGISTER, as_of=date(2022, 2, 1))
    assert (later.achieved, later.status) == (600, TargetStatus.MET)


def test_600_on_track_and_behind_along_the_way() -> None:
    # 15 Nov: 250 + 200 = 450; 26 of 41 days -> expected 600×26//41 = 380: on track.
    mid = target_progress(SIX_HUNDRED, REGISTER, as_of=date(2021, 11, 15))
    assert (mid.achieved, mid.expected_by_now, mid.status) == (450, 380, TargetStatus.ON_TRACK)
    # 29 Nov: still 450; 40 of 41 days -> expected 585: behind.
    eve = target_progress(SIX_HUNDRED, REGISTER, as_of=date(2021, 11, 29))
    assert (eve.achieved, eve.expected_by_now, eve.status) == (450, 585, TargetStatus.BEHIND)
    # Before the start nothing is expected.
    assert target_progress(SIX_HUNDRED, REGISTER, as_of=date(2021, 10, 1)).expected_by_now == 0


def test_600_late_when_a_location_slips_past_the_deadline() -> None:
    # L3 opens 2 December instead: 450 on 5 December, deadline passed -> late, 150 to go.
    slipped = [*REGISTER[:3], loc("L3", LocationType.NOODOPVANG, 150, date(2021, 12, 2))]
    progress = target_progress(SIX_HUNDRED, slipped, as_of=date(2021, 12, 5))
    assert (progress.achieved, progress.remaining, progress.status) == (450, 150, TargetStatus.LATE)
    assert progress.expected_by_now == 600


def test_1200_counts_only_december_openings() -> None:
    # L3 opened on 30 Nov = the start of this target: not counted. L7 700 + L8 400 = 1.100.
    mid = target_progress(TWELVE_HUNDRED, REGISTER, as_of=date(2021, 12, 20))
    # 20 of 31 days -> expected 1.200×20//31 = 774.
    assert (mid.achieved, mid.expected_by_now, mid.status) == (1100, 774, TargetStatus.ON_TRACK)
    late = target_progress(TWELVE_HUNDRED, REGISTER, as_of=date(2022, 1, 3))
    assert (late.achieved, late.remaining, late.status) == (1100, 100, TargetStatus.LATE)


def test_province_target_counts_its_own_province_only() -> None:
    pv21 = Target(
        "pv21",
        "PV21 extra",
        REG,
        "places",
        100,
        date(2021, 10, 20),
        date(2021, 11, 30),
        province_code="PV21",
    )
    # Only L2 (200, PV21) counts.
    assert target_progress(pv21, REGISTER, as_of=date(2021, 11, 30)).achieved == 200


def test_location_target_counts_locations() -> None:
    # One AMV location open by 31 December: 1 of 6; 72 of 72 days passed -> late on 1 Jan.
    progress = target_progress(AMV_LOCATIONS, REGISTER, as_of=date(2022, 1, 1))
    assert (progress.achieved, progress.remaining, progress.status) == (1, 5, TargetStatus.LATE)
    six = [loc(f"a{i}", LocationType.AMV, 50, date(2021, 12, 1)) for i in range(6)]
    assert target_progress(AMV_LOCATIONS, six, as_of=date(2021, 12, 1)).status is TargetStatus.MET


def test_target_validation() -> None:
    with pytest.raises(ValueError, match="groter dan 0"):
        Target("x", "x", REG, "places", 0, date(2021, 1, 1), date(2021, 2, 1))
    with pytest.raises(ValueError, match="maximum"):
        Target("x", "x", REG, "places", 5, date(2021, 1, 1), date(2021, 2, 1), quantity_max=4)
    with pytest.raises(ValueError, match="deadline"):
        Target("x", "x", REG, "places", 5, date(2021, 1, 1), date(2021, 1, 1))


@settings(max_examples=100, deadline=None)
@given(
    register=registers(),
    first=st.integers(0, 1200),
    later=st.integers(0, 400),
    quantity=st.integers(1, 3000),
)
def test_progress_never_goes_back_in_time(
    register: list[Location], first: int, later: int, quantity: int
) -> None:
    target = Target(
        "t", "t", REG, "places", quantity, EPOCH + timedelta(days=100), EPOCH + timedelta(days=500)
    )
    earlier = target_progress(target, register, as_of=EPOCH + timedelta(days=first))
    after = target_progress(target, register, as_of=EPOCH + timedelta(days=first + later))
    assert after.achieved >= earlier.achieved
    assert after.expected_by_now >= earlier.expected_by_now
    assert earlier.achieved + earlier.remaining >= quantity
    if earlier.status is TargetStatus.MET:
        assert after.status is TargetStatus.MET
