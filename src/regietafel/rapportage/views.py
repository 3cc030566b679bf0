"""Published reports: the list with the publish form, one report, its PDF and Excel."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regietafel import reference
from regietafel.accounts import access
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.kerncijfers.selectors import default_week
from regietafel.presentation.http import csv_response
from regietafel.rapportage import selectors
from regietafel.rapportage.collect import NoDataError
from regietafel.rapportage.files import StoredFormat, report_file_get, report_files_state
from regietafel.rapportage.forms import PublishForm
from regietafel.rapportage.models import PublishedReport
from regietafel.rapportage.render import CONTENT_TYPES, file_name
from regietafel.rapportage.render.html import report_context
from regietafel.rapportage.services import (
    CorrectionNoteMissingError,
    ReportUnchangedError,
    report_publish,
)


def _scope_choices(request: HttpRequest) -> list[tuple[str, str]]:
    choices = [("NL", _("Nederland (LRT)"))] + [
        (p.code, f"{p.name} (PRT)") for p in reference.provinces()
    ]
    return [
        (code, label) for code, label in choices if access.can_publish_report(request.user, code)
    ]


def _scope_name(scope: str) -> str:
    return _("Nederland") if scope == "NL" else reference.province(scope).name


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    rows = selectors.reports_list(user=request.user)
    if request.GET.get("formaat") == "csv":
        return csv_response(
            "rapporten.csv",
            ["week", "rapport", "versie", "gepubliceerd op", "door", "synthetisch", "toelichting"],
            (
                [
                    r.week,
                    r.scope,
                    r.version,
                    timezone.localtime(r.published_at).isoformat(timespec="seconds"),
                    r.published_by.get_username() if r.published_by else "systeem",
                    "ja" if r.synthetic else "nee",
                    r.correction_note,
                ]
                for r in rows
            ),
        )
    scopes = _scope_choices(request)
    latest = default_week()
    asked = request.GET.get("week", "").strip()[:10]  # from the overview: publish that week
    form = PublishForm(scopes=scopes, initial={"week": asked or (latest.label if latest else "")})
    return render(
        request,
        "rapportage/list.html",
        {
            "reports": [(r, _scope_name(r.scope)) for r in rows[:500]],
            "form": form if scopes else None,
        },
    )


@login_required
@require_POST
def publish(request: HttpRequest) -> HttpResponse:
    scopes = _scope_choices(request)
    if not scopes:
        raise PermissionDenied
    form = PublishForm(request.POST, scopes=scopes)
    if form.is_valid():
        try:
            report = report_publish(
                actor=request.user,
                week=form.cleaned_data["week"],
                scope=form.cleaned_data["scope"],
                note=form.cleaned_data["note"],
            )
        except PeriodError as error:
            form.add_error("week", str(error))
        except CorrectionNoteMissingError as error:
            form.add_error("note", capfirst(str(error)))
        except (ReportUnchangedError, NoDataError) as error:
            form.add_error(None, capfirst(str(error)))  # a sentence on the page
        else:
            kind = _("correctie") if report.is_correction else _("eerste versie")
            messages.success(
                request,
                _("Rapport week %(week)s %(name)s gepubliceerd als versie %(version)s (%(kind)s).")
                % {
                    "week": report.week,
                    "name": _scope_name(report.scope),
                    "version": report.version,
                    "kind": kind,
                },
            )
            return redirect("rapport", week=report.week, scope=report.scope)
    rows = selectors.reports_list(user=request.user)
    return render(
        request,
        "rapportage/list.html",
        {"reports": [(r, _scope_name(r.scope)) for r in rows[:500]], "form": form},
        status=400,
    )


def _version(request: HttpRequest) -> int | None:
    raw = request.GET.get("versie")
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404(_("Onbekende versie."))
    return int(raw)


def _get(request: HttpRequest, week: str, scope: str) -> PublishedReport:
    try:
        label = IsoWeek.parse(week).label
    except PeriodError:
        raise Http404(_("Onbekende week.")) from None
    return selectors.report_get(
        user=request.user, week=label, scope=scope.upper(), version=_version(request)
    )


@login_required
def report(request: HttpRequest, week: str, scope: str) -> HttpResponse:
    published = _get(request, week, scope)
    from regietafel.rapportage.render import meta_of

    data = published.report_data()
    context = report_context(data, meta_of(published), for_print=False)
    versions = list(
        selectors.report_versions(user=request.user, week=published.week, scope=published.scope)
    )
    context["versions"] = versions
    context["is_latest"] = published.version == max(v.version for v in versions)
    context["province_codes_with_rows"] = {g["province"].code for g in context["province_groups"]}
    if data.is_national:
        context["province_reports"] = selectors.published_scopes(
            user=request.user, week=published.week
        )
    files = report_files_state(published)
    context["files"] = files
    context["files_pending"] = any(f is None for f in files.values())
    return render(request, "rapportage/page.html", context)


def _download(request: HttpRequest, week: str, scope: str, fmt: StoredFormat) -> HttpResponse:
    """The stored bytes of the published version (made once; see rapportage.files)."""
    published = _get(request, week, scope)
    stored = report_file_get(published, fmt)
    etag = f'"{stored.sha256}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(bytes(stored.content), content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{file_name(published, fmt)}"'
    response["ETag"] = etag
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


@login_required
def report_pdf(request: HttpRequest, week: str, scope: str) -> HttpResponse:
    return _download(request, week, scope, "pdf")


@login_required
def report_xlsx(request: HttpRequest, week: str, scope: str) -> HttpResponse:
    return _download(request, week, scope, "xlsx")
