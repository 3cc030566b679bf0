"""Template filters that show a catalogue figure: its value and its change, in Dutch."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.utils.safestring import SafeString, mark_safe

from regietafel.charts.sparkline import sparkline_svg
from regietafel.core.catalogue import (
    FigureChange,
    FigureHistory,
    HistoryPoint,
    definition,
)
from regietafel.core.formatting import format_change_nl

register = template.Library()


@register.filter
def figure_text(change: FigureChange) -> str:
    """The value as people read it ("33.057", "12,3 %", "geen gegevens", "afgeschermd")."""
    return change.text


def _signed(delta: float | None, than: str, *, decimals: int = 0, unit: str = "") -> str:
    if delta is None:
        return ""
    if delta == 0:
        return f"gelijk aan {than}"
    return f"{format_change_nl(delta, decimals)}{unit} t.o.v. {than}"


def _delta_text(change: FigureChange, delta: float | None, than: str) -> str:
    unit = " procentpunt" if change.definition.unit == "%" else ""
    return _signed(delta, than, decimals=change.definition.decimals, unit=unit)


@register.filter
def figure_change(change: FigureChange) -> str:
    """ "+120 t.o.v. vorige week", "gelijk aan vorige week", "nieuw halfjaar (2021-II)" when
    last week lies in another half year; with a value this week but none last week "geen
    gegevens vorige week" (or "vorige week afgeschermd"): a blank read as no change. "" when
    this week has no value, which the value itself already says."""
    if change.new_period:
        return change.change_note
    if change.value is not None and change.earlier is None:
        return (
            "vorige week afgeschermd" if change.earlier_suppressed else "geen gegevens vorige week"
        )
    return _delta_text(change, change.change, "vorige week")


@register.filter
def figure_change_since_meeting(change: FigureChange) -> str:
    """ "+450 t.o.v. week 2021-W40" for the chosen earlier week, "nieuw halfjaar (2021-II)
    t.o.v. week 2021-W20" when it lies in another half year; "" without one."""
    if not change.meeting_label:
        return ""
    than = f"week {change.meeting_label}"
    if change.meeting_new_period:
        return f"{change.meeting_change_note} t.o.v. {than}"
    return _delta_text(change, change.change_since_meeting, than)


@register.filter
def figure_name(code: str) -> str:
    """The catalogue's name of a figure: the one label it has on every surface."""
    return definition(code).name


@register.filter
def figure_value(value: float | None, code: str) -> str:
    """A value of that figure as its catalogue writes it (decimals, unit, "geen gegevens"),
    rounded half up by the core's one rule: no rounding of its own here."""
    return definition(code).text(value)


@lru_cache(maxsize=2048)
def _trend(history: FigureHistory) -> str:
    def floats(points: tuple[HistoryPoint, ...]) -> tuple[float | None, ...]:
        return tuple(None if p.value is None else float(p.value) for p in points)

    return sparkline_svg(
        floats(history.points), floats(history.projection), label=history.summary()
    )


@register.filter
def figure_trend(history: FigureHistory | None) -> SafeString | str:
    """The trend of a figure as inline SVG with its text alternative ("" without history).

    Kept per history (its weeks and values are its identity), so a page drawn again for the
    same data builds no markup.
    """
    if history is None:
        return ""
    return mark_safe(_trend(history))  # noqa: S308 - built from numbers and an escaped label


@register.filter
def count_change(delta: int | None, than: str) -> str:
    """A whole-number change as the figures write theirs: "+200 t.o.v. vorige week"."""
    return _signed(delta, than)
