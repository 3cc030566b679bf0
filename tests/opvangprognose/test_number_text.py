"""Forecast parameters are shown with the decimals their size needs."""

from __future__ import annotations

import pytest

from regietafel.opvangprognose.tables import number_text


@pytest.mark.parametrize(
    ("value", "text"),
    [(736.58, "736,6"), (1.1324, "1,13"), (0.0584, "0,058"), (26.0, "26"), (12_345.0, "12.345")],
)
def test_parameters_show_the_decimals_their_size_needs(value: float, text: str) -> None:
    assert number_text(value) == text
