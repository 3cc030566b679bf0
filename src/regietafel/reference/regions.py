"""Safety regions (veiligheidsregio's) and labour-market regions (arbeidsmarktregio's).

Which region a municipality belongs to, for the municipal division of any date the reference
data covers (bundled ``data/regions.csv`` and ``data/region_memberships.csv``, built by
``tools/build_reference_data.py``; sources in ``data/SOURCES.md``). A date uses the
memberships of its 1 January; a municipality that merged later in the year (Weesp, 24 March
2022) is gone from ``municipalities(on)`` and its people count in its successor's region.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Literal, get_args

from regietafel import reference
from regietafel.reference.model import ReferenceDataError

RegionKind = Literal["veiligheidsregio", "arbeidsmarktregio"]
REGION_KINDS: tuple[RegionKind, ...] = get_args(RegionKind)

_PLURALS: dict[str, str] = {
    "veiligheidsregio": "veiligheidsregio's",
    "arbeidsmarktregio": "arbeidsmarktregio's",
}


@dataclass(frozen=True, slots=True)
class Region:
    kind: str
    code: str
    name: str


def plural(kind: str) -> str:
    """'veiligheidsregio's': the Dutch plural for titles."""
    return _PLURALS[kind_of(kind)]


def kind_of(text: str) -> RegionKind:
    """The region kind named by ``text`` (case and spaces ignored), or a Dutch error."""
    folded = text.strip().lower()
    for kind in REGION_KINDS:
        if folded == kind:
            return kind
    raise ReferenceDataError(
        f"onbekende regio-indeling {text!r}; kies uit {' of '.join(REGION_KINDS)}"
    )


def _read(name: str) -> list[dict[str, str]]:
    text = files("regietafel.reference").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@cache
def _regions() -> dict[str, dict[str, Region]]:
    result: dict[str, dict[str, Region]] = {kind: {} for kind in REGION_KINDS}
    for row in _read("regions.csv"):
        result[row["kind"]][row["code"]] = Region(row["kind"], row["code"], row["name"])
    return result


@cache
def _memberships() -> dict[tuple[str, date], dict[str, str]]:
    result: dict[tuple[str, date], dict[str, str]] = {}
    for row in _read("region_memberships.csv"):
        key = (row["kind"], date.fromisoformat(row["reference_date"]))
        result.setdefault(key, {})[row["municipality_code"]] = row["region_code"]
    return result


def regions(kind: str) -> tuple[Region, ...]:
    """Every region of ``kind``, sorted by code."""
    found = _regions()[kind_of(kind)]
    return tuple(found[code] for code in sorted(found))


def membership(kind: str, on: date) -> MappingProxyType[str, Region]:
    """Municipality code -> region, for every municipality of ``reference.municipalities(on)``."""
    chosen = kind_of(kind)
    municipalities = reference.municipalities(on)
    day = municipalities[0].population_date
    links = _memberships()[chosen, day]
    by_code = _regions()[chosen]
    return MappingProxyType({m.code: by_code[links[m.code]] for m in municipalities})


def region(kind: str, text: str) -> Region:
    """The region of ``kind`` named by its code (VR13) or name, case-insensitively.

    ReferenceDataError (Dutch) for an unknown region.
    """
    chosen = kind_of(kind)
    wanted = text.strip().casefold()
    for found in _regions()[chosen].values():
        if wanted in {found.code.casefold(), found.name.casefold()}:
            return found
    raise ReferenceDataError(
        f"onbekende {chosen} '{text.strip()}': gebruik een code zoals "
        f"{regions(chosen)[0].code} of een naam zoals {regions(chosen)[0].name}"
    )
