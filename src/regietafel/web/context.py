"""Template context every page needs: the demo banner and the user's role-based navigation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from regietafel import __version__
from regietafel.accounts import access


def site(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    return {
        "demo_mode": settings.DEMO_MODE,
        "version": __version__,
        "nav_can_import": access.can_import(user),
        "nav_can_audit": access.can_read_audit(user),
        "nav_own_province": access.own_province(user),
    }
