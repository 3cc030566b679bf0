"""The synthetic demo year: deterministic, consistent, and calibrated to the published figures."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from regietafel import reference
from regietafel.core.capacity import Location
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import LocationType, NeedCategory, need_category
from regietafel.demo import calibration as cal
from regietafel.demo.generator import (
    LOCATION_COLUMNS,
    DemoDataset,
    DemoWeek,
    autumn_gaps,
    generate,
)


@pytest.fixture(scope="module")
def year() -> DemoDataset:
    return generate()


def week_of(data: DemoDataset, number: int) -> DemoWeek:
    week = data.weeks[number - 1]
    assert week.week == f"2021-W{number:02d}"
    return week


def open_capacity(week: DemoWeek, number: int) -> int:
    """Places open on the week's Monday (the register also lists announced locations)."""
    monday = IsoWeek(2021, number).monday
    return sum(
        int(row["capaciteit"])
        for row in week.locations
        if date.fromisoformat(row["startdatum"]) <= monday
    )


def occupancy(week: DemoWeek) -> int:
    return sum(int(row["bezetting"]) for row in week.locations)


def series(week: DemoWeek, metric: str) -> int:
    return next(int(row["waarde"]) for row in week.series if row["reeks"] == metric)


def test_same_seed_same_data_and_fewer_weeks_are_a_prefix(year: DemoDataset) -> None:
    again = generate()
    assert again == year
    short = generate(weeks=6)
    assert [w.week for w in short.weeks] == [f"2021-W0{k}" for k in range(1, 7)]
    assert short.weeks == year.weeks[:6]


def test_other_seed_other_data(year: DemoDataset) -> None:
    assert generate(weeks=2, seed=7).weeks != year.weeks[:2]


def test_calibrated_capacity_occupancy_and_status_holders(year: DemoDataset) -> None:
    august = IsoWeek.containing(cal.AUGUST_2021).week  # 33
    december = IsoWeek.containing(cal.DECEMBER_2021).week  # 50
    assert (august, december) == (33, 50)
    assert open_capacity(week_of(year, 33), 33) == pytest.approx(29_000, rel=0.05)
    assert open_capacity(week_of(year, 50), 50) == pytest.approx(35_000, rel=0.05)
    assert occupancy(week_of(year, 33)) == pytest.approx(27_000, rel=0.05)
    assert series(week_of(year, 33), "vergunninghouders_in_opvang") == pytest.approx(
        11_000, rel=0.05
    )
    assert series(week_of(year, 46), "vergunninghouders_in_opvang") == pytest.approx(
        11_500, rel=0.05
    )


def test_first_applications_add_up_to_eurostat_2021(year: DemoDataset) -> None:
    total = sum(series(week, "eerste_asielaanvragen") for week in year.weeks)
    assert total == pytest.approx(24_755, rel=0.02)
    spring = sum(series(week_of(year, k), "eerste_asielaanvragen") for k in range(10, 20))
    autumn = sum(series(week_of(year, k), "eerste_asielaanvragen") for k in range(38, 48))
    assert autumn > 1.3 * spring


def test_every_location_row_is_valid(year: DemoDataset) -> None:
    valid = {m.code for m in reference.municipalities(date(2021, 1, 1))}
    types = {t.value for t in LocationType}
    for week in year.weeks:
        codes = [row["locatiecode"] for row in week.locations]
        assert len(codes) == len(set(codes)), week.week
        for row in week.locations:
            assert tuple(row) == LOCATION_COLUMNS
            assert row["gemeentecode"] in valid
            assert row["soort"] in types
            assert 0 <= int(row["bezetting"]) <= int(row["capaciteit"]), row
            start = date.fromisoformat(row["startdatum"])
            if row["einddatum"]:
                assert date.fromisoformat(row["einddatum"]) >= start
                assert date.fromisoformat(row["einddatum"]) >= IsoWeek.parse(week.week).monday
            if start > IsoWeek.parse(week.week).monday:
                assert row["bezetting"] == "0", "a location not yet open has no residents"
            assert row["vertrouwelijk"] in {"ja", "nee"}


def test_register_of_week_45(year: DemoDataset) -> None:
    rows = week_of(year, 45).locations
    assert 100 <= len(rows) <= 200
    by_code = {m.code: m for m in reference.municipalities(date(2021, 1, 1))}
    assert {by_code[row["gemeentecode"]].province_code for row in rows} == {
        p.code for p in reference.provinces()
    }
    temporary = [row for row in rows if row["einddatum"]]
    assert 0.3 * len(rows) <= len(temporary) <= 0.7 * len(rows)
    assert any(row["einddatum"].startswith("2022") for row in temporary)
    process = {row["gemeentecode"] for row in rows if row["soort"] == "proces"}
    assert process == {"GM1950", "GM1706"}  # Ter Apel (Westerwolde) and Budel (Cranendonck)
    amv = [row for row in rows if row["soort"] == "amv"]
    assert len(amv) >= 20
    for row in amv:
        assert row["capaciteit"] == "50"
        assert row["vertrouwelijk"] == "ja"
        assert row["adres"] == ""


def test_spring_buffer_of_417_places(year: DemoDataset) -> None:
    def buffer(number: int) -> int:
        return sum(
            int(row["capaciteit"])
            for row in week_of(year, number).locations
            if "buffer (LRT maart 2021)" in row["naam"]
            and date.fromisoformat(row["startdatum"]) <= IsoWeek(2021, number).monday
        )

    assert buffer(10) == 0
    assert [buffer(k) for k in (13, 26, 45, 52)] == [417, 417, 417, 417]


