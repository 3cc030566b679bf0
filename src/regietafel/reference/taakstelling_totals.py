"""The published national half-year totals of the taakstelling, every version with its source.

A period's national total is set before the period and sometimes revised during it (2021-II:
13,500 announced in autumn 2020, lowered to 11,000 in March 2021; 2023-II revised downward).
``published/taakstelling_totals.csv`` (kept by hand, not by the build script) holds each
published version with the day it was decided, whether the published figure is approximate
("ruim 27.300") and the source. The command line
picks one with ``regietafel taakstelling --versie``; the database keeps its own versions.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from regietafel.reference.model import ReferenceDataError


@dataclass(frozen=True, slots=True)
class PublishedTotal:
    period: str
    version: int
    national_total: int
    decided_on: date
    approximate: bool
    source: str


@cache
def published_totals() -> tuple[PublishedTotal, ...]:
    """Every published version, by period and version."""
    text = (
        files("regietafel.reference")
        .joinpath("published", "taakstelling_totals.csv")
        .read_text(encoding="utf-8")
    )
    return tuple(
        PublishedTotal(
            period=row["period"],
            version=int(row["version"]),
            national_total=int(row["national_total"]),
            decided_on=date.fromisoformat(row["decided_on"]),
            approximate=row["approximate"] == "ja",
            source=row["source"],
        )
        for row in csv.DictReader(io.StringIO(text))
    )


def versions_of(period: str) -> tuple[PublishedTotal, ...]:
    """The published versions of ``period``, oldest first (empty when none is known)."""
    return tuple(t for t in published_totals() if t.period == period)


def published_total(period: str, version: int | None = None) -> PublishedTotal:
    """Version ``version`` of ``period`` (None: the latest); ReferenceDataError (Dutch)."""
    found = versions_of(period)
    if not found:
        known = ", ".join(sorted({t.period for t in published_totals()}))
        raise ReferenceDataError(
            f"geen gepubliceerd landelijk totaal bekend voor {period}; bekend: {known}. "
            "Geef het totaal met --totaal"
        )
    if version is None:
        return found[-1]
    for total in found:
        if total.version == version:
            return total
    raise ReferenceDataError(
        f"{period} heeft geen versie {version}; bekend: "
        + ", ".join(f"{t.version} ({t.national_total:,})".replace(",", ".") for t in found)
    )
