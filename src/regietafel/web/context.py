"""Template context every page needs: the demo banner, the role-based menu and the chosen week.

The week travels with the user: a page opened with ``?week=2021-W40`` remembers that week in
the session, and the menu links of the pages with weekly figures carry it, so following the
menu shows the same week everywhere until the user picks another one.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from regietafel import __version__, reference
from regietafel.accounts import access
from regietafel.core.periods import IsoWeek

SESSION_WEEK = "regietafel_week"
"""Session key of the last week the user chose."""

WEEKLY_PAGES = frozenset(
    {
        "locaties",
        "reeksen",
        "opvangbeeld",
        "prognose",
        "boodschappenlijst",
        "verdeling",
        "doelen",
        "rapporten",
    }
)
"""Menu items whose page shows the figures of one week: their links carry the chosen week."""


CSRF_PLACEHOLDER = "regietafel-csrf-c9f1e2"
USER_PLACEHOLDER = "regietafel-gebruiker-c9f1e2"
"""Rendered instead of the CSRF token and the user name while a page is made for the page
cache (``web.page_cache``), which puts each reader's own in their place."""


def site(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    week = chosen_week(request)
    personal: dict[str, Any] = {"header_user": user.get_username()}
    if getattr(request, "_regietafel_page_for_cache", False):
        personal = {"header_user": USER_PLACEHOLDER, "csrf_token": CSRF_PLACEHOLDER}
    return {
        **personal,
        "nav_items": navigation(request, week),
        "demo_mode": settings.DEMO_MODE,
        "version": __version__,
        "nav_can_import": access.can_import(user),
        "nav_can_audit": access.can_read_audit(user),
        "nav_own_province": access.own_province(user),
        "nav_own_province_name": _province_name(access.own_province(user)),
        "selected_week": week.label if week is not None else "",
    }


def _province_name(code: str | None) -> str:
    """The name in the header ("Groningen", not "PV20"); the code if it is not known."""
    if not code:
        return ""
    try:
        return reference.province_name(code)
    except reference.ReferenceDataError:
        return code


def _week_or_none(text: object) -> IsoWeek | None:
    try:
        return IsoWeek.parse(str(text))
    except ValueError:  # PeriodError, or a year no calendar has
        return None


def chosen_week(request: HttpRequest) -> IsoWeek | None:
    """The week of ``?week=`` (remembered in the session), else of the page's own address
    (a report of one week), else the last one remembered."""
    if not access.can_view(request.user):
        return None
    session = getattr(request, "session", None)
    text = request.GET.get("week", "").strip()
    week = _week_or_none(text) if text else None
    if week is not None:
        if session is not None:
            session[SESSION_WEEK] = week.label
        return week
    path_week = request.resolver_match.kwargs.get("week") if request.resolver_match else None
    week = _week_or_none(path_week) if path_week else None  # a report of one week
    if week is not None:
        return week
    stored = session.get(SESSION_WEEK) if session is not None else None
    return _week_or_none(stored) if stored else None


def navigation(request: HttpRequest, week: IsoWeek | None = None) -> list[dict[str, Any]]:
    """The menu for this user's role; the same predicates guard the pages themselves."""
    user = request.user
    if not access.can_view(user):
        return []
    items: list[tuple[str, str, bool]] = [
        ("provincies", _("Provincies"), True),
        ("taakstelling-list", _("Taakstelling"), True),
        ("locaties", _("Opvanglocaties"), True),
        ("imports", _("Imports"), access.can_view_imports(user)),
        ("reeksen", _("Landelijke reeksen"), True),
        ("opvangbeeld", _("Opvangbeeld"), True),
        ("prognose", _("Prognose"), True),
        ("boodschappenlijst", _("Boodschappenlijst"), True),
        ("verdeling", _("Verdeling"), True),
        ("doelen", _("Doelen"), True),
        ("afspraken", _("Afspraken"), True),
        ("rapporten", _("Rapportage"), True),
        ("audit", _("Audittrail"), access.can_read_audit(user)),
        ("begrippen", _("Begrippen"), True),
    ]
    current = request.resolver_match.url_name if request.resolver_match else None
    query = f"?{urlencode({'week': week.label})}" if week is not None else ""
    return [
        {
            "url": reverse(name) + (query if name in WEEKLY_PAGES else ""),
            "label": label,
            "current": current == name,
        }
        for name, label, allowed in items
        if allowed
    ]
