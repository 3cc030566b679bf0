from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regietafel.core.capacity import (
    Closure,
    Location,
    capacity_timeline,
    closures_without_successor,
)
from regietafel.core.need import (
    GapRow,
    capacity_at_horizons,
    need_and_gap,
    need_and_gap_by_province,
)
from regietafel.core.rules import (
    DEFAULT_HORIZONS,
    LocationType,
    NeedCategory,
    Party,
    ShoppingCategory,
    ShoppingItemStatus,
    TargetStatus,
    need_category,
)
from regietafel.core.shopping_list import ShoppingItem, shopping_list
from regietafel.core.targets import Target, TargetProgress, target_progress
from tests.core.test_need import FAIR_OCCUPANCY, FAIR_REGISTER, FIXED_417

REG, AMV, SOBER = NeedCategory.REGULAR, NeedCategory.AMV, NeedCategory.SOBER
AS_OF = date(2021, 10, 20)  # the LRT of autumn 2021

TARGETS = [
    Target("600-nov", "600 extra opvangplekken", REG, "places", 600, AS_OF, date(2021, 11, 30)),
    Target(
        "1200-dec",
        "1.200 extra opvangplekken",
        REG,
        "places",
        1200,
        date(2021, 11, 30),
        date(2021, 12, 31),
    ),
    Target(
        "amv-2021", "AMV-locaties", AMV, "locations", 6, AS_OF, date(2021, 12, 31), quantity_max=7
    ),
]
# Nothing new has opened yet on the day of the LRT: every target is still fully open.
PROGRESS = [target_progress(t, [], as_of=AS_OF) for t in TARGETS]

CLOSURES = [
    Closure(
        "noodA",
        "noodopvang Eenstad",
        "GM0001",
        "PV20",
        LocationType.NOODOPVANG,
        300,
        date(2021, 12, 31),
    ),
    # 1 September 2022 lies beyond the medium horizon (20 April 2022): not on the list yet.
    Closure(
        "noodB",
        "paviljoen Tweestad",
        "GM0002",
        "PV21",
        LocationType.NOODOPVANG,
        200,
        date(2022, 9, 1),
    ),
]


def gaps(
    *, regular_capacity: int, amv_capacity: int, sober_medium_capacity: int
) -> tuple[GapRow, ...]:
    capacity = {
        "kort": {REG: regular_capacity, AMV: amv_capacity, SOBER: 200},
        "middellang": {REG: regular_capacity, AMV: amv_capacity, SOBER: sober_medium_capacity},
        "lang": {REG: regular_capacity, AMV: amv_capacity, SOBER: sober_medium_capacity},
    }
    return need_and_gap(
        occupancy={REG: 30000, AMV: 1000, SOBER: 150},
        capacity=capacity,
        policy=FIXED_417,
    )


def by_key(items: tuple[ShoppingItem, ...]) -> dict[str, ShoppingItem]:
    return {item.key: item for item in items}


def test_targets_cover_a_smaller_gap() -> None:
    # Regular: 30.000 + 417 - 29.900 = 517 short; the open targets ask 600 + 1.200 = 1.800 >= 517.
    # AMV: 1.000 - 700 = 300 short = 6 locations; the AMV target asks 6: covered.
    # Sober: 200 places for 150 now, 100 after the short term: 50 short = 1 location (medium).
    items = shopping_list(
        scope=None,
        gaps=gaps(regular_capacity=29900, amv_capacity=700, sober_medium_capacity=100),
        closures=CLOSURES,
        targets=PROGRESS,
        housing_arrears=1234,
        housing_deadline=date(2021, 12, 31),
        as_of=AS_OF,
    )
    assert [i.key for i in items] == [
        "doel-600-nov",  # 30 Nov
        "doel-1200-dec",  # 31 Dec, regular
        "doel-amv-2021",  # 31 Dec, AMV
        "sluitingen-2021-12",  # 31 Dec, replacement
        "huisvesting-achterstand",  # 31 Dec, housing
        "sober-locaties-middellang",  # 13 Apr 2022 = 20 Oct 2021 + 25 weeks (its last week)
    ]
    found = by_key(items)
    six = found["doel-600-nov"]
    assert six.description == "600 extra opvangplekken: nog 600 plaatsen uiterlijk 30 november 2021"
    assert (six.quantity, six.unit, six.party, six.status) == (
        600,
        "plaatsen",
        Party.PROVINCE,
        ShoppingItemStatus.OPEN,
    )
    assert found["doel-1200-dec"].description.startswith(
        "1.200 extra opvangplekken: nog 1.200 plaatsen"
    )
    amv = found["doel-amv-2021"]
    assert (amv.quantity, amv.unit, amv.party, amv.partners) == (
        6,
        "locaties",
        Party.COA,
        (Party.PROVINCE,),
    )
    assert "(doel 6 à 7)" in amv.description
    sober = found["sober-locaties-middellang"]
    assert (sober.quantity, sober.deadline, sober.party) == (1, date(2022, 4, 13), Party.MINISTRY)
    assert sober.description == (
        "1 extra locatie voor sobere opvang van 100 plaatsen uiterlijk 13 april 2022"
        " (middellange termijn)"
    )
    closure = found["sluitingen-2021-12"]
    assert (closure.quantity, closure.deadline, closure.party) == (
        300,
        date(2021, 12, 31),
        Party.COA,
    )
    assert closure.description == (
        "Vervanging voor noodopvang Eenstad (300 plaatsen, noodopvang), sluit na 31 december 2021"
    )
    housing = found["huisvesting-achterstand"]
    assert (housing.quantity, housing.unit, housing.party) == (
        1234,
        "personen",
        Party.MUNICIPALITIES,
    )
    assert housing.description.startswith("1.234 vergunninghouders extra huisvesten")


