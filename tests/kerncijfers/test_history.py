"""The history of a key figure: one value per week from the figures model, gaps never zero.

Small registers built by hand; every expected value is counted from the locations below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from regietafel.core.periods import IsoWeek
from regietafel.kerncijfers.selectors import figure_history
from tests.factories import realisation
from tests.opvangbeeld.factories import STANDARD, make_register
from tests.taakstelling.test_pages import _small_period

pytestmark = pytest.mark.django_db

W44 = IsoWeek.parse("2021-W44")
WITHOUT_B = [loc for loc in STANDARD if loc.code != "B"]


def _values(history: Any) -> list[Any]:
    return [p.value for p in history.points]


def test_capacity_per_week_with_gaps_before_the_first_register(
    make_user: Callable[[str], Any],
) -> None:
    # W40: A 500 + C 300 + D 50 = 850 (B, 200, not in the register); W43: with B, 1.050.
    # W41 and W42 have no import of their own: the register of W40 holds, as on the overview.
    make_register("2021-W40", WITHOUT_B)
    make_register("2021-W43", STANDARD)
    lrt = make_user("landelijk")
    history = figure_history(user=lrt, scope=None, code="capaciteit_nu", until_week=W44, weeks=7)
    assert [p.week for p in history.points] == [
        "2021-W38",
        "2021-W39",
        "2021-W40",
        "2021-W41",
        "2021-W42",
        "2021-W43",
        "2021-W44",
    ]
    assert _values(history) == [None, None, 850, 850, 850, 1050, 1050]
    assert history.scope == "NL"
    # Ahead: the contracted capacity of the W43 register (B's last day is 27 February 2022),
    # the 13 weeks after W44, 2021-W45 up to and including 2022-W05: all 1.050.
    assert [p.week for p in history.projection][:2] == ["2021-W45", "2021-W46"]
    assert history.projection[-1].week == "2022-W05"
    assert [p.value for p in history.projection] == [1050] * 13
    # Noord-Holland: A 500, then A + B 700. Occupancy: 450, then 450 + 180 = 630.
    nh = figure_history(user=lrt, scope="PV27", code="capaciteit_nu", until_week=W44, weeks=7)
    assert _values(nh) == [None, None, 500, 500, 500, 700, 700]
    occupied = figure_history(user=lrt, scope="PV27", code="bezetting_nu", until_week=W44, weeks=7)
    assert _values(occupied) == [None, None, 450, 450, 450, 630, 630]
    assert history.summary() == (
        "Capaciteit nu, 2021-W38 tot en met 2021-W44: van 850 in 2021-W40 naar 1.050 in "
        "2021-W44; laagste 850, hoogste 1.050; 2 weken zonder gegevens; verwacht 1.050 in "
        "2022-W05"
    )


def test_housed_is_unknown_until_the_first_realisation_not_zero(
    make_user: Callable[[str], Any],
) -> None:
    _small_period()  # 2021-II only: weeks of 2021-I have no taakstelling at all
    realisation("2021-W40", "2021-II", {"GM0014": ("PV20", 1)})
    realisation(
        "2021-W44",
        "2021-II",
        {"GM0014": ("PV20", 30), "GM0037": ("PV20", 4), "GM0047": ("PV20", 11)},
    )
    history = figure_history(
        user=make_user("landelijk"),
        scope=None,
        code="gehuisvest",
        until_week=IsoWeek.parse("2021-W45"),
        weeks=8,
    )
    # W38, W39: period set, nothing reported; W40-W43: 1; W44, W45: 30 + 4 + 11 = 45.
    assert _values(history) == [None, None, 1, 1, 1, 1, 45, 45]
    # Monday 28 June 2021 (W26) lies in 2021-I, which has no stored taakstelling.
    june = figure_history(
        user=make_user("landelijk"),
        scope=None,
        code="gecorrigeerde_taakstelling",
        until_week=IsoWeek.parse("2021-W26"),
        weeks=2,
    )
    assert _values(june)[0] is None
    assert june.points[-1].week == "2021-W26"
    assert june.summary() == (
        "Gecorrigeerde taakstelling, 2021-W25 tot en met 2021-W26: geen gegevens"
    )


def test_a_new_import_is_seen_at_once(make_user: Callable[[str], Any]) -> None:
    make_register("2021-W40", WITHOUT_B)
    lrt = make_user("landelijk")
    before = figure_history(user=lrt, scope=None, code="capaciteit_nu", until_week=W44, weeks=7)
    assert _values(before)[:3] == [None, None, 850]
    make_register("2021-W38", STANDARD)  # an older week, delivered late: W38 and W39 now 1.050
    after = figure_history(user=lrt, scope=None, code="capaciteit_nu", until_week=W44, weeks=7)
    assert _values(after) == [1050, 1050, 850, 850, 850, 850, 850]


def test_at_most_a_year_and_access_as_the_figures(make_user: Callable[[str], Any]) -> None:
    make_register("2021-W40", WITHOUT_B)
    lrt = make_user("landelijk")
    year = figure_history(user=lrt, scope=None, code="capaciteit_nu", until_week=W44, weeks=60)
    assert len(year.points) == 52
    assert year.points[0].week == "2020-W46"
    # A province user reads the national history and the own province, not another province.
    prt = make_user("provincie")  # Noord-Holland
    own = figure_history(user=prt, scope="PV27", code="capaciteit_nu", until_week=W44, weeks=1)
    assert _values(own) == [500]
    with pytest.raises(PermissionDenied):
        figure_history(user=prt, scope="PV20", code="capaciteit_nu", until_week=W44)
    with pytest.raises(KeyError):
        figure_history(user=lrt, scope=None, code="bestaat_niet", until_week=W44)


def test_occupancy_is_projected_along_the_forecasts_central_path(
    make_user: Callable[[str], Any],
) -> None:
    """Occupancy 930 + 40 (A 450, B 180, C 300, D 40) on Monday 1 November grows along the
    middle scenario without randomness, started from that register occupancy (as the Prognose
    page's run starts): week i ahead is 970 x path[i-1] / 970 = path[i-1]. COA sees it; for a
    national user D's cell (one confidential location) is afgeschermd, so the national
    occupancy total is, and so is its projection."""
    from regietafel.core.forecast import SCENARIOS, deterministic
    from regietafel.prognose import cache
    from regietafel.prognose.inputs import model_inputs, with_national_start

    make_register("2021-W44", STANDARD)
    bundle = model_inputs(cache.origin_for(W44.monday))
    inputs = with_national_start(bundle, monday=W44.monday, occupancy=970, status_holders=None)
    assert inputs.occupancy == 970
    path = deterministic(inputs, SCENARIOS["midden"]).occupancy[0]
    expected = [int(path[i]) for i in range(13)]
    # Not the bundle's 27,000 scaled down: the model started at 970 (housing, inflow in persons).
    scaled = deterministic(bundle, SCENARIOS["midden"]).occupancy[0]
    assert expected != [round(970 * float(scaled[i]) / bundle.occupancy) for i in range(13)]
    coa = figure_history(
        user=make_user("coa"), scope=None, code="bezetting_nu", until_week=W44, weeks=1
    )
    assert _values(coa) == [970]
    assert [p.value for p in coa.projection] == expected
    assert coa.projection[0].week == "2021-W45"
    lrt = figure_history(
        user=make_user("landelijk"), scope=None, code="bezetting_nu", until_week=W44, weeks=1
    )
    assert _values(lrt) == [None]
    assert lrt.projection == ()


def test_the_projection_takes_the_registers_weekly_inflow(
    make_user: Callable[[str], Any],
) -> None:
    """Ten weeks of 760 first applications + nareizigers before W44 set the inflow level of the
    central path (the register's data beats the bundle); correcting the oldest of those weeks
    with a new version changes the projection at once (the figures' cache follows them)."""
    from datetime import timedelta

    from regietafel.core.forecast import SCENARIOS, deterministic
    from regietafel.prognose import cache
    from regietafel.prognose.inputs import model_inputs, with_national_start
    from tests.opvang.factories import series_import

    make_register("2021-W44", STANDARD)
    mondays = [W44.monday - timedelta(weeks=k) for k in range(10, 0, -1)]
    for monday in mondays:
        series_import(IsoWeek.containing(monday).label,
                      {"eerste_asielaanvragen": 600, "nareizigers": 160})  # fmt: skip
    bundle = model_inputs(cache.origin_for(W44.monday))

    def expected(inflow: list[tuple[Any, int]]) -> list[int]:
        inputs = with_national_start(
            bundle, monday=W44.monday, occupancy=970, status_holders=None, inflow=inflow
        )
        path = deterministic(inputs, SCENARIOS["midden"]).occupancy[0]
        return [int(path[i]) for i in range(13)]

    coa = make_user("coa")

    def projection() -> list[int | None]:
        history = figure_history(user=coa, scope=None, code="bezetting_nu", until_week=W44,
                                 weeks=1)  # fmt: skip
        return [p.value for p in history.projection]

    first = expected([(m, 760) for m in mondays])
    assert projection() == first
    assert first != expected([])  # the bundle's level would give another path
    # The oldest week, not the newest: the newest is also the series the week's figures read.
    series_import(IsoWeek.containing(mondays[0]).label,
                  {"eerste_asielaanvragen": 6_000, "nareizigers": 1_600}, version=2)  # fmt: skip
    corrected = expected([(mondays[0], 7_600)] + [(m, 760) for m in mondays[1:]])
    assert corrected != first
    assert projection() == corrected


def test_the_forecast_houses_at_the_registers_realisation_pace(
    make_user: Callable[[str], Any],
) -> None:
    """Realisation of 2021-W44 (Monday 1 November): 150 + 60 = 210 housed in 2021-II, whose
    first day is 1 July: 123 days, 17 4/7 weeks, so 210 x 7 / 123 = 11.95 persons a week. The
    Prognose page's run and the weekly figures' central path both house at that pace (one
    start, one rule), and without the realisation the path differs."""
    from datetime import date

    from regietafel.core.forecast import SCENARIOS, deterministic
    from regietafel.core.taakstelling import HousedSoFar
    from regietafel.opvangprognose.selectors import _start_state
    from regietafel.prognose import cache
    from regietafel.prognose.inputs import model_inputs, with_national_start, with_start

    make_register("2021-W44", STANDARD)
    _small_period()
    realisation("2021-W44", "2021-II", {"GM0014": ("PV20", 150), "GM0363": ("PV27", 60)})
    housed = HousedSoFar(
        period_start=date(2021, 7, 1), as_of=date(2021, 11, 1), delivered=date(2021, 11, 1),
        persons=210,
    )  # fmt: skip
    state = _start_state(W44)
    assert state is not None
    assert state.housed == housed
    bundle = model_inputs(cache.origin_for(W44.monday))
    inputs = with_start(bundle, state)
    assert inputs.housing_pace == pytest.approx(210 * 7 / 123)
    assert inputs.sources["huisvestingstempo per week"] == (
        "geschat: realisatie taakstelling in het register, 210 gehuisvest van 1 juli 2021 tot "
        "1 november 2021 (17,6 weken; stand op de eerste van de maand, geleverd in de week van "
        "1 november 2021), per week"
    )

    def path(with_housed: HousedSoFar | None) -> list[int]:
        start = with_national_start(bundle, monday=W44.monday, occupancy=970,
                                    status_holders=None, housed=with_housed)  # fmt: skip
        occupancy = deterministic(start, SCENARIOS["midden"]).occupancy[0]
        return [int(occupancy[i]) for i in range(13)]

    history = figure_history(user=make_user("coa"), scope=None, code="bezetting_nu",
                             until_week=W44, weeks=1)  # fmt: skip
    assert [p.value for p in history.projection] == path(housed)
    assert path(housed) != path(None)  # the bundle's pace gives another path
