"""Site-wide pages: the start page and the error pages (Dutch, never a traceback)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel.accounts import access
from regietafel.taakstelling.selectors import key_figures


@login_required
def home(request: HttpRequest) -> HttpResponse:
    figures = key_figures(user=request.user)
    own = access.own_province(request.user)
    own_figures = (
        next((p for p in figures.provinces if p.code == own), None) if figures and own else None
    )
    return render(request, "regietafel/home.html", {"figures": figures, "own": own_figures})


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "regietafel/403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "regietafel/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "regietafel/500.html", status=500)