def test_gap_beyond_the_targets_adds_only_the_excess() -> None:
    # Regular: 30.417 - 27.000 = 3.417 short; targets ask 1.800 -> 1.617 extra by 10 Nov
    # (20 Oct + 3 weeks: the first day of the horizon's 4th week, where the gap is read).
    # AMV: 1.000 - 600 = 400 short = 8 locations; target asks 6 -> 2 extra.
    items = by_key(
        shopping_list(
            scope=None,
            gaps=gaps(regular_capacity=27000, amv_capacity=600, sober_medium_capacity=200),
            closures=[],
            targets=PROGRESS,
            housing_arrears=0,
            housing_deadline=date(2021, 12, 31),
            as_of=AS_OF,
        )
    )
    regular = items["regulier-plaatsen-kort"]
    assert (regular.quantity, regular.deadline) == (1617, date(2021, 11, 10))
    assert regular.description == (
        "1.617 extra reguliere opvangplekken bovenop de lopende doelen uiterlijk 10 november 2021"
        " (korte termijn)"
    )
    assert items["amv-locaties-kort"].quantity == 2
    total_regular = sum(
        i.quantity for i in items.values() if i.category is ShoppingCategory.REGULAR_PLACES
    )
    assert total_regular == 3417  # the larger of gap and targets, not their sum
    assert "huisvesting-achterstand" not in items
    assert not any(i.category is ShoppingCategory.SOBER_LOCATIONS for i in items.values())


def test_late_target_says_its_deadline_has_passed() -> None:
    late = target_progress(TARGETS[0], [], as_of=date(2021, 12, 6))
    assert late.status is TargetStatus.LATE
    (item,) = shopping_list(
        scope=None,
        gaps=[],
        closures=[],
        targets=[late],
        housing_arrears=0,
        housing_deadline=date(2021, 12, 31),
        as_of=date(2021, 12, 6),
    )
    assert item.description == (
        "600 extra opvangplekken: nog 600 plaatsen; de deadline van 30 november 2021 is verstreken"
    )


def test_province_above_its_share_gets_no_regular_item() -> None:
    # From test_need, fixed buffer 417 (national only): PV20 has a regular surplus of 300,
    # PV21 is not short now, nationally 117.
    timeline = capacity_timeline(FAIR_REGISTER, start=date(2021, 11, 1), weeks=104)
    result = need_and_gap_by_province(occupancy=FAIR_OCCUPANCY, timeline=timeline, policy=FIXED_417)
    every_gap = [row for rows in result.values() for row in rows]

    def regular(scope: str | None) -> list[ShoppingItem]:
        items = shopping_list(
            scope=scope,
            gaps=every_gap,
            closures=[],
            targets=[],
            housing_arrears=0,
            housing_deadline=date(2021, 12, 31),
            as_of=date(2021, 11, 1),
        )
        return [i for i in items if i.category is ShoppingCategory.REGULAR_PLACES]

    assert regular("PV20") == []
    # PV21: 600 needed against 600 places now, 200 short once its noodopvang has closed.
    assert [i.quantity for i in regular("PV21")] == [200]
    # Nationally 1.717 - 1.600 = 117 now and 1.717 - 1.400 = 317 in the medium term.
    assert [i.quantity for i in regular(None)] == [117, 200]


