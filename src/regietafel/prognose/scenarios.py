"""The scenarios a forecast from a date may offer: the named ones, and the official MPP ones.

An official scenario ("officieel min / midden / max (MPP 2023-II)") sets the yearly inflow
to the figure of the latest Meerjarige Productieprognose published *before* the forecast's
origin (the vintage rule of every bundled value): before 10 November 2023 the MPP 2023-II
range is not offered. Later MPPs come in as imports (kind "mpp"); the caller passes their
figures. No Django.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from regietafel.core import mpp
from regietafel.core.forecast import SCENARIOS, Scenario
from regietafel.core.formatting import format_date_nl
from regietafel.prognose import series

OFFICIAL = (("mpp-min", "mpp_instroom_min", "min"),
            ("mpp-midden", "mpp_instroom_midden", "midden"),
            ("mpp-max", "mpp_instroom_max", "max"))  # fmt: skip
"""Scenario name, bundled series and label word of the three official scenarios."""
OFFICIAL_NAMES = tuple(name for name, _series, _word in OFFICIAL)
SCENARIO_ORDER = ("midden", "laag", "hoog", "traag", "snel", *OFFICIAL_NAMES)
"""The named scenarios, then the official ones (offered only from an origin after their MPP),
in the order every surface lists them."""


BUNDLE_SOURCE = "meegeleverde landelijke reeks (openbaar bericht van de Rijksoverheid bij de MPP)"
"""Where a bundled MPP figure comes from, as users read it (the data file and the link are in
the bundle's source list)."""


@dataclass(frozen=True, slots=True)
class OfficialFigure:
    """One figure of an official MPP: the expected yearly inflow of one of its scenarios.

    From the bundle (the MPP 2023-II) or from an import of kind "mpp"; ``where`` says which,
    for the scenario's description.
    """

    word: str
    """"min", "midden" or "max"."""
    year: int
    inflow: int
    published: date
    mpp: str
    """The MPP's name, e.g. "MPP 2023-II"."""
    where: str
    midpoint: bool = False
    """The MPP published no middle: this is the midpoint of min and max."""


def _mpp_name(source: str) -> str:
    """ "mpp_2023-ii" → "MPP 2023-II" (the bundle's source key of an MPP)."""
    return source.replace("_", " ").upper()


def bundled_figures(on: date) -> tuple[OfficialFigure, ...]:
    """The bundled MPP figures published before ``on`` (the vintage rule)."""
    words = {key: word for _name, key, word in OFFICIAL}
    return tuple(
        OfficialFigure(
            word=words[key], year=value.begin.year, inflow=value.value, published=value.vintage,
            mpp=_mpp_name(value.source), where=f"bron: {BUNDLE_SOURCE}",
            midpoint=value.approximate,
        )
        for key in words
        for value in series.values(key, known_before=on)
    )  # fmt: skip


def complete_mpp(figures: Sequence[OfficialFigure]) -> dict[str, OfficialFigure]:
    """The figures of the latest published MPP that has min and max, by word; without a
    middle its midpoint (said so). Later in ``figures`` wins a tie (an import over the
    bundle). Empty when no MPP is complete."""
    groups: dict[tuple[date, str], dict[str, OfficialFigure]] = {}
    for figure in figures:
        groups.setdefault((figure.published, figure.mpp), {})[figure.word] = figure
    complete = [(key, found) for key, found in groups.items() if not mpp.missing(found)]
    if not complete:
        return {}
    latest = max(published for (published, _mpp), _found in complete)
    _key, found = [item for item in complete if item[0][0] == latest][-1]
    if "midden" not in found:
        low, high = found["min"], found["max"]
        found["midden"] = OfficialFigure(
            "midden", low.year, mpp.midpoint(low.inflow, high.inflow), low.published, low.mpp,
            low.where, midpoint=True,
        )  # fmt: skip
    return found


def official_scenarios(on: date, imported: Sequence[OfficialFigure] = ()) -> dict[str, Scenario]:
    """The official min / middle / max scenarios of the latest MPP published before ``on``
    (empty when none was): the bundle's, and ``imported`` ones (already those known then).
    The middle is the published one, else the midpoint of the range."""
    found = complete_mpp([*bundled_figures(on), *imported])
    scenarios: dict[str, Scenario] = {}
    for name, _key, word in OFFICIAL:
        if word not in found:
            return {}
        figure = found[word]
        midpoint = " (midden van min en max, niet gepubliceerd)" if figure.midpoint else ""
        scenarios[name] = Scenario(
            name,
            f"officieel {word} ({figure.mpp})",
            inflow_per_year=float(figure.inflow),
            description=(
                f"instroom {figure.inflow:,} per jaar".replace(",", ".")
                + f"{midpoint}: {figure.mpp} voor {figure.year}, gepubliceerd "
                f"{format_date_nl(figure.published)} ({figure.where}); per week dat getal / "
                "52, met seizoen en onzekerheid, over de hele prognose"
            ),
        )
    return scenarios


def scenarios_on(on: date, imported: Sequence[OfficialFigure] = ()) -> Mapping[str, Scenario]:
    """Every scenario a forecast from ``on`` may use: the named ones and the official ones."""
    return {**SCENARIOS, **official_scenarios(on, imported)}


def first_publication(imported: Sequence[OfficialFigure] = ()) -> date | None:
    """The day the first complete MPP (min and max) was published, in the bundle or
    ``imported`` (None: none); a forecast may use it from the day after (the vintage rule)."""
    figures = [*bundled_figures(date.max), *imported]
    days = [
        day
        for day in sorted({f.published for f in figures})
        if complete_mpp([f for f in figures if f.published <= day])
    ]
    return days[0] if days else None


def unavailable_reason(name: str, on: date, imported: Sequence[OfficialFigure] = ()) -> str:
    """Why an official scenario cannot be used from ``on`` (Dutch), with the day it first
    could be, so the reader knows which date or week to choose instead."""
    label = next((f"officieel {word}" for known, _key, word in OFFICIAL if known == name), name)
    reason = (
        f"scenario {label} bestaat pas na de publicatie van een Meerjarige Productieprognose "
        f"met een instroomschatting; vóór {format_date_nl(on)} was die er niet"
    )
    first = first_publication(imported)
    if first is not None and on <= first:
        reason += f" (de eerste verscheen op {format_date_nl(first)})"
    return reason
