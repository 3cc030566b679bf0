"""The register of reception locations and the capacity it gives over time.

Most new places are temporary, so "how many places do we have" only means something with a
date attached. The timeline answers it for every week of the window at once, as numpy
arrays, so the web layer can draw and the need module can read the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from regietafel.core.formatting import format_date_nl, format_int_nl
from regietafel.core.rules import LocationType, NeedCategory, need_category, successor_window

IntArray = npt.NDArray[np.int64]

_NO_END = np.iinfo(np.int64).max


@dataclass(frozen=True, slots=True)
class Location:
    """One reception location as registered.

    Open on day ``d`` while ``start <= d <= end``: the end date is the last day with places
    (the location closes after it). ``end is None`` means structural, an end date temporary.
    ``occupancy`` is the latest count of residents; it cannot exceed ``capacity``.
    ``durable``, ``extension_option``, ``max_occupancy`` and ``quality`` are what the register
    says about the contract and standard; ``None`` / "" means the register does not say.
    """

    id: str
    name: str
    municipality_code: str
    province_code: str
    type: LocationType
    capacity: int
    occupancy: int
    start: date
    end: date | None = None
    durable: bool | None = None
    extension_option: bool | None = None
    max_occupancy: int | None = None
    quality: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("een locatie heeft een id nodig")
        problems = location_problems(
            capacity=self.capacity, occupancy=self.occupancy, start=self.start, end=self.end
        )
        if problems:
            raise ValueError(f"{self.id}: {problems[0][1]}")

    @property
    def is_structural(self) -> bool:
        return self.end is None

    @property
    def need_category(self) -> NeedCategory:
        return need_category(self.type)

    def is_open_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def location_problems(
    *, capacity: int, occupancy: int, start: date, end: date | None
) -> list[tuple[str, str]]:
    """Every rule a location's figures break, as (field name, Dutch message).

    ``Location`` refuses the first; the importer reports all of them, located at the field.
    """
    problems: list[tuple[str, str]] = []
    if capacity < 0:
        problems.append(("capacity", f"capaciteit {format_int_nl(capacity)} is negatief"))
    if occupancy < 0:
        problems.append(("occupancy", f"bezetting {format_int_nl(occupancy)} is negatief"))
    if 0 <= capacity < occupancy:
        problems.append(
            (
                "occupancy",
                (
                    f"bezetting {format_int_nl(occupancy)} is groter dan de capaciteit "
                    f"{format_int_nl(capacity)}"
                ),
            )
        )
    if end is not None and end < start:
        problems.append(
            (
                "end",
                f"einddatum {format_date_nl(end)} ligt voor de startdatum {format_date_nl(start)}",
            )
        )
    return problems


def _frozen(array: IntArray) -> IntArray:
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class CapacityTimeline:
    """Places open on each week's reference day (its Monday), per scope, as read-only arrays.

    ``by_type`` always has every ``LocationType``; ``by_province`` has the provinces that
    occur in the register, and ``by_province_type[code]`` every type for that province.
    """

    week_starts: tuple[date, ...]
    total: IntArray
    structural: IntArray
    temporary: IntArray
    by_province: Mapping[str, IntArray]
    by_type: Mapping[LocationType, IntArray]
    by_province_type: Mapping[str, Mapping[LocationType, IntArray]] = field(repr=False)

    def week_index(self, day: date) -> int:
        """Index of the week that contains ``day``; ValueError outside the window."""
        index = (day - self.week_starts[0]).days // 7
        if not 0 <= index < len(self.week_starts):
            raise ValueError(f"{day} ligt buiten de tijdlijn")
        return index

    def by_category(self, province_code: str | None = None) -> dict[NeedCategory, IntArray]:
        """Capacity per need category, nationally or for one province (zeros if absent)."""
        per_type = (
            self.by_type if province_code is None else self.by_province_type.get(province_code)
        )
        result = {category: np.zeros(len(self.week_starts), np.int64) for category in NeedCategory}
        for location_type, places in (per_type or {}).items():
            result[need_category(location_type)] += places
        return result


@dataclass(frozen=True, slots=True)
class ContractedCapacity:
    """The places of a scope's locations as contracted: each open from its start to its end
    date, nothing extended, so on any day this is COA's portfolio "if contracts are not
    extended" (capaciteitsbesluit). Exact to the day: a contract ending on 30 June counts on
    a Monday 27 June but not on the target date 1 July. Hashable, so a cached forecast can
    carry it."""

    contracts: tuple[tuple[date, date | None, int], ...]
    """(start, end or None, places) of every location in the scope."""

    def on(self, day: date) -> int:
        """Places open on ``day``."""
        return sum(
            places
            for start, end, places in self.contracts
            if start <= day and (end is None or day <= end)
        )


def contracted_capacity(
    locations: Iterable[Location], province_code: str | None = None
) -> ContractedCapacity:
    """The contracts of the locations nationally (None) or in one province."""
    return ContractedCapacity(
        tuple(
            (loc.start, loc.end, loc.capacity)
            for loc in locations
            if province_code in (None, loc.province_code)
        )
    )


def monday_of(day: date) -> date:
    """The reference day of the ISO week containing ``day``."""
    return day - timedelta(days=day.weekday())


def capacity_timeline(
    locations: Iterable[Location], *, start: date, weeks: int = 104
) -> CapacityTimeline:
    """Capacity on the Monday of each of ``weeks`` ISO weeks, beginning with ``start``'s week.

    One boolean (locations × weeks) matrix says which location is open on which reference
    day; every breakdown is a grouped sum of capacity over it, with no Python loop per week.
    """
    if weeks < 1:
        raise ValueError("een tijdlijn heeft minstens één week")
    register = list(locations)
    first = monday_of(start)
    week_starts = tuple(first + timedelta(weeks=k) for k in range(weeks))
    days = first.toordinal() + 7 * np.arange(weeks, dtype=np.int64)

    starts = np.fromiter((loc.start.toordinal() for loc in register), np.int64, len(register))
    ends = np.fromiter(
        (_NO_END if loc.end is None else loc.end.toordinal() for loc in register),
        np.int64,
        len(register),
    )
    capacities = np.fromiter((loc.capacity for loc in register), np.int64, len(register))
    is_open = (starts[:, None] <= days[None, :]) & (days[None, :] <= ends[:, None])
    places = np.where(is_open, capacities[:, None], 0)

    structural_mask = np.fromiter((loc.end is None for loc in register), bool, len(register))
    provinces = sorted({loc.province_code for loc in register})
    province_index = {code: i for i, code in enumerate(provinces)}
    types = list(LocationType)
    type_index = {location_type: i for i, location_type in enumerate(types)}
    group = np.fromiter(
        (province_index[loc.province_code] * len(types) + type_index[loc.type] for loc in register),
        np.int64,
        len(register),
    )
    flat = np.zeros((len(provinces) * len(types), weeks), np.int64)
    np.add.at(flat, group, places)
    grouped = flat.reshape(len(provinces), len(types), weeks)

    by_province_type = {
        code: MappingProxyType(
            {t: _frozen(grouped[p, i].copy()) for i, t in enumerate(types)},
        )
        for code, p in province_index.items()
    }
    return CapacityTimeline(
        week_starts=week_starts,
        total=_frozen(places.sum(axis=0)),
        structural=_frozen(places[structural_mask].sum(axis=0)),
        temporary=_frozen(places[~structural_mask].sum(axis=0)),
        by_province=MappingProxyType(
            {code: _frozen(grouped[p].sum(axis=0)) for code, p in province_index.items()}
        ),
        by_type=MappingProxyType(
            {t: _frozen(grouped[:, i].sum(axis=0)) for i, t in enumerate(types)}
        ),
        by_province_type=MappingProxyType(by_province_type),
    )


def occupancy_by_category(
    locations: Iterable[Location], *, on: date, province_code: str | None = None
) -> dict[NeedCategory, int]:
    """Latest residents per need category in the locations open on ``on`` (every key present)."""
    result = dict.fromkeys(NeedCategory, 0)
    for loc in locations:
        if loc.is_open_on(on) and province_code in (None, loc.province_code):
            result[loc.need_category] += loc.occupancy
    return result


@dataclass(frozen=True, slots=True)
class Closure:
    """A temporary location that closes in the window without a successor in sight."""

    location_id: str
    name: str
    municipality_code: str
    province_code: str
    type: LocationType
    capacity: int
    end: date


def closures_without_successor(
    locations: Sequence[Location], *, start: date, weeks: int
) -> list[Closure]:
    """Temporary locations whose end date falls in ``[start, start + weeks)`` without successor.

    A successor is any other location of the same need category in the same municipality
    starting within ``rules.SUCCESSOR_WINDOW`` of the end date (either side). Sorted by end
    date, then id.
    """
    window_end = start + timedelta(weeks=weeks)
    closures = []
    for loc in locations:
        if loc.end is None or not start <= loc.end < window_end:
            continue
        earliest, latest = successor_window(loc.end)
        has_successor = any(
            other.id != loc.id
            and other.municipality_code == loc.municipality_code
            and other.need_category is loc.need_category
            and earliest <= other.start <= latest
            for other in locations
        )
        if not has_successor:
            closures.append(
                Closure(
                    location_id=loc.id,
                    name=loc.name,
                    municipality_code=loc.municipality_code,
                    province_code=loc.province_code,
                    type=loc.type,
                    capacity=loc.capacity,
                    end=loc.end,
                )
            )
    return sorted(closures, key=lambda c: (c.end, c.location_id))


def capacity_by_municipality(
    locations: Iterable[Location], *, on: date, category: NeedCategory | None = None
) -> dict[str, int]:
    """Places open on ``on`` per municipality code, optionally of one need category only."""
    result: dict[str, int] = {}
    for loc in locations:
        if loc.is_open_on(on) and category in (None, loc.need_category):
            result[loc.municipality_code] = result.get(loc.municipality_code, 0) + loc.capacity
    return result
