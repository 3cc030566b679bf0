"""The schedule compares like with like: months elapsed are counted to the day the realisation
in use holds, and a taakstelling figure has no change across a half-year boundary.

Hand-computed, no database. COA reports realisation as the state on the first of a month; a
delivery in the week holding a first gives that first (``realisation_day``).
"""

from __future__ import annotations

from datetime import date

import pytest

from regietafel.core.catalogue import BY_CODE, changes, new_period_text
from regietafel.core.figures import HousingFigures, HousingInputs, ScopeFigures, WeekInputs
from regietafel.core.figures import compute_week_figures as compute
from regietafel.core.need_policy import policy_on
from regietafel.core.periods import IsoWeek, Period
from regietafel.core.rules import ScheduleClass, horizons_of
from regietafel.core.taakstelling import ProgressInput, progress_rows, schedule_day

II = Period.parse("2021-II")


@pytest.mark.parametrize(
    ("week", "delivered", "day"),
    [
        # Week 30 (26 July to 1 August) holds 1 August: its own delivery, or none, is of 1 August
        # (counted from its Monday it was 0 months, week 31 1 month).
        ("2021-W30", "2021-W30", date(2021, 8, 1)),
        ("2021-W30", None, date(2021, 8, 1)),
        ("2021-W31", "2021-W31", date(2021, 8, 1)),
        # Week 48 (29 November to 5 December) with its own delivery: 1 December.
        ("2021-W48", "2021-W48", date(2021, 12, 1)),
        # An older delivery still in use is of its own first: week 45 (Monday 8 November) read
        # with the delivery of week 43 (25-31 October) is the state of 1 October.
        ("2021-W45", "2021-W43", date(2021, 10, 1)),
        ("2021-W48", "2021-W46", date(2021, 11, 1)),
    ],
)
def test_the_schedule_day_is_the_day_of_the_realisation_in_use(
    week: str, delivered: str | None, day: date
) -> None:
    monday = IsoWeek.parse(week).monday
    used = None if delivered is None else IsoWeek.parse(delivered).monday
    assert schedule_day(week_monday=monday, delivered=used) == day


def test_first_week_of_a_period_is_the_first_monday_in_it() -> None:
    # 1 July 2021 is a Thursday (week 26, Monday 28 June); 1 January 2022 a Saturday.
    assert II.first_week.label == "2021-W27"
    assert Period.parse("2022-I").first_week.label == "2022-W01"
    assert Period.parse("2021-I").first_week.label == "2021-W01"  # Monday 4 January
    assert Period.parse("2024-I").first_week.label == "2024-W01"  # Monday 1 January


def _entries() -> tuple[ProgressInput, ...]:
    # Corrected tasks 60, 12 and 30 (102 together).
    return (
        ProgressInput("GM0014", "Groningen", "PV20", 60, 0, 60),
        ProgressInput("GM0037", "Het Hogeland", "PV20", 12, 0, 12),
        ProgressInput("GM0047", "Oldambt", "PV20", 30, 0, 30),
    )


def _housing(week: str, delivered: str | None, housed: dict[str, int] | None) -> HousingFigures:
    inputs = WeekInputs(
        week=IsoWeek.parse(week),
        register_week=None,
        locations=(),
        history={},
        horizons=horizons_of([4, 26, 104]),
        need_policy=policy_on(IsoWeek.parse(week).monday),
        province_inhabitants={"PV20": 1},
        housing=HousingInputs(
            period=II,
            national_total=102,
            entries=_entries(),
            housed=housed,
            realisation_week=delivered,
        ),
    )
    housing = compute(inputs).national.housing
    assert housing is not None
    return housing


def test_week_30_with_its_own_delivery_is_one_month_not_zero() -> None:
    """Housed on 1 August against one month: Groningen 10 of 10 on schedule, Het Hogeland 1 of
    2 (6 < 0,75 × 12 = 9: far behind), Oldambt 4 of 5 (24 >= 22,5: somewhat behind). Counted
    from Monday 26 July the schedule was 0 months and everyone on it."""
    housing = _housing("2021-W30", "2021-W30", {"GM0014": 10, "GM0037": 1, "GM0047": 4})
    assert (housing.months_elapsed, housing.schedule_day) == (1, date(2021, 8, 1))
    assert housing.expected == 17  # 102 × 1 / 6
    assert [r.schedule for r in housing.rows] == [
        ScheduleClass.ON_SCHEDULE,
        ScheduleClass.FAR_BEHIND,
        ScheduleClass.SOMEWHAT_BEHIND,
    ]
    assert (housing.schedule_arrears, housing.behind) == (2, 2)  # 2 - 1 and 5 - 4