def test_keys_are_stable_from_week_to_week() -> None:
    def week(as_of: date) -> set[str]:
        progress = [target_progress(t, [], as_of=as_of) for t in TARGETS]
        items = shopping_list(
            scope=None,
            gaps=gaps(regular_capacity=27000, amv_capacity=600, sober_medium_capacity=100),
            closures=CLOSURES,
            targets=progress,
            housing_arrears=10,
            housing_deadline=date(2021, 12, 31),
            as_of=as_of,
        )
        return {i.key for i in items}

    assert week(AS_OF) == week(AS_OF + timedelta(weeks=1))


def test_negative_arrears_are_rejected() -> None:
    with pytest.raises(ValueError, match="achterstand"):
        shopping_list(
            scope=None,
            gaps=[],
            closures=[],
            targets=[],
            housing_arrears=-1,
            housing_deadline=AS_OF,
            as_of=AS_OF,
        )


@st.composite
def progresses(draw: st.DrawFn) -> list[TargetProgress]:
    result = []
    for i in range(draw(st.integers(0, 4))):
        category = draw(st.sampled_from(list(NeedCategory)))
        quantity = draw(st.integers(1, 3000))
        deadline = AS_OF + timedelta(days=draw(st.integers(1, 400)))
        target = Target(
            f"t{i}",
            f"doel {i}",
            category,
            draw(st.sampled_from(["places", "locations"])),
            quantity,
            AS_OF - timedelta(days=30),
            deadline,
        )
        achieved = draw(st.integers(0, quantity + 10))
        status = TargetStatus.MET if achieved >= quantity else TargetStatus.ON_TRACK
        result.append(
            TargetProgress(target, AS_OF, achieved, max(0, quantity - achieved), 0, status)
        )
    return result


counts = st.fixed_dictionaries({c: st.integers(0, 40000) for c in NeedCategory})


@settings(max_examples=200, deadline=None)
@given(
    occupancy=counts,
    capacities=st.tuples(counts, counts, counts),
    targets=progresses(),
    arrears=st.integers(0, 5000),
    closure_capacity=st.integers(0, 500),
)
def test_items_are_positive_unique_and_never_double_count(
    occupancy: dict[NeedCategory, int],
    capacities: tuple[dict[NeedCategory, int], ...],
    targets: list[TargetProgress],
    arrears: int,
    closure_capacity: int,
) -> None:
    rows = need_and_gap(
        occupancy=occupancy,
        capacity={h.name: c for h, c in zip(DEFAULT_HORIZONS, capacities, strict=True)},
        policy=FIXED_417,
    )
    closure = Closure(
        "x", "x", "GM0001", "PV20", LocationType.HOTEL, closure_capacity, AS_OF + timedelta(days=10)
    )
    items = shopping_list(
        scope=None,
        gaps=rows,
        closures=[closure],
        targets=targets,
        housing_arrears=arrears,
        housing_deadline=AS_OF + timedelta(days=70),
        as_of=AS_OF,
    )
    assert all(i.quantity > 0 for i in items)
    assert len({i.key for i in items}) == len(items)
    assert list(items) == sorted(
        items, key=lambda i: (i.deadline, list(ShoppingCategory).index(i.category), i.key)
    )
    # Regular places: the list asks for the larger of the largest gap (any horizon) and the
    # open place targets plus the replacement (the hotel closes before every peildatum, so
    # every gap counts it), when no regular target is counted in locations (not comparable).
    regular_targets = [t for t in targets if t.target.category is REG]
    if all(t.target.unit == "places" for t in regular_targets):
        largest_gap = max((max(0, r.gap) for r in rows if r.category is REG), default=0)
        asked = sum(t.remaining for t in regular_targets) + closure_capacity
        listed = closure_capacity + sum(
            i.quantity for i in items if i.category is ShoppingCategory.REGULAR_PLACES
        )
        assert listed == max(largest_gap, asked)
        # Every horizon is covered by what the list asks up to its deadline.
        for row in (r for r in rows if r.category is REG):
            deadline = AS_OF + timedelta(weeks=row.horizon.weeks)
            up_to = asked + sum(
                i.quantity
                for i in items
                if i.category is ShoppingCategory.REGULAR_PLACES
                and not i.key.startswith("doel-")
                and i.deadline <= deadline
            )
            assert up_to >= row.gap


