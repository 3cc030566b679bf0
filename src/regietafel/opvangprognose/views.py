"""The Prognose page: fan charts, back-test, buffer policies and the chance per target."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from regietafel import reference
from regietafel.charts import (
    ChartError,
    bar_chart,
    fan_chart,
    render_svg,
    svg_for_html,
    tradeoff_chart,
)
from regietafel.core.bounded_cache import BoundedCache
from regietafel.core.forecast import QUANTILE_LEVELS, ForecastError
from regietafel.core.formatting import format_date_nl
from regietafel.core.periods import PeriodError
from regietafel.kerncijfers.selectors import week_or_default
from regietafel.opvangprognose import selectors, tables
from regietafel.opvangprognose.forms import ForecastForm, factor_text
from regietafel.presentation.http import bad_request, html_table, table_csv, wants_csv
from regietafel.presentation.tables import ResultTable, format_int
from regietafel.prognose.cache import CENTRAL_LINE_NOTE
from regietafel.prognose.outlook import Outlook

SOURCE = "Bron: regietafel-prognose op landelijke reeksen (CBS, IND, JenV, COA)"

_CHARTS: BoundedCache[dict[str, str | None]] = BoundedCache.by_count(24)


def _svg(spec: dict[str, Any], *, title: str, description: str, prefix: str) -> str | None:
    try:
        return svg_for_html(
            render_svg(spec), title=title, description=description, id_prefix=prefix
        )
    except ChartError:
        return None


def _fan(
    weeks: Sequence[date], values: Any, *, title: str, prefix: str, y_title: str
) -> str | None:
    def row(level: float) -> list[float]:
        return [float(v) for v in values[QUANTILE_LEVELS.index(level)]]

    median = row(0.5)
    bands = [(0.80, row(0.1), row(0.9)), (0.95, row(0.025), row(0.975))]
    spec = fan_chart(
        dates=list(weeks), observed=[None] * len(weeks), median=median, bands=bands,
        title=title, source=SOURCE, y_title=y_title,
    )  # fmt: skip
    return _svg(
        spec,
        title=title,
        description="Mediaan (stippellijn) met de 80 %- en 95 %-band per week. "
        "De cijfers staan in de tabel onder de grafieken.",
        prefix=prefix,
    )


def _charts(view: Outlook) -> dict[str, str | None]:
    scope = view.scope_name
    charts: dict[str, str | None] = {
        "occupancy_chart": _fan(
            view.week_starts, view.occupancy, title=f"Bezetting {scope}",
            prefix="bezetting", y_title="personen in de opvang",
        ),
        "need_chart": _fan(
            view.week_starts, view.need, title=f"Benodigde plekken {scope}",
            prefix="nodig", y_title="plekken",
        ),
        "holders_chart": None,
    }  # fmt: skip
    if view.holders is not None:
        charts["holders_chart"] = _fan(
            view.week_starts, view.holders, title="Vergunninghouders in de opvang (landelijk)",
            prefix="vergunninghouders", y_title="personen",
        )  # fmt: skip
    charts["buffer_chart"] = _svg(
        bar_chart(
            labels=[b.label for b in view.buffers],
            values=[b.cost_million for b in view.buffers],
            title="Verwachte kosten per bufferbeleid over twee jaar (mln euro)",
            source="Bron: regietafel-prognose; kosten COA 2022",
            x_title="mln euro (plekken + noodopvang bij tekort)",
            number_format=",.0f",
        ),
        title="Verwachte kosten per bufferbeleid",
        description="Verwachte kosten over alle paden per bufferbeleid; de tabel ernaast geeft "
        "ook tekort, lege plekken, openingen en sluitingen.",
        prefix="buffer",
    )
    charts["tradeoff_chart"] = _svg(
        tradeoff_chart(
            labels=[b.label for b in view.buffers],
            x_values=[b.empty_place_weeks for b in view.buffers],
            y_values=[b.short_person_weeks for b in view.buffers],
            title="Tekort tegen lege plekken per bufferbeleid (verwachting over twee jaar)",
            source="Bron: regietafel-prognose, dezelfde paden als de tabel",
            x_title="lege plekweken",
            y_title="tekort (persoonweken)",
        ),
        title="Tekort tegen lege plekken per bufferbeleid",
        description="Per bufferbeleid het verwachte tekort (persoonweken) tegen de verwachte "
        "lege plekken (plekweken); linksonder is beter, maar een beleid kan alleen het een "
        "verkleinen door het ander te vergroten.",
        prefix="afweging",
    )
    return charts


def _query(query: QueryDict) -> str:
    """The shown page's query without the download parameters, ready for ``?…&formaat=csv``
    (after a fallback to scenario midden: that one, so a download is what the page shows)."""
    kept = [(k, v) for k, values in query.lists() if k not in {"formaat", "tabel"}
            for v in values]  # fmt: skip
    return f"{urlencode(kept)}&" if kept else ""


def _all_tables(view: Outlook, chances: Sequence[Any]) -> list[ResultTable]:
    return [
        tables.outlook_weeks_table(view),
        tables.outlook_dates_table(view),
        tables.outlook_buffer_table(view),
        tables.buffer_sources_table(),
        tables.target_chances_table(chances),
        tables.backtest_table(selectors.backtest_lines()),
        tables.outlook_parameters_table(view),
    ]


@login_required
def prognose(request: HttpRequest) -> HttpResponse:
    form = ForecastForm(request.GET)
    if not form.is_valid():
        messages = [f"{form.fields[name].label}: {' '.join(str(e) for e in errors)}"
                    for name, errors in form.errors.items()]  # fmt: skip
        return bad_request(request, " ".join(messages))
    try:
        week = form.cleaned_data["week"] or week_or_default(None)
    except PeriodError as error:
        return bad_request(request, str(error))
    notice = ""
    shown: QueryDict = request.GET
    try:
        scenario = form.chosen_scenario(selectors.scenarios_in(week))
    except KeyError:
        # An official scenario before its MPP: a download says so (400); the page explains
        # it and shows the middle scenario, so the reader can go on from there.
        reason = selectors.unavailable(form.cleaned_data["scenario"], week)
        if wants_csv(request):
            return bad_request(request, reason)
        notice = f"{reason[:1].upper()}{reason[1:]}. Hieronder het scenario midden."
        query = request.GET.copy()
        query["scenario"] = "midden"
        shown = query
        form = ForecastForm(query)
        form.is_valid()
        scenario = form.chosen_scenario(selectors.scenarios_in(week))
    try:
        view = selectors.forecast_outlook(
            user=request.user, week=week, scenario=scenario,
            province=form.cleaned_data["provincie"], policy_key=form.cleaned_data["beleid"],
            order_percentile=form.order_percentile(),
        )  # fmt: skip
    except selectors.ForecastSuppressedError as error:
        raise PermissionDenied(str(error)) from None
    except (ForecastError, reference.ReferenceDataError) as error:
        return bad_request(request, str(error))
    chances = selectors.target_chances(user=request.user, week=week, view=view)
    all_tables = _all_tables(view, chances)
    if wants_csv(request):
        wanted = request.GET.get("tabel", "weken")
        chosen = next((t for t in all_tables if t.name == wanted), all_tables[0])
        scope = "NL" if view.province_index is None else reference.province(view.scope_name).code
        return table_csv(chosen, f"prognose-{scope}-{scenario.name}-{chosen.name}.csv")
    charts = _CHARTS.value(
        (view.run.key, view.scope_name, view.policy.key, tuple(b.key for b in view.buffers)),
        lambda: _charts(view),
    )
    base = form.base(selectors.scenarios_in(week))
    origin = view.run.key.origin
    context: dict[str, Any] = {
        "notice": notice,
        "central_line_note": CENTRAL_LINE_NOTE,
        "order_percent": round(form.order_percentile() * 100),
        "form": form,
        "view": view,
        "week": week,
        "scenario": scenario,
        "base": base,
        "edited": scenario != base,  # equal, not identical: MPP scenarios are built per call
        "scopes": selectors.visible_scopes(request.user, week),
        "scenario_choices": selectors.scenario_choices(week),
        "scope_code": "NL"
        if view.province_index is None
        else reference.province(view.scope_name).code,
        "origin": format_date_nl(origin),
        "origin_clamped": origin != week.monday,
        "first_week": format_date_nl(view.run.inputs.start),
        "paths": format_int(view.run.key.paths),
        "seed": str(view.run.key.seed),
        "data_identity": view.run.key.data,
        "start_capacity": format_int(view.start_capacity),
        "start_need": format_int(view.start_need),
        "start_occupancy": format_int(view.start_occupancy),
        "factors": {
            "instroom": factor_text(scenario.inflow_factor),
            "huisvesting": factor_text(scenario.housing_factor),
            "onzekerheid": factor_text(scenario.level_uncertainty),
        },
        "tables": {t.name: html_table(t) for t in all_tables},
        "csv_query": _query(shown),
        **charts,
    }
    return render(request, "opvangprognose/prognose.html", context)
