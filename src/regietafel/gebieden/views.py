"""Pages for provinces and municipalities; every table can be downloaded as CSV."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel import reference
from regietafel.gebieden import selectors
from regietafel.presentation.http import csv_response, wants_csv
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
            "on": selectors.division_date(),
            "total_inhabitants": sum(p.inhabitants for p in provinces),
            "total_municipalities": sum(p.municipalities for p in provinces),
        },
    )


@login_required
def province_detail(request: HttpRequest, code: str) -> HttpResponse:
    detail = selectors.province_get(user=request.user, code=code)
    if wants_csv(request) and request.GET.get("tabel") == "taakstelling":
        rows = detail.progress.municipalities if detail.progress else ()
        label = detail.progress.period.label if detail.progress else ""
        return csv_response(
            f"taakstelling-{label}-{detail.province.code}",
            PROGRESS_HEADER,
            (progress_csv_row(row) for row in rows),
        )
    if wants_csv(request):
        return csv_response(
            f"gemeenten-{detail.province.code}",
            ["gemeentecode", "gemeente", "inwoners"],
            ([m.code, m.name, m.inhabitants] for m in detail.municipalities),
        )
    return render(request, "gebieden/province_detail.html", {"detail": detail})


@login_required
def municipality_list(request: HttpRequest) -> HttpResponse:
    province = request.GET.get("provincie") or None
    error = None
    try:
        municipalities = selectors.municipalities_list(user=request.user, province=province)
    except reference.ReferenceDataError as problem:
        error = str(problem)
        municipalities = selectors.municipalities_list(user=request.user)
        province = None
    names = selectors.province_names()
    if wants_csv(request) and error is None:
        return csv_response(
            f"gemeenten-{province}" if province else "gemeenten",
            ["gemeentecode", "gemeente", "provinciecode", "provincie", "inwoners"],
            (
                [m.code, m.name, m.province_code, names[m.province_code], m.inhabitants]
                for m in municipalities
            ),
        )
    rows = [{"m": m, "province": names[m.province_code]} for m in municipalities]
    return render(
        request,
        "gebieden/municipalities.html",
        {
            "rows": rows,
            "provinces": sorted(names.items()),
            "selected": reference.province(province).code if province else "",
            "error": error,
            "on": selectors.division_date(),
        },
        status=400 if error else 200,
    )
