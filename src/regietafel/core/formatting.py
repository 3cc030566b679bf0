"""Dutch number and date formatting for generated sentences, independent of the locale.

The core writes whole sentences (the boodschappenlijstje) that must read the same on every
server, so it cannot lean on the process locale.
"""

from __future__ import annotations

from datetime import date

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def format_int_nl(value: int) -> str:
    """Whole number with "." as thousands separator: 1200 -> "1.200"."""
    return f"{value:,}".replace(",", ".")


def format_decimal_nl(value: float, decimals: int) -> str:
    """Decimal with "," and "." as thousands separator: 1234.5 (1) -> "1.234,5"."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_date_nl(day: date) -> str:
    """Date as written in Dutch prose: "1 december 2021"."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def count_nl(value: int, singular: str, plural: str) -> str:
    """A number with the right noun form: "1 locatie", "2 locaties", "1.200 plaatsen"."""
    return f"{format_int_nl(value)} {singular if value == 1 else plural}"
