"""Pages of the reception picture: national (``opvangbeeld``) and per province."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from regietafel import reference
from regietafel.accounts import access
from regietafel.charts import (
    ChartError,
    capacity_timeline_chart,
    need_vs_capacity_chart,
    render_svg,
    svg_for_html,
)
from regietafel.core.formatting import format_int_nl
from regietafel.core.need import need_by_week
from regietafel.core.periods import IsoWeek, PeriodError
from regietafel.core.rules import MEDIUM, SHORT, NeedCategory
from regietafel.doelen.selectors import targets_progress
from regietafel.opvangbeeld import tables
from regietafel.opvangbeeld.selectors import ReceptionPicture, default_week, reception_picture
from regietafel.presentation.http import html_table, table_csv
from regietafel.presentation.tables import ResultTable

SOURCE = "Bron: locatieregister (COA), regietafel"


def requested_week(request: HttpRequest) -> IsoWeek:
    """``?week=2021-W45``, or the week of the latest register; PeriodError if unreadable."""
    text = request.GET.get("week", "").strip()
    return IsoWeek.parse(text) if text else default_week()


def bad_request(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "opvang/ongeldig.html", {"message": message}, status=400)


def _chart(spec: dict[str, Any], *, title: str, description: str, prefix: str) -> str | None:
    try:
        return svg_for_html(
            render_svg(spec), title=title, description=description, id_prefix=prefix
        )
    except ChartError:
        return None


def _charts(picture: ReceptionPicture) -> dict[str, str | None]:
    if picture.register is None:
        return {"timeline_chart": None, "need_chart": None}
    total, structural, temporary = picture.scope_series()
    need = need_by_week(picture.scope_gaps, len(total))
    timeline = _chart(
        capacity_timeline_chart(
            week_starts=list(picture.timeline.week_starts),
            structural=structural,
            temporary=temporary,
            need=need,
            title="Opvangcapaciteit per week en behoefte",
            source=SOURCE,
        ),
        title="Opvangcapaciteit per week en behoefte",
        description="Gestapeld: structurele en tijdelijke plaatsen; stippellijn: behoefte. "
        "De cijfers staan in de tabel onder de grafiek.",
        prefix="tijdlijn",
    )
    need_rows = [
        (row.horizon.label, row.category.label, row.need, row.capacity)
        for row in picture.scope_gaps
    ]
    bars = _chart(
        need_vs_capacity_chart(
            rows=need_rows, title="Behoefte en capaciteit per horizon", source=SOURCE
        ),
        title="Behoefte en capaciteit per horizon",
        description="Per soort opvang de behoefte naast de capaciteit voor de korte, "
        "middellange en lange termijn. De cijfers staan in de tabel onder de grafiek.",
        prefix="behoefte",
    )
    return {"timeline_chart": timeline, "need_chart": bars}


def _figures(picture: ReceptionPicture) -> list[dict[str, str]]:
    occupancy = picture.scope_occupancy()
    gaps = {(r.horizon.name, r.category): r for r in picture.scope_gaps}
    total_now = picture.scope_series()[0][0] if picture.register else 0
    short_gap = sum(r.gap for r in picture.scope_gaps if r.horizon == SHORT)
    closing = [c for c in picture.closures if (c.end - picture.week.monday).days < MEDIUM.weeks * 7]
    amv = gaps.get((SHORT.name, NeedCategory.AMV))
    return [
        {"label": "Capaciteit nu", "value": format_int_nl(total_now), "note": "plaatsen"},
        {
            "label": "Bezetting nu",
            "value": format_int_nl(sum(occupancy.values())),
            "note": "personen",
        },
        {
            "label": "Tekort korte termijn",
            "value": format_int_nl(short_gap),
            "note": "alle soorten samen; negatief is overschot",
        },
        {
            "label": "AMV-locaties nodig",
            "value": format_int_nl(amv.gap_locations or 0) if amv else "0",
            "note": "korte termijn",
        },
        {
            "label": "Sluitingen zonder opvolger",
            "value": format_int_nl(len(closing)),
            "note": "binnen een half jaar",
        },
    ]


def _picture_tables(picture: ReceptionPicture, user: Any) -> list[ResultTable]:
    result = [
        tables.need_table(picture),
        tables.capacity_table(picture),
        tables.timeline_table(picture),
        tables.closures_table(picture),
    ]
    if picture.province_code is None:
        result.append(tables.provinces_table(picture))
    progress = targets_progress(user=user, week=picture.week, locations=picture.locations)
    if picture.province_code is not None:
        progress = [p for p in progress if p.target.province_code in (None, picture.province_code)]
    result.append(tables.targets_table(progress))
    return result


def _render(request: HttpRequest, picture: ReceptionPicture, extra: dict[str, Any]) -> HttpResponse:
    all_tables = _picture_tables(picture, request.user)
    if request.GET.get("formaat") == "csv":
        wanted = request.GET.get("tabel", "behoefte")
        chosen = next((t for t in all_tables if t.name == wanted), all_tables[0])
        scope = picture.province_code or "NL"
        return table_csv(chosen, f"opvangbeeld-{scope}-{picture.week.label}-{chosen.name}.csv")
    html = {t.name: html_table(t) for t in all_tables}
    context: dict[str, Any] = {
        "picture": picture,
        "week": picture.week,
        "figures": _figures(picture),
        "tables": html,
        "csv_query": f"week={picture.week.label}&",
        "buffer_fixed": picture.buffer.fixed,
        "buffer_percentage": picture.buffer.percentage,
        "provinces": reference.provinces(),
        "own_province": access.own_province(request.user),
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
    if not access.can_view_province_detail(request.user, province.code):
        raise PermissionDenied
    picture = reception_picture(user=request.user, week=week, province_code=province.code)
    from regietafel.verdeling.selectors import province_distribution

    share = next(
        r
        for r in province_distribution(user=request.user, week=week).plain.rows
        if r.code == province.code
    )
    return _render(
        request,
        picture,
        {"scope_name": province.name, "scope_code": province.code, "share": share},
    )
