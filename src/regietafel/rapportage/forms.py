from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class PublishForm(forms.Form):
    week = forms.CharField(
        label=_("Week"), max_length=10, help_text=_("ISO-week, bijvoorbeeld 2021-W45")
    )
    scope = forms.ChoiceField(label=_("Rapport"), choices=())
    note = forms.CharField(
        label=_("Toelichting (verplicht bij een correctie)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: object, scopes: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's loose signature
        field = self.fields["scope"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = scopes