def test_closures_of_one_month_make_one_item_with_their_sum() -> None:
    """Three closures: two in November (200 + 150 = 350 places, first on 15 November), one
    in December (300). Expect two items, keyed by month, the deadline the first closing day."""
    nood = LocationType.NOODOPVANG
    closures = [
        Closure("n2", "noodopvang Twee", "GM0002", "PV21", nood, 150, date(2021, 11, 29)),
        Closure("n1", "noodopvang Een", "GM0001", "PV20", nood, 200, date(2021, 11, 15)),
        Closure("d1", "hotel Drie", "GM0003", "PV22", LocationType.HOTEL, 300, date(2021, 12, 20)),
    ]
    items = shopping_list(
        scope=None,
        gaps=[],
        closures=closures,
        targets=[],
        housing_arrears=0,
        housing_deadline=date(2021, 12, 31),
        as_of=date(2021, 11, 8),
    )
    found = by_key(items)
    assert set(found) == {"sluitingen-2021-11", "sluitingen-2021-12"}
    november = found["sluitingen-2021-11"]
    assert (november.quantity, november.deadline) == (350, date(2021, 11, 15))
    assert november.description == (
        "Vervanging voor 2 tijdelijke locaties (350 plaatsen) die sluiten in november 2021, "
        "de eerste na 15 november 2021: noodopvang Een, noodopvang Twee"
    )
    assert found["sluitingen-2021-12"].quantity == 300
    province = shopping_list(
        scope="PV21",
        gaps=[],
        closures=closures,
        targets=[],
        housing_arrears=0,
        housing_deadline=date(2021, 12, 31),
        as_of=date(2021, 11, 8),
    )
    assert [(i.key, i.quantity) for i in province] == [("sluitingen-2021-11", 150)]


def test_a_larger_medium_term_gap_gets_its_own_item() -> None:
    """The defect of week 2021-W45: a short-term gap covered by the targets hid the much larger
    medium-term gap. Short: 30.417 - 29.900 = 517 short, covered by the targets (1.800).
    Medium: 30.417 - 25.000 = 5.417 short; 5.417 - 1.800 = 3.617 more by 20 April 2022."""
    capacity = {
        "kort": {REG: 29900, AMV: 1000, SOBER: 200},
        "middellang": {REG: 25000, AMV: 1000, SOBER: 200},
        "lang": {REG: 25000, AMV: 1000, SOBER: 200},
    }
    rows = need_and_gap(
        occupancy={REG: 30000, AMV: 1000, SOBER: 150},
        capacity=capacity,
        policy=FIXED_417,
    )
    items = by_key(
        shopping_list(
            scope=None,
            gaps=rows,
            closures=[],
            targets=PROGRESS,
            housing_arrears=0,
            housing_deadline=date(2021, 12, 31),
            as_of=AS_OF,
        )
    )
    assert "regulier-plaatsen-kort" not in items
    medium = items["regulier-plaatsen-middellang"]
    assert (medium.quantity, medium.deadline) == (3617, date(2022, 4, 13))
    assert medium.description == (
        "3.617 extra reguliere opvangplekken bovenop de lopende doelen uiterlijk 13 april 2022"
        " (middellange termijn)"
    )
    assert "regulier-plaatsen-lang" not in items  # the long-term gap is the same 5.417


def test_each_horizon_asks_only_what_earlier_items_leave_open() -> None:
    """No targets. Regular gaps: short 417 + 30.000 - 29.000 = 1.417, medium 2.417, long 1.917.
    Items: 1.417 (short), 2.417 - 1.417 = 1.000 (medium), nothing for the long term."""
    capacity = {
        "kort": {REG: 29000, AMV: 1000, SOBER: 200},
        "middellang": {REG: 28000, AMV: 1000, SOBER: 200},
        "lang": {REG: 28500, AMV: 1000, SOBER: 200},
    }
    rows = need_and_gap(
        occupancy={REG: 30000, AMV: 1000, SOBER: 150},
        capacity=capacity,
        policy=FIXED_417,
    )
    items = by_key(
        shopping_list(
            scope=None,
            gaps=rows,
            closures=[],
            targets=[],
            housing_arrears=0,
            housing_deadline=date(2021, 12, 31),
            as_of=AS_OF,
        )
    )
    assert items["regulier-plaatsen-kort"].quantity == 1417
    medium = items["regulier-plaatsen-middellang"]
    assert medium.quantity == 1000
    assert "bovenop de eerdere punten" in medium.description
    assert "regulier-plaatsen-lang" not in items


