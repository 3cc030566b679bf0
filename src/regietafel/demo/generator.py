"""Synthetic demo data for 2021, the year of the LRT minutes; pure, seeded, reproducible.

Everything this module produces is SYNTHETIC: the locations, their names and addresses,
the weekly occupancy, the realisation per municipality and the weekly series are made up.
They are calibrated to published figures (see ``calibration.py``, which quotes each one):

- CBS inhabitants per municipality on 1 January 2021 (bundled reference data): where the
  locations are and each municipality's taakstelling;
- the national taakstelling 2021-I 13,500 and 2021-II 11,000 (LRT minutes, spring 2021);
- COA capacity 29,000 and occupancy 27,000 in August 2021, 11,000 status holders waiting
  (nu.nl, August 2021); 11,500 in November 2021 (nu.nl); capacity 35,000 in December 2021
  (Volkskrant); 11,000 status holders in December 2021 (Nederlands Dagblad);
- 24,755 first asylum applications in 2021 (Eurostat migr_asyappctza) spread over the
  weeks with the pattern of the JenV weekly inflow of 2019;
- the LRT minutes: 417 extra places kept in spring; in week 45 a shortage of 600 regular
  places before 1 December and 1,200 more before January 2022, 6 to 7 AMV locations of 50
  and 2 sober locations still to be found.

How the autumn gaps arise: the gap is computed with ``core.need`` as the app computes it,
from the location register of 2021-W45 (need = occupancy + the 417 places of the need
policy ``lrt-voorjaar-2021``, ``core.need_policy``; the short horizon uses the latest
occupancy, the horizon to January the 8-week trend). Temporary locations close in late
November and December; the places COA finds after week 45 are announced only when they
open, so the W45 register does not know them. See ``autumn_gaps``.

The generator uses only the standard library, numpy, ``regietafel.core`` and
``regietafel.reference``; it never touches Django. Same seed, same data.
"""

from __future__ import annotations

import calendar
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from regietafel import reference
from regietafel.core.capacity import Location, capacity_timeline
from regietafel.core.need import GapRow, need_and_gap, trend_projection
from regietafel.core.need_policy import policy_by_key
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import (
    SHORT,
    Horizon,
    LocationType,
    NeedCategory,
    need_category,
)
from regietafel.core.taakstelling import (
    MunicipalityShare,
    PreviousPeriod,
    TaakstellingResult,
    compute_taakstelling,
    realisation_day,
)
from regietafel.demo import calibration as cal
from regietafel.reference.regions import membership

SEED = 2021
YEAR = 2021
POPULATION_DATE = date(2021, 1, 1)
REFERENCE_WEEK = IsoWeek(2021, 45)
"""The week of the autumn LRT whose gaps the demo reproduces."""

TO_JANUARY = Horizon("januari", "tot januari 2022", 8)
"""Week 45 + 8 weeks: capacity on Monday 27 December 2021, the last reference day of 2021."""

LOCATION_COLUMNS = (
    "locatiecode",
    "naam",
    "gemeentecode",
    "soort",
    "capaciteit",
    "bezetting",
    "startdatum",
    "einddatum",
    "adres",
    "vertrouwelijk",
    "looptijd",
    "verlengingsoptie",
    "maximale_bezetting",
    "kwaliteit",
    "veiligheidsregio",
)
REALISATION_COLUMNS = ("gemeentecode", "periode", "gehuisvest", "eigen_telling")
SERIES_COLUMNS = ("reeks", "waarde")

ANNOUNCE_LEAD = timedelta(weeks=8)
"""ASSUMPTION: a planned location is in COA's register eight weeks before it opens."""

TER_APEL = "GM1950"  # Westerwolde
BUDEL = "GM1706"  # Cranendonck

