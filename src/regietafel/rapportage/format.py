"""Dutch number and date text for the report, independent of the process locale.

The PDF is made by the command line as well as by the web app, so the report cannot lean
on Django's active language for its numbers: these functions always write 1.200 and 87,5.
"""

from __future__ import annotations

from datetime import date, datetime

from regietafel.core.formatting import format_date_nl, format_decimal_nl

MINUS = "\u2212"


def number_nl(value: float | None, decimals: int = 0) -> str:
    """12500 -> '12.500'; 87.46 with 1 decimal -> '87,5'; None -> '–' (unknown)."""
    if value is None:
        return "\u2013"
    text = format_decimal_nl(abs(value), decimals)
    rounded_zero = float(f"{abs(value):.{decimals}f}") == 0
    return f"{MINUS}{text}" if value < 0 and not rounded_zero else text


def change_nl(value: float | None, decimals: int = 0) -> str:
    """A change with its sign: '+1.200', '−300', '0'; None -> '–'."""
    if value is None:
        return "\u2013"
    text = number_nl(value, decimals)
    if value > 0 and text.strip("0,") != "":
        return f"+{text}"
    return text


def percent_nl(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "\u2013"
    return f"{number_nl(value, decimals)}\u00a0%"


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