def test_unit_label_agrees_with_the_quantity() -> None:
    """ "1 locaties" was shown on the list and in the report: one is singular."""
    from regietafel.core.rules import Party, ShoppingCategory
    from regietafel.core.shopping_list import ShoppingUnit

    def item(quantity: int, unit: ShoppingUnit) -> ShoppingItem:
        category = ShoppingCategory.AMV_LOCATIONS
        return ShoppingItem("k", category, "x", quantity, unit, date(2021, 12, 31), Party.COA)

    assert item(1, "locaties").unit_label == "locatie"
    assert item(2, "locaties").unit_label == "locaties"
    assert item(1, "plaatsen").unit_label == "plaats"
    assert item(0, "personen").unit_label == "personen"


def test_the_deadline_of_a_gap_is_the_pictures_peildatum() -> None:
    """Pinned bug: the list asked for places a week after the day the picture measured the
    gap (16 May 2022 against a peildatum of 9 May 2022 in week 2021-W46)."""
    from regietafel.core.capacity import capacity_timeline
    from regietafel.core.rules import DEFAULT_HORIZONS

    monday = date(2021, 11, 15)
    timeline = capacity_timeline(FAIR_REGISTER, start=monday, weeks=104)
    for horizon in DEFAULT_HORIZONS:
        assert horizon.reference_day(monday) == timeline.week_starts[horizon.weeks - 1]
    assert [h.reference_day(monday) for h in DEFAULT_HORIZONS] == [
        date(2021, 12, 6), date(2022, 5, 9), date(2023, 11, 6),
    ]  # fmt: skip
    items = by_key(
        shopping_list(
            scope=None,
            gaps=gaps(regular_capacity=27000, amv_capacity=600, sober_medium_capacity=200),
            closures=[],
            targets=(),
            housing_arrears=0,
            housing_deadline=date(2021, 12, 31),
            as_of=monday,
        )
    )
    assert items["regulier-plaatsen-kort"].deadline == date(2021, 12, 6)


# Replacements and gap items add up: the gap of a horizon is read against the capacity on its
# peildatum, which has already lost every location that closed before that day (a location
# has places up to and including its end date), so the replacement of such a closure is part
# of that gap and the gap item asks only the rest.

W45 = date(2021, 11, 8)  # the Monday of 2021-W45: peildata 29 Nov 2021, 2 May 2022, 30 Oct 2023
HORIZON = {h.name: h for h in DEFAULT_HORIZONS}


