"""Dutch municipalities, provinces, inhabitants and reorganisations, resolved by date.

Every figure a regietafel computes hangs on "which municipalities existed on that day, and how
many people lived there". This package answers that from CBS data bundled with the code
(``data/``, built by ``tools/build_reference_data.py``), with the standard library only, so the
core, the CLI and the web app can all use it.

Dates:

- Figures exist for every 1 January from 2020 to the last year in ``population_dates()``.
  A date uses the figures of the latest 1 January on or before it; dates after the last
  1 January keep using the last figures. Dates before the first 1 January raise
  ``ReferenceDataError``.
- Reorganisations that took effect after that 1 January and on or before the date are
  applied: on 1 June 2022 Weesp (joined Amsterdam on 24 March 2022) is gone and its
  inhabitants of 1 January 2022 count for Amsterdam.
- Geometry exists for the divisions of 1 January 2020 to 2023; 2024 and later use the 2023
  geometry, whose codes equal those of 2024 and 2025 (boundary corrections since are not in
  it).

Lookups are cached: after the first call (a few milliseconds), repeated calls cost
microseconds.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Literal

from regietafel.reference._geometry import apply_mergers
from regietafel.reference.model import (
    Merger,
    Municipality,
    MunicipalityMergedError,
    Province,
    ReferenceDataError,
    dutch_date,
    dutch_list,
)

if TYPE_CHECKING:
    from regietafel.core.periods import Period

__all__ = [
    "Merger",
    "Municipality",
    "MunicipalityMergedError",
    "Province",
    "ReferenceDataError",
    "default_population_date",
    "geometry",
    "heirs",
    "mergers",
    "municipalities",
    "municipality",
    "municipality_names",
    "normalise_code",
    "population_dates",
    "province",
    "province_name",
    "provinces",
    "successors",
    "successors_of_gone",
]

_GEOMETRY_YEARS = (2020, 2021, 2022, 2023)
_CODE_RE = re.compile(r"(?:GM)?([0-9]{1,4})", re.ASCII)
# Names people use besides the CBS spelling; accents and case are folded separately.
_PROVINCE_ALIASES = {"friesland": "PV21"}


@dataclass(frozen=True, slots=True)
class _Lifetime:
    """When a code was a municipality: ``start`` <= day < ``end`` (``end`` None: still is)."""

    name: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class _Division:
    ordered: tuple[Municipality, ...]
    by_code: dict[str, Municipality]


@dataclass(frozen=True, slots=True)
class _Tables:
    dates: tuple[date, ...]
    divisions: dict[date, dict[str, Municipality]]
    provinces: tuple[Province, ...]
    mergers: tuple[Merger, ...]
    merger_dates: tuple[date, ...]
    lifetimes: dict[str, _Lifetime]


def _read_csv(name: str) -> list[dict[str, str]]:
    text = files(__name__).joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _lifetimes(
    divisions: dict[date, dict[str, Municipality]], merger_rows: Iterable[Merger]
) -> dict[str, _Lifetime]:
    result: dict[str, _Lifetime] = {}
    for day, division in divisions.items():
        for code, item in division.items():
            known = result.get(code)
            start = day if known is None else min(known.start, day)
            result[code] = _Lifetime(item.name, start, None)
    for merger in merger_rows:
        new = result[merger.new_code]
        if merger.date < new.start:
            result[merger.new_code] = _Lifetime(new.name, merger.date, new.end)
        old = result[merger.old_code]
        end = merger.date if old.end is None else min(old.end, merger.date)
        result[merger.old_code] = _Lifetime(old.name, old.start, end)
    return result


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    divisions: dict[date, dict[str, Municipality]] = {}
    for row in _read_csv("municipalities.csv"):
        day = date.fromisoformat(row["reference_date"])
        divisions.setdefault(day, {})[row["code"]] = Municipality(
            code=row["code"],
            name=row["name"],
            province_code=row["province_code"],
            inhabitants=int(row["inhabitants"]),
            population_date=day,
        )
    merger_rows = tuple(
        Merger(
            date=date.fromisoformat(row["date"]),
            old_code=row["old_code"],
            old_name=row["old_name"],
            new_code=row["new_code"],
            new_name=row["new_name"],
            kind=row["kind"],
            inhabitants_transferred=(
                int(row["inhabitants_transferred"]) if row["inhabitants_transferred"] else None
            ),
        )
        for row in _read_csv("mergers.csv")
    )
    return _Tables(
        dates=tuple(sorted(divisions)),
        divisions=divisions,
        provinces=tuple(
            sorted(
                (Province(row["code"], row["name"]) for row in _read_csv("provinces.csv")),
                key=lambda p: p.code,
            )
        ),
        mergers=merger_rows,
        merger_dates=tuple(sorted({m.date for m in merger_rows})),
        lifetimes=_lifetimes(divisions, merger_rows),
    )


def _as_date(on: date) -> date:
    """Accept a datetime too: comparing it with a date would raise TypeError."""
    return on.date() if isinstance(on, datetime) else on


def _division_key(on: date) -> tuple[date, date | None]:
    """(1 January of the figures, last reorganisation to apply after it, if any)."""
    tables = _tables()
    index = bisect_right(tables.dates, on)
    if index == 0:
        first = dutch_date(tables.dates[0])
        raise ReferenceDataError(
            f"geen gemeentelijke indeling voor {dutch_date(on)}: de gegevens beginnen op {first}"
        )
    population_date = tables.dates[index - 1]
    later = tables.merger_dates[
        bisect_right(tables.merger_dates, population_date) : bisect_right(tables.merger_dates, on)
    ]
    return population_date, (later[-1] if later else None)


def _largest_remainder(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` into whole persons that add up exactly."""
    weight_sum = sum(weights)
    shares = [total * w // weight_sum for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % weight_sum), i))
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares


@lru_cache(maxsize=64)
def _division(population_date: date, applied_until: date | None) -> _Division:
    tables = _tables()
    current = {
        code: (m.name, m.province_code, m.inhabitants)
        for code, m in tables.divisions[population_date].items()
    }
    if applied_until is not None:
        for day in tables.merger_dates:
            if population_date < day <= applied_until:
                _apply(current, [m for m in tables.mergers if m.date == day])
    ordered = tuple(
        Municipality(code, name, province_code, inhabitants, population_date)
        for code, (name, province_code, inhabitants) in sorted(current.items())
    )
    return _Division(ordered, {m.code: m for m in ordered})


def _apply(current: dict[str, tuple[str, str, int]], links: list[Merger]) -> None:
    """Move the inhabitants of every old code to its new code(s), in place."""
    by_old: dict[str, list[Merger]] = {}
    for link in links:
        by_old.setdefault(link.old_code, []).append(link)
    for old_code, old_links in sorted(by_old.items()):
        _name, province_code, inhabitants = current.pop(old_code)
        if len(old_links) == 1:
            shares = [inhabitants]
        else:
            weights = [link.inhabitants_transferred or 0 for link in old_links]
            shares = _largest_remainder(inhabitants, weights)
        for link, share in zip(old_links, shares, strict=True):
            _, province, present = current.get(link.new_code, (link.new_name, province_code, 0))
            current[link.new_code] = (link.new_name, province, present + share)


def _resolve(code: str, on: date) -> tuple[str, _Division]:
    """The normalised code and the division of ``on``, if the code is known at all."""
    normal = normalise_code(code)
    division = _division(*_division_key(on))
    if normal in division.by_code:
        return normal, division
    lifetime = _tables().lifetimes.get(normal)
    if lifetime is None:
        raise ReferenceDataError(f"onbekende gemeentecode {normal}")
    if on < lifetime.start:
        raise ReferenceDataError(
            f"{normal} ({lifetime.name}) bestaat pas vanaf {dutch_date(lifetime.start)}, "
            f"niet op {dutch_date(on)}"
        )
    return normal, division


def population_dates() -> tuple[date, ...]:
    """The 1 January dates with CBS figures, ascending."""
    return _tables().dates


def default_population_date(period: Period) -> date:
    """1 January of the period's year, or the latest CBS figure when that is not out yet."""
    return min(period.default_population_date, population_dates()[-1])


def provinces() -> tuple[Province, ...]:
    """The 12 provinces, sorted by code."""
    return _tables().provinces


@lru_cache(maxsize=1)
def _province_codes() -> frozenset[str]:
    return frozenset(p.code for p in provinces())


def is_province_code(code: str) -> bool:
    """Whether ``code`` is the CBS code of a province, exactly as stored ("PV27")."""
    return code in _province_codes()


def _fold(text: str) -> str:
    """'Fryslân', 'fryslan', ' FRYSLAN ' and 'Noord Holland' compare equal after this."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("-", " ").split())


@lru_cache(maxsize=1)
def _province_index() -> dict[str, Province]:
    index: dict[str, Province] = {}
    by_code = {p.code: p for p in provinces()}
    for item in provinces():
        index[_fold(item.code)] = item
        index[_fold(item.name)] = item
    for alias, code in _PROVINCE_ALIASES.items():
        index[_fold(alias)] = by_code[code]
    return index


def province(code_or_name: str) -> Province:
    """A province by code ('PV27', 'pv27') or name ('Noord-Holland', 'Fryslan', 'Friesland')."""
    found = _province_index().get(_fold(code_or_name))
    if found is None:
        names = dutch_list(sorted(p.name for p in provinces()))
        raise ReferenceDataError(
            f"onbekende provincie {code_or_name!r}; kies uit {names} (of een code PV20–PV31)"
        )
    return found


def province_name(code: str) -> str:
    """The province's name, or the code itself when it is not a province (shown as given)."""
    try:
        return province(code).name
    except ReferenceDataError:
        return code


def province_slug(code: str) -> str:
    """The province's name for addresses: 'PV27' -> 'noord-holland', 'PV21' -> 'fryslan'.

    ``province`` reads it back (the same folding), so a slug is also a valid lookup.
    """
    return _fold(province(code).name).replace(" ", "-")


def normalise_code(code: str) -> str:
    """'gm363', '0363' and '363' all become 'GM0363'; anything else is an error."""
    match = _CODE_RE.fullmatch(code.strip().upper()) if isinstance(code, str) else None
    if match is None:
        raise ReferenceDataError(
            f"ongeldige gemeentecode {code!r}: verwacht GM gevolgd door vier cijfers, "
            "bijvoorbeeld GM0363"
        )
    return f"GM{int(match.group(1)):04d}"


def municipalities(on: date) -> tuple[Municipality, ...]:
    """The municipal division valid on ``on``, sorted by code (see the module docstring)."""
    return _division(*_division_key(_as_date(on))).ordered


def municipality_names(on: date) -> dict[str, str]:
    """Names by code on ``on``; empty before the bundled divisions (surfaces show the code)."""
    try:
        return {m.code: m.name for m in municipalities(on)}
    except ReferenceDataError:
        return {}


def municipality(code: str, on: date) -> Municipality:
    """The municipality with ``code`` on ``on``.

    Raises ``MunicipalityMergedError`` when the code existed but was reorganised on or before
    ``on``, and ``ReferenceDataError`` when it is unknown or does not exist yet.
    """
    on = _as_date(on)
    normal, division = _resolve(code, on)
    found = division.by_code.get(normal)
    if found is not None:
        return found
    tables = _tables()
    lifetime = tables.lifetimes[normal]
    merged_on = lifetime.end
    assert merged_on is not None, "a known code that is absent must have been reorganised"
    links = sorted(
        (m for m in tables.mergers if m.old_code == normal and m.date == merged_on),
        key=lambda m: m.new_code,
    )
    raise MunicipalityMergedError(
        code=normal,
        name=lifetime.name,
        on=on,
        merged_on=merged_on,
        kind=links[0].kind,
        successors=tuple((m.new_code, m.new_name) for m in links),
    )


def mergers() -> tuple[Merger, ...]:
    """Every reorganisation link, by date (a split has one row per receiving municipality)."""
    return _tables().mergers


def successors(code: str, on: date) -> tuple[Municipality, ...]:
    """Where the people of ``code`` live on ``on``: itself if it still exists, else its heirs.

    Follows chains (A merged into B, B later into C gives C), sorted by code.
    """
    on = _as_date(on)
    normal, division = _resolve(code, on)
    found: set[str] = set()
    seen: set[str] = set()
    pending = [normal]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if current in division.by_code:
            found.add(current)
            continue
        pending.extend(
            m.new_code for m in _tables().mergers if m.old_code == current and m.date <= on
        )
    return tuple(division.by_code[c] for c in sorted(found))


def heirs(code: str, on: date) -> tuple[tuple[str, int], ...]:
    """The heirs of ``code`` on ``on`` with a weight each: where its obligations go.

    A municipality that still exists is its own heir. A merged municipality has one heir
    (weight 1). A split municipality is divided over its heirs by the inhabitants each
    received (``Merger.inhabitants_transferred``), or by the heirs' inhabitants when the CBS
    figures do not say. The one rule for carrying arrears across reorganisations: the
    taakstelling service and the ``taakstelling`` command both use it.
    """
    on = _as_date(on)
    found = successors(code, on)
    if len(found) == 1:
        return ((found[0].code, 1),)
    normal = normalise_code(code)
    transferred = {
        m.new_code: m.inhabitants_transferred or 0
        for m in _tables().mergers
        if m.old_code == normal and m.date <= on
    }
    if all(transferred.get(h.code, 0) > 0 for h in found):
        return tuple((h.code, transferred[h.code]) for h in found)
    return tuple((h.code, h.inhabitants) for h in found)


def successors_of_gone(codes: Iterable[str], on: date) -> dict[str, tuple[tuple[str, int], ...]]:
    """``heirs`` of every code that no longer exists on ``on`` (the shape
    ``core.taakstelling.carry_over_arrears`` takes); codes that still exist are left out.

    Raises ``ReferenceDataError`` (Dutch) for a code that is unknown or not yet in existence.
    """
    on = _as_date(on)
    current = _division(*_division_key(on)).by_code
    return {code: heirs(code, on) for code in codes if normalise_code(code) not in current}


@cache
def _topology(name: str) -> dict[str, Any]:
    text = files(__name__).joinpath("data", "geo", name).read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


@lru_cache(maxsize=16)
def _municipal_geometry(year: int, applied_until: date | None) -> dict[str, Any]:
    topology = _topology(f"municipalities_{year}.topojson")
    if applied_until is None:
        return topology
    start = date(year, 1, 1)
    links = [m for m in _tables().mergers if start < m.date <= applied_until]
    return apply_mergers(topology, sorted(links, key=lambda m: (m.date, m.old_code)))


def geometry(level: Literal["municipalities", "provinces"], on: date) -> dict[str, Any]:
    """Parsed TopoJSON of the division valid on ``on`` (cached and shared: do not modify it).

    Municipalities: object ``gemeenten``, ``id`` and property ``gemeentecode`` equal to the
    codes of ``municipalities(on)``. Provinces: object ``provincies``, ``id`` = ``PV..``.
    """
    on = _as_date(on)
    _division_key(on)
    if level == "provinces":
        return _topology("provinces.topojson")
    if level != "municipalities":
        raise ReferenceDataError(f"onbekend kaartniveau {level!r}: municipalities of provinces")
    year = max(y for y in _GEOMETRY_YEARS if date(y, 1, 1) <= on)
    later = [d for d in _tables().merger_dates if date(year, 1, 1) < d <= on]
    return _municipal_geometry(year, later[-1] if later else None)
