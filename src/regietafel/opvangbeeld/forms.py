"""The form to choose a week's need policy; parsing only, the rules are in the service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from regietafel.core.need_policy import CHOOSABLE_POLICIES


class NeedPolicyForm(forms.Form):
    policy = forms.ChoiceField(
        label=_("Behoeftebeleid voor deze week"),
        choices=[
            (p.key, f"{p.label} — bron: {p.source}" if p.source.strip("— ") else p.label)
            for p in CHOOSABLE_POLICIES
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reden"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld het LRT-besluit of de notulen waarin het beleid is gekozen."),
    )
