"""Import pages: list, upload form, result with every error, originals, templates, formats."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from regietafel import reference
from regietafel.accounts import access
from regietafel.accounts.models import User
from regietafel.core.formatting import count_nl
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.imports.blanks import BLANK_TYPES, blank_file, help_csv
from regietafel.imports.formats import FORMATS
from regietafel.imports.forms import ImportForm
from regietafel.imports.models import Import, Status
from regietafel.imports.selectors import import_get, imports_list, previous_version
from regietafel.imports.services import WithdrawError, import_submit, import_withdraw
from regietafel.opvang.selectors import import_figures
from regietafel.presentation.http import HtmlTable, bad_request, csv_response, html_table, table_csv


@login_required
def import_list(request: HttpRequest) -> HttpResponse:
    imports = imports_list(user=request.user)
    if request.GET.get("formaat") == "csv":
        return csv_response(
            "imports.csv",
            [
                "id",
                "soort",
                "week",
                "versie",
                "status",
                "bestand",
                "sha256",
                "rijen",
                "fouten",
                "aangeleverd_door",
                "aangeleverd_op",
                "synthetisch",
            ],
            (
                [
                    i.pk,
                    i.kind,
                    i.week,
                    i.version or "",
                    i.status,
                    i.file_name,
                    i.checksum,
                    i.row_count,
                    i.error_count,
                    _uploader(i),
                    i.uploaded_at.isoformat(),
                    "ja" if i.synthetic else "nee",
                ]
                for i in imports
            ),
        )
    return render(
        request,
        "imports/list.html",
        {"imports": imports[:200], "can_import": access.can_import(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not isinstance(user, User) or not access.can_import(user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            record = import_submit(
                actor=user,
                kind=form.cleaned_data["kind"],
                week=form.cleaned_data["week"],
                file_name=upload.name or "bestand",
                content=upload.read(),
            )
        except PeriodError as error:  # a week that has not begun: nothing is stored
            form.add_error("week", str(error))
            return render(
                request,
                "imports/new.html",
                {"form": form, "formats": FORMATS.values()},
                status=400,
            )
        if record.status == Status.ACCEPTED:
            messages.success(
                request,
                _("Verwerkt: %(kind)s %(week)s versie %(version)s, %(rows)s.")
                % {
                    "kind": record.get_kind_display(),
                    "week": record.week,
                    "version": record.version,
                    "rows": count_nl(record.row_count, "rij", "rijen"),
                },
            )
        else:
            messages.error(
                request,
                _("Geweigerd: %(kind)s %(week)s; er is niets verwerkt. De fouten staan hieronder.")
                % {"kind": record.get_kind_display(), "week": record.week},
            )
        # POST/redirect/GET: the outcome is the import's own page (its errors are stored with
        # the record), so reloading it never submits the file again.
        return redirect("import-detail", pk=record.pk)
    return render(request, "imports/new.html", {"form": form, "formats": FORMATS.values()})


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = import_get(user=request.user, pk=pk)
    figures = import_figures(record)
    table = request.GET.get("tabel", "fouten")
    if request.GET.get("formaat") == "csv" and table == "cijfers":
        if figures is None or not figures.rows:
            raise Http404  # a refused import, a withdrawal or a register: no figures to give
        return table_csv(figures, f"cijfers-import-{record.pk}")
    if request.GET.get("formaat") == "csv":
        if table != "fouten":
            raise Http404  # an unknown table is not quietly the errors
        if not access.can_download_import_original(request.user, record.kind):
            raise PermissionDenied(ERRORS_HIDDEN)
        return csv_response(
            f"fouten-import-{record.pk}.csv",
            ["bestand", "rij", "kolom", "fout"],
            ([e["file"], e["row"] or "", e["column"] or "", e["message"]] for e in record.errors),
        )
    return render(request, "imports/detail.html", _detail_context(request, record))


@login_required
@require_http_methods(["POST"])
def import_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not access.can_import(request.user):
        raise PermissionDenied
    record = import_get(user=request.user, pk=pk)
    assert isinstance(request.user, User)
    try:
        withdrawal = import_withdraw(
            actor=request.user, pk=record.pk, note=request.POST.get("reden", "")
        )
    except WithdrawError as error:
        messages.error(request, str(error))
        return redirect("import-detail", pk=record.pk)
    messages.success(
        request,
        _(
            "Versie %(version)s van %(week)s is ingetrokken; de gegevens van de vorige versie "
            "of week gelden weer."
        )
        % {"version": record.version, "week": record.week},
    )
    return redirect("import-detail", pk=withdrawal.pk)


ERRORS_HIDDEN = (
    "De foutmeldingen noemen codes, gemeenten en aantallen uit het bestand zelf; die ziet "
    "alleen wie het bestand mag inzien (bij een locatiebestand: COA, vanwege vertrouwelijke "
    "locaties)."
)
"""Why a reader sees the number of errors of a refused file but not the messages: together
they tied a confidential location code to its municipality for every role."""


def _detail_context(request: HttpRequest, record: Import) -> dict[str, object]:
    can_download = access.can_download_import_original(request.user, record.kind)
    return {
        "record": record,
        "previous": previous_version(record),
        "show_errors": can_download,
        "errors_hidden": ERRORS_HIDDEN,
        "can_download": can_download,
        "can_import": access.can_import(request.user),
        "format": FORMATS[record.kind],
        "figures": _stored_figures(record),
    }


def _stored_figures(record: Import) -> HtmlTable | None:
    table = import_figures(record)
    return html_table(table) if table is not None and table.rows else None


@login_required
def import_original(request: HttpRequest, pk: int) -> HttpResponse:
    record = import_get(user=request.user, pk=pk)
    if not access.can_download_import_original(request.user, record.kind):
        raise PermissionDenied
    try:
        if not record.original.name:
            raise FileNotFoundError(record.file_name)
        with record.original.open("rb") as stored:
            content = stored.read()
    except OSError:
        # A database restored without its stored originals, or a file removed by hand.
        return render(
            request,
            "imports/ontbreekt.html",
            {
                "message": _(
                    "Het originele bestand van deze import is niet meer aanwezig op de server "
                    "(bijvoorbeeld na het terugzetten van een back-up zonder bestanden). "
                    "De gegevens van de import zelf zijn er nog wel."
                )
            },
            status=410,
        )
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{_safe_name(record.file_name)}"'
    return response


@login_required
def import_template(request: HttpRequest, kind: str, extension: str) -> HttpResponse:
    """``?week=2021-W45`` makes the template for that week (a realisation template lists the
    municipalities of its Monday); without it, the current week."""
    fmt = FORMATS.get(kind)
    if fmt is None or extension not in BLANK_TYPES:
        raise Http404
    try:
        week = IsoWeek.parse_optional(request.GET.get("week"))
    except PeriodError as error:
        return bad_request(request, str(error))
    week = week or IsoWeek.containing(timezone.localdate())
    name = f"sjabloon-{kind}-{week.label}" if fmt.template_rows else f"sjabloon-{kind}"
    try:
        content = blank_file(fmt, extension, week=week)
    except reference.ReferenceDataError as error:  # a week before the reference data
        return bad_request(request, str(error))
    response = HttpResponse(content, content_type=BLANK_TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


@login_required
def import_template_help(request: HttpRequest, kind: str) -> HttpResponse:
    """The explanation that goes with a CSV template (Excel has it on a second sheet)."""
    fmt = FORMATS.get(kind)
    if fmt is None:
        raise Http404
    response = HttpResponse(help_csv(fmt), content_type=BLANK_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="sjabloon-{kind}-toelichting.csv"'
    return response


@login_required
def import_formats(request: HttpRequest) -> HttpResponse:
    """The formats, with templates for the week chosen here (``?week=``; without it the
    current week, the week a delivery is for): the template links had no week, so in a
    week other than the calendar week a filled-in realisation template was refused."""
    try:
        chosen = IsoWeek.parse_optional(request.GET.get("week"))
    except PeriodError as error:
        return bad_request(request, str(error))
    week = chosen or IsoWeek.containing(timezone.localdate())
    return render(request, "imports/formats.html", {"formats": FORMATS.values(), "week": week})


def _uploader(record: Import) -> str:
    return record.uploaded_by.get_username() if record.uploaded_by else "systeem"


def _safe_name(name: str) -> str:
    return "".join(c for c in name if c.isalnum() or c in "._- ") or "bestand"
