"""Site-wide pages: the start page and the error pages (Dutch, never a traceback)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel import reference
from regietafel.accounts import access
from regietafel.core.catalogue import Surface, changes
from regietafel.core.periods import PeriodError
from regietafel.kerncijfers.selectors import figures_for, week_or_default
from regietafel.presentation.http import bad_request


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The key figures of the chosen week (default: newest with data), national and own."""
    try:
        week = week_or_default(request.GET.get("week"))
    except PeriodError as error:
        return bad_request(request, str(error))
    national = figures_for(user=request.user, week=week)
    national_before = figures_for(user=request.user, week=week.previous)
    own = access.own_province(request.user)
    own_figures = None
    if own:
        mine = figures_for(user=request.user, week=week, scope=own)
        mine_before = figures_for(user=request.user, week=week.previous, scope=own)
        own_figures = (
            reference.province(own).name,
            changes(mine, mine_before, Surface.OVERZICHT),
            own,
        )
    return render(
        request,
        "regietafel/home.html",
        {
            "week": week,
            "national": national,
            "figures": changes(national, national_before, Surface.OVERZICHT),
            "own": own_figures,
        },
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "regietafel/403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "regietafel/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "regietafel/500.html", status=500)
