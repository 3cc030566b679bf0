"""The audit trail page for the beheerder, with a CSV download of the same rows."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from regietafel.audit.selectors import audit_entries
from regietafel.presentation.http import csv_response


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    object_type = request.GET.get("soort") or None
    entries = audit_entries(user=request.user, object_type=object_type)
    if request.GET.get("formaat") == "csv":
        return csv_response(
            "audittrail.csv",
            ["tijdstip", "gebruiker", "handeling", "soort", "kenmerk", "omschrijving"],
            (
                [
                    timezone.localtime(e.at).isoformat(timespec="seconds"),
                    e.actor_name,
                    e.action,
                    e.object_type,
                    e.object_id,
                    e.summary,
                ]
                for e in entries.iterator()
            ),
        )
    page = Paginator(entries, 100).get_page(request.GET.get("pagina"))
    types = sorted(set(audit_entries(user=request.user).values_list("object_type", flat=True)))
    return render(
        request,
        "audit/list.html",
        {"page": page, "types": types, "object_type": object_type or ""},
    )
