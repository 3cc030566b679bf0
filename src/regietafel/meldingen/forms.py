"""The subscription form; which boxes show depends on the role (set by the view)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class SubscriptionForm(forms.Form):
    national = forms.BooleanField(
        label=_("Landelijk weekrapport (LRT)"),
        required=False,
        help_text=_("Een e-mail zodra het landelijke rapport van een week is gepubliceerd."),
    )
    own_province = forms.BooleanField(
        label=_("Weekrapport van mijn provincie"),
        required=False,
        help_text=_("Een e-mail zodra het rapport van uw provincie is gepubliceerd."),
    )

    def __init__(self, *args: object, province_name: str | None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if province_name is None:
            del self.fields["own_province"]
        else:
            self.fields["own_province"].label = _("Weekrapport van mijn provincie (%(name)s)") % {
                "name": province_name
            }
