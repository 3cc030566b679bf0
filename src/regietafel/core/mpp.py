"""The inflow scenarios of an official Meerjarige Productieprognose (MPP): what makes one whole.

An MPP publishes an expected yearly inflow as a range (min, max) and sometimes a middle.
The same rules hold for the bundled MPP 2023-II and for every imported one: the importer
refuses a file that breaks them, and the forecast completes a range by them. Pure data and
arithmetic, no framework.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping

WORDS = ("min", "midden", "max")
"""The scenarios of an MPP, from low to high."""
REQUIRED = ("min", "max")
"""Without both ends there is no range: the middle alone is not an MPP."""
FIRST_YEAR, LAST_YEAR = 2000, 2100
"""The years an MPP may forecast: anything outside is a typing error."""


def missing(words: Collection[str]) -> tuple[str, ...]:
    """The required scenarios not among ``words``, in order."""
    return tuple(word for word in REQUIRED if word not in words)


def out_of_order(inflow: Mapping[str, int]) -> list[tuple[str, str]]:
    """Each (lower, higher) pair of neighbouring scenarios present whose higher figure is
    below the lower one: min ≤ midden ≤ max must hold."""
    present = [word for word in WORDS if word in inflow]
    return [(low, high) for low, high in itertools.pairwise(present) if inflow[high] < inflow[low]]


def midpoint(low: int, high: int) -> int:
    """The middle of a range that was published without one (rounded half to even)."""
    return round((low + high) / 2)
