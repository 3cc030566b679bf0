"""The rows of the progress table (352 municipalities) rendered in Python, in one pass.

The template engine resolved some 30 variables, two ``floatformat`` filters and an include
per row; on the period page that was most of the response time. Here every cell is
formatted once in the one notation of ``core.formatting`` (``1.234``, ``−5``, ``94,0 %``,
with ``floatformat:1``'s half-up rounding) and escaped; a test holds the output equal to
the former template's.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from regietafel.core.catalogue import definition
from regietafel.core.formatting import (
    NO_DATA_TEXT,
    format_decimal_nl,
    format_int_nl,
    format_percent_nl,
)
from regietafel.core.rules import ScheduleClass
from regietafel.core.taakstelling import ProgressAggregate, ProgressRow
from regietafel.taakstelling.selectors import thresholds_text

register = template.Library()

UNKNOWN_SCHEDULE = "onbekend"
"""The class of a municipality whose housed is unknown: not on schedule, not behind."""
_BADGE_CLASS = {
    ScheduleClass.ON_SCHEDULE: "status--ok",
    ScheduleClass.SOMEWHAT_BEHIND: "status--warn",
    ScheduleClass.FAR_BEHIND: "status--bad",
}


def integer_nl(value: int) -> str:
    """In the one notation (``core.formatting``): 1234 -> "1.234", -5 -> "−5"."""
    return format_int_nl(value)


@register.filter
def count_nl(value: int | None) -> str:
    """A count that can be unknown (housed before any realisation): "geen gegevens", not 0."""
    return NO_DATA_TEXT if value is None else integer_nl(value)


def one_decimal_nl(value: float) -> str:
    """One decimal in the one notation, rounded half up as the cards round it: "1.234,5",
    "−0,5", never "−0,0"."""
    return format_decimal_nl(value, 1)


def percent_nl(value: float) -> str:
    """A share housed as the cards write it: "94,0 %"."""
    return format_percent_nl(value)


def badge(schedule: ScheduleClass | None) -> str:
    """The schedule badge (colour and words, so it reads without colour); an unknown class
    (no realisation yet) is "onbekend" without a colour."""
    if schedule is None:
        return f'<span class="badge muted">{UNKNOWN_SCHEDULE}</span>'
    css = _BADGE_CLASS.get(schedule, "status--bad")
    return f'<span class="badge {css}">{escape(schedule.label)}</span>'


@register.filter(name="progress_percentage")
def _percentage(row: ProgressRow) -> str:
    """The percentage cell: "geen gegevens" when housed is unknown, "–" with nothing to house."""
    if row.housed is None:
        return NO_DATA_TEXT
    return "–" if row.percentage is None else percent_nl(row.percentage)


def _row(row: ProgressRow) -> str:
    percentage = _percentage(row)
    return (
        f'<tr><th scope="row">{escape(row.name)} <span class="muted">{escape(row.code)}</span>'
        f'</th><td class="num">{integer_nl(row.taakstelling)}</td>'
        f'<td class="num">{count_nl(row.arrears)}</td>'
        f'<td class="num">{integer_nl(row.corrected)}</td>'
        f'<td class="num">{count_nl(row.housed)}</td>'
        f'<td class="num">{count_nl(row.remaining)}</td>'
        f'<td class="num">{one_decimal_nl(row.expected)}</td>'
        f'<td class="num">{count_nl(row.schedule_arrears)}</td>'
        f'<td class="num">{percentage}</td>'
        f"<td>{badge(row.schedule)}</td></tr>"
    )


@register.simple_tag
def progress_rows(rows: Iterable[ProgressRow]) -> SafeString:
    """``<tr>`` per municipality; every value is escaped or a formatted number."""
    return mark_safe("\n".join(_row(r) for r in rows))  # noqa: S308 - built from escaped parts


def expected_total(row: ProgressRow) -> str:
    """Expected housed of a sum of municipalities as the key figure ``verwacht_gehuisvest``
    writes it (whole persons, the catalogue's rounding): the province's total row reads
    1.629 where the API and the command line say 1.629, not 1.628,7. A municipality's own
    row keeps one decimal, so that "verwacht 1,2, gehuisvest 1" shows why it is behind."""
    return definition("verwacht_gehuisvest").text(row.expected)


@register.simple_tag
def progress_total_row(total: ProgressAggregate) -> SafeString:
    """The totals row: the counts add up; the percentage is the core's of the sums; expected
    is the key figure's notation (:func:`expected_total`); a class of a sum is no sum, so the
    schema cell stays empty."""
    row = total.row
    percentage = _percentage(row)
    count = f"{total.municipalities} gemeente" + ("" if total.municipalities == 1 else "n")
    return mark_safe(  # noqa: S308 - built from escaped parts
        f'<tr><th scope="row">Totaal <span class="muted">{escape(count)}</span></th>'
        f'<td class="num">{integer_nl(row.taakstelling)}</td>'
        f'<td class="num">{count_nl(row.arrears)}</td>'
        f'<td class="num">{integer_nl(row.corrected)}</td>'
        f'<td class="num">{count_nl(row.housed)}</td>'
        f'<td class="num">{count_nl(row.remaining)}</td>'
        f'<td class="num">{expected_total(row)}</td>'
        f'<td class="num">{count_nl(total.schedule_arrears)}</td>'
        f'<td class="num">{percentage}</td><td></td></tr>'
    )


@register.simple_tag
def schedule_badge(schedule: ScheduleClass | None) -> SafeString:
    return mark_safe(badge(schedule))  # noqa: S308 - escaped in badge()


@register.simple_tag
def schedule_thresholds() -> str:
    """The schedule classes in words, with the configured (assumed) share."""
    return thresholds_text()
