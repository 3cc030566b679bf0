"""Dutch number and date text for the report, independent of the process locale.

The PDF is made by the command line as well as by the web app, so the report cannot lean
on Django's active language for its numbers: these functions always write 1.200 and 87,5.
"""

from __future__ import annotations

from datetime import date, datetime

from regietafel.core.formatting import (
    format_change_nl,
    format_date_nl,
    format_decimal_nl,
    format_percent_nl,
)

UNKNOWN = "\u2013"
"""The report's dash for an unknown value in running text and its compact tables."""


def number_nl(value: float | None, decimals: int = 0) -> str:
    """12500 -> '12.500'; 87.46 with 1 decimal -> '87,5'; -300 -> '−300'; None -> '–'."""
    return UNKNOWN if value is None else format_decimal_nl(value, decimals)


def change_nl(value: float | None, decimals: int = 0) -> str:
    """A change with its sign: '+1.200', '−300', '0'; None -> '–'."""
    return UNKNOWN if value is None else format_change_nl(value, decimals)


def percent_nl(value: float | None, decimals: int = 1) -> str:
    """'81,0 %' with a no-break space, as :mod:`regietafel.core.formatting` writes it."""
    return UNKNOWN if value is None else format_percent_nl(value, decimals)


def date_nl(value: date | datetime | str | None) -> str:
    """'8 november 2021' from a date, a datetime or ISO text."""
    if value is None or value == "":
        return "\u2013"
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:  # stored in UTC; people read the time of the server's zone
            from django.utils import timezone

            value = timezone.localtime(value)
        return f"{format_date_nl(value.date())} {value:%H:%M}"
    return format_date_nl(value)
