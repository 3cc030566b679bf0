"""The title in "Download als CSV: …" keeps the capitals of abbreviations."""

from __future__ import annotations

import pytest

from regietafel.presentation.http import html_table
from regietafel.presentation.tables import Column, ResultTable


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Opgeslagen MPP-cijfers", "opgeslagen MPP-cijfers"),
        ("Bufferbeleid vergeleken (kosten COA 2022)", "bufferbeleid vergeleken (kosten COA 2022)"),
        ("MPP-cijfers", "MPP-cijfers"),
        ("COA 2022", "COA 2022"),
        ("Per week: mediaan en banden", "per week: mediaan en banden"),
        ("A", "a"),
    ],
)
def test_only_the_first_letter_of_an_ordinary_word_is_lowered(title: str, expected: str) -> None:
    table = html_table(ResultTable("t", title, (Column("a", "a"),), ()))
    assert table.title_in_sentence == expected