def test_week_48_compares_the_count_of_1_december_with_five_months() -> None:
    """Week 48's delivery is the state on 1 December: expected 102 × 5 / 6 = 85 (the Monday
    rule said 4 months, 68, beside a count of 1 December). The forecast dates the same count
    to the same day."""
    housing = _housing("2021-W48", "2021-W48", {"GM0014": 50, "GM0037": 9, "GM0047": 25})
    assert (housing.months_elapsed, housing.schedule_day) == (5, date(2021, 12, 1))
    assert housing.expected == 85
    assert BY_CODE["verwacht_gehuisvest"].value(_scope("2021-W48", housing)) == 85
    # Het Hogeland: 9 of 10 (54 >= 45): somewhat behind, 1 to go; the others on schedule.
    assert (housing.schedule_arrears, housing.behind) == (1, 1)
    so_far = housing.housed_so_far
    assert so_far is not None
    assert so_far.as_of == housing.schedule_day


def test_an_older_delivery_is_compared_on_its_own_day() -> None:
    """Week 45 (Monday 8 November) still reads the delivery of week 43, the state of 1 October:
    three months, expected 30, 6 and 15, which 30, 6 and 15 housed meet. Counted from the
    Monday (four months: 40, 8, 20) all three were behind by 17 together."""
    housing = _housing("2021-W45", "2021-W43", {"GM0014": 30, "GM0037": 6, "GM0047": 15})
    assert (housing.months_elapsed, housing.schedule_day) == (3, date(2021, 10, 1))
    assert housing.expected == 51
    assert (housing.schedule_arrears, housing.behind) == (0, 0)


def test_without_a_realisation_the_schedule_is_of_the_weeks_own_first() -> None:
    housing = _housing("2021-W30", None, None)
    assert (housing.months_elapsed, housing.schedule_day) == (1, date(2021, 8, 1))
    assert housing.housed is None
    assert housing.expected == 17


def _scope(week: str, housing: HousingFigures | None, waiting: int | None = None) -> ScopeFigures:
    return ScopeFigures(
        week=IsoWeek.parse(week),
        scope="NL",
        reception=None,
        housing=housing,
        targets=(),
        shopping=(),
        waiting_in_reception=waiting,
    )


def _period_housing(label: str, months: int, housed: int) -> HousingFigures:
    entries = (ProgressInput("GM0014", "Groningen", "PV20", 60, 0, 60),)
    rows = progress_rows(entries=entries, housed={"GM0014": housed}, months_elapsed=months)
    return HousingFigures(
        period=Period.parse(label), months_elapsed=months, realisation_week=None, rows=rows
    )


def test_a_change_across_a_half_year_is_no_number() -> None:
    """Week 26 belongs to 2021-I (60 of 60 housed), week 27 to 2021-II (3 housed): "−57 t.o.v.
    vorige week" compared two periods. Within a period the change stays a number; a figure
    outside the taakstelling (status holders waiting) keeps its change across the boundary."""
    w26 = _scope("2021-W26", _period_housing("2021-I", 6, 60), 100)
    w27 = _scope("2021-W27", _period_housing("2021-II", 0, 3), 100)
    by_code = {c.definition.code: c for c in changes(w27, w26)}
    housed = by_code["gehuisvest"]
    assert (housed.value, housed.earlier, housed.change) == (3, 60, None)
    assert housed.new_period == "2021-II"
    assert housed.change_note == new_period_text("2021-II") == "nieuw halfjaar (2021-II)"
    for code in ("gecorrigeerde_taakstelling", "gehuisvest_procent", "gemeenten_achter",
                 "plekken_vrij_bij_inlopen_achterstand"):  # fmt: skip
        assert by_code[code].change is None, code
        assert by_code[code].change_note == "nieuw halfjaar (2021-II)", code
    waiting = by_code["vergunninghouders_in_opvang"]
    assert (waiting.change, waiting.change_note) == (0, "")
    # The chosen earlier week (``?sinds=``) the same way.
    w20 = _scope("2021-W20", _period_housing("2021-I", 4, 30), 100)
    since = {c.definition.code: c for c in changes(w27, w26, meeting=w20)}["gehuisvest"]
    assert (since.change_since_meeting, since.meeting_change_note) == (
        None,
        "nieuw halfjaar (2021-II)",
    )
    w28 = _scope("2021-W28", _period_housing("2021-II", 0, 10), 100)
    same = {c.definition.code: c for c in changes(w28, w27, meeting=w27)}["gehuisvest"]
    assert (same.change, same.change_since_meeting, same.change_note) == (7, 7, "")


def test_a_change_from_a_week_without_a_taakstelling_in_another_half_year() -> None:
    """Without a stored taakstelling a week's half year is the one holding its Monday: the
    change is "nieuw halfjaar", not a silent "geen gegevens"."""
    w26 = _scope("2021-W26", None)
    w27 = _scope("2021-W27", _period_housing("2021-II", 0, 3))
    housed = {c.definition.code: c for c in changes(w27, w26)}["gehuisvest"]
    assert (housed.earlier, housed.change, housed.change_note) == (
        None,
        None,
        "nieuw halfjaar (2021-II)",
    )
