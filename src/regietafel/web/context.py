"""Template context every page needs: the demo banner and the user's role-based navigation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from regietafel import __version__
from regietafel.accounts import access


def site(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    return {
        "nav_items": navigation(request),
        "demo_mode": settings.DEMO_MODE,
        "version": __version__,
        "nav_can_import": access.can_import(user),
        "nav_can_audit": access.can_read_audit(user),
        "nav_own_province": access.own_province(user),
    }


def navigation(request: HttpRequest) -> list[dict[str, Any]]:
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
        ("boodschappenlijst", _("Boodschappenlijst"), True),
        ("verdeling", _("Verdeling"), True),
        ("doelen", _("Doelen"), True),
        ("afspraken", _("Afspraken"), True),
        ("rapporten", _("Rapportage"), True),
        ("audit", _("Audittrail"), access.can_read_audit(user)),
        ("begrippen", _("Begrippen"), True),
    ]
    current = request.resolver_match.url_name if request.resolver_match else None
    return [
        {"url": reverse(name), "label": label, "current": current == name}
        for name, label, allowed in items
        if allowed
    ]
