"""The upload form: parses and checks its input; checking the rows is the service's work."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.imports.models import Kind


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort bestand"), choices=Kind.choices)
    week = forms.CharField(
        label=_("Week"),
        max_length=10,
        help_text=_("ISO-week waarover het bestand gaat, bijvoorbeeld 2021-W45."),
        widget=forms.TextInput(attrs={"placeholder": "2021-W45", "autocomplete": "off"}),
    )
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("CSV (komma of puntkomma) of Excel (.xlsx), hoogstens 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_week(self) -> str:
        try:
            return IsoWeek.parse(self.cleaned_data["week"]).label
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit = int(settings.IMPORT_MAX_BYTES)
        if (upload.size or 0) > limit:
            raise forms.ValidationError(
                _("Het bestand is groter dan %(mb)s MB.") % {"mb": limit // (1024 * 1024)}
            )
        return upload
