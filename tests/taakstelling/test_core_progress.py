"""The pure carry-over and progress rules, checked against hand-computed figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.core.rules import ScheduleClass
from regietafel.core.taakstelling import (
    ProgressInput,
    TaakstellingError,
    carry_over_arrears,
    progress_rows,
    progress_total,
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
