"""The filters of the reception pages: week, province and type, validated with Dutch messages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.core.rules import LocationType


class WeekField(forms.CharField):
    """An ISO week such as 2021-W45; empty means "the latest week with data"."""

    def to_python(self, value: Any) -> IsoWeek | None:  # type: ignore[override]  # returns a week, not text
        text = super().to_python(value)
        if not text:
            return None
        try:
            return IsoWeek.parse(text)
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error


class WeekForm(forms.Form):
    week = WeekField(
        label=_("Week"),
        required=False,
        help_text=_("ISO-week, bijvoorbeeld 2021-W45. Leeg: de laatste week met gegevens."),
    )


class LocationFilterForm(WeekForm):
    provincie = forms.ChoiceField(label=_("Provincie"), required=False)
    soort = forms.ChoiceField(label=_("Soort locatie"), required=False)

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provinces = [
            (p.code, p.name)
            for p in reference.provinces()
            if access.can_view_province_detail(user, p.code)
        ]
        province_field = self.fields["provincie"]
        type_field = self.fields["soort"]
        assert isinstance(province_field, forms.ChoiceField)
        assert isinstance(type_field, forms.ChoiceField)
        province_field.choices = [("", _("Alle provincies")), *provinces]
        type_field.choices = [("", _("Alle soorten")), *((t.value, t.label) for t in LocationType)]