# ASSUMPTION: the national curves below pass through the calibration points; between them
# they are straight lines, with shapes taken from the minutes (lower inflow in spring,
# pressure from August) and no source of their own.
CAPACITY_POINTS = (
    (1, 28_700),
    (11, 28_550),
    (12, 28_550 + cal.SPRING_BUFFER_PLACES),
    (IsoWeek.containing(cal.AUGUST_2021).week, cal.CAPACITY_AUGUST_2021),
    (40, 31_000),
    (IsoWeek.containing(cal.DECEMBER_2021).week, cal.CAPACITY_DECEMBER_2021),
    (52, 35_800),
)
OCCUPANCY_POINTS = (
    (1, 26_400),
    (16, 25_900),
    (IsoWeek.containing(cal.AUGUST_2021).week, cal.OCCUPANCY_AUGUST_2021),
    (45, 31_300),
    (52, 33_900),
)
AMV_DEMAND_POINTS = ((1, 1_150), (33, 1_300), (45, 1_390), (52, 1_480))
SOBER_DEMAND_POINTS = ((1, 300), (45, 330), (52, 345))
STATUS_HOLDER_POINTS = (
    (1, 9_000),  # ASSUMPTION: no published figure for January 2021
    (IsoWeek.containing(cal.AUGUST_2021).week, cal.STATUS_HOLDERS_AUGUST_2021),
    (IsoWeek.containing(cal.NOVEMBER_2021).week, cal.STATUS_HOLDERS_NOVEMBER_2021),
    (IsoWeek.containing(cal.DECEMBER_2021).week, cal.STATUS_HOLDERS_DECEMBER_2021),
    (52, 10_900),
)
REALISED_SHARE = {"2021-I": 0.86, "2021-II": 0.81}
"""ASSUMPTION: share of the corrected task housed nationally by the end of each period."""

STREETS = (
    "Stationsweg",
    "Dorpsstraat",
    "Industrieweg",
    "Kerkstraat",
    "Molenweg",
    "Schoolstraat",
    "Sportlaan",
    "Parallelweg",
    "Zuidsingel",
    "Havenkade",
)


@dataclass(frozen=True)
class DemoWeek:
    """One week's three import files, as rows of strings in the import CSV format."""

    week: str
    locations: list[dict[str, str]]
    realisation: list[dict[str, str]]
    series: list[dict[str, str]]


@dataclass(frozen=True)
class DemoPeriod:
    """A taakstelling period of the demo and what the generator computed for it."""

    label: str
    national_total: int
    source: str
    result: TaakstellingResult
    final_housed: dict[str, int]


@dataclass(frozen=True)
class DemoDataset:
    weeks: list[DemoWeek]
    taakstelling: list[DemoPeriod]
    sources: list[str]
    seed: int = SEED


