"""The report's charts and maps, built from a ``ReportData`` only, as accessible inline SVG.

Rendering is deterministic, so an SVG is cached by its spec: the web page and the PDF of the
same frozen week draw each chart once per process.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from regietafel import reference
from regietafel.charts import (
    bar_chart,
    capacity_timeline_chart,
    fan_chart,
    municipality_map,
    need_vs_capacity_chart,
    province_map,
    render_svg,
    svg_for_html,
    topology_subset,
)
from regietafel.core.rules import ScheduleClass
from regietafel.rapportage.data import ReportData

CAPACITY_BREAKS = (80.0, 100.0, 120.0)
"""Province map classes: capacity as a percentage of the fair share (below 80 % is far short)."""

SOURCE_REGISTER = "Bron: COA-locatieregister (import), bewerking regietafel"
SOURCE_TAAKSTELLING = "Bron: taakstelling (Staatscourant), realisatie COA; grenzen CBS"
SOURCE_CAPACITY_MAP = "Bron: COA-locatieregister, inwoners en grenzen CBS; bewerking regietafel"


@dataclass(frozen=True, slots=True)
class Figure:
    """One chart ready for the page: inline SVG with its title and text alternative."""

    key: str
    title: str
    svg: str


MAP_TOLERANCE = 1.0
"""Map outlines: a point closer than this (in SVG px) to the last kept one is dropped.

