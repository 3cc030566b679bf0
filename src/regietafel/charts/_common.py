"""Shared pieces of every chart spec: Dutch locale, theme, title and source line.

Specs are plain dicts in Vega-Lite v6 form. Nothing here imports Altair or vl-convert, so
building a spec is cheap and needs neither a browser nor the network.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

from regietafel.core.formatting import MONTHS_NL, format_decimal_nl

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"

#: d3-format locale for Dutch: 12.500 and 3,5.
NUMBER_LOCALE: dict[str, Any] = {
    "decimal": ",",
    "thousands": ".",
    "grouping": [3],
    "currency": ["€\u00a0", ""],
}

#: d3-time-format locale for Dutch (nl-NL).
TIME_LOCALE: dict[str, Any] = {
    "dateTime": "%a %e %B %Y %X",
    "date": "%d-%m-%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
    "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
    "months": list(MONTHS_NL),
    "shortMonths": [
        "jan",
        "feb",
        "mrt",
        "apr",
        "mei",
        "jun",
        "jul",
        "aug",
        "sep",
        "okt",
        "nov",
        "dec",
    ],
}

#: One font everywhere: vl-convert measures text with the fonts it finds on the system and
#: WeasyPrint draws with fontconfig; naming a font both have (DejaVu ships with Debian)
#: keeps label widths and the drawn text in step. Generic fallbacks follow for browsers.
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"

#: Colour-blind-safe qualitative colours (Okabe-Ito subset) for series in line/bar charts.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")

#: Text colour for titles and labels: near-black, contrast > 12:1 on white.
INK = "#1a1a1a"
#: Secondary text (source line), still > 7:1 on white.
INK_SOFT = "#4d4d4d"


def base_config() -> dict[str, Any]:
    """The top-level ``config``: Dutch locale, font, readable sizes, no view border."""
    return {
        "locale": {"number": NUMBER_LOCALE, "time": TIME_LOCALE},
        "font": FONT,
        "background": "white",
        "view": {"stroke": None},
        "title": {
            "anchor": "start",
            "fontSize": 15,
            "fontWeight": "bold",
            "color": INK,
            "offset": 10,
        },
        # Vega-Lite describes axes and legends to screen readers in English ("Y-axis titled
        # ... for a linear scale"); the chart's own Dutch <title> and <desc> (svg_for_html)
        # and the table beside every chart say it instead.
        "axis": {
            "aria": False,
            "labelFontSize": 11,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
            "labelColor": INK,
            "titleColor": INK,
            "gridColor": "#e0e0e0",
            "domainColor": "#767676",
            "tickColor": "#767676",
        },
        "legend": {
            "aria": False,
            "labelFontSize": 11,
            "titleFontSize": 12,
            "labelColor": INK,
            "titleColor": INK,
            "labelLimit": 320,
            "titleLimit": 400,
            "orient": "bottom",
            "direction": "vertical",
        },
        "header": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": INK},
    }


def with_title_and_source(
    chart: dict[str, Any], *, title: str, source: str, width: int, description: str | None = None
) -> dict[str, Any]:
    """Wrap a chart: title on top, a source line ("Bron: ...") in small print below.

    The chart sits alone in a ``vconcat`` whose title is the chart title; the chart's own
    title, oriented to the bottom, is the source line. Vega places a bottom title under
    the chart's axes and legend, so the source line is always the last line.
    """
    if not title.strip():
        raise ValueError("Een grafiek heeft een titel nodig.")
    if not source.strip():
        raise ValueError("Een grafiek heeft een bronvermelding nodig (bijv. 'Bron: ...').")
    inner = dict(chart)
    inner["title"] = {
        "text": source_lines(source, width),
        "orient": "bottom",
        "anchor": "start",
        "frame": "bounds",
        "fontSize": 10,
        "fontWeight": "normal",
        "color": INK_SOFT,
        "offset": 12,
        "limit": max(width, 200),
    }
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "title": {"text": title},
        "description": description or title,
        "vconcat": [inner],
        # Independent legends live inside the chart's own group, so the bottom title
        # (the source line) comes after the legend rather than before it.
        "resolve": {
            "legend": {"color": "independent", "shape": "independent"},
            "scale": {"color": "independent"},
        },
        "padding": 8,
        "config": base_config(),
    }
    return spec


SOURCE_CHARACTER_WIDTH = 5.6
"""Roughly the width in pixels of one character of the 10-pixel source line."""


def source_lines(source: str, width: int) -> str | list[str]:
    """The source line broken into lines that fit the chart's width.

    Vega cuts a title that is too long at its ``limit`` with "…", and the cut part is
    usually the licence ("CC B…"); a list of lines is drawn as several lines instead."""
    lines = textwrap.wrap(source, width=max(40, int(max(width, 200) / SOURCE_CHARACTER_WIDTH)))
    return lines[0] if len(lines) == 1 else lines


def iso(day: date) -> str:
    """A date as ISO text, the form Vega-Lite parses without time-zone surprises."""
    return day.isoformat()


def check_lengths(name: str, expected: int, values: Sequence[object]) -> None:
    """Raise a Dutch ``ValueError`` when a parallel series has the wrong length."""
    if len(values) != expected:
        raise ValueError(f"'{name}' heeft {len(values)} waarden; verwacht: {expected}.")


def finite_or_none(value: float | None) -> float | None:
    """NaN and infinities become ``None`` (a gap in the chart), never invalid JSON."""
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def format_number(value: float, decimals: int = 0, *, trim: bool = False) -> str:
    """Dutch number text in Python, for labels we build ourselves: 12500.5 -> '12.500,5'.

    ``trim`` drops trailing decimal zeros (like d3's ``~``): 87.50 -> '87,5', 64.0 -> '64'.
    A negative has the minus of ``core.formatting`` (and of d3's axes): -300 -> '−300'.
    """
    text = format_decimal_nl(value, decimals)  # the one notation and rounding
    if trim and "," in text:
        text = text.rstrip("0").rstrip(",")
    return text
