"""The reception picture against hand-computed figures of the standard register."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from regietafel.core.periods import IsoWeek
from regietafel.core.rules import LONG, MEDIUM, SHORT, NeedCategory, TargetStatus
from regietafel.doelen.services import target_create
from regietafel.kerncijfers.selectors import targets_for
from regietafel.opvang.selectors import locations_for_week
from regietafel.opvangbeeld.selectors import reception_picture
from tests.opvangbeeld.factories import STANDARD, Loc, make_register, standard_register

W45 = IsoWeek.parse("2021-W45")


def _row(rows: Any, horizon: Any, category: NeedCategory) -> Any:
    return next(r for r in rows if r.horizon == horizon and r.category is category)


@pytest.mark.django_db
def test_national_need_and_gap_by_hand(make_user: Callable[[str], Any], settings: Any) -> None:
    settings.REGIETAFEL_PROJECTIE = "trend"  # one register: the trend is flat
    standard_register()
    picture = reception_picture(user=make_user("landelijk"), week=W45)
    national = picture.gaps[None]
    short = _row(national, SHORT, NeedCategory.REGULAR)
    # need = 930 residents + 417 fixed buffer; capacity 1.000 on Monday 29 November
    assert (short.need, short.capacity, short.gap) == (1347, 1000, 347)
    medium = _row(national, MEDIUM, NeedCategory.REGULAR)
    assert (medium.capacity, medium.gap) == (800, 547)
    amv = _row(national, SHORT, NeedCategory.AMV)
    assert (amv.need, amv.capacity, amv.gap, amv.gap_locations) == (40, 50, -10, 0)


@pytest.mark.django_db
def test_closing_location_is_listed_and_lowers_long_horizon(
    make_user: Callable[[str], Any],
) -> None:
    standard_register()
    picture = reception_picture(user=make_user("landelijk"), week=W45)
    assert [(c.location_id, c.end) for c in picture.closures] == [("B", date(2022, 2, 27))]
    long_regular = _row(picture.gaps[None], LONG, NeedCategory.REGULAR)
    short_regular = _row(picture.gaps[None], SHORT, NeedCategory.REGULAR)
    assert short_regular.capacity - long_regular.capacity == 200
    index = picture.timeline.week_index(date(2022, 2, 28))
    assert int(picture.timeline.temporary[index - 1]) == 200
    assert int(picture.timeline.temporary[index]) == 0


@pytest.mark.django_db
def test_province_buffer_has_no_fixed_part(make_user: Callable[[str], Any]) -> None:
    standard_register()
    picture = reception_picture(user=make_user("landelijk"), week=W45)
    groningen = _row(picture.gaps["PV20"], SHORT, NeedCategory.REGULAR)
    assert (groningen.need, groningen.capacity, groningen.gap) == (300, 300, 0)


@pytest.mark.django_db
def test_trend_uses_previous_registers(make_user: Callable[[str], Any], settings: Any) -> None:
    settings.REGIETAFEL_PROJECTIE = "trend"
    # Groningen's regular occupancy rises 10 a week: 280, 290, 300 in weeks 43-45.
    for week, residents in (("2021-W43", 280), ("2021-W44", 290), ("2021-W45", 300)):
        rows = [
            loc if loc.code != "C" else Loc(**{**loc.__dict__, "occupancy": residents})
            for loc in STANDARD
        ]
        make_register(week, rows)
    picture = reception_picture(user=make_user("landelijk"), week=W45)
    medium = _row(picture.gaps["PV20"], MEDIUM, NeedCategory.REGULAR)
    assert medium.occupancy_used == 300 + 10 * 13  # the line stops after a quarter


@pytest.mark.django_db
def test_medium_and_long_horizons_follow_the_forecast(make_user: Callable[[str], Any]) -> None:
    """By default the register's occupancy grows along the forecast's central path (scenario
    midden without randomness, from the Monday of the week and the register's national
    occupancy, 930 regular + 40 AMV = 970, as the Prognose page's run starts): each
    province's regular residents x the growth to week 26 and 104, rounded per province; the
    nation is their sum (930 regular residents now)."""
    from regietafel.core.forecast import SCENARIOS, deterministic
    from regietafel.kerncijfers.selectors import week_data
    from regietafel.prognose import cache as runs
    from regietafel.prognose.inputs import model_inputs, with_national_start

    runs.CENTRAL.clear()
    standard_register()
    picture = reception_picture(user=make_user("landelijk"), week=W45)
    bundle = model_inputs(runs.origin_for(W45.monday))
    inputs = with_national_start(bundle, monday=W45.monday, occupancy=970, status_holders=None)
    path = deterministic(inputs, SCENARIOS["midden"]).occupancy[0]
    # The peildatum is the Monday of the horizon's last week (capacity is read on it): the
    # stock at the end of the week before, path[weeks - 2] (found in an audit: it read the
    # end of the last week, a week after the capacity).
    for horizon, last_week in ((MEDIUM, 24), (LONG, 102)):
        factor = float(path[last_week]) / inputs.occupancy
        now = {
            code: _row(rows, SHORT, NeedCategory.REGULAR).occupancy_used
            for code, rows in picture.gaps.items()
            if code is not None
        }
        assert sum(now.values()) == 930
        expected = sum(int(value * factor + 0.5) for value in now.values())
        assert _row(picture.gaps[None], horizon, NeedCategory.REGULAR).occupancy_used == expected
    short = _row(picture.gaps[None], SHORT, NeedCategory.REGULAR)
    assert short.occupancy_used == 930  # the short horizon keeps the measured occupancy
    assert week_data(W45)[0].projection.startswith(
        "prognose: groei van de bezetting op de centrale"
    )


@pytest.mark.django_db
def test_confidential_and_other_province_closures_are_masked(
    make_user: Callable[[str], Any],
) -> None:
    make_register(
        "2021-W45",
        [
            *STANDARD,
            Loc("E", "PV20", "GM0014", "amv", 50, 10, date(2021, 1, 1), date(2021, 12, 31), True),
        ],
    )
    coa = reception_picture(user=make_user("coa"), week=W45)
    province = reception_picture(user=make_user("provincie"), week=W45)
    national = reception_picture(user=make_user("landelijk"), week=W45)
    assert next(c for c in coa.closures if c.location_id == "E").name == "Locatie E"
    assert "vertrouwelijk" in next(c for c in national.closures if c.location_id == "E").name
    assert next(c for c in province.closures if c.location_id == "B").name == "Locatie B"
    assert "Locatie E" not in [c.name for c in province.closures]
    # The municipality goes with the name: "noodopvang Barendrecht" is no secret otherwise.
    assert next(c for c in coa.closures if c.location_id == "E").municipality_code == "GM0014"
    assert next(c for c in national.closures if c.location_id == "E").municipality_code == ""
    other = next(c for c in province.closures if c.location_id == "E")
    assert ("Groningen" in other.name, other.municipality_code) == (True, "")
    own = next(c for c in province.closures if c.location_id == "B")
    assert own.municipality_code == "GM0363"


@pytest.mark.django_db
def test_target_met_exactly_on_its_deadline(make_user: Callable[[str], Any]) -> None:
    landelijk = make_user("landelijk")
    make_register(
        "2021-W45",
        [*STANDARD, Loc("N", "PV27", "GM0363", "regulier", 600, 0, date(2021, 11, 8))],
    )
    target_create(
        actor=landelijk,
        title="600 extra plaatsen",
        category="regulier",
        unit="places",
        quantity=600,
        start=date(2021, 10, 1),
        deadline=date(2021, 11, 8),
    )
    target_create(
        actor=landelijk,
        title="AMV-locaties",
        category="amv",
        unit="locations",
        quantity=6,
        quantity_max=7,
        start=date(2021, 10, 1),
        deadline=date(2021, 12, 31),
    )
    progress = targets_for(user=landelijk, week=W45) or ()
    assert [(p.achieved, p.status) for p in progress] == [
        (600, TargetStatus.MET),
        (0, TargetStatus.BEHIND),
    ]


@pytest.mark.django_db
def test_target_create_needs_national_role(make_user: Callable[[str], Any]) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        target_create(
            actor=make_user("provincie"),
            title="x",
            category="regulier",
            unit="places",
            quantity=1,
            start=date(2021, 1, 1),
            deadline=date(2021, 2, 1),
        )


@pytest.mark.django_db
def test_locations_for_week_takes_latest_version(make_user: Callable[[str], Any]) -> None:
    standard_register(version=1)
    make_register("2021-W45", STANDARD[:1], version=2)
    assert [loc.id for loc in locations_for_week(IsoWeek.parse("2021-W46"))] == ["A"]
    assert locations_for_week(IsoWeek.parse("2021-W44")) == []


@pytest.mark.django_db
def test_queries_do_not_grow_with_locations(
    make_user: Callable[[str], Any], django_assert_max_num_queries: Any
) -> None:
    """A register of 150 locations over 8 weeks costs as many queries as one of 2 in 1 week."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regietafel.kerncijfers.selectors import cache_clear

    user = make_user("landelijk")

    def queries(week: IsoWeek) -> int:
        cache_clear()
        with CaptureQueriesContext(connection) as captured:
            reception_picture(user=user, week=week)
        return len(captured)

    few = [Loc(f"S{i}", "PV27", "GM0363", "regulier", 100, 50, date(2020, 1, 1)) for i in range(2)]
    make_register("2020-W10", few)
    small = queries(IsoWeek.parse("2020-W10"))
    many = [
        Loc(f"L{i}", "PV27", "GM0363", "regulier", 100, 50, date(2020, 1, 1)) for i in range(150)
    ]
    for k in range(8):
        make_register(W45.shifted(-k).label, many)
    assert queries(W45) == small
    # Read again with unchanged data: only the queries that establish the data's identity
    # (the imports, the period, the targets, the week's chosen need policy and the register's
    # weekly inflow before the week, which the forecast's projection reads).
    with django_assert_max_num_queries(7):
        reception_picture(user=user, week=W45)


@pytest.mark.django_db
def test_horizons_follow_the_setting(make_user: Callable[[str], Any], settings: Any) -> None:
    settings.REGIETAFEL_HORIZONS = "2,8,52"
    make_register("2021-W45", STANDARD)
    picture = reception_picture(user=make_user("landelijk"), week=W45)
    assert [h.weeks for h in picture.horizons] == [2, 8, 52]
    assert sorted({g.horizon.weeks for g in picture.gaps[None]}) == [2, 8, 52]
    settings.REGIETAFEL_HORIZONS = "26,4,104"
    with pytest.raises(ImproperlyConfigured, match="oplopen"):
        reception_picture(user=make_user("landelijk"), week=W45)


@pytest.mark.django_db
def test_timeline_table_per_type_adds_up_to_the_total(make_user: Callable[[str], Any]) -> None:
    from regietafel.core.rules import LocationType
    from regietafel.opvangbeeld.tables import timeline_table

    make_register("2021-W45", STANDARD)
    user = make_user("landelijk")
    for scope in (None, "PV27"):
        picture = reception_picture(user=user, week=W45, province_code=scope)
        table = timeline_table(picture)
        keys = [f"soort_{t.value}" for t in LocationType]
        assert [c.key for c in table.columns][-len(keys) :] == keys
        for row in table.rows:
            assert sum(int(row[k] or 0) for k in keys) == row["totaal"]
        # Location B (noodopvang, 200 places, PV27) is open in the first week.
        first = table.rows[0]
        assert int(first["soort_noodopvang"] or 0) >= 200


@pytest.mark.django_db
def test_a_target_agreed_after_the_week_neither_shows_nor_lowers_its_need(
    make_user: Callable[[str], Any], settings: Any
) -> None:
    """The LRT agreed 300 places on Wednesday 10 November 2021, after Monday 8 November of
    week 45: week 45 was not steered by it. Before, every week (also July's) listed it and
    subtracted it from the shortage. Hand-computed: the short regular gap of the standard
    register is 347 (test above); with only the target agreed on 1 October running (100
    places, nothing opened yet) the list asks 347 − 100 = 247 on top of it (with both, 0:
    "covered")."""
    settings.REGIETAFEL_PROJECTIE = "trend"
    standard_register()
    lrt = make_user("landelijk")
    agreed = target_create(
        actor=lrt, title="100 plaatsen", category="regulier", unit="places", quantity=100,
        start=date(2021, 10, 1), deadline=date(2021, 12, 31),
    )  # fmt: skip
    later = target_create(
        actor=lrt, title="300 plaatsen", category="regulier", unit="places", quantity=300,
        start=date(2021, 11, 10), deadline=date(2021, 12, 31),
    )  # fmt: skip
    # Agreed on 1 October, counting from 1 December (as "nog 1.200 tot januari"): it runs.
    counts_later = target_create(
        actor=lrt, title="2 sobere locaties", category="sober", unit="locations", quantity=2,
        start=date(2021, 12, 1), deadline=date(2021, 12, 31), agreed_on=date(2021, 10, 1),
    )  # fmt: skip
    progress = targets_for(user=lrt, week=W45) or ()
    assert [p.target.id for p in progress] == [str(agreed.pk), str(counts_later.pk)]
    assert progress[1].achieved == 0  # nothing counts before its start
    shopping = reception_picture(user=lrt, week=W45).figures.shopping
    keys = {item.key for item in shopping}
    assert f"doel-{agreed.pk}" in keys
    assert f"doel-{later.pk}" not in keys
    short = next(i for i in shopping if i.key == "regulier-plaatsen-kort")
    assert short.quantity == 347 - 100
    assert "bovenop de lopende doelen" in short.description
    # The week after, both run.
    week46 = targets_for(user=lrt, week=IsoWeek.parse("2021-W46")) or ()
    assert {p.target.id for p in week46} == {str(agreed.pk), str(later.pk), str(counts_later.pk)}
