from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from typing import Protocol

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.core import rules
from regietafel.core.rules import (
    Horizon,
    LocationType,
    NeedCategory,
    Party,
    ScheduleClass,
    ShoppingCategory,
    ShoppingItemStatus,
    TargetStatus,
    schedule_class,
)


class Labelled(Protocol):
    @property
    def label(self) -> str: ...


@pytest.mark.parametrize(
    "enum",
    [
        LocationType,
        NeedCategory,
        ScheduleClass,
        TargetStatus,
        ShoppingItemStatus,
        Party,
        ShoppingCategory,
    ],
)
def test_every_member_has_a_dutch_label(enum: Iterable[Labelled]) -> None:
    for member in enum:
        assert isinstance(member.label, str)
        assert member.label


def test_only_amv_and_sober_types_leave_the_regular_category() -> None:
    special = {t for t, c in rules.NEED_CATEGORY_OF.items() if c is not NeedCategory.REGULAR}
    assert special == {LocationType.AMV, LocationType.SOBER}
    assert rules.need_category(LocationType.CRISISNOODOPVANG) is NeedCategory.REGULAR


def test_standard_sizes_exist_for_the_location_counted_categories() -> None:
    assert rules.STANDARD_LOCATION_SIZE[NeedCategory.AMV] == 50
    assert NeedCategory.REGULAR not in rules.STANDARD_LOCATION_SIZE
    assert rules.STANDARD_LOCATION_SIZE[NeedCategory.SOBER] > 0


def test_default_horizons_are_increasing_and_only_short_uses_latest_occupancy() -> None:
    weeks = [h.weeks for h in rules.DEFAULT_HORIZONS]
    assert weeks == sorted(weeks) == [4, 26, 104]
    assert [h.use_projection for h in rules.DEFAULT_HORIZONS] == [False, True, True]
    with pytest.raises(ValueError, match="minstens"):
        Horizon("nul", "nul", 0)


def test_every_shopping_category_has_a_lead_party() -> None:
    assert set(rules.SHOPPING_PARTIES) == set(ShoppingCategory)
    assert rules.SHOPPING_PARTIES[ShoppingCategory.SOBER_LOCATIONS][0] is Party.MINISTRY


# Task 120, 3 of 6 months elapsed: expected 60; 75 % of that is 45.
@pytest.mark.parametrize(
    ("housed", "expected"),
    [
        (60, ScheduleClass.ON_SCHEDULE),
        (200, ScheduleClass.ON_SCHEDULE),
        (59, ScheduleClass.SOMEWHAT_BEHIND),
        (45, ScheduleClass.SOMEWHAT_BEHIND),
        (44, ScheduleClass.FAR_BEHIND),
        (0, ScheduleClass.FAR_BEHIND),
    ],
)
def test_schedule_class_thresholds(housed: int, expected: ScheduleClass) -> None:
    assert schedule_class(housed, 120, 3) is expected


# The line between somewhat and far behind is an assumption a table may set: at 1/2,
# 30 of the expected 60 is still somewhat behind and 29 is far behind.
@pytest.mark.parametrize(
    ("housed", "expected"),
    [
        (30, ScheduleClass.SOMEWHAT_BEHIND),
        (29, ScheduleClass.FAR_BEHIND),
        (44, ScheduleClass.SOMEWHAT_BEHIND),
    ],
)
def test_schedule_class_configured_share(housed: int, expected: ScheduleClass) -> None:
    assert schedule_class(housed, 120, 3, somewhat_behind=Fraction(1, 2)) is expected


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("3/4", Fraction(3, 4)),
        ("0,75", Fraction(3, 4)),
        ("75", Fraction(3, 4)),
        ("50 %", Fraction(1, 2)),
    ],
)
def test_parse_share(text: str, share: Fraction) -> None:
    assert rules.parse_share(text) == share


@pytest.mark.parametrize("text", ["drie kwart", "150", "-1", "1/0"])
def test_parse_share_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"geen breuk|niet tussen"):
        rules.parse_share(text)


def test_schedule_class_edges() -> None:
    assert schedule_class(0, 0, 6) is ScheduleClass.ON_SCHEDULE  # no task
    assert schedule_class(0, -5, 6) is ScheduleClass.ON_SCHEDULE  # advance (voorsprong)
    assert schedule_class(0, 100, 0) is ScheduleClass.ON_SCHEDULE  # period just started
    # Task 7 after 1 month: expected 7/6 ≈ 1.17, so 1 housed is behind, 0.875 ≤ 1 somewhat.
    assert schedule_class(1, 7, 1) is ScheduleClass.SOMEWHAT_BEHIND
    assert schedule_class(2, 7, 1) is ScheduleClass.ON_SCHEDULE
    with pytest.raises(ValueError, match="maanden"):
        schedule_class(1, 10, 7)
    with pytest.raises(ValueError, match="negatief"):
        schedule_class(-1, 10, 3)


_ORDER = {
    ScheduleClass.FAR_BEHIND: 0,
    ScheduleClass.SOMEWHAT_BEHIND: 1,
    ScheduleClass.ON_SCHEDULE: 2,
}


@given(
    housed=st.integers(0, 5000),
    extra=st.integers(0, 5000),
    task=st.integers(-100, 5000),
    months=st.integers(0, 6),
)
def test_schedule_class_is_monotone_in_housed(
    housed: int, extra: int, task: int, months: int
) -> None:
    lower = schedule_class(housed, task, months)
    higher = schedule_class(housed + extra, task, months)
    assert _ORDER[higher] >= _ORDER[lower]


@given(task=st.integers(1, 5000), months=st.integers(1, 6), housed=st.integers(0, 5000))
def test_schedule_class_matches_the_fraction_definition(
    task: int, months: int, housed: int
) -> None:
    expected = Fraction(task * months, 6)
    if housed >= expected:
        assert schedule_class(housed, task, months) is ScheduleClass.ON_SCHEDULE
    elif housed >= Fraction(3, 4) * expected:
        assert schedule_class(housed, task, months) is ScheduleClass.SOMEWHAT_BEHIND
    else:
        assert schedule_class(housed, task, months) is ScheduleClass.FAR_BEHIND


def test_successor_window_is_symmetric_28_days() -> None:
    assert rules.successor_window(date(2021, 11, 21)) == (date(2021, 10, 24), date(2021, 12, 19))


def test_horizons_of_other_lengths_keep_names_and_rules() -> None:
    from regietafel.core.rules import horizons_of

    short, medium, long = horizons_of([2, 13, 52])
    assert (short.name, short.weeks, short.use_projection) == ("kort", 2, False)
    assert (medium.name, medium.weeks, medium.use_projection) == ("middellang", 13, True)
    assert (long.label, long.weeks) == ("lange termijn", 52)
    for wrong in ([4, 26], [4, 4, 26], [26, 4, 104], [4, 26, 105], [0, 4, 8]):
        with pytest.raises(ValueError, match="horizon"):
            horizons_of(wrong)
