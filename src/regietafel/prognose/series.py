"""Reading the bundled national series (``data/reeksen.csv``) with their vintages."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from regietafel.core.backtest import Observation


@dataclass(frozen=True, slots=True)
class SeriesValue:
    """One row of the bundled file: a value of a series for a period, as published then."""

    series: str
    begin: date
    end: date
    value: int
    approximate: bool
    vintage: date
    vintage_basis: str
    source: str

    def observation(self) -> Observation:
        return Observation(self.begin, self.end, float(self.value), self.vintage)


@cache
def all_values() -> tuple[SeriesValue, ...]:
    text = files("regietafel.prognose.data").joinpath("reeksen.csv").read_text(encoding="utf-8")
    return tuple(
        SeriesValue(
            series=row["reeks"],
            begin=date.fromisoformat(row["begin"]),
            end=date.fromisoformat(row["eind"]),
            value=int(row["waarde"]),
            approximate=row["bij_benadering"] == "ja",
            vintage=date.fromisoformat(row["vintage"]),
            vintage_basis=row["vintage_basis"],
            source=row["bron"],
        )
        for row in csv.DictReader(io.StringIO(text))
    )


def values(series: str, *, known_before: date | None = None) -> tuple[SeriesValue, ...]:
    """The latest version of each period of ``series`` published before ``known_before``."""
    latest: dict[tuple[date, date], SeriesValue] = {}
    for item in all_values():
        if item.series != series:
            continue
        if known_before is not None and item.vintage >= known_before:
            continue
        key = (item.begin, item.end)
        if key not in latest or latest[key].vintage <= item.vintage:
            latest[key] = item
    return tuple(latest[key] for key in sorted(latest))


def observations(series: str) -> tuple[Observation, ...]:
    """Every version of every period, for the back-tests."""
    return tuple(v.observation() for v in all_values() if v.series == series)


def latest_vintage() -> date:
    return max(v.vintage for v in all_values())
