"""Status holders in reception and the places that catching up on the taakstelling frees.

Hand-computed: two municipalities four months into 2021-II, corrected tasks 60 and 30.
On schedule after four of six months: ceil(60 × 4 / 6) = 40 and ceil(30 × 4 / 6) = 20.
Housed 25 and 26: the first is 15 behind, the second 6 ahead (ahead does not offset), so the
schedule arrears are 15. With 100 status holders waiting, catching up frees 15 places; with
only 9 waiting, at most those 9.
"""

from __future__ import annotations

import pytest

from regietafel.core.catalogue import definition
from regietafel.core.figures import HousingFigures, ScopeFigures
from regietafel.core.periods import IsoWeek, Period
from regietafel.core.rules import ScheduleClass
from regietafel.core.taakstelling import ProgressRow

WEEK = IsoWeek.parse("2021-W45")


def _row(code: str, corrected: int, housed: int | None) -> ProgressRow:
    return ProgressRow(
        code=code,
        name=code,
        province="PV27",
        taakstelling=corrected,
        arrears=0,
        corrected=corrected,
        housed=housed,
        months_elapsed=4,
        schedule=None if housed is None else ScheduleClass.ON_SCHEDULE,
    )


def _national(waiting: int | None, long: int | None, *, housed_known: bool = True) -> ScopeFigures:
    housing = HousingFigures(
        period=Period.parse("2021-II"),
        months_elapsed=4,
        realisation_week="2021-W44",
        rows=(
            _row("GM0001", 60, 25 if housed_known else None),
            _row("GM0002", 30, 26 if housed_known else None),
        ),
    )
    return ScopeFigures(
        week=WEEK,
        scope="NL",
        reception=None,
        housing=housing,
        targets=(),
        shopping=(),
        waiting_in_reception=waiting,
        waiting_long=long,
    )


@pytest.mark.parametrize(("waiting", "freed"), [(100, 15), (15, 15), (9, 9), (0, 0)])
def test_places_freed_are_the_arrears_at_most_those_waiting(waiting: int, freed: int) -> None:
    figures = _national(waiting, None)
    assert figures.housing is not None
    assert figures.housing.schedule_arrears == 15
    assert definition("plekken_vrij_bij_inlopen_achterstand").value(figures) == freed


def test_no_series_or_no_realisation_is_no_number() -> None:
    assert _national(None, None).places_freed_by_catching_up is None
    unknown = _national(100, 60, housed_known=False)
    assert unknown.places_freed_by_catching_up is None  # not min(0, 100) = 0
    housing = unknown.housing
    assert housing is not None
    assert (housing.housed, housing.share_housed, housing.remaining) == (None, None, None)
    assert (housing.schedule_arrears, housing.behind) == (None, None)
    assert housing.class_count(ScheduleClass.FAR_BEHIND) is None
    assert housing.housed_so_far is None
    assert (housing.corrected, housing.expected) == (90, 60)  # the task side is known


def test_waiting_long_is_shown_only_when_delivered() -> None:
    long = definition("vergunninghouders_langer_dan_14_weken")
    assert long.value(_national(100, 60)) == 60
    assert long.value(_national(100, None)) is None  # not delivered: no data, never 0
