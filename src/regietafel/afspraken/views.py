"""Pages of the agreements register: register, agreement, meetings, action list, annex.

Views parse input, call a selector or service and render; the rules (who may read or change
what, health, order) live in ``accounts.access``, the selectors and ``core.agreements``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from regietafel import reference
from regietafel.accounts import access
from regietafel.afspraken import documents, selectors, services
from regietafel.afspraken.models import Meeting
from regietafel.afspraken.tables import action_list_table, register_table
from regietafel.core.agreements import (
    AgreementStatus,
    DeadlineRule,
    MeetingKind,
    Party,
    next_meeting,
)
from regietafel.core.catalogue import CATALOGUE
from regietafel.core.formatting import format_date_nl, format_int_nl
from regietafel.core.periods import IsoWeek, PeriodError, parse_day
from regietafel.doelen.models import Target
from regietafel.errors import NoDataError
from regietafel.kerncijfers.selectors import week_or_default
from regietafel.presentation.forms import DayField
from regietafel.presentation.http import bad_request, table_csv

_HEALTH_CLASS = {"op-koers": "status--ok", "aandacht": "status--warn", "risico": "status--bad"}


def default_day() -> date:
    """Today, or the Sunday of the latest register's week when that lies earlier (demo)."""
    return min(timezone.localdate(), week_or_default(None).sunday)


def _day(request: HttpRequest, name: str = "datum", default: date | None = None) -> date:
    text = request.GET.get(name, "").strip()
    if not text:
        return default or default_day()
    try:
        return parse_day(text)
    except PeriodError as error:
        raise ValidationError(str(error)) from None


def _attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _province_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [(p.code, p.name) for p in reference.provinces()]


def _too_long(what: str, limit: int) -> dict[str, str]:
    """The form's message for a text over its limit, in the words of the service."""
    return {"max_length": f"{what} is langer dan {format_int_nl(limit)} tekens"}


def _figure_choices() -> list[tuple[str, str]]:
    """The key figures of the catalogue (a typed code that does not exist was stored)."""
    return [("", "—")] + [(f.code, f"{f.name} ({f.code})") for f in CATALOGUE]


