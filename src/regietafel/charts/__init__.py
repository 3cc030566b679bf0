"""Offline chart and map rendering for the weekly report (web page and PDF).

Functions here build Vega-Lite specs (plain dicts) from plain Python data; :func:`render_svg`
turns a spec into SVG with vl-convert (no browser, no network), and :func:`svg_for_html`
makes that SVG accessible for inlining. All user-visible text is Dutch and numbers use the
Dutch format (12.500; 3,5). Neither Altair nor vl-convert is imported at import time.
"""

from __future__ import annotations

from regietafel.charts.bars import bar_chart, need_vs_capacity_chart, tradeoff_chart
from regietafel.charts.maps import municipality_map, province_map, topology_subset
from regietafel.charts.render import ChartError, render_svg, svg_for_html
from regietafel.charts.timeseries import capacity_timeline_chart, fan_chart

__all__ = [
    "ChartError",
    "bar_chart",
    "capacity_timeline_chart",
    "fan_chart",
    "municipality_map",
    "need_vs_capacity_chart",
    "province_map",
    "render_svg",
    "svg_for_html",
    "topology_subset",
    "tradeoff_chart",
]
