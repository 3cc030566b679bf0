"""The form the national table uses to set a period; parsing only, the rules are in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from regietafel.core.apportionment import Method
from regietafel.core.periods import Period, PeriodError
from regietafel.core.supervision import Verdict
from regietafel.presentation.forms import DAY_FORMAT, DayField, WholeNumberField

_DATE_INPUT = forms.DateInput(format=DAY_FORMAT, attrs={"type": "date"})
"""The browser's date picker; it sends and shows JJJJ-MM-DD, as ``DayField`` reads it."""


class TaakstellingSetForm(forms.Form):
    period = forms.CharField(
        label=_("Periode"),
        max_length=10,
        help_text=_("Jaar en halfjaar, bijvoorbeeld 2022-I of 2022-II."),
    )
    national_total = WholeNumberField(
        label=_("Landelijke taakstelling (personen)"), min_value=1, max_value=1_000_000
    )
    population_date = DayField(
        label=_("Peildatum inwoners (optioneel)"),
        required=False,
        widget=_DATE_INPUT,
        help_text=_("Leeg: 1 januari van het jaar van de periode (of de laatste CBS-cijfers)."),
    )
    method = forms.ChoiceField(
        label=_("Afrondingsmethode"),
        choices=[(m.value, m.label) for m in Method],
        initial=Method.HAMILTON.value,
    )
    source = forms.CharField(
        label=_("Bron (optioneel)"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld de publicatie in de Staatscourant."),
    )

    def clean_period(self) -> str:
        try:
            return Period.parse(self.cleaned_data["period"]).label
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error


class RevisionForm(forms.Form):
    """A revised national total during the period (a new version); parsing only."""

    national_total = WholeNumberField(
        label=_("Nieuw landelijk totaal (personen)"), min_value=1, max_value=1_000_000
    )
    decided_on = DayField(label=_("Vastgesteld op"), widget=_DATE_INPUT)
    source = forms.CharField(
        label=_("Bron"),
        max_length=300,
        help_text=_("Het besluit, de Kamerbrief of de circulaire met het nieuwe totaal."),
    )


class JudgementForm(forms.Form):
    """The province's judgement of one municipality; the municipality list is the province's."""

    municipality = forms.ChoiceField(label=_("Gemeente"))
    verdict = forms.ChoiceField(
        label=_("Oordeel"), choices=[(v.value, v.label) for v in Verdict], widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij 'voldoet niet': waarom, en wat is afgesproken."),
    )

    def __init__(self, *args: Any, municipalities: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = municipalities
