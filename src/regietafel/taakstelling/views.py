"""Taakstelling pages: the periods, setting a new one, and progress per period and week."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from regietafel import reference
from regietafel.accounts import access
from regietafel.core.apportionment import Method
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.core.rules import ScheduleClass
from regietafel.core.supervision import LADDER
from regietafel.core.taakstelling import ProgressAggregate, ProgressRow, TaakstellingError
from regietafel.errors import NoDataError
from regietafel.presentation.http import csv_response, query_params, wants_csv
from regietafel.presentation.tables import sort_headers
from regietafel.taakstelling import selectors, services, tables
from regietafel.taakstelling.forms import JudgementForm, RevisionForm, TaakstellingSetForm

PROGRESS_HEADER = [
    "gemeentecode",
    "gemeente",
    "provincie",
    "taakstelling",
    "achterstand",
    "gecorrigeerde_taakstelling",
    "gehuisvest",
    "resterend",
    "verwacht",
    "achter_op_schema",
    "percentage",
    "schema",
]


def progress_csv_row(row: ProgressRow) -> list[Any]:
    """One progress row as the downloads write it (shared with the province page); an
    unknown figure (no realisation about the period yet) is an empty cell, never 0."""
    return _progress_values(row, row.schedule_arrears)


def aggregate_csv_row(total: ProgressAggregate) -> list[Any]:
    """A province's totals as the downloads write them: its arrears on schedule summed per
    municipality (as the card), not the gap of the summed row."""
    return _progress_values(total.row, total.schedule_arrears)


def _progress_values(row: ProgressRow, schedule_arrears: int | None) -> list[Any]:
    """The core's figures as plain numbers: a CSV is read by machines, which round
    themselves; pages round through the core's notation."""
    return [
        row.code,
        row.name,
        row.province,
        row.taakstelling,
        row.arrears,
        row.corrected,
        row.housed,
        row.remaining,
        row.expected,
        schedule_arrears,
        row.percentage,
        None if row.schedule is None else row.schedule.label,
    ]


@login_required
def period_list(request: HttpRequest) -> HttpResponse:
    return _render_list(request, TaakstellingSetForm() if _may_set(request) else None)


@login_required
@require_http_methods(["GET", "POST"])
def period_set(request: HttpRequest) -> HttpResponse:
    if not _may_set(request):
        raise PermissionDenied
    if request.method != "POST":
        return _render_list(request, TaakstellingSetForm())
    form = TaakstellingSetForm(request.POST)
    if form.is_valid():
        try:
            period = services.taakstelling_set(
                actor=request.user,
                period=form.cleaned_data["period"],
                national_total=form.cleaned_data["national_total"],
                population_date=form.cleaned_data["population_date"],
                method=form.cleaned_data["method"],
                source=form.cleaned_data["source"],
            )
        except (TaakstellingError, PeriodError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Taakstelling %(label)s is vastgesteld.") % {"label": period.label}
            )
            return redirect("taakstelling-detail", label=period.label)
    return _render_list(request, form, status=400)


def _may_set(request: HttpRequest) -> bool:
    return access.can_set_taakstelling(request.user)


def _render_list(
    request: HttpRequest, form: TaakstellingSetForm | None, status: int = 200
) -> HttpResponse:
    periods = selectors.periods_list(user=request.user)
    if wants_csv(request):
        return csv_response(
            "taakstelling-periodes",
            [
                "periode",
                "landelijke_taakstelling",
                "peildatum",
                "methode",
                "vastgesteld_door",
                "vastgesteld_op",
                "bron",
            ],
            (
                [
                    p.label,
                    p.national_total,
                    p.population_date.isoformat(),
                    p.method,
                    p.set_by.get_username() if p.set_by else "systeem",
                    p.set_at.isoformat(),
                    p.source,
                ]
                for p in periods
            ),
        )
    methods = {m.value: m.label for m in Method}
    rows = [{"period": p, "method_label": methods.get(p.method, p.method)} for p in periods]
    return render(request, "taakstelling/list.html", {"rows": rows, "form": form}, status=status)


@login_required
def period_detail(request: HttpRequest, label: str) -> HttpResponse:
    period = selectors.period_get(user=request.user, label=label)
    week = request.GET.get("week") or selectors.default_week(period)
    province = request.GET.get("provincie") or None
    try:
        view = selectors.progress(
            user=request.user,
            label=period.label,
            week=week,
            province=province,
            behind_only=request.GET.get("achter") == "1",
        )
    except (PeriodError, reference.ReferenceDataError) as error:
        return render(
            request,
            "taakstelling/detail.html",
            {"period": period, "error": str(error), "week": week},
            status=400,
        )
    except NoDataError as error:
        # A week before the period: the page says why there is nothing; a download of it
        # would be an empty file that reads as nothing to do.
        status = 404 if wants_csv(request) else 200
        context = {"period": period, "no_data": str(error), "week": IsoWeek.parse(week).label}
        return render(request, "taakstelling/detail.html", context, status=status)
    if wants_csv(request) and request.GET.get("tabel") == "provincies":
        return csv_response(
            f"taakstelling-{period.label}-{view.week.label}-provincies",
            [
                "provinciecode",
                "provincie",
                *PROGRESS_HEADER[3:],
                "gemeenten_op_schema",
                "gemeenten_enigszins_achter",
                "gemeenten_ver_achter",
            ],
            (
                [
                    *aggregate_csv_row(p.total)[:2],
                    *aggregate_csv_row(p.total)[3:],
                    p.total.on_schedule,
                    p.total.somewhat_behind,
                    p.total.far_behind,
                ]
                for p in view.provinces
            ),
        )
    params = query_params(request)
    sorting = tables.progress_sorting(params)
    schedule = tables.schedule_filter(params)
    if view.behind_only and "sorteer" not in params:
        # "Who is behind": largest arrears on schedule first, with the arrow on that column,
        # until the user sorts on another.
        sorting = tables.BEHIND_SORTING
    rows = tables.progress_table(view.municipalities, sorting, schedule)
    if wants_csv(request):
        suffix = f"-{view.province_filter}" if view.province_filter else ""
        return csv_response(
            f"taakstelling-{period.label}-{view.week.label}{suffix}",
            PROGRESS_HEADER,
            (progress_csv_row(row) for row in rows),
        )
    allowed = [p for p in view.provinces if p.detail_allowed]
    return render(
        request,
        "taakstelling/detail.html",
        {
            "period": period,
            "view": view,
            "week": view.week.label,
            "allowed_provinces": allowed,
            "rows": rows,
            "headers": sort_headers(tables.PROGRESS_COLUMNS, sorting, params, anchor="voortgang"),
            "total": tables.progress_sum(rows, months_elapsed=view.months_elapsed),
            "classes": list(ScheduleClass),
            "schedule": schedule.value if schedule else "",
            "sorting": sorting,
        },
    )