def test_realisation_grows_within_each_period_and_stays_sane(year: DemoDataset) -> None:
    tasks = {
        period.label: {row.code: row.corrected or row.taakstelling for row in period.result.rows}
        for period in year.taakstelling
    }
    previous: dict[tuple[str, str], int] = {}
    for week in year.weeks:
        assert len(week.realisation) == 352
        for row in week.realisation:
            key = (row["periode"], row["gemeentecode"])
            housed = int(row["gehuisvest"])
            assert housed >= previous.get(key, 0), (week.week, key)
            assert housed <= 2 * max(tasks[row["periode"]][row["gemeentecode"]], 0) + 5
            previous[key] = housed
    assert {row["periode"] for row in week_of(year, 26).realisation} == {"2021-I"}
    assert {row["periode"] for row in week_of(year, 27).realisation} == {"2021-II"}


def test_national_realisation_share_and_spread(year: DemoDataset) -> None:
    for period, last in zip(year.taakstelling, (26, 52), strict=True):
        corrected = {row.code: row.corrected or row.taakstelling for row in period.result.rows}
        housed = {
            row["gemeentecode"]: int(row["gehuisvest"]) for row in week_of(year, last).realisation
        }
        assert housed == period.final_housed
        share = sum(housed.values()) / sum(max(v, 0) for v in corrected.values())
        assert 0.75 <= share <= 0.95, period.label
        ratios = [housed[c] / corrected[c] for c in corrected if corrected[c] >= 20]
        assert min(ratios) < 0.5  # some far behind
        assert max(ratios) > 1.1  # some ahead


def test_taakstelling_periods(year: DemoDataset) -> None:
    first, second = year.taakstelling
    assert (first.label, first.national_total) == ("2021-I", 13_500)
    assert (second.label, second.national_total) == ("2021-II", 11_000)
    assert sum(row.taakstelling for row in first.result.rows) == 13_500
    assert sum(row.taakstelling for row in second.result.rows) == 11_000
    for row in second.result.rows:
        first_row = next(r for r in first.result.rows if r.code == row.code)
        assert row.arrears == first_row.taakstelling - first.final_housed[row.code]


def rows_to_locations(rows: list[dict[str, str]]) -> list[Location]:
    by_code = {m.code: m for m in reference.municipalities(date(2021, 1, 1))}
    return [
        Location(
            id=row["locatiecode"],
            name=row["naam"],
            municipality_code=row["gemeentecode"],
            province_code=by_code[row["gemeentecode"]].province_code,
            type=LocationType(row["soort"]),
            capacity=int(row["capaciteit"]),
            occupancy=int(row["bezetting"]),
            start=date.fromisoformat(row["startdatum"]),
            end=date.fromisoformat(row["einddatum"]) if row["einddatum"] else None,
        )
        for row in rows
    ]


def test_autumn_gaps_of_the_minutes_in_week_45(year: DemoDataset) -> None:
    """The gaps as core.need computes them from the W45 register and 8 weeks of occupancy.

    Need = occupancy + 417 buffer places (regular only); the short horizon (capacity on
    Monday 29 November) uses the latest occupancy, the horizon to January (Monday
    27 December) the 8-week trend. Minutes: 600 before 1 December, 1,200 more before
    January; 6 à 7 AMV locations of 50; 2 sober locations.
    """
    history: dict[NeedCategory, list[tuple[date, int]]] = defaultdict(list)
    for number in range(38, 46):
        week = week_of(year, number)
        for category in NeedCategory:
            value = sum(
                int(row["bezetting"])
                for row in week.locations
                if need_category(LocationType(row["soort"])) is category
            )
            history[category].append((IsoWeek(2021, number).monday, value))
    gaps = autumn_gaps(rows_to_locations(week_of(year, 45).locations), dict(history))
    short = gaps[("kort", NeedCategory.REGULAR)]
    january = gaps[("januari", NeedCategory.REGULAR)]
    assert short.buffer == 417
    assert short.gap == pytest.approx(600, abs=150)
    assert january.gap == pytest.approx(600 + 1_200, abs=250)
    assert gaps[("januari", NeedCategory.AMV)].gap_locations in {6, 7}
    assert gaps[("januari", NeedCategory.SOBER)].gap_locations == 2


def test_capacity_found_after_week_45_closes_the_short_gap(year: DemoDataset) -> None:
    """Later registers list the places found at short notice: capacity never runs out."""
    for number in range(1, 53):
        week = week_of(year, number)
        assert open_capacity(week, number) >= occupancy(week)


def test_sources_are_named(year: DemoDataset) -> None:
    text = " ".join(year.sources)
    for needle in ("CBS", "Eurostat", "nu.nl", "volkskrant", "417", "13.500"):
        assert needle.lower() in text.lower()


def test_realisation_is_the_state_on_the_first_of_the_month(year: DemoDataset) -> None:
    """COA delivers the state on the first of the month (``realisation_day``): every
    delivery between two firsts is the same, and a new period starts at nothing.

    Weeks 44-47 of 2021 (1 to 28 November) all give the state on 1 November; week 48
    (29 November to 5 December) the state on 1 December. Weeks 27-29 give 2021-II on
    1 July (nothing housed yet), week 30 (26 July to 1 August) after four weeks.
    """

    def housed(number: int) -> dict[str, int]:
        return {r["gemeentecode"]: int(r["gehuisvest"]) for r in week_of(year, number).realisation}

    assert housed(44) == housed(45) == housed(46) == housed(47)
    assert sum(housed(48).values()) > sum(housed(47).values())
    assert set(housed(27).values()) == set(housed(29).values()) == {0}
    assert sum(housed(30).values()) > 0
    assert set(housed(1).values()) == {0}
    assert housed(26) == year.taakstelling[0].final_housed
