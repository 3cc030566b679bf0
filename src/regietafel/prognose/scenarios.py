"""The scenarios a forecast from a date may offer: the named ones, and the official MPP ones.

An official scenario ("officieel min / midden / max (MPP 2023-II)") sets the yearly inflow
to the figure of the latest Meerjarige Productieprognose published *before* the forecast's
origin (the vintage rule of every bundled value): before 10 November 2023 the MPP 2023-II
range is not offered. No Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from regietafel.core.forecast import SCENARIOS, Scenario
from regietafel.core.formatting import format_date_nl
from regietafel.prognose import series

OFFICIAL = (("mpp-min", "mpp_instroom_min", "min"),
            ("mpp-midden", "mpp_instroom_midden", "midden"),
            ("mpp-max", "mpp_instroom_max", "max"))  # fmt: skip
"""Scenario name, bundled series and label word of the three official scenarios."""
OFFICIAL_NAMES = tuple(name for name, _series, _word in OFFICIAL)


def _mpp_name(source: str) -> str:
    """ "mpp_2023-ii" → "MPP 2023-II" (the bundle's source key of an MPP)."""
    return source.replace("_", " ").upper()


def official_scenarios(on: date) -> dict[str, Scenario]:
    """The official min / middle / max scenarios of the latest MPP published before ``on``
    (empty when none was). The middle is the published one, else the midpoint of the range."""
    found: dict[str, Scenario] = {}
    latest = {key: series.values(key, known_before=on) for _name, key, _word in OFFICIAL}
    if not all(latest.values()):
        return found
    vintage = max(v.vintage for values in latest.values() for v in values)
    for name, key, word in OFFICIAL:
        value = max((v for v in latest[key] if v.vintage == vintage), key=lambda v: v.begin)
        mpp = _mpp_name(value.source)
        midpoint = " (midden van min en max, niet gepubliceerd)" if value.approximate else ""
        found[name] = Scenario(
            name,
            f"officieel {word} ({mpp})",
            inflow_per_year=float(value.value),
            description=(
                f"instroom {value.value:,} per jaar".replace(",", ".")
                + f"{midpoint}: {mpp} voor {value.begin.year}, gepubliceerd "
                f"{format_date_nl(value.vintage)} (bron: "
                "nl_coa_capacity_decisions_mpp_2019_2025.csv); per week dat getal / 52, "
                "met seizoen en onzekerheid, over de hele prognose"
            ),
        )
    return found


def scenarios_on(on: date) -> Mapping[str, Scenario]:
    """Every scenario a forecast from ``on`` may use: the named ones and the official ones."""
    return {**SCENARIOS, **official_scenarios(on)}


def first_publication() -> date | None:
    """The day the first MPP with all three official figures was published (None: none in
    the bundle); a forecast may use it from the day after (the vintage rule)."""
    firsts = [
        min((v.vintage for v in series.values(key)), default=None) for _n, key, _w in OFFICIAL
    ]
    if any(first is None for first in firsts):
        return None
    return max(first for first in firsts if first is not None)


def unavailable_reason(name: str, on: date) -> str:
    """Why an official scenario cannot be used from ``on`` (Dutch), with the day it first
    could be, so the reader knows which date or week to choose instead."""
    reason = (
        f"scenario {name} bestaat pas na de publicatie van een Meerjarige Productieprognose "
        f"met een instroomschatting; vóór {format_date_nl(on)} was die er niet"
    )
    first = first_publication()
    if first is not None and on <= first:
        reason += f" (de eerste verscheen op {format_date_nl(first)})"
    return reason
