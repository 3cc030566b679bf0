"""Option values as the commands read them: argparse types with Dutch errors.

Whole numbers follow :func:`regietafel.core.formatting.parse_int_nl`, the rule of the import
files too: "1.000" is a thousand, "1.5" is refused (not 15). Limits are printed in the one
notation ("ligt buiten 0 tot en met 10.000.000"). Nothing of the core is imported before an
option is read, so building the parser stays light.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any


def whole_number(low: int = 0, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` up to ``high`` (None: no upper limit)."""

    def parse(text: str) -> int:
        # Read only when the option is given: building the parser loads no core.
        from regietafel.core.formatting import format_int_nl, parse_int_nl

        try:
            value = parse_int_nl(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal") from None
        if value < 0 <= low:
            raise argparse.ArgumentTypeError(
                f"{format_int_nl(value)} is negatief; kies {format_int_nl(low)} of meer"
            )
        if high is not None and not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"{format_int_nl(value)} ligt buiten {format_int_nl(low)} tot en met "
                f"{format_int_nl(high)}"
            )
        if value < low:
            raise argparse.ArgumentTypeError(
                f"{format_int_nl(value)} is te klein; kies {format_int_nl(low)} of meer"
            )
        return value

    return parse


def non_negative_number(text: str) -> float:
    """An argparse type: a number of 0 or more, with a decimal point or comma (2.5, 2,5)."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen getal") from None
    if not 0 <= value < float("inf"):  # also refuses nan
        raise argparse.ArgumentTypeError(f"'{text}' kan niet; kies een getal van 0 of meer")
    return value


def province_text(text: str) -> str:
    """An argparse type for ``--provincie``: blank is refused, not read as "no province"
    (which gave the national figures under a province's question)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "leeg kan niet; geef een provincienaam of -code, of laat --provincie weg voor "
            "heel Nederland"
        )
    return text


GIVEN = "_regietafel_given"
"""Namespace attribute holding the single-valued options given so far in one parse (removed
by ``DutchArgumentParser.parse_known_args`` before a command sees the namespace)."""


class SingleValue(argparse.Action):
    """The default action of every option of our parsers: given twice, it is refused, not
    silently the last one (``--provincie Utrecht --provincie Gelderland`` is ambiguous).
    Options meant to repeat say ``action="append"``."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if option_string is not None:
            given: set[str] = namespace.__dict__.setdefault(GIVEN, set())
            if self.dest in given:
                raise argparse.ArgumentError(
                    self, "staat er meer dan één keer in; geef deze optie één keer"
                )
            given.add(self.dest)
        # What argparse's own "store" does; the public base class keeps us off its internals.
        setattr(namespace, self.dest, values)
