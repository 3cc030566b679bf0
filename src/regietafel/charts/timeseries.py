"""Charts over time: reception capacity by week, and forecasts with uncertainty bands."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from regietafel.charts._common import (
    SERIES_COLOURS,
    check_lengths,
    finite_or_none,
    format_number,
    iso,
    with_title_and_source,
)

WIDTH = 560
HEIGHT = 260

STRUCTURAL = "structurele plaatsen"
TEMPORARY = "tijdelijke plaatsen"
NEED = "benodigde plaatsen"

_WEEK_AXIS: dict[str, Any] = {
    "title": "week (begindatum)",
    "format": "%e %b %Y",
    "labelAngle": 0,
    "labelOverlap": True,
    "tickCount": 6,
}


def capacity_timeline_chart(
    *,
    week_starts: Sequence[date],
    structural: Sequence[int],
    temporary: Sequence[int],
    need: Sequence[int] | None = None,
    title: str,
    source: str,
) -> dict[str, Any]:
    """Stacked area of structural and temporary reception places per week.

    Steps (not slopes) between weeks, so the week in which temporary locations close is
    a visible cliff. ``need`` adds a dashed line for the required number of places.
    """
    n = len(week_starts)
    if n == 0:
        raise ValueError("Geen weken opgegeven.")
    check_lengths("structural", n, structural)
    check_lengths("temporary", n, temporary)
    if need is not None:
        check_lengths("need", n, need)

    rows: list[dict[str, Any]] = []
    for i, week in enumerate(week_starts):
        total = int(structural[i]) + int(temporary[i])
        for kind, places, order in ((STRUCTURAL, structural[i], 0), (TEMPORARY, temporary[i], 1)):
            rows.append(
                {
                    "week": iso(week),
                    "soort": kind,
                    "volgorde": order,
                    "plaatsen": int(places),
                    "totaal": total,
                }
            )
    domain = [STRUCTURAL, TEMPORARY]
    colours = [SERIES_COLOURS[0], SERIES_COLOURS[4]]
    if need is not None:
        domain.append(NEED)
        colours.append("#D55E00")
    colour_scale = {"domain": domain, "range": colours}

    x = {"field": "week", "type": "temporal", "axis": _WEEK_AXIS}
    layers: list[dict[str, Any]] = [
        {
            "data": {"values": rows},
            "mark": {"type": "area", "interpolate": "step-after", "line": False},
            "encoding": {
                "x": x,
                "y": {
                    "field": "plaatsen",
                    "type": "quantitative",
                    "stack": "zero",
                    "title": "aantal plaatsen",
                    "axis": {"format": ",d"},
                },
                "order": {"field": "volgorde", "type": "quantitative"},
                "color": {
                    "field": "soort",
                    "type": "nominal",
                    "scale": colour_scale,
                    "legend": {"title": None},
                },
                "tooltip": [
                    {"field": "week", "type": "temporal", "title": "week", "format": "%e %B %Y"},
                    {"field": "soort", "type": "nominal", "title": "soort"},
                    {"field": "plaatsen", "type": "quantitative", "format": ",d"},
                    {"field": "totaal", "type": "quantitative", "format": ",d"},
                ],
            },
        }
    ]
    if need is not None:
        need_rows = [
            {"week": iso(w), "soort": NEED, "plaatsen": int(v)}
            for w, v in zip(week_starts, need, strict=True)
        ]
        layers.append(
            {
                "data": {"values": need_rows},
                "mark": {
                    "type": "line",
                    "interpolate": "step-after",
                    "strokeWidth": 2.5,
                    "strokeDash": [6, 3],
                },
                "encoding": {
                    "x": x,
                    "y": {"field": "plaatsen", "type": "quantitative"},
                    "color": {"field": "soort", "type": "nominal", "scale": colour_scale},
                    "tooltip": [
                        {"field": "week", "type": "temporal", "format": "%e %B %Y"},
                        {"field": "plaatsen", "type": "quantitative", "format": ",d"},
                    ],
                },
            }
        )
    last = n - 1
    description = (
        f"{title}. Week van {week_starts[0]:%d-%m-%Y} tot en met {week_starts[last]:%d-%m-%Y}. "
        f"Laatste week: {format_number(structural[last])} structurele en "
        f"{format_number(temporary[last])} tijdelijke plaatsen"
        + (f", behoefte {format_number(need[last])}." if need is not None else ".")
    )
    chart = {"width": WIDTH, "height": HEIGHT, "layer": layers}
    return with_title_and_source(
        chart, title=title, source=source, width=WIDTH, description=description
    )


def _percent_label(level: float) -> str:
    if not 0 < level < 1:
        raise ValueError(f"Intervalniveau moet tussen 0 en 1 liggen, niet {level}.")
    pct = level * 100
    text = format_number(pct, 0 if abs(pct - round(pct)) < 1e-9 else 1)
    return f"{text}\u00a0%-interval"  # Dutch notation: "80 %-interval", never broken


def fan_chart(
    *,
    dates: Sequence[date],
    observed: Sequence[int | None],
    median: Sequence[float | None],
    bands: Sequence[tuple[float, Sequence[float | None], Sequence[float | None]]],
    title: str,
    source: str,
    y_title: str = "aantal personen",
) -> dict[str, Any]:
    """Forecast fan: observed line, median forecast (dashed) and uncertainty bands.

    ``bands`` holds ``(level, lower, upper)`` with ``level`` a fraction such as 0.5 or 0.9;
    wider bands are drawn lighter and underneath. ``None`` leaves a gap (e.g. no
    observation yet for future dates, no forecast for past ones).
    """
    n = len(dates)
    if n == 0:
        raise ValueError("Geen datums opgegeven.")
    check_lengths("observed", n, observed)
    check_lengths("median", n, median)
    ordered = sorted(bands, key=lambda band: band[0], reverse=True)  # widest first
    labels = [_percent_label(level) for level, _, _ in ordered]
    if len(set(labels)) != len(labels):
        raise ValueError("Twee banden hebben hetzelfde niveau.")
    for label, (_, lower, upper) in zip(labels, ordered, strict=True):
        check_lengths(f"{label} ondergrens", n, lower)
        check_lengths(f"{label} bovengrens", n, upper)

    observed_label = "waargenomen"
    median_label = "verwachting (mediaan)"
    # Without any observation (a forecast only) the observed line and its legend entry are left
    # out: an empty line mark would be an unlabelled graphic for screen readers.
    has_observed = any(value is not None for value in observed)
    domain = [*([observed_label] if has_observed else []), median_label, *labels]
    band_colours = ["#deebf7", "#b9d3ec", "#8ab8de", "#5a9bd1"]  # widest band lightest
    if len(ordered) > len(band_colours):
        raise ValueError(f"Hoogstens {len(band_colours)} banden.")
    colours = [
        *(["#1a1a1a"] if has_observed else []),
        SERIES_COLOURS[5],
        *band_colours[len(band_colours) - len(ordered) :],
    ]
    colour_scale = {"domain": domain, "range": colours}

    rows: list[dict[str, Any]] = []
    for i, day in enumerate(dates):
        seen = observed[i]
        row: dict[str, Any] = {
            "datum": iso(day),
            "waargenomen": None if seen is None else int(seen),
            "mediaan": finite_or_none(median[i]),
        }
        for b, (_, lower, upper) in enumerate(ordered):
            row[f"onder{b}"] = finite_or_none(lower[i])
            row[f"boven{b}"] = finite_or_none(upper[i])
        rows.append(row)

    x = {"field": "datum", "type": "temporal", "axis": {**_WEEK_AXIS, "title": "datum"}}
    y_axis = {"title": y_title, "format": ",d"}
    y_scale = {"zero": False}
    layers: list[dict[str, Any]] = []
    for b, label in enumerate(labels):
        layers.append(
            {
                "transform": [{"filter": f"isValid(datum.onder{b}) && isValid(datum.boven{b})"}],
                "mark": {"type": "area"},
                "encoding": {
                    "x": x,
                    "y": {
                        "field": f"onder{b}",
                        "type": "quantitative",
                        "axis": y_axis,
                        "scale": y_scale,
                    },
                    "y2": {"field": f"boven{b}"},
                    "color": {"datum": label, "type": "nominal", "scale": colour_scale},
                    "tooltip": [
                        {"field": "datum", "type": "temporal", "format": "%e %B %Y"},
                        {
                            "field": f"onder{b}",
                            "type": "quantitative",
                            "format": ",.0f",
                            "title": f"{label}, ondergrens",
                        },
                        {
                            "field": f"boven{b}",
                            "type": "quantitative",
                            "format": ",.0f",
                            "title": f"{label}, bovengrens",
                        },
                    ],
                },
            }
        )
    layers.append(
        {
            "transform": [{"filter": "isValid(datum.mediaan)"}],
            "mark": {"type": "line", "strokeWidth": 2, "strokeDash": [6, 3]},
            "encoding": {
                "x": x,
                "y": {"field": "mediaan", "type": "quantitative", "axis": y_axis, "scale": y_scale},
                "color": {"datum": median_label, "type": "nominal", "scale": colour_scale},
                "tooltip": [
                    {"field": "datum", "type": "temporal", "format": "%e %B %Y"},
                    {"field": "mediaan", "type": "quantitative", "format": ",.0f"},
                ],
            },
        }
    )
    if has_observed:
        layers.append(_observed_layer(x, y_axis, y_scale, observed_label, colour_scale))
    chart: dict[str, Any] = {
        "width": WIDTH,
        "height": HEIGHT,
        "data": {"values": rows},
        "layer": layers,
    }
    last_median = next((m for m in reversed(median) if m is not None), None)
    description = f"{title}. Periode {dates[0]:%d-%m-%Y} tot en met {dates[-1]:%d-%m-%Y}." + (
        f" Verwachting aan het eind: {format_number(last_median)}." if last_median else ""
    )
    return with_title_and_source(
        chart, title=title, source=source, width=WIDTH, description=description
    )


def _observed_layer(
    x: dict[str, Any],
    y_axis: dict[str, Any],
    y_scale: dict[str, Any],
    observed_label: str,
    colour_scale: dict[str, Any],
) -> dict[str, Any]:
    return {
        "transform": [{"filter": "isValid(datum.waargenomen)"}],
        "mark": {"type": "line", "strokeWidth": 2, "point": {"size": 18}},
        "encoding": {
            "x": x,
            "y": {
                "field": "waargenomen",
                "type": "quantitative",
                "axis": y_axis,
                "scale": y_scale,
            },
            "color": {"datum": observed_label, "type": "nominal", "scale": colour_scale},
            "tooltip": [
                {"field": "datum", "type": "temporal", "format": "%e %B %Y"},
                {"field": "waargenomen", "type": "quantitative", "format": ",d"},
            ],
        },
    }
