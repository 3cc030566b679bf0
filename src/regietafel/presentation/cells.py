"""One writer for every cell that leaves the system in a CSV or Excel file.

A spreadsheet treats a text cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or carriage return) as a formula. Text that comes from users (a user name
typed at the log-in form, a correction note, a location name in an import) could otherwise
run as a formula on the reader's machine (OWASP "CSV injection"). Such text gets a leading
apostrophe, which spreadsheets show as plain text. Numbers stay numbers: a negative int is
a number, not text, and is written as it is.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def export_cell(value: Any) -> Any:
    """A value for a CSV or Excel cell: numbers, dates and None as they are; text made safe."""
    if value is None or isinstance(value, bool | int | float | Decimal | date | datetime | time):
        return value
    return safe_text(str(value))


def export_row(values: Any) -> list[Any]:
    """Every cell of a row through :func:`export_cell`."""
    return [export_cell(value) for value in values]
