"""The boodschappenlijst page: the generated list, and marking items (POST, then redirect)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from regietafel import reference
from regietafel.accounts import access
from regietafel.afspraken.selectors import shopping_link_states
from regietafel.boodschappenlijst import services
from regietafel.boodschappenlijst.selectors import (
    NATIONAL,
    MarkedItem,
    normalise_scope,
    shopping_list_for,
)
from regietafel.boodschappenlijst.tables import shopping_table
from regietafel.core.periods import PeriodError
from regietafel.core.rules import ShoppingItemStatus
from regietafel.errors import NoDataError
from regietafel.kerncijfers.selectors import week_or_default
from regietafel.presentation.http import bad_request, query_params, table_csv
from regietafel.presentation.tables import Column, Sorting, parse_sorting, sort_headers, sort_rows


@login_required
@require_http_methods(["GET", "POST"])
def boodschappenlijst(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    try:
        text = source.get("week", "").strip()
        week = week_or_default(text)
        scope = normalise_scope(source.get("scope", NATIONAL))
    except (PeriodError, reference.ReferenceDataError) as error:
        return bad_request(request, str(error))
    if request.method == "POST":
        try:
            services.shopping_item_mark(
                actor=request.user,
                scope=scope,
                key=request.POST.get("key", ""),
                week=week,
                status=request.POST.get("status", ""),
                note=request.POST.get("note", ""),
            )
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        else:
            messages.success(request, "De status is opgeslagen.")
        query = urlencode({"week": week.label, "scope": scope})
        return redirect(f"{reverse('boodschappenlijst')}?{query}")
    scoped = shopping_list_for(user=request.user, week=week, scope=scope)
    if request.GET.get("formaat") == "csv":
        if scoped.no_data_reason is not None:  # an empty file would read as nothing to do
            raise NoDataError(scoped.no_data_reason)
        return table_csv(
            shopping_table(scoped, with_hidden=True),
            f"boodschappenlijst-{scope}-{week.label}.csv",
        )
    agreements = shopping_link_states(user=request.user, scope=scope, on=week.sunday)
    table = "LRT" if scope == NATIONAL else "PRT"
    can_agree = access.can_manage_agreements(
        request.user, table, "" if scope == NATIONAL else scope
    )
    params = {**query_params(request), "week": week.label, "scope": scope}
    sorting = parse_sorting(params, _ITEM_VALUES, Sorting("deadline"))
    items = sort_rows(scoped.items, _ITEM_VALUES[sorting.key], descending=sorting.descending)
    own = access.own_province(request.user)
    scopes = [(NATIONAL, "Nederland")] + [
        (p.code, p.name) for p in reference.provinces() if own is None or p.code == own
    ]
    return render(
        request,
        "boodschappenlijst/boodschappenlijst.html",
        {
            "scoped": scoped,
            "week": week,
            "scope": scope,
            "scope_name": dict(scopes).get(scope, scope),  # "Noord-Holland", not "PV27"
            "scopes": scopes,
            # Every status but the current one: an item can also go back (afgerond -> open).
            "statuses": list(ShoppingItemStatus),
            "rows": [(m, agreements.get(m.item.key)) for m in items],
            "headers": sort_headers(
                ITEM_COLUMNS, sorting, params, anchor="tabel-boodschappenlijst"
            ),
            "can_agree": can_agree,
            "note_max": services.NOTE_MAX,  # the field takes what the service takes
        },
    )


ITEM_COLUMNS: tuple[Column, ...] = (
    Column("actie", "Actie"),
    Column("categorie", "Categorie"),
    Column("aantal", "Aantal", "int"),
    Column("deadline", "Deadline"),
    Column("trekker", "Trekker"),
    Column("status", "Status"),
)
_ITEM_VALUES: Mapping[str, Callable[[MarkedItem], object]] = {
    "actie": lambda m: m.item.description,
    "categorie": lambda m: m.item.category.label,
    "aantal": lambda m: m.item.quantity,
    "deadline": lambda m: m.item.deadline.toordinal(),
    "trekker": lambda m: m.item.party.label,
    "status": lambda m: m.item.status.label,
}
