"""Pages of the reception picture: national (``opvangbeeld``) and per province."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from regietafel import reference
from regietafel.accounts import access
from regietafel.charts import (
    ChartError,
    capacity_timeline_chart,
    need_vs_capacity_chart,
    render_svg,
    svg_for_html,
)
from regietafel.core.catalogue import Surface
from regietafel.core.need_policy import CHOOSABLE_POLICIES
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.doelen.selectors import core_targets
from regietafel.doelen.tables import targets_table
from regietafel.errors import NoDataError
from regietafel.imports.models import Kind
from regietafel.imports.selectors import missing_reason
from regietafel.kerncijfers.selectors import (
    figure_changes,
    figures_for,
    need_policy_choice,
    week_or_default,
)
from regietafel.kerncijfers.services import NeedPolicyError, choose_need_policy
from regietafel.opvangbeeld import tables
from regietafel.opvangbeeld.forms import NeedPolicyForm
from regietafel.opvangbeeld.selectors import ReceptionPicture, reception_picture
from regietafel.presentation.http import bad_request, html_table, table_csv
from regietafel.presentation.tables import ResultTable

SOURCE = "Bron: locatieregister (COA), regietafel"


def requested_week(request: HttpRequest) -> IsoWeek:
    """``?week=2021-W45``, or the newest week with data; PeriodError if unreadable."""
    return week_or_default(request.GET.get("week"))


def _chart(spec: dict[str, Any], *, title: str, description: str, prefix: str) -> str | None:
    try:
        return svg_for_html(
            render_svg(spec), title=title, description=description, id_prefix=prefix
        )
    except ChartError:
        return None


def _charts(picture: ReceptionPicture) -> dict[str, Any]:
    """The page's two charts (SVG, or None) and the kinds left out as afgeschermd."""
    reception = picture.reception
    if reception is None:
        return {"timeline_chart": None, "need_chart": None, "need_chart_hidden": []}
    timeline = _chart(
        capacity_timeline_chart(
            week_starts=list(reception.week_starts),
            structural=list(reception.capacity_structural),
            temporary=list(reception.capacity_temporary),
            need=None if reception.totals_suppressed else list(reception.need_by_week),
            title="Opvangcapaciteit per week en behoefte",
            source=SOURCE,
        ),
        title="Opvangcapaciteit per week en behoefte",
        description="Gestapeld: structurele en tijdelijke plaatsen; stippellijn: behoefte. "
        "De cijfers staan in de tabel onder de grafiek.",
        prefix="tijdlijn",
    )
    hidden = [kind.label for kind in reception.chart_hidden_kinds]
    drawn = reception.charted_gaps
    need_rows = [(row.horizon.label, row.category.label, row.need, row.capacity) for row in drawn]
    bars = (
        _chart(
            need_vs_capacity_chart(
                rows=need_rows, title="Behoefte en capaciteit per horizon", source=SOURCE
            ),
            title="Behoefte en capaciteit per horizon",
            description="Per soort opvang de behoefte naast de capaciteit voor de korte, "
            "middellange en lange termijn. De cijfers staan in de tabel onder de grafiek.",
            prefix="behoefte",
        )
        if need_rows
        else None
    )
    return {"timeline_chart": timeline, "need_chart": bars, "need_chart_hidden": hidden}


def _picture_tables(picture: ReceptionPicture) -> list[ResultTable]:
    result = [
        tables.need_table(picture),
        tables.capacity_table(picture),
        tables.timeline_table(picture),
        tables.closures_table(picture),
        tables.closures_later_table(picture),
    ]
    if picture.province_code is None:
        result.append(tables.provinces_table(picture))
    # Without a register the targets' progress is unknown: listed as "geen gegevens", not 0.
    unmeasured = core_targets(running_on=picture.week.monday) if picture.reception is None else ()
    result.append(targets_table(picture.figures.targets, unmeasured=unmeasured))
    return result


