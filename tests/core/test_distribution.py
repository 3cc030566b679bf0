"""The three distribution rules, the filter on existing places and the composite key.

Every expectation below is computed by hand in the comment next to it; the properties at the
end hold for any input hypothesis draws.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core.apportionment import Method
from regietafel.core.capacity import Location
from regietafel.core.distribution import (
    DistributionError,
    ExistingPlaces,
    Factor,
    Rule,
    Unit,
    add_months,
    composite_key,
    counted_existing,
    distribute,
    places_of,
)
from regietafel.core.rules import (
    ALL_EXISTING_PLACES,
    DEFAULT_AMV_SHARE,
    SPREIDINGSWET_EXISTING_PLACES,
    SPREIDINGSWET_MINIMUM_PER_MUNICIPALITY,
    ExistingPlacesRule,
    LocationType,
)

# A (weight 1, nothing yet), B (weight 1, 30 places already), C (weight 2, nothing yet).
UNITS = [
    Unit("A", "Eerste", Fraction(1), 0),
    Unit("B", "Tweede", Fraction(1), 30),
    Unit("C", "Derde", Fraction(2), 0),
]


def allocations(rule: Rule, total: int, **options: object) -> list[int]:
    result = distribute(UNITS, total, rule=rule, **options)  # type: ignore[arg-type]
    return [r.allocation for r in result.rows]


def test_extra_is_a_plain_share_of_the_extra() -> None:
    # 40 over weights 1:1:2 -> 10, 10, 20; existing places play no part.
    assert allocations(Rule.EXTRA, 40) == [10, 10, 20]
    result = distribute(UNITS, 40, rule=Rule.EXTRA)
    assert [r.existing for r in result.rows] == [None, None, None]
    assert result.allocated == 40


def test_aanvullen_fills_up_to_one_level() -> None:
    # Levels now: A 0, C 0, B 30. Pool A and C: L = 40 / 3 = 13.33 <= 30, so B gets nothing.
    # Quota A 13.33, C 26.67; largest remainder gives C the last place: 13, 0, 27.
    result = distribute(UNITS, 40, rule=Rule.AANVULLEN)
    assert [r.allocation for r in result.rows] == [13, 0, 27]
    assert result.level == pytest.approx(40 / 3)
    # Fair share on the grand total 70: 17.5, 17.5, 35.
    assert [r.fair_share for r in result.rows] == [17.5, 17.5, 35.0]
    assert result.allocated == 40


def test_aanvullen_is_the_old_credit_existing() -> None:
    old = distribute(UNITS, 40, credit_existing=True)
    new = distribute(UNITS, 40, rule=Rule.AANVULLEN)
    assert old == new
    assert distribute(UNITS, 40) == distribute(UNITS, 40, rule=Rule.EXTRA)


def test_aandeel_surplus_does_not_lower_anyone_elses_task() -> None:
    # Whole = 30 existing + 41 extra = 71; shares 17.75, 17.75, 35.5 -> floors 17, 17, 35
    # (69), the two places left go to the largest remainders A and B (.75): 18, 18, 35.
    # New places: A 18 - 0, B max(0, 18 - 30) = 0, C 35 - 0 -> 53, more than the 41.
    result = distribute(UNITS, 41, rule=Rule.AANDEEL)
    assert [r.share for r in result.rows] == [18, 18, 35]
    assert [r.allocation for r in result.rows] == [18, 0, 35]
    assert [r.quota for r in result.rows] == [17.75, 0.0, 35.5]
    assert result.whole == 71
    assert result.allocated == 53
    # The fill-up of the same 41 lets B's surplus lower A's and C's need: exactly 41.
    assert sum(allocations(Rule.AANVULLEN, 41)) == 41


def test_totals_are_the_outcome_s_and_no_count_is_no_total() -> None:
    # Aandeel of 71 (hand-computed above): weights 1 + 1 + 2 = 4, shares 18 + 18 + 35 = 71,
    # counted places 0 + 30 + 0 = 30, new places 53, after the distribution 83; quota
    # 17.75 + 0 + 35.5 = 53.25; fair shares 17.75 + 17.75 + 35.5 = 71.
    result = distribute(UNITS, 41, rule=Rule.AANDEEL)
    assert result.weight_total == 4
    assert result.share_total == 71
    assert result.existing_total == 30
    assert result.after_total == 83
    assert result.quota_total == pytest.approx(53.25)
    assert result.fair_share_total == pytest.approx(71.0)
    # Under "extra" no places are counted and there is no share: no total, never 0.
    extra = distribute(UNITS, 40, rule=Rule.EXTRA)
    assert extra.existing_total is None
    assert extra.after_total is None
    assert extra.fair_share_total is None
    assert extra.share_total is None
    # Per row: B holds 30 against a fair share of 17.75, so 12.25 above it; in percent of the
    # weight: 1/4 = 25 %.
    b = result.rows[1]
    assert b.above_fair_share == pytest.approx(12.25)
    assert b.weight_percentage == pytest.approx(25.0)
    assert extra.rows[1].above_fair_share is None


def test_held_places_are_shown_under_every_rule_but_counted_only_when_credited() -> None:
    # B holds 30. Under "extra" 40 goes 10/10/20 and the 30 is not counted (existing None),
    # yet B holds 30 + 10 = 40 afterwards, and all together 30 + 40 = 70.
    extra = distribute(UNITS, 40, rule=Rule.EXTRA)
    assert [r.held for r in extra.rows] == [0, 30, 0]
    assert [r.held_after for r in extra.rows] == [10, 40, 20]
    assert (extra.held_total, extra.held_after_total) == (30, 70)
    # Credited, held and counted are the same: aanvullen gives 13, 0, 27 (hand-computed above).
    filled = distribute(UNITS, 40, rule=Rule.AANVULLEN)
    assert [r.held_after for r in filled.rows] == [13, 30, 27]
    assert (filled.held_total, filled.held_after_total) == (filled.existing_total, 70)


def test_aandeel_of_a_national_estimate() -> None:
    # Whole 80 (an estimate, existing included): shares 20, 20, 40; B already has 30.
    result = distribute(UNITS, 0, rule=Rule.AANDEEL, whole=80)
    assert [r.share for r in result.rows] == [20, 20, 40]
    assert [r.allocation for r in result.rows] == [20, 0, 40]


def test_aandeel_minimum_applies_to_the_share() -> None:
    # Whole 16 over 1:1:2 is 4, 4, 8; a minimum of 5 lifts A and B, C gets the other 6.
    units = [Unit(u.code, u.name, u.weight, 0) for u in UNITS]
    result = distribute(units, 0, rule=Rule.AANDEEL, whole=16, minimum=5)
    assert [r.share for r in result.rows] == [5, 5, 6]


def test_whole_only_with_aandeel() -> None:
    with pytest.raises(DistributionError, match="aandeel"):
        distribute(UNITS, 10, rule=Rule.EXTRA, whole=100)


def test_rules_are_named_in_dutch() -> None:
    assert [r.value for r in Rule] == ["aandeel", "aanvullen", "extra"]
    assert "Spreidingswet" in Rule.AANDEEL.label
    assert "verdeelbesluit" in Rule.AANVULLEN.label


def test_spreidingswet_rules_are_data() -> None:
    assert Fraction(85, 1000) == DEFAULT_AMV_SHARE
    assert SPREIDINGSWET_MINIMUM_PER_MUNICIPALITY == 5
    assert ExistingPlacesRule(5, 12, 100) == SPREIDINGSWET_EXISTING_PLACES


ON = date(2024, 2, 1)
PLACES = [
    # Structural, 200 places: counts.
    ExistingPlaces("PV20", 200, date(2020, 1, 1)),
    # Ends 31 Dec 2025: open, but not for 5 years from today (1 Feb 2029).
    ExistingPlaces("PV21", 200, date(2020, 1, 1), date(2025, 12, 31)),
    # Structural but only 80 places: not more than 100.
    ExistingPlaces("PV21", 80, date(2020, 1, 1)),
    # Opens 1 Dec 2024 (before 1 Feb 2025) until 1 Dec 2030 (>= 1 Dec 2029): counts.
    ExistingPlaces("PV20", 150, date(2024, 12, 1), date(2030, 12, 1)),
    # Opens 1 Mar 2025: later than 12 months from today.
    ExistingPlaces("PV21", 150, date(2025, 3, 1)),
    # Closed on 31 Dec 2023: never counts.
    ExistingPlaces("PV21", 500, date(2020, 1, 1), date(2023, 12, 31)),
]


def test_spreidingswet_filter_on_existing_places() -> None:
    assert counted_existing(PLACES, on=ON, rule=SPREIDINGSWET_EXISTING_PLACES) == {"PV20": 350}


def test_without_conditions_every_open_or_planned_place_counts() -> None:
    # PV21: 200 + 80 + 150 (the closed 500 not).
    assert counted_existing(PLACES, on=ON, rule=ALL_EXISTING_PLACES) == {
        "PV20": 350,
        "PV21": 430,
    }


def test_each_condition_on_its_own() -> None:
    durable = ExistingPlacesRule(durable_years=5)
    assert counted_existing(PLACES, on=ON, rule=durable) == {"PV20": 350, "PV21": 230}
    soon = ExistingPlacesRule(available_within_months=12)
    assert counted_existing(PLACES, on=ON, rule=soon) == {"PV20": 350, "PV21": 280}


def test_register_locations_count_for_their_province_or_municipality() -> None:
    regular, emergency = LocationType.REGULIER, LocationType.NOODOPVANG
    locations = [
        Location("L1", "Azc Een", "GM0014", "PV20", regular, 300, 250, date(2020, 1, 1)),
        Location(
            "L2", "Noodopvang", "GM0014", "PV20", emergency, 200, 150,
            date(2023, 9, 1), date(2024, 8, 31),
        ),
        Location("L3", "Azc Twee", "GM0363", "PV27", regular, 500, 400, date(2021, 3, 1)),
    ]  # fmt: skip
    by_province = places_of(locations, by="province")
    assert counted_existing(by_province, on=ON, rule=SPREIDINGSWET_EXISTING_PLACES) == {
        "PV20": 300,  # the emergency location closes within 5 years
        "PV27": 500,
    }
    by_municipality = places_of(locations, by="municipality")
    assert counted_existing(by_municipality, on=ON) == {"GM0014": 500, "GM0363": 500}


def test_add_months_keeps_the_last_day() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 2, 1), 60) == date(2029, 2, 1)
    assert add_months(date(2024, 11, 15), 2) == date(2025, 1, 15)


def test_composite_key_shows_every_factor() -> None:
    # Inhabitants (weight 3) and existing places (weight 1), then a correction of 1.2 for A.
    # A: 3/4 x 100/400 + 1/4 x 10/10 = 3/16 + 4/16 = 7/16, x 1.2 = 21/40.
    # B: 3/4 x 300/400 + 0 = 9/16, no correction.
    key = composite_key(
        [("A", "Eerste"), ("B", "Tweede")],
        [
            Factor("inwoners", {"A": Fraction(100), "B": Fraction(300)}, Fraction(3)),
            Factor("bestaand", {"A": Fraction(10)}, Fraction(1)),
            Factor("correctie", {"A": Fraction(6, 5)}, multiply=True),
        ],
    )
    first, second = key.rows
    assert first.weight == Fraction(21, 40)
    assert first.contributions == (Fraction(3, 16), Fraction(1, 4), Fraction(6, 5))
    assert first.values == (Fraction(100), Fraction(10), Fraction(6, 5))
    assert second.weight == Fraction(9, 16)
    assert second.contributions == (Fraction(9, 16), Fraction(0), Fraction(1))
    assert second.values == (Fraction(300), None, None)
    # 21/40 : 9/16 = 42 : 45, so 87 places go 42 and 45.
    result = distribute(key.units(), 87)
    assert [r.allocation for r in result.rows] == [42, 45]


def test_composite_key_refuses_nonsense() -> None:
    with pytest.raises(DistributionError, match="optellende factor"):
        composite_key([("A", "a")], [Factor("c", {"A": Fraction(2)}, multiply=True)])
    with pytest.raises(DistributionError, match="samen nul"):
        composite_key([("A", "a")], [Factor("inwoners", {"A": Fraction(0)})])


# Properties --------------------------------------------------------------------------------

unit_lists = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 500)), min_size=1, max_size=12
).filter(lambda pairs: sum(w for w, _ in pairs) > 0)


def make_units(pairs: list[tuple[int, int]]) -> list[Unit]:
    return [Unit(f"U{i}", f"Eenheid {i}", Fraction(w), e) for i, (w, e) in enumerate(pairs)]


methods = st.sampled_from(list(Method))


@settings(deadline=None)
@given(unit_lists, st.integers(0, 5_000), methods)
def test_extra_and_aanvullen_add_up_to_the_total(
    pairs: list[tuple[int, int]], total: int, method: Method
) -> None:
    units = make_units(pairs)
    for rule in (Rule.EXTRA, Rule.AANVULLEN):
        assert distribute(units, total, rule=rule, method=method).allocated == total


@settings(deadline=None)
@given(unit_lists, st.integers(0, 5_000), methods)
def test_aanvullen_equals_todays_credit_existing(
    pairs: list[tuple[int, int]], total: int, method: Method
) -> None:
    units = make_units(pairs)
    assert distribute(units, total, rule=Rule.AANVULLEN, method=method) == distribute(
        units, total, credit_existing=True, method=method
    )


@settings(deadline=None)
@given(unit_lists, st.integers(0, 5_000), methods)
def test_aandeel_is_share_minus_existing_never_negative(
    pairs: list[tuple[int, int]], total: int, method: Method
) -> None:
    units = make_units(pairs)
    result = distribute(units, total, rule=Rule.AANDEEL, method=method)
    assert (
        sum(r.share or 0 for r in result.rows)
        == result.whole
        == total + sum(u.existing for u in units)
    )
    for unit, row in zip(units, result.rows, strict=True):
        assert row.allocation >= 0
        assert row.quota >= 0
        assert row.allocation == max(0, (row.share or 0) - unit.existing)
    # Surpluses lower nobody's task: at least the extra, and at least the fill-up's total.
    assert result.allocated >= total


@settings(deadline=None)
@given(unit_lists, st.integers(0, 20_000), st.integers(0, 12 - 1), st.integers(1, 300))
def test_aandeel_more_existing_never_more_new_places(
    pairs: list[tuple[int, int]], whole: int, index: int, more: int
) -> None:
    units = make_units(pairs)
    i = index % len(units)
    richer = list(units)
    richer[i] = Unit(units[i].code, units[i].name, units[i].weight, units[i].existing + more)
    before = distribute(units, 0, rule=Rule.AANDEEL, whole=whole)
    after = distribute(richer, 0, rule=Rule.AANDEEL, whole=whole)
    assert after.rows[i].allocation <= before.rows[i].allocation
    for j in range(len(units)):
        if j != i:
            assert after.rows[j].allocation == before.rows[j].allocation


@settings(deadline=None)
@given(unit_lists, st.integers(0, 5_000), st.integers(1, 500))
def test_quota_grow_with_the_total(pairs: list[tuple[int, int]], total: int, more: int) -> None:
    units = make_units(pairs)
    for rule in Rule:
        small = distribute(units, total, rule=rule)
        large = distribute(units, total + more, rule=rule)
        for a, b in zip(small.rows, large.rows, strict=True):
            assert b.quota >= a.quota - 1e-9


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "C"]),
            st.integers(0, 400),
            st.integers(0, 2000),
            st.one_of(st.none(), st.integers(0, 4000)),
        ),
        max_size=15,
    ),
    st.integers(0, 100),
    st.integers(0, 24),
)
def test_a_stricter_rule_never_counts_more(
    raw: list[tuple[str, int, int, int | None]], more_than: int, months: int
) -> None:
    base = date(2022, 1, 1)
    places = [
        ExistingPlaces(
            code,
            n,
            date.fromordinal(base.toordinal() + s),
            None if e is None else date.fromordinal(base.toordinal() + s + e),
        )
        for code, n, s, e in raw
    ]
    on = date(2023, 6, 1)
    loose = counted_existing(places, on=on, rule=ALL_EXISTING_PLACES)
    strict = counted_existing(
        places,
        on=on,
        rule=ExistingPlacesRule(
            durable_years=5, available_within_months=months, more_than_places=more_than
        ),
    )
    for code, count in strict.items():
        assert count <= loose[code]


@pytest.mark.parametrize("rule", list(Rule))
def test_totals_beyond_ten_million_are_refused_not_worked_out(rule: Rule) -> None:
    from regietafel.core.distribution import MAX_TOTAL

    assert sum(allocations(rule, MAX_TOTAL)) > 0
    with pytest.raises(DistributionError, match=r"buiten 0 tot en met 10\.000\.000"):
        distribute(UNITS, MAX_TOTAL + 1, rule=rule)
    with pytest.raises(DistributionError, match="buiten"):
        distribute(UNITS, -1, rule=rule)