class AgreementForm(forms.Form):
    meeting = forms.ModelChoiceField(label="Overleg", queryset=Meeting.objects.none())
    agenda_number = forms.IntegerField(label="Agendapunt (nummer)", min_value=1, required=False)
    text = forms.CharField(
        label="Afspraak",
        max_length=services.TEXT_MAX,
        error_messages=_too_long("de afspraak", services.TEXT_MAX),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    owner_party = forms.ChoiceField(
        label="Eigenaar (partij)", choices=[(p.value, p.label) for p in Party]
    )
    owner_role = forms.CharField(
        label="Eigenaar (rol, geen naam van een persoon)", max_length=120, required=False
    )
    deadline_rule = forms.ChoiceField(
        label="Soort deadline", choices=[(r.value, r.label) for r in DeadlineRule]
    )
    deadline = DayField(label="Deadline (JJJJ-MM-DD)", required=False)
    target = forms.ModelChoiceField(
        label="Gemeten via doel", queryset=Target.objects.all(), required=False
    )
    figure_code = forms.ChoiceField(label="Kerncijfer", choices=_figure_choices, required=False)
    figure_threshold = forms.IntegerField(label="Drempel kerncijfer", required=False)
    figure_date = DayField(label="Datum kerncijfer (JJJJ-MM-DD)", required=False)
    note = forms.CharField(
        label="Stand van zaken",
        max_length=services.NOTE_MAX,
        error_messages=_too_long("de stand van zaken", services.NOTE_MAX),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = [
            m.pk
            for m in Meeting.objects.all()
            if access.can_manage_agreements(user, m.kind, m.province_code)
        ]
        field = self.fields["meeting"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Meeting.objects.filter(pk__in=allowed).order_by("-date")


class UpdateForm(forms.Form):
    on = DayField(label="Datum (JJJJ-MM-DD)")
    status = forms.ChoiceField(
        label="Status", choices=[(s.value, s.label) for s in AgreementStatus]
    )
    note = forms.CharField(
        label="Stand van zaken",
        max_length=services.NOTE_MAX,
        error_messages=_too_long("de stand van zaken", services.NOTE_MAX),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    deadline = DayField(label="Nieuwe deadline (JJJJ-MM-DD, anders leeg)", required=False)


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label="Overleg", choices=[(k.value, k.label) for k in MeetingKind])
    province_code = forms.ChoiceField(
        label="Provincie (bij een PRT)", choices=_province_choices, required=False
    )
    on = DayField(label="Datum (JJJJ-MM-DD)")
    title = forms.CharField(
        label="Naam (bij een werkgroep)", max_length=services.TITLE_MAX, required=False
    )
    parties = forms.MultipleChoiceField(
        label="Aanwezige partijen",
        choices=[(p.value, p.label) for p in Party],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    agenda = forms.CharField(
        label="Agendapunten (één per regel)",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    note = forms.CharField(
        label="Toelichting",
        max_length=services.NOTE_MAX,
        error_messages=_too_long("de toelichting", services.NOTE_MAX),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        """Only the tables this user manages: a province user gets the own PRT only."""
        super().__init__(*args, **kwargs)
        own = access.own_province(user)
        kinds = [
            (k.value, k.label)
            for k in MeetingKind
            if access.can_manage_agreements(user, k.value, own or "")
        ]
        kind_field = self.fields["kind"]
        province_field = self.fields["province_code"]
        assert isinstance(kind_field, forms.ChoiceField)
        assert isinstance(province_field, forms.ChoiceField)
        kind_field.choices = kinds
        if own is not None:
            province_field.choices = [(own, reference.province(own).name)]
            province_field.initial = own


def _reviewed_message(new: int, listed: int) -> str:
    """How many agreements the review round marked now, and how many it had marked before."""
    text = f"{new} afspraken nieuw gemarkeerd als besproken."
    if new < listed:
        text += f" {listed - new} waren in dit overleg al als besproken gemarkeerd."
    return text


def _saved_message(day: date, shown: date) -> str:
    """A step dated after the day the page shows (the demo shows its register week) does not
    change what the page shows yet: say so instead of a plain "opgeslagen"."""
    if day <= shown:
        return "De stand van zaken is opgeslagen."
    return (
        f"De stand van zaken is opgeslagen met datum {format_date_nl(day)}; deze pagina toont "
        f"de stand op {format_date_nl(shown)}."
    )


def _errors_to_form(form: forms.Form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def _table_filter(request: HttpRequest) -> tuple[MeetingKind | None, str]:
    kind_text = request.GET.get("overleg", "").strip().upper()
    province = request.GET.get("provincie", "").strip()
    if not kind_text:
        return None, ""
    if kind_text == MeetingKind.PRT.value and not province:
        return MeetingKind.PRT, ""  # every PRT this user reads
    kind, code = selectors.check_table(request.user, kind_text, province)
    return kind, code


@login_required
@require_http_methods(["GET", "POST"])
def afspraken(request: HttpRequest) -> HttpResponse:
    """The register: every readable agreement with its state on a day; a form to add one."""
    form = AgreementForm(request.POST or None, user=request.user)
    field = form.fields["meeting"]
    assert isinstance(field, forms.ModelChoiceField)
    can_add = field.queryset.exists()  # type: ignore[union-attr]
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            target = data.pop("target")
            try:
                agreement = services.agreement_create(
                    actor=request.user, target_id=target.pk if target else None, **data
                )
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, f"Afspraak {agreement.number} is vastgelegd.")
                return redirect("afspraak-detail", number=agreement.number)
    try:
        on = _day(request)
        kind, province = _table_filter(request)
    except ValidationError as error:
        return bad_request(request, "; ".join(error.messages))
    except selectors.TableChoiceError as error:
        return bad_request(request, str(error))
    states = selectors.agreement_states(
        user=request.user,
        on=on,
        kind=kind,
        province_code=province,
        active_only=request.GET.get("alleen_lopend") == "1",
    )
    if request.GET.get("formaat") == "csv":
        return table_csv(register_table(states, on=on), f"afspraken-{on.isoformat()}.csv")
    return render(
        request,
        "afspraken/afspraken.html",
        {
            "rows": [
                (s, _HEALTH_CLASS.get(s.health.value, "") if s.health else "") for s in states
            ],
            "on": on,
            "kind": kind.value if kind else "",
            "province": province,
            "tables": [
                (k, c, selectors.table_name(k, c))
                for k, c in selectors.readable_tables(request.user)
            ],
            "form": form if can_add else None,
            "csv_query": urlencode(
                {
                    "datum": on.isoformat(),
                    "overleg": kind.value if kind else "",
                    "provincie": province,
                }
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def afspraak_detail(request: HttpRequest, number: str) -> HttpResponse:
    state = selectors.agreement_get(user=request.user, number=number, on=default_day())
    form = UpdateForm(
        request.POST or None, initial={"on": default_day(), "status": state.status.value}
    )
    if request.method == "POST":
        if not state.can_update:
            raise PermissionDenied
        if form.is_valid():
            try:
                update = services.agreement_update(
                    actor=request.user, agreement=state.agreement, **form.cleaned_data
                )
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, _saved_message(update.date, state.on))
                return redirect("afspraak-detail", number=state.number)
    return render(
        request,
        "afspraken/afspraak.html",
        {
            "state": state,
            "health_class": _HEALTH_CLASS.get(state.health.value, "") if state.health else "",
            "form": form if state.can_update else None,
            "can_move_deadline": state.can_manage,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def overleggen(request: HttpRequest) -> HttpResponse:
    """Meetings per table with the next meetings proposed by the cadence; a form to add one."""
    user = request.user
    can_add = access.can_manage_agreements(user, "LRT") or access.can_manage_agreements(
        user, "PRT", access.own_province(user) or ""
    )
    form = MeetingForm(request.POST or None, user=user) if can_add else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting = services.meeting_create(
                    actor=user,
                    kind=data["kind"],
                    on=data["on"],
                    province_code=data["province_code"] or "",
                    title=data["title"],
                    parties=data["parties"],
                    agenda=data["agenda"].splitlines(),
                    note=data["note"],
                )
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, f"Het overleg {meeting} is vastgelegd.")
                return redirect("overleg-detail", pk=meeting.pk)
    try:
        on = _day(request)
    except ValidationError as error:
        return bad_request(request, "; ".join(error.messages))
    meetings = selectors.meetings_visible(user).order_by("-date", "kind")
    return render(
        request,
        "afspraken/overleggen.html",
        {
            "on": on,
            "schedules": selectors.schedules(user=user, on=on),
            "meetings": [(m, selectors.table_name(m.kind, m.province_code)) for m in meetings],
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def overleg_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting: agenda, the agreements made there, and the review round of its action list."""
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    can_manage = access.can_manage_agreements(request.user, meeting.kind, meeting.province_code)
    listed = selectors.action_list(
        user=request.user, kind=meeting.kind, on=meeting.date, province_code=meeting.province_code
    )
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        deadlines: dict[str, date] = {}
        notes: dict[str, str] = {}
        problems = []
        for state in listed.rows:
            text = request.POST.get(f"deadline-{state.number}", "").strip()
            if text:
                try:  # the same reading as every date field (DayField): JJJJ-MM-DD, 2000-2100
                    deadlines[state.number] = parse_day(text)
                except PeriodError as error:
                    problems.append(f"{state.number}: {error}")
            note = request.POST.get(f"note-{state.number}", "").strip()
            if note:
                notes[state.number] = note
        if problems:
            messages.error(request, "; ".join(problems))
        else:
            try:
                done = services.meeting_review(
                    actor=request.user, meeting=meeting, deadlines=deadlines, notes=notes
                )
            except ValidationError as error:
                messages.error(request, "; ".join(error.messages))
            else:
                messages.success(request, _reviewed_message(len(done), len(listed.rows)))
        return redirect("overleg-detail", pk=meeting.pk)
    made = [
        s
        for s in selectors.agreement_states(user=request.user, on=max(meeting.date, default_day()))
        if s.agreement.meeting_id == meeting.pk
    ]
    return render(
        request,
        "afspraken/overleg.html",
        {
            "meeting": meeting,
            "name": selectors.table_name(meeting.kind, meeting.province_code),
            "parties": [Party(p).label for p in meeting.parties if p in Party._value2member_map_],
            "made": made,
            "listed": listed,
            "can_manage": can_manage,
            "note_max": services.NOTE_MAX,  # the review round's notes, as the service takes
        },
    )


@login_required
@require_http_methods(["GET"])
def actielijst(request: HttpRequest) -> HttpResponse:
    """The action list of a table for a date (web, CSV, PDF, Word)."""
    kind_text = request.GET.get("overleg", "LRT").strip().upper() or "LRT"
    province = request.GET.get("provincie", "").strip()
    try:
        text = request.GET.get("datum", "").strip()
        if text:
            on = parse_day(text)
        else:
            kind, code = selectors.check_table(request.user, kind_text, province)
            following = next_meeting(
                kind=kind,
                known=selectors.meeting_dates(kind, code),
                after=default_day() - timedelta(days=1),
            )
            if following is None:
                raise PeriodError("er is geen volgend overleg te berekenen; kies een datum")
            on = following
        listed = selectors.action_list(
            user=request.user, kind=kind_text, on=on, province_code=province
        )
    except (PeriodError, selectors.TableChoiceError) as error:
        return bad_request(request, str(error))
    where = f"-{listed.province_code}" if listed.province_code else ""
    stem = f"actielijst-{listed.kind.value}{where}-{on.isoformat()}"
    fmt = request.GET.get("formaat", "")
    if fmt == "csv":
        return table_csv(action_list_table(listed), f"{stem}.csv")
    if fmt == "pdf":
        return _attachment(documents.action_list_pdf(listed), f"{stem}.pdf", PDF)
    if fmt == "docx":
        return _attachment(documents.action_list_docx(listed), f"{stem}.docx", DOCX)
    query = urlencode(
        {"overleg": listed.kind.value, "provincie": listed.province_code, "datum": on.isoformat()}
    )
    return render(
        request,
        "afspraken/actielijst.html",
        {
            "listed": listed,
            "query": query,
            "tables": [
                (k, c, selectors.table_name(k, c))
                for k, c in selectors.readable_tables(request.user)
            ],
            "synthetic": selectors.is_synthetic(),
            "link": True,
        },
    )


@login_required
@require_http_methods(["GET"])
def bijlage(request: HttpRequest) -> HttpResponse:
    """The annex to the letter to parliament for a week (web, PDF, Word)."""
    try:
        text = request.GET.get("week", "").strip()
        week = week_or_default(text)
    except PeriodError as error:
        return bad_request(request, str(error))
    fmt = request.GET.get("formaat", "")
    try:
        annex = selectors.annex(user=request.user, week=week)
    except NoDataError as error:
        # Nothing is written from a week without data; the page says so and offers the week.
        status = 404 if fmt in {"pdf", "docx"} else 200
        context = {"week": week, "no_data": str(error)}
        return render(request, "afspraken/bijlage.html", context, status=status)
    stem = f"bijlage-opgave-afspraken-{week.label}"
    if fmt == "pdf":
        return _attachment(documents.annex_pdf(annex), f"{stem}.pdf", PDF)
    if fmt == "docx":
        return _attachment(documents.annex_docx(annex), f"{stem}.docx", DOCX)
    return render(request, "afspraken/bijlage.html", {"annex": annex})


@login_required
@require_POST
def van_boodschap(request: HttpRequest) -> HttpResponse:
    """A boodschappenlijst item becomes an agreement (the button on the list); back to the list."""
    scope = request.POST.get("scope", "NL")
    try:
        week = IsoWeek.parse(request.POST.get("week", "").strip())
        agreement = services.agreement_from_shopping_item(
            actor=request.user, scope=scope, key=request.POST.get("key", ""), week=week
        )
    except (PeriodError, reference.ReferenceDataError) as error:
        return bad_request(request, str(error))
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
        week_label = request.POST.get("week", "")
    else:
        messages.success(request, f"De boodschap is afspraak {agreement.number} geworden.")
        week_label = week.label
    query = urlencode({"week": week_label, "scope": scope})
    return redirect(f"{reverse('boodschappenlijst')}?{query}")
