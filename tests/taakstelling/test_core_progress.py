"""The pure carry-over and progress rules, checked against hand-computed figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.core.rules import ScheduleClass
from regietafel.core.taakstelling import (
    ProgressInput,
    TaakstellingError,
    behind_schedule,
    carry_over_arrears,
    progress_rows,
    progress_total,
    sum_known,
)


def test_carry_over_keeps_existing_and_merges_into_successor() -> None:
    result = carry_over_arrears(
        arrears={"GM0003": 4, "GM0010": -1, "GM0024": 2, "GM0014": 7},
        successors={
            "GM0003": [("GM1979", 1)],
            "GM0010": [("GM1979", 1)],
            "GM0024": [("GM1979", 1)],
        },
    )
    assert result == {"GM1979": 5, "GM0014": 7}


def test_carry_over_split_by_largest_remainder() -> None:
    # 10 persons over weights 1:1:1 -> quotas 3.33 each; the first by input order gets 4.
    assert carry_over_arrears(
        arrears={"GM0001": 10},
        successors={"GM0001": [("GM0101", 1), ("GM0102", 1), ("GM0103", 1)]},
    ) == {"GM0101": 4, "GM0102": 3, "GM0103": 3}
    # An advance (negative) is split the same way, with its sign: 7 over 3:1 -> 5.25, 1.75.
    assert carry_over_arrears(
        arrears={"GM0001": -7}, successors={"GM0001": [("GM0101", 3), ("GM0102", 1)]}
    ) == {"GM0101": -5, "GM0102": -2}


def test_carry_over_without_heir_is_an_error() -> None:
    with pytest.raises(TaakstellingError, match="geen opvolger"):
        carry_over_arrears(arrears={"GM0001": 1}, successors={"GM0001": []})


CODES = [f"GM{i:04d}" for i in range(1, 7)]


@given(
    arrears=st.dictionaries(st.sampled_from(CODES), st.integers(-500, 500)),
    splits=st.dictionaries(
        st.sampled_from(CODES[:3]),
        st.lists(
            st.tuples(st.sampled_from([*CODES[3:], "GM0900", "GM0901"]), st.integers(0, 1000)),
            min_size=1,
            max_size=3,
            unique_by=lambda heir: heir[0],
        ),
    ),
)
def test_carry_over_conserves_total_arrears(
    arrears: dict[str, int], splits: dict[str, list[tuple[str, int]]]
) -> None:
    result = carry_over_arrears(arrears=arrears, successors=splits)
    assert sum(result.values()) == sum(arrears.values())
    assert not set(result) & set(splits)


def _entry(code: str, corrected: int, arrears: int = 0) -> ProgressInput:
    return ProgressInput(code, code, "PV20", corrected - arrears, arrears, corrected)


def test_progress_rows_hand_computed() -> None:
    # Three months elapsed: expected = corrected / 2.
    rows = progress_rows(
        entries=[_entry("A", 40), _entry("B", 40, arrears=4), _entry("C", 40), _entry("D", 0)],
        housed={"A": 20, "B": 15, "C": 14},
        months_elapsed=3,
    )
    a, b, c, d = rows
    assert (a.expected, a.remaining, a.percentage, a.schedule) == (
        20.0,
        20,
        50.0,
        ScheduleClass.ON_SCHEDULE,
    )
    # 15 >= 0.75 * 20 = 15: somewhat behind, not far behind.
    assert (b.remaining, b.percentage, b.schedule) == (25, 37.5, ScheduleClass.SOMEWHAT_BEHIND)
    assert b.taakstelling == 36
    # 14 < 15: far behind.
    assert c.schedule is ScheduleClass.FAR_BEHIND
    # No realisation row: housed 0; no task: on schedule, no percentage.
    assert (d.housed, d.percentage, d.schedule) == (0, None, ScheduleClass.ON_SCHEDULE)

    total = progress_total(rows, code="PV20", name="Groningen", months_elapsed=3)
    assert (total.row.corrected, total.row.housed, total.row.arrears) == (120, 49, 4)
    assert total.row.remaining == 71
    assert total.municipalities == 4
    assert total.counts[ScheduleClass.ON_SCHEDULE] == 2
    assert total.counts[ScheduleClass.SOMEWHAT_BEHIND] == 1
    assert total.counts[ScheduleClass.FAR_BEHIND] == 1
    # 49 against expected 60: 49 >= 45 is somewhat behind.
    assert total.row.schedule is ScheduleClass.SOMEWHAT_BEHIND


def test_without_realisation_housed_and_all_that_follows_are_unknown() -> None:
    """No realisation about the period (``housed`` None): a municipality's housed is not 0.

    With 0 in its place, A (corrected 40, three months: expected 20) would be 40 remaining,
    0 % and far behind with 20 to catch up; B (nothing to house) on schedule. Both are
    unknown instead, and so is every sum and count over them; the task side stays known.
    """
    rows = progress_rows(
        entries=[_entry("A", 40), _entry("B", 0), _entry("C", 30, arrears=6)],
        housed=None,
        months_elapsed=3,
    )
    for row in rows:
        assert row.housed is None
        assert row.remaining is None
        assert row.percentage is None
        assert row.schedule is None
        assert row.schedule_arrears is None
    a, _b, c = rows
    assert (a.corrected, a.expected) == (40, 20.0)  # known: the task and the schedule
    assert (c.taakstelling, c.arrears, c.corrected) == (24, 6, 30)

    total = progress_total(rows, code="PV20", name="Groningen", months_elapsed=3)
    assert (total.row.corrected, total.row.arrears, total.row.expected) == (70, 6, 35.0)
    assert total.row.housed is None
    assert total.row.remaining is None
    assert total.row.percentage is None
    assert total.row.schedule is None
    assert total.counts is None
    assert (total.on_schedule, total.somewhat_behind, total.far_behind) == (None, None, None)
    assert total.municipalities == 3
    # Who is behind is unknown: nobody is listed as behind (and nobody as on schedule).
    assert behind_schedule(rows) == ()


def test_a_sum_over_rows_with_one_unknown_is_unknown() -> None:
    """The rule for sums: a realisation reports the whole period at once, so known and
    unknown rows do not mix in one period; if they did, the sum of the known rows would pass
    a part for the whole (40 housed of 70 here), so the sum is unknown."""
    known = progress_rows(entries=[_entry("A", 40)], housed={"A": 40}, months_elapsed=3)
    unknown = progress_rows(entries=[_entry("B", 30)], housed=None, months_elapsed=3)
    total = progress_total([*known, *unknown], code="PV20", name="Groningen", months_elapsed=3)
    assert total.row.corrected == 70
    assert (total.row.housed, total.row.schedule, total.counts) == (None, None, None)
    assert sum_known([40, None, 2]) is None
    assert sum_known([40, 0, 2]) == 42
    assert sum_known([]) == 0  # an empty group housed nobody: nothing unknown in it


def test_absent_from_a_delivered_realisation_housed_none() -> None:
    """Pinned: a delivered realisation lists every municipality; one absent from it housed
    nobody (0, known), the rule the carry-over of arrears uses. Only a period without any
    realisation is unknown."""
    (row,) = progress_rows(entries=[_entry("A", 40)], housed={}, months_elapsed=3)
    assert (row.housed, row.remaining, row.percentage) == (0, 40, 0.0)
    assert row.schedule is ScheduleClass.FAR_BEHIND
    assert row.schedule_arrears == 20


def test_behind_schedule_largest_arrears_first() -> None:
    # Three months: expected 20, 20, 10 and 20. A 5 behind, B 20, C on schedule, D 5.
    rows = progress_rows(
        entries=[_entry("D", 40), _entry("A", 40), _entry("B", 40), _entry("C", 20)],
        housed={"A": 15, "B": 0, "C": 10, "D": 15},
        months_elapsed=3,
    )
    assert [r.code for r in behind_schedule(rows)] == ["B", "A", "D"]


MONTHS = st.integers(0, 6)
ENTRIES = st.lists(st.tuples(st.integers(-20, 400), st.integers(0, 500)), min_size=1, max_size=8)


@given(entries=ENTRIES, months=MONTHS, delivered=st.booleans())
def test_housed_is_known_everywhere_or_nowhere(
    entries: list[tuple[int, int]], months: int, delivered: bool
) -> None:
    """Whatever the tasks: with a realisation every derived figure is a number and the sums
    are the sums; without one every derived figure is None, in the rows and the total."""
    inputs = [_entry(f"GM{i:04d}", corrected) for i, (corrected, _) in enumerate(entries)]
    housed = {e.code: count for e, (_, count) in zip(inputs, entries, strict=True)}
    rows = progress_rows(
        entries=inputs, housed=housed if delivered else None, months_elapsed=months
    )
    total = progress_total(rows, code="NL", name="Nederland", months_elapsed=months)
    assert total.row.corrected == sum(corrected for corrected, _ in entries)
    if delivered:
        assert total.row.housed == sum(count for _, count in entries)
        assert total.row.remaining == total.row.corrected - sum(count for _, count in entries)
        assert total.row.schedule is not None
        assert total.counts is not None
        assert sum(total.counts.values()) == len(rows)
        assert all(r.schedule is not None and r.schedule_arrears is not None for r in rows)
    else:
        assert all(
            (r.housed, r.remaining, r.percentage, r.schedule, r.schedule_arrears)
            == (None, None, None, None, None)
            for r in rows
        )
        assert (total.row.housed, total.row.remaining, total.row.percentage) == (None,) * 3
        assert (total.row.schedule, total.counts) == (None, None)
        assert behind_schedule(rows) == ()
