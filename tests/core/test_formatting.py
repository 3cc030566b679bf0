from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regietafel.core.formatting import count_nl, format_date_nl, format_int_nl


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (1200, "1.200"),
        (1234567, "1.234.567"),
        (-1200, "-1.200"),
    ],
)
def test_format_int_nl(value: int, text: str) -> None:
    assert format_int_nl(value) == text


@given(st.integers(-(10**12), 10**12))
def test_format_int_nl_round_trips(value: int) -> None:
    text = format_int_nl(value)
    assert int(text.replace(".", "")) == value
    assert all(len(group) == 3 for group in text.lstrip("-").split(".")[1:])


def test_format_date_nl() -> None:
    assert format_date_nl(date(2021, 12, 1)) == "1 december 2021"
    assert format_date_nl(date(2022, 3, 31)) == "31 maart 2022"


def test_count_nl_chooses_singular_or_plural() -> None:
    assert count_nl(1, "locatie", "locaties") == "1 locatie"
    assert count_nl(0, "locatie", "locaties") == "0 locaties"
    assert count_nl(1200, "plaats", "plaatsen") == "1.200 plaatsen"
