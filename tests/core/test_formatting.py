from __future__ import annotations

import errno
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.core.formatting import (
    MINUS,
    NBSP,
    count_nl,
    format_change_nl,
    format_date_nl,
    format_decimal_nl,
    format_int_nl,
    format_percent_nl,
    os_error_nl,
    parse_int_nl,
    parse_number_nl,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (1200, "1.200"),
        (1234567, "1.234.567"),
        (-1200, "\u22121.200"),
        (-1, "\u22121"),
    ],
)
def test_format_int_nl(value: int, text: str) -> None:
    assert format_int_nl(value) == text


@given(st.integers(-(10**12), 10**12))
def test_format_int_nl_round_trips(value: int) -> None:
    text = format_int_nl(value)
    assert int(text.replace(".", "").replace(MINUS, "-")) == value
    assert all(len(group) == 3 for group in text.lstrip(MINUS).split(".")[1:])
    assert "-" not in text


# Hand-computed: the one notation of every number a person reads.
@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (-1234, 0, "\u22121.234"),
        (-1234.5, 1, "\u22121.234,5"),
        (0, 0, "0"),
        (0.0, 1, "0,0"),
        (-0.0, 1, "0,0"),
        (-0.04, 1, "0,0"),  # rounds to zero: no sign
        (-0.05, 1, "\u22120,1"),  # 0.05 is 0.05000000000000000277 as a float: rounds up
        (-0.4, 0, "0"),
        (87.46, 1, "87,5"),
        (1234567.891, 2, "1.234.567,89"),
    ],
)
def test_format_decimal_nl(value: float, decimals: int, text: str) -> None:
    assert format_decimal_nl(value, decimals) == text


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (81.0, 1, "81,0\u00a0%"),
        (81.04, 1, "81,0\u00a0%"),
        (94, 1, "94,0\u00a0%"),
        (-2.5, 1, "\u22122,5\u00a0%"),
        (-0.04, 1, "0,0\u00a0%"),  # not "−0,0 %"
        (0, 0, "0\u00a0%"),
        (1250, 0, "1.250\u00a0%"),
    ],
)
def test_format_percent_nl(value: float, decimals: int, text: str) -> None:
    assert format_percent_nl(value, decimals) == text


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1200, 0, "+1.200"),
        (-300, 0, "\u2212300"),
        (0, 0, "0"),
        (0.3, 0, "0"),  # rounds to zero: no "+0"
        (-0.3, 0, "0"),  # nor "−0"
        (2.25, 1, "+2,3"),  # a tie rounds half up, as floatformat and the progress table do
    ],
)
def test_format_change_nl(value: float, decimals: int, text: str) -> None:
    assert format_change_nl(value, decimals) == text


@given(
    st.floats(-(10**9), 10**9, allow_nan=False, allow_infinity=False),
    st.integers(0, 3),
)
def test_human_numbers_parse_back_and_never_use_a_hyphen(value: float, decimals: int) -> None:
    """What a person reads is the value rounded, whichever writer wrote it; a negative has
    U+2212, never an ASCII hyphen (the mistake that made tables differ from the cards); the
    percent sign hangs on a no-break space."""
    rounded = round(value, decimals)
    for text in (
        format_decimal_nl(value, decimals),
        format_change_nl(value, decimals),
        format_percent_nl(value, decimals),
    ):
        assert "-" not in text
        # Within one unit of the last decimal: Python's round() and the half-up notation
        # differ by exactly one unit at a tie (0.35 -> 0.3 and "0,4"), and 0.4 - 0.3 is
        # 0.10000000000000003 in floats, so the bound allows for that last bit.
        assert parse_number_nl(text) == pytest.approx(rounded, abs=10**-decimals * (1 + 1e-9))
        assert text.startswith(MINUS) == (parse_number_nl(text) < 0)
    assert format_percent_nl(value, decimals).endswith(f"{NBSP}%")
    assert " " not in format_percent_nl(value, decimals)


def test_parse_number_nl_reads_either_minus() -> None:
    assert parse_number_nl("\u22121.234,5\u00a0%") == -1234.5
    assert parse_number_nl("-1.234") == -1234
    assert parse_number_nl("+120") == 120
    with pytest.raises(ValueError, match="could not convert"):
        parse_number_nl("geen gegevens")


def test_format_date_nl() -> None:
    assert format_date_nl(date(2021, 12, 1)) == "1 december 2021"
    assert format_date_nl(date(2022, 3, 31)) == "31 maart 2022"


def test_count_nl_chooses_singular_or_plural() -> None:
    assert count_nl(1, "locatie", "locaties") == "1 locatie"
    assert count_nl(0, "locatie", "locaties") == "0 locaties"
    assert count_nl(1200, "plaats", "plaatsen") == "1.200 plaatsen"


def test_a_tie_rounds_half_up_as_a_person_and_floatformat_do() -> None:
    """36.25 % on a card and in the progress table of the same page: both "36,3 %" (the card
    rounded the binary float half to even and wrote "36,2 %")."""
    assert format_decimal_nl(36.25, 1) == "36,3"
    assert format_percent_nl(36.25) == "36,3\u00a0%"
    assert format_decimal_nl(-36.25, 1) == "\u221236,3"
    assert format_decimal_nl(2.675, 2) == "2,68"  # binary 2.67499… but written 2.675
    assert format_decimal_nl(1234.5, 0) == "1.235"


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (errno.EISDIR, "dit is een map, geen bestand"),
        (errno.ENOENT, "het bestand of de map bestaat niet"),
        (errno.EACCES, "geen toestemming; controleer de rechten"),
        (errno.ENOSPC, "de schijf is vol"),
        (errno.EROFS, "het bestandssysteem is alleen-lezen"),
        (errno.EIO, "systeemfout EIO: Input/output error"),
    ],
)
def test_os_errors_read_dutch(code: int, text: str) -> None:
    assert os_error_nl(OSError(code, "Input/output error")) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [("1200", 1200), ("1.200", 1200), ("10.000", 10000), ("1.234.567", 1234567), ("-5", -5),
     ("\u22125", -5), (" 12 ", 12), ("+12", 12)],
)  # fmt: skip
def test_whole_numbers_as_typed(text: str, value: int) -> None:
    assert parse_int_nl(text) == value


@pytest.mark.parametrize("text", ["1.5", "0.5", "92.5", "1.00", "1.0000", "1,5", "", "abc",
                                  "\u0661\u0662\u0663", "1..000", ".100"])  # fmt: skip
def test_not_whole_numbers(text: str) -> None:
    with pytest.raises(ValueError, match="geen geheel getal"):
        parse_int_nl(text)