@dataclass
class _Site:
    code: str
    name: str
    municipality_code: str
    province_code: str
    type: LocationType
    capacity: int
    start: date
    end: date | None
    announced: date
    address: str
    confidential: bool = False
    fill: float = 1.0
    movable: bool = False  # opened to meet demand in autumn: may have been found late
    occupancy: dict[int, int] = field(default_factory=dict)

    def is_open(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def location(self, occupancy: int) -> Location:
        return Location(
            id=self.code,
            name=self.name,
            municipality_code=self.municipality_code,
            province_code=self.province_code,
            type=self.type,
            capacity=self.capacity,
            occupancy=occupancy,
            start=self.start,
            end=self.end,
        )


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(start: date, months: int) -> date:
    """Last day of a term of ``months`` months starting on ``start``."""
    return add_months(start, months) - timedelta(days=1)


def _curve(points: Sequence[tuple[int, int]], week: int) -> float:
    xs, ys = zip(*points, strict=True)
    return float(np.interp(week, xs, ys))


class _Builder:
    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.municipalities = reference.municipalities(POPULATION_DATE)
        self.by_code = {m.code: m for m in self.municipalities}
        self.sites: list[_Site] = []
        self.names: dict[str, int] = {}
        weights = np.array([m.inhabitants for m in self.municipalities], dtype=np.float64)
        self.weights = weights / weights.sum()

    def pick(self, province_code: str | None = None) -> str:
        if province_code is None:
            index = int(self.rng.choice(len(self.municipalities), p=self.weights))
            return self.municipalities[index].code
        members = [m for m in self.municipalities if m.province_code == province_code]
        weights = np.array([m.inhabitants for m in members], dtype=np.float64)
        index = int(self.rng.choice(len(members), p=weights / weights.sum()))
        return members[index].code

    def add(
        self,
        *,
        municipality_code: str,
        kind: LocationType,
        capacity: int,
        start: date,
        end: date | None,
        label: str,
        announced: date | None = None,
        movable: bool = False,
        fill: float | None = None,
    ) -> _Site:
        municipality = self.by_code[municipality_code]
        base = f"{label} {municipality.name}"
        count = self.names.get(base, 0) + 1
        self.names[base] = count
        name = base if count == 1 else f"{base} {count}"
        confidential = kind is LocationType.AMV
        street = STREETS[int(self.rng.integers(len(STREETS)))]
        address = "" if confidential else f"{street} {int(self.rng.integers(1, 200))}"
        site = _Site(
            code=f"SYN-{len(self.sites) + 1:03d}",
            name=name,
            municipality_code=municipality_code,
            province_code=municipality.province_code,
            type=kind,
            capacity=capacity,
            start=start,
            end=end,
            announced=announced if announced is not None else start - ANNOUNCE_LEAD,
            address=address,
            confidential=confidential,
            fill=fill if fill is not None else float(self.rng.uniform(0.8, 1.0)),
            movable=movable,
        )
        self.sites.append(site)
        return site

    def day_before(self, monday: date) -> date:
        return monday - timedelta(days=int(self.rng.integers(1, 8)))


def _mondays(weeks: int) -> list[date]:
    return [IsoWeek(YEAR, k).monday for k in range(1, weeks + 1)]


def _build_sites(builder: _Builder) -> None:
    """The register of the whole year: every location that exists at some point in 2021."""
    rng = builder.rng
    long_ago = date(2016, 1, 1)
    # Process reception at the application centres.
    builder.add(
        municipality_code=TER_APEL,
        kind=LocationType.PROCES,
        capacity=2_000,
        start=long_ago,
        end=None,
        label="proces-opvang",
        fill=1.0,
    )
    builder.add(
        municipality_code=BUDEL,
        kind=LocationType.PROCES,
        capacity=800,
        start=long_ago,
        end=None,
        label="proces-opvang",
        fill=1.0,
    )
    # Structural azcs: one in every province first, then by inhabitants.
    structural = 0
    provinces = [p.code for p in reference.provinces()]
    for index in range(200):
        code = builder.pick(provinces[index] if index < len(provinces) else None)
        size = int(rng.integers(20, 81)) * 10
        builder.add(
            municipality_code=code,
            kind=LocationType.REGULIER,
            capacity=size,
            start=date(int(rng.integers(1995, 2020)), int(rng.integers(1, 13)), 1),
            end=None,
            label="azc",
        )
        structural += size
        if structural >= 19_300:
            break
    # Temporary emergency places from autumn 2020; the sports halls go back in November.
    for _ in range(13):
        start = date(2020, 11, int(rng.integers(16, 30)))
        builder.add(
            municipality_code=builder.pick(),
            kind=LocationType.NOODOPVANG,
            capacity=int(rng.integers(18, 27)) * 10,
            start=start,
            end=term_end(start, 12),
            label="noodopvang",
        )
    for _ in range(10):
        start = date(2020, int(rng.integers(3, 13)), 1)
        months = int(rng.choice([6, 12, 24]))
        builder.add(
            municipality_code=builder.pick(),
            kind=LocationType.HOTEL if rng.random() < 0.4 else LocationType.REGULIER,
            capacity=int(rng.integers(8, 25)) * 10,
            start=start,
            end=term_end(start, months + 6),
            label="tijdelijk azc",
        )
    # A new structural azc planned for December, in the register since October.
    builder.add(
        municipality_code=builder.pick(),
        kind=LocationType.REGULIER,
        capacity=600,
        start=date(2021, 12, 13),
        end=None,
        label="azc",
    )
    # The 417 extra places the LRT decided to keep in spring 2021.
    for size, day in ((150, 15), (140, 22), (cal.SPRING_BUFFER_PLACES - 290, 22)):
        start = date(2021, 3, day)
        builder.add(
            municipality_code=builder.pick(),
            kind=LocationType.NOODOPVANG,
            capacity=size,
            start=start,
            end=term_end(start, 12),
            label="buffer (LRT maart 2021)",
        )
    # AMV: small, confidential locations of 50; five temporary ones end in December.
    for _ in range(23):
        builder.add(
            municipality_code=builder.pick(),
            kind=LocationType.AMV,
            capacity=cal.AMV_LOCATION_SIZE,
            start=date(int(rng.integers(2016, 2021)), int(rng.integers(1, 13)), 1),
            end=None,
            label="AMV-woonvoorziening",
            fill=1.0,
        )
    for index in range(5):
        start = date(2020, 12, 6 + 3 * index)
        builder.add(
            municipality_code=builder.pick(),
            kind=LocationType.AMV,
            capacity=cal.AMV_LOCATION_SIZE,
            start=start,
            end=term_end(start, 12),
            label="AMV-woonvoorziening",
            fill=1.0,
        )
    # AMV locations found after the autumn LRT, at short notice.
    for week in (48, 50, 51):
        start = IsoWeek(YEAR, week).monday + timedelta(days=2)
        builder.add(
            municipality_code=builder.pick(),
            kind=LocationType.AMV,
            capacity=cal.AMV_LOCATION_SIZE,
            start=start,
            end=term_end(start, 24),
            label="AMV-woonvoorziening",
            announced=start,
            fill=1.0,
        )
    # Sober reception for asylum seekers from safe countries: one of two ends in December.
    builder.add(
        municipality_code=builder.pick(),
        kind=LocationType.SOBER,
        capacity=200,
        start=date(2019, 5, 1),
        end=None,
        label="sobere opvang",
        fill=1.0,
    )
    start = date(2020, 12, 14)
    builder.add(
        municipality_code=builder.pick(),
        kind=LocationType.SOBER,
        capacity=150,
        start=start,
        end=term_end(start, 12),
        label="sobere opvang",
        fill=1.0,
    )


def _category_totals(sites: Sequence[_Site], category: NeedCategory, day: date) -> int:
    return sum(s.capacity for s in sites if need_category(s.type) is category and s.is_open(day))


def _special_occupancy(builder: _Builder, mondays: Sequence[date]) -> dict[str, list[int]]:
    """AMV and sober occupancy: demand, capped by their own places (the rest goes regular)."""
    result: dict[str, list[int]] = {"amv": [], "sober": [], "overflow": []}
    for k, monday in enumerate(mondays, start=1):
        overflow = 0
        for category, points, fill in (
            (NeedCategory.AMV, AMV_DEMAND_POINTS, 0.99),
            (NeedCategory.SOBER, SOBER_DEMAND_POINTS, 0.98),
        ):
            demand = round(_curve(points, k))
            places = _category_totals(builder.sites, category, monday)
            occupied = min(demand, int(places * fill))
            overflow += demand - occupied
            result[str(category)].append(occupied)
        result["overflow"].append(overflow)
    return result


def _grow_regular(builder: _Builder, mondays: Sequence[date], occupancy: Sequence[int]) -> None:
    """Open regular places week by week until capacity follows the calibrated curve."""
    rng = builder.rng
    for k, monday in enumerate(mondays, start=1):
        special = _category_totals(builder.sites, NeedCategory.AMV, monday) + _category_totals(
            builder.sites, NeedCategory.SOBER, monday
        )
        target = max(round(_curve(CAPACITY_POINTS, k)) - special, occupancy[k - 1] + 250)
        current = _category_totals(builder.sites, NeedCategory.REGULAR, monday)
        while current < target - 40:
            autumn = k >= 36
            if autumn:
                kind = LocationType(
                    rng.choice(["noodopvang", "crisisnoodopvang", "hotel", "regulier"])
                )
                size = int(rng.integers(6, 26)) * 10
                months = int(rng.choice([6, 12]))
            else:
                kind = LocationType(rng.choice(["regulier", "noodopvang", "hotel"]))
                size = int(rng.integers(10, 41)) * 10
                months = int(rng.choice([6, 12, 24]))
            label = {
                LocationType.REGULIER: "tijdelijk azc",
                LocationType.NOODOPVANG: "noodopvang",
                LocationType.CRISISNOODOPVANG: "crisisnoodopvang",
                LocationType.HOTEL: "hotel",
            }[kind]
            if kind is LocationType.NOODOPVANG:
                label = f"noodopvang ({rng.choice(['sporthal', 'paviljoen', 'kazerne'])})"
            start = builder.day_before(monday)
            builder.add(
                municipality_code=builder.pick(),
                kind=kind,
                capacity=size,
                start=start,
                end=term_end(start, months),
                label=label,
                movable=autumn,
            )
            current += size


def _allocate(total: int, sites: Sequence[_Site]) -> list[int]:
    """Spread ``total`` residents over ``sites`` by capacity × fill, never above capacity."""
    capacity = np.array([s.capacity for s in sites], dtype=np.float64)
    weight = capacity * np.array([s.fill for s in sites])
    total = min(total, int(capacity.sum()))
    given = np.zeros(len(sites))
    remaining = float(total)
    active = capacity > 0
    while remaining > 1e-6 and active.any():
        share = np.where(active, remaining * weight / weight[active].sum(), 0.0)
        room = capacity - given
        step = np.minimum(share, room)
        given += step
        remaining -= float(step.sum())
        active = (capacity - given) > 1e-9
    whole = np.floor(given + 1e-9).astype(np.int64)
    short = total - int(whole.sum())
    order = np.argsort(-(given - whole), kind="stable")
    for index in order:
        if short <= 0:
            break
        if whole[index] < capacity[index]:
            whole[index] += 1
            short -= 1
    return [int(v) for v in whole]


def _fill_occupancy(
    sites: Sequence[_Site], mondays: Sequence[date], totals: dict[NeedCategory, list[int]]
) -> None:
    for k, monday in enumerate(mondays, start=1):
        for category, series in totals.items():
            open_sites = [
                s for s in sites if need_category(s.type) is category and s.is_open(monday)
            ]
            for site, value in zip(open_sites, _allocate(series[k - 1], open_sites), strict=True):
                site.occupancy[k] = value


def _register(sites: Sequence[_Site], week: IsoWeek) -> list[_Site]:
    """What the register of ``week`` lists: announced by its Sunday, not closed by its Monday."""
    return [
        s for s in sites if s.announced <= week.sunday and (s.end is None or s.end >= week.monday)
    ]


def autumn_gaps(
    register: Sequence[Location],
    history: dict[NeedCategory, list[tuple[date, int]]],
    *,
    week: IsoWeek = REFERENCE_WEEK,
) -> dict[tuple[str, NeedCategory], GapRow]:
    """Gap rows of ``week``'s register as the LRT reads them, keyed by (horizon, category).

    Short horizon (4 weeks: capacity on Monday 29 November) with the latest occupancy; the
    horizon to January (8 weeks: Monday 27 December) with the 8-week trend. Need = occupancy
    + the 417 places of ``lrt-voorjaar-2021`` (``core.need_policy``) (regular only).
    """
    horizons = (SHORT, TO_JANUARY)
    timeline = capacity_timeline(register, start=week.monday, weeks=TO_JANUARY.weeks)
    per_category = timeline.by_category()
    capacity = {
        h.name: {c: int(per_category[c][h.weeks_ahead]) for c in NeedCategory} for h in horizons
    }
    occupancy = {c: history[c][-1][1] for c in NeedCategory}
    projected = {
        h.name: {c: trend_projection(history[c], h.weeks) for c in NeedCategory} for h in horizons
    }
    rows = need_and_gap(
        occupancy=occupancy,
        capacity=capacity,
        policy=policy_by_key("lrt-voorjaar-2021"),
        projected=projected,
        horizons=horizons,
    )
    return {(row.horizon.name, row.category): row for row in rows}


def _history(
    sites: Sequence[_Site], week: IsoWeek, weeks: int = 8
) -> dict[NeedCategory, list[tuple[date, int]]]:
    history: dict[NeedCategory, list[tuple[date, int]]] = {c: [] for c in NeedCategory}
    for offset in range(weeks - 1, -1, -1):
        earlier = week.shifted(-offset)
        listed = _register(sites, earlier)
        for category in NeedCategory:
            value = sum(
                s.occupancy.get(earlier.week, 0)
                for s in listed
                if need_category(s.type) is category
            )
            history[category].append((earlier.monday, value))
    return history


def _gaps_of(sites: Sequence[_Site], week: IsoWeek) -> dict[tuple[str, NeedCategory], GapRow]:
    listed = _register(sites, week)
    register = [s.location(s.occupancy.get(week.week, 0)) for s in listed]
    return autumn_gaps(register, _history(sites, week), week=week)


def _found_late(sites: Sequence[_Site]) -> None:
    """Mark autumn openings after week 45 as found at short notice until the gaps match.

    Found at short notice means announced on the day it opens, so the week-45 register
    does not list it. Openings are marked in start order while that brings the gap closer
    to the minutes' figure: first up to 29 November (600), then up to 27 December (600 +
    1,200).
    """
    week = REFERENCE_WEEK
    steps = (
        (SHORT, cal.SHORTFALL_BEFORE_DECEMBER, week.shifted(SHORT.weeks - 1).monday),
        (
            TO_JANUARY,
            cal.SHORTFALL_BEFORE_DECEMBER + cal.SHORTFALL_BEFORE_JANUARY,
            week.shifted(TO_JANUARY.weeks - 1).monday,
        ),
    )
    first_day = week.sunday
    for horizon, wanted, last_day in steps:
        candidates = sorted(
            (
                s
                for s in sites
                if s.movable and s.announced <= week.sunday and first_day < s.start <= last_day
            ),
            key=lambda s: (s.start, s.code),
        )
        for site in candidates:
            gap = _gaps_of(sites, week)[(horizon.name, NeedCategory.REGULAR)].gap
            if abs(gap + site.capacity - wanted) >= abs(gap - wanted):
                break
            site.announced = site.start
        first_day = last_day


def _extension_option(site: _Site) -> str:
    """ASSUMPTION: about two in three temporary contracts can be extended (fixed per code, so
    the figures drawn from the seed stay as they were); unknown for structural places."""
    if site.end is None:
        return ""
    return "ja" if zlib.crc32(site.code.encode()) % 3 else "nee"


def _own_count(code: str, housed: int) -> str:
    """ASSUMPTION: about one municipality in six sends its own count, which runs ahead of
    COA's by 0-2 (houses it counts before COA registers them); the others send none."""
    checksum = zlib.crc32(code.encode())
    if checksum % 6:
        return ""
    return str(housed + checksum % 3)


def _locations_rows(sites: Sequence[_Site], week: IsoWeek) -> list[dict[str, str]]:
    rows = []
    safety = membership("veiligheidsregio", POPULATION_DATE)
    for site in _register(sites, week):
        rows.append(
            {
                "locatiecode": site.code,
                "naam": site.name,
                "gemeentecode": site.municipality_code,
                "soort": str(site.type),
                "capaciteit": str(site.capacity),
                "bezetting": str(site.occupancy.get(week.week, 0)),
                "startdatum": site.start.isoformat(),
                "einddatum": "" if site.end is None else site.end.isoformat(),
                "adres": site.address,
                "vertrouwelijk": "ja" if site.confidential else "nee",
                "looptijd": "structureel" if site.end is None else "tijdelijk",
                "verlengingsoptie": _extension_option(site),
                "maximale_bezetting": str(site.capacity),
                "kwaliteit": "",  # the importer's default by type
                "veiligheidsregio": safety[site.municipality_code].code,
            }
        )
    return rows


def _shares() -> list[MunicipalityShare]:
    return [
        MunicipalityShare(
            code=m.code, name=m.name, province=m.province_code, inhabitants=m.inhabitants
        )
        for m in reference.municipalities(POPULATION_DATE)
    ]


def _realisation(
    rng: np.random.Generator, corrected: dict[str, int], share: float, performance: np.ndarray
) -> tuple[dict[str, int], dict[str, np.ndarray]]:
    """Final housed per municipality and its cumulative path over the 26 weeks."""
    codes = list(corrected)
    tasks = np.array([max(corrected[c], 0) for c in codes], dtype=np.float64)
    raw = tasks * performance
    scale = share * tasks.sum() / raw.sum()
    final = np.rint(raw * scale).astype(np.int64)
    paths: dict[str, np.ndarray] = {}
    for index, code in enumerate(codes):
        weights = rng.gamma(4.0, 1.0, size=26)
        weekly = rng.multinomial(int(final[index]), weights / weights.sum())
        paths[code] = np.cumsum(weekly)
    return {c: int(final[i]) for i, c in enumerate(codes)}, paths


def _weeks_started_by(day: date, first_week: int) -> int:
    """How many of a period's 26 weeks (ISO weeks ``first_week`` on) began before ``day``.

    COA delivers the realisation as the state on the first of the month
    (``core.taakstelling.realisation_day``), so the delivery of a week holds what was housed
    before that first, not what was housed by the week itself: the week 27 delivery of
    2021-II is the state on 1 July, nothing yet. The week that holds the first counts as
    done by then, so week 26 (28 June to 4 July) gives the period's final number.
    """
    return sum(1 for j in range(first_week, first_week + 26) if IsoWeek(YEAR, j).monday < day)


def _housed_after(path: np.ndarray, weeks: int) -> int:
    """The cumulative housed after the first ``weeks`` weeks of a period's path."""
    return 0 if weeks == 0 else int(path[weeks - 1])


LONG_WAITING_SHARES = (
    (33, cal.STATUS_HOLDERS_WAITING_LONG_AUGUST_2021 / cal.STATUS_HOLDERS_AUGUST_2021),
    (46, cal.STATUS_HOLDERS_WAITING_LONG_NOVEMBER_2021 / cal.STATUS_HOLDERS_NOVEMBER_2021),
)
"""Share of the status holders in reception waiting longer than 14 weeks, at the ISO weeks of
the two published points (55 % in August, 64 % in November 2021). ASSUMPTION: a straight
line between them, flat before and after."""


def _series(rng: np.random.Generator, weeks: int) -> list[list[dict[str, str]]]:
    pattern = np.array(cal.WEEKLY_INFLOW_2019, dtype=np.float64)
    pattern /= pattern.mean()
    # ASSUMPTION: inflow low in spring ("de instroom nu weliswaar iets lager"), rising in
    # autumn; the year total equals Eurostat's 24,755 before noise.
    level = np.interp(np.arange(1, 53), (1, 16, 30, 40, 52), (0.85, 0.75, 1.0, 1.3, 1.2))
    expected = pattern * level
    expected *= cal.FIRST_APPLICATIONS_2021 / expected.sum()
    first = rng.poisson(expected)
    family = rng.poisson(expected * 0.3)  # ASSUMPTION: nareizigers about 30 % of first
    permits = rng.poisson(np.full(52, 420.0))  # ASSUMPTION: about 22,000 permits a year
    rows = []
    for k in range(1, weeks + 1):
        waiting = round(_curve(STATUS_HOLDER_POINTS, k) + rng.normal(0, 40))
        share = np.interp(
            k, [w for w, _ in LONG_WAITING_SHARES], [f for _, f in LONG_WAITING_SHARES]
        )
        long_waiting = round(waiting * float(share))
        rows.append(
            [
                {"reeks": "eerste_asielaanvragen", "waarde": str(int(first[k - 1]))},
                {"reeks": "nareizigers", "waarde": str(int(family[k - 1]))},
                {"reeks": "verleende_vergunningen", "waarde": str(int(permits[k - 1]))},
                {"reeks": "vergunninghouders_in_opvang", "waarde": str(waiting)},
                {"reeks": "vergunninghouders_langer_dan_14_weken", "waarde": str(long_waiting)},
            ]
        )
    return rows


def generate(weeks: int = 52, *, seed: int = SEED) -> DemoDataset:
    """The demo year's weekly files for ISO weeks 2021-W01 up to ``weeks``."""
    if not 1 <= weeks <= 52:
        raise ValueError(f"de demo kent week 1 tot en met 52 van 2021, niet {weeks}")
    rng = np.random.default_rng(seed)
    builder = _Builder(rng)
    all_mondays = _mondays(52)
    _build_sites(builder)
    special = _special_occupancy(builder, all_mondays)
    regular = [
        round(_curve(OCCUPANCY_POINTS, k)) - special["amv"][k - 1] - special["sober"][k - 1]
        for k in range(1, 53)
    ]
    _grow_regular(builder, all_mondays, regular)
    _fill_occupancy(
        builder.sites,
        all_mondays,
        {
            NeedCategory.REGULAR: regular,
            NeedCategory.AMV: special["amv"],
            NeedCategory.SOBER: special["sober"],
        },
    )
    _found_late(builder.sites)

    shares = _shares()
    codes = [share.code for share in shares]
    performance = np.clip(rng.lognormal(0.0, 0.35, size=len(codes)), 0.15, 1.8)
    first = compute_taakstelling(municipalities=shares, total=cal.TAAKSTELLING_2021_I)
    first_task = {row.code: row.taakstelling for row in first.rows}
    final_i, paths_i = _realisation(rng, first_task, REALISED_SHARE["2021-I"], performance)
    second = compute_taakstelling(
        municipalities=shares,
        total=cal.TAAKSTELLING_2021_II,
        previous={c: PreviousPeriod(task=first_task[c], housed=final_i[c]) for c in codes},
    )
    second_task = {row.code: int(row.corrected or 0) for row in second.rows}
    final_ii, paths_ii = _realisation(rng, second_task, REALISED_SHARE["2021-II"], performance)
    series = _series(rng, weeks)

    result = []
    for k in range(1, weeks + 1):
        week = IsoWeek(YEAR, k)
        period, paths = ("2021-I", paths_i) if k <= 26 else ("2021-II", paths_ii)
        started = _weeks_started_by(realisation_day(week.monday), 1 if k <= 26 else 27)
        realisation = [
            {
                "gemeentecode": c,
                "periode": period,
                "gehuisvest": str(_housed_after(paths[c], started)),
                "eigen_telling": _own_count(c, _housed_after(paths[c], started)),
            }
            for c in codes
        ]
        result.append(
            DemoWeek(
                week=week.label,
                locations=_locations_rows(builder.sites, week),
                realisation=realisation,
                series=series[k - 1],
            )
        )
    periods = [
        DemoPeriod("2021-I", cal.TAAKSTELLING_2021_I, cal.TAAKSTELLING_SOURCE, first, final_i),
        DemoPeriod("2021-II", cal.TAAKSTELLING_2021_II, cal.TAAKSTELLING_SOURCE, second, final_ii),
    ]
    return DemoDataset(weeks=result, taakstelling=periods, sources=list(cal.SOURCES), seed=seed)
