"""Form fields every app shares, so a date or a number is read the same way on every page."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from regietafel.core.distribution import MAX_TOTAL
from regietafel.core.formatting import format_int_nl
from regietafel.core.periods import PeriodError, parse_day

DAY_FORMAT = "%Y-%m-%d"


class DayField(forms.DateField):
    """A date as the labels ask for it, JJJJ-MM-DD, shown the same way when filled in, and
    within the years regietafel holds (:func:`regietafel.core.periods.parse_day`).

    Django's own DateField also took "12-11-2021" and showed "02-01-2022" in a field
    labelled JJJJ-MM-DD, and took 9999-12-31, which broke every page that computes a week
    from it."""

    input_formats = [DAY_FORMAT]
    widget = forms.DateInput(format=DAY_FORMAT)

    def to_python(self, value: Any) -> date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        try:
            return parse_day(str(value))
        except PeriodError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class WholeNumberField(forms.IntegerField):
    """A whole number up to the largest count a user types anywhere (``MAX_TOTAL``, as the API
    and the command line limit ``totaal``) unless a smaller limit is given: twenty nines
    overflowed the database (a 500) instead of a Dutch message."""

    def __init__(self, *, max_value: int | None = None, **kwargs: Any) -> None:
        limit = MAX_TOTAL if max_value is None else max_value
        super().__init__(max_value=limit, **kwargs)
        # Django's own text writes the limit as 10000000; readers expect 10.000.000.
        self.error_messages["max_value"] = f"Kies hoogstens {format_int_nl(limit)}."
        if self.min_value is not None:
            self.error_messages["min_value"] = f"Kies minstens {format_int_nl(self.min_value)}."
