"""The verdeling page: extra regular places over the provinces and within one province."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from regietafel import reference
from regietafel.accounts import access
from regietafel.core.distribution import DistributionError, Rule
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.core.rules import ExistingPlacesRule
from regietafel.errors import NoDataError
from regietafel.imports.models import Kind
from regietafel.opvang.selectors import latest_week
from regietafel.presentation.http import html_table, query_params, table_csv
from regietafel.tabular import TableError
from regietafel.verdeling.selectors import (
    DEFAULT_AMV_SHARE,
    AmountOption,
    NoRegisterError,
    amount_options,
    municipality_distribution,
    province_distribution,
    read_correction,
    rules_side_by_side,
)
from regietafel.verdeling.tables import distribution_table, side_by_side_table


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


FORM_FIELDS = ("week", "totaal", "minimum", "amv", "regel", "te_verdelen", "jaren", "maanden")


def _csv_query(form: dict[str, str], week: IsoWeek, province: reference.Province | None) -> str:
    """The query string that asks the same distribution again, as CSV."""
    query = f"week={week.label}&"
    for name in FORM_FIELDS[1:]:
        if form.get(name):
            query += f"{name}={form[name]}&"
    if province is not None:
        query += f"provincie={province.code}&"
    return query


def _rule(source: QueryDict) -> Rule:
    raw = source.get("regel", "").strip() or Rule.AANVULLEN.value
    try:
        return Rule(raw)
    except ValueError:
        allowed = ", ".join(r.value for r in Rule)
        raise InputError(f"regel: '{raw}' is onbekend; kies uit {allowed}") from None


def _existing_rule(source: QueryDict) -> ExistingPlacesRule:
    return ExistingPlacesRule(
        durable_years=_whole(source, "jaren", "minstens … jaar open"),
        available_within_months=_whole(source, "maanden", "beschikbaar binnen … maanden"),
    )


def _amount(
    source: QueryDict, options: tuple[AmountOption, ...], typed: int | None
) -> tuple[int | None, int | None, str | None]:
    """(number of extra places, whole of an opgave, the chosen option's label).

    Empty choice: a typed number if there is one, else the short-term shortfall (None).
    """
    key = source.get("te_verdelen", "").strip()
    if not key:
        return typed, None, None
    chosen = next((o for o in options if o.key == key), None)
    if chosen is None:
        raise InputError(f"te verdelen: '{key}' is geen keuze van deze week")
    if chosen.value is not None:
        return chosen.value, None, chosen.label
    if typed is None:
        raise InputError(f"te verdelen: vul bij '{chosen.label}' een aantal in")
    label = chosen.label.split(" (vul in")[0]
    if key == "opgave":
        return None, typed, label
    return typed, None, label


def _correction(
    request: HttpRequest, codes: set[str]
) -> tuple[dict[str, Fraction] | None, list[str]]:
    """The uploaded correction key, or the Dutch errors naming file, row and column."""
    upload = request.FILES.get("correctie")
    if upload is None:
        return None, []
    try:
        return read_correction(upload.read(), upload.name or "correctie.csv", codes), []
    except TableError as error:
        return None, [str(e) for e in error.errors]


NO_REGISTER_YET = (
    "Er is nog geen locatieregister geïmporteerd, dus er is geen week met gegevens om te "
    "verdelen. Importeer eerst een locatiebestand."
)


def _no_data(request: HttpRequest, context: dict[str, Any], reason: str) -> HttpResponse:
    """The page that says why there is nothing to distribute; a download is refused with the
    reason instead (the page in place of a file, or a file of nothing, hid it)."""
    if request.GET.get("formaat") == "csv":
        raise NoDataError(reason)
    return render(request, "verdeling/verdeling.html", {**context, "no_data": reason})


@login_required
@require_http_methods(["GET", "POST"])
def verdeling(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    # Every field the form shows, "" when absent: a missing key must not break the page.
    form = {name: source.get(name, "") for name in FORM_FIELDS}
    context: dict[str, Any] = {
        "form": form,
        "provinces": reference.provinces(),
        "rules": list(Rule),
        "chosen_rule": form["regel"] or Rule.AANVULLEN.value,
    }
    try:
        text = source.get("week", "").strip()
        week = IsoWeek.parse(text) if text else latest_week(kind=Kind.LOCATIES)
        typed = _whole(source, "totaal", "aantal")
        minimum = _whole(source, "minimum", "minimum per gemeente")
        amv_share = _percentage(source)
        rule = _rule(source)
        existing_rule = _existing_rule(source)
        province_code = source.get("provincie", "").strip()
        province = reference.province(province_code) if province_code else None
        options = amount_options(request.user, week) if week is not None else ()
        context["amount_options"] = options
        total, whole, amount_label = _amount(source, options, typed)
    except (PeriodError, InputError, reference.ReferenceDataError, ValueError) as error:
        return render(
            request, "verdeling/verdeling.html", {**context, "errors": [str(error)]}, status=400
        )
    if province is not None:
        access.require_province_detail(request.user, province.code)
    if week is None:
        return _no_data(request, context, NO_REGISTER_YET)
    context.update(
        week=week,
        province=province,
        amount_label=amount_label,
        existing_rule=existing_rule,
        rule=rule,
    )
    province_codes = {p.code for p in reference.provinces()}
    municipality_codes = {
        m.code
        for m in reference.municipalities(week.monday)
        if province is not None and m.province_code == province.code
    }
    correction, errors = _correction(request, province_codes | municipality_codes)
    tables = []
    try:
        national = province_distribution(
            user=request.user,
            week=week,
            total=total,
            correction={k: v for k, v in (correction or {}).items() if k in province_codes},
            rule=rule,
            whole=whole,
            existing_rule=existing_rule,
        )
        context["national"] = national
        tables.append(
            distribution_table(
                national,
                name="provincies",
                title=f"Verdeling over de provincies: {rule.label}",
            )
        )
        side = rules_side_by_side(
            user=request.user,
            week=week,
            total=national.total,
            whole=whole,
            existing_rule=existing_rule,
        )
        tables.append(
            side_by_side_table(
                side,
                name="regels",
                title="De drie regels naast elkaar: nieuwe plaatsen per provincie",
            )
        )
        if province is not None:
            local = municipality_distribution(
                user=request.user,
                week=week,
                province_code=province.code,
                total=None
                if whole is not None
                else next(r.allocation for r in national.plain.rows if r.code == province.code),
                minimum=minimum,
                amv_share=amv_share,
                correction={k: v for k, v in (correction or {}).items() if k in municipality_codes},
                rule=rule,
                whole=whole,
                existing_rule=existing_rule,
            )
            context["local"] = local
            tables.append(
                distribution_table(
                    local,
                    name="gemeenten",
                    title=f"Verdeling over de gemeenten van {province.name}: {rule.label}",
                )
            )
    except DistributionError as error:
        errors.append(str(error))
    except NoRegisterError as error:
        return _no_data(request, context, str(error))
    if request.GET.get("formaat") == "csv" and tables and not errors:
        wanted = request.GET.get("tabel", "provincies")
        chosen = next((t for t in tables if t.name == wanted), tables[0])
        return table_csv(chosen, f"verdeling-{week.label}-{chosen.name}.csv", with_totals=True)
    params = query_params(request) if request.method == "GET" else None
    context["tables"] = {t.name: html_table(t, params) for t in tables}
    context["errors"] = errors
    context["csv_query"] = _csv_query(form, week, province)
    context["own_province"] = access.own_province(request.user)
    return render(request, "verdeling/verdeling.html", context, status=400 if errors else 200)