def _render(request: HttpRequest, picture: ReceptionPicture, extra: dict[str, Any]) -> HttpResponse:
    missing = (
        None
        if picture.register
        else missing_reason(kind=Kind.LOCATIES, week=picture.week, noun="locatieregister")
    )
    all_tables = _picture_tables(picture)
    if request.GET.get("formaat") == "csv":
        if missing is not None:  # every table empty or "geen gegevens": no file, the reason
            raise NoDataError(missing)
        wanted = request.GET.get("tabel", "behoefte")
        chosen = next((t for t in all_tables if t.name == wanted), all_tables[0])
        scope = picture.province_code or "NL"
        return table_csv(chosen, f"opvangbeeld-{scope}-{picture.week.label}-{chosen.name}.csv")
    before = figures_for(user=request.user, week=picture.week.previous, scope=picture.province_code)
    context: dict[str, Any] = {
        "picture": picture,
        "week": picture.week,
        "figures": figure_changes(picture.figures, before, Surface.OPVANGBEELD),
        "tables": {t.name: html_table(t) for t in all_tables},
        "csv_query": f"week={picture.week.label}&",
        "need_policy": picture.need_policy_choice,
        "can_choose_need_policy": access.can_choose_need_policy(request.user),
        "provinces": reference.provinces(),
        "own_province": access.own_province(request.user),
        "missing": missing,
        "no_download": missing is not None,  # the download would be refused: no link to it
        **_charts(picture),
        **extra,
    }
    return render(request, "opvangbeeld/opvangbeeld.html", context)


@login_required
def opvangbeeld(request: HttpRequest) -> HttpResponse:
    try:
        week = requested_week(request)
    except PeriodError as error:
        return bad_request(request, str(error))
    picture = reception_picture(user=request.user, week=week)
    return _render(request, picture, {"scope_name": "Nederland", "scope_code": "NL"})


@login_required
def opvangbeeld_provincie(request: HttpRequest, code: str) -> HttpResponse:
    try:
        province = reference.province(code)
    except reference.ReferenceDataError:
        raise Http404(code) from None
    try:
        week = requested_week(request)
    except PeriodError as error:
        return bad_request(request, str(error))
    access.require_province_detail(request.user, province.code)
    picture = reception_picture(user=request.user, week=week, province_code=province.code)
    from regietafel.verdeling.selectors import NoRegisterError, province_distribution

    share = None
    try:
        share = next(
            r
            for r in province_distribution(user=request.user, week=week).plain.rows
            if r.code == province.code
        )
    except NoRegisterError:
        share = None
    return _render(
        request,
        picture,
        {"scope_name": province.name, "scope_code": province.code, "share": share},
    )


@login_required
def behoeftebeleid(request: HttpRequest) -> HttpResponse:
    """Choose the need policy of a week (landelijk for the LRT, or beheerder): GET shows the
    form with the week's current policy, POST records the choice (audited) and returns to
    the national reception picture of that week."""
    if not access.can_choose_need_policy(request.user):
        raise PermissionDenied(_("Alleen het LRT of een beheerder kiest het behoeftebeleid."))
    try:
        week = requested_week(request)
    except PeriodError as error:
        return bad_request(request, str(error))
    current = need_policy_choice(week)
    status = 200
    if request.method == "POST":
        form = NeedPolicyForm(request.POST)
        if form.is_valid():
            try:
                choose_need_policy(
                    user=request.user,
                    week=week.label,
                    key=form.cleaned_data["policy"],
                    reason=form.cleaned_data["reason"],
                )
            except NeedPolicyError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Het behoeftebeleid van week %(week)s is vastgelegd.") % {"week": week.label},
                )
                return redirect(f"{reverse('opvangbeeld')}?week={week.label}")
        status = 400
    else:
        form = NeedPolicyForm(initial={"policy": current.policy.key})
    context = {
        "week": week,
        "current": current,
        "form": form,
        "policies": CHOOSABLE_POLICIES,
    }
    return render(request, "opvangbeeld/behoeftebeleid.html", context, status=status)
