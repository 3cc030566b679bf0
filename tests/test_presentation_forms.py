"""The shared form fields: one reading of a typed date and a typed count on every page."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms

from regietafel.presentation.forms import DayField, WholeNumberField


class Example(forms.Form):
    on = DayField()
    amount = WholeNumberField(min_value=0)


def test_a_day_is_read_and_shown_as_jjjj_mm_dd() -> None:
    form = Example({"on": "2021-11-15", "amount": "600"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"on": date(2021, 11, 15), "amount": 600}
    shown = Example(initial={"on": date(2022, 1, 2), "amount": 1})
    assert 'value="2022-01-02"' in str(shown["on"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12-11-2021", "onbekende datum '12-11-2021': schrijf JJJJ-MM-DD"),
        ("9999-12-31", "kies een datum in de jaren 2000 t/m 2100"),
        ("1999-12-31", "kies een datum in de jaren 2000 t/m 2100"),
    ],
)
def test_a_day_in_another_notation_or_out_of_range_is_refused(text: str, message: str) -> None:
    form = Example({"on": text, "amount": "1"})
    assert not form.is_valid()
    assert form.errors["on"] == [message]


def test_a_count_beyond_ten_million_is_refused_not_a_database_overflow() -> None:
    form = Example({"on": "2021-11-15", "amount": "99999999999999999999"})
    assert not form.is_valid()
    assert form.errors["amount"] == ["Kies hoogstens 10.000.000."]
    assert Example({"on": "2021-11-15", "amount": "-1"}).errors["amount"] == ["Kies minstens 0."]
    assert Example({"on": "2021-11-15", "amount": "10000000"}).is_valid()
