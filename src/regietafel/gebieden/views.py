"""Pages for provinces and municipalities; every table can be downloaded as CSV.

Tables sort and filter on the server by query parameters (``?sorteer=…&richting=af``,
``?klasse=…``, ``?provincie=…``), with the helpers of ``presentation.tables``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from regietafel import reference
from regietafel.accounts import access
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.core.rules import ScheduleClass
from regietafel.errors import NoDataError
from regietafel.gebieden import selectors
from regietafel.gebieden.maps import schedule_map
from regietafel.presentation.http import bad_request, csv_response, query_params, wants_csv
from regietafel.presentation.tables import (
    Column,
    Sorting,
    dutch_collation_key,
    filter_rows,
    parse_sorting,
    sort_headers,
    sort_rows,
)
from regietafel.reference import Municipality
from regietafel.taakstelling import tables as progress_tables
from regietafel.taakstelling.views import PROGRESS_HEADER, progress_csv_row


@login_required
def province_list(request: HttpRequest) -> HttpResponse:
    provinces = selectors.provinces_list(user=request.user)
    if wants_csv(request):
        return csv_response(
            "provincies",
            ["provinciecode", "provincie", "inwoners", "gemeenten"],
            ([p.code, p.name, p.inhabitants, p.municipalities] for p in provinces),
        )
    return render(
        request,
        "gebieden/provinces.html",
        {
            "provinces": provinces,
            "on": selectors.reference_date(user=request.user),
            "total_inhabitants": sum(p.inhabitants for p in provinces),
            "total_municipalities": sum(p.municipalities for p in provinces),
        },
    )


@login_required
def province_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        week = IsoWeek.parse_optional(request.GET.get("week"))
    except PeriodError as error:
        return bad_request(request, str(error))
    detail = selectors.province_get(user=request.user, code=code, week=week)
    params = query_params(request)
    sorting = progress_tables.progress_sorting(params)
    schedule = progress_tables.schedule_filter(params)
    rows = progress_tables.progress_table(
        detail.progress.municipalities if detail.progress else (), sorting, schedule
    )
    if wants_csv(request) and request.GET.get("tabel") == "taakstelling":
        if detail.progress is None:  # a file with only a header would read as no municipality
            raise NoDataError(detail.no_progress_reason)
        return csv_response(
            f"taakstelling-{detail.progress.period.label}-{detail.province.code}",
            PROGRESS_HEADER,
            (progress_csv_row(row) for row in rows),
        )
    if wants_csv(request):
        return csv_response(
            f"gemeenten-{detail.province.code}",
            ["gemeentecode", "gemeente", "inwoners"],
            ([m.code, m.name, m.inhabitants] for m in detail.municipalities),
        )
    context: dict[str, object] = {"detail": detail, "week": week}
    if detail.progress is not None:
        context |= {
            "rows": rows,
            "headers": sort_headers(
                progress_tables.PROGRESS_COLUMNS, sorting, params, anchor="voortgang"
            ),
            "total": progress_tables.progress_sum(
                rows, months_elapsed=detail.progress.months_elapsed
            ),
            "classes": list(ScheduleClass),
            "schedule": schedule.value if schedule else "",
            "sorting": sorting,
            "map": schedule_map(
                detail.progress.municipalities,
                on=detail.on,
                province=detail.province.code,
                week=week.label if week else None,
                title=_("Voortgang taakstelling %(label)s per gemeente in %(name)s")
                % {"label": detail.progress.period.label, "name": detail.province.name},
            ),
        }
    return render(request, "gebieden/province_detail.html", context)


MUNICIPALITY_COLUMNS: tuple[Column, ...] = (
    Column("gemeente", "Gemeente"),
    Column("code", "Code"),
    Column("provincie", "Provincie"),
    Column("inwoners", "Inwoners", "int"),
    Column("gecorrigeerd", "Gecorrigeerde taakstelling", "int"),
    Column("achterstand", "Achterstand", "int"),
    Column("gehuisvest", "Gehuisvest", "int"),
    Column("gerealiseerd", "Gerealiseerd", "decimal", 1),
    Column("schema", "Schema"),
)
_ROW_VALUES: Mapping[str, Callable[[selectors.MunicipalityRow], object]] = {
    "gemeente": lambda r: r.municipality.name,
    "code": lambda r: r.municipality.code,
    "provincie": lambda r: r.province_name,
    "inwoners": lambda r: r.municipality.inhabitants,
    "gecorrigeerd": lambda r: r.progress.corrected if r.progress else None,
    "achterstand": lambda r: r.progress.arrears if r.progress else None,
    "gehuisvest": lambda r: r.progress.housed if r.progress else None,
    "gerealiseerd": lambda r: r.progress.percentage if r.progress else None,
    "schema": lambda r: progress_tables.schedule_order(r.progress.schedule) if r.progress else None,
}


def _matches(municipality: Municipality, text: str) -> bool:
    """Search without case, accents or hyphens ("fryslan" finds Súdwest-Fryslân)."""
    folded = dutch_collation_key(text)[0]
    name = dutch_collation_key(municipality.name)[0]
    return folded in name or folded in municipality.code.casefold()


@login_required
def municipality_list(request: HttpRequest) -> HttpResponse:
    params = query_params(request)
    try:
        week = IsoWeek.parse_optional(params.get("week"))
    except PeriodError as problem:
        return bad_request(request, str(problem))
    overview = selectors.municipalities_overview(user=request.user, week=week)
    search = params.get("zoek", "").strip()
    if search:
        exact = selectors.municipality_lookup(search, overview.on)
        if exact is not None:
            return redirect("gemeente-detail", code=exact.code)
    # A province user's list starts at the own province; "Alle provincies" sends it empty.
    default = access.own_province(request.user) if "provincie" not in params else None
    province = params.get("provincie") or default
    error = None
    if province is not None:
        try:
            province = reference.province(province).code
        except reference.ReferenceDataError as problem:
            error, province = str(problem), None
    schedule = progress_tables.schedule_filter(params)
    sorting = parse_sorting(params, _ROW_VALUES, Sorting("gemeente"))
    rows = list(overview.rows)
    if search:
        rows = [r for r in rows if _matches(r.municipality, search)]
    rows = filter_rows(rows, lambda r: r.municipality.province_code, province)
    rows = filter_rows(
        rows,
        lambda r: progress_tables.schedule_value(r.progress.schedule) if r.progress else "",
        schedule.value if schedule else None,
    )
    rows = sort_rows(rows, _ROW_VALUES[sorting.key], descending=sorting.descending)
    if wants_csv(request) and error is None:
        return csv_response(
            f"gemeenten-{province}" if province else "gemeenten",
            ["gemeentecode", "gemeente", "provinciecode", "provincie", "inwoners"],
            (
                [
                    r.municipality.code,
                    r.municipality.name,
                    r.municipality.province_code,
                    r.province_name,
                    r.municipality.inhabitants,
                ]
                for r in rows
            ),
        )
    view = overview.progress
    own = {r.progress.province for r in overview.rows if r.progress is not None}
    map_province = province or (next(iter(own)) if len(own) == 1 else None)
    map_rows = [
        r.progress
        for r in overview.rows
        if r.progress is not None and map_province in (None, r.municipality.province_code)
    ]
    return render(
        request,
        "gebieden/municipalities.html",
        {
            "rows": rows,
            "headers": sort_headers(MUNICIPALITY_COLUMNS, sorting, params, anchor="gemeenten"),
            "provinces": sorted(selectors.province_names().items()),
            "selected": province or "",
            "classes": list(ScheduleClass),
            "schedule": schedule.value if schedule else "",
            "search": search,
            "sorting": sorting,
            "error": error,
            "on": overview.on,
            "view": view,
            "week": week,
            "partial": any(not r.detail_allowed for r in overview.rows),
            "map": schedule_map(
                map_rows,
                on=overview.on,
                province=map_province,
                week=week.label if week else None,
                title=_("Voortgang taakstelling %(label)s per gemeente")
                % {"label": view.period.label},
            )
            if view is not None and map_rows
            else None,
        },
        status=400 if error else 200,
    )


@login_required
def municipality_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        week = IsoWeek.parse_optional(request.GET.get("week"))
    except PeriodError as error:
        return bad_request(request, str(error))
    detail = selectors.municipality_get(user=request.user, code=code, week=week)
    if wants_csv(request):
        if detail.no_history_reason is not None:
            raise NoDataError(detail.no_history_reason)
        return csv_response(
            f"taakstelling-{detail.municipality.code}",
            ["periode", "stand_week", *PROGRESS_HEADER],  # one row per half year
            (
                [h.label, h.week, *progress_csv_row(h.row)]
                for h in detail.history
                if h.row is not None
            ),
        )
    return render(request, "gebieden/municipality_detail.html", {"detail": detail, "week": week})
