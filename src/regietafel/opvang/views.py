"""Reception pages: locations with per-province totals, one location, the national series.

Thin: read the filters, call ``opvang.selectors``, render the page or its CSV.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from regietafel.accounts import access
from regietafel.core.confidentiality import SUPPRESSED_TEXT
from regietafel.core.periods import IsoWeek
from regietafel.core.rules import LocationType
from regietafel.errors import NoDataError
from regietafel.imports.models import Kind
from regietafel.imports.selectors import no_data_reason, no_register_reason
from regietafel.opvang import selectors
from regietafel.opvang.forms import LocationFilterForm, WeekForm
from regietafel.opvang.selectors import LocationRow, ProvinceAggregate, SeriesOverview
from regietafel.presentation.http import csv_response, query_params
from regietafel.presentation.tables import Column, Sorting, parse_sorting, sort_headers, sort_rows


def _require_view(request: HttpRequest) -> None:
    if not access.can_view(request.user):
        raise PermissionDenied


def _week(form: WeekForm, *, kind: str) -> IsoWeek | None:
    week: IsoWeek | None = form.cleaned_data.get("week")
    return week or selectors.latest_week(kind=kind)


def _wants_csv(request: HttpRequest) -> bool:
    return request.GET.get("formaat") == "csv"


def _yes_no(value: bool) -> str:
    return _("ja") if value else _("nee")


def _locations_csv(rows: list[LocationRow], week: IsoWeek) -> HttpResponse:
    header = [
        _("code"),
        _("naam"),
        _("gemeentecode"),
        _("gemeente"),
        _("provincie"),
        _("soort"),
        _("capaciteit"),
        _("bezetting"),
        _("start"),
        _("einde"),
        _("vertrouwelijk"),
    ]
    return csv_response(
        f"opvanglocaties-{week.label}.csv",
        header,
        (
            [
                row.code,
                row.name,
                row.municipality_code,
                row.municipality_name,
                row.province_name,
                row.type_label,
                row.capacity,
                _("vertrouwelijk") if row.occupancy is None else row.occupancy,
                row.start_date.isoformat(),
                row.end_date.isoformat() if row.end_date else _("structureel"),
                _yes_no(row.confidential),
            ]
            for row in rows
        ),
    )


def _aggregates_csv(
    rows: list[ProvinceAggregate], national: ProvinceAggregate | None, week: IsoWeek
) -> HttpResponse:
    """The provinces, then the national row the page shows under its table."""
    header = [
        _("provinciecode"),
        _("provincie"),
        _("locaties"),
        _("capaciteit"),
        _("bezetting"),
        _("structurele capaciteit"),
        _("tijdelijke capaciteit"),
    ]
    return csv_response(
        f"opvang-per-provincie-{week.label}.csv",
        header,
        (
            [
                row.province_code,
                row.province_name,
                row.locations,
                row.capacity,
                SUPPRESSED_TEXT if row.occupancy is None else row.occupancy,
                row.structural_capacity,
                row.temporary_capacity,
            ]
            for row in [*rows, *([national] if national else [])]
        ),
    )


@login_required
def locations(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    form = LocationFilterForm(request.GET, user=request.user)
    context: dict[str, Any] = {"form": form, "week": None, "rows": [], "aggregates": []}
    if not form.is_valid():
        return render(request, "opvang/locaties.html", context, status=400)
    cleaned = form.cleaned_data
    week = _week(form, kind=Kind.LOCATIES)
    reason = no_register_reason(week)
    if reason is not None and _wants_csv(request):
        raise NoDataError(reason)  # a file with only a header would read as an empty register
    if week is None:
        return render(request, "opvang/locaties.html", context)
    if reason is not None:
        context.update(week=week, no_data=reason)
        return render(request, "opvang/locaties.html", context)
    type_value = cleaned.get("soort")
    rows = selectors.locations_list(
        user=request.user,
        week=week,
        province_code=cleaned.get("provincie") or None,
        type=LocationType(type_value) if type_value else None,
    )
    params = query_params(request)
    sorting = parse_sorting(params, _LOCATION_VALUES, Sorting("code"))
    rows = sort_rows(rows, _LOCATION_VALUES[sorting.key], descending=sorting.descending)
    aggregates = selectors.province_aggregates(user=request.user, week=week)
    national = selectors.national_aggregate(user=request.user, week=week)
    if _wants_csv(request):
        if request.GET.get("tabel") == "provincies":
            return _aggregates_csv(aggregates, national, week)
        return _locations_csv(rows, week)
    query = request.GET.copy()
    query["week"] = week.label
    query.pop("tabel", None)
    query["formaat"] = "csv"
    context.update(
        week=week,
        rows=rows,
        aggregates=aggregates,
        csv_query=query.urlencode(),
        totals=national,
        own_province=access.own_province(request.user),
        headers=sort_headers(
            LOCATION_COLUMNS, sorting, {**params, "week": week.label}, anchor="locaties"
        ),
    )
    return render(request, "opvang/locaties.html", context)


LOCATION_COLUMNS: tuple[Column, ...] = (
    Column("code", "Code"),
    Column("naam", "Naam"),
    Column("gemeente", "Gemeente"),
    Column("provincie", "Provincie"),
    Column("soort", "Soort"),
    Column("capaciteit", "Capaciteit", "int"),
    Column("bezetting", "Bezetting", "int"),
    Column("start", "Start"),
    Column("einde", "Einde"),
    Column("vertrouwelijk", "Vertrouwelijk"),
)
_LOCATION_VALUES: Mapping[str, Callable[[LocationRow], object]] = {
    "code": lambda r: r.code,
    "naam": lambda r: r.name,
    "gemeente": lambda r: r.municipality_name,
    "provincie": lambda r: r.province_name,
    "soort": lambda r: r.type_label,
    "capaciteit": lambda r: r.capacity,
    # Masked occupancy is None, so it sorts with "no data" and reveals nothing.
    "bezetting": lambda r: r.occupancy,
    "start": lambda r: r.start_date.toordinal(),
    "einde": lambda r: (r.end_date or date.max).toordinal(),  # structural: open-ended
    "vertrouwelijk": lambda r: "ja" if r.confidential else "nee",
}


@login_required
def location_detail(request: HttpRequest, code: str) -> HttpResponse:
    _require_view(request)
    form = WeekForm(request.GET)
    if not form.is_valid():
        return render(request, "opvang/locatie_detail.html", {"form": form}, status=400)
    week = _week(form, kind=Kind.LOCATIES)
    if week is None:
        return render(request, "opvang/locatie_detail.html", {"form": form, "code": code})
    row = selectors.location_get(user=request.user, week=week, code=code)
    return render(request, "opvang/locatie_detail.html", {"form": form, "row": row, "week": week})


def _series_csv(overview: SeriesOverview) -> HttpResponse:
    header = [_("reeks"), _("waarde"), _("vorige week"), _("verandering")]
    return csv_response(
        f"landelijke-reeksen-{overview.week}.csv",
        header,
        ([v.label, v.value, v.previous, v.delta] for v in overview.values),
    )


@login_required
def series(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    form = WeekForm(request.GET)
    context: dict[str, Any] = {"form": form, "overview": None}
    if not form.is_valid():
        return render(request, "opvang/reeksen.html", context, status=400)
    week = _week(form, kind=Kind.REEKSEN)
    if week is None:
        if _wants_csv(request):
            raise NoDataError(no_data_reason(Kind.REEKSEN, None))
        return render(request, "opvang/reeksen.html", context)
    overview = selectors.series_latest(user=request.user, week=week)
    if _wants_csv(request):
        if overview.source_week is None:  # every value empty: read as a delivery of nothing
            raise NoDataError(
                no_data_reason(Kind.REEKSEN, week)
                or f"Voor week {week.label} zijn geen landelijke reeksen geleverd."
            )
        return _series_csv(overview)
    context.update(overview=overview, week=week)
    return render(request, "opvang/reeksen.html", context)