def row(
    horizon: str, category: NeedCategory, need: int, capacity: int, province: str | None
) -> GapRow:
    """A gap row as the demo's picture shows it (buffer 0: a province gets no fixed buffer)."""
    gap = need - capacity
    size = {AMV: 50, SOBER: 100}.get(category)
    locations = None if size is None else max(0, -(-gap // size))
    return GapRow(HORIZON[horizon], category, province, need, 0, need, capacity, gap, locations)


def test_groningen_w45_asks_its_long_term_shortage_once() -> None:
    """Demo week 2021-W45, Groningen as COA sees it. Regular gaps: 2.834 - 2.670 = 164 on
    2 May 2022 and 3.873 - 2.510 = 1.363 on 30 October 2023. The sporthal in Midden-Groningen
    (160 places) has its last day on 6 May 2022: still counted on 2 May, gone by 2023. So the
    list asks 164 (medium), replaces the 160, and adds 1.363 - 164 - 160 = 1.039 for the long
    term: 1.523 places were asked before (164 + 160 + 1.199) against a shortage of 1.363.
    AMV: 5 short in the medium term (1 location), 25 in the long term (still that location)."""
    gaps = [
        row("kort", REG, 2596, 2670, "PV20"),
        row("middellang", REG, 2834, 2670, "PV20"),
        row("lang", REG, 3873, 2510, "PV20"),
        row("kort", AMV, 50, 50, "PV20"),
        row("middellang", AMV, 55, 50, "PV20"),
        row("lang", AMV, 75, 50, "PV20"),
    ]
    sporthal = Closure(
        "SYN-133",
        "noodopvang (sporthal) Midden-Groningen",
        "GM1952",
        "PV20",
        LocationType.NOODOPVANG,
        160,
        date(2022, 5, 6),
    )
    items = shopping_list(
        scope="PV20",
        gaps=gaps,
        closures=[sporthal],
        targets=[],
        housing_arrears=None,
        housing_deadline=date(2021, 12, 31),
        as_of=W45,
    )
    assert [(i.key, i.quantity) for i in items] == [
        ("regulier-plaatsen-middellang", 164),
        ("amv-locaties-middellang", 1),
        ("sluitingen-2022-05", 160),
        ("regulier-plaatsen-lang", 1039),
    ]
    assert sum(i.quantity for i in items if i.unit == "plaatsen") == 1363
    assert by_key(items)["regulier-plaatsen-lang"].description == (
        "1.039 extra reguliere opvangplekken bovenop de vervangingen en de eerdere punten "
        "uiterlijk 30 oktober 2023 (lange termijn)"
    )
    # The medium item says nothing of the replacement: on 2 May the sporthal still has places.
    assert by_key(items)["regulier-plaatsen-middellang"].description == (
        "164 extra reguliere opvangplekken uiterlijk 2 mei 2022 (middellange termijn)"
    )


def test_noord_holland_w45_asks_what_the_replacements_leave_open() -> None:
    """Demo week 2021-W45, Noord-Holland. Four regular locations (60 + 120 + 100 + 100 = 380
    places) close in April 2022, before the medium peildatum of 2 May: of the medium gap of
    4.595 - 4.060 = 535 only 535 - 380 = 155 is still short (535 were asked on top of the 380
    before). Long term: 6.280 - 3.090 = 3.190 = 380 + 155 + 2.655. AMV: one location of 50
    closes on 14 December 2021 (after the short peildatum of 29 November): medium gap 82 - 50
    = 32 is 1 location (was 2), long gap 241 - 50 = 191 is 4 locations, 3 more."""
    gaps = [
        row("kort", REG, 4209, 4230, "PV27"),
        row("middellang", REG, 4595, 4060, "PV27"),
        row("lang", REG, 6280, 3090, "PV27"),
        row("kort", AMV, 396, 400, "PV27"),
        row("middellang", AMV, 432, 350, "PV27"),
        row("lang", AMV, 591, 350, "PV27"),
    ]
    kinds = LocationType

    def closure(key: str, kind: LocationType, places: int, end: date) -> Closure:
        return Closure(key, key, "GM0363", "PV27", kind, places, end)

    closures = [
        closure("SYN-097", kinds.AMV, 50, date(2021, 12, 14)),
        closure("SYN-120", kinds.CRISISNOODOPVANG, 60, date(2022, 4, 4)),
        closure("SYN-122", kinds.REGULIER, 120, date(2022, 4, 6)),
        closure("SYN-125", kinds.NOODOPVANG, 100, date(2022, 4, 16)),
        closure("SYN-128", kinds.NOODOPVANG, 100, date(2022, 4, 18)),
    ]
    items = by_key(
        shopping_list(
            scope="PV27",
            gaps=gaps,
            closures=closures,
            targets=[],
            housing_arrears=None,
            housing_deadline=date(2021, 12, 31),
            as_of=W45,
        )
    )
    assert {k: i.quantity for k, i in items.items()} == {
        "sluitingen-2021-12": 50,
        "sluitingen-2022-04": 380,
        "regulier-plaatsen-middellang": 155,
        "amv-locaties-middellang": 1,
        "regulier-plaatsen-lang": 2655,
        "amv-locaties-lang": 3,
    }
    assert items["regulier-plaatsen-middellang"].description == (
        "155 extra reguliere opvangplekken bovenop de vervangingen uiterlijk 2 mei 2022 "
        "(middellange termijn)"
    )
    assert items["amv-locaties-lang"].description == (
        "3 extra AMV-locaties van 50 plaatsen bovenop de vervangingen en de eerdere punten "
        "uiterlijk 30 oktober 2023 (lange termijn)"
    )


def test_a_closure_on_the_peildatum_itself_is_not_in_that_gap() -> None:
    """A location with its last day on the peildatum still counts in that day's capacity, so
    its replacement is not subtracted there; one day earlier it is."""
    medium_day = HORIZON["middellang"].reference_day(W45)  # 2 May 2022
    gaps = [row("middellang", REG, 1100, 1000, None)]

    def listed(end: date) -> list[int]:
        closure = Closure("x", "hotel X", "GM0001", "PV20", LocationType.HOTEL, 60, end)
        items = shopping_list(
            scope=None,
            gaps=gaps,
            closures=[closure],
            targets=[],
            housing_arrears=None,
            housing_deadline=W45,
            as_of=W45,
        )
        return [i.quantity for i in items if i.category is ShoppingCategory.REGULAR_PLACES]

    assert listed(medium_day) == [100]
    assert listed(medium_day - timedelta(days=1)) == [40]


def test_text_names_targets_replacements_and_earlier_items() -> None:
    """All three parts: a target of 100 places, a replacement of 50 before the short
    peildatum, and a short-term item; the long-term item then says all three."""
    gaps = [row("kort", REG, 1300, 1000, None), row("lang", REG, 1900, 1000, None)]
    target = Target("t", "100 plaatsen", REG, "places", 100, W45, date(2021, 12, 31))
    closure = Closure("x", "hotel X", "GM0001", "PV20", LocationType.HOTEL, 50, date(2021, 11, 20))
    items = by_key(
        shopping_list(
            scope=None,
            gaps=gaps,
            closures=[closure],
            targets=[target_progress(target, [], as_of=W45)],
            housing_arrears=None,
            housing_deadline=W45,
            as_of=W45,
        )
    )
    # Short: 300 - 100 - 50 = 150; long: 900 - 100 - 50 - 150 = 600.
    assert items["regulier-plaatsen-kort"].quantity == 150
    assert items["regulier-plaatsen-kort"].description.startswith(
        "150 extra reguliere opvangplekken bovenop de lopende doelen en de vervangingen uiterlijk"
    )
    assert items["regulier-plaatsen-lang"].description == (
        "600 extra reguliere opvangplekken bovenop de lopende doelen, de vervangingen en de "
        "eerdere punten uiterlijk 30 oktober 2023 (lange termijn)"
    )


SIZE = {AMV: 50, SOBER: 100}
LISTED_UNTIL = W45 + timedelta(weeks=26)  # closures enter the list within the medium horizon


def _up_to(items: tuple[ShoppingItem, ...], category: NeedCategory, day: date) -> tuple[int, int]:
    """(targets, gap items with a deadline on or before ``day``) of one need category, in
    the category's unit (a target in places of AMV or sober counts in locations, rounded
    up, as the list counts it)."""
    shopping = {REG: ShoppingCategory.REGULAR_PLACES, AMV: ShoppingCategory.AMV_LOCATIONS}.get(
        category, ShoppingCategory.SOBER_LOCATIONS
    )
    mine = [i for i in items if i.category is shopping]
    size = SIZE.get(category)
    targets = sum(
        -(-i.quantity // size) if size and i.unit == "plaatsen" else i.quantity
        for i in mine
        if i.key.startswith("doel-")
    )
    gap_items = sum(i.quantity for i in mine if not i.key.startswith("doel-") and i.deadline <= day)
    return targets, gap_items


def _replaced(closures: list[Closure], category: NeedCategory, day: date) -> int:
    """Places of listed closures of the category whose last day lies before ``day``."""
    return sum(
        c.capacity
        for c in closures
        if need_category(c.type) is category and W45 <= c.end < LISTED_UNTIL and c.end < day
    )


@st.composite
def registers(draw: st.DrawFn) -> list[Location]:
    """A structural location per kind and temporary ones ending anywhere in two years, each
    in its own municipality (so none has a successor and every one in the window is listed)."""
    start = W45 - timedelta(days=400)
    kinds = (LocationType.REGULIER, LocationType.AMV, LocationType.SOBER)
    result = [
        Location(f"S{k.value}", "vast", "GM9000", "PV20", k, draw(st.integers(0, 3000)), 0, start)
        for k in kinds
    ]
    temporary = (*kinds, LocationType.HOTEL, LocationType.NOODOPVANG)
    for i in range(draw(st.integers(0, 6))):
        end = W45 + timedelta(days=draw(st.integers(0, 740)))
        places = draw(st.integers(1, 400))
        kind = draw(st.sampled_from(temporary))
        result.append(
            Location(f"T{i}", f"tijdelijk {i}", f"GM{i:04d}", "PV20", kind, places, 0, start, end)
        )
    return result


@st.composite
def rising(draw: st.DrawFn) -> dict[str, dict[NeedCategory, int]]:
    """Occupancy per horizon that never falls (short <= medium <= long) for every kind."""
    per: dict[str, dict[NeedCategory, int]] = {h.name: {} for h in DEFAULT_HORIZONS}
    for category in NeedCategory:
        level = draw(st.integers(0, 3000))
        for horizon in DEFAULT_HORIZONS:
            level += draw(st.integers(0, 800)) if horizon.use_projection else 0
            per[horizon.name][category] = level
    return per


@st.composite
def category_targets(draw: st.DrawFn) -> list[TargetProgress]:
    result = []
    for i in range(draw(st.integers(0, 3))):
        category = draw(st.sampled_from(list(NeedCategory)))
        # Regular targets in places (a location count has no size there and is not counted).
        unit = "places" if category is REG else draw(st.sampled_from(["places", "locations"]))
        target = Target(
            f"t{i}", f"doel {i}", category, unit, draw(st.integers(1, 2000)), W45, date(2022, 1, 1)
        )
        result.append(target_progress(target, [], as_of=W45))
    return result


@settings(max_examples=300, deadline=None)
@given(locations=registers(), occupancy=rising(), targets=category_targets())
def test_items_up_to_a_horizon_cover_its_gap_and_ask_no_more(
    locations: list[Location],
    occupancy: dict[str, dict[NeedCategory, int]],
    targets: list[TargetProgress],
) -> None:
    """With the gaps as the core computes them (capacity on each peildatum from the register,
    need that does not fall), per kind and horizon k, in the kind's unit:
    targets + replacements + gap items up to k is at least the largest gap up to k, and at most
    the larger of that gap and targets + replacements (for AMV and sober: up to one location
    of rounding, as the gap in locations itself). Before, a replacement was asked on top of
    the gap that already contained it."""
    timeline = capacity_timeline(locations, start=W45, weeks=104)
    rows = need_and_gap(
        occupancy=occupancy["kort"],
        capacity=capacity_at_horizons(timeline),
        projected=occupancy,
    )
    closures = closures_without_successor(locations, start=W45, weeks=104)
    items = shopping_list(
        scope=None,
        gaps=rows,
        closures=closures,
        targets=targets,
        housing_arrears=None,
        housing_deadline=W45,
        as_of=W45,
    )
    for category in NeedCategory:
        largest = 0
        for horizon in DEFAULT_HORIZONS:
            day = horizon.reference_day(W45)
            (gap,) = (r.gap for r in rows if r.category is category and r.horizon == horizon)
            largest = max(largest, gap)
            replaced = _replaced(closures, category, day)
            asked, gap_items = _up_to(items, category, day)
            if category is REG:
                total = asked + replaced + gap_items
                assert largest <= total <= max(largest, asked + replaced)
            else:
                size = SIZE[category]
                total = size * (asked + gap_items) + replaced
                assert largest <= total
                assert total <= max(largest + size - 1, size * asked + replaced)


@settings(max_examples=300, deadline=None)
@given(
    needs=st.lists(st.integers(-2000, 6000), min_size=3, max_size=3),
    category=st.sampled_from(list(NeedCategory)),
    ends=st.lists(st.integers(0, 200), max_size=5),
    places=st.integers(1, 400),
    target=st.integers(0, 40),
)
def test_gap_items_are_the_largest_rest_after_targets_and_replacements(
    needs: list[int], category: NeedCategory, ends: list[int], places: int, target: int
) -> None:
    """Any gaps, also falling ones: the gap items up to horizon k are exactly the largest
    "gap less the replacements before its peildatum" up to k, less the targets (never below
    0), in the kind's unit. When the gap falls between horizons, a replacement can then be
    more than the later gap needs: the replacement item always asks for the whole location."""
    kind = {REG: LocationType.HOTEL, AMV: LocationType.AMV, SOBER: LocationType.SOBER}[category]
    closures = [
        Closure(f"c{i}", f"c{i}", "GM0001", "PV20", kind, places, W45 + timedelta(days=d))
        for i, d in enumerate(ends)
    ]
    gaps = [
        row(h.name, category, 10000 + gap, 10000, None)
        for h, gap in zip(DEFAULT_HORIZONS, needs, strict=True)
    ]
    unit = "places" if category is REG else "locations"
    progress = []
    if target:
        goal = Target("t", "doel", category, unit, target, W45, date(2022, 1, 1))
        progress = [target_progress(goal, [], as_of=W45)]
    items = shopping_list(
        scope=None,
        gaps=gaps,
        closures=closures,
        targets=progress,
        housing_arrears=None,
        housing_deadline=W45,
        as_of=W45,
    )
    rest = 0
    for horizon, gap in zip(DEFAULT_HORIZONS, needs, strict=True):
        day = horizon.reference_day(W45)
        left = max(0, gap - _replaced(closures, category, day))
        rest = max(rest, left if category is REG else -(-left // SIZE[category]))
        assert _up_to(items, category, day) == (target, max(0, rest - target))
