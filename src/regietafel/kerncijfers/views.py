"""The "Begrippen" page: every key figure with its definition, unit, source and surfaces."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel.accounts import access
from regietafel.core.catalogue import CATALOGUE
from regietafel.presentation.http import csv_response, wants_csv


@login_required
def begrippen(request: HttpRequest) -> HttpResponse:
    if not access.can_view(request.user):
        raise PermissionDenied
    if wants_csv(request):
        return csv_response(
            "kerncijfers-begrippen",
            ["code", "naam", "definitie", "eenheid", "bron", "waar"],
            (
                [
                    d.code,
                    d.name,
                    d.definition,
                    d.unit,
                    d.source,
                    "; ".join(s.label for s in sorted(d.surfaces)),
                ]
                for d in CATALOGUE
            ),
        )
    return render(request, "kerncijfers/begrippen.html", {"catalogue": CATALOGUE})
