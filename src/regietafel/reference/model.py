"""The value types and errors of the reference data, kept free of any loading logic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from regietafel.core.formatting import MONTHS_NL


def dutch_date(day: date) -> str:
    """'1 januari 2021': error messages are read by end users, in Dutch."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def dutch_list(items: Sequence[str]) -> str:
    """'A, B en C', the way a Dutch sentence lists things."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Municipality:
    """A municipality in the division valid on some date.

    ``inhabitants`` are the CBS figures of ``population_date`` (a 1 January), regrouped to the
    division of the requested date when a merger took effect in between.
    """

    code: str
    name: str
    province_code: str
    inhabitants: int
    population_date: date


@dataclass(frozen=True, slots=True)
class Merger:
    """One link from an old to a new municipality; a split has one row per receiver."""

    date: date
    old_code: str
    old_name: str
    new_code: str
    new_name: str
    kind: str
    inhabitants_transferred: int | None


class ReferenceDataError(LookupError):
    """A lookup in the reference data failed; the message is Dutch, for end users."""


class MunicipalityMergedError(ReferenceDataError):
    """The code existed, but the municipality was merged or split before the requested date.

    ``successors`` are the municipalities the reorganisation of ``merged_on`` created or
    enlarged, as ``(code, name)``; ``successors()`` follows later reorganisations too.
    """

    def __init__(
        self,
        *,
        code: str,
        name: str,
        on: date,
        merged_on: date,
        kind: str,
        successors: tuple[tuple[str, str], ...],
    ) -> None:
        self.code = code
        self.name = name
        self.on = on
        self.merged_on = merged_on
        self.kind = kind
        self.successors = successors
        receivers = dutch_list([f"{c} ({n})" for c, n in successors])
        event = (
            f"opgeheven en verdeeld over {receivers}"
            if kind == "splitsing"
            else f"opgegaan in {receivers}"
        )
        super().__init__(
            f"{code} ({name}) bestaat niet meer op {dutch_date(on)}: "
            f"op {dutch_date(merged_on)} {event}"
        )
