"""Template filters for the report: Dutch numbers and dates whatever the active language."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils.safestring import SafeString, mark_safe

from regietafel.charts.sparkline import sparkline_svg
from regietafel.rapportage.data import KeyFigure
from regietafel.rapportage.format import change_nl, date_nl, number_nl, percent_nl

register = template.Library()


@register.filter
def getal(value: float | None, decimals: int = 0) -> str:
    return number_nl(value, decimals)


@register.filter
def verschil(value: float | None, decimals: int = 0) -> str:
    return change_nl(value, decimals)


@register.filter
def procent(value: float | None, decimals: int = 1) -> str:
    return percent_nl(value, decimals)


@register.filter
def datum(value: date | datetime | str | None) -> str:
    return date_nl(value)


@register.filter
def verloop(figure: KeyFigure) -> SafeString | str:
    """The key figure's frozen trend as inline SVG with its text alternative ("" without one).

    The same markup on the web page and in the PDF; the sparkline keeps its own cache keyed
    by the values, so drawing a report again builds nothing new.
    """
    if not figure.trend_weeks:
        return ""

    def floats(values: tuple[float | None, ...]) -> tuple[float | None, ...]:
        return tuple(None if v is None else float(v) for v in values)

    svg = sparkline_svg(floats(figure.trend), floats(figure.projection), label=figure.trend_summary)
    return mark_safe(svg)  # noqa: S308 - numbers and an escaped label only