Boundaries come at survey precision; at A4 map size points a fraction of a pixel apart
only make WeasyPrint slow (it parses every point) without changing what is drawn."""

_ABSOLUTE_POLYLINE = re.compile(r"^[MLZ0-9.,\-e ]+$")
_PATH_D = re.compile(r' d="([^"]*)"')
_COMMAND = re.compile(r"([MLZ])([^MLZ]*)")


def _thin_path(d: str, tolerance: float = MAP_TOLERANCE) -> str:
    """An absolute M/L/Z path with near-duplicate points removed, coordinates to 0.1 px."""
    if not _ABSOLUTE_POLYLINE.match(d):
        return d
    out: list[str] = []
    last: tuple[float, float] | None = None
    pending: tuple[float, float] | None = None
    for command, args in _COMMAND.findall(d):
        if command == "Z":
            if pending is not None:
                out.append(f"L{pending[0]:.1f},{pending[1]:.1f}")
                pending = None
            out.append("Z")
            last = None
            continue
        x_text, _, y_text = args.partition(",")
        point = (float(x_text), float(y_text))
        if command == "M" or last is None:
            if pending is not None:
                out.append(f"L{pending[0]:.1f},{pending[1]:.1f}")
                pending = None
            out.append(f"M{point[0]:.1f},{point[1]:.1f}")
            last = point
            continue
        if abs(point[0] - last[0]) + abs(point[1] - last[1]) < tolerance:
            pending = point
            continue
        out.append(f"L{point[0]:.1f},{point[1]:.1f}")
        last, pending = point, None
    if pending is not None:
        out.append(f"L{pending[0]:.1f},{pending[1]:.1f}")
    return "".join(out)


def thin_map_svg(svg: str) -> str:
    return _PATH_D.sub(lambda m: f' d="{_thin_path(m.group(1))}"', svg)


@lru_cache(maxsize=64)
def _svg(spec_json: str, thin: bool) -> str:
    svg = render_svg(json.loads(spec_json))
    return thin_map_svg(svg) if thin else svg


def _figure(key: str, spec: dict[str, Any], *, title: str, data: ReportData) -> Figure:
    spec_json = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(spec_json.encode()).hexdigest()[:8]
    svg = _svg(spec_json, key.endswith("kaart"))
    description = str(spec.get("description") or title)
    prefix = f"{key}-{data.scope}-{digest}"
    return Figure(
        key, title, svg_for_html(svg, title=title, description=description, id_prefix=prefix)
    )


def municipality_figure(data: ReportData) -> Figure | None:
    rows = data.taakstelling.municipalities
    if not rows or data.taakstelling.period is None:
        return None
    on = date.fromisoformat(data.week_start)
    topology = reference.geometry("municipalities", on)
    if not data.is_national:
        topology = topology_subset(
            topology,
            "gemeenten",
            {
                str(g["id"])
                for g in topology["objects"]["gemeenten"]["geometries"]
                if (g.get("properties") or {}).get("provinciecode") == data.scope
            },
        )
    title = (
        f"Voortgang taakstelling {data.taakstelling.period} per gemeente, "
        f"{data.scope_name}, week {data.week}"
    )
    spec = municipality_map(
        topology=topology,
        object_name="gemeenten",
        classes={row.code: row.schedule_label for row in rows if row.schedule_label is not None},
        class_order=[c.label for c in ScheduleClass],
        title=title,
        source=SOURCE_TAAKSTELLING,
        legend_title="gehuisvest t.o.v. schema",
    )
    return _figure("gemeentekaart", spec, title=title, data=data)


def province_figure(data: ReportData) -> Figure | None:
    values = {p.code: p.percentage for p in data.province_capacity if p.percentage is not None}
    if not values:
        return None
    title = (
        f"Opvangcapaciteit per provincie als percentage van het evenredig deel, week {data.week}"
    )
    spec = province_map(
        topology=reference.geometry("provinces", date.fromisoformat(data.week_start)),
        object_name="provincies",
        values=values,
        title=title,
        source=SOURCE_CAPACITY_MAP,
        legend_title="capaciteit t.o.v. evenredig deel",
        class_breaks=CAPACITY_BREAKS,
    )
    return _figure("provinciekaart", spec, title=title, data=data)


def need_figure(data: ReportData) -> Figure | None:
    if not data.gaps:
        return None
    title = f"Benodigde plaatsen en capaciteit per horizon, {data.scope_name}, week {data.week}"
    spec = need_vs_capacity_chart(
        rows=[
            (g.horizon_label, g.category_label, g.need, g.capacity)
            for g in data.gaps
            if g.charted and g.need is not None  # the core's rule, as on the page
        ],
        title=title,
        source=SOURCE_REGISTER,
        y_title="aantal plaatsen",
    )
    return _figure("behoefte", spec, title=title, data=data)


def timeline_figure(data: ReportData) -> Figure | None:
    timeline = data.timeline
    if timeline is None or not timeline.week_starts:
        return None
    title = f"Opvangcapaciteit per week vanaf week {data.week}, {data.scope_name}"
    spec = capacity_timeline_chart(
        week_starts=[date.fromisoformat(d) for d in timeline.week_starts],
        structural=list(timeline.structural),
        temporary=list(timeline.temporary),
        need=list(timeline.need) if timeline.need is not None else None,
        title=title,
        source=SOURCE_REGISTER + " (einddata tijdelijke locaties)",
    )
    return _figure("capaciteit_tijd", spec, title=title, data=data)


def forecast_figure(data: ReportData) -> Figure | None:
    """The fan of the forecast's occupancy: median, 80 % and 95 % bands per week."""
    fan = data.forecast
    if fan is None or not fan.week_starts:
        return None
    title = f"Prognose bezetting {data.scope_name} vanaf week {data.week} (scenario midden)"
    low95, low80, median, high80, high95 = fan.occupancy
    spec = fan_chart(
        dates=[date.fromisoformat(d) for d in fan.week_starts],
        observed=[None] * len(fan.week_starts),
        median=[float(v) for v in median],
        bands=[
            (0.80, [float(v) for v in low80], [float(v) for v in high80]),
            (0.95, [float(v) for v in low95], [float(v) for v in high95]),
        ],
        title=title,
        source="Bron: regietafel-prognose op landelijke reeksen (CBS, IND, JenV, COA)",
        y_title="personen in de opvang",
    )
    return _figure("prognose", spec, title=title, data=data)


def province_progress_figure(data: ReportData) -> Figure | None:
    rows = [(p.name, p.percentage) for p in data.taakstelling.provinces if p.percentage is not None]
    if not data.is_national or not rows:
        return None
    title = (
        f"Gehuisvest als percentage van de gecorrigeerde taakstelling "
        f"{data.taakstelling.period}, per provincie"
    )
    spec = bar_chart(
        labels=[name for name, _ in rows],
        values=[percentage for _, percentage in rows],  # no data: left out, never drawn as 0
        title=title,
        source=SOURCE_TAAKSTELLING,
        x_title="gehuisvest (% van gecorrigeerde taakstelling)",
    )
    return _figure("provincievoortgang", spec, title=title, data=data)


def report_figures(data: ReportData) -> dict[str, Figure]:
    """Every chart the report has data for, by key; a missing key means no chart."""
    builders = (
        municipality_figure,
        province_progress_figure,
        province_figure,
        need_figure,
        timeline_figure,
        forecast_figure,
    )
    figures: dict[str, Figure] = {}
    for build in builders:
        figure = build(data)
        if figure is not None:
            figures[figure.key] = figure
    return figures