def _cycle_province(request: HttpRequest) -> str | None:
    """The province whose municipalities the cycle page shows: a province user's own, or the
    one chosen (only if the user may see it in detail)."""
    own = access.own_province(request.user)
    if own is not None:
        return own
    chosen = (request.GET.get("provincie") or request.POST.get("provincie") or "").strip()
    if not chosen:
        return None
    try:
        code = reference.province(chosen).code
    except reference.ReferenceDataError:
        return None
    return code if access.can_view_province_detail(request.user, code) else None


def _version(items: list[Any], raw: str | None, default: Any) -> Any:
    return next((v for v in items if str(v.number) == (raw or "").strip()), default)


def _render_cycle(
    request: HttpRequest,
    period: Any,
    *,
    revision: RevisionForm | None = None,
    judgement: JudgementForm | None = None,
    status: int = 200,
) -> HttpResponse:
    all_versions = selectors.versions(user=request.user, period=period)
    context: dict[str, Any] = {"period": period, "versions": all_versions}
    province = _cycle_province(request)
    if len(all_versions) > 1:
        after = _version(all_versions, request.GET.get("naar"), all_versions[-1])
        before = _version(all_versions, request.GET.get("van"), all_versions[-2])
        context.update(
            before=before,
            after=after,
            changes=selectors.version_changes(
                user=request.user,
                period=period,
                before=before,
                after=after,
                province_code=province,
            ),
        )
    if access.can_revise_taakstelling(request.user):
        context["revision"] = revision or RevisionForm()
    context["province"] = reference.province(province) if province else None
    context["provinces"] = [
        p for p in reference.provinces() if access.can_view_province_detail(request.user, p.code)
    ]
    if province is not None:
        histories = selectors.judgement_histories(user=request.user, province_code=province)
        context["histories"] = histories
        context["months"] = selectors.monthly_realisation(
            user=request.user, period=period, municipality_codes=[h.code for h in histories]
        )
        context["month_rows"] = [
            (h, context["months"][h.code], h.for_period(period.label)) for h in histories
        ]
        context["periods_judged"] = sorted(
            {j.period_label for h in histories for j in h.by_period},
            key=lambda label: (label.split("-")[0], len(label)),
        )
        if access.can_record_judgement(request.user, province):
            context["judgement"] = judgement or JudgementForm(
                municipalities=[(h.code, h.name) for h in histories]
            )
    context["ladder"] = LADDER
    return render(request, "taakstelling/cyclus.html", context, status=status)


@login_required
def period_cycle(request: HttpRequest, label: str) -> HttpResponse:
    period = selectors.period_get(user=request.user, label=label)
    return _render_cycle(request, period)


@login_required
@require_http_methods(["GET", "POST"])
def period_revise(request: HttpRequest, label: str) -> HttpResponse:
    period = selectors.period_get(user=request.user, label=label)
    if not access.can_revise_taakstelling(request.user):
        raise PermissionDenied
    if request.method != "POST":
        return _render_cycle(request, period)
    form = RevisionForm(request.POST)
    if form.is_valid():
        try:
            version = services.taakstelling_revise(
                actor=request.user,
                period=period.label,
                national_total=form.cleaned_data["national_total"],
                decided_on=form.cleaned_data["decided_on"],
                source=form.cleaned_data["source"],
            )
        except TaakstellingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Versie %(n)s van de taakstelling %(label)s is vastgelegd.")
                % {"n": version.number, "label": period.label},
            )
            return redirect("taakstelling-cyclus", label=period.label)
    return _render_cycle(request, period, revision=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def judgement_add(request: HttpRequest, label: str) -> HttpResponse:
    period = selectors.period_get(user=request.user, label=label)
    province = access.own_province(request.user)
    if province is None or not access.can_record_judgement(request.user, province):
        raise PermissionDenied
    if request.method != "POST":
        return _render_cycle(request, period)
    histories = selectors.judgement_histories(user=request.user, province_code=province)
    form = JudgementForm(request.POST, municipalities=[(h.code, h.name) for h in histories])
    if form.is_valid():
        try:
            services.judgement_record(
                actor=request.user,
                period=period.label,
                municipality_code=form.cleaned_data["municipality"],
                verdict=form.cleaned_data["verdict"],
                reason=form.cleaned_data["reason"],
            )
        except TaakstellingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het oordeel is vastgelegd."))
            return redirect("taakstelling-cyclus", label=period.label)
    return _render_cycle(request, period, judgement=form, status=400)
