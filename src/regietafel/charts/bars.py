"""Bar charts: need versus capacity per horizon, and a plain horizontal bar chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from regietafel.charts._common import (
    INK,
    SERIES_COLOURS,
    check_lengths,
    finite_or_none,
    format_number,
    with_title_and_source,
)

NEED = "behoefte"
CAPACITY = "capaciteit"


def need_vs_capacity_chart(
    *,
    rows: Sequence[tuple[str, str, int, int]],
    title: str,
    source: str,
    y_title: str = "aantal plaatsen",
    shared_y: bool = False,
) -> dict[str, Any]:
    """Grouped bars: need and capacity side by side per horizon, one panel per category.

    ``rows`` are ``(horizon, category, need, capacity)``; horizons and categories keep
    the order in which they first appear. Each bar carries its value as a label, so the
    comparison does not depend on reading colours. Panels get their own y-axis unless
    ``shared_y`` (categories often differ tenfold, e.g. regular places and AMV).
    """
    if not rows:
        raise ValueError("Geen rijen opgegeven.")
    horizons: list[str] = []
    categories: list[str] = []
    values: list[dict[str, Any]] = []
    for horizon, category, need, capacity in rows:
        if horizon not in horizons:
            horizons.append(horizon)
        if category not in categories:
            categories.append(category)
        for measure, amount in ((NEED, need), (CAPACITY, capacity)):
            values.append(
                {
                    "horizon": horizon,
                    "categorie": category,
                    "maat": measure,
                    "aantal": int(amount),
                    "tekort": int(need) - int(capacity),
                }
            )
    n_horizons = len(horizons)
    panel_width = max(150, min(380, 120 * n_horizons))
    x = {
        "field": "horizon",
        "type": "nominal",
        "sort": horizons,
        "title": "horizon",
        "axis": {"labelAngle": 0, "labelLimit": 120},
    }
    x_offset = {"field": "maat", "type": "nominal", "sort": [NEED, CAPACITY]}
    y = {
        "field": "aantal",
        "type": "quantitative",
        "title": y_title,
        "axis": {"format": ",d"},
    }
    inner = {
        "width": panel_width,
        "height": 240,
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "x": x,
                    "xOffset": x_offset,
                    "y": y,
                    "color": {
                        "field": "maat",
                        "type": "nominal",
                        "scale": {
                            "domain": [NEED, CAPACITY],
                            "range": [SERIES_COLOURS[5], SERIES_COLOURS[0]],
                        },
                        "legend": {"title": None},
                    },
                    "tooltip": [
                        {"field": "categorie", "type": "nominal"},
                        {"field": "horizon", "type": "nominal"},
                        {"field": "maat", "type": "nominal"},
                        {"field": "aantal", "type": "quantitative", "format": ",d"},
                        {"field": "tekort", "type": "quantitative", "format": ",d"},
                    ],
                },
            },
            {
                "mark": {
                    "type": "text",
                    "baseline": "bottom",
                    "dy": -2,
                    "fontSize": 9,
                    "color": INK,
                },
                "encoding": {
                    "x": x,
                    "xOffset": x_offset,
                    "y": y,
                    "text": {"field": "aantal", "type": "quantitative", "format": ",d"},
                },
            },
        ],
    }
    chart: dict[str, Any] = {
        "data": {"values": values},
        "facet": {
            "column": {
                "field": "categorie",
                "type": "nominal",
                "sort": categories,
                "title": None,
                "header": {"labelFontWeight": "bold", "labelAnchor": "start"},
            }
        },
        "spec": inner,
        "resolve": {"scale": {"y": "shared" if shared_y else "independent"}},
    }
    total_width = len(categories) * (panel_width + 20) + 60
    parts = [
        f"{cat}, {hor}: behoefte {format_number(need)}, capaciteit {format_number(cap)}"
        for hor, cat, need, cap in rows
    ]
    description = f"{title}. " + "; ".join(parts) + "."
    return with_title_and_source(
        chart, title=title, source=source, width=total_width, description=description
    )


def bar_chart(
    *,
    labels: Sequence[str],
    values: Sequence[float],
    title: str,
    source: str,
    x_title: str,
    number_format: str = ",.1f",  # always one decimal, as the tables write "60,0 %"
    sort_descending: bool = False,
) -> dict[str, Any]:
    """Horizontal bars, one per label (e.g. taakstelling realised in % per province).

    Bars keep the input order unless ``sort_descending``; each bar has its value printed
    at its end (``number_format`` is a d3-format string, shown with Dutch separators).
    """
    if not labels:
        raise ValueError("Geen labels opgegeven.")
    check_lengths("values", len(labels), values)
    clean = [finite_or_none(value) for value in values]
    rows = [{"label": label, "waarde": value} for label, value in zip(labels, clean, strict=True)]
    order: Any = "-x" if sort_descending else list(labels)
    y = {
        "field": "label",
        "type": "nominal",
        "sort": order,
        "title": None,
        "axis": {"labelLimit": 200},
    }
    x = {
        "field": "waarde",
        "type": "quantitative",
        "title": x_title,
        # Ticks are round numbers: trailing zeros go there ("10", not "10,0"); the values
        # at the bars keep ``number_format``.
        "axis": {"format": ",~f", "grid": True},
    }
    chart = {
        "width": 440,
        "height": {"step": 22},
        "data": {"values": rows},
        "layer": [
            {
                "mark": {"type": "bar", "color": SERIES_COLOURS[0]},
                "encoding": {
                    "y": y,
                    "x": x,
                    "tooltip": [
                        {"field": "label", "type": "nominal", "title": "naam"},
                        {
                            "field": "waarde",
                            "type": "quantitative",
                            "format": number_format,
                            "title": x_title,
                        },
                    ],
                },
            },
            {
                "mark": {
                    "type": "text",
                    "align": "left",
                    "baseline": "middle",
                    "dx": 3,
                    "fontSize": 10,
                    "color": INK,
                },
                "encoding": {
                    "y": y,
                    "x": x,
                    "text": {"field": "waarde", "type": "quantitative", "format": number_format},
                },
            },
        ],
    }
    description = (
        f"{title}. "
        + "; ".join(
            f"{label}: {'onbekend' if value is None else format_number(value, 1, trim=True)}"
            for label, value in zip(labels, clean, strict=True)
        )
        + "."
    )
    return with_title_and_source(
        chart, title=title, source=source, width=440, description=description
    )


def tradeoff_chart(
    *,
    labels: Sequence[str],
    x_values: Sequence[float],
    y_values: Sequence[float],
    title: str,
    source: str,
    x_title: str,
    y_title: str,
) -> dict[str, Any]:
    """One labelled point per option on two costs that pull apart (empty places against
    shortage): the trade-off the tables weigh, which a bar of one total hides."""
    if not labels:
        raise ValueError("Geen labels opgegeven.")
    check_lengths("x_values", len(labels), x_values)
    check_lengths("y_values", len(labels), y_values)
    finite_x = [v for v in (finite_or_none(x) for x in x_values) if v is not None]
    widest = max(finite_x, default=0.0)

    def lines(label: str) -> list[str]:
        """A long label on two lines, split at its comma, so it fits beside its point."""
        head, comma, tail = label.partition(", ")
        return [head + ",", tail] if comma and len(label) > 28 else [label]

    def leftwards(label: str, x: float | None) -> bool:
        """A label that would run past the plot's right edge reads leftwards from its point
        (about 5.6 px a character at 10 px type on a 440 px plot)."""
        if not widest or x is None:
            return False
        return x / widest + (max(map(len, lines(label))) * 5.6 + 8) / 440 > 1.0

    rows = [
        {
            "label": label, "tekst": lines(label), "x": finite_or_none(x),
            "y": finite_or_none(y), "boven": i % 2 == 0,
            "links": leftwards(label, finite_or_none(x)),
        }
        for i, (label, x, y) in enumerate(zip(labels, x_values, y_values, strict=True))
    ]  # fmt: skip
    x = {"field": "x", "type": "quantitative", "title": x_title, "axis": {"format": ",d"}}
    y = {"field": "y", "type": "quantitative", "title": y_title, "axis": {"format": ",d"}}
    chart = {
        "width": 440,
        "height": 260,
        "data": {"values": rows},
        "layer": [
            {
                "mark": {"type": "point", "filled": True, "size": 70, "color": SERIES_COLOURS[0]},
                "encoding": {
                    "x": x,
                    "y": y,
                    "tooltip": [
                        {"field": "label", "type": "nominal", "title": "naam"},
                        {"field": "x", "type": "quantitative", "format": ",d", "title": x_title},
                        {"field": "y", "type": "quantitative", "format": ",d", "title": y_title},
                    ],
                },
            },
            # Labels alternate above and below their point, so two close options stay legible.
            *(
                {
                    "transform": [
                        {"filter": f"{'' if above else '!'}datum.boven"},
                        {"filter": f"{'' if leftwards else '!'}datum.links"},
                    ],
                    "mark": {
                        "type": "text",
                        "align": "right" if leftwards else "left",
                        "dx": -6 if leftwards else 6,
                        "dy": -8 if above else 9,
                        "fontSize": 10,
                        "color": INK,
                    },
                    "encoding": {"x": x, "y": y, "text": {"field": "tekst"}},
                }
                for above in (True, False)
                for leftwards in (False, True)
            ),
        ],
    }

    def said(value: float | None) -> str:
        return "onbekend" if value is None else format_number(value, 0)

    description = (
        f"{title}. "
        + "; ".join(
            f"{label}: {x_title} {said(finite_or_none(x))}, {y_title} {said(finite_or_none(y))}"
            for label, x, y in zip(labels, x_values, y_values, strict=True)
        )
        + "."
    )
    return with_title_and_source(
        chart, title=title, source=source, width=440, description=description
    )
