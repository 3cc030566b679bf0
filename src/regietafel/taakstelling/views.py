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
from regietafel.core.periods import PeriodError
from regietafel.core.rules import ScheduleClass
from regietafel.core.taakstelling import ProgressRow, TaakstellingError
from regietafel.presentation.http import csv_response, query_params, wants_csv
from regietafel.presentation.tables import sort_headers
from regietafel.taakstelling import selectors, services, tables
from regietafel.taakstelling.forms import TaakstellingSetForm

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
    "percentage",
    "schema",
]


def progress_csv_row(row: ProgressRow) -> list[Any]:
    """One progress row as the downloads write it (shared with the province page)."""
    return [
        row.code,
        row.name,
        row.province,
        row.taakstelling,
        row.arrears,
        row.corrected,
        row.housed,
        row.remaining,
        round(row.expected, 1),
        None if row.percentage is None else round(row.percentage, 1),
        row.schedule.label,
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
                    *progress_csv_row(p.total.row)[:2],
                    *progress_csv_row(p.total.row)[3:],
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
        # "Who is behind": the selector's order (largest arrears on schedule first) stands
        # until the user sorts on a column.
        rows = [r for r in view.municipalities if schedule is None or r.schedule is schedule]
    else:
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
