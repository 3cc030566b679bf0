"""Site-wide pages: the start page (the weekly meeting) and the error pages (Dutch)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.access import AnyUser
from regietafel.boodschappenlijst.selectors import MarkedItem, shopping_list_for
from regietafel.core.catalogue import FigureChange, FigureHistory, Surface
from regietafel.core.figures import NATIONAL, ScopeFigures
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.core.targets import TargetProgress, achieved_since
from regietafel.errors import NoDataError, NotFoundError
from regietafel.kerncijfers.selectors import (
    figure_changes,
    figure_histories,
    figures_for,
    week_or_default,
)
from regietafel.presentation.http import bad_request
from regietafel.rapportage.selectors import report_versions

AREAS = (("opvang", "Opvang"), ("huisvesting", "Huisvesting vergunninghouders"))


@dataclass(frozen=True)
class OverviewFigure:
    """One figure as the overview shows it: value and changes, trend, and where it is explained."""

    change: FigureChange
    history: FigureHistory
    url: str


@dataclass(frozen=True)
class OverviewTarget:
    """A target's progress with what it gained since last week and since the chosen week."""

    progress: TargetProgress
    change: int | None
    change_since: int | None


@dataclass(frozen=True)
class OverviewScope:
    """Everything the meeting reads for one scope (Nederland or a province)."""

    code: str
    name: str
    figures: ScopeFigures
    areas: tuple[tuple[str, str, tuple[OverviewFigure, ...]], ...]
    actions: tuple[MarkedItem, ...]
    targets: tuple[OverviewTarget, ...]
    links: dict[str, str]


def _query(url: str, **params: str) -> str:
    return f"{url}?{urlencode({k: v for k, v in params.items() if v})}"


def _links(user: AnyUser, figures: ScopeFigures, week: IsoWeek) -> dict[str, str]:
    """Where each of the meeting's questions is answered in detail, for this scope and week."""
    scope, label = figures.scope, week.label
    province = "" if scope == NATIONAL else scope
    picture = (
        reverse("opvangbeeld")
        if scope == NATIONAL
        else reverse("opvangbeeld-provincie", kwargs={"code": scope})
    )
    links = {
        "opvang": _query(picture, week=label),
        "acties": _query(reverse("boodschappenlijst"), week=label, scope=scope),
        "doelen": _query(reverse("doelen"), week=label),
        "begrippen": reverse("begrippen"),
        "rapporten": _query(reverse("rapporten"), week=label),
    }
    if figures.housing is not None:
        detail = reverse("taakstelling-detail", kwargs={"label": figures.housing.period.label})
        links["huisvesting"] = _query(detail, week=label, provincie=province)
        links["achter"] = _query(detail, week=label, provincie=province, achter="1") + "#gemeenten"
    if (
        access.can_read_report(user, scope)
        and report_versions(user=user, week=label, scope=scope).exists()
    ):
        links["rapport"] = reverse("rapport", kwargs={"week": label, "scope": scope})
    return links


def _scope(
    user: AnyUser, week: IsoWeek, since: IsoWeek | None, code: str, name: str
) -> OverviewScope:
    scope = None if code == NATIONAL else code
    now = figures_for(user=user, week=week, scope=scope)
    before = figures_for(user=user, week=week.previous, scope=scope)
    meeting = None if since is None else figures_for(user=user, week=since, scope=scope)
    shown = figure_changes(now, before, Surface.OVERZICHT, meeting=meeting)
    histories = figure_histories(
        user=user, scope=scope, codes=[c.definition.code for c in shown], until_week=week
    )
    links = _links(user, now, week)
    areas = tuple(
        (
            area,
            title,
            tuple(
                OverviewFigure(
                    c,
                    histories[c.definition.code],
                    links.get(area, links["begrippen"]),
                )
                for c in shown
                if c.definition.area == area
            ),
        )
        for area, title in AREAS
    )
    actions = shopping_list_for(user=user, week=week, scope=code).open_items if now.has_data else ()
    weekly = achieved_since(now.targets, before.targets)
    since_meeting = achieved_since(now.targets, None if meeting is None else meeting.targets)
    targets = tuple(
        OverviewTarget(p, weekly.get(p.target.id), since_meeting.get(p.target.id))
        for p in now.targets
    )
    return OverviewScope(code, name, now, areas, actions, targets, links)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The weekly meeting on one screen: reception, housing, open actions and targets of the
    chosen week, for the nation and the user's own province beside it."""
    try:
        week = week_or_default(request.GET.get("week"))
        since_text = request.GET.get("sinds", "").strip()
        since = IsoWeek.parse(since_text) if since_text else None
    except PeriodError as error:
        return bad_request(request, str(error))
    if since is not None and since >= week:
        return bad_request(request, "kies bij 'vergelijk met week' een week vóór de getoonde week")
    user = request.user
    national = _scope(user, week, since, NATIONAL, "Nederland")
    own = access.own_province(user)
    scopes = [national]
    if own:
        scopes.insert(0, _scope(user, week, since, own, reference.province(own).name))
    return render(
        request,
        "regietafel/home.html",
        {
            "week": week,
            "since": since,
            "since_label": "" if since is None else f"week {since.label}",
            # A week to compare with that has no data gives no comparison: say so.
            "since_without_data": since is not None
            and not figures_for(user=user, week=since, scope=NATIONAL).has_data,
            "national": national.figures,
            "scopes": scopes,
            "main": scopes[0],
        },
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The refusal, with the Dutch reason a selector gave (``PermissionDenied("...")``)."""
    reason = str(exception) if exception is not None and exception.args else ""
    reason = reason or access.no_access_reason(request.user)
    # The beheerder is whom everyone else is told to ask: not himself.
    ask = not access.can_manage_users(request.user)
    return render(request, "regietafel/403.html", {"reason": reason, "ask": ask}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The Dutch 404 page; under ``/api/`` the JSON an API client reads, as the API's own
    views answer a missing object (an unknown path never reaches them)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Niet gevonden."}, status=404)
    # The domain's own Dutch reason ("Provincie PV99 bestaat niet."), never Django's English.
    cause = getattr(exception, "__cause__", None)
    if isinstance(cause, NoDataError):
        # The address is right, the week is empty: say that, not "bestaat niet (meer)".
        return render(request, "regietafel/404_no_data.html", {"reason": str(cause)}, status=404)
    reason = str(cause) if isinstance(cause, NotFoundError) else ""
    return render(request, "regietafel/404.html", {"reason": reason}, status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """``CSRF_FAILURE_VIEW``: a form sent without (or with an expired) security token, in
    Dutch and in the site's layout instead of Django's English page. ``reason`` (English,
    for developers) is not shown."""
    return render(request, "regietafel/403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "regietafel/500.html", status=500)
