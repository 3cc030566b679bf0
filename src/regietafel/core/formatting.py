"""Dutch formatting of numbers and dates for text the core generates (shopping-list items)."""

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
    """1200 -> '1.200': the Dutch thousands separator is a full stop."""
    return f"{value:,}".replace(",", ".")


def format_date_nl(day: date) -> str:
    """2021-12-01 -> '1 december 2021'."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"
