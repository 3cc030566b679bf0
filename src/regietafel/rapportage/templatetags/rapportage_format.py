"""Template filters for the report: Dutch numbers and dates whatever the active language."""

from __future__ import annotations

from datetime import date, datetime

from django import template

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
