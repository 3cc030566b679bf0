"""Dutch number and date formatting for people, independent of the locale: the one notation.

The core writes whole sentences (the boodschappenlijstje) that must read the same on every
server, so it cannot lean on the process locale. Every surface a person reads (web tables,
key-figure cards, the report and its PDF, the command line's terminal table) writes its
numbers through this module, so one kind of number looks the same everywhere:

* thousands with ".", decimals with ",": 1.234 and 87,5 (Dutch, as the Rijksoverheid writes);
* a negative with the typographic minus U+2212: "−120". The report, its PDF and the cards
  already wrote it so; an ASCII hyphen is shorter than the digits' width, reads as a dash or a
  hyphenated word and lets a browser break the line after it;
* a value that rounds to zero has no sign: −0,04 with one decimal is "0,0", not "−0,0";
* a percentage with a no-break space before "%": "81,0 %" (the Nederlandse Taalunie's
  spelling, as the cards and the report write it); the no-break space keeps "%" on the line
  of its number in a narrow table cell;
* no data is "geen gegevens", never 0 and never an empty cell; a value that cannot exist
  is "n.v.t.".

Machine outputs (CSV, JSON, the API, Excel's numeric cells) do not come here: they keep
plain numbers with an ASCII "-" and a "." decimal point.
"""

from __future__ import annotations

import errno
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MINUS = "\u2212"
"""The typographic minus of every negative number a person reads."""
NBSP = "\u00a0"
"""The no-break space between a number and its "%"."""
NO_DATA_TEXT = "geen gegevens"
"""What a person reads where a value is unknown: not 0, not an empty cell."""
NOT_APPLICABLE_TEXT = "n.v.t."
"""What a person reads where a value cannot exist (locations to find of a kind without a
standard location size): not "geen gegevens", which would ask for data that never comes."""

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


def _signed(magnitude: str, negative: bool) -> str:
    """``magnitude`` with the minus, unless it shows as zero (no "−0" or "−0,0")."""
    return f"{MINUS}{magnitude}" if negative and magnitude.strip("0.,") else magnitude


def format_int_nl(value: int) -> str:
    """Whole number with "." as thousands separator: 1200 -> "1.200", -1200 -> "−1.200"."""
    return _signed(f"{abs(value):,}".replace(",", "."), value < 0)


def format_decimal_nl(value: float, decimals: int) -> str:
    """Decimal with "," and "." as thousands separator: 1234.5 (1) -> "1.234,5", -0.5 (1)
    -> "−0,5", -0.04 (1) -> "0,0".

    Rounded half up on the number as written (36.25 -> "36,3"), as Django's ``floatformat``
    and a person round; Python's own rounding of the binary float gave "36,2" on a card
    beside "36,3" in a table of the same page.
    """
    rounded = Decimal(repr(abs(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return _signed(text.replace(",", "_").replace(".", ",").replace("_", "."), value < 0)


def format_percent_nl(value: float, decimals: int = 1) -> str:
    """A percentage (81.04 -> "81,0 %", with a no-break space); -2.5 -> "−2,5 %"."""
    return f"{format_decimal_nl(value, decimals)}{NBSP}%"


def format_change_nl(value: float, decimals: int = 0) -> str:
    """A change with its sign: "+1.200", "−300", "0" (what rounds to zero has no sign)."""
    text = format_decimal_nl(value, decimals)
    return f"+{text}" if value > 0 and text.strip("0.,") else text


def parse_number_nl(text: str) -> float:
    """The number a person read back from :func:`format_decimal_nl`, :func:`format_int_nl`,
    :func:`format_percent_nl` or :func:`format_change_nl` ("−1.234,5 %" -> -1234.5).

    Accepts the ASCII hyphen too, so a number typed or pasted either way reads the same.
    ValueError for anything else.
    """
    raw = text.strip().removesuffix("%").strip(f" {NBSP}").replace(MINUS, "-")
    raw = raw.replace(".", "").replace(",", ".")
    return float(raw)


_WHOLE = re.compile(r"[+-]?[0-9]+")
_WHOLE_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{3})+")


def parse_int_nl(text: str) -> int:
    """A whole number as a person types it: "1200", "1.200" (a "." only between groups of
    exactly three digits), "−5" or "-5". ValueError for anything else: "1.5" is not 15 and
    "0.5" is not 5, a decimal comma is no whole number, and only the digits 0-9 count.
    The one rule of every integer a person types (table cells, command options)."""
    raw = text.strip().replace(" ", "").replace(NBSP, "").replace(MINUS, "-")
    if _WHOLE_GROUPED.fullmatch(raw):
        raw = raw.replace(".", "")
    if not _WHOLE.fullmatch(raw):
        raise ValueError(f"'{text}' is geen geheel getal")
    return int(raw)


def format_date_nl(day: date) -> str:
    """Date as written in Dutch prose: "1 december 2021"."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def count_nl(value: int, singular: str, plural: str) -> str:
    """A number with the right noun form: "1 locatie", "2 locaties", "1.200 plaatsen"."""
    return f"{format_int_nl(value)} {singular if value == 1 else plural}"


_OS_ERRORS_NL: dict[str, str] = {
    "EISDIR": "dit is een map, geen bestand",
    "ENOTDIR": "een deel van het pad is geen map",
    "ENOENT": "het bestand of de map bestaat niet",
    "EACCES": "geen toestemming; controleer de rechten",
    "EPERM": "geen toestemming; controleer de rechten",
    "ENOSPC": "de schijf is vol",
    "EDQUOT": "de schijfruimte van deze gebruiker is op",
    "EROFS": "het bestandssysteem is alleen-lezen",
    "ENAMETOOLONG": "de naam is te lang",
    "EEXIST": "het bestand bestaat al",
    "EADDRNOTAVAIL": "dit adres hoort niet bij deze machine",
}


def os_error_nl(error: OSError) -> str:
    """The reason of an operating-system error as a Dutch phrase ("de schijf is vol"), for the
    Dutch lines every edge writes; the system's own text is English ("No space left on
    device"). An error without a Dutch phrase keeps its code and the system's text."""
    code = errno.errorcode.get(error.errno or 0, "")
    if code in _OS_ERRORS_NL:
        return _OS_ERRORS_NL[code]
    detail = error.strerror or str(error) or type(error).__name__
    return f"systeemfout {code}: {detail}" if code else f"systeemfout: {detail}"
