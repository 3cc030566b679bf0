"""Site-wide pages: the start page and the error pages (Dutch, never a traceback)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel import reference
from regietafel.accounts import access
from regietafel.core.catalogue import FigureChange, Surface, changes
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.kerncijfers.selectors import figures_for, week_or_default
from regietafel.presentation.http import bad_request


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The key figures of the chosen week (default: newest with data), national and own."""
    try:
        week = week_or_default(request.GET.get("week"))
        since_text = request.GET.get("sinds", "").strip()
        since = IsoWeek.parse(since_text) if since_text else None
    except PeriodError as error:
        return bad_request(request, str(error))
    if since is not None and since >= week:
        return bad_request(request, "kies bij 'vergelijk met week' een week vóór de getoonde week")
    user = request.user

    def figure_changes(scope: str | None) -> tuple[FigureChange, ...]:
        now = figures_for(user=user, week=week, scope=scope)
        before = figures_for(user=user, week=week.previous, scope=scope)
        meeting = None if since is None else figures_for(user=user, week=since, scope=scope)
        return changes(now, before, Surface.OVERZICHT, meeting=meeting)

    national = figures_for(user=user, week=week)
    own = access.own_province(user)
    own_figures = (reference.province(own).name, figure_changes(own), own) if own else None
    return render(
        request,
        "regietafel/home.html",
        {
            "week": week,
            "national": national,
            "figures": figure_changes(None),
            "since": since,
            "own": own_figures,
        },
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "regietafel/403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "regietafel/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "regietafel/500.html", status=500)
