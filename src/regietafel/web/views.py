"""Site-wide pages: the start page and the error pages (Dutch, never a traceback)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "regietafel/home.html")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "regietafel/403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "regietafel/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "regietafel/500.html", status=500)
