"""The verdeling page: extra regular places over the provinces and within one province."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from regietafel import reference
from regietafel.accounts import access
from regietafel.core.distribution import DistributionError
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.imports.models import Kind
from regietafel.opvang.selectors import latest_week
from regietafel.presentation.http import html_table, query_params, table_csv
from regietafel.tabular import TableError
from regietafel.verdeling.selectors import (
    DEFAULT_AMV_SHARE,
    NoRegisterError,
    municipality_distribution,
    province_distribution,
    read_correction,
)
from regietafel.verdeling.tables import distribution_table


class InputError(ValueError):
    """A form value that cannot be read; the message is Dutch."""


def _whole(source: QueryDict, name: str, label: str) -> int | None:
    raw = source.get(name, "").strip().replace(".", "").replace(" ", "")
    if not raw:
        return None
    if not raw.isdigit():
        raise InputError(f"{label}: '{source.get(name)}' is geen geheel getal van 0 of meer")
    return int(raw)


def _percentage(source: QueryDict) -> Fraction:
    raw = source.get("amv", "").strip().replace(",", ".")
    if not raw:
        return DEFAULT_AMV_SHARE
    try:
        value = Fraction(raw) / 100
    except (ValueError, ZeroDivisionError):
        raise InputError(f"aandeel AMV: '{source.get('amv')}' is geen percentage") from None
    if not 0 <= value <= 1:
        raise InputError("aandeel AMV: kies een percentage tussen 0 en 100")
    return value


def _csv_query(
    week: IsoWeek, total: int | None, province: reference.Province | None, minimum: int | None
) -> str:
    """The query string that asks the same distribution again, as CSV."""
    query = f"week={week.label}&"
    if total is not None:
        query += f"totaal={total}&"
    if province is not None:
        query += f"provincie={province.code}&"
    if minimum is not None:
        query += f"minimum={minimum}&"
    return query


@login_required
@require_http_methods(["GET", "POST"])
def verdeling(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    errors: list[str] = []
    # Every field the form shows, "" when absent: a missing key must not break the page.
    form = {name: source.get(name, "") for name in ("week", "totaal", "minimum", "amv")}
    context: dict[str, Any] = {"form": form, "provinces": reference.provinces()}
    try:
        text = source.get("week", "").strip()
        week = IsoWeek.parse(text) if text else latest_week(kind=Kind.LOCATIES)
        total = _whole(source, "totaal", "totaal")
        minimum = _whole(source, "minimum", "minimum per gemeente")
        amv_share = _percentage(source)
        province_code = source.get("provincie", "").strip()
        province = reference.province(province_code) if province_code else None
    except (PeriodError, InputError, reference.ReferenceDataError) as error:
        return render(
            request, "verdeling/verdeling.html", {**context, "errors": [str(error)]}, status=400
        )
    if province is not None and not access.can_view_province_detail(request.user, province.code):
        raise PermissionDenied
    if week is None:
        context["no_data"] = True
        return render(request, "verdeling/verdeling.html", context)
    context.update(week=week, province=province, amv_percentage=float(amv_share * 100))
    correction: dict[str, Fraction] | None = None
    upload = request.FILES.get("correctie")
    province_codes = {p.code for p in reference.provinces()}
    municipality_codes = {
        m.code
        for m in reference.municipalities(week.monday)
        if province is not None and m.province_code == province.code
    }
    if upload is not None:
        try:
            correction = read_correction(
                upload.read(), upload.name or "correctie.csv", province_codes | municipality_codes
            )
        except TableError as error:
            errors += [str(e) for e in error.errors]
    tables = []
    try:
        national = province_distribution(
            user=request.user,
            week=week,
            total=total,
            correction={k: v for k, v in (correction or {}).items() if k in province_codes},
        )
        context["national"] = national
        tables.append(
            distribution_table(
                national,
                name="provincies",
                title=f"Verdeling van {national.total} extra reguliere plaatsen over de provincies",
            )
        )
        if province is not None:
            local = municipality_distribution(
                user=request.user,
                week=week,
                province_code=province.code,
                total=None,
                minimum=minimum,
                amv_share=amv_share,
                correction={k: v for k, v in (correction or {}).items() if k in municipality_codes},
            )
            context["local"] = local
            tables.append(
                distribution_table(
                    local,
                    name="gemeenten",
                    title=f"Verdeling van {local.total} plaatsen over de gemeenten van "
                    f"{province.name}",
                )
            )
    except DistributionError as error:
        errors.append(str(error))
    except NoRegisterError as error:
        context["no_data"] = str(error)
        return render(request, "verdeling/verdeling.html", context)
    if request.GET.get("formaat") == "csv" and tables and not errors:
        wanted = request.GET.get("tabel", "provincies")
        chosen = next((t for t in tables if t.name == wanted), tables[0])
        return table_csv(chosen, f"verdeling-{week.label}-{chosen.name}.csv")
    params = query_params(request) if request.method == "GET" else None
    context["tables"] = {t.name: html_table(t, params) for t in tables}
    context["errors"] = errors
    context["csv_query"] = _csv_query(week, total, province, minimum)
    context["own_province"] = access.own_province(request.user)
    return render(request, "verdeling/verdeling.html", context, status=400 if errors else 200)
