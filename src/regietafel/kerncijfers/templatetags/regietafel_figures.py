"""Template filters that show a catalogue figure: its value and its change, in Dutch."""

from __future__ import annotations

from django import template

from regietafel.core.catalogue import FigureChange, definition, format_value

register = template.Library()


@register.filter
def figure_text(change: FigureChange) -> str:
    """The value as people read it ("33.057", "12,3 %", "geen gegevens", "afgeschermd")."""
    return change.text


def _delta_text(change: FigureChange, delta: float | None, than: str) -> str:
    if delta is None:
        return ""
    if delta == 0:
        return f"gelijk aan {than}"
    sign = "+" if delta > 0 else "−"
    unit = " procentpunt" if change.definition.unit == "%" else ""
    text = format_value(abs(delta), change.definition.decimals, "")
    return f"{sign}{text}{unit} t.o.v. {than}"


@register.filter
def figure_change(change: FigureChange) -> str:
    """ "+120 t.o.v. vorige week", "gelijk aan vorige week", or "" when either is unknown."""
    return _delta_text(change, change.change, "vorige week")


@register.filter
def figure_change_since_meeting(change: FigureChange) -> str:
    """ "+450 t.o.v. week 2021-W40" for the chosen earlier week; "" without one."""
    if not change.meeting_label:
        return ""
    return _delta_text(change, change.change_since_meeting, f"week {change.meeting_label}")


@register.filter
def figure_name(code: str) -> str:
    """The catalogue's name of a figure: the one label it has on every surface."""
    return definition(code).name


@register.filter
def figure_value(value: float | None, code: str) -> str:
    """A value of that figure as its catalogue writes it (decimals, unit, "geen gegevens")."""
    figure = definition(code)
    if value is None:
        return figure.text(None)
    return figure.text(round(value, figure.decimals) if figure.decimals else round(value))
