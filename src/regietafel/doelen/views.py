"""The doelen page: every target with its progress, and a form for national users."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from regietafel import reference
from regietafel.accounts import access
from regietafel.core.periods import PeriodError
from regietafel.core.rules import NeedCategory, TargetStatus
from regietafel.doelen.models import Unit
from regietafel.doelen.selectors import targets_visible_to
from regietafel.doelen.services import target_create
from regietafel.doelen.tables import targets_table
from regietafel.errors import NoDataError
from regietafel.imports.selectors import no_register_reason
from regietafel.kerncijfers.selectors import targets_for, week_or_default
from regietafel.presentation.forms import DayField, WholeNumberField
from regietafel.presentation.http import bad_request, table_csv

_STATUS_CLASS = {
    TargetStatus.MET: "status--ok",
    TargetStatus.ON_TRACK: "status--ok",
    TargetStatus.BEHIND: "status--warn",
    TargetStatus.LATE: "status--bad",
}


class TargetForm(forms.Form):
    title = forms.CharField(label="Omschrijving", max_length=200)
    category = forms.ChoiceField(
        label="Soort opvang", choices=[(c.value, c.label) for c in NeedCategory]
    )
    unit = forms.ChoiceField(label="Eenheid", choices=Unit.choices)
    quantity = WholeNumberField(label="Aantal", min_value=1)
    quantity_max = WholeNumberField(
        label="Maximaal aantal (bij een bandbreedte, anders leeg)", min_value=1, required=False
    )
    start = DayField(label="Telt vanaf (JJJJ-MM-DD)")
    agreed_on = DayField(label="Afgesproken op (JJJJ-MM-DD; leeg: de startdatum)", required=False)
    deadline = DayField(label="Uiterlijk (JJJJ-MM-DD)")
    province_code = forms.ChoiceField(
        label="Gebied",
        required=False,
        choices=[("", "landelijk")] + [(p.code, p.name) for p in reference.provinces()],
    )
    note = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)


@login_required
@require_http_methods(["GET", "POST"])
def doelen(request: HttpRequest) -> HttpResponse:
    can_manage = access.can_manage_targets(request.user)
    form = TargetForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if not can_manage or form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                target_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    for problem in problems:
                        form.add_error(field if field in form.fields else None, problem)
            else:
                messages.success(request, "Het doel is vastgelegd.")
                return redirect("doelen")
    try:
        text = request.GET.get("week", "").strip()
        week = week_or_default(text)
    except PeriodError as error:
        return bad_request(request, str(error))
    progress = targets_for(user=request.user, week=week)
    unmeasured = (
        targets_visible_to(request.user, running_on=week.monday) if progress is None else ()
    )
    if request.GET.get("formaat") == "csv":
        if progress is None:  # unknown progress: a file of "geen gegevens" (or only a header)
            raise NoDataError(no_register_reason(week))
        table = targets_table(progress)
        return table_csv(table, f"doelen-{week.label}.csv")
    rows = [(p, _STATUS_CLASS[p.status]) for p in progress or ()]
    return render(
        request,
        "doelen/doelen.html",
        {
            "rows": rows,
            "unmeasured": unmeasured,
            "measured": progress is not None,
            "week": week,
            "form": form,
            "can_manage": can_manage,
        },
        status=400 if form is not None and form.is_bound else 200,
    )
